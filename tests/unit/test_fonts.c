/* test_fonts.c — the font module on the BIZ UD fonts: advances, coverage,
 * fallbacks, ink boxes, metrics, the caches against FreeType read
 * directly, and the errors for files
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

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_BBOX_H
#include FT_OUTLINE_H

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

/* What the font file itself says about cp, read with FreeType here
 * (independently of fonts.c and its caches): glyph or not, advance in ems,
 * ink box in ems (has_ink false for an empty or missing glyph). */
typedef struct truth {
    bool has_glyph, has_ink;
    float advance_em;
    glyph_box ink;
} truth;

static truth read_truth(FT_Face face, uint32_t cp)
{
    truth t = {0};
    FT_UInt gid = FT_Get_Char_Index(face, cp);
    t.has_glyph = gid != 0;
    FT_Fixed adv = 0;
    assert_int_equal(FT_Get_Advance(face, gid, FT_LOAD_NO_SCALE, &adv), 0);
    float upem = (float)face->units_per_EM;
    t.advance_em = (float)adv / upem;
    FT_BBox bb;
    if (gid && FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0 &&
        face->glyph->format == FT_GLYPH_FORMAT_OUTLINE && face->glyph->outline.n_points > 0 &&
        FT_Outline_Get_BBox(&face->glyph->outline, &bb) == 0) {
        t.has_ink = true;
        t.ink = (glyph_box){bb.xMin / upem, bb.xMax / upem, bb.yMin / upem, bb.yMax / upem};
    }
    return t;
}

/* The i-th code point asked about: kana, kanji, ASCII, and astral ones
 * (BIZ UD has some, not others), so every cache of fonts.c is used. */
static uint32_t probe_cp(size_t i)
{
    static const uint32_t astral[] = {0x2000B, 0x20BB7, 0x1F600, 0x20089, 0x200A2, 0x10000, 0x2A6B2};
    size_t n_astral = sizeof astral / sizeof *astral;
    if (i < n_astral)
        return astral[i];
    i -= n_astral;
    return i < 95 ? 0x20 + (uint32_t)i : 0x3041 + (uint32_t)(i - 95);
}

enum { N_PROBES = 2000 };

/* The cached answers are the font's: every role is asked about the same
 * code points, first in one order and then, from the caches, in another,
 * and each answer is compared with FreeType reading the file itself.  A
 * cache keyed wrongly (shared between roles, off by one, unsorted astral
 * entries) gives some role another role's or another character's answer. */
static void test_caches_answer_as_the_font_file(void **state)
{
    fixture *fx = *state;
    FT_Library lib;
    assert_int_equal(FT_Init_FreeType(&lib), 0);
    for (int pass = 0; pass < 2; pass++) {
        for (int f = 0; f < 3; f++) {
            FT_Face face;
            assert_int_equal(FT_New_Face(lib, fonts_path(fx->fs, f), 0, &face), 0);
            for (size_t k = 0; k < N_PROBES; k++) {
                /* pass 0 walks up, pass 1 down: the second answers come from the caches */
                uint32_t cp = probe_cp(pass ? N_PROBES - 1 - k : k);
                truth t = read_truth(face, cp);
                glyph_box b;
                bool ink = fonts_ink_box(fx->fs, f, cp, &b);
                if (fonts_has_glyph(fx->fs, f, cp) != t.has_glyph ||
                    fonts_advance_em(fx->fs, f, cp) != t.advance_em || ink != t.has_ink ||
                    (ink && memcmp(&b, &t.ink, sizeof b) != 0))
                    fail_msg("pass %d, role %d, U+%04X: fonts.c answers glyph %d advance %.4f ink %d; "
                             "the file says %d %.4f %d", pass, f, (unsigned)cp,
                             fonts_has_glyph(fx->fs, f, cp), fonts_advance_em(fx->fs, f, cp), ink,
                             t.has_glyph, t.advance_em, t.has_ink);
            }
            FT_Done_Face(face);
        }
    }
    FT_Done_FreeType(lib);
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
        cmocka_unit_test(test_caches_answer_as_the_font_file),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_all_errors_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
