/* test_docdiff.c — the character diff (Myers, grouped runs), the
 * similarity ratio, and the matcher's work on the real plan: bounded by a
 * count of comparisons, not by a clock, so the test cannot be flaky. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chardiff.h"
#include "content.h"
#include "dd_match.h"
#include "docdiff.h"

static void check_markup(const char *old_t, const char *new_t, const char *expected)
{
    cd_script s;
    cd_diff(old_t, new_t, &s);
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
    docdiff_compute(o, n, &d);
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
    docdiff_compute(o, o, &d);
    assert_int_equal(d.comparisons, 0);
    assert_false(docdiff_has_changes(&d));
    docdiff_free(&d);
    doc_free(o);
    doc_free(n);
    diag_free(&dl);
}

/* A document of n entries in one list; text(i) says each entry's text. */
static document *long_list(size_t n, void (*text)(size_t i, char *buf, size_t size))
{
    document *d = doc_new("long.yaml");
    block *part = block_add(d->root, BK_PART, d->root->loc);
    block_set_text(part, "一覧", d->root->loc);
    block *sec = block_add(part, BK_SECTION, d->root->loc);
    block_set_text(sec, "項目", d->root->loc);
    for (size_t i = 0; i < n; i++) {
        char buf[96];
        text(i, buf, sizeof buf);
        block *e = block_add(sec, BK_ENTRY, d->root->loc);
        block_set_text(e, buf, d->root->loc);
    }
    return d;
}

#define LONG_N 20000

static const char *const WORDS[] = {"事業", "推進", "支援", "連携", "協力", "開催", "実施", "強化"};

static void item_text(size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "第%zu号%s%s", i, WORDS[i % 8], WORDS[(i * 3) % 8]);
}

static void edited_text(size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "第%zu号%s%s", i, WORDS[i % 8], WORDS[(i * 3 + 1) % 8]);
}

static void reversed_text(size_t i, char *buf, size_t size)
{
    item_text(LONG_N - 1 - i, buf, size);
}

/* 20,000 entries each edited by one word: every one is found edited (not
 * deleted and added), with a bounded number of comparisons per entry. */
static void test_long_list_edited_is_linear(void **state)
{
    (void)state;
    document *o = long_list(LONG_N, item_text), *n = long_list(LONG_N, edited_text);
    docdiff d;
    docdiff_compute(o, n, &d);
    size_t edited = 0, other = 0;
    for (size_t i = 0; i < d.n_entries; i++) {
        edited += d.entries[i].change == DD_EDITED && !d.entries[i].moved;
        other += d.entries[i].change == DD_ADDED || d.entries[i].change == DD_DELETED || d.entries[i].moved;
    }
    print_message("%d edited entries: %zu comparisons, %zu Myers steps\n", LONG_N, d.comparisons, d.myers_steps);
    assert_int_equal(edited, LONG_N);
    assert_int_equal(other, 0);
    assert_true(d.comparisons <= (size_t)LONG_N * (2 * DD_WINDOW + 1));
    assert_true(d.myers_steps <= (size_t)LONG_N * 2000);
    docdiff_free(&d);
    doc_free(o);
    doc_free(n);
}

/* The same entries reversed: paired by their equal texts without any
 * similarity test, all but one moved. */
static void test_long_list_reversed_needs_no_comparison(void **state)
{
    (void)state;
    document *o = long_list(LONG_N, item_text), *n = long_list(LONG_N, reversed_text);
    docdiff d;
    docdiff_compute(o, n, &d);
    size_t moved = 0, changed = 0;
    for (size_t i = 0; i < d.n_entries; i++) {
        moved += d.entries[i].moved;
        changed += d.entries[i].change != DD_SAME;
    }
    assert_int_equal(d.comparisons, 0);
    assert_int_equal(moved, LONG_N - 1);
    assert_int_equal(changed, 0);
    docdiff_free(&d);
    doc_free(o);
    doc_free(n);
}

/* A 200 KB paragraph with one character in five changed: far past the
 * cost cap, so the diff says replaced, within a bounded number of steps;
 * and the script still rebuilds both texts. */
static void test_rewritten_paragraph_is_replaced(void **state)
{
    (void)state;
    size_t chars = 200 * 1024 / 3;
    char *old_t = malloc(chars * 3 + 1), *new_t = malloc(chars * 3 + 1);
    assert_non_null(old_t);
    assert_non_null(new_t);
    for (size_t i = 0; i < chars; i++) {
        const char *w = WORDS[(i / 2 * 5 + i / 7) % 8] + (i % 2) * 3;
        memcpy(old_t + 3 * i, w, 3);
        memcpy(new_t + 3 * i, i % 5 == 2 ? "改" : w, 3);
    }
    old_t[chars * 3] = new_t[chars * 3] = '\0';
    cd_script s;
    cd_diff(old_t, new_t, &s);
    print_message("200 KB rewritten: %zu Myers steps, replaced %d\n", s.work, s.replaced);
    assert_true(s.replaced);
    assert_true(s.work <= CD_MAX_WORK + 2 * chars);
    size_t old_len = 0, new_len = 0;
    for (size_t i = 0; i < s.n_ops; i++) {
        old_len += s.ops[i].kind != CD_INSERT ? s.ops[i].len : 0;
        new_len += s.ops[i].kind != CD_DELETE ? s.ops[i].len : 0;
    }
    assert_int_equal(old_len, strlen(old_t));
    assert_int_equal(new_len, strlen(new_t));
    cd_script_free(&s);

    /* the similarity of the two stops at the same cap, and the pair stays pairable */
    size_t work = 0;
    assert_true(cd_similarity(old_t, new_t, 0.6, &work) == 0.6);
    assert_true(work <= CD_MAX_WORK + 2 * chars);
    free(old_t);
    free(new_t);
}

/* Numbers and dates change whole, as values. */
static void test_values_change_whole(void **state)
{
    (void)state;
    check_markup("2023-04-01", "2024-04-01", "[-2023-04-01-]{+2024-04-01+}");
    check_markup("第5回の開催", "第15回の開催", "第[-5-]{+15+}回の開催");
    check_markup("予算1,200万円", "予算1,250万円", "予算[-1,200-]{+1,250+}万円");
    check_markup("２０２３年度", "２０２４年度", "[-２０２３-]{+２０２４+}年度");
    /* text beside a number is not a number */
    check_markup("2023年", "2023年度", "2023年{+度+}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup),
        cmocka_unit_test(test_similarity),
        cmocka_unit_test(test_plan_work_is_bounded),
        cmocka_unit_test(test_long_list_edited_is_linear),
        cmocka_unit_test(test_long_list_reversed_needs_no_comparison),
        cmocka_unit_test(test_rewritten_paragraph_is_replaced),
        cmocka_unit_test(test_values_change_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
