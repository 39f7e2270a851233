/* test_impose.c — imposition: padding, saddle-stitch and 2-up page order,
 * creep offsets, crop marks inside the slug, sheet sizes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impose.h"

#define A4_W 595.28f
#define A4_H 841.89f
#define MM (72 / 25.4f)

/* An A4 document of n pages; page i carries one glyph whose cp is i + 1. */
static void make_doc(pg_doc *d, int n)
{
    pg_doc_init(d, A4_W, A4_H);
    for (int i = 0; i < n; i++) {
        pg_page *p = pg_add_page(d);
        assert_non_null(p);
        pg_add_glyph(p, (pg_glyph){.cp = (uint32_t)i + 1, .size = 9, .x = 100, .y = 30});
    }
}

/* The booklet page number (1-based, 0 = blank) at each half of each side. */
static void side_pages(int n, impose_method m, impose_pad pad, int *out)
{
    int padded = impose_padded_count(n, m);
    for (int side = 0; side < padded / 2; side++) {
        int l, r;
        impose_side_positions(m, padded, side, &l, &r);
        out[2 * side] = impose_position_page(n, padded, pad, l) + 1;
        out[2 * side + 1] = impose_position_page(n, padded, pad, r) + 1;
    }
}

static void test_padded_counts(void **state)
{
    (void)state;
    assert_int_equal(impose_padded_count(13, IMPOSE_SADDLE), 16);
    assert_int_equal(impose_padded_count(16, IMPOSE_SADDLE), 16);
    assert_int_equal(impose_padded_count(1, IMPOSE_SADDLE), 4);
    assert_int_equal(impose_padded_count(13, IMPOSE_2UP), 14);
    assert_int_equal(impose_padded_count(13, IMPOSE_NONE), 13);
}

/* Sheet 1 front = 16 | 1, back = 2 | 15; sheet 2 front = 14 | 3, back =
 * 4 | 13; … with positions 13–15 blank and page 13 (the back cover) at 16. */
static void test_saddle_13_before_last(void **state)
{
    (void)state;
    int got[16];
    side_pages(13, IMPOSE_SADDLE, PAD_BEFORE_LAST, got);
    const int want[16] = {13, 1, 2, 0, 0, 3, 4, 0, 12, 5, 6, 11, 10, 7, 8, 9};
    assert_memory_equal(got, want, sizeof want);
}

static void test_saddle_13_end(void **state)
{
    (void)state;
    int got[16];
    side_pages(13, IMPOSE_SADDLE, PAD_END, got);
    const int want[16] = {0, 1, 2, 0, 0, 3, 4, 13, 12, 5, 6, 11, 10, 7, 8, 9};
    assert_memory_equal(got, want, sizeof want);
}

static void test_saddle_positions_16(void **state)
{
    (void)state;
    const int want[16] = {15, 0, 1, 14, 13, 2, 3, 12, 11, 4, 5, 10, 9, 6, 7, 8};
    for (int side = 0; side < 8; side++) {
        int l, r;
        impose_side_positions(IMPOSE_SADDLE, 16, side, &l, &r);
        assert_int_equal(l, want[2 * side]);
        assert_int_equal(r, want[2 * side + 1]);
    }
}

static void test_2up_order(void **state)
{
    (void)state;
    int got[14];
    side_pages(13, IMPOSE_2UP, PAD_END, got);
    const int want[14] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0};
    assert_memory_equal(got, want, sizeof want);
}

static void test_pad_pages_before_last(void **state)
{
    (void)state;
    pg_doc d;
    make_doc(&d, 13);
    impose_pad_pages(&d, IMPOSE_SADDLE, PAD_BEFORE_LAST);
    assert_int_equal(d.n_pages, 16);
    for (int i = 0; i < 12; i++)
        assert_int_equal(d.pages[i].glyphs[0].cp, i + 1);
    for (int i = 12; i < 15; i++) {
        assert_true(d.pages[i].blank);
        assert_int_equal(d.pages[i].n_glyphs, 0);
    }
    assert_false(d.pages[15].blank);
    assert_int_equal(d.pages[15].glyphs[0].cp, 13);
    pg_doc_free(&d);

    make_doc(&d, 13);
    impose_pad_pages(&d, IMPOSE_SADDLE, PAD_END);
    assert_int_equal(d.pages[12].glyphs[0].cp, 13);
    assert_true(d.pages[15].blank);
    pg_doc_free(&d);
}

/* A padded document is imposed position for position. */
static void test_impose_padded_doc(void **state)
{
    (void)state;
    pg_doc d;
    diag_list dl;
    diag_init(&dl);
    make_doc(&d, 13);
    impose_pad_pages(&d, IMPOSE_SADDLE, PAD_BEFORE_LAST);
    imposition_rules r = {.method = IMPOSE_SADDLE, .pad = PAD_BEFORE_LAST};
    pdf_sheet *sh;
    size_t n;
    assert_true(impose(&d, &r, &sh, &n, &dl));
    assert_int_equal(n, 8);
    assert_int_equal(sh[0].place[0].page, 15);
    assert_int_equal(d.pages[sh[0].place[0].page].glyphs[0].cp, 13);
    assert_int_equal(sh[0].place[1].page, 0);
    assert_true(d.pages[sh[1].place[1].page].blank);
    for (size_t i = 0; i < n; i++) {
        assert_float_equal(sh[i].width, 2 * A4_W, 0.01);
        assert_float_equal(sh[i].height, A4_H, 0.01);
        assert_int_equal(sh[i].n_place, 2);
        assert_int_equal(sh[i].marks.n_shapes, 0);
    }
    impose_free(sh, n);
    pg_doc_free(&d);
    diag_free(&dl);
}

/* Sheet s (0 = outermost) moves both its pages s × creep toward the spine. */
static void test_creep(void **state)
{
    (void)state;
    pg_doc d;
    diag_list dl;
    diag_init(&dl);
    make_doc(&d, 16);
    float creep = 0.1f * MM, w = 1190.55f;
    imposition_rules r = {.method = IMPOSE_SADDLE, .creep = creep, .sheet_width = w, .sheet_height = A4_H};
    pdf_sheet *sh;
    size_t n;
    assert_true(impose(&d, &r, &sh, &n, &dl));
    float left0 = (w - 2 * A4_W) / 2;
    for (size_t side = 0; side < n; side++) {
        float shift = creep * (float)(side / 2);
        assert_float_equal(sh[side].place[0].m[4], left0 + shift, 0.001);
        assert_float_equal(sh[side].place[1].m[4], left0 + A4_W - shift, 0.001);
        assert_float_equal(sh[side].place[0].m[0], 1, 0);
        assert_float_equal(sh[side].place[0].m[3], 1, 0);
    }
    assert_float_equal(sh[7].place[0].m[4] - sh[0].place[0].m[4], 3 * creep, 0.001);
    impose_free(sh, n);

    r.method = IMPOSE_2UP;   /* cut, not folded: no creep */
    assert_true(impose(&d, &r, &sh, &n, &dl));
    for (size_t side = 0; side < n; side++)
        assert_float_equal(sh[side].place[0].m[4], left0, 0.001);
    impose_free(sh, n);
    pg_doc_free(&d);
    diag_free(&dl);
}

/* Every mark lies in the slug: outside the trimmed spread, inside the
 * sheet, clear of the trim by a gap. */
static void test_crop_marks_in_slug(void **state)
{
    (void)state;
    pg_doc d;
    diag_list dl;
    diag_init(&dl);
    make_doc(&d, 4);
    float slug = 10 * MM;
    imposition_rules r = {.method = IMPOSE_SADDLE, .crop_marks = true, .slug = slug};
    pdf_sheet *sh;
    size_t n;
    assert_true(impose(&d, &r, &sh, &n, &dl));
    assert_int_equal(n, 2);
    float x0 = slug, x1 = slug + 2 * A4_W, y0 = slug, y1 = slug + A4_H;
    for (size_t s = 0; s < n; s++) {
        assert_float_equal(sh[s].width, 2 * A4_W + 2 * slug, 0.01);
        assert_float_equal(sh[s].height, A4_H + 2 * slug, 0.01);
        assert_float_equal(sh[s].place[0].m[4], slug, 0.001);
        assert_float_equal(sh[s].place[0].m[5], slug, 0.001);
        /* 4 corners × 2 + 2 centre marks (left, right) × 2 + 2 at the spine */
        assert_int_equal(sh[s].marks.n_shapes, 14);
        float trim[4] = {x0, y0, x1, y1};
        for (int i = 0; i < 4; i++) {
            assert_float_equal(sh[s].trim[i], trim[i], 0.01);
            assert_float_equal(sh[s].bleed[i], trim[i], 0.01);   /* no bleed */
        }
        for (size_t i = 0; i < sh[s].marks.n_shapes; i++) {
            const pg_shape *m = &sh[s].marks.shapes[i];
            assert_int_equal(m->kind, PG_LINE);
            assert_float_equal(m->line_width, 0.25, 0.0001);
            for (int e = 0; e < 2; e++) {
                float x = e ? m->x1 : m->x0, y = e ? m->y1 : m->y0;
                assert_true(x >= 0 && x <= sh[s].width && y >= 0 && y <= sh[s].height);
                bool outside = x < x0 - 1 || x > x1 + 1 || y < y0 - 1 || y > y1 + 1;
                assert_true(outside);
            }
        }
    }
    impose_free(sh, n);
    pg_doc_free(&d);
    diag_free(&dl);
}

/* Creep may move the innermost sheet's ink up to the spine, never over it:
 * the glyphs of make_doc sit 100pt from the left edge (the spine of a right
 * page), so 4 sheets allow 100 / 3 pt per sheet. */
static void test_creep_over_the_spine(void **state)
{
    (void)state;
    pg_doc d;
    diag_list dl;
    diag_init(&dl);
    make_doc(&d, 16);
    imposition_rules r = {.method = IMPOSE_SADDLE, .creep = 33};
    pdf_sheet *sh = NULL;
    size_t n = 0;
    assert_true(impose(&d, &r, &sh, &n, &dl));
    impose_free(sh, n);
    r.creep = 34;
    assert_false(impose(&d, &r, &sh, &n, &dl));
    assert_null(sh);
    assert_int_equal(dl.errors, 1);
    assert_non_null(strstr(dl.items[0].message, "innermost of 4 sheets 102.0pt"));
    assert_non_null(strstr(dl.items[0].hint, "at most 33.33pt"));
    r.method = IMPOSE_2UP;   /* cut, not folded: no creep */
    assert_true(impose(&d, &r, &sh, &n, &dl));
    impose_free(sh, n);
    pg_doc_free(&d);
    diag_free(&dl);
}

static void test_sheet_too_small_and_names(void **state)
{
    (void)state;
    pg_doc d;
    diag_list dl;
    diag_init(&dl);
    make_doc(&d, 4);
    imposition_rules r = {.method = IMPOSE_SADDLE, .sheet_width = 841.89f, .sheet_height = 595.28f};
    pdf_sheet *sh = (pdf_sheet *)&r;
    size_t n = 99;
    assert_false(impose(&d, &r, &sh, &n, &dl));
    assert_null(sh);
    assert_int_equal(n, 0);
    assert_true(diag_failed(&dl));
    r.method = IMPOSE_NONE;
    assert_true(impose(&d, &r, &sh, &n, &dl));
    assert_null(sh);

    impose_method m;
    assert_true(impose_method_from_name("saddle", &m));
    assert_int_equal(m, IMPOSE_SADDLE);
    assert_true(impose_method_from_name("2up", &m));
    assert_int_equal(m, IMPOSE_2UP);
    assert_true(impose_method_from_name("none", &m));
    assert_int_equal(m, IMPOSE_NONE);
    assert_false(impose_method_from_name("Saddle", &m));
    pg_doc_free(&d);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_padded_counts),
        cmocka_unit_test(test_saddle_13_before_last),
        cmocka_unit_test(test_saddle_13_end),
        cmocka_unit_test(test_saddle_positions_16),
        cmocka_unit_test(test_2up_order),
        cmocka_unit_test(test_pad_pages_before_last),
        cmocka_unit_test(test_impose_padded_doc),
        cmocka_unit_test(test_creep),
        cmocka_unit_test(test_crop_marks_in_slug),
        cmocka_unit_test(test_creep_over_the_spine),
        cmocka_unit_test(test_sheet_too_small_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
