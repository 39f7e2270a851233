/* fuzz_pipeline.c — libFuzzer target for the whole pipeline: the first
 * byte chooses one of the shipped layouts (booklet-a4, large-print: fonts
 * opened once), the rest is a content file, taken through the document
 * tree, composition, pagination, the furniture and the reading PDF (in
 * memory; nothing is written).  Beyond no crash, leak or UB, every input
 * that typesets is checked:
 *   - no glyph box leaves the paper: [x, x + advance] across and
 *     [baseline + descent, baseline + ascent] up, from the font;
 *   - no two lines overprint: on one page, the ink boxes of glyphs of
 *     different lines (a line = one block, one role, one baseline; the
 *     furniture is role PG_ROLE_ARTIFACT) do not intersect, nor does a
 *     text glyph's ink cross a furniture rule.
 * Ink boxes (not em boxes) for overprinting: compressed punctuation and
 * tight line pitches bring em boxes together without any ink touching.
 * The fonts and layouts are found under KUMIHAN_ROOT, else the source
 * folder this harness was built from. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "content.h"
#include "diag.h"
#include "fonts.h"
#include "furniture.h"
#include "fuzz_util.h"
#include "layout.h"
#include "pages.h"
#include "paginate.h"
#include "pdf_write.h"
#include "ytree.h"

#ifndef KUMIHAN_SOURCE_DIR
#define KUMIHAN_SOURCE_DIR "."
#endif

#define EPS_PT 0.01f

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const layout_names[] = {"layouts/booklet-a4.yaml", "layouts/large-print.yaml"};
#define N_LAYOUTS (sizeof layout_names / sizeof *layout_names)

typedef struct variant {
    layout *lay;
    font_set *fs;
} variant;

static variant variants[N_LAYOUTS];

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap)
            buf = realloc(buf, cap = cap ? 2 * cap : 65536);
        if (!buf)
            abort();
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

/* Loads every layout and opens its fonts, once: a setup failure is a
 * broken checkout, not a finding, so it aborts with the reason. */
static void load_variants(void)
{
    const char *root = getenv("KUMIHAN_ROOT");
    if (!root)
        root = KUMIHAN_SOURCE_DIR;
    for (size_t i = 0; i < N_LAYOUTS; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", root, layout_names[i]);
        size_t len = 0;
        char *text = read_all(path, &len);
        diag_list dl;
        diag_init(&dl);
        variants[i].lay = text ? layout_load_buffer(path, text, len, &dl) : NULL;
        variants[i].fs = variants[i].lay ? fonts_open(variants[i].lay, &dl) : NULL;
        free(text);
        if (!variants[i].fs) {
            fprintf(stderr, "fuzz_pipeline: cannot set up %s (set KUMIHAN_ROOT)\n", path);
            diag_print(&dl, stderr);
            abort();
        }
        diag_free(&dl);
    }
}

typedef struct box {
    float x0, y0, x1, y1;
} box;

static bool boxes_cross(box a, box b)
{
    return a.x0 < b.x1 - EPS_PT && b.x0 < a.x1 - EPS_PT && a.y0 < b.y1 - EPS_PT && b.y0 < a.y1 - EPS_PT;
}

static void fail(const char *what, size_t page, const pg_glyph *g, const pg_glyph *h)
{
    fprintf(stderr, "fuzz_pipeline: page %zu: %s: U+%04X (role %d) at (%.2f, %.2f) size %.2f",
            page + 1, what, (unsigned)g->cp, (int)g->origin.role, g->x, g->y, g->size);
    if (h)
        fprintf(stderr, " and U+%04X (role %d) at (%.2f, %.2f) size %.2f", (unsigned)h->cp,
                (int)h->origin.role, h->x, h->y, h->size);
    fputc('\n', stderr);
    abort();
}

/* The glyph's em box: advance across, ascent to descent up. */
static box em_box(const font_set *fs, const pg_glyph *g)
{
    float adv = fonts_advance_em(fs, g->font, g->cp) * g->size;
    return (box){g->x, g->y + fonts_descent_em(fs, g->font) * g->size, g->x + adv,
                 g->y + fonts_ascent_em(fs, g->font) * g->size};
}

static void check_on_paper(const pg_doc *d, const font_set *fs)
{
    for (size_t p = 0; p < d->n_pages; p++)
        for (size_t i = 0; i < d->pages[p].n_glyphs; i++) {
            const pg_glyph *g = &d->pages[p].glyphs[i];
            box b = em_box(fs, g);
            if (b.x0 < -EPS_PT || b.y0 < -EPS_PT || b.x1 > d->width + EPS_PT || b.y1 > d->height + EPS_PT)
                fail("glyph box leaves the paper", p, g, NULL);
        }
}

/* One line of a page: the glyphs [first, end) in page order that share
 * block, role and baseline, with the union of their ink boxes. */
typedef struct line_span {
    size_t first, end;
    box ink;
    bool has_ink;
} line_span;

static bool same_line(const pg_glyph *a, const pg_glyph *b)
{
    return a->origin.block == b->origin.block && a->origin.role == b->origin.role && fabsf(a->y - b->y) < EPS_PT;
}

static bool ink_of(const font_set *fs, const pg_glyph *g, box *out)
{
    glyph_box gb;
    if (!fonts_ink_box(fs, g->font, g->cp, &gb))
        return false;
    *out = (box){g->x + gb.x_min * g->size, g->y + gb.y_min * g->size, g->x + gb.x_max * g->size,
                 g->y + gb.y_max * g->size};
    return true;
}

static void grow(line_span *l, box b)
{
    if (!l->has_ink) {
        l->ink = b;
        l->has_ink = true;
        return;
    }
    l->ink.x0 = fminf(l->ink.x0, b.x0);
    l->ink.y0 = fminf(l->ink.y0, b.y0);
    l->ink.x1 = fmaxf(l->ink.x1, b.x1);
    l->ink.y1 = fmaxf(l->ink.y1, b.y1);
}

/* Splits the page's glyphs into lines; the caller frees the array. */
static line_span *lines_of(const pg_page *pg, const font_set *fs, size_t *n)
{
    line_span *lines = calloc(pg->n_glyphs ? pg->n_glyphs : 1, sizeof *lines);
    if (!lines)
        abort();
    *n = 0;
    for (size_t i = 0; i < pg->n_glyphs; i++) {
        if (i == 0 || !same_line(&pg->glyphs[i - 1], &pg->glyphs[i]))
            lines[(*n)++] = (line_span){.first = i, .end = i};
        line_span *l = &lines[*n - 1];
        l->end = i + 1;
        box b;
        if (ink_of(fs, &pg->glyphs[i], &b))
            grow(l, b);
    }
    return lines;
}

static void check_two_lines(const pg_page *pg, const font_set *fs, size_t page, const line_span *a,
                            const line_span *b)
{
    if (!a->has_ink || !b->has_ink || !boxes_cross(a->ink, b->ink))
        return;
    for (size_t i = a->first; i < a->end; i++) {
        box gi;
        if (!ink_of(fs, &pg->glyphs[i], &gi))
            continue;
        for (size_t j = b->first; j < b->end; j++) {
            box gj;
            if (ink_of(fs, &pg->glyphs[j], &gj) && boxes_cross(gi, gj))
                fail("two lines overprint", page, &pg->glyphs[i], &pg->glyphs[j]);
        }
    }
}

/* A furniture rule (the running head's) crossing the ink of a text line. */
static void check_rules(const pg_page *pg, const font_set *fs, size_t page, const line_span *lines, size_t n)
{
    for (size_t s = 0; s < pg->n_shapes; s++) {
        const pg_shape *sh = &pg->shapes[s];
        if (sh->origin.role != PG_ROLE_ARTIFACT || sh->kind != PG_LINE)
            continue;
        float half = sh->line_width / 2;
        box r = {fminf(sh->x0, sh->x1) - half, fminf(sh->y0, sh->y1) - half, fmaxf(sh->x0, sh->x1) + half,
                 fmaxf(sh->y0, sh->y1) + half};
        for (size_t l = 0; l < n; l++)
            for (size_t i = lines[l].first; lines[l].has_ink && boxes_cross(lines[l].ink, r) && i < lines[l].end; i++) {
                box g;
                if (ink_of(fs, &pg->glyphs[i], &g) && boxes_cross(g, r))
                    fail("a furniture rule crosses a glyph", page, &pg->glyphs[i], NULL);
            }
    }
}

static void check_no_overprint(const pg_doc *d, const font_set *fs)
{
    for (size_t p = 0; p < d->n_pages; p++) {
        const pg_page *pg = &d->pages[p];
        size_t n = 0;
        line_span *lines = lines_of(pg, fs, &n);
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++)
                check_two_lines(pg, fs, p, &lines[a], &lines[b]);
        check_rules(pg, fs, p, lines, n);
        free(lines);
    }
}

static pdf_meta meta_of(const document *doc, const layout *lay)
{
    return (pdf_meta){
        .title = doc->title, .author = doc->organization, .subject = doc->subject,
        .keywords = doc->keywords, .creator = "kumihan fuzz", .date = doc->date, .lang = "ja-JP",
        .show_outline = true, .labels = lay->page_labels, .n_labels = lay->n_page_labels,
    };
}

static void typeset(const document *doc, const variant *v, diag_list *dl)
{
    flow fl = {0};
    pg_doc pages;
    pg_doc_init(&pages, v->lay->page.paper_width, v->lay->page.paper_height);
    if (compose(doc, v->lay, v->fs, NULL, &fl, dl) && paginate(&fl, v->lay, &pages, dl) &&
        draw_furniture(&pages, v->lay, v->fs, dl)) {
        check_on_paper(&pages, v->fs);
        check_no_overprint(&pages, v->fs);
        pdf_meta meta = meta_of(doc, v->lay);
        size_t len = 0;
        unsigned char *pdf = pdf_render(&pages, v->fs, &meta, NULL, 0, &len, dl);
        if (pdf && (len < 5 || memcmp(pdf, "%PDF-", 5) != 0))
            abort();
        free(pdf);
    }
    pg_doc_free(&pages);
    flow_free(&fl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!variants[0].fs)
        load_variants();
    if (size == 0)
        return 0;
    const variant *v = &variants[data[0] % N_LAYOUTS];
    diag_list dl;
    diag_init(&dl);
    ytree *tree = ytree_load_buffer("fuzz/content.yaml", (const char *)data + 1, size - 1, NULL, &dl);
    document *doc = tree ? content_from_tree(tree, &dl) : NULL;
    if (doc && dl.errors == 0)
        typeset(doc, v, &dl);
    doc_free(doc);
    ytree_free(tree);
    fuzz_print_and_free(&dl);
    return 0;
}
