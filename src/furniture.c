/* furniture.c — the running header (the current part's title, with a
 * hairline under it) and the footer ("3 / 13") of every page, set outside
 * the type area once the page count is known.  All of it is page
 * furniture (role PG_ROLE_ARTIFACT): no block's content. */
#include "furniture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sbuf.h"
#include "text_run.h"

/* Expands {page} {pages} {part} in a template; malloc'd. */
static char *expand_template(const char *tmpl, int page, int pages, const char *part)
{
    sbuf out = {0};
    for (const char *s = tmpl; *s;) {
        if (strncmp(s, "{page}", 6) == 0) {
            sbuf_printf(&out, "%d", page);
            s += 6;
        } else if (strncmp(s, "{pages}", 7) == 0) {
            sbuf_printf(&out, "%d", pages);
            s += 7;
        } else if (strncmp(s, "{part}", 6) == 0) {
            sbuf_puts(&out, part);
            s += 6;
        } else {
            sbuf_putc(&out, *s++);
        }
    }
    return sbuf_detach(&out);
}

/* "outside": the outer edge of a bound booklet, right on odd (recto)
 * positions.  The position is the physical one: it differs from the page
 * number after blank pages were inserted for imposition (impose_pad_pages). */
static float furniture_x(const page_furniture *pf, const layout *lay, int position, float width)
{
    text_align a = pf->align;
    if (a == ALIGN_OUTSIDE)
        a = position % 2 == 1 ? ALIGN_END : ALIGN_START;
    if (a == ALIGN_CENTER)
        return lay->derived.area_left + (lay->derived.measure - width) / 2;
    if (a == ALIGN_END)
        return lay->derived.area_left + lay->derived.measure - width;
    return lay->derived.area_left;
}

static bool draw_text(pg_page *pg, const lb_char *chars, size_t n, float x, float baseline)
{
    for (size_t i = 0; i < n; i++) {
        pg_glyph g = {.cp = chars[i].cp, .font = chars[i].font, .color = chars[i].color, .size = chars[i].size,
                      .x = x, .y = baseline, .width = chars[i].advance, .origin = {NULL, PG_ROLE_ARTIFACT}};
        if (!pg_add_glyph(pg, g))
            return false;
        x += chars[i].advance;
    }
    return true;
}

/* The header sits above the type area, its rule between it and the text;
 * the footer below.  offset is the distance from the type area edge to
 * the baseline. */
static bool draw_one(pg_page *pg, const page_furniture *pf, const layout *lay, const font_set *fs, int page,
                     int pages, int position, bool above, diag_list *dl)
{
    if (!pf->present || !pf->text || (page == 1 && !pf->on_first_page))
        return true;
    if (above && !pg->running_head && strstr(pf->text, "{part}"))
        return true;   /* no part yet: no running head */
    char *text = expand_template(pf->text, page, pages, pg->running_head);
    if (!text)
        return false;
    char_buf buf = {0};
    run_style st = {.font = pf->font, .size = pf->size_pt, .color = pf->color};
    bool ok = run_append(&buf, text, &st, fs, lay, (src_loc){lay->path, 0, 0}, dl);
    float area_bottom = lay->derived.area_top - lay->derived.area_height;
    float baseline = above ? lay->derived.area_top + pf->offset_pt : area_bottom - pf->offset_pt;
    if (ok) {
        float w = run_width(buf.chars, buf.n);
        ok = draw_text(pg, buf.chars, buf.n, furniture_x(pf, lay, position, w), baseline);
    }
    if (ok && above && pf->rule_width_pt > 0) {
        float y = baseline - 0.35f * pf->size_pt;
        float left = lay->derived.area_left;
        pg_shape rule = {.kind = PG_LINE, .x0 = left, .x1 = left + lay->derived.measure,
                         .y0 = y, .y1 = y, .line_width = pf->rule_width_pt, .color = pf->color,
                         .origin = {NULL, PG_ROLE_ARTIFACT}};
        ok = pg_add_shape(pg, rule);
    }
    char_buf_free(&buf);
    free(text);
    return ok;
}

/* Blank padding pages are neither numbered nor counted: {page} and
 * {pages} are those of the document ("13 / 13" on the back cover of a
 * booklet padded to 16), the same as in the reading PDF. */
bool draw_furniture(pg_doc *d, const layout *lay, const font_set *fs, diag_list *dl)
{
    int pages = 0, page = 0;
    for (size_t i = 0; i < d->n_pages; i++)
        pages += !d->pages[i].blank;
    for (size_t i = 0; i < d->n_pages; i++) {
        pg_page *pg = &d->pages[i];
        if (pg->blank)
            continue;
        page++;
        if (!draw_one(pg, &lay->header, lay, fs, page, pages, (int)i + 1, true, dl) ||
            !draw_one(pg, &lay->footer, lay, fs, page, pages, (int)i + 1, false, dl))
            return false;
    }
    return true;
}
