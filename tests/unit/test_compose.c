/* test_compose.c — the composer with the real booklet layout and fonts:
 * wrapped lines of a listed block hang under its text, at every level;
 * numbers come from position; long lists keep numbering. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "block_label.h"
#include "content.h"
#include "pipeline.h"
#include "test_util.h"
#include "utf8.h"

static const char *long_text =
    "中小企業の人手不足解消に資するためのデジタル化による生産性向上の取組支援並びに関係機関との連携による"
    "専門家派遣事業の推進と情報提供の強化";

/* Builds content with one part/section/subsection, n items (item 2 long,
 * with a long bullet), runs the pipeline to pages. */
static void typeset(pipeline *p, int n_items, char **path_out)
{
    size_t cap = 4096 + (size_t)n_items * 64;
    char *yaml = malloc(cap);
    int len = snprintf(yaml, cap, "title: t\norganization: o\nparts:\n  - title: 部\n    sections:\n"
                                  "      - title: 節\n        subsections:\n          - title: %s\n"
                                  "            items:\n              - 短い項目\n              - text: %s\n"
                                  "                bullets: [%s]\n",
                       long_text, long_text, long_text);
    for (int i = 3; i <= n_items; i++)
        len += snprintf(yaml + len, cap - (size_t)len, "              - 項目%d\n", i);
    *path_out = write_temp_file(yaml);
    assert_non_null(*path_out);
    free(yaml);
    diag_list dl;
    diag_init(&dl);
    bool ok = pipeline_load(p, *path_out, "layouts/booklet-a4.yaml", &dl) && pipeline_typeset(p, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    assert_true(ok);
}

/* The flow lines of block b, in order. */
static size_t lines_of(const flow *f, const block *b, const flow_item **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n_items && n < max; i++)
        if (f->items[i].source == b && f->items[i].kind == FLOW_LINE)
            out[n++] = &f->items[i];
    return n;
}

static const pg_glyph *glyph(const flow *f, const flow_item *it, size_t k)
{
    return &f->glyphs[it->glyph_first + k];
}

/* Every wrapped line starts where the first line's text starts (after the
 * marker), not under the marker. */
static void check_hanging(const pipeline *p, const block *b, float expect_marker_x_em)
{
    const flow_item *lines[8];
    size_t n = lines_of(&p->fl, b, lines, 8);
    assert_true(n >= 2);
    float em = p->lay->body_size_pt;
    const pg_glyph *marker = glyph(&p->fl, lines[0], 0);
    assert_float_equal(marker->x, p->lay->derived.area_left + expect_marker_x_em * em, 0.01);
    const pg_glyph *text_start = glyph(&p->fl, lines[0], 1);
    for (size_t i = 1; i < n; i++)
        assert_float_equal(glyph(&p->fl, lines[i], 0)->x, text_start->x, 0.01);
    assert_true(text_start->x > marker->x + 0.9f * em);
}

static void test_hanging_indent_every_level(void **state)
{
    (void)state;
    pipeline p;
    char *path;
    typeset(&p, 3, &path);
    const block *sub = p.doc->root->children[0]->children[0]->children[0];
    const block *item2 = sub->children[1];
    const block *bullet = item2->children[0];
    check_hanging(&p, sub, 1.0f);      /* ⑴ at 1 em */
    check_hanging(&p, item2, 2.0f);    /* ① at 2 em */
    check_hanging(&p, bullet, 3.5f);   /* ・ under the item's text */
    pipeline_free(&p);
    unlink(path);
    free(path);
}

static void test_numbers_from_position(void **state)
{
    (void)state;
    pipeline p;
    char *path;
    typeset(&p, 60, &path);
    const block *sub = p.doc->root->children[0]->children[0]->children[0];
    char *label = block_label(sub->children[0], p.lay);
    assert_string_equal(label, "①");
    free(label);
    label = block_label(sub->children[20], p.lay);
    assert_string_equal(label, "㉑");
    free(label);
    label = block_label(sub->children[59], p.lay);
    assert_string_equal(label, "(60)");
    free(label);
    /* the printed marker of item 21 is the label */
    const flow_item *lines[2];
    assert_int_equal(lines_of(&p.fl, sub->children[20], lines, 2), 1);
    assert_int_equal(glyph(&p.fl, lines[0], 0)->cp, 0x3251);
    pipeline_free(&p);
    unlink(path);
    free(path);
}

/* Runs the pipeline on YAML text. */
static void typeset_yaml(pipeline *p, const char *yaml)
{
    char *path = write_temp_file(yaml);
    assert_non_null(path);
    diag_list dl;
    diag_init(&dl);
    bool ok = pipeline_load(p, path, "layouts/booklet-a4.yaml", &dl) && pipeline_typeset(p, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    unlink(path);
    free(path);
    assert_true(ok);
}

/* The text of the first body line of a page (glyphs sharing the first baseline). */
static char *first_line_text(const pg_page *pg)
{
    char *out = calloc(1, pg->n_glyphs * 4 + 1);
    size_t n = 0;
    for (size_t i = 0; i < pg->n_glyphs && pg->glyphs[i].y == pg->glyphs[0].y; i++)
        n += utf8_encode(pg->glyphs[i].cp, out + n);
    return out;
}

/* The first line of page pg (0-based) must be want. */
static void assert_page_opens_with(const pipeline *p, size_t pg, const char *want, int n)
{
    assert_true(pg < p->pages.n_pages);
    char *first = first_line_text(&p->pages.pages[pg]);
    if (strcmp(first, want) != 0) {
        print_error("with %d items, page %zu opens with '%s', expected '%s'\n", n, pg + 1, first, want);
        free(first);
        fail();
    }
    free(first);
}

/* Page 1 of the booklet holds 26 list lines under the title, part and
 * section headings (40 lines less the title block and headings). */
enum { PAGE1_LIST_LINES = 26 };

/* Where the break falls for every length of a list that ends
 * "…, 親項目 with its bullet 子項目, 最終項目" (n items, n + 2 lines):
 *   n + 2 <= 26   one page;
 *   n = 25        the break would leave 最終項目 alone on page 2: 親項目
 *                 and 子項目 go with it (page 2 opens with ㉕親項目);
 *   n = 26        it would part 子項目 from 親項目: both go (㉖親項目);
 *   n = 27        it falls before 親項目 anyway (㉗親項目);
 *   n >= 28       it falls after line 26: page 2 opens with ㉗項目27. */
static void test_keep_rules_at_every_page_boundary(void **state)
{
    (void)state;
    static const char *circled[] = {[25] = "㉕", [26] = "㉖", [27] = "㉗"};
    for (int n = 18; n <= 34; n++) {
        char yaml[8192];
        int len = snprintf(yaml, sizeof yaml, "title: t\norganization: o\nparts:\n  - title: 部\n    sections:\n"
                                              "      - title: 節\n        items:\n");
        for (int i = 1; i < n; i++)
            len += snprintf(yaml + len, sizeof yaml - (size_t)len, "          - 項目%d\n", i);
        snprintf(yaml + len, sizeof yaml - (size_t)len,
                 "          - text: 親項目\n            bullets: [子項目]\n          - 最終項目\n");
        pipeline p;
        typeset_yaml(&p, yaml);
        if (n + 2 <= PAGE1_LIST_LINES) {
            assert_int_equal(p.pages.n_pages, 1);
        } else {
            char want[64];
            if (n <= PAGE1_LIST_LINES + 1)
                snprintf(want, sizeof want, "%s親項目", circled[n]);
            else
                snprintf(want, sizeof want, "㉗項目27");
            assert_int_equal(p.pages.n_pages, 2);
            assert_page_opens_with(&p, 1, want, n);
        }
        pipeline_free(&p);
    }
}

/* A run of headings kept with each other that is longer than a page cannot
 * be kept together: it flows on, one full page after another, instead of
 * each heading taking a page of its own.  Page 1 holds (1)–(26) under the
 * title, part and section; pages 2–4 forty each.  From (161) on the rest
 * of the chain, forty headings, fits one page, so it takes a fresh one:
 * page 5 ends after (160). */
static void test_keep_chain_longer_than_a_page(void **state)
{
    (void)state;
    char yaml[16384];
    int len = snprintf(yaml, sizeof yaml, "title: t\norganization: o\nparts:\n  - title: 部\n    sections:\n"
                                          "      - title: 節\n        subsections:\n");
    for (int i = 1; i <= 200; i++)
        len += snprintf(yaml + len, sizeof yaml - (size_t)len, "          - 見出し%d\n", i);
    pipeline p;
    typeset_yaml(&p, yaml);
    static const int opens[] = {27, 67, 107, 147, 161};
    assert_int_equal(p.pages.n_pages, 1 + sizeof opens / sizeof *opens);
    for (size_t pg = 1; pg < p.pages.n_pages; pg++) {
        char want[64];
        snprintf(want, sizeof want, "(%d)見出し%d", opens[pg - 1], opens[pg - 1]);
        assert_page_opens_with(&p, pg, want, 200);
    }
    pipeline_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hanging_indent_every_level),
        cmocka_unit_test(test_numbers_from_position),
        cmocka_unit_test(test_keep_rules_at_every_page_boundary),
        cmocka_unit_test(test_keep_chain_longer_than_a_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
