/* test_slips.c — slips that parse but print wrong (slips.c, and the NUL
 * and source-line parts of yaml_load.c): what is flagged, what is not
 * (the plan itself stays silent), and where. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "content.h"
#include "slips.h"

static void test_typed_marks(void **state)
{
    (void)state;
    static const struct { const char *text; const char *mark; } cases[] = {
        {"① 市への要望", "①"}, {"⑴ 提言", "⑴"}, {"⒈ 提言", "⒈"}, {"1. 提言", "1."}, {"12) 提言", "12)"},
        {"１．政策提言", "１．"}, {"Ⅴ．重点事業", "Ⅴ．"}, {"Ⅻ. 事業", "Ⅻ."}, {"1）苫小牧市", "1）"},
        {"(1) 提言", "(1)"}, {"（１）提言", "（１）"}, {"（一）提言", "（一）"}, {"・要望", "・"},
        {"㉑ 提言", "㉑"},
        /* ordinary texts that only look numeric */
        {"２０５０年カーボンニュートラル", ""}, {"1.5倍に拡大", ""}, {"Ⅱ期工事", ""}, {"2023年度", ""},
        {"(株)苫小牧", ""}, {"1000) 大きすぎる番号", ""}, {"一層の充実", ""}, {"", ""}, {"市への要望", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = slips_typed_mark(cases[i].text, strlen(cases[i].text));
        if (n != strlen(cases[i].mark))
            fail_msg("'%s': marked %zu bytes, expected '%s'", cases[i].text, n, cases[i].mark);
    }
}

/* Loads yaml; returns the kinds of the diagnostics as "kind@line:col ..." */
static char *slips_of(const char *yaml)
{
    diag_list dl;
    diag_init(&dl);
    ytree *t = ytree_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &dl);
    document *doc = t ? content_from_tree(t, &dl) : NULL;
    size_t cap = 64 + dl.count * 64, len = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < dl.count; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s@%d:%d", i ? " " : "", diag_kind_name(dl.items[i].kind),
                                dl.items[i].line, dl.items[i].col);
    doc_free(doc);
    ytree_free(t);
    diag_free(&dl);
    return out;
}

#define HEAD "title: %s\norganization: 苫小牧商工会議所\nfiscal_year: %d\nparts:\n  - title: 重点事業\n    sections:\n" \
             "      - title: 政策提言\n        items:\n"

static void expect_slips(const char *yaml, const char *expected)
{
    char *got = slips_of(yaml);
    bool same = strcmp(got, expected) == 0;
    if (!same)
        print_error("%s\ngot      '%s'\nexpected '%s'\n", yaml, got, expected);
    free(got);   /* before fail(), which does not return */
    if (!same)
        fail();
}

static void expect_title(const char *title, int year, const char *expected)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml, HEAD "          - 市への要望\n", title, year);
    expect_slips(yaml, expected);
}

static void test_title_year(void **state)
{
    (void)state;
    expect_title("2023年度事業基本方針", 2023, "");
    expect_title("２０２３年度事業基本方針", 2023, "");
    expect_title("令和5年度事業基本方針", 2023, "");
    expect_title("令和元年度事業基本方針", 2019, "");
    expect_title("平成31年度事業基本方針", 2019, "");
    expect_title("2022年度の振り返りと2023年度事業基本方針", 2023, "");   /* one of them agrees */
    expect_title("事業基本方針", 2023, "");
    expect_title("2050年に向けた事業基本方針", 2023, "");                 /* 年, not 年度 */
    expect_title("2022年度事業基本方針", 2023, "year-mismatch@1:8");
    expect_title("令和４年度事業基本方針", 2023, "year-mismatch@1:8");
    expect_title("新・令和元年度事業基本方針", 2023, "year-mismatch@1:10");
}

static void test_texts(void **state)
{
    (void)state;
    char yaml[1024];
    /* a folded '- ' line, pointed at on its own line */
    snprintf(yaml, sizeof yaml, HEAD "          - 市への要望\n           - 広域連携\n", "2023年度", 2023);
    expect_slips(yaml, "folded-line@10:12");
    snprintf(yaml, sizeof yaml, HEAD "          - 市への要望\n            　- 広域連携\n", "2023年度", 2023);
    expect_slips(yaml, "folded-line@10:14");
    /* a text broken over lines is fine; a blank line starts a paragraph */
    snprintf(yaml, sizeof yaml, HEAD "          - 市への要望書の\n            提出\n        lead: >-\n          前年の\n"
             "          1.5倍\n\n          ①から始まる段落\n", "2023年度", 2023);
    expect_slips(yaml, "");
    /* comments: after plain text only, and only with a blank before '#' */
    snprintf(yaml, sizeof yaml, HEAD "          - 市への要望 #7月\n          - 第#2回\n          - \"要望 #2\"\n"
             "          - text: 'a' # quoted\n            new: true # not text\n", "2023年度", 2023);
    expect_slips(yaml, "comment-in-text@9:19");
    /* repeats among siblings, not across lists; duplicate ids anywhere */
    snprintf(yaml, sizeof yaml, HEAD "          - 要望\n          - text: 要望\n            id: a\n"
             "      - title: 別\n        id: a\n        items:\n          - 要望\n", "2023年度", 2023);
    expect_slips(yaml, "bad-value@13:13");
    snprintf(yaml, sizeof yaml, HEAD "          - 要望\n          - text: 要望\n            id: a\n", "2023年度", 2023);
    expect_slips(yaml, "duplicate-text@10:19");
}

static void test_nul(void **state)
{
    (void)state;
    char yaml[512];
    snprintf(yaml, sizeof yaml, HEAD "          - \"a\\\\0b\"\n          - \"広域\\0連携\"\n", "2023年度", 2023);
    expect_slips(yaml, "control-char@10:16");
    snprintf(yaml, sizeof yaml, HEAD "          - \"a\\u0000b\"\n", "2023年度", 2023);
    expect_slips(yaml, "control-char@9:15");
}

static void test_source_lines(void **state)
{
    (void)state;
    static const char yaml[] = "\xEF\xBB\xBF" "a: 1\r\nb: 2\rc: 3\n";
    diag_list dl;
    diag_init(&dl);
    ytree *t = ytree_load_buffer("t.yaml", yaml, strlen(yaml), NULL, &dl);
    assert_non_null(t);
    size_t len;
    const char *s = ytree_line(t, 1, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(s, "a: 1", 4);
    s = ytree_line(t, 2, &len);
    assert_memory_equal(s, "b: 2", len);
    s = ytree_line(t, 3, &len);
    assert_memory_equal(s, "c: 3", len);
    assert_null(ytree_line(t, 5, &len));
    assert_null(ytree_line(t, 0, &len));
    ytree_free(t);
    diag_free(&dl);
}

static void test_plan_is_silent(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    document *doc = content_load("content/plan-2023.yaml", &dl);
    diag_print(&dl, stderr);
    assert_non_null(doc);
    assert_int_equal(dl.count, 0);
    doc_free(doc);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typed_marks),  cmocka_unit_test(test_title_year),
        cmocka_unit_test(test_texts),        cmocka_unit_test(test_nul),
        cmocka_unit_test(test_source_lines), cmocka_unit_test(test_plan_is_silent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
