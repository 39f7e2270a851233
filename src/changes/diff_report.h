/* diff_report.h — a docdiff as text (diff_report.c): each change located
 * by the labels of the layout ("Ⅱ-1-⑶-②") and shown with its character
 * markup ("[-円滑化-]{+支援+}"); `kumihan diff` prints it and the summary
 * page of build --compare lists its lines. */
#ifndef KUMIHAN_DIFF_REPORT_H
#define KUMIHAN_DIFF_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "docdiff.h"
#include "layout.h"

/* An entry's location, labels of the layout joined with "-" without their
 * trailing punctuation ("Ⅱ-1-⑶-②"): in the new numbering (a deleted block
 * at the place it would have had), or with old = true the block's number
 * in the old document.  Malloc'd. */
char *dd_location(const docdiff *d, size_t entry, const layout *lay, bool old);

/* One line of the report for entry i (without newline), malloc'd; NULL
 * when the entry is unchanged. */
char *dd_entry_line(const docdiff *d, size_t i, const layout *lay);

/* The plain-text report: metadata changes, then the blocks in document
 * order.  False on a write error. */
bool docdiff_report(const docdiff *d, const layout *lay, FILE *out);

#endif
