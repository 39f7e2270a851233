/* pages.h — the page model: what each page shows, as positioned glyphs,
 * filled rectangles and rules, plus bookmarks.  paginate.c fills it from
 * the composed flow; pdf_write.c (and impose.c) draw it.  Coordinates are
 * PDF points with the origin at the page's bottom-left. */
#ifndef KUMIHAN_PAGES_H
#define KUMIHAN_PAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pg_glyph {
    uint32_t cp;
    uint16_t font;         /* font role index */
    uint32_t color;        /* 0xRRGGBB */
    float size;            /* pt */
    float x, y;            /* glyph origin on the baseline */
    float width;           /* advance it was set with (x of the next glyph = x + width) */
} pg_glyph;

typedef enum pg_shape_kind { PG_FILL_RECT, PG_STROKE_RECT, PG_LINE } pg_shape_kind;

typedef struct pg_shape {
    pg_shape_kind kind;
    float x0, y0, x1, y1;  /* rect corners, or line ends */
    float line_width;      /* pt, for strokes */
    uint32_t color;
} pg_shape;

/* A bookmark: level 0 = part, 1 = section; y is the top of the heading. */
typedef struct pg_mark {
    int level;
    char *title;           /* owned, UTF-8, with its number: "Ⅰ．重点事業" */
    float y;
} pg_mark;

typedef struct pg_page {
    pg_glyph *glyphs;
    size_t n_glyphs, cap_glyphs;
    pg_shape *shapes;
    size_t n_shapes, cap_shapes;
    pg_mark *marks;
    size_t n_marks, cap_marks;
    char *running_head;    /* owned, the part title shown in the header, or NULL */
    bool blank;            /* padding page: no furniture */
} pg_page;

typedef struct pg_doc {
    float width, height;   /* paper, pt */
    pg_page *pages;
    size_t n_pages, cap_pages;
} pg_doc;

void pg_doc_init(pg_doc *d, float width, float height);
void pg_doc_free(pg_doc *d);
pg_page *pg_add_page(pg_doc *d);             /* NULL on out of memory */
bool pg_add_glyph(pg_page *p, pg_glyph g);
bool pg_add_shape(pg_page *p, pg_shape s);
bool pg_add_mark(pg_page *p, int level, const char *title, float y);

#endif
