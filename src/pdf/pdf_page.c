/* pdf_page.c — one page's content stream: shapes first (bands and rules lie
 * under the text), then the text as TJ runs of two-byte glyph ids
 * (Identity-H), one run per stretch of glyphs that share font, size,
 * colour and baseline, with TJ adjustments wherever the page model's x
 * differs from the natural advance (spacing, justification, kerning).
 * In a tagged PDF every stretch of shapes or glyphs of one origin (block
 * and role) is one marked-content sequence (pdf_struct.h), so that no
 * painting or text-showing operator stands outside one. */
#include "pdf_page.h"

#include "pdf_image.h"
#include "pdf_struct.h"
#include "rgb_color.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A run breaks on a jump larger than this (thousandths of an em), so that
 * separate columns stay separate TJ strings. */
#define MAX_ADJUST 1500.0

/* Fill or stroke colour c in the page's ink. */
static HPDF_STATUS set_shape_color(HPDF_Page page, rgb_color c, pdf_ink ink, bool stroke)
{
    if (ink == PDF_INK_GRAY) {
        HPDF_REAL g = (HPDF_REAL)color_to_gray(c);
        return stroke ? HPDF_Page_SetGrayStroke(page, g) : HPDF_Page_SetGrayFill(page, g);
    }
    double rgb[3];
    color_to_rgb(c, rgb);
    HPDF_REAL r = (HPDF_REAL)rgb[0], g = (HPDF_REAL)rgb[1], b = (HPDF_REAL)rgb[2];
    return stroke ? HPDF_Page_SetRGBStroke(page, r, g, b) : HPDF_Page_SetRGBFill(page, r, g, b);
}

static HPDF_STATUS draw_shape(HPDF_Page page, const pg_shape *s, pdf_ink ink)
{
    float x = fminf(s->x0, s->x1), y = fminf(s->y0, s->y1);
    float w = fabsf(s->x1 - s->x0), h = fabsf(s->y1 - s->y0);
    HPDF_STATUS st = set_shape_color(page, s->color, ink, s->kind != PG_FILL_RECT);
    if (st != HPDF_OK)
        return st;
    switch (s->kind) {
    case PG_FILL_RECT:
        HPDF_Page_Rectangle(page, x, y, w, h);
        return HPDF_Page_Fill(page);
    case PG_STROKE_RECT:
        HPDF_Page_SetLineWidth(page, s->line_width);
        HPDF_Page_Rectangle(page, x, y, w, h);
        return HPDF_Page_Stroke(page);
    case PG_LINE:
        HPDF_Page_SetLineWidth(page, s->line_width);
        HPDF_Page_MoveTo(page, s->x0, s->y0);
        HPDF_Page_LineTo(page, s->x1, s->y1);
        return HPDF_Page_Stroke(page);
    }
    return HPDF_OK;
}

/* Shortest decimal with at most 3 places: "10.5", "-50", "0".  By hand
 * rather than with snprintf: it runs for every adjustment on every line. */
static void format_num(char *buf, size_t size, double v)
{
    double scaled = round(v * 1000.0);
    if (!(fabs(scaled) < 9e15)) {   /* NaN or absurd: never from a page model */
        snprintf(buf, size, "0");
        return;
    }
    long long m = (long long)scaled;
    char tmp[32];
    size_t n = 0;
    bool negative = m < 0;
    unsigned long long u = negative ? (unsigned long long)-m : (unsigned long long)m;
    unsigned frac = (unsigned)(u % 1000);
    u /= 1000;
    int places = 3;
    while (places > 0 && frac % 10 == 0) {
        frac /= 10;
        places--;
    }
    for (int i = 0; i < places; i++, frac /= 10)
        tmp[n++] = (char)('0' + frac % 10);
    if (places > 0)
        tmp[n++] = '.';
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (negative)
        tmp[n++] = '-';
    size_t k = 0;
    while (n > 0 && k + 1 < size)
        buf[k++] = tmp[--n];
    buf[k] = '\0';
}

/* The marked-content sequence open on a page, when tagging. */
typedef struct run_marker {
    pdf_struct *tags;      /* NULL: an untagged page (the imposed PDF) */
    bool open;
    pg_origin origin;
    uint32_t link;         /* the open sequence's URL (pg_glyph.link), 0: none */
} run_marker;

/* A URL's glyphs are a sequence of their own: its Link element's content. */
static bool same_run(const run_marker *m, pg_origin o, uint32_t link)
{
    return m->open && m->origin.block == o.block && m->origin.role == o.role && m->link == link;
}

static HPDF_STATUS close_marked(run_marker *m)
{
    if (!m->tags || !m->open)
        return HPDF_OK;
    m->open = false;
    return pdf_struct_close_run(m->tags);
}

/* Makes the sequence of o (and URL link) the open one (closing another,
 * opening o's). */
static void mark_origin(run_marker *m, pg_origin o, uint32_t link, HPDF_STATUS *st)
{
    if (!m->tags || same_run(m, o, link))
        return;
    *st = close_marked(m);
    if (*st == HPDF_OK)
        *st = pdf_struct_open_run(m->tags, o, link);
    m->open = true;
    m->origin = o;
    m->link = link;
}

/* The text writer's state across one BT … ET block. */
typedef struct text_writer {
    HPDF_Page out;         /* its content stream, after the shapes */
    const pdf_fonts *pf;
    const font_set *fs;
    int role;              /* current Tf, -1 none */
    float size;
    uint32_t color;
    bool color_set;
    pdf_ink ink;
    bool in_run, in_hex;
    bool pen_kept;         /* no run open, but the text position is still pen_x
                            * on run_y (a run ended only for marked content) */
    float run_y;
    double pen_x;          /* where the next glyph lands without adjustment */
    run_marker *marker;
    HPDF_STATUS st;
} text_writer;

static void put(text_writer *tw, const char *s)
{
    if (tw->st == HPDF_OK)
        tw->st = shim_page_write_str(tw->out, s);
}

/* A glyph id as four hex digits, opening the hex string if needed. */
static void put_gid(text_writer *tw, uint16_t gid)
{
    static const char hex[] = "0123456789ABCDEF";
    char buf[5];
    size_t n = 0;
    if (!tw->in_hex)
        buf[n++] = '<';
    for (int shift = 12; shift >= 0; shift -= 4)
        buf[n++] = hex[(gid >> shift) & 0xF];
    if (tw->st == HPDF_OK)
        tw->st = shim_page_write(tw->out, buf, n);
    tw->in_hex = true;
}

static void end_run(text_writer *tw)
{
    if (tw->in_hex)
        put(tw, ">");
    if (tw->in_run)
        put(tw, "] TJ\n");
    tw->in_run = tw->in_hex = false;
    tw->pen_kept = false;
}

static void set_font_and_color(text_writer *tw, int role, const pg_glyph *g)
{
    char a[32], b[32], c[32], line[128];
    if (role != tw->role || g->size != tw->size) {
        format_num(a, sizeof a, g->size);
        snprintf(line, sizeof line, "/%s %s Tf\n", tw->pf->fonts[role].res_name, a);
        put(tw, line);
        tw->role = role;
        tw->size = g->size;
    }
    if (!tw->color_set || g->color != tw->color) {
        if (tw->ink == PDF_INK_GRAY) {
            format_num(a, sizeof a, color_to_gray(g->color));
            snprintf(line, sizeof line, "%s g\n", a);
        } else {
            double rgb[3];
            color_to_rgb(g->color, rgb);
            format_num(a, sizeof a, rgb[0]);
            format_num(b, sizeof b, rgb[1]);
            format_num(c, sizeof c, rgb[2]);
            snprintf(line, sizeof line, "%s %s %s rg\n", a, b, c);
        }
        put(tw, line);
        tw->color = g->color;
        tw->color_set = true;
    }
}

static void start_run(text_writer *tw, int role, const pg_glyph *g)
{
    char x[32], y[32], line[96];
    set_font_and_color(tw, role, g);
    format_num(x, sizeof x, g->x);
    format_num(y, sizeof y, g->y);
    snprintf(line, sizeof line, "1 0 0 1 %s %s Tm\n[", x, y);
    put(tw, line);
    tw->in_run = true;
    tw->run_y = g->y;
    tw->pen_x = g->x;
}

/* A glyph of another origin than the last: the TJ run ends before the
 * old sequence's EMC and the next starts after the new BDC. */
static void mark_glyph(text_writer *tw, const pg_glyph *g)
{
    if (!tw->marker->tags || same_run(tw->marker, g->origin, g->link))
        return;
    bool was_in_run = tw->in_run;
    end_run(tw);
    tw->pen_kept = was_in_run;   /* the next run may go on from here (continue_run) */
    if (tw->st == HPDF_OK)
        mark_origin(tw->marker, g->origin, g->link, &tw->st);
}

/* A new TJ run after marked content broke the last one on the same line:
 * the text position is still where that one ended (BDC and EMC leave it),
 * so a leading adjustment replaces the Tm — a tagged line of label and
 * text costs no more positioning than an untagged one.  False when a Tm
 * is needed (another font, size, colour or baseline, or a jump). */
static bool continue_run(text_writer *tw, int role, const pg_glyph *g, double *adjust)
{
    if (!tw->pen_kept || role != tw->role || g->size != tw->size || g->color != tw->color ||
        g->y != tw->run_y)
        return false;
    double a = round((g->x - tw->pen_x) * 1000.0 / g->size * 100.0) / 100.0;
    if (fabs(a) > MAX_ADJUST)
        return false;
    put(tw, "[");
    tw->in_run = true;
    tw->pen_kept = false;
    *adjust = a;
    return true;
}

static void add_glyph(text_writer *tw, const pg_glyph *g, int role)
{
    const pdf_font *f = &tw->pf->fonts[role];
    mark_glyph(tw, g);
    /* TJ numbers move left by n/1000 of the size: a positive gap is negative */
    double adjust = 0.0;
    if (tw->in_run && role == tw->role && g->size == tw->size && g->color == tw->color &&
        g->y == tw->run_y) {
        adjust = round((g->x - tw->pen_x) * 1000.0 / g->size * 100.0) / 100.0;
        if (fabs(adjust) > MAX_ADJUST)
            end_run(tw);
    } else if (!continue_run(tw, role, g, &adjust)) {
        end_run(tw);
    }
    if (!tw->in_run) {
        start_run(tw, role, g);
        adjust = 0.0;
    }
    char buf[48];
    if (fabs(adjust) >= 0.5) {
        if (tw->in_hex)
            put(tw, ">");
        tw->in_hex = false;
        format_num(buf, sizeof buf, -adjust);
        put(tw, buf);
        tw->pen_x += adjust * g->size / 1000.0;
    }
    uint16_t gid = subset_gid_vs(&f->sub, g->cp, g->vs);
    put_gid(tw, gid);
    unsigned w = gid < f->sub.n_glyphs ? f->width[gid] : 0;
    tw->pen_x += w * (double)g->size / 1000.0;
}

static HPDF_STATUS draw_text(HPDF_Page page, const pg_page *src, const pdf_fonts *pf,
                             const font_set *fs, bool *used, run_marker *marker, pdf_ink ink)
{
    if (src->n_glyphs == 0)
        return HPDF_OK;
    text_writer tw = {.out = page, .pf = pf, .fs = fs, .role = -1, .marker = marker, .ink = ink};
    put(&tw, "BT\n");
    for (size_t i = 0; i < src->n_glyphs && tw.st == HPDF_OK; i++) {
        int role = pdf_glyph_role(fs, &src->glyphs[i]);
        if (role < 0 || (size_t)role >= pf->n || !pf->fonts[role].used)
            continue;   /* cannot happen: prepare saw the same glyphs */
        used[role] = true;
        add_glyph(&tw, &src->glyphs[i], role);
    }
    end_run(&tw);
    if (tw.st == HPDF_OK)
        tw.st = close_marked(marker);   /* a sequence never crosses ET */
    put(&tw, "ET\n");
    return tw.st;
}

/* Each image in its own marked-content sequence: the Figure's, which
 * learns its bounding box from it. */
static HPDF_STATUS draw_images(HPDF_Page page, const pg_page *src, run_marker *marker, pdf_images *images)
{
    HPDF_STATUS st = HPDF_OK;
    for (size_t i = 0; i < src->n_images && st == HPDF_OK; i++) {
        const pg_image *im = &src->images[i];
        st = close_marked(marker);
        if (st == HPDF_OK)
            mark_origin(marker, im->origin, 0, &st);
        if (st == HPDF_OK && marker->tags)
            st = pdf_struct_set_bbox(marker->tags, im->origin, im->x, im->y, im->x + im->w, im->y + im->h);
        if (st == HPDF_OK)
            st = pdf_draw_image(images, page, im);
    }
    return st == HPDF_OK ? close_marked(marker) : st;
}

HPDF_STATUS pdf_draw_page(HPDF_Page page, const pg_page *src, const pdf_fonts *pf,
                          const font_set *fs, bool *used, pdf_struct *tags, pdf_ink ink, pdf_images *images)
{
    HPDF_STATUS st = HPDF_OK;
    run_marker marker = {.tags = tags};
    for (size_t i = 0; i < src->n_shapes && st == HPDF_OK; i++) {
        mark_origin(&marker, src->shapes[i].origin, 0, &st);
        if (st == HPDF_OK)
            st = draw_shape(page, &src->shapes[i], ink);
    }
    if (st == HPDF_OK)
        st = close_marked(&marker);
    if (st == HPDF_OK && src->n_images > 0)
        st = draw_images(page, src, &marker, images);
    if (st == HPDF_OK)
        st = draw_text(page, src, pf, fs, used, &marker, ink);
    return st;
}

HPDF_STATUS pdf_register_fonts(HPDF_Page page, const pdf_fonts *pf, const bool *used)
{
    pdf_dict res = shim_dict_get_dict(shim_page_dict(page), "Resources");
    if (!res)
        return SHIM_INVALID_OBJECT;
    pdf_dict fonts = shim_dict_get_or_add_dict(res, "Font");
    if (!fonts)
        return SHIM_NO_MEMORY;
    for (size_t r = 0; r < pf->n; r++)
        if (used[r] && pf->fonts[r].type0) {
            HPDF_STATUS st = shim_dict_add_dict(fonts, pf->fonts[r].res_name, pf->fonts[r].type0);
            if (st != HPDF_OK)
                return st;
        }
    return HPDF_OK;
}
