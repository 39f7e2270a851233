/* pdf_atomic.h — writing a finished file so that readers see either the old
 * file or the whole new one: temporary file beside it, fsync, rename. */
#ifndef KUMIHAN_PDF_ATOMIC_H
#define KUMIHAN_PDF_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

/* Writes len bytes to path atomically.  On failure: a D_IO diagnostic
 * naming the path and the system's reason, no temporary file left, and
 * any existing file at path untouched. */
bool pdf_atomic_write(const char *path, const void *data, size_t len, diag_list *dl);

#endif
