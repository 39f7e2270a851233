/* pdf_atomic.h — writing finished files so that readers see either the
 * old files or the whole new ones: each file goes to a temporary file
 * beside it, is flushed, and only when every file of the run is complete
 * are they renamed into place.  Devices and FIFOs (/dev/null) and
 * standard output ("-") are written as streams, never replaced. */
#ifndef KUMIHAN_PDF_ATOMIC_H
#define KUMIHAN_PDF_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

typedef struct pdf_atomic_file {
    const char *path;         /* as the user gave it */
    const void *data;
    size_t len;
} pdf_atomic_file;

/* Writes every file or none.  A symlink is written through (the file it
 * points to is replaced, the link stays); an existing file keeps its
 * permission bits, a new one gets 0666 under the umask.  On failure: D_IO
 * diagnostics naming the path and the system's reason, every existing
 * file untouched, and no temporary file left (one that cannot be removed
 * is named).  Only a failing rename after an earlier one succeeded (the
 * folder changed under kumihan) can leave one file new and one old. */
bool pdf_atomic_write_all(const pdf_atomic_file *files, size_t n, diag_list *dl);

/* One file: pdf_atomic_write_all of one. */
bool pdf_atomic_write(const char *path, const void *data, size_t len, diag_list *dl);

#endif
