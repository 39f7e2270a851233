/* test_content.c — content YAML → document tree: the plan loads with the
 * right structure, and each schema error is reported at its place. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "content.h"
#include "test_util.h"

typedef struct counts {
    int by_kind[BK__COUNT];
    int is_new;
} counts;

static bool count_block(const block *b, void *ctx)
{
    counts *c = ctx;
    c->by_kind[b->kind]++;
    c->is_new += b->is_new;
    return true;
}

static void test_plan_structure(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    document *doc = content_load("content/plan-2023.yaml", &dl);
    diag_print(&dl, stderr);
    assert_non_null(doc);
    assert_string_equal(doc->title, "2023年度事業基本方針");
    assert_string_equal(doc->organization, "苫小牧商工会議所");
    assert_int_equal(doc->fiscal_year, 2023);
    counts c = {0};
    doc_walk(doc->root, count_block, &c);
    assert_int_equal(c.by_kind[BK_PART], 5);
    assert_int_equal(c.by_kind[BK_SECTION], 20);
    assert_int_equal(c.by_kind[BK_ENTRY], 85);
    assert_int_equal(c.is_new, 16);
    /* the first preface paragraph was folded from two source lines without a space */
    const block *pre = doc->root->children[0];
    assert_int_equal(pre->kind, BK_PARAGRAPH);
    assert_non_null(strstr(pre->text, "強いられてきましたが、"));
    /* ordinals count siblings of the same kind only */
    const block *part2 = NULL;
    for (size_t i = 0; i < doc->root->n_children; i++)
        if (doc->root->children[i]->kind == BK_PART && doc->root->children[i]->ordinal == 2)
            part2 = doc->root->children[i];
    assert_non_null(part2);
    assert_string_equal(part2->text, "経営支援対策事業");
    doc_free(doc);
    diag_free(&dl);
}

/* Loads YAML text from a temporary file; returns the diagnostics' text. */
static char *load_errors(const char *yaml, document **out_doc)
{
    char *path = write_temp_file(yaml);
    assert_non_null(path);
    diag_list dl;
    diag_init(&dl);
    document *doc = content_load(path, &dl);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    diag_print(&dl, mem);
    fclose(mem);
    unlink(path);
    free(path);
    diag_free(&dl);
    if (out_doc)
        *out_doc = doc;
    else
        doc_free(doc);
    return buf;
}

static void expect_error(const char *yaml, const char *needle)
{
    char *msg = load_errors(yaml, NULL);
    if (!strstr(msg, needle))
        fail_msg("expected '%s' in:\n%s", needle, msg);
    free(msg);
}

static void test_unknown_key_suggests(void **state)
{
    (void)state;
    expect_error("titel: x\norganization: o\nparts: [a]\n", ":1:1: error: unknown key 'titel'");
    expect_error("titel: x\norganization: o\nparts: [a]\n", "did you mean 'title'?");
    expect_error("title: x\norganization: o\nparts:\n  - title: p\n    sectoins: [a]\n",
                 ":5:5: error: unknown key 'sectoins' in a part");
}

static void test_wrong_type_and_missing(void **state)
{
    (void)state;
    expect_error("title: [a, b]\norganization: o\nparts: [a]\n", ":1:8: error: 'title' must be a single value, not a list");
    expect_error("title: t\nparts: [a]\n", "error: the document has no 'organization'");
    expect_error("title: t\norganization: o\nparts:\n  - sections:\n      - s\n", "error: a part has no 'title'");
}

static void test_empty_text_and_glued_key(void **state)
{
    (void)state;
    expect_error("title: t\norganization: o\nparts:\n  - title: \"\"\n", ":4:12: error: a part is empty");
    expect_error("title: t\norganization: o\nparts:\n  - title:p\n", "looks like a key without a space after ':'");
}

static void test_all_errors_in_one_run(void **state)
{
    (void)state;
    char *msg = load_errors("titel: x\norganizaton: o\nparts:\n  - title: p\n    new: maybe\n", NULL);
    assert_non_null(strstr(msg, "'titel'"));
    assert_non_null(strstr(msg, "'organizaton'"));
    assert_non_null(strstr(msg, "'new' must be true or false"));
    free(msg);
}

static void test_new_and_shorthand(void **state)
{
    (void)state;
    document *doc = NULL;
    char *msg = load_errors("title: t\norganization: o\nparts:\n  - title: p\n    sections:\n      - title: s\n"
                            "        items:\n          - a\n          - text: b\n            new: true\n"
                            "            bullets: [c, d]\n",
                            &doc);
    assert_non_null(doc);
    const block *sec = doc->root->children[0]->children[0];
    assert_int_equal(sec->n_children, 2);
    assert_string_equal(sec->children[0]->text, "a");
    assert_true(sec->children[1]->is_new);
    assert_int_equal(sec->children[1]->n_children, 2);
    assert_int_equal(sec->children[1]->children[1]->ordinal, 2);
    free(msg);
    doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_structure),
        cmocka_unit_test(test_unknown_key_suggests),
        cmocka_unit_test(test_wrong_type_and_missing),
        cmocka_unit_test(test_empty_text_and_glued_key),
        cmocka_unit_test(test_all_errors_in_one_run),
        cmocka_unit_test(test_new_and_shorthand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
