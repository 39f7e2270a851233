/* test_body.c — body lists, notes, keep_together and the letter's blocks:
 * what the loader builds (order, kinds, located errors with "did you
 * mean") and what pagination makes of page breaks and kept blocks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "content.h"
#include "pipeline.h"
#include "test_util.h"

/* Loads yaml; returns the document (NULL on errors) and the diagnostics. */
static document *load(const char *yaml, char **errors)
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
    diag_free(&dl);
    unlink(path);
    free(path);
    *errors = buf;
    return doc;
}

static const block *child(const block *b, size_t i)
{
    assert_true(i < b->n_children);
    return b->children[i];
}

static void test_body_order_and_kinds(void **state)
{
    (void)state;
    char *err;
    document *doc = load("title: t\norganization: o\npreface: 前文\nbody:\n  - 第一段落\n  - page_break: true\n"
                         "  - \"第二段落\"\nparts:\n  - title: 部\n    sections:\n      - title: 節\n"
                         "        items: [項目]\n        body: [節の本文]\n        lead: 節の導入\n",
                         &err);
    assert_non_null(doc);
    const block *r = doc->root;
    assert_int_equal(r->n_children, 5);
    assert_int_equal(child(r, 0)->kind, BK_PARAGRAPH);
    assert_string_equal(child(r, 1)->text, "第一段落");
    assert_int_equal(child(r, 2)->kind, BK_PAGE_BREAK);
    assert_null(child(r, 2)->text);
    assert_string_equal(child(r, 3)->text, "第二段落");
    assert_int_equal(child(r, 4)->kind, BK_PART);
    /* lead, then body, then the lists, whatever order the keys are in */
    const block *sec = child(child(r, 4), 0);
    assert_int_equal(sec->n_children, 3);
    assert_string_equal(child(sec, 0)->text, "節の導入");
    assert_string_equal(child(sec, 1)->text, "節の本文");
    assert_int_equal(child(sec, 2)->kind, BK_ITEM);
    doc_free(doc);
    free(err);
}

static void test_notes_last_and_keep_together(void **state)
{
    (void)state;
    char *err;
    document *doc = load("title: t\norganization: o\nparts:\n  - title: 部\n    notes: [注一, 注二]\n"
                         "    keep_together: true\n    sections:\n      - title: 節\n        items:\n"
                         "          - text: 項目\n            notes: 項目の注\n            bullets: [点]\n",
                         &err);
    assert_non_null(doc);
    const block *part = child(doc->root, 0);
    assert_true(part->keep_together);
    assert_int_equal(part->n_children, 3);
    assert_int_equal(child(part, 0)->kind, BK_SECTION);
    assert_int_equal(child(part, 1)->kind, BK_NOTE);
    assert_string_equal(child(part, 2)->text, "注二");
    const block *item = child(child(part, 0), 0);
    assert_int_equal(child(item, 0)->kind, BK_BULLET);
    assert_int_equal(child(item, 1)->kind, BK_NOTE);
    assert_false(child(part, 0)->keep_together);
    doc_free(doc);
    free(err);
}

static void test_body_errors(void **state)
{
    (void)state;
    char *err;
    document *doc = load("title: t\norganization: o\nbody:\n  - page_brake: true\n  - page_break: yes please\n"
                         "  - page_break: false\n  - [a, b]\nnotes: {a: b}\nparts: [部]\n",
                         &err);
    assert_null(doc);
    assert_non_null(strstr(err, ":4:5: error: "));
    assert_non_null(strstr(err, "'page_brake'"));
    assert_non_null(strstr(err, "did you mean 'page_break'"));
    assert_non_null(strstr(err, ":5:17: error: "));
    assert_non_null(strstr(err, ":6:17: error: 'page_break' can only be true"));
    assert_non_null(strstr(err, ":7:5: error: a body entry must be a text or a mapping"));
    assert_non_null(strstr(err, ":8:8: error: 'notes' must be a text or a list of texts, not a mapping"));
    free(err);
}

static void test_letter_blocks(void **state)
{
    (void)state;
    char *err;
    document *doc = load("title: お知らせ\norganization: o\ndate: 2023-05-10\nreference: 苫商発第1号\n"
                         "addressee: 会員各位\nissuer: [苫小牧商工会議所, 会頭 山田太郎]\nbody: 本文\n"
                         "record: [日時]\nnotes: 注\nlayout: ../layouts/notice-a4.yaml\n",
                         &err);
    assert_non_null(doc);
    static const block_kind want[] = {BK_REFERENCE, BK_DATE, BK_ADDRESSEE, BK_ISSUER,
                                      BK_ISSUER,    BK_PARAGRAPH, BK_RECORD, BK_RECORD_END};
    const block *r = doc->root;
    assert_int_equal(r->n_children, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < r->n_children; i++)
        assert_int_equal(child(r, i)->kind, want[i]);
    assert_string_equal(child(r, 1)->text, "2023-05-10");
    assert_string_equal(child(r, 4)->text, "会頭 山田太郎");
    const block *rec = child(r, 6);
    assert_int_equal(rec->n_children, 2);
    assert_string_equal(child(rec, 0)->text, "日時");
    assert_int_equal(child(rec, 1)->kind, BK_NOTE);
    /* the layout is relative to the content file's folder (/tmp) */
    assert_string_equal(doc->layout, "/tmp/../layouts/notice-a4.yaml");
    doc_free(doc);
    free(err);
    /* a plan's date stays metadata: no block */
    doc = load("title: t\norganization: o\ndate: 2023-04-01\nparts: [部]\n", &err);
    assert_non_null(doc);
    assert_int_equal(doc->root->n_children, 1);
    doc_free(doc);
    free(err);
}

/* The pages the first line of each block whose text is `text` landed on. */
static size_t page_of(const pipeline *p, const char *text)
{
    for (size_t i = 0; i < p->pages.n_blocks; i++) {
        const block *b = p->pages.blocks[i].block;
        if (b && b->text && strcmp(b->text, text) == 0)
            return p->pages.blocks[i].first_page;
    }
    fail_msg("no block '%s' on any page", text);
    return 0;
}

static void typeset(pipeline *p, const char *yaml)
{
    char *path = write_temp_file(yaml);
    assert_non_null(path);
    diag_list dl;
    diag_init(&dl);
    memset(p, 0, sizeof *p);
    bool ok = pipeline_load(p, path, "layouts/booklet-a4.yaml", &dl) && pipeline_typeset(p, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    unlink(path);
    free(path);
    assert_true(ok);
}

static void test_page_break_paginates(void **state)
{
    (void)state;
    pipeline p;
    typeset(&p, "title: t\norganization: o\nbody: [前, {page_break: true}, 後, {page_break: true}]\n"
                "parts: [{title: 部, body: [部の本文, {page_break: true}, 改ページ後]}]\n");
    size_t before = page_of(&p, "前"), after = page_of(&p, "後");
    assert_int_equal(after, before + 1);
    assert_int_equal(page_of(&p, "改ページ後"), page_of(&p, "部の本文") + 1);
    pipeline_free(&p);
}

/* A section of 8 items kept together after a body that leaves fewer than
 * its lines on the first page moves whole to the next; without the key
 * its first items stay behind. */
static void test_keep_together_moves_block(void **state)
{
    (void)state;
    char yaml[8192];
    for (int keep = 0; keep < 2; keep++) {
        int n = snprintf(yaml, sizeof yaml, "title: t\norganization: o\nparts:\n  - title: 部\n    body:\n");
        for (int i = 0; i < 24; i++)
            n += snprintf(yaml + n, sizeof yaml - (size_t)n, "      - 段落%d\n", i);
        n += snprintf(yaml + n, sizeof yaml - (size_t)n, "    sections:\n      - title: 節\n%s        items:\n",
                      keep ? "        keep_together: true\n" : "");
        for (int i = 0; i < 8; i++)
            n += snprintf(yaml + n, sizeof yaml - (size_t)n, "          - 項目%d\n", i);
        pipeline p;
        typeset(&p, yaml);
        size_t first = page_of(&p, "項目0"), last = page_of(&p, "項目7");
        if (keep) {
            assert_int_equal(first, last);
            assert_int_equal(page_of(&p, "節"), first);
            assert_true(page_of(&p, "段落23") < first);
        } else {
            assert_true(first < last);
        }
        pipeline_free(&p);
    }
}

/* A kept block taller than a page breaks as usual (and terminates). */
static void test_keep_together_too_tall(void **state)
{
    (void)state;
    char yaml[16384];
    int n = snprintf(yaml, sizeof yaml,
                     "title: t\norganization: o\nparts:\n  - title: 部\n    keep_together: true\n    body:\n");
    for (int i = 0; i < 120; i++)
        n += snprintf(yaml + n, sizeof yaml - (size_t)n, "      - 段落%d\n", i);
    pipeline p;
    typeset(&p, yaml);
    assert_true(page_of(&p, "段落119") > page_of(&p, "段落0"));
    pipeline_free(&p);
}

/* Every item's text starts at one x, after the end of the widest label
 * (第十一 is three characters, (ア) three half- and full-width ones). */
static void check_box_holds_widest(num_style numbering, const char *format)
{
    char yaml[4096];
    int n = snprintf(yaml, sizeof yaml, "title: t\norganization: o\nparts:\n  - title: 部\n    sections:\n"
                                        "      - title: 節\n        items:\n");
    for (int i = 1; i <= 11; i++)
        n += snprintf(yaml + n, sizeof yaml - (size_t)n, "          - 項目の本文%d\n", i);
    char *path = write_temp_file(yaml);
    diag_list dl;
    diag_init(&dl);
    pipeline p;
    memset(&p, 0, sizeof p);
    assert_true(pipeline_load(&p, path, "layouts/booklet-a4.yaml", &dl));
    block_style *st = &p.lay->styles[BK_ITEM];
    st->numbering = numbering;
    free(st->number_format);
    st->number_format = strdup(format);
    bool ok = pipeline_typeset(&p, &dl);
    diag_print(&dl, stderr);
    assert_true(ok);
    float text_x = -1, widest_end = 0;
    for (size_t i = 0; i < p.fl.n_glyphs; i++) {
        const pg_glyph *g = &p.fl.glyphs[i];
        if (!g->origin.block || g->origin.block->kind != BK_ITEM)
            continue;
        if (g->origin.role == PG_ROLE_LABEL && g->x + g->width > widest_end)
            widest_end = g->x + g->width;
        bool first_text = g->origin.role == PG_ROLE_TEXT && i > 0 && p.fl.glyphs[i - 1].origin.role == PG_ROLE_LABEL;
        if (first_text && text_x < 0)
            text_x = g->x;
        else if (first_text)
            assert_float_equal(g->x, text_x, 0.01);
    }
    assert_true(text_x > 0);
    assert_true(text_x >= widest_end - 0.01f);
    pipeline_free(&p);
    diag_free(&dl);
    unlink(path);
    free(path);
}

static void test_marker_box_widens_for_kohyobun(void **state)
{
    (void)state;
    check_box_holds_widest(NUM_KANJI, "第{n}");
    check_box_holds_widest(NUM_KATAKANA, "({n})");
    check_box_holds_widest(NUM_KATAKANA, "（{n}）");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_body_order_and_kinds),
        cmocka_unit_test(test_notes_last_and_keep_together),
        cmocka_unit_test(test_body_errors),
        cmocka_unit_test(test_letter_blocks),
        cmocka_unit_test(test_page_break_paginates),
        cmocka_unit_test(test_keep_together_moves_block),
        cmocka_unit_test(test_keep_together_too_tall),
        cmocka_unit_test(test_marker_box_widens_for_kohyobun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
