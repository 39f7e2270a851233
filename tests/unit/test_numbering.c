/* test_numbering.c — every numbering style, its fallbacks and boundaries. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "numbering.h"

static void expect_label(num_style s, int n, const char *format, const char *want)
{
    char *got = num_label(s, n, format, NULL);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_decimal_and_fullwidth(void **state)
{
    (void)state;
    expect_label(NUM_DECIMAL, 1, NULL, "1");
    expect_label(NUM_DECIMAL, 72, NULL, "72");
    expect_label(NUM_FULLWIDTH, 7, NULL, "７");
    expect_label(NUM_FULLWIDTH, 27, NULL, "２７");
    expect_label(NUM_FULLWIDTH, 1000, "{n}．", "１０００．");
}

static void test_roman(void **state)
{
    (void)state;
    expect_label(NUM_ROMAN_UPPER, 1, NULL, "Ⅰ");
    expect_label(NUM_ROMAN_UPPER, 12, NULL, "Ⅻ");
    expect_label(NUM_ROMAN_UPPER, 13, NULL, "XIII");
    expect_label(NUM_ROMAN_UPPER, 49, NULL, "XLIX");
    expect_label(NUM_ROMAN_UPPER, 72, NULL, "LXXII");
    expect_label(NUM_ROMAN_UPPER, 100, NULL, "C");
    expect_label(NUM_ROMAN_UPPER, 1000, NULL, "M");
    expect_label(NUM_ROMAN_UPPER, 3999, NULL, "MMMCMXCIX");
    expect_label(NUM_ROMAN_UPPER, 4000, NULL, "4000");
    expect_label(NUM_ROMAN_LOWER, 1, NULL, "ⅰ");
    expect_label(NUM_ROMAN_LOWER, 12, NULL, "ⅻ");
    expect_label(NUM_ROMAN_LOWER, 13, NULL, "xiii");
    expect_label(NUM_ROMAN_LOWER, 3999, NULL, "mmmcmxcix");
    expect_label(NUM_ROMAN_UPPER, 2, "{n}．", "Ⅱ．");
}

static void test_paren(void **state)
{
    (void)state;
    expect_label(NUM_PAREN, 1, NULL, "⑴");
    expect_label(NUM_PAREN, 20, NULL, "⒇");
    expect_label(NUM_PAREN, 21, NULL, "(21)");
    expect_label(NUM_PAREN, 72, NULL, "(72)");
}

static void test_circled(void **state)
{
    (void)state;
    expect_label(NUM_CIRCLED, 1, NULL, "①");
    expect_label(NUM_CIRCLED, 20, NULL, "⑳");
    expect_label(NUM_CIRCLED, 21, NULL, "㉑");
    expect_label(NUM_CIRCLED, 35, NULL, "㉟");
    expect_label(NUM_CIRCLED, 36, NULL, "㊱");
    expect_label(NUM_CIRCLED, 50, NULL, "㊿");
    expect_label(NUM_CIRCLED, 51, NULL, "(51)");
    expect_label(NUM_CIRCLED, 100, NULL, "(100)");
}

static void test_kanji(void **state)
{
    (void)state;
    expect_label(NUM_KANJI, 1, NULL, "一");
    expect_label(NUM_KANJI, 3, NULL, "三");
    expect_label(NUM_KANJI, 10, NULL, "十");
    expect_label(NUM_KANJI, 11, NULL, "十一");
    expect_label(NUM_KANJI, 20, NULL, "二十");
    expect_label(NUM_KANJI, 21, NULL, "二十一");
    expect_label(NUM_KANJI, 72, NULL, "七十二");
    expect_label(NUM_KANJI, 100, NULL, "百");
    expect_label(NUM_KANJI, 101, NULL, "百一");
    expect_label(NUM_KANJI, 1000, NULL, "千");
    expect_label(NUM_KANJI, 2023, NULL, "二千二十三");
    expect_label(NUM_KANJI, 3999, NULL, "三千九百九十九");
    expect_label(NUM_KANJI, 9999, NULL, "九千九百九十九");
    expect_label(NUM_KANJI, 10000, NULL, "10000");
}

/* 公用文: 第1 / 1 / (1) / ア / (ア), and 第一章 */
static void test_kohyobun_formats(void **state)
{
    (void)state;
    expect_label(NUM_DECIMAL, 1, "第{n}", "第1");
    expect_label(NUM_DECIMAL, 3, "({n})", "(3)");
    expect_label(NUM_KATAKANA, 1, "({n})", "(ア)");
    expect_label(NUM_KATAKANA, 2, "（{n}）", "（イ）");
    expect_label(NUM_KANJI, 1, "第{n}章", "第一章");
    expect_label(NUM_KANJI, 11, "第{n}", "第十一");
    expect_label(NUM_KANJI, 20, "第{n}条", "第二十条");
}

static void test_katakana(void **state)
{
    (void)state;
    static const char *const first[] = {"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ"};
    for (int i = 0; i < 11; i++)
        expect_label(NUM_KATAKANA, i + 1, NULL, first[i]);
    expect_label(NUM_KATAKANA, 26, NULL, "ハ");
    expect_label(NUM_KATAKANA, 36, NULL, "ヤ");
    expect_label(NUM_KATAKANA, 37, NULL, "ユ");   /* ヤ行 has three: no ヰ ヱ */
    expect_label(NUM_KATAKANA, 44, NULL, "ワ");
    expect_label(NUM_KATAKANA, 45, NULL, "45");
}

static void test_iroha(void **state)
{
    (void)state;
    static const char *const first[] = {"イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ"};
    for (int i = 0; i < 12; i++)
        expect_label(NUM_IROHA, i + 1, NULL, first[i]);
    expect_label(NUM_IROHA, 25, NULL, "ヰ");
    expect_label(NUM_IROHA, 47, NULL, "ス");
    expect_label(NUM_IROHA, 48, NULL, "48");
    expect_label(NUM_IROHA, 3, "({n})", "(ハ)");
}

static void test_alpha(void **state)
{
    (void)state;
    expect_label(NUM_ALPHA_UPPER, 1, NULL, "A");
    expect_label(NUM_ALPHA_UPPER, 26, NULL, "Z");
    expect_label(NUM_ALPHA_UPPER, 27, NULL, "AA");
    expect_label(NUM_ALPHA_UPPER, 28, NULL, "AB");
    expect_label(NUM_ALPHA_UPPER, 52, NULL, "AZ");
    expect_label(NUM_ALPHA_UPPER, 53, NULL, "BA");
    expect_label(NUM_ALPHA_UPPER, 702, NULL, "ZZ");
    expect_label(NUM_ALPHA_UPPER, 703, NULL, "AAA");
}

static void test_marker_none_and_format(void **state)
{
    (void)state;
    char *s = num_label(NUM_MARKER, 5, NULL, "・");
    assert_string_equal(s, "・");
    free(s);
    s = num_label(NUM_MARKER, 5, "{n} ", NULL);
    assert_string_equal(s, " ");
    free(s);
    expect_label(NUM_NONE, 3, NULL, "");
    expect_label(NUM_NONE, 3, "{n}．", "．");
    expect_label(NUM_DECIMAL, 1, "{n}）", "1）");
    expect_label(NUM_DECIMAL, 4, "第{n}章 {n}", "第4章 4");
    expect_label(NUM_DECIMAL, 4, "no number", "no number");
}

static void test_defensive(void **state)
{
    (void)state;
    expect_label(NUM_CIRCLED, 0, NULL, "0");
    expect_label(NUM_KANJI, -3, NULL, "-3");
    expect_label(NUM_ROMAN_UPPER, -2147483647 - 1, NULL, "-2147483648");
    expect_label(NUM_FULLWIDTH, 2147483647, NULL, "２１４７４８３６４７");
    expect_label(NUM_ALPHA_UPPER, 2147483647, NULL, "FXSHRXW");
    char long_marker[200];
    memset(long_marker, 'x', sizeof long_marker - 1);
    long_marker[sizeof long_marker - 1] = '\0';
    char *s = num_label(NUM_MARKER, 1, "<{n}>", long_marker);
    assert_int_equal(strlen(s), 201);
    free(s);
}

static void test_names(void **state)
{
    (void)state;
    static const char *const names[] = { "none", "marker", "decimal", "fullwidth", "roman",
                                         "roman-lower", "paren", "circled", "kanji", "alpha",
                                         "katakana", "iroha" };
    for (int s = 0; s < NUM__COUNT; s++) {
        assert_string_equal(num_style_name((num_style)s), names[s]);
        assert_int_equal(num_style_from_name(names[s]), s);
    }
    assert_int_equal(num_style_from_name("Roman"), -1);
    assert_int_equal(num_style_from_name(NULL), -1);
}

/* What a screen reader is told of each style (ISO 32000-1 Table 347). */
static void test_list_numbering(void **state)
{
    (void)state;
    assert_string_equal(num_style_list_numbering(NUM_CIRCLED), "Decimal");
    assert_string_equal(num_style_list_numbering(NUM_DECIMAL), "Decimal");
    assert_string_equal(num_style_list_numbering(NUM_KANJI), "Decimal");
    assert_string_equal(num_style_list_numbering(NUM_ROMAN_UPPER), "UpperRoman");
    assert_string_equal(num_style_list_numbering(NUM_ROMAN_LOWER), "LowerRoman");
    assert_string_equal(num_style_list_numbering(NUM_ALPHA_UPPER), "UpperAlpha");
    assert_string_equal(num_style_list_numbering(NUM_MARKER), "Disc");
    assert_string_equal(num_style_list_numbering(NUM_NONE), "None");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimal_and_fullwidth),
        cmocka_unit_test(test_roman),
        cmocka_unit_test(test_paren),
        cmocka_unit_test(test_circled),
        cmocka_unit_test(test_kanji),
        cmocka_unit_test(test_alpha),
        cmocka_unit_test(test_kohyobun_formats),
        cmocka_unit_test(test_katakana),
        cmocka_unit_test(test_iroha),
        cmocka_unit_test(test_marker_none_and_format),
        cmocka_unit_test(test_defensive),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_list_numbering),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
