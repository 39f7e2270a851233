/* test_wareki.c — dates as a letter prints them: the era table's
 * boundaries (the first day of each era, 元年), Western and ISO forms. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "wareki.h"

static void expect(const char *iso, date_calendar cal, const char *want)
{
    char *got = wareki_format(iso, cal);
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_eras_and_boundaries(void **state)
{
    (void)state;
    expect("2023-05-10", CAL_WAREKI, "令和5年5月10日");
    expect("2019-05-01", CAL_WAREKI, "令和元年5月1日");
    expect("2019-04-30", CAL_WAREKI, "平成31年4月30日");
    expect("1989-01-08", CAL_WAREKI, "平成元年1月8日");
    expect("1989-01-07", CAL_WAREKI, "昭和64年1月7日");
    expect("1926-12-25", CAL_WAREKI, "昭和元年12月25日");
    expect("1926-12-24", CAL_WAREKI, "大正15年12月24日");
    expect("1912-07-30", CAL_WAREKI, "大正元年7月30日");
    expect("1912-07-29", CAL_WAREKI, "明治45年7月29日");
    expect("1868-01-24", CAL_WAREKI, NULL);
}

static void test_western_iso_and_bad(void **state)
{
    (void)state;
    expect("2023-05-10", CAL_WESTERN, "2023年5月10日");
    expect("2023-05-10", CAL_ISO, "2023-05-10");
    expect("2023-05-102023-05-12", CAL_WAREKI, NULL);
    expect(NULL, CAL_WAREKI, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eras_and_boundaries),
        cmocka_unit_test(test_western_iso_and_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
