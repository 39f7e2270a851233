/* test_fonts.c — the font module on the BIZ UD fonts: advances, coverage,
 * fallbacks, ink boxes, metrics, lookup speed, and the errors for files
 * that cannot be used (missing, not a font, collection, OpenType/CFF). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "test_util.h"

#include "fonts.h"
#include "layout.h"

typedef struct fixture {
    layout lay;
    layout_font roles[3];
    font_set *fs;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->fs = bizud_open(&fx->lay, fx->roles, NULL);
    assert_non_null(fx->fs);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    fonts_free(fx->fs);
    bizud_roles_free(fx->roles);
    free(fx);
    return 0;
}

static void test_names(void **state)
{
    fixture *fx = *state;
    assert_int_equal(fonts_count(fx->fs), 3);
    assert_string_equal(fonts_role(fx->fs, MINCHO), "mincho");
    assert_string_equal(fonts_postscript_name(fx->fs, MINCHO), "BIZUDMincho-Regular");
    assert_string_equal(fonts_postscript_name(fx->fs, GOTHIC_BOLD), "BIZUDGothic-Bold");
    assert_non_null(strstr(fonts_path(fx->fs, GOTHIC), "BIZUDGothic-Regular.ttf"));
    assert_null(fonts_role(fx->fs, 7));
}

static void test_advances(void **state)
{
    fixture *fx = *state;
    for (int f = 0; f < 3; f++) {
        assert_float_equal(fonts_advance_em(fx->fs, f, 0x3042), 1.0f, 1e-6);   /* あ */
        assert_float_equal(fonts_advance_em(fx->fs, f, 0x3001), 1.0f, 1e-6);   /* 、 */
        /* BIZ UD (not UDP) sets ASCII at a fixed half width */
        assert_float_equal(fonts_advance_em(fx->fs, f, 'A'), 0.5f, 1e-6);
        assert_float_equal(fonts_advance_em(fx->fs, f, 'i'), 0.5f, 1e-6);
        assert_float_equal(fonts_advance_em(fx->fs, f, 0xFF21), 1.0f, 1e-6);   /* Ａ */
    }
    /* the cached answer is the same as the first */
    assert_float_equal(fonts_advance_em(fx->fs, MINCHO, 'A'), fonts_advance_em(fx->fs, MINCHO, 'A'), 0);
    assert_int_equal(fonts_units_per_em(fx->fs, MINCHO), 2048);
}

static void test_coverage_and_fallback(void **state)
{
    fixture *fx = *state;
    assert_true(fonts_has_glyph(fx->fs, MINCHO, 0x2474));     /* ⑴ */
    assert_true(fonts_has_glyph(fx->fs, MINCHO, 0x9AD9));     /* 髙 */
    assert_true(fonts_has_glyph(fx->fs, MINCHO, 0x2000B));    /* 𠀋, outside the BMP */
    assert_false(fonts_has_glyph(fx->fs, MINCHO, 0x20BB7));   /* 𠮷 is not in BIZ UD */
    assert_false(fonts_has_glyph(fx->fs, MINCHO, 0x10FFFF));
    assert_false(fonts_has_glyph(fx->fs, MINCHO, 0x110000));
    assert_int_equal(fonts_resolve(fx->fs, MINCHO, 0x3042), MINCHO);
    assert_int_equal(fonts_resolve(fx->fs, MINCHO, 0x20BB7), -1);
    assert_int_equal(fonts_resolve(fx->fs, 9, 0x3042), -1);
    /* astral cache stays sorted whatever the order of questions */
    uint32_t astral[] = {0x2000B, 0x1F600, 0x20089, 0x10000, 0x2000B, 0x20BB7, 0x200A2};
    for (size_t i = 0; i < sizeof astral / sizeof *astral; i++)
        fonts_has_glyph(fx->fs, GOTHIC, astral[i]);
    assert_true(fonts_has_glyph(fx->fs, GOTHIC, 0x20089));
    assert_true(fonts_has_glyph(fx->fs, GOTHIC, 0x200A2));
    assert_false(fonts_has_glyph(fx->fs, GOTHIC, 0x20BB7));
}

static void test_ink_and_metrics(void **state)
{
    fixture *fx = *state;
    glyph_box b;
    assert_true(fonts_ink_box(fx->fs, MINCHO, 0x3002, &b));   /* 。 sits low and left */
    assert_true(b.x_max < 0.6f && b.y_max < 0.4f && b.x_min >= 0);
    assert_true(fonts_ink_box(fx->fs, GOTHIC, 'H', &b));
    assert_float_equal(b.y_max, fonts_cap_height_em(fx->fs, GOTHIC), 0.03);
    assert_false(fonts_ink_box(fx->fs, MINCHO, ' ', &b));     /* empty */
    assert_false(fonts_ink_box(fx->fs, MINCHO, 0x20BB7, &b)); /* missing */
    float asc = fonts_ascent_em(fx->fs, MINCHO), desc = fonts_descent_em(fx->fs, MINCHO);
    assert_true(asc > 0.7f && asc < 1.2f);
    assert_true(desc < 0 && desc > -0.4f);
    assert_true(fonts_cap_height_em(fx->fs, MINCHO) > 0.5f);
}

/* The caches answer as the font does: asking again, in another order,
 * gives the same advances and coverage (speed is measured by make bench). */
static void test_cached_lookups_agree(void **state)
{
    fixture *fx = *state;
    static float first[3][3000];
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < 3 * 3000; k++) {
            int i = pass ? 3 * 3000 - 1 - k : k;
            int f = i % 3;
            uint32_t cp = 0x3041 + (uint32_t)(i / 3);   /* kana and the first kanji */
            float adv = fonts_advance_em(fx->fs, f, cp) + (fonts_has_glyph(fx->fs, f, cp) ? 10.0f : 0.0f);
            if (pass == 0)
                first[f][i / 3] = adv;
            else
                assert_float_equal(adv, first[f][i / 3], 0);
        }
}

/* fonts_open on a one-role layout with path; returns the diagnostics. */
static font_set *open_one(const char *path, diag_list *dl)
{
    layout_font lf = {.name = "body", .path = (char *)path, .loc = {"layout.yaml", 12, 9}};
    layout lay = {.fonts = &lf, .n_fonts = 1};
    diag_init(dl);
    return fonts_open(&lay, dl);
}

static void expect_error(const char *path, const char *needle)
{
    diag_list dl;
    font_set *fs = open_one(path, &dl);
    assert_null(fs);
    assert_int_equal(dl.count, 1);
    assert_int_equal(dl.items[0].kind, D_FONT);
    assert_int_equal(dl.items[0].line, 12);
    assert_int_equal(dl.items[0].col, 9);
    assert_string_equal(dl.items[0].file, "layout.yaml");
    if (!strstr(dl.items[0].message, needle))
        fail_msg("\"%s\" does not contain \"%s\"", dl.items[0].message, needle);
    assert_non_null(strstr(dl.items[0].message, path));
    diag_free(&dl);
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void test_errors(void **state)
{
    (void)state;
    char dir[] = "/tmp/kumihan-test-fonts-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];

    snprintf(path, sizeof path, "%s/missing.ttf", dir);
    expect_error(path, "No such file or directory");

    snprintf(path, sizeof path, "%s/notes.ttf", dir);
    write_file(path, "this is not a font\n", 19);
    expect_error(path, "is not a font");

    /* a collection header: 'ttcf', version 1.0, two faces */
    static const unsigned char ttc[16] = {'t', 't', 'c', 'f', 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0};
    snprintf(path, sizeof path, "%s/fake.ttc", dir);
    write_file(path, ttc, sizeof ttc);
    expect_error(path, "font collection (.ttc)");

    static const unsigned char otto[16] = {'O', 'T', 'T', 'O', 0, 9, 0, 0x80, 0, 3, 0, 1, 0, 0x10, 0, 0};
    snprintf(path, sizeof path, "%s/fake.otf", dir);
    write_file(path, otto, sizeof otto);
    expect_error(path, "is OpenType/CFF; kumihan can only embed TrueType (glyf) fonts");

    const char *real_cff = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";
    if (access(real_cff, R_OK) == 0)
        expect_error(real_cff, "is OpenType/CFF; kumihan can only embed TrueType (glyf) fonts");

    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Every bad role is reported, not only the first. */
static void test_all_errors_reported(void **state)
{
    (void)state;
    layout_font lf[2] = {{.name = "a", .path = "/nonexistent/a.ttf", .loc = {"l.yaml", 1, 1}},
                         {.name = "b", .path = "/nonexistent/b.ttf", .loc = {"l.yaml", 2, 1}}};
    layout lay = {.fonts = lf, .n_fonts = 2};
    diag_list dl;
    diag_init(&dl);
    assert_null(fonts_open(&lay, &dl));
    assert_int_equal(dl.count, 2);
    assert_int_equal(dl.items[1].line, 2);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_advances),
        cmocka_unit_test(test_coverage_and_fallback),
        cmocka_unit_test(test_ink_and_metrics),
        cmocka_unit_test(test_cached_lookups_agree),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_all_errors_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
