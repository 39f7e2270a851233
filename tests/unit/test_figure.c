/* test_figure.c — images and the table of contents: reading PNG and JPEG
 * headers (and refusing what is not one, cut short or damaged), scaling
 * an image into the measure and onto the grid, a figure kept whole with
 * its caption, and the contents' page numbers after pagination equal to
 * the pages the headings landed on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "doc_image.h"
#include "figure_fit.h"
#include "image_probe.h"
#include "pipeline.h"
#include "test_util.h"
#include "toc.h"

static unsigned char *read_all(const char *rel, size_t *n)
{
    char *path = root_path(rel);
    FILE *f = fopen(path, "rb");
    free(path);
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    unsigned char *b = malloc(*n);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static void test_probe_png_and_jpeg(void **state)
{
    (void)state;
    image_info info;
    const char *why = NULL;
    char *logo = root_path("content/images/logo.png"), *map = root_path("content/images/map.jpg");
    assert_true(image_probe_file(logo, &info, &why));
    assert_int_equal(info.format, IMAGE_PNG);
    assert_int_equal(info.width, 1340);
    assert_int_equal(info.height, 300);
    assert_int_equal(info.components, 3);
    assert_true(info.alpha);
    assert_true(image_probe_file(map, &info, &why));
    assert_int_equal(info.format, IMAGE_JPEG);
    assert_int_equal(info.width, 1600);
    assert_int_equal(info.height, 1000);
    assert_int_equal(info.components, 3);
    assert_false(info.alpha);
    free(logo);
    free(map);
}

static void test_probe_refuses_damage(void **state)
{
    (void)state;
    size_t n;
    unsigned char *png = read_all("content/images/logo.png", &n);
    image_info info;
    const char *why = NULL;
    /* cut short: the IEND chunk and part of the data are missing */
    assert_false(image_probe_bytes(png, n / 2, &info, &why));
    assert_non_null(strstr(why, "cut short"));
    /* one flipped byte inside the image data: a chunk's CRC is wrong */
    png[n / 2] ^= 0x40;
    assert_false(image_probe_bytes(png, n, &info, &why));
    assert_non_null(strstr(why, "checksum"));
    free(png);
    unsigned char *jpg = read_all("content/images/map.jpg", &n);
    assert_false(image_probe_bytes(jpg, n - 2, &info, &why));   /* no EOI */
    assert_non_null(strstr(why, "cut short"));
    free(jpg);
    /* a CMYK frame header: refused, the PDFs' colours are sRGB and gray */
    static const unsigned char cmyk[] = {0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x14, 8, 0, 16, 0, 16, 4,
                                         1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0};
    assert_false(image_probe_bytes(cmyk, sizeof cmyk, &info, &why));
    assert_non_null(strstr(why, "CMYK"));
    /* a 16-bit gray PNG's header (IHDR): refused with its reason */
    static const unsigned char png16[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                          0, 0, 1, 0, 0, 0, 0, 64, 16, 0, 0, 0, 0, 0x80, 0xA6, 0x2A, 0x21};
    assert_false(image_probe_bytes(png16, sizeof png16, &info, &why));
    assert_non_null(strstr(why, "16 bits"));
    assert_false(image_probe_bytes((const unsigned char *)"GIF89a....", 10, &info, &why));
    assert_non_null(strstr(why, "GIF"));
    assert_false(image_probe_bytes((const unsigned char *)"title: a yaml file\n", 19, &info, &why));
    assert_non_null(strstr(why, "neither"));
}

static void test_probe_refuses_folders(void **state)
{
    (void)state;
    image_info info;
    const char *why = NULL;
    char *dir = root_path("content/images");
    assert_false(image_probe_file(dir, &info, &why));
    assert_non_null(strstr(why, "folder"));
    free(dir);
    assert_false(image_probe_file("/nonexistent/map.png", &info, &why));
    /* a FIFO with no writer: refused at once, never waited on */
    char fifo[] = "/tmp/kumihan-fifo-XXXXXX";
    assert_non_null(mkdtemp(fifo));
    char path[64];
    snprintf(path, sizeof path, "%s/map.png", fifo);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(image_probe_file(path, &info, &why));
    assert_non_null(strstr(why, "FIFO"));
    unlink(path);
    rmdir(fifo);
}

#define PITCH 18.375f
#define BODY 10.5f

static void test_fit_width_and_grid(void **state)
{
    (void)state;
    /* 80% of a 400pt measure: 320 × 200, 200pt + the leading below = 11.3 lines → 12 */
    figure_box b = figure_fit(1600, 1000, (image_width){.frac = 0.8f}, 0, 400, 40, PITCH, BODY);
    assert_float_equal(b.w, 320, 0.01);
    assert_float_equal(b.h, 200, 0.01);
    assert_int_equal(b.lines, 12);
    assert_float_equal(b.box_h, 12 * PITCH - (PITCH - BODY), 0.01);
    assert_true(b.box_h >= b.h);
    assert_true(b.box_h - PITCH < b.h);   /* no whole line to spare */
    /* a length wider than the measure is cut to the measure */
    b = figure_fit(1000, 500, (image_width){.pt = 1000}, 0, 400, 40, PITCH, BODY);
    assert_float_equal(b.w, 400, 0.01);
    assert_float_equal(b.h, 200, 0.01);
    /* no width: the measure */
    b = figure_fit(100, 100, (image_width){0}, 0, 400, 40, PITCH, BODY);
    assert_float_equal(b.w, 400, 0.01);
}

static void test_fit_scales_down_to_height(void **state)
{
    (void)state;
    /* max_height: the aspect ratio is kept */
    figure_box b = figure_fit(1000, 1000, (image_width){.frac = 1}, 100, 400, 40, PITCH, BODY);
    assert_float_equal(b.h, 100, 0.01);
    assert_float_equal(b.w, 100, 0.01);
    /* a tall image on a page of 10 lines, 2 kept for its caption: 8 lines at most */
    b = figure_fit(100, 1000, (image_width){0}, 0, 400, 10 - 2, PITCH, BODY);
    assert_true(b.lines <= 8);
    assert_float_equal(b.h, 8 * PITCH - (PITCH - BODY), 0.01);
    assert_float_equal(b.w, b.h / 10, 0.01);
}

static char *layout_with(const char *extra)
{
    char *src_path = root_path("layouts/booklet-a4.yaml");
    FILE *f = fopen(src_path, "r");
    free(src_path);
    assert_non_null(f);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        /* fonts are relative to the layout: make them absolute */
        char *at = strstr(line, "../fonts/");
        if (at) {
            char *abs = root_path(at + 3);
            fprintf(mem, "%.*s%s", (int)(at - line), line, abs);
            free(abs);
        } else {
            fputs(line, mem);
        }
    }
    fputs(extra, mem);
    fclose(mem);
    fclose(f);
    char *path = write_temp_file(buf);
    free(buf);
    return path;
}

static void typeset(pipeline *p, const char *yaml, const char *layout_extra)
{
    char *path = write_temp_file(yaml), *lay = layout_with(layout_extra);
    diag_list dl;
    diag_init(&dl);
    memset(p, 0, sizeof *p);
    bool ok = pipeline_load(p, path, lay, &dl) && pipeline_typeset(p, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    unlink(path);
    unlink(lay);
    free(path);
    free(lay);
    assert_true(ok);
}

/* The page a heading's own text is on (not its contents entry). */
static size_t page_of_text(const pg_doc *d, const block *b)
{
    for (size_t p = 0; p < d->n_pages; p++)
        for (size_t i = 0; i < d->pages[p].n_glyphs; i++)
            if (d->pages[p].glyphs[i].origin.block == b && d->pages[p].glyphs[i].origin.role == PG_ROLE_TEXT)
                return p;
    fail_msg("heading '%s' is on no page", b->text);
    return 0;
}

/* The digits set as b's page number in the contents: those after its
 * leader (the entry's text may hold digits too: 節1). */
static int toc_number_of(const pg_doc *d, const block *b, size_t *toc_page)
{
    for (size_t p = 0; p < d->n_pages; p++) {
        int n = 0;
        bool found = false;
        for (size_t i = 0; i < d->pages[p].n_glyphs; i++) {
            const pg_glyph *g = &d->pages[p].glyphs[i];
            if (g->origin.block == b && g->origin.role == PG_ROLE_DECORATION)
                n = 0;
            else if (g->origin.block == b && g->origin.role == PG_ROLE_TOC_ENTRY && g->cp >= '0' && g->cp <= '9') {
                n = n * 10 + (int)(g->cp - '0');
                found = true;
            }
        }
        if (found) {
            *toc_page = p;
            return n;
        }
    }
    fail_msg("heading '%s' has no number in the contents", b->text);
    return 0;
}

static void test_toc_numbers_are_the_pages(void **state)
{
    (void)state;
    /* long sections push the later parts several pages on */
    char yaml[16384];
    size_t n = (size_t)snprintf(yaml, sizeof yaml, "title: 報告\norganization: 会議所\nparts:\n");
    for (int part = 0; part < 3; part++) {
        n += (size_t)snprintf(yaml + n, sizeof yaml - n, "  - title: 第%d部\n    sections:\n", part + 1);
        for (int s = 0; s < 3; s++) {
            n += (size_t)snprintf(yaml + n, sizeof yaml - n, "      - title: 節%d\n        items:\n", s + 1);
            for (int i = 0; i < 6 + part * 4; i++)
                n += (size_t)snprintf(yaml + n, sizeof yaml - n, "          - 項目%d%d%dの本文\n", part, s, i);
        }
    }
    pipeline p;
    typeset(&p, yaml, "toc:\n  enabled: true\n");
    const pg_doc *d = &p.pages;
    size_t checked = 0, last_toc_page = 0;
    for (size_t i = 0; i < p.doc->root->n_children; i++) {
        const block *part = p.doc->root->children[i];
        const block *heads[8] = {part};
        size_t nh = 1;
        for (size_t s = 0; s < part->n_children && nh < 8; s++)
            heads[nh++] = part->children[s];
        for (size_t h = 0; h < nh; h++) {
            size_t toc_page = 0;
            int number = toc_number_of(d, heads[h], &toc_page);
            assert_int_equal(number, (int)page_of_text(d, heads[h]) + 1);
            assert_true(toc_page >= 1);   /* after the cover */
            last_toc_page = toc_page;
            checked++;
        }
    }
    assert_int_equal(checked, 12);
    /* the body starts on the page after the contents */
    assert_int_equal(page_of_text(d, p.doc->root->children[0]), last_toc_page + 1);
    /* the last part is pages on: numbers of more than one digit would show a wrong fill */
    assert_true(page_of_text(d, p.doc->root->children[2]) >= 4);
    pipeline_free(&p);
}

/* The footer's {page}: blank padding pages are not counted. */
static void test_toc_page_number_skips_blank_pages(void **state)
{
    (void)state;
    pg_doc d;
    pg_doc_init(&d, 595, 842);
    for (int i = 0; i < 6; i++)
        pg_add_page(&d)->blank = i == 2 || i == 3;
    assert_int_equal(toc_page_number(&d, 0), 1);
    assert_int_equal(toc_page_number(&d, 1), 2);
    assert_int_equal(toc_page_number(&d, 4), 3);
    assert_int_equal(toc_page_number(&d, 5), 4);
    pg_doc_free(&d);
}

static void test_figure_kept_with_caption(void **state)
{
    (void)state;
    char *map = root_path("content/images/map.jpg");
    char yaml[4096];
    /* 34 lines of items, then a figure of 80% width (about 12 lines) with a caption: it goes over */
    size_t n = (size_t)snprintf(yaml, sizeof yaml, "title: t\norganization: o\nparts:\n  - title: 部\n    sections:\n"
                                                  "      - title: 節\n        items:\n");
    for (int i = 0; i < 24; i++)
        n += (size_t)snprintf(yaml + n, sizeof yaml - n, "          - 項目%d\n", i);
    snprintf(yaml + n, sizeof yaml - n, "        body:\n          - figure: {file: %s, alt: 地図, caption: 図1　地図}\n", map);
    free(map);
    pipeline p;
    typeset(&p, yaml, "");
    const pg_doc *d = &p.pages;
    size_t fig_page = d->n_pages, cap_page = d->n_pages;
    for (size_t pg = 0; pg < d->n_pages; pg++) {
        if (d->pages[pg].n_images)
            fig_page = pg;
        for (size_t i = 0; i < d->pages[pg].n_glyphs; i++)
            if (d->pages[pg].glyphs[i].origin.block && d->pages[pg].glyphs[i].origin.block->kind == BK_CAPTION)
                cap_page = pg;
    }
    assert_true(fig_page < d->n_pages);
    assert_int_equal(fig_page, cap_page);
    const pg_image *im = &d->pages[fig_page].images[0];
    /* the whole measure (no width in the booklet), 1600:1000 */
    assert_float_equal(im->w, p.lay->derived.measure, 0.01);
    assert_float_equal(im->h / im->w, 1000.0 / 1600.0, 0.001);
    /* inside the type area */
    assert_true(im->y >= p.lay->derived.area_top - p.lay->derived.area_height - 0.01);
    assert_true(im->y + im->h <= p.lay->derived.area_top + 0.01);
    pipeline_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_probe_png_and_jpeg),     cmocka_unit_test(test_probe_refuses_damage),
        cmocka_unit_test(test_probe_refuses_folders),  cmocka_unit_test(test_fit_width_and_grid),
        cmocka_unit_test(test_fit_scales_down_to_height), cmocka_unit_test(test_toc_numbers_are_the_pages),
        cmocka_unit_test(test_toc_page_number_skips_blank_pages), cmocka_unit_test(test_figure_kept_with_caption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
