/* pages.c — the page model's small constructors: growable arrays of
 * glyphs, shapes and bookmarks per page (vec.h: they cannot fail); and the
 * block → pages map with its lookup. */
#include "pages.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"
#include "xalloc.h"

void pg_doc_init(pg_doc *d, float width, float height)
{
    memset(d, 0, sizeof *d);
    d->width = width;
    d->height = height;
}

static void page_free(pg_page *p)
{
    for (size_t i = 0; i < p->n_marks; i++)
        free(p->marks[i].title);
    for (size_t i = 0; i < p->n_links; i++)
        free(p->links[i].uri);
    free(p->links);
    for (size_t i = 0; i < p->n_images; i++)
        free(p->images[i].path);
    free(p->images);
    free(p->glyphs);
    free(p->shapes);
    free(p->marks);
    free(p->running_head);
}

void pg_doc_free(pg_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_pages; i++)
        page_free(&d->pages[i]);
    free(d->pages);
    d->pages = NULL;
    d->n_pages = d->cap_pages = 0;
    free(d->blocks);
    free(d->by_block);
    d->blocks = NULL;
    d->by_block = NULL;
    d->n_blocks = d->cap_blocks = 0;
}

pg_page *pg_add_page(pg_doc *d)
{
    /* pages are filled in order: the last one is complete now, and its
     * arrays' spare room (up to half, from doubling) would otherwise sit
     * beside the flow until pagination ends */
    if (d->n_pages > 0)
        pg_page_trim(&d->pages[d->n_pages - 1]);
    VEC_RESERVE(d->pages, d->cap_pages, d->n_pages + 1);
    pg_page *p = &d->pages[d->n_pages++];
    memset(p, 0, sizeof *p);
    return p;
}

void pg_page_trim(pg_page *p)
{
    if (p->n_glyphs > 0 && p->n_glyphs < p->cap_glyphs) {
        p->glyphs = xreallocarray(p->glyphs, p->n_glyphs, sizeof *p->glyphs);
        p->cap_glyphs = p->n_glyphs;
    }
    if (p->n_shapes > 0 && p->n_shapes < p->cap_shapes) {
        p->shapes = xreallocarray(p->shapes, p->n_shapes, sizeof *p->shapes);
        p->cap_shapes = p->n_shapes;
    }
}

void pg_doc_trim(pg_doc *d)
{
    for (size_t i = 0; i < d->n_pages; i++)
        pg_page_trim(&d->pages[i]);
}

void pg_page_drop_drawing(pg_page *p)
{
    free(p->glyphs);
    free(p->shapes);
    p->glyphs = NULL;
    p->shapes = NULL;
    p->n_glyphs = p->cap_glyphs = p->n_shapes = p->cap_shapes = 0;
}

void pg_add_glyph(pg_page *p, pg_glyph g)
{
    VEC_PUSH(p->glyphs, p->n_glyphs, p->cap_glyphs, g);
}

void pg_add_shape(pg_page *p, pg_shape s)
{
    VEC_PUSH(p->shapes, p->n_shapes, p->cap_shapes, s);
}

void pg_add_image(pg_page *p, pg_image im)
{
    im.path = xstrdup(im.path);
    VEC_PUSH(p->images, p->n_images, p->cap_images, im);
}

void pg_add_link(pg_page *p, pg_link l)
{
    VEC_PUSH(p->links, p->n_links, p->cap_links, l);
}

void pg_add_mark(pg_page *p, int level, const char *title, float y)
{
    VEC_PUSH(p->marks, p->n_marks, p->cap_marks, (pg_mark){.level = level, .title = xstrdup(title), .y = y});
}

/* ---- block → pages --------------------------------------------------------- */

/* The flow sets a block's lines one after another, so a block is either
 * the last one noted (its lines go on) or a new one. */
void pg_note_block_page(pg_doc *d, const struct block *b, size_t page)
{
    if (d->n_blocks > 0 && d->blocks[d->n_blocks - 1].block == b)
        d->blocks[d->n_blocks - 1].last_page = page;
    else
        VEC_PUSH(d->blocks, d->n_blocks, d->cap_blocks,
                 (pg_block_pages){.block = b, .first_page = page, .last_page = page});
}

static int cmp_by_block(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const pg_block_pages *)a)->block, y = (uintptr_t)((const pg_block_pages *)b)->block;
    return (x > y) - (x < y);
}

void pg_index_blocks(pg_doc *d)
{
    free(d->by_block);
    d->by_block = xmallocarray(d->n_blocks ? d->n_blocks : 1, sizeof *d->by_block);
    if (d->n_blocks)
        memcpy(d->by_block, d->blocks, d->n_blocks * sizeof *d->by_block);
    qsort(d->by_block, d->n_blocks, sizeof *d->by_block, cmp_by_block);
}

const pg_block_pages *pg_block_pages_of(const pg_doc *d, const struct block *b)
{
    if (!d->by_block)
        return NULL;
    pg_block_pages key = {.block = b};
    return bsearch(&key, d->by_block, d->n_blocks, sizeof key, cmp_by_block);
}

void pg_forget_blocks(pg_doc *d)
{
    for (size_t p = 0; p < d->n_pages; p++) {
        pg_page *pg = &d->pages[p];
        for (size_t i = 0; i < pg->n_glyphs; i++)
            pg->glyphs[i].origin.block = NULL;
        for (size_t i = 0; i < pg->n_shapes; i++)
            pg->shapes[i].origin.block = NULL;
        for (size_t i = 0; i < pg->n_links; i++)
            pg->links[i].block = NULL;
        for (size_t i = 0; i < pg->n_images; i++)
            pg->images[i].origin.block = NULL;
    }
    free(d->blocks);
    free(d->by_block);
    d->blocks = NULL;
    d->by_block = NULL;
    d->n_blocks = d->cap_blocks = 0;
}
