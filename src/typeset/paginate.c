/* paginate.c — flow → pages, by the keep rules of the layout. */
#include "paginate.h"

#include "page_links.h"
#include "flow_release.h"
#include "toc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "epsilon.h"
#include "i18n.h"
#include "xalloc.h"

typedef struct paginator {
    const flow *f;
    const layout *lay;
    pg_doc *out;
    pg_page *page;
    float used;            /* body lines used on the current page */
    int split_para;        /* paragraph being split, or -1 */
    int split_at;          /* break before this line of split_para */
    const char *running;   /* the part in effect */
    const flow_item *last; /* the last item placed on the page, and its top */
    float last_top;
    bool failed;
    toc_placed *toc;       /* where each contents entry went (f->toc), or NULL */
} paginator;

static float capacity(const paginator *p)
{
    return (float)p->lay->page.lines_per_page;
}

/* Whole lines still free on the current page (spaces may be fractional). */
static int lines_left(const paginator *p)
{
    return (int)floorf(capacity(p) - p->used + EPSILON);
}

/* What the page's last item draws only at a page's end (foot_shape). */
static void close_page(paginator *p)
{
    if (!p->last || !p->last->foot_shape)
        return;
    pg_shape sh = p->f->shapes[p->last->foot_shape - 1];
    sh.y0 = p->last_top - sh.y0;
    sh.y1 = p->last_top - sh.y1;
    pg_add_shape(p->page, sh);
}

static void new_page(paginator *p)
{
    if (p->page)
        close_page(p);
    p->last = NULL;
    p->page = pg_add_page(p->out);
    p->used = 0;
    p->page->running_head = xstrdup_or_null(p->running);
}

/* Lines the items from i on need on the same page as what precedes them:
 * a heading brings what it must keep with; a paragraph's first lines
 * (as many as the orphan rule keeps together). */
static float lines_needed(const paginator *p, size_t i)
{
    const flow *f = p->f;
    float need = 0;
    /* past a page's worth the chain cannot fit anyway: stop looking, so a
     * long run of kept blocks costs no more than a page */
    while (i < f->n_items && need <= capacity(p)) {
        const flow_item *it = &f->items[i];
        if (it->kind == FLOW_SPACE || it->furniture_only) {
            need += it->furniture_only ? 0 : it->lines;
            i++;
            continue;
        }
        if (it->para >= 0) {
            int remaining = it->para_lines - it->para_line;
            /* a short listed block may itself be kept with what follows */
            const flow_item *last = &f->items[i + (size_t)remaining - 1];
            if (!last->keep_with_next || remaining > p->lay->orphan_lines)
                return need + (float)(remaining < p->lay->orphan_lines ? remaining : p->lay->orphan_lines);
            need += (float)remaining;
            i += (size_t)remaining;
            continue;
        }
        need += it->lines;
        if (!it->keep_with_next)
            return need;
        i++;
    }
    return need;
}

/* A new page helps only what would fit on one: a chain of kept blocks
 * longer than a page starts where it is. */
static bool fits_here_or_nowhere(const paginator *p, float need)
{
    return p->used + need <= capacity(p) + EPSILON || need > capacity(p) + EPSILON;
}

/* At the first line of a paragraph (or the first on a new page), decide
 * how many of its lines this page takes. */
static void plan_paragraph(paginator *p, const flow_item *it)
{
    int remaining = it->para_lines - it->para_line;
    int room = lines_left(p);
    p->split_para = -1;
    if (remaining <= room)
        return;
    int take = room;
    if (remaining - take < p->lay->widow_lines)
        take = remaining - p->lay->widow_lines;
    if (take < p->lay->orphan_lines && !(p->used == 0)) {
        new_page(p);
        plan_paragraph(p, it);
        return;
    }
    if (take < 1)
        take = room;   /* a page of nothing but this paragraph: fill it */
    p->split_para = it->para;
    p->split_at = it->para_line + take;
}

/* The pages a table row lands on are its cells' too (kumihan diff and
 * build --compare look changed cells up by them). */
static void note_pages(paginator *p, const block *b)
{
    pg_note_block_page(p->out, b, p->out->n_pages - 1);
    if (b->kind == BK_TABLE_ROW || b->kind == BK_TABLE_HEAD) {
        pg_note_block_page(p->out, b->parent, p->out->n_pages - 1);
        for (size_t i = 0; i < b->n_children; i++)
            pg_note_block_page(p->out, b->children[i], p->out->n_pages - 1);
    }
}

/* it's content at the current height, moved by the page; as_furniture: an
 * artifact (a repeated table header is read once, where it first stands). */
static void place_content(paginator *p, const flow_item *it, bool as_furniture)
{
    const flow *f = p->f;
    float top = p->lay->derived.area_top - p->used * p->lay->derived.pitch_pt;
    pg_origin furniture = {NULL, PG_ROLE_ARTIFACT};
    for (size_t g = it->glyph_first; g < it->glyph_first + it->glyph_count; g++) {
        pg_glyph gl = f->glyphs[g];
        gl.y = top - gl.y;
        if (as_furniture) {
            gl.origin = furniture;
            gl.link = 0;
        }
        pg_add_glyph(p->page, gl);
    }
    for (size_t s = it->shape_first; s < it->shape_first + it->shape_count; s++) {
        pg_shape sh = f->shapes[s];
        sh.y0 = top - sh.y0;
        sh.y1 = top - sh.y1;
        if (as_furniture)
            sh.origin = furniture;
        pg_add_shape(p->page, sh);
    }
    for (size_t m = it->image_first; m < it->image_first + it->image_count; m++) {
        pg_image im = f->images[m];
        im.y = top - im.y - im.h;   /* its top edge was measured down from the item's top */
        pg_add_image(p->page, im);
    }
    if (!as_furniture) {
        p->last = it;
        p->last_top = top;
    }
    p->used += it->lines;
}

static void place(paginator *p, const flow_item *it)
{
    bool at_top = p->used == 0;
    for (size_t r = 0; it->repeat_item && at_top && r < it->repeat_count; r++)
        place_content(p, &p->f->items[it->repeat_item - 1 + r], true);
    float top = p->lay->derived.area_top - p->used * p->lay->derived.pitch_pt;
    if (it->toc_entry > 0 && p->toc)
        p->toc[it->toc_entry - 1] = (toc_placed){p->out->n_pages - 1, top, true};
    if (it->mark_title)
        pg_add_mark(p->page, it->mark_level, it->mark_title, top);
    if (it->source)
        note_pages(p, it->source);
    if (it->source && it->source->kind == BK_DOCUMENT)   /* only the title's items come from the root */
        p->page->holds_title = true;
    place_content(p, it, false);
}

/* A new part sets the running head; the page it starts on shows it. */
static void set_running_head(paginator *p, const flow_item *it)
{
    if (!it->running_head)
        return;
    p->running = it->running_head;
    if (p->used > 0 && p->page->running_head)
        return;
    free(p->page->running_head);
    p->page->running_head = xstrdup(it->running_head);
}

static void step(paginator *p, size_t i)
{
    const flow_item *it = &p->f->items[i];
    if (it->furniture_only)
        return;
    if (it->kind == FLOW_SPACE) {
        if (p->used == 0)
            return;
        if (p->used + it->lines > capacity(p) + EPSILON)
            new_page(p);
        else
            p->used += it->lines;
        return;
    }
    if (it->page_break_before && p->used > 0)
        new_page(p);
    /* keep_together: a block that fits on a page but not on what is left of
     * this one starts the next; one taller than a page breaks as usual */
    if (it->keep_lines > 0 && p->used > 0 && p->used + it->keep_lines > capacity(p) + EPSILON &&
        it->keep_lines <= capacity(p) + EPSILON)
        new_page(p);
    bool starts_unit = it->para < 0 || it->para_line == 0;
    if (it->para >= 0 && it->para == p->split_para && it->para_line == p->split_at)
        new_page(p);
    if (starts_unit && p->used > 0 && !fits_here_or_nowhere(p, lines_needed(p, i)))
        new_page(p);
    if (it->para >= 0 && (it->para_line == 0 || p->used == 0))
        plan_paragraph(p, it);
    set_running_head(p, it);
    place(p, it);
}

/* A block taller than a page could never be placed: name it by its text's
 * position and say which layout values to change. */
static void report_too_tall(const flow_item *it, const layout *lay, diag_list *dl)
{
    const block *b = it->source;
    src_loc at = !b ? (src_loc){0} : b->text_loc.line > 0 ? b->text_loc : b->loc;
    const char *kind = !b ? "block" : b->kind == BK_DOCUMENT ? "title" : block_kind_name(b->kind);
    diag_report(dl, D_TOO_TALL, at, _("this %s needs %.1f lines but a page has only %d lines"), kind, it->lines,
                lay->page.lines_per_page);
    if (b && b->kind == BK_TABLE_ROW)   /* a table breaks only between rows */
        diag_hint(dl, _("split the row's long cell over several rows, or shorten it"));
    else if (b)
        diag_hint(dl, _("in the layout, lower 'lines' or the spaces of blocks: %s, or raise page: lines_per_page"),
                  b->kind == BK_DOCUMENT ? "document" : block_kind_name(b->kind));
}

/* True if every item's glyphs come after the glyphs of the items before
 * it: then the glyphs before the next item's are never read again. */
static bool glyphs_in_item_order(const flow *f)
{
    size_t end = 0;
    for (size_t i = 0; i < f->n_items; i++) {
        const flow_item *it = &f->items[i];
        if (it->glyph_count == 0)
            continue;
        if (it->glyph_first < end)
            return false;
        end = it->glyph_first + it->glyph_count;
    }
    return true;
}

/* For each item i, the first glyph that the items after i still copy
 * again (a table header repeated on each page the table continues on),
 * SIZE_MAX for none; NULL when no item repeats any. */
static size_t *repeat_pins(const flow *f)
{
    bool any = false;
    for (size_t i = 0; i < f->n_items && !any; i++)
        any = f->items[i].repeat_item != 0;
    if (!any)
        return NULL;
    size_t *pin = xcalloc(f->n_items, sizeof *pin);
    size_t low = SIZE_MAX;
    for (size_t i = f->n_items; i-- > 0;) {
        pin[i] = low;
        const flow_item *it = &f->items[i];
        for (size_t r = 0; it->repeat_item && r < it->repeat_count; r++) {
            const flow_item *src = &f->items[it->repeat_item - 1 + r];
            if (src->glyph_count > 0 && src->glyph_first < low)
                low = src->glyph_first;
        }
    }
    return pin;
}

/* The glyphs before this one are read no more once item i is placed. */
static size_t release_bound(const flow *f, const size_t *pins, size_t i)
{
    size_t end = f->items[i].glyph_first + f->items[i].glyph_count;
    return pins && pins[i] < end ? pins[i] : end;
}

/* paginate, and with release (f itself) the glyphs placed are given back
 * to the system as it goes (flow_release.h). */
static bool paginate_flow(const flow *f, flow *release, const layout *lay, pg_doc *out, diag_list *dl);

bool paginate(const flow *f, const layout *lay, pg_doc *out, diag_list *dl)
{
    return paginate_flow(f, NULL, lay, out, dl);
}

bool paginate_releasing(flow *f, const layout *lay, pg_doc *out, diag_list *dl)
{
    return paginate_flow(f, glyphs_in_item_order(f) ? f : NULL, lay, out, dl);
}

static bool paginate_flow(const flow *f, flow *release, const layout *lay, pg_doc *out, diag_list *dl)
{
    paginator p = {.f = f, .lay = lay, .out = out, .split_para = -1};
    p.toc = f->toc && f->toc->n ? xcalloc(f->toc->n, sizeof *p.toc) : NULL;
    for (size_t i = 0; i < f->n_items; i++) {
        const flow_item *it = &f->items[i];
        if (it->lines > capacity(&p) + EPSILON) {
            report_too_tall(it, lay, dl);
            free(p.toc);
            return false;
        }
    }
    new_page(&p);
    size_t *pins = release ? repeat_pins(f) : NULL;
    for (size_t i = 0; i < f->n_items; i++) {
        step(&p, i);
        if (release)   /* items up to i are placed: their glyphs are in the pages */
            flow_release_glyphs_before(release, release_bound(f, pins, i));
    }
    free(pins);
    close_page(&p);
    for (size_t i = 0; i < out->n_pages; i++)
        pg_collect_links(&out->pages[i]);
    pg_index_blocks(out);
    if (p.toc)
        toc_fill(f->toc, p.toc, out);
    free(p.toc);
    return true;
}
