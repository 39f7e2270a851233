/* test_subset.c — hb-subset of the BIZ UD fonts: glyph count, the code
 * point → new glyph id mapping read back from the subset's own cmap,
 * dropped tables, deterministic bytes, plan-sized subsets, and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_util.h"

#include <hb.h>

#include "subset.h"

/* あいう, 漢字, ⑴, 𠀋 (astral), 'A', and 𠮷 which BIZ UD lacks; unsorted,
 * with a duplicate. */
static const uint32_t sample[] = {0x3046, 0x3042, 0x3044, 0x6F22, 0x5B57, 0x2474,
                                  0x2000B, 'A', 0x3042, 0x20BB7};
#define N_SAMPLE (sizeof sample / sizeof *sample)

static void test_mapping_round_trip(void **state)
{
    (void)state;
    char *path = root_path("fonts/BIZUDMincho-Regular.ttf");
    font_subset s;
    const char *err = NULL;
    assert_true(subset_font(path, sample, N_SAMPLE, &s, &err));
    /* .notdef + 8 present code points (the duplicate and 𠮷 give nothing),
     * plus any components of composite glyphs */
    assert_in_range(s.n_glyphs, 9, 16);
    assert_int_equal(s.n_cps, 9);   /* unique code points asked for */
    assert_int_equal(s.units_per_em, 2048);
    assert_true(s.size > 500 && s.size < 20000);
    assert_int_equal(subset_gid(&s, 0x20BB7), 0);
    assert_int_equal(subset_gid(&s, 0x3000), 0);   /* not asked for */

    /* the subset's own cmap says the same as subset_gid, and ids are dense */
    hb_blob_t *blob = hb_blob_create((const char *)s.data, (unsigned)s.size, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *font = hb_font_create(face);
    bool seen[16] = {false};
    for (size_t i = 0; i < N_SAMPLE; i++) {
        if (sample[i] == 0x20BB7)
            continue;
        hb_codepoint_t gid = 0;
        assert_true(hb_font_get_nominal_glyph(font, sample[i], &gid));
        assert_int_equal(gid, subset_gid(&s, sample[i]));
        assert_true(gid > 0 && gid < s.n_glyphs);
        if (sample[i] != 0x3042 || !seen[gid])   /* あ is asked for twice */
            assert_false(seen[gid]);   /* otherwise one glyph per code point */
        seen[gid] = true;
        unsigned expected = sample[i] == 'A' ? 1024 : 2048;   /* half / full width */
        assert_int_equal(s.advance[gid], expected);
    }

    /* layout and hinting tables are gone; what a PDF font program needs stays */
    static const char *kept[] = {"glyf", "loca", "head", "hhea", "hmtx", "maxp", "cmap", "post"};
    static const char *gone[] = {"GSUB", "GPOS", "GDEF", "fpgm", "prep", "cvt ", "vhea", "vmtx"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        hb_blob_t *t = hb_face_reference_table(face, hb_tag_from_string(kept[i], 4));
        assert_true(hb_blob_get_length(t) > 0);
        hb_blob_destroy(t);
    }
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        hb_blob_t *t = hb_face_reference_table(face, hb_tag_from_string(gone[i], 4));
        if (hb_blob_get_length(t) != 0)
            fail_msg("table %s kept", gone[i]);
        hb_blob_destroy(t);
    }
    assert_true(s.x_max > s.x_min && s.y_max > s.y_min);
    assert_float_equal(s.italic_angle, 0, 0);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    subset_free(&s);
    free(path);
}

static void test_deterministic(void **state)
{
    (void)state;
    char *path = root_path("fonts/BIZUDGothic-Bold.ttf");
    font_subset a, b;
    const char *err;
    assert_true(subset_font(path, sample, N_SAMPLE, &a, &err));
    uint32_t reversed[N_SAMPLE];
    for (size_t i = 0; i < N_SAMPLE; i++)
        reversed[i] = sample[N_SAMPLE - 1 - i];
    assert_true(subset_font(path, reversed, N_SAMPLE, &b, &err));
    assert_int_equal(a.size, b.size);
    assert_memory_equal(a.data, b.data, a.size);
    subset_free(&a);
    subset_free(&b);
    free(path);
}

/* About the plan's character set, 1,100 code points over three fonts:
 * every subset is a small fraction of its 5-6 MB font (speed: make bench). */
static void test_plan_sized_subsets(void **state)
{
    (void)state;
    static const char *files[3] = {"fonts/BIZUDMincho-Regular.ttf", "fonts/BIZUDGothic-Regular.ttf",
                                   "fonts/BIZUDGothic-Bold.ttf"};
    uint32_t cps[1100];
    size_t n = 0;
    for (uint32_t cp = 0x3041; cp <= 0x3096; cp++)
        cps[n++] = cp;                       /* hiragana */
    for (uint32_t cp = 0x4E00; n < 1100; cp += 7)
        cps[n++] = cp;                       /* kanji spread over the block */
    size_t total = 0;
    for (int f = 0; f < 3; f++) {
        char *path = root_path(files[f]);
        font_subset s;
        const char *err;
        assert_true(subset_font(path, cps, n / (size_t)(f + 1), &s, &err));
        assert_true(s.size < 600 * 1024);
        total += s.size;
        subset_free(&s);
        free(path);
    }
    printf("# subset 3 fonts (1100 + 550 + 366 code points): %zu bytes\n", total);
}

static void test_errors(void **state)
{
    (void)state;
    font_subset s;
    const char *err = NULL;
    assert_false(subset_font("/nonexistent/x.ttf", sample, N_SAMPLE, &s, &err));
    assert_non_null(err);
    assert_null(s.data);
    subset_free(&s);   /* harmless after failure */
}

/* A variation sequence keeps its variant glyph: 葛 + VS17 (U+E0100) gets a
 * glyph of its own in the subset, distinct from 葛's; a sequence the font
 * lacks (あ + VS17) falls back to the base glyph. */
static void test_variation_sequences(void **state)
{
    (void)state;
    char *path = root_path("fonts/BIZUDMincho-Regular.ttf");
    const uint32_t cps[] = {0x845B, 0x3042};
    const subset_variant vars[] = {{.cp = 0x845B, .vs = 0xE0100}, {.cp = 0x3042, .vs = 0xE0100}};
    font_subset s;
    const char *err = NULL;
    assert_true(subset_font_with_variants(path, cps, 2, vars, 2, &s, &err));
    assert_int_equal(s.n_vars, 2);
    uint16_t base = subset_gid(&s, 0x845B), variant = subset_gid_vs(&s, 0x845B, 0xE0100);
    assert_int_not_equal(base, 0);
    assert_int_not_equal(variant, 0);
    assert_int_not_equal(variant, base);
    assert_true(variant < s.n_glyphs);
    assert_int_equal(subset_gid_vs(&s, 0x3042, 0xE0100), subset_gid(&s, 0x3042));
    assert_int_equal(subset_gid_vs(&s, 0x845B, 0), base);
    subset_free(&s);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapping_round_trip),
        cmocka_unit_test(test_variation_sequences),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_plan_sized_subsets),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
