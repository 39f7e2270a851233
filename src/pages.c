/* pages.c — the page model's small constructors: growable arrays of
 * glyphs, shapes and bookmarks per page, doubling as they fill. */
#include "pages.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"
#include "xalloc.h"

/* Makes room for one more element of size elem in *items (count n, capacity
 * *cap); always true (out of memory aborts, see xalloc.h). */
static bool grow(void **items, size_t n, size_t *cap, size_t elem)
{
    *items = vec_reserve_(*items, cap, n + 1, elem);
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
    char *copy = xstrdup(title);
    if (!grow((void **)&p->marks, p->n_marks, &p->cap_marks, sizeof *p->marks)) {
        free(copy);
        return false;
    }
    p->marks[p->n_marks++] = (pg_mark){.level = level, .title = copy, .y = y};
    return true;
}
