/* impose.c — pages onto sheets: padding to whole sheets, the saddle-stitch
 * and 2-up page orders, placement transforms with creep compensation (and
 * the check that it never pushes ink over the spine), one page a sheet
 * for shops that impose themselves, crop marks (トンボ) and bleed
 * (塗り足し) in a slug round the trimmed spread, and the TrimBox and
 * BleedBox that say where they are. */
#include "impose.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define CROP_LINE_WIDTH 0.25f
#define CROP_COLOR 0x000000u
#define SIZE_SLACK 0.5f      /* pt: A3 is not exactly twice A4 after rounding */

bool impose_method_from_name(const char *name, impose_method *out)
{
    static const struct { const char *name; impose_method m; } names[] = {
        {"none", IMPOSE_NONE}, {"saddle", IMPOSE_SADDLE}, {"2up", IMPOSE_2UP}, {"single", IMPOSE_SINGLE},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].m;
            return true;
        }
    return false;
}

int impose_padded_count(int n_pages, impose_method m)
{
    int unit = m == IMPOSE_SADDLE ? 4 : m == IMPOSE_2UP ? 2 : 1;
    return (n_pages + unit - 1) / unit * unit;
}

/* before-last: the blanks go between the text and the back cover, where a
 * printer expects them, never inside the text.  A one-page document has no
 * back cover to keep apart: its blanks follow it. */
int impose_position_page(int n_pages, int padded, impose_pad pad, int pos)
{
    if (pos < 0 || pos >= padded)
        return -1;
    if (pad == PAD_END || n_pages < 2 || pos < n_pages - 1)
        return pos < n_pages ? pos : -1;
    return pos == padded - 1 ? n_pages - 1 : -1;
}

/* The blocks of page `from` (only the last one has any) now lie on `to`. */
static void move_block_pages(pg_doc *d, size_t from, size_t to)
{
    pg_block_pages *maps[] = {d->blocks, d->by_block};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; maps[k] && i < d->n_blocks; i++) {
            if (maps[k][i].first_page == from)
                maps[k][i].first_page = to;
            if (maps[k][i].last_page == from)
                maps[k][i].last_page = to;
        }
}

void impose_pad_pages(pg_doc *d, impose_method m, impose_pad pad)
{
    int n = (int)d->n_pages, padded = impose_padded_count(n, m);
    for (int i = n; i < padded; i++)
        pg_add_page(d)->blank = true;
    if (m != IMPOSE_SADDLE || impose_position_page(n, padded, pad, padded - 1) != n - 1 || padded == n)
        return;
    /* the back cover goes to the end, the blanks before it */
    pg_page last = d->pages[n - 1];
    d->pages[n - 1] = d->pages[padded - 1];
    d->pages[padded - 1] = last;
    move_block_pages(d, (size_t)n - 1, (size_t)padded - 1);
}

/* Saddle stitch, duplex flipped on the short edge: sheet s (0 = the
 * outermost) carries the s-th pair from each end of the booklet; its front
 * shows last | first of the pair, its back first + 1 | last − 1. */
void impose_side_positions(impose_method m, int padded, int side, int *left, int *right)
{
    if (m != IMPOSE_SADDLE) {
        *left = 2 * side;
        *right = 2 * side + 1;
        return;
    }
    int s = side / 2;
    if (side % 2 == 0) {
        *left = padded - 1 - 2 * s;
        *right = 2 * s;
    } else {
        *left = 2 * s + 1;
        *right = padded - 2 - 2 * s;
    }
}

/* The sheet's geometry, shared by every side. */
typedef struct sheet_frame {
    float width, height;     /* the PDF page: sheet plus slug on each side */
    float left, bottom;      /* the left page's trimmed corner */
    float page_w, page_h;
    int across;              /* pages side by side: 1 (single) or 2 */
    float slug;              /* 0 without crop marks or bleed */
    float bleed;
    bool marks, double_marks;
} sheet_frame;

/* Crop marks need room outside the bleed: the slug is at least the bleed
 * plus this. */
#define MARK_ROOM (6 * 72 / 25.4f)
/* Japanese double corner marks without a bleed still sit 3mm apart. */
#define DOUBLE_MARK_STEP (3 * 72 / 25.4f)

static bool frame_for(const pg_doc *doc, const imposition_rules *r, sheet_frame *f, diag_list *dl)
{
    f->across = r->method == IMPOSE_SINGLE ? 1 : 2;
    float spread_w = (float)f->across * doc->width;
    float w = r->sheet_width > 0 && f->across == 2 ? r->sheet_width : spread_w;
    float h = r->sheet_height > 0 && f->across == 2 ? r->sheet_height : doc->height;
    if (w + SIZE_SLACK < spread_w || h + SIZE_SLACK < doc->height) {
        diag_report(dl, D_OUT_OF_RANGE, (src_loc){0},
                    _("imposition: two pages of %.1f × %.1fpt do not fit a sheet of %.1f × %.1fpt"),
                    doc->width, doc->height, w, h);
        return false;
    }
    f->bleed = r->bleed;
    f->marks = r->crop_marks;
    f->double_marks = r->crop_marks && r->double_marks;
    f->slug = r->crop_marks ? fmaxf(r->slug, r->bleed + MARK_ROOM) : r->bleed;
    f->width = w + 2 * f->slug;
    f->height = h + 2 * f->slug;
    f->left = f->slug + (w - spread_w) / 2;
    f->bottom = f->slug + (h - doc->height) / 2;
    f->page_w = doc->width;
    f->page_h = doc->height;
    return true;
}

static void line(pg_page *p, float x0, float y0, float x1, float y1)
{
    pg_shape s = {.kind = PG_LINE, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1,
                  .line_width = CROP_LINE_WIDTH, .color = CROP_COLOR, .origin = {NULL, PG_ROLE_ARTIFACT}};
    pg_add_shape(p, s);
}

/* One corner's marks: a vertical line on the trim's x and a horizontal one
 * on its y, each starting `gap` out from the trim; dx, dy (±1) point away
 * from the page.  Double (Japanese) marks add the pair `step` further out,
 * where the bleed ends. */
static void corner_mark(pg_page *p, float x, float y, float dx, float dy, float gap, float len, float step)
{
    line(p, x, y + dy * gap, x, y + dy * (gap + len));
    line(p, x + dx * gap, y, x + dx * (gap + len), y);
    if (step > 0) {
        line(p, x + dx * step, y + dy * gap, x + dx * step, y + dy * (gap + len));
        line(p, x + dx * gap, y + dy * step, x + dx * (gap + len), y + dy * step);
    }
}

/* A centre mark (十字トンボ) beyond the middle of an edge: a line across
 * the edge's direction and a short one along it. */
static void centre_mark(pg_page *p, float x, float y, float dx, float dy, float gap, float len)
{
    float half = len / 2;
    line(p, x + dx * gap, y + dy * gap, x + dx * (gap + len), y + dy * (gap + len));
    float mx = x + dx * (gap + half), my = y + dy * (gap + half);
    line(p, mx - dy * half, my - dx * half, mx + dy * half, my + dx * half);
}

/* Corner marks at the spread's four corners, centre marks at the middle of
 * each edge, and fold (saddle) or cut (2up) marks at the spine, all in the
 * slug: they start past the bleed (or 30% of the slug off the trim), so
 * they never touch the page or its bleed. */
static void add_crop_marks(pg_page *p, const sheet_frame *f)
{
    float gap = fmaxf(0.3f * f->slug, f->bleed + 1), len = 0.9f * f->slug - gap;
    float step = f->double_marks ? (f->bleed > 0 ? f->bleed : DOUBLE_MARK_STEP) : 0;
    if (step >= gap)
        gap = step + 1, len = 0.9f * f->slug - gap;
    float x0 = f->left, x1 = f->left + (float)f->across * f->page_w;
    float y0 = f->bottom, y1 = f->bottom + f->page_h;
    corner_mark(p, x0, y0, -1, -1, gap, len, step);
    corner_mark(p, x1, y0, 1, -1, gap, len, step);
    corner_mark(p, x0, y1, -1, 1, gap, len, step);
    corner_mark(p, x1, y1, 1, 1, gap, len, step);
    float xm = (x0 + x1) / 2, ym = (y0 + y1) / 2;
    centre_mark(p, x0, ym, -1, 0, gap, len);
    centre_mark(p, x1, ym, 1, 0, gap, len);
    if (f->across == 1) {
        centre_mark(p, xm, y0, 0, -1, gap, len);
        centre_mark(p, xm, y1, 0, 1, gap, len);
        return;
    }
    line(p, xm, y0 - gap, xm, y0 - gap - len);   /* the spine: fold or cut */
    line(p, xm, y1 + gap, xm, y1 + gap + len);
}

static pdf_placement place(int page, float x, float y)
{
    return (pdf_placement){.page = page, .m = {1, 0, 0, 1, x, y}};
}

/* Trim edges a page's fills may bleed over. */
enum { BLEED_LEFT = 1, BLEED_RIGHT = 2, BLEED_BOTTOM = 4, BLEED_TOP = 8 };

/* 塗り足し: every fill of the page that touches a trim edge it may bleed
 * over goes on past it by the bleed, drawn on the sheet beside the page
 * (a spread's pages bleed only on their outer side: at the spine the
 * facing page continues). */
static void add_bleed(pg_page *marks, const pg_page *pg, float ox, float oy, float w, float h, float bleed,
                      unsigned edges)
{
    const float touch = 0.01f;
    for (size_t i = 0; i < pg->n_shapes; i++) {
        const pg_shape *s = &pg->shapes[i];
        if (s->kind != PG_FILL_RECT)
            continue;
        float l = fminf(s->x0, s->x1), r = fmaxf(s->x0, s->x1), b = fminf(s->y0, s->y1), t = fmaxf(s->y0, s->y1);
        pg_shape e = *s;
        e.origin = (pg_origin){NULL, PG_ROLE_ARTIFACT};
        if ((edges & BLEED_LEFT) && l <= touch)
            e.x0 = ox - bleed, e.x1 = ox, e.y0 = oy + b, e.y1 = oy + t, pg_add_shape(marks, e);
        if ((edges & BLEED_RIGHT) && r >= w - touch)
            e.x0 = ox + w, e.x1 = ox + w + bleed, e.y0 = oy + b, e.y1 = oy + t, pg_add_shape(marks, e);
        float el = (edges & BLEED_LEFT) && l <= touch ? -bleed : 0;
        float er = (edges & BLEED_RIGHT) && r >= w - touch ? bleed : 0;
        if ((edges & BLEED_BOTTOM) && b <= touch)
            e.x0 = ox + l + el, e.x1 = ox + r + er, e.y0 = oy - bleed, e.y1 = oy, pg_add_shape(marks, e);
        if ((edges & BLEED_TOP) && t >= h - touch)
            e.x0 = ox + l + el, e.x1 = ox + r + er, e.y0 = oy + h, e.y1 = oy + h + bleed, pg_add_shape(marks, e);
    }
}

/* The TrimBox (the spread's outer trim) and the BleedBox round it, both
 * kept inside the MediaBox (ISO 15930-7 6.2.2: TrimBox ⊆ BleedBox ⊆
 * MediaBox) even where an A3 sheet is a rounding narrower than two A4. */
static void set_boxes(pdf_sheet *sh, const sheet_frame *f)
{
    float trim[4] = {f->left, f->bottom, f->left + (float)f->across * f->page_w, f->bottom + f->page_h};
    float media[4] = {0, 0, f->width, f->height};
    for (int i = 0; i < 4; i++) {
        float grown = trim[i] + (i < 2 ? -f->bleed : f->bleed);
        sh->trim[i] = i < 2 ? fmaxf(trim[i], media[i]) : fminf(trim[i], media[i]);
        sh->bleed[i] = i < 2 ? fmaxf(grown, media[i]) : fminf(grown, media[i]);
    }
}

static void place_page(pdf_sheet *sh, const pg_doc *doc, const sheet_frame *f, int slot, int page, float x,
                       unsigned edges)
{
    sh->place[slot] = place(page, x, f->bottom);
    if (f->bleed > 0 && page >= 0 && (size_t)page < doc->n_pages)
        add_bleed(&sh->marks, &doc->pages[page], x, f->bottom, f->page_w, f->page_h, f->bleed, edges);
}

/* Side `side`: its one or two pages, the inner sheets' pages moved toward
 * the spine by creep per sheet from the outermost (saddle only: 2up sheets
 * are cut, not folded). */
static void fill_side(pdf_sheet *sh, const pg_doc *doc, const imposition_rules *r, const sheet_frame *f,
                      int padded, int side)
{
    int left, right, n = (int)doc->n_pages;
    sh->width = f->width;
    sh->height = f->height;
    set_boxes(sh, f);
    if (f->across == 1) {
        place_page(sh, doc, f, 0, side, f->left, BLEED_LEFT | BLEED_RIGHT | BLEED_BOTTOM | BLEED_TOP);
        sh->n_place = 1;
    } else {
        impose_side_positions(r->method, padded, side, &left, &right);
        impose_pad pad = r->method == IMPOSE_SADDLE ? r->pad : PAD_END;
        float shift = r->method == IMPOSE_SADDLE ? r->creep * (float)(side / 2) : 0;
        place_page(sh, doc, f, 0, impose_position_page(n, padded, pad, left), f->left + shift,
                   BLEED_LEFT | BLEED_BOTTOM | BLEED_TOP);
        place_page(sh, doc, f, 1, impose_position_page(n, padded, pad, right), f->left + f->page_w - shift,
                   BLEED_RIGHT | BLEED_BOTTOM | BLEED_TOP);
        sh->n_place = 2;
    }
    if (f->marks)
        add_crop_marks(&sh->marks, f);
}

/* ---- creep ----------------------------------------------------------------- */

/* The leftmost and rightmost ink of every page: glyph advances and shapes
 * with half their stroke.  false if no page has any. */
static bool ink_extent(const pg_doc *doc, float *left, float *right)
{
    float lo = FLT_MAX, hi = -FLT_MAX;
    for (size_t i = 0; i < doc->n_pages; i++) {
        const pg_page *p = &doc->pages[i];
        for (size_t g = 0; g < p->n_glyphs; g++) {
            float x0 = p->glyphs[g].x, x1 = x0 + p->glyphs[g].width;
            lo = x0 < lo ? x0 : lo;
            hi = x1 > hi ? x1 : hi;
        }
        for (size_t k = 0; k < p->n_shapes; k++) {
            const pg_shape *s = &p->shapes[k];
            float half = s->kind == PG_FILL_RECT ? 0 : s->line_width / 2;
            float x0 = (s->x0 < s->x1 ? s->x0 : s->x1) - half, x1 = (s->x0 < s->x1 ? s->x1 : s->x0) + half;
            lo = x0 < lo ? x0 : lo;
            hi = x1 > hi ? x1 : hi;
        }
    }
    *left = lo;
    *right = hi;
    return lo <= hi;
}

/* Creep moves the pages of sheet s (0 = the outermost) s × creep toward
 * the spine: on the innermost sheet the left page's ink must still end
 * before the spine and the right page's start after it, or the two halves
 * print over each other.  An error at the layout's creep otherwise, with
 * the most this sheet count allows. */
static bool check_creep(const pg_doc *doc, const imposition_rules *r, int padded, diag_list *dl)
{
    int sheets = padded / 4;
    float left, right;
    if (r->method != IMPOSE_SADDLE || r->creep <= 0 || sheets < 2 || !ink_extent(doc, &left, &right))
        return true;
    float room = doc->width - right < left ? doc->width - right : left;   /* ink to the spine */
    float shift = r->creep * (float)(sheets - 1);
    if (shift <= room + 0.01f)
        return true;
    float most = room > 0 ? room / (float)(sheets - 1) : 0;
    diag_report(dl, D_OUT_OF_RANGE, r->creep_loc,
                _("imposition: 'creep' of %.2fpt (%.2fmm) per sheet moves the pages of the innermost of %d sheets "
                "%.1fpt toward the spine, but their ink is only %.1fpt from it: the two halves would print over "
                "each other"),
                r->creep, r->creep * 25.4f / 72, sheets, shift, room);
    diag_hint(dl, _("for %d sheets use a creep of at most %.2fpt (%.3fmm), or bind the booklet in sections"),
              sheets, most, most * 25.4f / 72);
    return false;
}

bool impose(const pg_doc *doc, const imposition_rules *r, pdf_sheet **out, size_t *n_out, diag_list *dl)
{
    *out = NULL;
    *n_out = 0;
    sheet_frame f;
    if (r->method == IMPOSE_NONE || !frame_for(doc, r, &f, dl))
        return r->method == IMPOSE_NONE;
    int padded = impose_padded_count((int)doc->n_pages, r->method);
    if (!check_creep(doc, r, padded, dl))
        return false;
    size_t n_sides = (size_t)padded / (size_t)f.across;
    pdf_sheet *sheets = xcalloc(n_sides ? n_sides : 1, sizeof *sheets);
    for (size_t i = 0; i < n_sides; i++)
        fill_side(&sheets[i], doc, r, &f, padded, (int)i);
    *out = sheets;
    *n_out = n_sides;
    return true;
}

void impose_free(pdf_sheet *sheets, size_t n)
{
    for (size_t i = 0; sheets && i < n; i++)
        free(sheets[i].marks.shapes);
    free(sheets);
}
