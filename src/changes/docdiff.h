/* docdiff.h — what changed between two versions of a document: blocks
 * matched by content and structure (robust to reordering and
 * renumbering), classified as added, deleted, moved or edited, with a
 * character-level diff of edited text; and the metadata that changed.
 *
 * The result is a merged tree in the NEW document's order, with every
 * deleted block at the place it was removed from; the text report
 * (diff_report.c) and the marked-up booklet (change_marks.c) both read it. */
#ifndef KUMIHAN_DOCDIFF_H
#define KUMIHAN_DOCDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "chardiff.h"
#include "doc.h"
#include "layout.h"

typedef enum dd_change {
    DD_SAME,
    DD_ADDED,       /* only in the new document */
    DD_DELETED,     /* only in the old one */
    DD_EDITED       /* matched, text or (新) mark changed */
} dd_change;

/* One block of the merged tree, in pre-order. */
typedef struct dd_entry {
    dd_change change;
    bool moved;                 /* matched, but under another parent or out of order */
    bool new_mark_changed;      /* "(新)" given or taken away */
    const block *old_b;         /* NULL when added */
    const block *new_b;         /* NULL when deleted */
    long parent;                /* index of the parent entry, -1 for the root */
    cd_script text_diff;        /* old text → new text when DD_EDITED */
} dd_entry;

/* A metadata field that changed ("title", "organization", …). */
typedef struct dd_meta {
    const char *field;
    char *old_value, *new_value;    /* owned; NULL when absent */
    cd_script diff;
} dd_meta;

typedef struct docdiff {
    dd_entry *entries;
    size_t n_entries, cap_entries;
    dd_meta *meta;
    size_t n_meta, cap_meta;
    size_t comparisons;         /* text similarity computations: the matcher's work */
    size_t myers_steps;         /* Myers steps of those and of the edited texts' diffs */
} docdiff;

/* Compares old with new.  The documents must outlive the result (entries
 * point at their blocks).  False only on out of memory. */
bool docdiff_compute(const document *old_doc, const document *new_doc, docdiff *out);
void docdiff_free(docdiff *d);

/* Anything to report? */
bool docdiff_has_changes(const docdiff *d);

/* The words of a report, in one table per language: the text report of
 * `kumihan diff` speaks English (DD_LABELS_EN; a gettext pass will
 * translate that table), the summary page of the marked booklet Japanese
 * (DD_LABELS_JA).  Each line format takes the location, then the old
 * location where it has one, then the text or markup. */
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
} dd_labels;

extern const dd_labels DD_LABELS_EN, DD_LABELS_JA;

/* A metadata field's name in labels' language ("title" → "表題"). */
const char *dd_field_name(const dd_labels *labels, const char *field);

/* An entry's location, labels of the layout joined with "-" without their
 * trailing punctuation ("Ⅱ-1-⑶-②"; a preface paragraph "preface¶2"): in
 * the new numbering (a deleted block at the place it would have had), or
 * with old = true the block's number in the old document.  Malloc'd. */
char *dd_location(const docdiff *d, size_t entry, const layout *lay, bool old, const dd_labels *labels);

/* One line of the report for entry i (without newline), or NULL when the
 * entry is unchanged (or on out of memory). */
char *dd_entry_line(const docdiff *d, size_t i, const layout *lay, const dd_labels *labels);

/* One line for metadata change i ("title changed: …").  Malloc'd. */
char *dd_meta_line(const docdiff *d, size_t i, const dd_labels *labels);

/* The plain-text report: metadata changes, then the blocks in document
 * order; "no changes" when there are none.  False on a write error. */
bool docdiff_report(const docdiff *d, const layout *lay, FILE *out);

/* `kumihan diff`: loads both content files and the layout, writes the
 * report to out.  Returns diff(1)'s status: 0 identical, 1 different,
 * 2 trouble (the diagnostics say which). */
int docdiff_files(const char *old_path, const char *new_path, const char *layout_path, FILE *out,
                  diag_list *dl);

#endif
