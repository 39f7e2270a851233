/* test_text_run.c — text → measured characters: advances from the font,
 * fallback fonts, missing glyphs as errors, and the ink test that decides
 * whether punctuation may lose its empty half em. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "fonts.h"
#include "jpclass.h"
#include "subset.h"
#include "text_run.h"

typedef struct fixture {
    diag_list dl;
    layout *lay;
    font_set *fs;
} fixture;

static int setup(void **state)
{
    static fixture fx;
    diag_init(&fx.dl);
    fx.lay = layout_load("layouts/booklet-a4.yaml", &fx.dl);
    fx.fs = fx.lay ? fonts_open(fx.lay, &fx.dl) : NULL;
    *state = &fx;
    return fx.fs ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    fonts_free(fx->fs);
    layout_free(fx->lay);
    diag_free(&fx->dl);
    return 0;
}

static void test_advances_from_font(void **state)
{
    fixture *fx = *state;
    char_buf b = {0};
    run_style st = {.font = layout_font_index(fx->lay, "mincho"), .size = 10.5f};
    assert_true(run_append(&b, "あA①", &st, fx->fs, fx->lay, (src_loc){0}, &fx->dl));
    assert_int_equal(b.n, 3);
    assert_float_equal(b.chars[0].advance, 10.5f, 0.001);
    assert_float_equal(b.chars[1].advance, 5.25f, 0.001);   /* BIZ UD: half-width ASCII */
    assert_float_equal(run_width(b.chars, b.n), 26.25f, 0.001);
    char_buf_free(&b);
}

static void test_missing_glyph_is_an_error(void **state)
{
    fixture *fx = *state;
    char_buf b = {0};
    diag_list dl;
    diag_init(&dl);
    run_style st = {.font = 0, .size = 10};
    assert_false(run_append(&b, "吉𠮷野", &st, fx->fs, fx->lay, (src_loc){"c.yaml", 3, 7}, &dl));
    assert_int_equal(b.n, 2);   /* the others are kept, so later errors are found too */
    assert_int_equal(dl.errors, 1);
    assert_int_equal(dl.items[0].kind, D_NO_GLYPH);
    assert_non_null(strstr(dl.items[0].message, "U+20BB7"));
    assert_non_null(strstr(dl.items[0].message, "mincho"));
    char_buf_free(&b);
    diag_free(&dl);
}

/* BIZ UD draws every JLREQ bracket, stop and dot in the conventional half:
 * none of them may be refused compression, and the ink agrees. */
static void test_punctuation_follows_half_em(void **state)
{
    fixture *fx = *state;
    const char *punct = "「」（）『』【】〔〕［］｛｝〈〉《》、。，．・：；";
    for (size_t f = 0; f < fonts_count(fx->fs); f++) {
        char_buf b = {0};
        run_style st = {.font = (int)f, .size = 10};
        assert_true(run_append(&b, punct, &st, fx->fs, fx->lay, (src_loc){0}, &fx->dl));
        for (size_t i = 0; i < b.n; i++) {
            glyph_box ink;
            assert_true(fonts_ink_box(fx->fs, (int)f, b.chars[i].cp, &ink));
            if (jp_is_opening(b.chars[i].cp))
                assert_true(ink.x_min > 0.4f);
            else if (jp_is_closing(b.chars[i].cp))
                assert_true(ink.x_max < 0.6f);
            assert_false(b.chars[i].flags & LB_NO_COMPRESS);
        }
        char_buf_free(&b);
    }
}

/* A role whose font lacks a character takes it from its fallback.  The
 * partial font is made here: BIZ UD Gothic cut down to あいう. */
static void test_fallback_font(void **state)
{
    (void)state;
    const uint32_t kana[] = {0x3042, 0x3044, 0x3046};
    font_subset sub;
    const char *err = NULL;
    assert_true(subset_font("fonts/BIZUDGothic-Regular.ttf", kana, 3, &sub, &err));
    char path[] = "/tmp/kumihan-partial-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, sub.data, sub.size), (ssize_t)sub.size);
    close(fd);
    subset_free(&sub);

    layout_font roles[2] = {
        {.name = "partial", .path = path, .fallbacks = {1}, .n_fallbacks = 1},
        {.name = "mincho", .path = "fonts/BIZUDMincho-Regular.ttf"},
    };
    layout lay = {.fonts = roles, .n_fonts = 2};
    diag_list dl;
    diag_init(&dl);
    font_set *fs = fonts_open(&lay, &dl);
    assert_non_null(fs);
    char_buf b = {0};
    run_style st = {.font = 0, .size = 10};
    assert_true(run_append(&b, "あ漢い", &st, fs, &lay, (src_loc){0}, &dl));
    assert_int_equal(b.n, 3);
    assert_int_equal(b.chars[0].font, 0);   /* あ: the role's own font */
    assert_int_equal(b.chars[1].font, 1);   /* 漢: from the fallback */
    assert_int_equal(b.chars[2].font, 0);
    fonts_free(fs);
    /* without the fallback, 漢 is an error naming the role tried */
    roles[0].n_fallbacks = 0;
    fs = fonts_open(&lay, &dl);
    assert_non_null(fs);
    b.n = 0;
    assert_false(run_append(&b, "漢", &st, fs, &lay, (src_loc){"c.yaml", 1, 1}, &dl));
    assert_non_null(strstr(dl.items[dl.count - 1].message, "tried partial"));
    char_buf_free(&b);
    fonts_free(fs);
    diag_free(&dl);
    unlink(path);
}

/* **…** switches to the emphasis font; sources stay byte offsets in the
 * text as written (markup included); an unclosed ** is printed, with a
 * warning. */
static void test_emphasis_markup(void **state)
{
    fixture *fx = *state;
    char_buf b = {0};
    diag_list dl;
    diag_init(&dl);
    int mincho = layout_font_index(fx->lay, "mincho"), bold = layout_font_index(fx->lay, "gothic-bold");
    run_style st = {.font = mincho, .size = 10.5f, .markup = true, .emphasis_font = bold};
    assert_true(run_append(&b, "あ**い**う", &st, fx->fs, fx->lay, (src_loc){0}, &dl));
    assert_int_equal(b.n, 3);
    assert_int_equal(b.chars[0].font, mincho);
    assert_int_equal(b.chars[1].font, bold);
    assert_int_equal(b.chars[1].source, 5);   /* after "あ**" */
    assert_int_equal(b.chars[2].font, mincho);
    assert_int_equal(dl.warnings, 0);
    b.n = 0;
    assert_true(run_append(&b, "あ**い", &st, fx->fs, fx->lay, (src_loc){0}, &dl));
    assert_int_equal(b.n, 4);                 /* あ * * い: printed as typed */
    assert_int_equal(b.chars[1].cp, '*');
    assert_int_equal(dl.warnings, 1);
    char_buf_free(&b);
    diag_free(&dl);
}

/* Format characters: no glyph, only their effect on breaking; a variation
 * sequence the font has rides on its base, one it lacks warns. */
static void test_format_chars_and_variants(void **state)
{
    fixture *fx = *state;
    char_buf b = {0};
    diag_list dl;
    diag_init(&dl);
    run_style st = {.font = layout_font_index(fx->lay, "mincho"), .size = 10.5f, .markup = true,
                    .emphasis_font = layout_font_index(fx->lay, "mincho")};
    const char utf8[] = "A\xe2\x80\x8b" "B\xe2\x81\xa0" "C\xc2\xad" "D\xc2\xa0" "E\xef\xbb\xbf"
                        "F\xe8\x91\x9b\xf3\xa0\x84\x80" "G\xe3\x81\x82\xf3\xa0\x84\x80";
    assert_true(run_append(&b, utf8, &st, fx->fs, fx->lay, (src_loc){0}, &dl));
    /* A B C - D nbsp E F 葛+VS G あ */
    assert_int_equal(b.n, 11);
    assert_true(b.chars[1].flags & LB_BREAK_BEFORE);      /* B after a ZWSP */
    assert_true(b.chars[2].flags & LB_NO_BREAK_BEFORE);   /* C after a WORD JOINER */
    assert_true(b.chars[3].flags & LB_SOFT_HYPHEN);
    assert_int_equal(b.chars[3].cp, '-');
    assert_true(b.chars[5].flags & LB_NO_BREAK_BEFORE);   /* the NO-BREAK SPACE … */
    assert_true(b.chars[6].flags & LB_NO_BREAK_BEFORE);   /* … and what follows it */
    assert_int_equal(b.chars[7].cp, 'F');                 /* the BOM is gone */
    assert_int_equal(b.chars[8].cp, 0x845B);
    assert_int_equal(b.chars[8].vs, 0xE0100);             /* BIZ UD Mincho has 葛 + VS17 */
    assert_int_equal(b.chars[10].cp, 0x3042);
    assert_int_equal(b.chars[10].vs, 0);                  /* あ + VS17 is no sequence: base, warned */
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.errors, 0);
    char_buf_free(&b);
    diag_free(&dl);
}

/* URLs and addresses are flagged for the breaker and carry their link. */
static void test_url_flags(void **state)
{
    fixture *fx = *state;
    char_buf b = {0};
    run_style st = {.font = layout_font_index(fx->lay, "mincho"), .size = 10.5f, .markup = true,
                    .emphasis_font = layout_font_index(fx->lay, "mincho")};
    assert_true(run_append(&b, "見てhttps://a.jp/xを", &st, fx->fs, fx->lay, (src_loc){0}, &fx->dl));
    assert_int_equal(b.n, 2 + 14 + 1);
    assert_false(b.chars[1].flags & LB_URL);
    for (size_t i = 2; i < 16; i++) {
        assert_true(b.chars[i].flags & LB_URL);
        assert_int_equal(b.chars[i].link, 1 + 6);   /* "見て" is 6 bytes */
    }
    assert_false(b.chars[16].flags & LB_URL);
    char_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_advances_from_font),
        cmocka_unit_test(test_emphasis_markup),
        cmocka_unit_test(test_format_chars_and_variants),
        cmocka_unit_test(test_url_flags),
        cmocka_unit_test(test_missing_glyph_is_an_error),
        cmocka_unit_test(test_punctuation_follows_half_em),
        cmocka_unit_test(test_fallback_font),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
