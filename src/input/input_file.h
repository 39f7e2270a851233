/* input_file.h — opening an input file (content, layout) so that a path
 * naming a folder, a FIFO or a device is refused at once instead of
 * hanging on a pipe with no writer or reading a device forever. */
#ifndef KUMIHAN_INPUT_FILE_H
#define KUMIHAN_INPUT_FILE_H

#include <stdio.h>

/* Opens path for reading if it is a regular file (symlinks followed).
 * Otherwise NULL, and *why says why in plain words (static text, e.g.
 * "it is a folder, not a file", or the system's reason). */
FILE *input_file_open(const char *path, const char **why);

#endif
