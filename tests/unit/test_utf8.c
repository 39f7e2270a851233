/* test_utf8.c — counting code points and finding U+3000 (utf8.h), and the
 * decoder on the sequences the PDF text strings and the differ meet. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "utf8.h"

static size_t count(const char *s)
{
    return utf8_count(s, strlen(s));
}

static void test_count_code_points(void **state)
{
    (void)state;
    assert_int_equal(count(""), 0);
    assert_int_equal(count("abc"), 3);
    assert_int_equal(count("令和５年度"), 5);
    assert_int_equal(count("𠮷野家"), 3);          /* a four-byte sequence is one */
    assert_int_equal(count("a\xE3\x80\x80" "b"), 3);
    assert_int_equal(utf8_count("令和", 3), 1);     /* a prefix counts what it starts */
    assert_int_equal(utf8_count("令和", 4), 2);
    assert_int_equal(count("\x80\x80x"), 1);       /* stray continuation bytes are not */
}

static void test_ideographic_space(void **state)
{
    (void)state;
    assert_true(utf8_is_ideographic_space("　", 3));
    assert_true(utf8_is_ideographic_space("　本文", strlen("　本文")));
    assert_false(utf8_is_ideographic_space("　", 2));   /* truncated */
    assert_false(utf8_is_ideographic_space("  ", 2));
    assert_false(utf8_is_ideographic_space("、", 3));   /* U+3001: E3 80 81 */
    assert_false(utf8_is_ideographic_space("", 0));
    assert_int_equal(strlen(UTF8_IDEOGRAPHIC_SPACE), UTF8_IDEOGRAPHIC_SPACE_LEN);
}

static void test_decode_walks_a_string(void **state)
{
    (void)state;
    const char *s = "a令𠮷";
    const uint32_t want[] = {'a', 0x4EE4, 0x20BB7};
    size_t i = 0, len = strlen(s);
    for (size_t k = 0; k < 3; k++) {
        uint32_t cp;
        assert_true(utf8_decode(s, len, &i, &cp));
        assert_int_equal(cp, want[k]);
    }
    assert_int_equal(i, len);
}

static void test_decode_replaces_bad_bytes_one_at_a_time(void **state)
{
    (void)state;
    /* lead byte, truncated sequence at the end, overlong, surrogate */
    const char *bad[] = {"\xFF", "\xE4\xBB", "\xC0\xAF", "\xED\xA0\x80"};
    for (size_t k = 0; k < 4; k++) {
        size_t i = 0;
        uint32_t cp = 0;
        assert_false(utf8_decode(bad[k], strlen(bad[k]), &i, &cp));
        assert_int_equal(cp, 0xFFFD);
        assert_int_equal(i, 1);
    }
}

static void test_last_start(void **state)
{
    (void)state;
    assert_int_equal(utf8_last_start("ab", 2), 1);
    assert_int_equal(utf8_last_start("a令", 4), 1);
    assert_int_equal(utf8_last_start("𠮷", 4), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_code_points),
        cmocka_unit_test(test_ideographic_space),
        cmocka_unit_test(test_decode_walks_a_string),
        cmocka_unit_test(test_decode_replaces_bad_bytes_one_at_a_time),
        cmocka_unit_test(test_last_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
