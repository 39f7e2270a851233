/* toc.c — the contents' page numbers, leaders and links, added to the
 * pages once pagination has placed every heading (see toc.h). */
#include "toc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void toc_plan_free(toc_plan *t)
{
    if (!t)
        return;
    free(t->entries);
    free(t->leader);
    free(t);
}

int toc_page_number(const pg_doc *d, size_t page)
{
    int n = 0;
    for (size_t i = 0; i <= page && i < d->n_pages; i++)
        n += !d->pages[i].blank;
    return n;
}

static void add_char(pg_page *pg, const lb_char *c, float x, float y, pg_origin o)
{
    pg_add_glyph(pg, (pg_glyph){.cp = c->cp, .vs = c->vs, .font = c->font, .color = c->color, .size = c->size,
                                .x = x, .y = y, .width = c->advance, .origin = o});
}

/* The top of the heading's first line on its page (its highest glyph's em
 * box): where the link goes. */
static float heading_top(const pg_page *pg, const block *b)
{
    float top = 0;
    for (size_t i = 0; i < pg->n_glyphs; i++)
        if (pg->glyphs[i].origin.block == b &&
            (pg->glyphs[i].origin.role == PG_ROLE_TEXT || pg->glyphs[i].origin.role == PG_ROLE_LABEL)) {
            float t = pg->glyphs[i].y + 0.88f * pg->glyphs[i].size;
            top = t > top ? t : top;
        }
    return top;
}

/* The number flush right and the leader's units between the entry's text
 * and it, the room they leave spread evenly between the units when that
 * does not show, so that the leader runs from text to number with the same
 * gap at each end. */
static void set_number(const toc_plan *t, pg_page *pg, const toc_entry *e, int number, float y)
{
    char digits[16];
    int len = snprintf(digits, sizeof digits, "%d", number);
    float w = 0;
    for (int i = 0; i < len; i++)
        w += t->digits[digits[i] - '0'].advance;
    float x = e->right - w;
    float lw = 0;
    for (size_t i = 0; i < t->n_leader; i++)
        lw += t->leader[i].advance;
    float from = e->text_end + t->gap, to = x - t->gap;
    int units = lw > 0 ? (int)floorf((to - from) / lw) : 0;
    if (units > 0) {
        float room = to - from - (float)units * lw, spread = room / (float)units;
        /* spread so thin it does not show (an eighth of a unit at most);
         * else a short leader keeps its dots close and ends at the number */
        float lx = from + spread / 2;
        if (spread > lw / 8) {
            spread = 0;
            lx = from + room;
        }
        /* the leader is layout, not text: a reader says "3", not "………" */
        pg_origin decor = {e->heading, PG_ROLE_DECORATION};
        for (int u = 0; u < units; u++, lx += spread)
            for (size_t i = 0; i < t->n_leader; i++) {
                add_char(pg, &t->leader[i], lx, y, decor);
                lx += t->leader[i].advance;
            }
    }
    pg_origin entry = {e->heading, PG_ROLE_TOC_ENTRY};
    for (int i = 0; i < len; i++) {
        const lb_char *c = &t->digits[digits[i] - '0'];
        add_char(pg, c, x, y, entry);
        x += c->advance;
    }
}

void toc_fill(const toc_plan *t, const toc_placed *placed, pg_doc *d)
{
    for (size_t i = 0; t && i < t->n; i++) {
        const toc_entry *e = &t->entries[i];
        const pg_block_pages *bp = pg_block_pages_of(d, e->heading);
        if (!placed[i].placed || !bp || placed[i].page >= d->n_pages)
            continue;
        pg_page *pg = &d->pages[placed[i].page];
        float y = placed[i].top - e->baseline;
        set_number(t, pg, e, toc_page_number(d, bp->first_page), y);
        pg_add_link(pg, (pg_link){.x0 = e->left, .y0 = y - 0.12f * e->size - 1, .x1 = e->right,
                                  .y1 = y + 0.88f * e->size + 1, .block = e->heading,
                                  .goto_page = bp->first_page + 1,
                                  .goto_y = heading_top(&d->pages[bp->first_page], e->heading)});
    }
}
