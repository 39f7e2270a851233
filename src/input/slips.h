/* slips.h — slips that YAML and the schema accept but that would print
 * the plan silently wrong: a line folded into the text above it, a ' #'
 * that turns the rest of a text into a comment, numbers and (新) typed by
 * hand, the same text twice among siblings, a duplicate id, a title year
 * that disagrees with fiscal_year.  Which are errors and which warnings,
 * and why: content/README.md ("Slips kumihan catches"). */
#ifndef KUMIHAN_SLIPS_H
#define KUMIHAN_SLIPS_H

#include "diag.h"
#include "doc.h"
#include "ytree.h"

/* Looks at the source of one text scalar of the content body (a title,
 * text or paragraph): continuation lines that look like a new entry, and
 * a comment after a plain text. */
void slips_in_text(const ytree *t, const ynode *text, diag_list *dl);

/* Looks at the loaded document: typed numbers and (新), the same text twice
 * among siblings, duplicate ids (an error), the title's year. */
void slips_in_document(const document *doc, diag_list *dl);

/* An id: given in the content file, where its value is, and its rank in
 * file order (slips_duplicate_ids reports in that order). */
typedef struct slip_id {
    const char *id;
    src_loc loc;
    size_t order;
} slip_id;

/* An error for every id given a second time anywhere in the document
 * (kumihan diff pairs entries by id).  Sorts ids[] in place. */
void slips_duplicate_ids(slip_id *ids, size_t n, diag_list *dl);

/* Length in bytes of a hand-typed number or list mark at the start of s
 * (①, ⑴, 1., １．, Ⅴ．, 1）, (1), ・), 0 if there is none. */
size_t slips_typed_mark(const char *s, size_t len);

#endif
