/* output_guard.h — refusing, before anything is written, an output path
 * that names one of the user's inputs (the content, the layout, a font it
 * uses, the --compare OLD file) or the other output of the same run.
 * Files are compared as files (device and inode, links followed), so
 * ./out/../plan.yaml, a symlink or a hard link to the plan are caught. */
#ifndef KUMIHAN_OUTPUT_GUARD_H
#define KUMIHAN_OUTPUT_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

typedef struct guarded_path {
    const char *what;   /* an output's option ("-o"); an input's role ("the content file") */
    const char *path;
} guarded_path;

/* One D_USAGE error (exit 2) per clash, with a hint; false if any, or if
 * an output cannot be an output at all (a folder: D_IO). */
bool output_guard(const guarded_path *outputs, size_t n_out, const guarded_path *inputs, size_t n_in,
                  diag_list *dl);

#endif
