/* test_yaml.c — the YAML loader: tree and positions, Japanese refolding,
 * syntax errors with their hints, byte checks, limits, and rejection of
 * anchors, aliases and multiple documents. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yschema.h"
#include "ytree.h"

static ytree *load(const char *text, diag_list *dl)
{
    diag_init(dl);
    return ytree_load_buffer("t.yaml", text, strlen(text), NULL, dl);
}

/* Loads text expecting failure; checks the first diagnostic's kind,
 * position and (if given) a piece of its hint. */
static void expect_error(const char *text, diag_kind kind, int line, int col, const char *hint)
{
    diag_list dl;
    ytree *t = load(text, &dl);
    assert_null(t);
    assert_true(dl.count >= 1);
    const diag *d = &dl.items[0];
    if (d->kind != kind || d->line != line || d->col != col)
        print_error("got %s at %d:%d: %s\n", diag_kind_name(d->kind), d->line, d->col, d->message);
    assert_int_equal(d->kind, kind);
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    if (hint) {
        assert_non_null(d->hint);
        if (!strstr(d->hint, hint))
            print_error("hint was: %s\n", d->hint);
        assert_non_null(strstr(d->hint, hint));
    }
    diag_free(&dl);
}

static const char *scalar(const ynode *map, const char *key)
{
    const ynode *n = ynode_get(map, key);
    assert_non_null(n);
    assert_int_equal(n->kind, YN_SCALAR);
    assert_int_equal(strlen(n->value), n->len);
    return n->value;
}

static void test_tree_and_positions(void **state)
{
    (void)state;
    diag_list dl;
    ytree *t = load("title: 事業計画\nitems:\n  - 一\n  - name: 二\n    n: 2\n", &dl);
    assert_non_null(t);
    assert_int_equal(dl.count, 0);
    const ynode *root = t->root;
    assert_int_equal(root->kind, YN_MAPPING);
    assert_int_equal(root->count, 2);
    assert_string_equal(scalar(root, "title"), "事業計画");
    const ynode *title = ynode_get(root, "title");
    assert_int_equal(title->loc.line, 1);
    assert_int_equal(title->loc.col, 8);
    assert_string_equal(title->loc.file, "t.yaml");
    const ynode *items = ynode_get(root, "items");
    assert_int_equal(items->kind, YN_SEQUENCE);
    assert_int_equal(items->count, 2);
    assert_int_equal(items->loc.line, 3);
    assert_int_equal(items->loc.col, 3);
    const ynode *second = items->items[1];
    assert_int_equal(second->kind, YN_MAPPING);
    assert_int_equal(ynode_get(second, "n")->loc.line, 5);
    assert_int_equal(ynode_get(second, "n")->loc.col, 8);
    assert_null(ynode_get(root, "missing"));
    assert_null(ynode_get(items, "title"));
    assert_string_equal(ynode_kind_name(YN_MAPPING), "mapping");
    ytree_free(t);
    diag_free(&dl);
}

static void test_quoted_flag_and_columns_count_characters(void **state)
{
    (void)state;
    diag_list dl;
    ytree *t = load("見出し: '第1章'\n番号: \"１\"\n", &dl);
    assert_non_null(t);
    const ynode *h = ynode_get(t->root, "見出し");
    assert_true(h->quoted);
    assert_int_equal(h->loc.col, 6);   /* 見出し: is 4 characters, then a space */
    assert_int_equal(ynode_get(t->root, "番号")->loc.col, 5);
    assert_false(ynode_get(t->root, "番号")->quoted == 0);
    ytree_free(t);
    diag_free(&dl);
}

static void test_refolding(void **state)
{
    (void)state;
    diag_list dl;
    ytree *t = load("plain: 社会基盤の整備に取\n  んでまいります。\n"
                    "en: CO2\n  emissions\n"
                    "mixed: 苫小牧\n  CCUS\n"
                    "folded: >\n  地域の\n  発展\n\n  次の段落\n\n"
                    "literal: |-\n  一行目\n  二行目\n"
                    "dq: \"a\n  b\"\n"
                    "tagged: !!str 前\n  後\n",
                    &dl);
    assert_non_null(t);
    assert_string_equal(scalar(t->root, "plain"), "社会基盤の整備に取んでまいります。");
    assert_string_equal(scalar(t->root, "en"), "CO2 emissions");
    assert_string_equal(scalar(t->root, "mixed"), "苫小牧CCUS");
    assert_string_equal(scalar(t->root, "folded"), "地域の発展\n次の段落");
    assert_string_equal(scalar(t->root, "literal"), "一行目二行目");
    assert_string_equal(scalar(t->root, "dq"), "a b");   /* quoted: libyaml's folding */
    assert_string_equal(scalar(t->root, "tagged"), "前後");
    assert_int_equal(ynode_get(t->root, "folded")->loc.line, 7);
    ytree_free(t);
    diag_free(&dl);
}

static void test_crlf_and_bom(void **state)
{
    (void)state;
    diag_list dl;
    ytree *t = load("\xEF\xBB\xBF" "a: 取り\r\n  組む\r\nb: x\r\n", &dl);
    assert_non_null(t);
    assert_string_equal(scalar(t->root, "a"), "取り組む");
    assert_int_equal(ynode_get(t->root, "a")->loc.col, 4);
    assert_int_equal(ynode_get(t->root, "b")->loc.line, 3);
    ytree_free(t);
    diag_free(&dl);
}

static void test_empty(void **state)
{
    (void)state;
    static const char *const empties[] = { "", "# nothing\n", "---\n", "\n\n" };
    for (size_t k = 0; k < 4; k++) {
        diag_list dl;
        ytree *t = load(empties[k], &dl);
        assert_non_null(t);
        assert_null(t->root);
        assert_int_equal(dl.count, 0);
        ytree_free(t);
        diag_free(&dl);
    }
}

static void test_syntax_hints(void **state)
{
    (void)state;
    expect_error("a:\n  b: 1\n\tc: 2\n", D_YAML_SYNTAX, 3, 1, "must use spaces, not tabs");
    expect_error("a:\n\tb: 1\n", D_YAML_SYNTAX, 2, 1, "must use spaces, not tabs");
    expect_error("a:\n  - x\n\xE3\x80\x80- y\n", D_YAML_SYNTAX, 3, 1, "全角スペース (U+3000) cannot indent YAML");
    expect_error("a:\n  b: 1\n  \xE3\x80\x80" "c: 2\n", D_YAML_SYNTAX, 3, 3, "全角スペース (U+3000)");
    expect_error("a:\n  b:c\n  d: e\n", D_YAML_SYNTAX, 2, 4, "put a space after ':'");
    expect_error("title:foo\nbody: x\n", D_YAML_SYNTAX, 1, 6, "write 'title: …'");
    expect_error("a: \"foo\nb: bar\n", D_YAML_SYNTAX, 1, 4, "quote \" is never closed");
    expect_error("a: 'foo\nb: bar\n", D_YAML_SYNTAX, 1, 4, "quote ' is never closed");
    expect_error("a:\n  b: 1\n   c: 2\n", D_YAML_SYNTAX, 3, 4, "indented more than the line above, so it reads as part of");
    expect_error("a:\n    b: 1\n  c: 2\n", D_YAML_SYNTAX, 3, 3, "indented differently");
    expect_error("list:\n  - a\n - b\n", D_YAML_SYNTAX, 3, 2, "indented differently");
    expect_error("a: b: c\n", D_YAML_SYNTAX, 1, 5, NULL);
}

static void test_bytes(void **state)
{
    (void)state;
    expect_error("a: 1\nb: ab\xFF\n", D_BAD_UTF8, 2, 6, "UTF-8");
    expect_error("a: \x82\xA0\n", D_BAD_UTF8, 1, 4, "Shift_JIS");
    expect_error("a: x\x07y\n", D_CONTROL_CHAR, 1, 5, NULL);
    expect_error("a: \xE3\x81\x82\x1B\n", D_CONTROL_CHAR, 1, 5, NULL);
    expect_error("a: x\xC2\x85y\n", D_CONTROL_CHAR, 1, 5, NULL);        /* NEL */
    expect_error("a: x\xE2\x80\xA8y\n", D_CONTROL_CHAR, 1, 5, NULL);    /* LINE SEPARATOR */
    diag_list dl;
    ytree *t = load("a: 1\nb: ab\xFF\n", &dl);
    assert_null(t);
    assert_non_null(strstr(dl.items[0].message, "byte offset 10"));
    diag_free(&dl);
}

static void test_anchors_documents_duplicates(void **state)
{
    (void)state;
    expect_error("a: &x foo\nb: *x\n", D_BAD_VALUE, 1, 4, NULL);
    expect_error("a: foo\nb: *x\n", D_BAD_VALUE, 2, 4, NULL);
    expect_error("- &l [a, b]\n", D_BAD_VALUE, 1, 3, NULL);
    expect_error("a: 1\n---\nb: 2\n", D_YAML_SYNTAX, 2, 1, "remove the '---' line");
    expect_error("title: a\nbody: b\ntitle: c\n", D_BAD_VALUE, 3, 1, NULL);
    expect_error("? [a, b]\n: c\n", D_BAD_VALUE, 1, 3, NULL);
    diag_list dl;
    ytree *t = load("title: a\nbody: b\ntitle: c\n", &dl);
    assert_null(t);
    assert_string_equal(dl.items[0].message, "duplicate key 'title' (first at line 1)");
    diag_free(&dl);
    t = load("a: &x foo\n", &dl);
    assert_string_equal(dl.items[0].message,
                        "anchors and aliases (&, *) are not supported in kumihan files");
    diag_free(&dl);
}

static ytree *load_limited(const char *text, const ytree_limits *lim, diag_list *dl)
{
    diag_init(dl);
    return ytree_load_buffer("t.yaml", text, strlen(text), lim, dl);
}

static void expect_limit(const char *text, const ytree_limits *lim, int line, int col)
{
    diag_list dl;
    ytree *t = load_limited(text, lim, &dl);
    assert_null(t);
    assert_int_equal(dl.items[0].kind, D_LIMIT);
    assert_int_equal(dl.items[0].line, line);
    assert_int_equal(dl.items[0].col, col);
    diag_free(&dl);
}

static void test_limits(void **state)
{
    (void)state;
    ytree_limits lim = { .max_file_bytes = 100, .max_nodes = 5, .max_depth = 3, .max_line_bytes = 20 };
    expect_limit("a: [1, 2, 3, 4, 5]\n", &lim, 1, 11);   /* the 6th node */
    expect_limit("a: [[[[x]]]]\n", &lim, 1, 6);
    expect_limit("a: 1\nb: 01234567890123456789\n", &lim, 2, 1);
    char big[200];
    memset(big, '#', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    expect_limit(big, &lim, 0, 0);
    diag_list dl;
    ytree *t = load_limited("a: [[x]]\n", &lim, &dl);   /* depth 3 is allowed */
    assert_non_null(t);
    ytree_free(t);
    diag_free(&dl);

    /* default limits: deep nesting and huge lines stop early, no crash */
    size_t n = 100000;
    char *deep = malloc(2 * n + 2);
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    strcpy(deep + 2 * n, "\n");
    t = load(deep, &dl);
    assert_null(t);
    assert_int_equal(dl.items[0].kind, D_LIMIT);
    diag_free(&dl);
    free(deep);
}

static void test_files(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    ytree *t = ytree_load("tests/data/yaml/plan_excerpt.yaml", NULL, &dl);
    assert_non_null(t);
    assert_string_equal(t->root->loc.file, "tests/data/yaml/plan_excerpt.yaml");
    const ynode *sections = ynode_get(t->root, "sections");
    assert_non_null(sections);
    assert_string_equal(scalar(sections->items[0], "body"),
                        "社会基盤の整備に取り組んでまいります。苫小牧CCUSの推進により CO2 emissions を削減します。\n"
                        "　新たな段落です。");
    ytree_free(t);
    diag_free(&dl);

    diag_init(&dl);
    t = ytree_load("tests/data/yaml/tab_indent.yaml", NULL, &dl);
    assert_null(t);
    assert_int_equal(dl.items[0].kind, D_YAML_SYNTAX);
    assert_int_equal(dl.items[0].line, 3);
    assert_non_null(strstr(dl.items[0].hint, "not tabs"));
    diag_free(&dl);

    diag_init(&dl);
    t = ytree_load("tests/data/yaml/does-not-exist.yaml", NULL, &dl);
    assert_null(t);
    assert_int_equal(dl.items[0].kind, D_IO);
    assert_non_null(strstr(dl.items[0].message, "No such file"));
    assert_int_equal(diag_exit_status(&dl), 3);
    diag_free(&dl);

    diag_init(&dl);
    t = ytree_load("tests/data/yaml", NULL, &dl);   /* a directory */
    assert_null(t);
    assert_int_equal(dl.items[0].kind, D_IO);
    diag_free(&dl);
}

/* A one-line plain scalar is its source verbatim, so a diagnostic about
 * its k-th character can point at it; quoted, tagged or folded ones cannot. */
static void test_verbatim_positions(void **state)
{
    (void)state;
    diag_list dl;
    ytree *t = load("a: 吉𠮷野\nb: \"q\"\nc: >-\n  l1\n  l2\nd: !!str x\n", &dl);
    assert_non_null(t);
    const ynode *a = ynode_get(t->root, "a");
    assert_true(a->loc.exact);
    src_loc at = loc_at_char(a->loc, 1);   /* 𠮷 */
    assert_int_equal(at.line, 1);
    assert_int_equal(at.col, 5);
    assert_false(ynode_get(t->root, "b")->loc.exact);
    assert_false(ynode_get(t->root, "c")->loc.exact);
    assert_false(ynode_get(t->root, "d")->loc.exact);
    assert_int_equal(loc_at_char(ynode_get(t->root, "c")->loc, 3).col, ynode_get(t->root, "c")->loc.col);
    ytree_free(t);
    diag_free(&dl);
}

/* One near-miss rule for every "did you mean": within a third of the
 * typed name's length (at least one edit, at most three). */
static void test_did_you_mean(void **state)
{
    (void)state;
    const char *const keys[] = {"title", "date", "parts", NULL};
    const char *const roles[] = {"mincho", "gothic", "body", NULL};
    assert_string_equal(ys_did_you_mean("titel", keys), "title");
    assert_string_equal(ys_did_you_mean("Date", keys), "date");
    assert_string_equal(ys_did_you_mean("minchou", roles), "mincho");
    assert_string_equal(ys_did_you_mean("bdy", roles), "body");
    assert_null(ys_did_you_mean("fonts", roles));
    assert_null(ys_did_you_mean("organization", keys));
    assert_null(ys_did_you_mean("mnco", roles));   /* two edits in four letters */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tree_and_positions),
        cmocka_unit_test(test_verbatim_positions),
        cmocka_unit_test(test_quoted_flag_and_columns_count_characters),
        cmocka_unit_test(test_refolding),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_syntax_hints),
        cmocka_unit_test(test_bytes),
        cmocka_unit_test(test_anchors_documents_duplicates),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_did_you_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
