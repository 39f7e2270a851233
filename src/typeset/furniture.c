/* furniture.c — the running header (the current part's title, with a
 * hairline under it) and the footer ("3 / 13") of every page, set outside
 * the type area once the page count is known.  All of it is page
 * furniture (role PG_ROLE_ARTIFACT): no block's content.  A header or
 * footer wider than the measure is shortened with "…" (the part's title,
 * else the text's end) and warned about once per text, at the part's
 * title in the content.  A layout's first_page: false leaves bare the page
 * that holds a document's title (in build --compare, the booklet's title
 * page and the summary's first page, wherever they fall), or page 1 of a
 * document without a title. */
#include "furniture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "block_label.h"
#include "doc.h"
#include "i18n.h"
#include "sbuf.h"
#include "text_run.h"
#include "vec.h"

#define ELLIPSIS "…"
#define WIDTH_SLACK 0.01f   /* pt: rounding never shortens a text that fits */

/* Expands {page} {pages} {part} in the first len bytes of a template; malloc'd. */
static char *expand_span(const char *tmpl, size_t len, int page, int pages, const char *part)
{
    sbuf out = {0};
    for (const char *s = tmpl; s < tmpl + len && *s;) {
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

static char *expand_template(const char *tmpl, int page, int pages, const char *part)
{
    return expand_span(tmpl, strlen(tmpl), page, pages, part);
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

static void draw_text(pg_page *pg, const lb_char *chars, size_t n, float x, float baseline)
{
    for (size_t i = 0; i < n; i++) {
        pg_glyph g = {.cp = chars[i].cp, .font = chars[i].font, .color = chars[i].color, .size = chars[i].size,
                      .x = x, .y = baseline, .width = chars[i].advance, .origin = {NULL, PG_ROLE_ARTIFACT}};
        pg_add_glyph(pg, g);
        x += chars[i].advance;
    }
}

/* ---- fitting the measure ------------------------------------------------ */

/* What one header or footer is set from: its style, the page's numbers and part. */
typedef struct furniture_ctx {
    const page_furniture *pf;
    const layout *lay;
    const font_set *fs;
    diag_list *dl;
    int page, pages;
    const char *part;      /* the running head, or NULL */
} furniture_ctx;

static bool append_text(const furniture_ctx *fc, char_buf *buf, const char *text)
{
    run_style st = {.font = fc->pf->font, .size = fc->pf->size_pt, .color = fc->pf->color};
    return run_append(buf, text, &st, fc->fs, fc->lay, fc->pf->text_loc, fc->dl);
}

/* Appends the template's expansion of tmpl[0, len) to buf. */
static bool append_span(const furniture_ctx *fc, char_buf *buf, const char *tmpl, size_t len)
{
    char *text = expand_span(tmpl, len, fc->page, fc->pages, fc->part);
    bool ok = append_text(fc, buf, text);
    free(text);
    return ok;
}

static void append_chars(char_buf *to, const lb_char *chars, size_t n)
{
    for (size_t i = 0; i < n; i++)
        VEC_PUSH(to->chars, to->n, to->cap, chars[i]);
}

/* How many of chars[0, n) fit in budget pt. */
static size_t prefix_fitting(const lb_char *chars, size_t n, float budget)
{
    float w = 0;
    size_t k = 0;
    for (; k < n && w + chars[k].advance <= budget + WIDTH_SLACK; k++)
        w += chars[k].advance;
    return k;
}

/* out = before + what fits of middle + "…" + after, if before and after
 * leave room for the ellipsis; false if they do not. */
static bool shorten_middle(char_buf *out, const char_buf *before, const char_buf *middle, const char_buf *after,
                           const char_buf *ellipsis, float measure)
{
    float budget = measure - run_width(before->chars, before->n) - run_width(after->chars, after->n) -
                   run_width(ellipsis->chars, ellipsis->n);
    if (budget < -WIDTH_SLACK)
        return false;
    out->n = 0;
    append_chars(out, before->chars, before->n);
    append_chars(out, middle->chars, prefix_fitting(middle->chars, middle->n, budget));
    append_chars(out, ellipsis->chars, ellipsis->n);
    append_chars(out, after->chars, after->n);
    return true;
}

/* Shortens the text in out to the measure: the part's title (its last
 * {part}) loses its end, so that "{part}  {page}" keeps its number; a text
 * without one, or whose other pieces alone are too wide, loses its end. */
static bool shorten_to_measure(const furniture_ctx *fc, char_buf *out)
{
    const char *tmpl = fc->pf->text;
    float measure = fc->lay->derived.measure;
    char_buf before = {0}, middle = {0}, after = {0}, ellipsis = {0}, empty = {0};
    bool ok = append_text(fc, &ellipsis, ELLIPSIS);
    const char *at = NULL;
    for (const char *p = strstr(tmpl, "{part}"); p; p = strstr(p + 1, "{part}"))
        at = p;
    bool done = false;
    if (ok && at && fc->part) {
        ok = append_span(fc, &before, tmpl, (size_t)(at - tmpl)) && append_text(fc, &middle, fc->part) &&
             append_span(fc, &after, at + 6, strlen(at + 6));
        done = ok && shorten_middle(out, &before, &middle, &after, &ellipsis, measure);
    }
    if (ok && !done) {
        middle.n = 0;
        append_chars(&middle, out->chars, out->n);
        if (!shorten_middle(out, &empty, &middle, &empty, &ellipsis, measure))
            out->n = 0;   /* not even "…" fits the measure */
    }
    char_buf_free(&before);
    char_buf_free(&middle);
    char_buf_free(&after);
    char_buf_free(&ellipsis);
    return ok;
}

/* ---- the warning ---------------------------------------------------------- */

/* Where the part whose title is head was written: its title in the
 * content, found among the blocks set on the pages. */
static src_loc part_title_loc(const pg_doc *d, const layout *lay, const char *head, src_loc otherwise)
{
    for (size_t i = 0; head && i < d->n_blocks; i++) {
        const block *b = d->blocks[i].block;
        if (!b || b->kind != BK_PART || !b->text)
            continue;
        char *label = block_label(b, lay);
        size_t n = strlen(label);
        bool same = strncmp(head, label, n) == 0 && strcmp(head + n, b->text) == 0;
        free(label);
        if (same)
            return b->text_loc;
    }
    return otherwise;
}

static bool already_reported(const diag_list *dl, const char *message)
{
    for (size_t i = 0; i < dl->count; i++)
        if (dl->items[i].message && strcmp(dl->items[i].message, message) == 0)
            return true;
    return false;
}

/* Once per text (the reading and the imposed PDF set the same pages). */
static void warn_shortened(const pg_doc *d, const furniture_ctx *fc, bool above, const char *text, float width)
{
    sbuf msg = {0};
    sbuf_printf(&msg,
                above ? _("the running head '%s' is %.1fpt wide, wider than the measure (%.1fpt): it is printed "
                          "shortened with '…'")
                      : _("the footer '%s' is %.1fpt wide, wider than the measure (%.1fpt): it is printed "
                          "shortened with '…'"),
                text, width, fc->lay->derived.measure);
    const char *message = sbuf_str(&msg);
    if (!already_reported(fc->dl, message)) {
        src_loc at = strstr(fc->pf->text, "{part}") ? part_title_loc(d, fc->lay, fc->part, fc->pf->text_loc)
                                                    : fc->pf->text_loc;
        diag_report(fc->dl, D_LAYOUT_WARN, at, "%s", message);
        diag_hint(fc->dl, "%s", above ? _("shorten this title, or give the header a smaller 'size' in the layout")
                                      : _("shorten this title, or give the footer a smaller 'size' in the layout"));
    }
    free(sbuf_detach(&msg));
}

/* ---- drawing ----------------------------------------------------------- */

/* The header sits above the type area, its rule between it and the text;
 * the footer below.  offset is the distance from the type area edge to
 * the baseline. */
static bool draw_one(const pg_doc *d, pg_page *pg, const page_furniture *pf, const layout *lay, const font_set *fs,
                     int page, int pages, int position, bool above, bool first, diag_list *dl)
{
    if (!pf->present || !pf->text || (first && !pf->on_first_page))
        return true;
    if (above && !pg->running_head && strstr(pf->text, "{part}"))
        return true;   /* no part yet: no running head */
    furniture_ctx fc = {.pf = pf, .lay = lay, .fs = fs, .dl = dl, .page = page, .pages = pages,
                        .part = pg->running_head};
    char *text = expand_template(pf->text, page, pages, pg->running_head);
    char_buf buf = {0};
    bool ok = append_text(&fc, &buf, text);
    float area_bottom = lay->derived.area_top - lay->derived.area_height;
    float baseline = above ? lay->derived.area_top + pf->offset_pt : area_bottom - pf->offset_pt;
    float w = run_width(buf.chars, buf.n);
    if (ok && w > lay->derived.measure + WIDTH_SLACK) {
        warn_shortened(d, &fc, above, text, w);
        ok = shorten_to_measure(&fc, &buf);
        w = run_width(buf.chars, buf.n);
    }
    if (ok)
        draw_text(pg, buf.chars, buf.n, furniture_x(pf, lay, position, w), baseline);
    if (ok && above && pf->rule_width_pt > 0) {
        float y = baseline - 0.35f * pf->size_pt;
        float left = lay->derived.area_left;
        pg_shape rule = {.kind = PG_LINE, .x0 = left, .x1 = left + lay->derived.measure,
                         .y0 = y, .y1 = y, .line_width = pf->rule_width_pt, .color = pf->color,
                         .origin = {NULL, PG_ROLE_ARTIFACT}};
        pg_add_shape(pg, rule);
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
    bool titled = false;
    for (size_t i = 0; i < d->n_pages; i++) {
        pages += !d->pages[i].blank;
        titled |= d->pages[i].holds_title;
    }
    for (size_t i = 0; i < d->n_pages; i++) {
        pg_page *pg = &d->pages[i];
        if (pg->blank)
            continue;
        page++;
        bool first = titled ? pg->holds_title : page == 1;
        if (!draw_one(d, pg, &lay->header, lay, fs, page, pages, (int)i + 1, true, first, dl) ||
            !draw_one(d, pg, &lay->footer, lay, fs, page, pages, (int)i + 1, false, first, dl))
            return false;
        pg_page_trim(pg);   /* complete: the page's room back before the next grows */
    }
    return true;
}
