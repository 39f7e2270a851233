/* change_marks.h — the changes of a docdiff made visible: an annotated
 * copy of the new document (deleted blocks put back at their old place,
 * deleted characters put back into edited text) with a mark for every
 * byte of every changed block's text; and the shapes compose.c draws for
 * them: underlines under inserted text, lines through deleted text, a
 * change bar beside every line of a changed block. */
#ifndef KUMIHAN_CHANGE_MARKS_H
#define KUMIHAN_CHANGE_MARKS_H

#include <stdbool.h>
#include <stdint.h>
#include "docdiff.h"
#include "layout.h"
#include "linebreak.h"
#include "pages.h"

typedef enum cm_mark { CM_NONE, CM_INSERTED, CM_DELETED } cm_mark;

typedef struct cm_block {
    const block *b;          /* in change_marks.doc */
    uint8_t *marks;          /* cm_mark per byte of b->text; NULL: a bar only (moved) */
    cm_mark whole;           /* the whole block added or deleted, else CM_NONE */
} cm_block;

typedef struct change_marks {
    document *doc;           /* the annotated new document */
    block **entry_blocks;    /* the annotated block of each docdiff entry */
    cm_block *blocks;        /* changed blocks, sorted by pointer: lookup only */
    size_t n_blocks;
} change_marks;

/* Builds the annotated document from d, the diff of some old document
 * against new_doc (both must outlive cm: locations point into them). */
bool change_marks_build(const docdiff *d, const document *new_doc, change_marks *cm);
void change_marks_free(change_marks *cm);

/* The marks of annotated block b, or NULL when b is unchanged (cm may be NULL). */
const cm_block *change_marks_find(const change_marks *cm, const block *b);

/* Colours chars[first..n) of b's text (whose source is the byte offset in
 * b->text) by their marks, and replaces every source in chars[0..n) by
 * the cm_mark, which the line breaker carries to the glyphs. */
void cm_apply_chars(const cm_block *cb, const change_style *st, lb_char *chars, size_t first, size_t n);

typedef bool (*cm_shape_sink)(void *ctx, pg_shape s);

/* The shapes for one set line: glyphs (x from the line start x0, sources
 * being cm_marks), baseline `base` (y measured down), line pitch `pitch`.
 * The change bar goes in the left margin; the page's side is known only
 * after pagination (cm_bars_to_outer_margin moves it).  False if sink fails. */
bool cm_line_shapes(const cm_block *cb, const layout *lay, const lb_glyph *glyphs, size_t n, float x0, float base,
                    cm_shape_sink sink, void *ctx);

/* Moves the change bars of recto (odd-numbered) pages to the right
 * margin, so that every bar sits in the outer margin. */
void cm_bars_to_outer_margin(pg_doc *d, const layout *lay);

#endif
