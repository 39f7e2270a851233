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

/* The words of a report, in one table: English msgids (N_), translated
 * where they are used, so the text report of `kumihan diff` and the
 * summary page of the marked booklet speak the user's language (i18n.h).
 * Each line format takes the location, then the old location where it
 * has one, then the text or markup. */
typedef struct dd_labels {
    const char *added;          /* "%s added: %s" */
    const char *deleted;        /* "%s deleted (was %s): %s" */
    const char *moved;          /* "%s moved from %s: %s" */
    const char *moved_edited;   /* "%s moved from %s, edited: %s" */
    const char *edited;         /* "%s edited: %s" */
    const char *field_changed;  /* "%s changed: %s": a metadata field */
    const char *no_changes;     /* the whole report of identical documents */
    const char *preface;        /* the location of a preface paragraph, before its "¶n" */
    const char *field_names[6]; /* title, organization, fiscal_year, date, subject, keywords */
    /* a table's parts, %s its number: "table %s" (表1), the header row,
     * "row %s" (2行目, counting the rows under the header), "column %s" (3列目) */
    const char *table, *table_header, *table_row, *table_column;
} dd_labels;

extern const dd_labels DD_LABELS;

/* A metadata field's name in labels' language ("title" → "表題"). */
const char *dd_field_name(const dd_labels *labels, const char *field);

/* An entry's location, labels of the layout joined with "-" without their
 * trailing punctuation ("Ⅱ-1-⑶-②"; a preface paragraph "preface¶2"): in
 * the new numbering (a deleted block at the place it would have had), or
 * with old = true the block's number in the old document.  Malloc'd. */
char *dd_location(const docdiff *d, size_t entry, const layout *lay, bool old, const dd_labels *labels);

/* One line of the report for entry i (without newline), or NULL when the
 * entry is unchanged. */
char *dd_entry_line(const docdiff *d, size_t i, const layout *lay, const dd_labels *labels);

/* One line for metadata change i ("title changed: …").  Malloc'd. */
char *dd_meta_line(const docdiff *d, size_t i, const dd_labels *labels);

/* The plain-text report: metadata changes, then the blocks in document
 * order; "no changes" when there are none.  False on a write error. */
bool docdiff_report(const docdiff *d, const layout *lay, FILE *out);

#endif
