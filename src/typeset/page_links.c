/* page_links.c — link rectangles from the glyphs that show a URL: a run of
 * glyphs of one block, one URL and one baseline is one rectangle. */
#include "page_links.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "url_scan.h"

/* JLREQ's ideographic em box around the baseline (as compose.c sets it). */
#define EM_BOX_ASCENT 0.88f
#define EM_BOX_DESCENT 0.12f

static bool same_fragment(const pg_glyph *a, const pg_glyph *b)
{
    return a->link == b->link && a->origin.block == b->origin.block && a->y == b->y;
}

/* The link target of the URL starting at byte link-1 of the block's text. */
static char *target_of(const pg_glyph *g)
{
    const struct block *b = g->origin.block;
    if (!b || !b->text)
        return NULL;
    size_t len = strlen(b->text), from = g->link - 1;
    url_span s;
    if (from >= len || !url_next(b->text, len, from, &s) || s.start != from)
        return NULL;
    return url_target(b->text, &s);
}

void pg_collect_links(pg_page *p)
{
    for (size_t i = 0; i < p->n_links; i++)
        free(p->links[i].uri);
    p->n_links = 0;
    for (size_t i = 0; i < p->n_glyphs;) {
        const pg_glyph *g = &p->glyphs[i];
        size_t j = i + 1;
        if (g->link == 0) {
            i = j;
            continue;
        }
        pg_link l = {.x0 = g->x, .x1 = g->x + g->width, .y0 = g->y - EM_BOX_DESCENT * g->size,
                     .y1 = g->y + EM_BOX_ASCENT * g->size, .block = g->origin.block,
                     .link = g->link};
        for (; j < p->n_glyphs && same_fragment(g, &p->glyphs[j]); j++) {
            const pg_glyph *h = &p->glyphs[j];
            l.x0 = h->x < l.x0 ? h->x : l.x0;
            l.x1 = h->x + h->width > l.x1 ? h->x + h->width : l.x1;
            float top = h->y + EM_BOX_ASCENT * h->size, bottom = h->y - EM_BOX_DESCENT * h->size;
            l.y1 = top > l.y1 ? top : l.y1;
            l.y0 = bottom < l.y0 ? bottom : l.y0;
        }
        l.uri = target_of(g);
        if (l.uri)
            pg_add_link(p, l);
        i = j;
    }
}
