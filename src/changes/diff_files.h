/* diff_files.h — `kumihan diff OLD NEW` (diff_files.c): both content
 * files and the layout loaded and checked, compared (docdiff.h) and
 * reported (diff_report.h). */
#ifndef KUMIHAN_DIFF_FILES_H
#define KUMIHAN_DIFF_FILES_H

#include <stdio.h>
#include "diag.h"

/* Loads both content files and the layout, writes the report to out.
 * Returns diff(1)'s status: 0 identical, 1 different, 2 trouble (the
 * diagnostics say which). */
int docdiff_files(const char *old_path, const char *new_path, const char *layout_path, FILE *out,
                  diag_list *dl);

#endif
