/* test_table.c — tables: which cells are numbers, how the measure is
 * shared among columns, a row checked against the columns (a located
 * error), cells wrapped by the JLREQ breaker inside their column, numbers
 * flush right, rows never split, the header row repeated (as furniture)
 * on a continuation page and never left alone at a page's foot. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "linebreak.h"
#include "paginate.h"
#include "pipeline.h"
#include "table_layout.h"
#include "table_load.h"
#include "utf8.h"
#include "test_util.h"
#include "vec.h"
#include "ytree.h"

/* ---- numbers ---------------------------------------------------------------- */

static void test_numbers(void **state)
{
    (void)state;
    const char *yes[] = {"1,234", "56", "△12", "▲3", "-5", "12.5%", "１２，３４５", "1,000千円", "2023年",
                         "¥500", "30人", " 7 ", "－", "0.5倍", NULL};
    const char *no[] = {"令和4年度", "4月1日", "第3回", "正会員", "", "1,2,", "12 34", "3か月以上", "1,,2",
                        "A1", "１日～３日", NULL};
    for (int i = 0; yes[i]; i++)
        if (!table_is_number(yes[i]))
            fail_msg("'%s' should be a number", yes[i]);
    for (int i = 0; no[i]; i++)
        if (table_is_number(no[i]))
            fail_msg("'%s' should not be a number", no[i]);
}

/* ---- column widths ------------------------------------------------------------- */

static void test_widths_natural_fit(void **state)
{
    (void)state;
    table_col c[3] = {{20, 40, 0}, {10, 30, 0}, {5, 10, 0}};
    float w[3];
    /* they fit at their natural widths: a table of natural width */
    assert_float_equal(table_column_widths(c, 3, 200, false, w), 80, 0.01);
    assert_float_equal(w[0], 40, 0.01);
    assert_float_equal(w[2], 10, 0.01);
    /* filling the measure stretches them in proportion */
    assert_float_equal(table_column_widths(c, 3, 160, true, w), 160, 0.01);
    assert_float_equal(w[0], 80, 0.01);
    assert_float_equal(w[1], 60, 0.01);
}

static void test_widths_numbers_stay_narrow(void **state)
{
    (void)state;
    /* a long text column (least 30, natural 300) and a number column (30/30) */
    table_col c[2] = {{30, 300, 0}, {30, 30, 0}};
    float w[2];
    assert_float_equal(table_column_widths(c, 2, 150, true, w), 150, 0.01);
    assert_float_equal(w[1], 30, 0.01);   /* the numbers keep their width */
    assert_float_equal(w[0], 120, 0.01);  /* the text takes the rest and wraps */
}

static void test_widths_fixed_and_too_narrow(void **state)
{
    (void)state;
    table_col c[3] = {{10, 20, 50}, {40, 80, 0}, {40, 40, 0}};
    float w[3];
    table_column_widths(c, 3, 150, true, w);
    assert_float_equal(w[0], 50, 0.01);            /* given by the content */
    assert_float_equal(w[1] + w[2], 100, 0.01);    /* the rest shared */
    assert_true(w[1] >= 40 && w[2] >= 40);         /* never below the least */
    /* the fixed column gives room back to the others' least widths */
    table_column_widths(c, 3, 100, true, w);
    assert_float_equal(w[0], 20, 0.01);
    assert_float_equal(w[1], 40, 0.01);
    assert_float_equal(w[2], 40, 0.01);
    /* not even the least widths fit: shared in proportion to them */
    table_column_widths(c, 3, 90, true, w);
    assert_float_equal(w[0], 10, 0.01);
    assert_float_equal(w[1], 40, 0.01);
    assert_float_equal(w[2], 40, 0.01);
    table_column_widths(c, 3, 70, true, w);
    assert_float_equal(w[0], 10, 0.01);
    assert_float_equal(w[1], 30, 0.01);
    assert_float_equal(w[2], 30, 0.01);
}

static void test_parse_width(void **state)
{
    (void)state;
    float v;
    assert_true(table_parse_width("8em", &v) && v == 8);
    assert_true(table_parse_width("6.5", &v) && v == 6.5f);
    assert_true(table_parse_width("25%", &v) && v == -25);
    assert_false(table_parse_width("8pt", &v));
    assert_false(table_parse_width("150%", &v));
    assert_false(table_parse_width("-3em", &v));
}

/* ---- loading ------------------------------------------------------------------------ */

static block *load(const char *yaml, diag_list *dl)
{
    ytree *t = ytree_load_buffer("t.yaml", yaml, strlen(yaml), NULL, dl);
    assert_non_null(t);
    static document *doc;
    doc_free(doc);
    doc = doc_new("t.yaml");
    block *b = table_load(doc->root, t->root, doc->path, dl);
    ytree_free(t);
    return b;
}

static void test_load_shape(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    block *t = load("caption: 表1 会員数\ncolumns: [区分, {title: 人数, width: 20%}]\n"
                    "rows:\n  - [正会員, \"1,234\"]\n  - [\"\", \"5\"]\n",
                    &dl);
    assert_int_equal(dl.errors, 0);
    assert_string_equal(t->text, "表1 会員数");
    assert_int_equal(t->n_cols, 2);
    assert_float_equal(t->col_width[0], 0, 0);
    assert_float_equal(t->col_width[1], -20, 0);
    assert_int_equal(t->n_children, 3);
    assert_int_equal(t->children[0]->kind, BK_TABLE_HEAD);
    assert_int_equal(t->children[2]->kind, BK_TABLE_ROW);
    assert_int_equal(t->children[2]->ordinal, 2);
    assert_string_equal(t->children[1]->children[1]->text, "1,234");
    assert_string_equal(t->children[2]->children[0]->text, "");   /* an empty cell */
    assert_int_equal(t->children[2]->children[1]->loc.line, 5);
    diag_free(&dl);
}

static void test_load_row_count_error(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    load("columns: [a, b, c]\nrows:\n  - [1, 2, 3]\n  - [1, 2]\n", &dl);
    assert_int_equal(dl.errors, 1);
    assert_int_equal(dl.items[0].line, 4);
    assert_int_equal(dl.items[0].col, 5);
    assert_non_null(strstr(dl.items[0].message, "row 2"));
    assert_non_null(strstr(dl.items[0].message, "2 cells"));
    assert_non_null(strstr(dl.items[0].message, "3 columns"));
    diag_free(&dl);
}

/* ---- composing and paginating ------------------------------------------------------ */

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

/* A section whose body is one table of n rows, each with a long text
 * cell and a number. */
static char *table_yaml(int n)
{
    size_t cap = 1024 + (size_t)n * 256;
    char *y = malloc(cap);
    int len = snprintf(y, cap, "title: t\norganization: o\nparts:\n  - title: 部\n    sections:\n"
                               "      - title: 節\n        body:\n          - table:\n"
                               "              caption: 表1　テスト\n"
                               "              columns: [区分, 内容, 金額]\n              rows:\n");
    for (int i = 1; i <= n; i++)
        len += snprintf(y + len, cap - (size_t)len,
                        "                - [項目%d, 「かぎかっこ」や句読点。を含む、長い説明文の行%d、が折り返される。列の幅より長いので、必ず二行以上になる「説明」。, "
                        "\"%d,%03d\"]\n",
                        i, i, i * 7, i % 1000);
    return y;
}

/* The text of the n-th line of glyphs below y_top on page pg, which must
 * all be furniture (a repeat: no block). */
static char *line_text(const pg_page *pg, float y_top, int n)
{
    float ys[64];
    int ny = 0;
    for (size_t i = 0; i < pg->n_glyphs; i++) {
        float y = pg->glyphs[i].y;
        bool seen = false;
        for (int k = 0; k < ny; k++)
            seen |= fabsf(ys[k] - y) < 0.01f;
        if (!seen && y < y_top && ny < 64)
            ys[ny++] = y;
    }
    for (int a = 0; a < ny; a++)   /* top down */
        for (int b = a + 1; b < ny; b++)
            if (ys[b] > ys[a]) {
                float t = ys[a];
                ys[a] = ys[b];
                ys[b] = t;
            }
    char *out = calloc(1, pg->n_glyphs * 4 + 1);
    size_t len = 0;
    for (size_t i = 0; n < ny && i < pg->n_glyphs; i++)
        if (fabsf(pg->glyphs[i].y - ys[n]) < 0.01f) {
            assert_null(pg->glyphs[i].origin.block);
            len += utf8_encode(pg->glyphs[i].cp, out + len);
        }
    return out;
}

static const block *find_table(const block *b)
{
    if (b->kind == BK_TABLE)
        return b;
    for (size_t i = 0; i < b->n_children; i++) {
        const block *t = find_table(b->children[i]);
        if (t)
            return t;
    }
    return NULL;
}

/* Cell glyphs stay inside their column; no line of a cell starts with a
 * character kinsoku forbids there; numbers share their right edge. */
static void test_cells_wrap_inside_columns(void **state)
{
    (void)state;
    pipeline p;
    char *y = table_yaml(6);
    typeset_yaml(&p, y);
    free(y);
    const block *t = find_table(p.doc->root);
    assert_non_null(t);
    const flow *f = &p.fl;
    float right = -1;
    size_t wrapped = 0;
    for (size_t i = 0; i < f->n_items; i++) {
        const flow_item *it = &f->items[i];
        if (!it->source || it->source->kind != BK_TABLE_ROW)
            continue;
        /* the column rules of the row: x of each column boundary */
        float xs[8];
        size_t nx = 0;
        for (size_t s = it->shape_first; s < it->shape_first + it->shape_count && nx < 8; s++)
            if (f->shapes[s].kind == PG_LINE && f->shapes[s].x0 == f->shapes[s].x1)
                xs[nx++] = f->shapes[s].x0;
        assert_int_equal(nx, 4);   /* frame sides, two column rules */
        float lo = fminf(xs[0], xs[1]), hi = fmaxf(xs[0], xs[1]);
        float bounds[4] = {lo, xs[2], xs[3], hi};
        float last_y = -1;
        float prev_x = 1e9f;
        for (size_t g = it->glyph_first; g < it->glyph_first + it->glyph_count; g++) {
            const pg_glyph *gl = &f->glyphs[g];
            const block *cell = gl->origin.block;
            size_t col = 0;
            while (col < 3 && it->source->children[col] != cell)
                col++;
            assert_true(col < 3);
            assert_true(gl->x >= bounds[col] - 0.01f);
            assert_true(gl->x + gl->width <= bounds[col + 1] + 0.01f);
            bool line_start = gl->y != last_y || gl->x < prev_x;
            if (line_start && g > it->glyph_first && col == 1 && gl->y != last_y) {
                wrapped++;
                assert_false(lb_no_line_start(gl->cp, p.lay->rules.kinsoku));
            }
            last_y = gl->y;
            prev_x = gl->x;
            if (col == 2 && (g + 1 == it->glyph_first + it->glyph_count)) {
                float r = gl->x + gl->width;
                if (right < 0)
                    right = r;
                assert_float_equal(r, right, 0.01);   /* flush right, all rows alike */
            }
        }
    }
    assert_true(wrapped > 0);   /* the long cells did wrap */
    pipeline_free(&p);
}

/* A long table crosses pages: each continuation page opens with the
 * caption and （続き） (the booklet's continued), then the header again, as
 * furniture; every row is whole on one page. */
static void test_header_repeated_rows_whole(void **state)
{
    (void)state;
    pipeline p;
    char *y = table_yaml(40);
    typeset_yaml(&p, y);
    free(y);
    assert_true(p.pages.n_pages >= 3);
    const block *t = find_table(p.doc->root);
    const block *head = t->children[0];
    for (size_t pg = 1; pg < p.pages.n_pages; pg++) {
        const pg_page *page = &p.pages.pages[pg];
        /* the type area's first two lines: 表1　テスト（続き）, then the header's 区分 … */
        char *first = line_text(page, p.lay->derived.area_top, 0);
        char *second = line_text(page, p.lay->derived.area_top, 1);
        const char *want_second = "区分内容金額";
        if (strcmp(first, "表1　テスト（続き）") != 0 || strcmp(second, want_second) != 0)
            fail_msg("page %zu opens with '%s' / '%s'", pg + 1, first, second);
        free(first);
        free(second);
        /* the page before is closed by the frame under its last row */
        const pg_page *before = &p.pages.pages[pg - 1];
        const pg_shape *lowest = NULL;
        for (size_t i = 0; i < before->n_shapes; i++) {
            const pg_shape *sh = &before->shapes[i];
            bool lower = lowest && sh->y0 < lowest->y0 - 0.01f;
            bool level_wider = lowest && fabsf(sh->y0 - lowest->y0) <= 0.01f && sh->line_width > lowest->line_width;
            if (sh->kind == PG_LINE && sh->y0 == sh->y1 && (!lowest || lower || level_wider))
                lowest = sh;
        }
        assert_non_null(lowest);
        assert_float_equal(lowest->line_width, p.lay->table.frame_width_pt, 0.001);
        /* the header block itself is on the first page only */
        const pg_block_pages *hp = pg_block_pages_of(&p.pages, head);
        assert_int_equal(hp->first_page, hp->last_page);
    }
    for (size_t r = 1; r < t->n_children; r++) {
        const pg_block_pages *rp = pg_block_pages_of(&p.pages, t->children[r]);
        assert_non_null(rp);
        assert_int_equal(rp->first_page, rp->last_page);   /* never split inside a row */
    }
    pipeline_free(&p);
}

/* Synthetic flow: fillers, then a header and rows (each row one glyph). */
static void synthetic(flow *f, int fillers, int rows, float row_lines)
{
    memset(f, 0, sizeof *f);
    static block blocks[64];
    for (int i = 0; i < fillers + 1 + rows; i++) {
        bool head = i == fillers, row = i > fillers;
        blocks[i] = (block){.kind = head ? BK_TABLE_HEAD : row ? BK_TABLE_ROW : BK_PARAGRAPH};
        pg_glyph g = {.cp = head ? 'H' : row ? 'R' : 'F', .origin = {&blocks[i], PG_ROLE_TEXT}};
        VEC_PUSH(f->glyphs, f->n_glyphs, f->cap_glyphs, g);
        flow_item it = {.kind = FLOW_LINE, .lines = row ? row_lines : 1, .glyph_first = f->n_glyphs - 1,
                        .glyph_count = 1, .para = -1, .mark_level = -1, .source = &blocks[i],
                        .keep_with_next = head, .repeat_item = row ? (size_t)fillers + 1 : 0,
                        .repeat_count = row ? 1 : 0};
        VEC_PUSH(f->items, f->n_items, f->cap_items, it);
    }
}

static void paginate_flow(const flow *f, pg_doc *out, const layout *lay)
{
    diag_list dl;
    diag_init(&dl);
    pg_doc_init(out, 100, 100);
    assert_true(paginate(f, lay, out, &dl));
    diag_free(&dl);
}

static void test_header_never_alone(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    layout *lay = layout_load("layouts/booklet-a4.yaml", &dl);
    assert_non_null(lay);
    int cap = lay->page.lines_per_page;
    flow f;
    /* room for the header only after the fillers: it goes to the next page with its row */
    synthetic(&f, cap - 1, 3, 2);
    pg_doc d;
    paginate_flow(&f, &d, lay);
    assert_int_equal(d.n_pages, 2);
    assert_int_equal(d.pages[0].glyphs[d.pages[0].n_glyphs - 1].cp, 'F');
    assert_int_equal(d.pages[1].glyphs[0].cp, 'H');
    assert_int_equal(d.pages[1].glyphs[0].origin.role, PG_ROLE_TEXT);   /* the header itself, not a copy */
    pg_doc_free(&d);
    free(f.items);
    free(f.glyphs);
    /* rows of 2 lines from 2 lines before the foot: the third row starts
     * page 2 under a copy of the header */
    synthetic(&f, cap - 6, 4, 2);
    paginate_flow(&f, &d, lay);
    assert_int_equal(d.n_pages, 2);
    assert_int_equal(d.pages[1].n_glyphs, 3);
    assert_int_equal(d.pages[1].glyphs[0].cp, 'H');
    assert_int_equal(d.pages[1].glyphs[0].origin.role, PG_ROLE_ARTIFACT);
    assert_int_equal(d.pages[1].glyphs[1].cp, 'R');
    assert_true(d.pages[1].glyphs[0].y > d.pages[1].glyphs[1].y);
    pg_doc_free(&d);
    free(f.items);
    free(f.glyphs);
    layout_free(lay);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_widths_natural_fit),
        cmocka_unit_test(test_widths_numbers_stay_narrow),
        cmocka_unit_test(test_widths_fixed_and_too_narrow),
        cmocka_unit_test(test_parse_width),
        cmocka_unit_test(test_load_shape),
        cmocka_unit_test(test_load_row_count_error),
        cmocka_unit_test(test_cells_wrap_inside_columns),
        cmocka_unit_test(test_header_repeated_rows_whole),
        cmocka_unit_test(test_header_never_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
