/* test_new_year.c — next year's plan as a text edit: the year moved on in
 * fiscal_year, title, date, subject and keywords (ASCII, full-width and
 * 令和 years), new: true cleared (its line removed, or false where a line
 * cannot go), and everything else, comments included, byte for byte. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "new_year.h"

static char *moved_on(const char *text, new_year_counts *c)
{
    diag_list dl;
    diag_init(&dl);
    ytree *t = ytree_load_buffer("plan.yaml", text, strlen(text), NULL, &dl);
    assert_non_null(t);
    char *out = new_year_text(t, c, &dl);
    if (!out) {
        diag_print(&dl, stderr);
        fail_msg("new_year_text failed");
    }
    ytree_free(t);
    diag_free(&dl);
    return out;
}

static void test_years_and_comments(void **state)
{
    (void)state;
    const char *in =
        "# 2023年度の計画 (comments stay as they are)\n"
        "title: \"令和5年度 2023年度事業基本方針\"  # 2023\n"
        "fiscal_year: 2023\n"
        "date: 2024-03-31\n"
        "subject: ２０２３年度の方針, not 20230 or 12023\n"
        "keywords: [事業基本方針, 2023年度]\n"
        "parts:\n"
        "  - title: 2023年に始めた事業\n";
    const char *want =
        "# 2023年度の計画 (comments stay as they are)\n"
        "title: \"令和6年度 2024年度事業基本方針\"  # 2023\n"
        "fiscal_year: 2024\n"
        "date: 2025-03-31\n"
        "subject: ２０２４年度の方針, not 20230 or 12023\n"
        "keywords: [事業基本方針, 2024年度]\n"
        "parts:\n"
        "  - title: 2023年に始めた事業\n";
    new_year_counts c;
    char *out = moved_on(in, &c);
    assert_string_equal(out, want);
    assert_int_equal(c.old_year, 2023);
    assert_int_equal(c.new_year, 2024);
    assert_int_equal(c.years, 6);
    assert_int_equal(c.marks, 0);
    free(out);
}

static void test_new_marks_cleared(void **state)
{
    (void)state;
    const char *in =
        "title: 2023年度事業基本方針\n"
        "parts:\n"
        "  - title: 重点事業\n"
        "    new: true\n"
        "    sections:\n"
        "      - title: 提言\n"
        "        items:\n"
        "          - text: 新しい事業\n"
        "            new: true\n"
        "          - new: true\n"
        "            text: 先に new と書いた事業\n"
        "          - {text: 流れ形式, new: true}\n"
        "          - text: 注記つき\n"
        "            new: true  # 2023年に追加\n"
        "          - text: 去年のまま\n"
        "            new: false\n";
    const char *want =
        "title: 2024年度事業基本方針\n"
        "parts:\n"
        "  - title: 重点事業\n"
        "    sections:\n"
        "      - title: 提言\n"
        "        items:\n"
        "          - text: 新しい事業\n"
        "          - new: false\n"
        "            text: 先に new と書いた事業\n"
        "          - {text: 流れ形式, new: false}\n"
        "          - text: 注記つき\n"
        "            new: false  # 2023年に追加\n"
        "          - text: 去年のまま\n"
        "            new: false\n";
    new_year_counts c;
    char *out = moved_on(in, &c);
    assert_string_equal(out, want);
    assert_int_equal(c.old_year, 2023);   /* from the title: no fiscal_year */
    assert_int_equal(c.marks, 5);
    free(out);
}

static void test_no_year_is_an_error(void **state)
{
    (void)state;
    const char *in = "title: 事業基本方針\nparts: []\n";
    diag_list dl;
    diag_init(&dl);
    ytree *t = ytree_load_buffer("plan.yaml", in, strlen(in), NULL, &dl);
    new_year_counts c;
    assert_null(new_year_text(t, &c, &dl));
    assert_true(diag_failed(&dl));
    ytree_free(t);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_years_and_comments),
        cmocka_unit_test(test_new_marks_cleared),
        cmocka_unit_test(test_no_year_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
