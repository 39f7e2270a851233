/* test_jpclass.c — the JLREQ Appendix A classes of jp_class_of() and the
 * width and punctuation predicates, checked character by character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lb_test_util.h"

/* Asserts that every character of utf8 has class want. */
static void expect_class(const char *utf8, jp_class want)
{
    for (const char *s = utf8; *s;) {
        uint32_t cp;
        s += tu_decode(s, &cp);
        if (jp_class_of(cp) != want)
            fail_msg("U+%04X: class %d, expected %d", cp, jp_class_of(cp), want);
    }
}

static void test_brackets(void **state)
{
    expect_class("（「『【〔［｛〈《〘〖‘“", JC_OPENING_BRACKET);
    expect_class("）」』】〕］｝〉》〙〗’”", JC_CLOSING_BRACKET);
}

static void test_punctuation(void **state)
{
    expect_class("‐〜゠–", JC_HYPHEN);
    expect_class("！？‼⁇⁈⁉", JC_DIVIDING_PUNCT);
    expect_class("・：；", JC_MIDDLE_DOT);
    expect_class("。．", JC_FULL_STOP);
    expect_class("、，", JC_COMMA);
    expect_class("—…‥〳〴〵", JC_INSEPARABLE);
}

static void test_kana_classes(void **state)
{
    expect_class("ヽヾゝゞ々〻", JC_ITERATION_MARK);
    expect_class("ー", JC_PROLONGED_SOUND);
    expect_class("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇿ", JC_SMALL_KANA);
    expect_class("あいうえおかがんゐゑ", JC_HIRAGANA);
    expect_class("アイウカガンヴヷ", JC_KATAKANA);
}

static void test_symbols(void **state)
{
    expect_class("¥＄￡＃€№", JC_PREFIXED_ABBREV);
    expect_class("°′″℃￠％‰%", JC_POSTFIXED_ABBREV);
    expect_class("　", JC_IDEOGRAPHIC_SPACE);
    expect_class("＝≠＜＞", JC_MATH_SYMBOL);
    expect_class("＋－×÷", JC_MATH_OPERATOR);
    expect_class("漢字苫小牧商工会議所①⑴Ⅰ※〒〇〆𠮷", JC_IDEOGRAPHIC);
}

static void test_western(void **state)
{
    expect_class("AZaz.,-/'()", JC_WESTERN);
    expect_class("0123456789", JC_DIGIT);
    expect_class("０１２３４５６７８９", JC_FULLWIDTH_DIGIT);
    expect_class("ＡＺａｚ", JC_FULLWIDTH_LATIN);
    expect_class(" ", JC_WESTERN_SPACE);
}

static void test_predicates(void **state)
{
    assert_true(jp_is_opening(0x300C));          /* 「 */
    assert_false(jp_is_opening('('));
    assert_true(jp_is_closing(0x300D));          /* 」 */
    assert_true(jp_is_closing(0x3001));          /* 、 */
    assert_true(jp_is_closing(0x3002));          /* 。 */
    assert_false(jp_is_closing(0xFF01));         /* ！ has no empty half */
    assert_true(jp_is_middle_dot(0x30FB));
    assert_true(jp_is_wide(0x3042));
    assert_true(jp_is_wide(0x2460));             /* ① */
    assert_true(jp_is_wide(0x20BB7));            /* 𠮷 */
    assert_false(jp_is_wide('A'));
    assert_false(jp_is_wide(0x00A5));            /* ¥ half-width */
    assert_true(jp_is_western_run('A'));
    assert_true(jp_is_western_run(0xFF10));      /* ０ */
    assert_true(jp_is_western_run(0xFF21));      /* Ａ */
    assert_false(jp_is_western_run(0x3042));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brackets),   cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_kana_classes), cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_western),    cmocka_unit_test(test_predicates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
