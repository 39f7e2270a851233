/* file_path.h — paths written inside a file (a layout's fonts, a content
 * file's images and layout), which are relative to that file's folder, as
 * a staff member reads them beside the file. */
#ifndef KUMIHAN_FILE_PATH_H
#define KUMIHAN_FILE_PATH_H

#include <stddef.h>

/* Length of the folder part of path, its last slash included ("" → 0). */
size_t path_folder_length(const char *path);

/* name as seen from the file at path: name itself when absolute, else
 * path's folder followed by name.  malloc'd, never NULL (OOM aborts). */
char *path_beside(const char *path, const char *name);

#endif
