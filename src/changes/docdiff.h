/* docdiff.h — what changed between two versions of a document: blocks
 * matched by content and structure (robust to reordering and
 * renumbering), classified as added, deleted, moved or edited, with a
 * character-level diff of edited text; and the metadata that changed.
 *
 * The result is a merged tree in the NEW document's order, with every
 * deleted block at the place it was removed from; the text report
 * (diff_report.h) and the marked-up booklet (change_marks.h) both read it. */
#ifndef KUMIHAN_DOCDIFF_H
#define KUMIHAN_DOCDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include "chardiff.h"
#include "doc.h"

typedef enum dd_change {
    DD_SAME,
    DD_ADDED,       /* only in the new document */
    DD_DELETED,     /* only in the old one */
    DD_EDITED       /* matched, text, (新) mark or a figure's file changed */
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
    bool file_changed;          /* a figure shows another image file (its text is its alt) */
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
 * point at their blocks).  It cannot fail (out of memory aborts, see
 * xalloc.h); free out with docdiff_free. */
void docdiff_compute(const document *old_doc, const document *new_doc, docdiff *out);
void docdiff_free(docdiff *d);

/* Anything to report? */
bool docdiff_has_changes(const docdiff *d);

#endif
