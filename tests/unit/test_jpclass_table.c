/* test_jpclass_table.c — the generated static class table (jpclass_table.c,
 * from tools/gen_jpclass_table.c) says what the rule tables of
 * jpclass_rules.c say, for every code point of Unicode and just beyond. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "jpclass.h"
#include "jpclass_rules.h"

static void test_every_code_point_matches_the_rules(void **state)
{
    (void)state;
    unsigned mismatches = 0;
    for (uint32_t cp = 0; cp < 0x110100u; cp++)
        if (jp_class_of(cp) != jp_rules_class(cp) || jp_is_wide(cp) != jp_rules_wide(cp)) {
            if (mismatches++ < 10)
                print_error("U+%04X: table %d/%d, rules %d/%d\n", (unsigned)cp, jp_class_of(cp),
                            jp_is_wide(cp), jp_rules_class(cp), jp_rules_wide(cp));
        }
    assert_int_equal(mismatches, 0);
}

/* A few classes by name, so that a generator writing the same wrong cell
 * for both the table and a broken rule lookup would still be caught. */
static void test_known_classes(void **state)
{
    (void)state;
    assert_int_equal(jp_class_of(0x3001), JC_COMMA);
    assert_int_equal(jp_class_of(0x300C), JC_OPENING_BRACKET);
    assert_int_equal(jp_class_of(0x3063), JC_SMALL_KANA);
    assert_int_equal(jp_class_of(0x3042), JC_HIRAGANA);
    assert_int_equal(jp_class_of(0x6F22), JC_IDEOGRAPHIC);
    assert_int_equal(jp_class_of(0x20BB7), JC_IDEOGRAPHIC);
    assert_int_equal(jp_class_of('A'), JC_WESTERN);
    assert_true(jp_is_wide(0x20BB7));
    assert_false(jp_is_wide('A'));
    assert_int_equal(jp_class_of(0x110000), JC_WESTERN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_code_point_matches_the_rules),
        cmocka_unit_test(test_known_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
