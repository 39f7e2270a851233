/* test_origins.c — what the pages say about where their content comes
 * from: the block → page map pagination returns (the plan's parts on the
 * pages a reader finds them on, kept right by imposition's padding), and
 * the origin of every glyph and shape (furniture is an artifact, labels,
 * (新) marks and text are the block's, change bars in the outer margin,
 * a changed title marked on its page, which has no running head). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "block_label.h"
#include "change_marks.h"
#include "compare.h"
#include "impose.h"
#include "paginate.h"
#include "pipeline.h"
#include "sbuf.h"
#include "test_util.h"
#include "utf8.h"

#define PLAN "content/plan-2023.yaml"
#define BOOKLET "layouts/booklet-a4.yaml"

static void load(pipeline *p, const char *content)
{
    diag_list dl;
    diag_init(&dl);
    memset(p, 0, sizeof *p);
    bool ok = pipeline_load(p, content, BOOKLET, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    assert_true(ok);
}

static void typeset_plan(pipeline *p)
{
    load(p, PLAN);
    diag_list dl;
    diag_init(&dl);
    bool ok = pipeline_typeset(p, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    assert_true(ok);
}

/* A heap copy of text's code points; *n gets their count. */
static uint32_t *code_points(const char *text, size_t *n)
{
    size_t len = strlen(text);
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    assert_non_null(cps);
    *n = 0;
    uint32_t cp;
    for (size_t at = 0; at < len;) {
        assert_true(utf8_decode(text, len, &at, &cp));
        cps[(*n)++] = cp;
    }
    return cps;
}

/* Whether the glyphs of block b in role r, over all pages in order, spell text. */
static bool glyphs_spell(const pg_doc *d, const block *b, pg_role r, const char *text)
{
    size_t n, k = 0;
    uint32_t *want = code_points(text, &n);
    bool ok = true;
    for (size_t p = 0; p < d->n_pages && ok; p++)
        for (size_t i = 0; i < d->pages[p].n_glyphs && ok; i++) {
            const pg_glyph *g = &d->pages[p].glyphs[i];
            if (g->origin.block == b && g->origin.role == r)
                ok = k < n && g->cp == want[k++];
        }
    free(want);
    return ok && k == n;
}

/* ---- the block → page map ------------------------------------------------------ */

/* The five parts begin on pages 1, 3, 5, 8 and 13 of the 13 (what the
 * reading PDF's bookmarks and running heads show). */
static void test_part_headings_on_their_pages(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    assert_int_equal(p.pages.n_pages, 13);
    static const size_t expected[] = {1, 3, 5, 8, 13};
    size_t parts = 0;
    for (size_t i = 0; i < p.doc->root->n_children; i++) {
        const block *b = p.doc->root->children[i];
        if (b->kind != BK_PART)
            continue;
        assert_true(parts < sizeof expected / sizeof expected[0]);
        const pg_block_pages *bp = pg_block_pages_of(&p.pages, b);
        assert_non_null(bp);
        assert_int_equal(bp->first_page + 1, expected[parts]);
        assert_int_equal(bp->last_page, bp->first_page);
        /* and the page says so: its bookmark and running head are this part's */
        const pg_page *pg = &p.pages.pages[bp->first_page];
        assert_true(pg->n_marks > 0);
        assert_non_null(strstr(pg->marks[0].title, b->text));
        assert_non_null(strstr(pg->running_head, b->text));
        parts++;
    }
    assert_int_equal(parts, 5);
    pipeline_free(&p);
}

/* Every block with text is in the map, in reading order, and its glyphs
 * are on exactly the pages the map gives: on the first and the last, on
 * none outside. */
static void test_map_matches_the_glyphs(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    const pg_doc *d = &p.pages;
    assert_true(d->n_blocks > 100);
    for (size_t i = 0; i < d->n_blocks; i++) {
        const pg_block_pages *bp = &d->blocks[i];
        assert_true(bp->first_page <= bp->last_page && bp->last_page < d->n_pages);
        if (i > 0)
            assert_true(d->blocks[i - 1].first_page <= bp->first_page);
        const pg_block_pages *found = pg_block_pages_of(d, bp->block);
        assert_non_null(found);
        assert_ptr_equal(found->block, bp->block);
        assert_int_equal(found->first_page, bp->first_page);
        assert_int_equal(found->last_page, bp->last_page);
        bool on_first = false, on_last = false;
        for (size_t pg = 0; pg < d->n_pages; pg++)
            for (size_t g = 0; g < d->pages[pg].n_glyphs; g++) {
                if (d->pages[pg].glyphs[g].origin.block != bp->block)
                    continue;
                assert_true(pg >= bp->first_page && pg <= bp->last_page);
                on_first |= pg == bp->first_page;
                on_last |= pg == bp->last_page;
            }
        assert_true(on_first && on_last);
    }
    block outside = {0};
    assert_null(pg_block_pages_of(d, &outside));
    pipeline_free(&p);
}

/* A preface longer than a page runs over at least two. */
static void test_map_of_a_split_paragraph(void **state)
{
    (void)state;
    const char *unit = "中小企業の人手不足解消に資するためのデジタル化による生産性向上の取組支援";
    size_t cap = 60 * strlen(unit) + 256;
    char *yaml = malloc(cap);
    assert_non_null(yaml);
    int len = snprintf(yaml, cap, "title: t\norganization: o\npreface: ");
    for (int i = 0; i < 60; i++)
        len += snprintf(yaml + len, cap - (size_t)len, "%s", unit);
    snprintf(yaml + len, cap - (size_t)len, "\nparts:\n  - title: 部\n");
    char *path = write_temp_file(yaml);
    free(yaml);
    assert_non_null(path);
    pipeline p;
    load(&p, path);
    diag_list dl;
    diag_init(&dl);
    assert_true(pipeline_typeset(&p, &dl));
    diag_free(&dl);
    const block *preface = NULL;
    for (size_t i = 0; i < p.doc->root->n_children; i++)
        if (p.doc->root->children[i]->kind == BK_PARAGRAPH)
            preface = p.doc->root->children[i];
    assert_non_null(preface);
    const pg_block_pages *bp = pg_block_pages_of(&p.pages, preface);
    assert_non_null(bp);
    assert_true(bp->last_page > bp->first_page);
    assert_true(glyphs_spell(&p.pages, preface, PG_ROLE_TEXT, preface->text));
    pipeline_free(&p);
    unlink(path);
    free(path);
}

/* Saddle padding moves the back cover from page 13 to 16: the last part
 * moves with it. */
static void test_map_follows_padding(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    pg_doc padded;
    pg_doc_init(&padded, p.pages.width, p.pages.height);
    diag_list dl;
    diag_init(&dl);
    assert_true(paginate(&p.fl, p.lay, &padded, &dl));
    impose_pad_pages(&padded, IMPOSE_SADDLE, PAD_BEFORE_LAST);
    diag_free(&dl);
    assert_int_equal(padded.n_pages, 16);
    const block *last_part = p.doc->root->children[p.doc->root->n_children - 1];
    assert_int_equal(last_part->kind, BK_PART);
    const pg_block_pages *bp = pg_block_pages_of(&padded, last_part);
    assert_non_null(bp);
    assert_int_equal(bp->first_page, 15);
    for (size_t i = 0; i < padded.pages[15].n_glyphs; i++)
        assert_true(padded.pages[15].glyphs[i].origin.block != NULL);
    assert_int_equal(padded.pages[12].n_glyphs, 0);
    pg_doc_free(&padded);
    pipeline_free(&p);
}

/* Pagination that gives the flow's glyph memory back as it goes makes the
 * same pages as plain pagination: it never releases a glyph before it is
 * placed, nor one a later page repeats (released memory reads as zeros,
 * so the pages would differ). */
static void expect_releasing_alike(pipeline *p)
{
    pg_doc plain, released;
    pg_doc_init(&plain, p->pages.width, p->pages.height);
    pg_doc_init(&released, p->pages.width, p->pages.height);
    diag_list dl;
    diag_init(&dl);
    assert_true(paginate(&p->fl, p->lay, &plain, &dl));
    assert_int_equal(p->fl.released_bytes, 0);
    assert_true(paginate_releasing(&p->fl, p->lay, &released, &dl));
    diag_free(&dl);
    assert_true(p->fl.released_bytes > 0);   /* the flow is long enough to give some back */
    assert_int_equal(released.n_pages, plain.n_pages);
    for (size_t i = 0; i < plain.n_pages; i++) {
        const pg_page *a = &plain.pages[i], *b = &released.pages[i];
        assert_int_equal(b->n_glyphs, a->n_glyphs);
        for (size_t g = 0; g < a->n_glyphs; g++) {
            assert_int_equal(b->glyphs[g].cp, a->glyphs[g].cp);
            assert_int_equal(b->glyphs[g].font, a->glyphs[g].font);
            assert_true(b->glyphs[g].x == a->glyphs[g].x && b->glyphs[g].y == a->glyphs[g].y);
            assert_ptr_equal(b->glyphs[g].origin.block, a->glyphs[g].origin.block);
        }
    }
    pg_doc_free(&plain);
    pg_doc_free(&released);
    pipeline_free(p);   /* a released flow may only be freed */
}

static void test_releasing_paginates_alike(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    expect_releasing_alike(&p);
}

/* A table of 1,500 rows over dozens of pages, its header repeated on
 * each: the header's glyphs stay until the last page that repeats them. */
static void test_releasing_keeps_repeated_headers(void **state)
{
    (void)state;
    sbuf y = {0};
    sbuf_puts(&y, "title: 表\norganization: 団体\nparts:\n  - title: 部\n    sections:\n"
                  "      - title: 節\n        body:\n          - ");
    /* a long paragraph first, so the header's glyphs lie past the flow's
     * first memory pages, in what is given back */
    for (int i = 0; i < 200; i++)
        sbuf_puts(&y, "会員の状況を業種別に示す。");
    sbuf_puts(&y, "\n          - table:\n              columns: [区分, 内容, 令和4年度]\n              rows:\n");
    for (int i = 0; i < 1500; i++)
        sbuf_printf(&y, "                - [区分%d, 小売業・卸売業の会員, \"%d\"]\n", i, i);
    char *path = write_temp_file(sbuf_str(&y));
    sbuf_free(&y);
    assert_non_null(path);
    pipeline p;
    load(&p, path);
    diag_list dl;
    diag_init(&dl);
    bool ok = pipeline_typeset(&p, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    assert_true(ok);
    assert_true(p.pages.n_pages > 20);
    expect_releasing_alike(&p);
    unlink(path);
    free(path);
}

/* ---- origins -------------------------------------------------------------------- */

/* Whatever is drawn outside the type area is furniture, and all furniture
 * is outside: the running head and its rule above, the footer below. */
static void test_furniture_is_artifact(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    const layout *lay = p.lay;
    float bottom = lay->derived.area_top - lay->derived.area_height;
    size_t heads = 0, feet = 0;
    for (size_t pg = 0; pg < p.pages.n_pages; pg++) {
        const pg_page *page = &p.pages.pages[pg];
        for (size_t i = 0; i < page->n_glyphs; i++) {
            const pg_glyph *g = &page->glyphs[i];
            bool outside = g->y > lay->derived.area_top || g->y < bottom;
            assert_int_equal(g->origin.role == PG_ROLE_ARTIFACT, outside);
            assert_int_equal(g->origin.block == NULL, outside);
            heads += g->y > lay->derived.area_top;
            feet += g->y < bottom;
        }
        for (size_t i = 0; i < page->n_shapes; i++) {
            const pg_shape *s = &page->shapes[i];
            if (s->origin.role == PG_ROLE_ARTIFACT)
                assert_true(s->y0 > lay->derived.area_top && s->origin.block == NULL);
            else
                assert_int_equal(s->origin.role, PG_ROLE_DECORATION);
        }
    }
    assert_true(heads > 13 * 4);   /* a part title on every page */
    assert_true(feet >= 13 * 6);   /* "1 / 13" … */
    pipeline_free(&p);
}

typedef struct spell_ctx {
    const pipeline *p;
    size_t labelled, marked;
} spell_ctx;

static bool check_block(const block *b, void *ctx)
{
    spell_ctx *sc = ctx;
    const pg_doc *d = &sc->p->pages;
    if (b->kind == BK_DOCUMENT)
        return true;
    char *label = block_label(b, sc->p->lay);
    assert_non_null(label);
    assert_true(glyphs_spell(d, b, PG_ROLE_LABEL, label));
    sc->labelled += label[0] != '\0';
    free(label);
    assert_true(glyphs_spell(d, b, PG_ROLE_NEW_MARK, b->is_new ? sc->p->lay->new_mark_text : ""));
    sc->marked += b->is_new;
    return true;
}

/* The label glyphs of every block spell its label (Ⅰ．, ⑴, ①, ・ …), its
 * (新) glyphs the mark, and nothing else has those roles. */
static void test_labels_and_new_marks(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    spell_ctx sc = {.p = &p};
    doc_walk(p.doc->root, check_block, &sc);
    assert_true(sc.labelled > 100);
    assert_true(sc.marked > 0);
    /* the title page's two lines are the document's text */
    assert_true(glyphs_spell(&p.pages, p.doc->root, PG_ROLE_LABEL, ""));
    pipeline_free(&p);
}

/* A part's heading: its number is LABEL, its title TEXT, its band DECORATION. */
static void test_heading_roles(void **state)
{
    (void)state;
    pipeline p;
    typeset_plan(&p);
    const block *part = NULL;
    for (size_t i = 0; !part && i < p.doc->root->n_children; i++)
        if (p.doc->root->children[i]->kind == BK_PART)
            part = p.doc->root->children[i];
    assert_non_null(part);
    assert_true(glyphs_spell(&p.pages, part, PG_ROLE_TEXT, part->text));
    const pg_page *pg = &p.pages.pages[pg_block_pages_of(&p.pages, part)->first_page];
    size_t bands = 0;
    for (size_t i = 0; i < pg->n_shapes; i++)
        bands += pg->shapes[i].origin.block == part && pg->shapes[i].origin.role == PG_ROLE_DECORATION;
    assert_int_equal(bands, 1);
    pipeline_free(&p);
}

/* build --compare: change bars are known by role and sit in the outer
 * margin (right of the type area on odd pages, left on even); every
 * underline or strike line is a change mark; the pages keep the roles
 * but no blocks (the annotated document is gone). */
static void test_compare_bars_in_outer_margin(void **state)
{
    (void)state;
    pipeline p;
    load(&p, "tests/diff/plan-30-edits/new.yaml");
    diag_list dl;
    diag_init(&dl);
    bool ok = compare_typeset(&p, "tests/diff/plan-30-edits/old.yaml", &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    assert_true(ok);
    const layout *lay = p.lay;
    float right = lay->derived.area_left + lay->derived.measure;
    size_t bars[2] = {0, 0}, marks = 0;
    for (size_t pg = 0; pg < p.pages.n_pages; pg++) {
        const pg_page *page = &p.pages.pages[pg];
        for (size_t i = 0; i < page->n_shapes; i++) {
            const pg_shape *s = &page->shapes[i];
            assert_null(s->origin.block);
            if (s->origin.role == PG_ROLE_CHANGE_BAR) {
                assert_int_equal(s->kind, PG_FILL_RECT);
                if (pg % 2 == 0)
                    assert_true(s->x0 > right);
                else
                    assert_true(s->x1 < lay->derived.area_left);
                bars[pg % 2]++;
            } else if (s->origin.role == PG_ROLE_CHANGE_MARK) {
                assert_int_equal(s->kind, PG_LINE);
                assert_true(s->color == lay->changes.insert_color || s->color == lay->changes.delete_color);
                marks++;
            } else {
                assert_true(s->origin.role == PG_ROLE_DECORATION || s->origin.role == PG_ROLE_ARTIFACT);
            }
        }
        for (size_t i = 0; i < page->n_glyphs; i++)
            assert_null(page->glyphs[i].origin.block);
    }
    assert_true(bars[0] > 0 && bars[1] > 0);
    assert_true(marks > 0);
    pipeline_free(&p);
}

/* build --compare with a changed title: the title page (after the
 * summary) marks it like edited text, with a bar beside it and "（案）"
 * underlined in the insert colour; it has no running head although part
 * Ⅰ starts on it, and the summary's first page has none either. */
static void test_compare_marks_the_title(void **state)
{
    (void)state;
    pipeline p;
    load(&p, "tests/diff/metadata/new.yaml");
    diag_list dl;
    diag_init(&dl);
    bool ok = compare_typeset(&p, "tests/diff/metadata/old.yaml", &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    assert_true(ok);
    const layout *lay = p.lay;
    const pg_page *title_page = NULL;
    for (size_t pg = 0; pg < p.pages.n_pages; pg++) {
        const pg_page *page = &p.pages.pages[pg];
        assert_true(page->holds_title == (pg <= 1));   /* the summary's and the booklet's */
        for (size_t i = 0; i < page->n_glyphs; i++)
            if (page->glyphs[i].origin.role == PG_ROLE_BYLINE)
                title_page = page;
        for (size_t i = 0; page->holds_title && i < page->n_glyphs; i++)   /* nothing above the type area */
            assert_true(page->glyphs[i].y < lay->derived.area_top);
    }
    assert_ptr_equal(title_page, &p.pages.pages[1]);
    assert_non_null(title_page->running_head);   /* part Ⅰ starts here: only the header is left out */
    size_t bars = 0, underlines = 0;
    for (size_t i = 0; i < title_page->n_shapes; i++) {
        const pg_shape *s = &title_page->shapes[i];
        bars += s->origin.role == PG_ROLE_CHANGE_BAR;
        underlines += s->origin.role == PG_ROLE_CHANGE_MARK && s->color == lay->changes.insert_color;
    }
    assert_int_equal(bars, 1);   /* the title's one line; the organisation is unchanged */
    assert_int_equal(underlines, 1);
    size_t inserted = 0;
    for (size_t i = 0; i < title_page->n_glyphs; i++)
        inserted += title_page->glyphs[i].color == lay->changes.insert_color;
    assert_int_equal(inserted, 3);   /* （案） */
    pipeline_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_part_headings_on_their_pages),
        cmocka_unit_test(test_map_matches_the_glyphs),
        cmocka_unit_test(test_map_of_a_split_paragraph),
        cmocka_unit_test(test_map_follows_padding),
        cmocka_unit_test(test_releasing_paginates_alike),
        cmocka_unit_test(test_releasing_keeps_repeated_headers),
        cmocka_unit_test(test_furniture_is_artifact),
        cmocka_unit_test(test_labels_and_new_marks),
        cmocka_unit_test(test_heading_roles),
        cmocka_unit_test(test_compare_bars_in_outer_margin),
        cmocka_unit_test(test_compare_marks_the_title),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
