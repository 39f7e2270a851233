/* pages.c — the page model's small constructors: growable arrays of
 * glyphs, shapes and bookmarks per page, doubling as they fill. */
#include "pages.h"

#include <stdlib.h>
#include <string.h>

/* Makes room for one more element of size elem in *items (count n, capacity
 * *cap), doubling; false on out of memory, leaving the array as it was. */
static bool grow(void **items, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap)
        return true;
    size_t new_cap = *cap ? *cap * 2 : 16;
    if (new_cap < *cap || new_cap > SIZE_MAX / elem)
        return false;
    void *p = realloc(*items, new_cap * elem);
    if (!p)
        return false;
    *items = p;
    *cap = new_cap;
    return true;
}

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
}

pg_page *pg_add_page(pg_doc *d)
{
    if (!grow((void **)&d->pages, d->n_pages, &d->cap_pages, sizeof *d->pages))
        return NULL;
    pg_page *p = &d->pages[d->n_pages++];
    memset(p, 0, sizeof *p);
    return p;
}

bool pg_add_glyph(pg_page *p, pg_glyph g)
{
    if (!grow((void **)&p->glyphs, p->n_glyphs, &p->cap_glyphs, sizeof *p->glyphs))
        return false;
    p->glyphs[p->n_glyphs++] = g;
    return true;
}

bool pg_add_shape(pg_page *p, pg_shape s)
{
    if (!grow((void **)&p->shapes, p->n_shapes, &p->cap_shapes, sizeof *p->shapes))
        return false;
    p->shapes[p->n_shapes++] = s;
    return true;
}

bool pg_add_mark(pg_page *p, int level, const char *title, float y)
{
    size_t len = strlen(title) + 1;
    char *copy = malloc(len);
    if (!copy)
        return false;
    memcpy(copy, title, len);
    if (!grow((void **)&p->marks, p->n_marks, &p->cap_marks, sizeof *p->marks)) {
        free(copy);
        return false;
    }
    p->marks[p->n_marks++] = (pg_mark){.level = level, .title = copy, .y = y};
    return true;
}
