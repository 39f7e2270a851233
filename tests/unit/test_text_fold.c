/* test_text_fold.c — joining scalar lines the Japanese way, and the UTF-8
 * helpers it stands on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text_fold.h"
#include "jpclass.h"
#include "utf8.h"

static void expect_fold(const char *raw, const char *want)
{
    size_t len = 0;
    char *got = text_fold_raw(raw, strlen(raw), &len);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    free(got);
}

static void test_japanese_joins_without_space(void **state)
{
    (void)state;
    expect_fold("「社会基盤の整備に取\nんでまいります。」", "「社会基盤の整備に取んでまいります。」");
    expect_fold("苫小牧\nCCUS", "苫小牧CCUS");
    expect_fold("CCUS\n事業", "CCUS事業");
    expect_fold("会議所、\n  商工", "会議所、商工");
    expect_fold("①\nA", "①A");
    expect_fold("ｶﾀｶﾅ\nｶﾅ", "ｶﾀｶﾅｶﾅ");
}

static void test_western_joins_with_space(void **state)
{
    (void)state;
    expect_fold("CO2\nemissions", "CO2 emissions");
    expect_fold("  one  \n\ttwo\t\n three", "one two three");
    expect_fold("a\r\nb", "a b");
    expect_fold("a\rb", "a b");
}

static void test_blank_lines(void **state)
{
    (void)state;
    expect_fold("段落一\n\n段落二", "段落一\n段落二");
    expect_fold("one\n\n\n  \ntwo", "one\ntwo");
    expect_fold("\n\nlead\ntrail\n\n", "lead trail");
    expect_fold("", "");
    expect_fold("\n \n", "");
}

static void test_ideographic_space_is_kept(void **state)
{
    (void)state;
    expect_fold("前文\n　次の行", "前文　次の行");
    expect_fold("　字下げ", "　字下げ");
}

static void test_fold_lines(void **state)
{
    (void)state;
    const char *lines[] = { "取り", "組む", "", "New", "line" };
    size_t lens[] = { 6, 6, 0, 3, 4 };
    size_t len;
    char *got = text_fold_lines(lines, lens, 5, &len);
    assert_string_equal(got, "取り組む\nNew line");
    free(got);
    got = text_fold_lines(NULL, NULL, 0, &len);
    assert_string_equal(got, "");
    assert_int_equal(len, 0);
    free(got);
}

static void test_utf8_decode_encode(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE3\x81\x82\xF0\xA0\xAE\xB7";   /* a é あ 𠮷 */
    size_t i = 0, len = strlen(s);
    uint32_t cp;
    const uint32_t want[] = { 'a', 0xE9, 0x3042, 0x20BB7 };
    for (int k = 0; k < 4; k++) {
        assert_true(utf8_decode(s, len, &i, &cp));
        assert_int_equal(cp, want[k]);
        char buf[4];
        size_t n = utf8_encode(cp, buf);
        assert_true(n >= 1 && n <= 4);
    }
    assert_int_equal(i, len);
    char buf[4];
    assert_int_equal(utf8_encode(0xD800, buf), 0);
    assert_int_equal(utf8_encode(0x110000, buf), 0);
    assert_int_equal(utf8_encode(0x3042, buf), 3);
    assert_memory_equal(buf, "\xE3\x81\x82", 3);
}

static void test_utf8_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
        "\xF5\x80\x80\x80", "\xE3\x81", "\xFF", "\x82\xA0",
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        size_t i = 0;
        uint32_t cp;
        assert_false(utf8_decode(bad[k], strlen(bad[k]), &i, &cp));
        assert_int_equal(i, 1);
        assert_int_equal(cp, 0xFFFD);
    }
    size_t off = 99;
    assert_true(utf8_validate("ok あ", 6, &off));
    assert_false(utf8_validate("ab\xE3\x81", 4, &off));
    assert_int_equal(off, 2);
}

static void test_wide_for_folding(void **state)
{
    (void)state;
    assert_true(jp_is_wide(0x3042));   /* あ */
    assert_true(jp_is_wide(0x6F22));   /* 漢 */
    assert_true(jp_is_wide(0x3000));   /* ideographic space */
    assert_true(jp_is_wide(0xFF10));   /* ０ */
    assert_true(jp_is_wide(0x2460));   /* ① */
    assert_true(jp_is_wide(0x2474));   /* ⑴ */
    assert_true(jp_is_wide(0x2160));   /* Ⅰ */
    assert_true(jp_is_wide(0x20BB7));  /* 𠮷 */
    assert_false(jp_is_wide('A'));
    assert_false(jp_is_wide(0xE9));
    assert_true(jp_is_wide(0x201C));   /* “ is set full-width by Japanese fonts (JLREQ cl-01) */
    assert_false(jp_is_wide(0xFF71));  /* half-width ｱ */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_japanese_joins_without_space),
        cmocka_unit_test(test_western_joins_with_space),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_ideographic_space_is_kept),
        cmocka_unit_test(test_fold_lines),
        cmocka_unit_test(test_utf8_decode_encode),
        cmocka_unit_test(test_utf8_invalid),
        cmocka_unit_test(test_wide_for_folding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
