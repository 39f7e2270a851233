/* change_marks.h — the changes of a docdiff made visible: an annotated
 * copy of the new document (deleted blocks put back at their old place,
 * deleted characters put back into edited text) with a mark for every
 * byte of every changed block's text (and of a changed title or
 * organisation, the title page's lines); and the decorator through which the
 * composer draws them: underlines under inserted text, lines through
 * deleted text, a change bar beside every line of a changed block. */
#ifndef KUMIHAN_CHANGE_MARKS_H
#define KUMIHAN_CHANGE_MARKS_H

#include <stdbool.h>
#include <stdint.h>
#include "compose.h"
#include "docdiff.h"
#include "layout.h"
#include "pages.h"

typedef enum cm_mark { CM_NONE, CM_INSERTED, CM_DELETED } cm_mark;

typedef struct cm_block {
    const block *b;          /* in change_marks.doc */
    uint8_t *marks;          /* cm_mark per byte of b->text; NULL: a bar only (moved) */
    cm_mark whole;           /* the whole block added or deleted, else CM_NONE */
} cm_block;

typedef struct change_marks {
    document *doc;           /* the annotated new document */
    const layout *lay;       /* the marks' colours and sizes: set by change_marks_decorator */
    block **entry_blocks;    /* the annotated block of each docdiff entry */
    cm_block *blocks;        /* changed blocks, sorted by pointer: lookup only */
    size_t n_blocks;
    /* the marks of doc->title and doc->organization when they changed
     * (marks NULL otherwise; b is NULL: the composer sets these strings
     * as stand-in blocks of its own) */
    cm_block title, organization;
} change_marks;

/* Builds the annotated document from d, the diff of some old document
 * against new_doc (both must outlive cm: locations point into them). */
void change_marks_build(const docdiff *d, const document *new_doc, change_marks *cm);
void change_marks_free(change_marks *cm);

/* The marks of annotated block b, or NULL when b is unchanged (cm may be NULL). */
const cm_block *change_marks_find(const change_marks *cm, const block *b);

/* The composer's decorator that draws cm's changes in lay's change style
 * (cm and lay must outlive it):
 * marked characters coloured, underlines under inserted text and lines
 * through deleted text (PG_ROLE_CHANGE_MARK), and a change bar beside
 * every line of a changed block (PG_ROLE_CHANGE_BAR) in the left margin;
 * the page's side is known only after pagination (cm_bars_to_outer_margin
 * moves it). */
compose_decorator change_marks_decorator(change_marks *cm, const layout *lay);

/* Moves the change bars of recto (odd-numbered) pages to the right
 * margin, so that every bar sits in the outer margin. */
void cm_bars_to_outer_margin(pg_doc *d, const layout *lay);

#endif
