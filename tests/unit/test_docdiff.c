/* test_docdiff.c — the character diff (Myers, grouped runs), the
 * similarity ratio, and the matcher's work on the real plan: bounded by a
 * count of comparisons, not by a clock, so the test cannot be flaky. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "chardiff.h"
#include "content.h"
#include "docdiff.h"

static void check_markup(const char *old_t, const char *new_t, const char *expected)
{
    cd_script s;
    assert_true(cd_diff(old_t, new_t, &s));
    char *m = cd_markup(&s, old_t, new_t);
    assert_non_null(m);
    assert_string_equal(m, expected);
    free(m);
    cd_script_free(&s);
}

static void test_markup(void **state)
{
    (void)state;
    check_markup("中小企業者に対する金融円滑化の推進", "中小企業者に対する金融支援の推進",
                 "中小企業者に対する金融[-円滑化-]{+支援+}の推進");
    check_markup("abc", "abc", "abc");
    check_markup("", "追加", "{+追加+}");
    check_markup("削除", "", "[-削除-]");
    /* one equal character between two changes joins them into one run */
    check_markup("あいうえお", "かいくえお", "[-あいう-]{+かいく+}えお");
    /* three equal characters stay apart */
    check_markup("あいうえおか", "きいうえくか", "[-あ-]{+き+}いうえ[-お-]{+く+}か");
}

static void test_similarity(void **state)
{
    (void)state;
    assert_true(cd_similarity("あいうえお", "あいうえお", 0.6, NULL) == 1.0);
    /* LCS 4 of 5 + 5 characters: 0.8 */
    double r = cd_similarity("あいうえお", "あいうえか", 0.6, NULL);
    assert_true(r > 0.79 && r < 0.81);
    assert_true(cd_similarity("あいうえお", "かきくけこ", 0.6, NULL) == 0);
    assert_true(cd_similarity("あ", "あいうえおかきくけこ", 0.6, NULL) == 0);
    assert_true(cd_similarity("", "", 0.6, NULL) == 1.0);
}

static size_t count_blocks(const block *b)
{
    size_t n = 1;
    for (size_t i = 0; i < b->n_children; i++)
        n += count_blocks(b->children[i]);
    return n;
}

/* The plan against itself with 30 scattered edits: the matcher compares
 * texts a handful of times per edit, never every block with every block. */
static void test_plan_work_is_bounded(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    document *o = content_load("tests/diff/plan-30-edits/old.yaml", &dl);
    document *n = content_load("tests/diff/plan-30-edits/new.yaml", &dl);
    assert_non_null(o);
    assert_non_null(n);
    docdiff d;
    assert_true(docdiff_compute(o, n, &d));
    size_t blocks = count_blocks(n->root);
    assert_true(blocks > 300);
    print_message("plan-30-edits: %zu blocks, %zu similarity comparisons\n", blocks, d.comparisons);
    assert_true(d.comparisons < 30 * 40);
    assert_true(d.comparisons < blocks * blocks / 50);
    size_t changed = d.n_meta;
    for (size_t i = 0; i < d.n_entries; i++)
        changed += d.entries[i].change != DD_SAME || d.entries[i].moved;
    assert_int_equal(changed, 30);
    docdiff_free(&d);

    /* identical documents: nothing to compare by similarity at all */
    assert_true(docdiff_compute(o, o, &d));
    assert_int_equal(d.comparisons, 0);
    assert_false(docdiff_has_changes(&d));
    docdiff_free(&d);
    doc_free(o);
    doc_free(n);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup),
        cmocka_unit_test(test_similarity),
        cmocka_unit_test(test_plan_work_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
