/* pages.h — the page model: what each page shows, as positioned glyphs,
 * filled rectangles and rules, each with its origin (the block it shows
 * and its role there), plus bookmarks and the pages every block landed
 * on.  paginate.c fills it from the composed flow; pdf_write.c (and
 * impose.c) draw it.  Coordinates are PDF points with the origin at the
 * page's bottom-left. */
#ifndef KUMIHAN_PAGES_H
#define KUMIHAN_PAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct block;

/* What a glyph or shape is for.  Consecutive glyphs and shapes of one
 * block and role form one run: what a tagged-PDF writer makes one marked-
 * content sequence of (an MCID under the block's structure element, or an
 * /Artifact for the page furniture), and what build --compare finds its
 * change bars by. */
typedef enum pg_role {
    PG_ROLE_TEXT,          /* the block's own text */
    PG_ROLE_LABEL,         /* its generated number or marker: Ⅰ． ⑴ ① ・ */
    PG_ROLE_NEW_MARK,      /* the (新) mark of a block new this year */
    PG_ROLE_BYLINE,        /* the title page's organisation line (block: the root, like the title) */
    PG_ROLE_DECORATION,    /* a heading's band, box or rule */
    PG_ROLE_CHANGE_BAR,    /* build --compare: the bar beside a changed line */
    PG_ROLE_CHANGE_MARK,   /* build --compare: inserted text's underline, deleted text's strike line */
    PG_ROLE_ARTIFACT,      /* page furniture: running head, footer, crop marks (block is NULL) */
    PG_ROLE_FIGURE,        /* a figure's or the logo's image (block: the BK_FIGURE or BK_LOGO) */
    PG_ROLE_TOC_TITLE,     /* the table of contents' title, 目次 (block: the root) */
    PG_ROLE_TOC_ENTRY      /* a contents entry's text and page number (block: the heading it lists) */
} pg_role;

typedef struct pg_origin {
    const struct block *block;  /* the document block shown; NULL for artifacts.  Valid
                                 * while that document lives (see compare.c) */
    pg_role role;
} pg_origin;

typedef struct pg_glyph {
    uint32_t cp;
    uint32_t vs;           /* variation selector of a variant glyph (IVS), 0 if none */
    uint32_t link;         /* 1 + byte offset in origin.block->text of the URL it is part of; 0: none */
    uint16_t font;         /* font role index */
    uint32_t color;        /* 0xRRGGBB */
    float size;            /* pt */
    float x, y;            /* glyph origin on the baseline */
    float width;           /* advance it was set with (x of the next glyph = x + width) */
    pg_origin origin;
} pg_glyph;

typedef enum pg_shape_kind { PG_FILL_RECT, PG_STROKE_RECT, PG_LINE } pg_shape_kind;

typedef struct pg_shape {
    pg_shape_kind kind;
    float x0, y0, x1, y1;  /* rect corners, or line ends */
    float line_width;      /* pt, for strokes */
    uint32_t color;
    pg_origin origin;
} pg_shape;

/* A bookmark: level 0 = part, 1 = section; y is the top of the heading. */
typedef struct pg_mark {
    int level;
    char *title;           /* owned, UTF-8, with its number: "Ⅰ．重点事業" */
    float y;
} pg_mark;

/* A link annotation: the rectangle over one line's fragment of a URL or
 * e-mail address (from its glyphs' em boxes) and where it leads. */
typedef struct pg_link {
    float x0, y0, x1, y1;
    char *uri;             /* owned: "https://…", "mailto:…" */
    const struct block *block;  /* the block whose text has it (like pg_origin.block) */
    uint32_t link;         /* its glyphs' pg_glyph.link: which URL of the block it is */
    /* an internal link (a contents entry): 1 + the index of the page it
     * goes to, and the y there; 0: a URI link */
    size_t goto_page;
    float goto_y;
} pg_link;

/* An image on the page: the file, scaled into the box (x, y bottom-left,
 * w × h pt).  The PDF writer embeds each file once. */
typedef struct pg_image {
    char *path;            /* owned: the file to embed */
    bool png;              /* PNG, else JPEG (image_probe.c read which) */
    float x, y, w, h;
    pg_origin origin;      /* role PG_ROLE_FIGURE */
} pg_image;

typedef struct pg_page {
    pg_glyph *glyphs;
    size_t n_glyphs, cap_glyphs;
    pg_shape *shapes;
    size_t n_shapes, cap_shapes;
    pg_mark *marks;
    size_t n_marks, cap_marks;
    pg_link *links;        /* in reading order; filled by pg_collect_links (page_links.c) */
    size_t n_links, cap_links;
    char *running_head;    /* owned, the part title shown in the header, or NULL */
    bool blank;            /* padding page: no furniture */
    bool holds_title;      /* a document's title is set here: the layout's first_page means this page */
    pg_image *images;      /* drawn after the shapes, before the text */
    size_t n_images, cap_images;
} pg_page;

/* The pages one block's lines landed on (0-based page indices). */
typedef struct pg_block_pages {
    const struct block *block;
    size_t first_page, last_page;
} pg_block_pages;

typedef struct pg_doc {
    float width, height;   /* paper, pt */
    pg_page *pages;
    size_t n_pages, cap_pages;
    /* every block that has lines, in the order of the flow (= reading
     * order); by_block: the same sorted by block pointer, for lookup only */
    pg_block_pages *blocks;
    size_t n_blocks, cap_blocks;
    pg_block_pages *by_block;
} pg_doc;

void pg_doc_init(pg_doc *d, float width, float height);
void pg_doc_free(pg_doc *d);
/* The adders cannot fail: out of memory aborts (xalloc.h). */
pg_page *pg_add_page(pg_doc *d);             /* a new empty page, never NULL */
void pg_add_glyph(pg_page *p, pg_glyph g);
void pg_add_shape(pg_page *p, pg_shape s);
void pg_add_mark(pg_page *p, int level, const char *title, float y);
/* Copies im.path. */
void pg_add_image(pg_page *p, pg_image im);
/* Takes ownership of l.uri. */
void pg_add_link(pg_page *p, pg_link l);

/* Gives back the glyph and shape arrays' unused room (they grow by
 * doubling) once the pages are complete; adding to them later still works. */
void pg_doc_trim(pg_doc *d);
/* The same for one page (pg_add_page trims the page before the new one:
 * pages are filled in order, so most room is given back while paginating). */
void pg_page_trim(pg_page *p);
/* Frees the bulk of what a page shows (its glyphs and shapes), keeping
 * its marks, links, images and flags: for a page the reading PDF has
 * drawn, which nothing draws again (see pdf_render_dropping). */
void pg_page_drop_drawing(pg_page *p);

/* Records that a line of block b sits on page `page` (pages come in order). */
void pg_note_block_page(pg_doc *d, const struct block *b, size_t page);
/* Builds the lookup index of pg_block_pages_of. */
void pg_index_blocks(pg_doc *d);
/* The pages block b landed on, or NULL if it has no lines (or the index is not built). */
const pg_block_pages *pg_block_pages_of(const pg_doc *d, const struct block *b);
/* Forgets the blocks (map and origins' block pointers), keeping the roles:
 * for pages that outlive the document they were set from. */
void pg_forget_blocks(pg_doc *d);

#endif
