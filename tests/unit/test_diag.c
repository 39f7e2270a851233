/* test_diag.c — the diagnostics table, the error cap, strict mode, exit
 * status and the printed form (source line and caret). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Runs diag_print into a malloc'd string. */
static char *printed(const diag_list *dl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    diag_print(dl, f);
    fclose(f);
    return buf;
}

static void test_table(void **state)
{
    (void)state;
    assert_string_equal(diag_kind_name(D_YAML_SYNTAX), "yaml-syntax");
    assert_string_equal(diag_kind_name(D_UNKNOWN_KEY), "unknown-key");
    assert_string_equal(diag_kind_name(D_BAD_UTF8), "bad-utf8");
    for (int k = 0; k < D__COUNT; k++)
        assert_non_null(diag_kind_name((diag_kind)k));
    diag_list dl;
    diag_init(&dl);
    diag_report(&dl, D_MIXED_DIGITS, (src_loc){ 0 }, "w");
    diag_report(&dl, D_LAYOUT_WARN, (src_loc){ 0 }, "w");
    assert_int_equal(dl.items[0].severity, SEV_WARNING);
    assert_int_equal(dl.warnings, 2);
    assert_false(diag_failed(&dl));
    assert_int_equal(diag_exit_status(&dl), 0);
    diag_report(&dl, D_UNKNOWN_KEY, (src_loc){ 0 }, "e");
    assert_true(diag_failed(&dl));
    assert_int_equal(diag_exit_status(&dl), 1);
    diag_report(&dl, D_IO, (src_loc){ 0 }, "io");
    assert_int_equal(diag_exit_status(&dl), 3);
    diag_free(&dl);

    diag_init(&dl);
    diag_report(&dl, D_USAGE, (src_loc){ 0 }, "u");
    assert_int_equal(diag_exit_status(&dl), 2);
    diag_free(&dl);
}

static void test_strict(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    dl.strict = true;
    diag_report(&dl, D_DOUBLED_PUNCT, (src_loc){ 0 }, "。。");
    assert_true(diag_failed(&dl));
    assert_int_equal(diag_exit_status(&dl), 1);
    diag_free(&dl);
}

static void test_no_file_and_hint(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    diag_report(&dl, D_USAGE, (src_loc){ 0 }, "unknown option '%s'", "-x");
    diag_hint(&dl, "try %s", "kumihan --help");
    diag_report(&dl, D_BAD_VALUE, (src_loc){ "nowhere/missing.yaml", 3, 2 }, "bad");
    char *out = printed(&dl);
    assert_string_equal(out, "kumihan: error: unknown option '-x'\n"
                             "  hint: try kumihan --help\n"
                             "nowhere/missing.yaml:3:2: error: bad\n");
    free(out);
    diag_free(&dl);
}

static void test_source_line_and_caret(void **state)
{
    (void)state;
    const char *path = "tests/data/yaml/caret.yaml";
    diag_list dl;
    diag_init(&dl);
    diag_report(&dl, D_UNKNOWN_KEY, (src_loc){ path, 2, 5 }, "unknown key '%s'", "titel");
    diag_hint(&dl, "did you mean 'title'?");
    /* line 3 is "本文: 社会基盤": column 5 is 社, after two wide characters */
    diag_report(&dl, D_MIXED_DIGITS, (src_loc){ path, 3, 5 }, "here");
    diag_report(&dl, D_BAD_VALUE, (src_loc){ path, 99, 1 }, "past the end");
    diag_report(&dl, D_BAD_VALUE, (src_loc){ path, 0, 0 }, "whole file");
    char *out = printed(&dl);
    assert_string_equal(out,
        "tests/data/yaml/caret.yaml:2:5: error: unknown key 'titel'\n"
        "    titel: x\n"
        "      ^\n"
        "  hint: did you mean 'title'?\n"
        "tests/data/yaml/caret.yaml:3:5: warning: here\n"
        "  本文: 社会基盤\n"
        "        ^\n"
        "tests/data/yaml/caret.yaml:99:1: error: past the end\n"
        "tests/data/yaml/caret.yaml: error: whole file\n");
    free(out);
    diag_free(&dl);
}

static void test_too_many(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(dl.max_errors, 50);
    for (int i = 0; i < 60; i++) {
        diag_report(&dl, D_BAD_VALUE, (src_loc){ 0 }, "error %d", i);
        diag_hint(&dl, "hint %d", i);
    }
    diag_report(&dl, D_MIXED_PUNCT, (src_loc){ 0 }, "late warning");
    assert_int_equal(dl.count, 50);
    assert_int_equal(dl.errors, 60);
    assert_int_equal(dl.warnings, 1);
    assert_true(dl.truncated);
    assert_true(diag_too_many(&dl));
    assert_string_equal(dl.items[49].hint, "hint 49");
    char *out = printed(&dl);
    const char *tail = "kumihan: error: too many errors; stopping after 50\n";
    assert_string_equal(out + strlen(out) - strlen(tail), tail);
    free(out);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_strict),
        cmocka_unit_test(test_no_file_and_hint),
        cmocka_unit_test(test_source_line_and_caret),
        cmocka_unit_test(test_too_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
