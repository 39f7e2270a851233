/* compose.h — the document tree set in the layout's styles: a flow of
 * lines and headings, each a whole number of grid lines tall (or a
 * fraction where the layout asks), with the glyphs already broken into
 * lines and placed horizontally, every glyph and shape with its origin
 * (block and role).  paginate.c cuts the flow into pages.  A decorator
 * may recolour the characters of a block and add shapes to its lines
 * (build --compare marks the changes so, change_marks.c). */
#ifndef KUMIHAN_COMPOSE_H
#define KUMIHAN_COMPOSE_H

#include <stdbool.h>
#include "doc.h"
#include "fonts.h"
#include "layout.h"
#include "linebreak.h"
#include "pages.h"

/* JLREQ's ideographic em box: the baseline lies 0.88 em below its top
 * (the ideographic character face is centred on the em box, 0.12 em of it
 * below the baseline). */
#define EM_BOX_ASCENT 0.88f

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
    bool page_break_before;   /* a part that starts a page, or after page_break: true */
    float keep_lines;         /* first line of a keep_together block: the lines from
                               * here to its end (0: none), kept on one page if they fit */
    int para;                 /* lines of one paragraph share this id (-1: none) */
    int para_line, para_lines;
    int mark_level;           /* bookmark level, or -1 */
    char *mark_title;         /* owned: "Ⅰ．重点事業" */
    char *running_head;       /* owned: set at part headings */
    const block *source;
    size_t image_first, image_count;   /* images, placed like glyphs (y down from the top) */
    int toc_entry;            /* a contents entry's last line: 1 + its index in flow.toc; 0: none */
    /* items [repeat_item - 1, + repeat_count) are set again above this one,
     * as page furniture, when this one starts a page: a table's continued
     * caption and header row over a row that continues the table; 0: none */
    size_t repeat_item, repeat_count;
    bool furniture_only;      /* set only as such a repeat, never in its place in the flow */
    size_t foot_shape;        /* 1 + the index of a shape drawn only when this item ends a page
                               * (a table row's closing frame); 0: none */
} flow_item;

typedef struct flow {
    flow_item *items;
    size_t n_items, cap_items;
    pg_glyph *glyphs;
    size_t n_glyphs, cap_glyphs;
    pg_shape *shapes;
    size_t n_shapes, cap_shapes;
    pg_image *images;         /* paths borrowed from the document's doc_images */
    size_t n_images, cap_images;
    struct toc_plan *toc;     /* the table of contents to number after pagination (toc.h), or NULL */
    size_t released_bytes;    /* of glyphs, given back behind pagination (flow_release.h) */
} flow;

/* A line as set, for a decorator: its glyphs as they go into the flow
 * (x absolute on the page, y the baseline measured down from the item's
 * top, origin filled) and, for each, the byte offset in block->text of
 * the character it shows (meaningful where the role is PG_ROLE_TEXT). */
typedef struct composed_line {
    const block *block;
    const pg_glyph *glyphs;
    const uint32_t *text_offsets;
    size_t n;
    float baseline;
} composed_line;

typedef void (*compose_shape_sink)(void *sink_ctx, pg_shape s);

/* What a decorator adds to the plain setting; both callbacks optional.
 * style_chars: before line breaking, may change the colour of chars[0..n),
 *   the characters of one part (role TEXT, LABEL or NEW_MARK) of block b,
 *   each with source = its byte offset in that part's string.
 * line_shapes: after each line of b is set, may add shapes through sink
 *   (with their origin filled); returns false if sink failed. */
typedef struct compose_decorator {
    void *ctx;
    void (*style_chars)(void *ctx, const block *b, pg_role part, lb_char *chars, size_t n);
    void (*line_shapes)(void *ctx, const composed_line *line, compose_shape_sink sink, void *sink_ctx);
} compose_decorator;

/* Sets every block of doc, decorated by deco (NULL: the plain setting).
 * Returns false if any error was reported (a character no font has, a
 * unit wider than the line, …). */
bool compose(const document *doc, const layout *lay, const font_set *fs, const compose_decorator *deco, flow *out,
             diag_list *dl);
void flow_free(flow *f);

#endif
