/* compose.h — the document tree set in the layout's styles: a flow of
 * lines and headings, each a whole number of grid lines tall (or a
 * fraction where the layout asks), with the glyphs already broken into
 * lines and placed horizontally.  paginate.c cuts the flow into pages. */
#ifndef KUMIHAN_COMPOSE_H
#define KUMIHAN_COMPOSE_H

#include <stdbool.h>
#include "doc.h"
#include "fonts.h"
#include "layout.h"
#include "pages.h"

typedef enum flow_kind {
    FLOW_LINE,     /* a line of a paragraph or item, or a heading block */
    FLOW_SPACE     /* vertical space; dropped at the top of a page */
} flow_kind;

typedef struct flow_item {
    flow_kind kind;
    float lines;              /* height in body lines */
    /* glyphs and shapes, x absolute on the page, y measured DOWN from the
     * item's top edge (paginate turns it into page coordinates) */
    size_t glyph_first, glyph_count;
    size_t shape_first, shape_count;
    bool keep_with_next;      /* headings: never the last thing on a page */
    bool page_break_before;
    int para;                 /* lines of one paragraph share this id (-1: none) */
    int para_line, para_lines;
    int mark_level;           /* bookmark level, or -1 */
    char *mark_title;         /* owned: "Ⅰ．重点事業" */
    char *running_head;       /* owned: set at part headings */
    const block *source;
} flow_item;

typedef struct flow {
    flow_item *items;
    size_t n_items, cap_items;
    pg_glyph *glyphs;
    size_t n_glyphs, cap_glyphs;
    pg_shape *shapes;
    size_t n_shapes, cap_shapes;
} flow;

/* Sets every block of doc.  Returns false if any error was reported
 * (a character no font has, a unit wider than the line, …). */
bool compose(const document *doc, const layout *lay, const font_set *fs, flow *out, diag_list *dl);
/* The same with the changes of `kumihan build --compare` drawn (see
 * change_marks.h); doc is the annotated document of marks. */
struct change_marks;
bool compose_marked(const document *doc, const layout *lay, const font_set *fs, const struct change_marks *marks,
                    flow *out, diag_list *dl);
void flow_free(flow *f);

/* The printed label of a block ("Ⅰ．", "⑴", "①", "12）", "・"), malloc'd. */
char *block_label(const block *b, const layout *lay);

#endif
