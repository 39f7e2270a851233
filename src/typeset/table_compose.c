/* table_compose.c — a table into the flow (see table_compose.h). */
#include "table_compose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "epsilon.h"
#include "i18n.h"
#include "table_layout.h"
#include "text_run.h"
#include "vec.h"
#include "xalloc.h"

/* Precision of the search for a cell's least width, pt. */
#define LEAST_WIDTH_STEP 0.25f
/* A measure no cell reaches: the natural width is one line at it. */
#define UNBOUNDED_MEASURE 1e6f
/* Cells narrower than this (em of their type) are set ragged: justifying
 * a line of a few characters would space them out visibly. */
#define JUSTIFY_MIN_EM 15
/* A header title up to this wide (em of its type) is kept on one line
 * while the table has room; a longer one may wrap at its breaks. */
#define HEADER_KEEP_EM 8

typedef struct tcomposer {
    const table_env *env;
    const block *table;
    const table_style *ts;
    char_buf chars;
    lb_result *cells;        /* one per column, the row being set */
    size_t n_cols;
    float *width;            /* the columns' widths */
    float *col_x;            /* their left edges */
    float table_w;
    uint32_t *offsets;       /* one line's text offsets, for the decorator */
    size_t cap_offsets;
    bool failed;
} tcomposer;

static const layout *lay_of(const tcomposer *t)
{
    return t->env->lay;
}

static const block_style *cell_style(const tcomposer *t, const block *cell)
{
    return &lay_of(t)->styles[cell->parent->kind == BK_TABLE_HEAD ? BK_TABLE_HEAD : BK_TABLE_CELL];
}

static float pad_x(const tcomposer *t)
{
    return t->ts->cell_padding_em * lay_of(t)->body_size_pt;
}

/* ---- one cell's text -------------------------------------------------------- */

/* The cell's characters in t->chars (coloured by the decorator), sources
 * byte offsets in its text. */
static void cell_chars(tcomposer *t, const block *cell, const block_style *st, bool decorate)
{
    run_style rs = {.font = st->font, .size = st->size_pt, .color = st->color, .markup = true,
                    .emphasis_font = lay_of(t)->emphasis_font};
    t->chars.n = 0;
    /* measuring sets every cell once more: only the setting reports */
    diag_list quiet;
    diag_init(&quiet);
    if (!run_append(&t->chars, cell->text, &rs, t->env->fs, lay_of(t), cell->text_loc,
                    decorate ? t->env->dl : &quiet))
        t->failed |= decorate;
    diag_free(&quiet);
    if (decorate && t->env->deco && t->env->deco->style_chars)
        t->env->deco->style_chars(t->env->deco->ctx, cell, PG_ROLE_TEXT, t->chars.chars, t->chars.n);
}

/* A body cell holding a number (table_layout.h); header cells are titles. */
static bool is_number(const block *cell)
{
    return cell->parent->kind != BK_TABLE_HEAD && table_is_number(cell->text);
}

static text_align cell_align(const block *cell, const block_style *st)
{
    return is_number(cell) ? ALIGN_END : st->align;
}

static lb_status break_at(const tcomposer *t, const block_style *st, text_align align, bool numeric, float measure,
                          lb_result *out, size_t *bad)
{
    lb_params p = {.measure = measure, .em = st->size_pt, .rules = lay_of(t)->rules};
    /* centred and flush-right lines keep their natural spacing */
    if (align != ALIGN_START || measure < JUSTIFY_MIN_EM * st->size_pt)
        p.rules.justify = false;
    /* a number's sign and unit touch it: △3, 1,000千円 */
    if (numeric)
        p.rules.wa_ou_space_em = p.rules.wa_ou_space_min_em = 0;
    lb_result_clear(out);
    return lb_set_paragraph(t->chars.chars, t->chars.n, &p, out, bad);
}

/* Sets cell at the inner width w into out; a unit wider than the cell is
 * broken with a warning at its first character. */
static void set_cell(tcomposer *t, const block *cell, float w, lb_result *out)
{
    const block_style *st = cell_style(t, cell);
    cell_chars(t, cell, st, true);
    size_t bad = 0;
    if (break_at(t, st, cell_align(cell, st), is_number(cell), w, out, &bad) == LB_OK)
        return;
    diag_report(t->env->dl, D_EMERGENCY_BREAK, loc_at_char(cell->text_loc, bad),
                _("the run of letters or digits starting at character %zu of this table cell is wider than the "
                "cell (%.1fpt), so it is broken where it reaches the cell's edge"), bad + 1, w);
    diag_hint(t->env->dl, _("put a space where it may break, shorten it, or give the column a 'width'"));
}

/* The cell's natural width (one line) and least width (the narrowest
 * measure the breaker sets without cutting a unit), padding excluded.
 * A number, and a header title of at most HEADER_KEEP_EM, is never broken
 * while the table has room: its least width is its natural one. */
static void measure_cell(tcomposer *t, const block *cell, float *least, float *natural, lb_result *tmp)
{
    const block_style *st = cell_style(t, cell);
    text_align align = cell_align(cell, st);
    cell_chars(t, cell, st, false);
    size_t bad;
    *least = *natural = 0;
    if (t->chars.n == 0)
        return;
    break_at(t, st, align, is_number(cell), UNBOUNDED_MEASURE, tmp, &bad);
    *natural = tmp->n_lines ? tmp->lines[0].natural_width : 0;
    float lo = 0, hi = *natural;
    bool short_title = cell->parent->kind == BK_TABLE_HEAD && *natural <= HEADER_KEEP_EM * st->size_pt;
    if (short_title || is_number(cell))
        lo = hi;
    while (hi - lo > LEAST_WIDTH_STEP) {
        float mid = (lo + hi) / 2;
        if (break_at(t, st, align, is_number(cell), mid, tmp, &bad) == LB_OK)
            hi = mid;
        else
            lo = mid;
    }
    *least = hi;
}

/* ---- columns ------------------------------------------------------------------ */

static float content_width(const tcomposer *t, float spec)
{
    if (spec > 0)
        return spec * lay_of(t)->body_size_pt;
    return spec < 0 ? -spec / 100 * t->env->avail : 0;
}

static void plan_columns(tcomposer *t)
{
    const block *b = t->table;
    table_col *cols = xcalloc(t->n_cols, sizeof *cols);
    lb_result tmp;
    lb_result_init(&tmp);
    for (size_t r = 0; r < b->n_children; r++) {
        const block *row = b->children[r];
        if (row->kind != BK_TABLE_HEAD && row->kind != BK_TABLE_ROW)
            continue;
        for (size_t i = 0; i < row->n_children && i < t->n_cols; i++) {
            float least, natural;
            measure_cell(t, row->children[i], &least, &natural, &tmp);
            cols[i].least = fmaxf(cols[i].least, least + 2 * pad_x(t));
            cols[i].natural = fmaxf(cols[i].natural, natural + 2 * pad_x(t));
        }
    }
    for (size_t i = 0; i < t->n_cols; i++)
        cols[i].fixed = b->col_width ? content_width(t, b->col_width[i]) : 0;
    lb_result_free(&tmp);
    t->width = xcalloc(t->n_cols, sizeof *t->width);
    t->col_x = xcalloc(t->n_cols, sizeof *t->col_x);
    t->table_w = table_column_widths(cols, t->n_cols, t->env->avail, t->ts->full_width, t->width);
    free(cols);
    const block_style *st = &lay_of(t)->styles[BK_TABLE];
    float x = t->env->x0;
    if (st->align == ALIGN_CENTER)
        x += (t->env->avail - t->table_w) / 2;
    else if (st->align == ALIGN_END)
        x += t->env->avail - t->table_w;
    for (size_t i = 0; i < t->n_cols; i++) {
        t->col_x[i] = x;
        x += t->width[i];
    }
}

/* ---- emitting ------------------------------------------------------------------ */

static flow_item new_item(const tcomposer *t, float lines, const block *source)
{
    flow *f = t->env->out;
    return (flow_item){.kind = FLOW_LINE, .lines = lines, .glyph_first = f->n_glyphs, .shape_first = f->n_shapes,
                       .para = -1, .mark_level = -1, .source = source};
}

static size_t add_item(const tcomposer *t, flow_item item)
{
    flow *f = t->env->out;
    item.glyph_count = f->n_glyphs - item.glyph_first;
    item.shape_count = f->n_shapes - item.shape_first;
    VEC_PUSH(f->items, f->n_items, f->cap_items, item);
    return f->n_items - 1;
}

static void push_shape(const tcomposer *t, pg_shape s)
{
    flow *f = t->env->out;
    VEC_PUSH(f->shapes, f->n_shapes, f->cap_shapes, s);
}

static void shape_sink(void *ctx, pg_shape s)
{
    push_shape(ctx, s);
}

/* Line li of r as glyphs of block b, starting at x, baseline `base`
 * below the item's top. */
static void emit_glyphs(tcomposer *t, const block *b, const lb_result *r, size_t li, float x, float base)
{
    flow *f = t->env->out;
    const lb_line *ln = &r->lines[li];
    for (size_t g = ln->first; g < ln->first + ln->count; g++) {
        const lb_glyph *lg = &r->glyphs[g];
        pg_glyph pg = {.cp = lg->cp, .vs = lg->vs, .link = lg->link, .font = lg->font, .color = lg->color,
                       .size = lg->size, .x = x + lg->x, .y = base, .width = lg->width,
                       .origin = {b, PG_ROLE_TEXT}};
        VEC_PUSH(f->glyphs, f->n_glyphs, f->cap_glyphs, pg);
    }
}

/* The same, then the decorator's shapes for it. */
static void emit_line(tcomposer *t, const block *b, const lb_result *r, size_t li, float x, float base)
{
    flow *f = t->env->out;
    const lb_line *ln = &r->lines[li];
    emit_glyphs(t, b, r, li, x, base);
    const compose_decorator *deco = t->env->deco;
    if (!deco || !deco->line_shapes || ln->count == 0)
        return;
    VEC_RESERVE(t->offsets, t->cap_offsets, ln->count);
    for (size_t i = 0; i < ln->count; i++)
        t->offsets[i] = r->glyphs[ln->first + i].source;
    composed_line cl = {.block = b, .glyphs = f->glyphs + f->n_glyphs - ln->count, .text_offsets = t->offsets,
                        .n = ln->count, .baseline = base};
    deco->line_shapes(deco->ctx, &cl, shape_sink, t);
}

static float line_x(const lb_line *ln, text_align align, float left, float w)
{
    if (align == ALIGN_CENTER)
        return left + (w - ln->width) / 2;
    if (align == ALIGN_END)
        return left + w - ln->width;
    return left;
}

static void rule(tcomposer *t, const block *b, float x0, float y0, float x1, float y1, float width)
{
    if (width <= 0)
        return;
    push_shape(t, (pg_shape){.kind = PG_LINE, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1, .line_width = width,
                             .color = t->ts->rule_color, .origin = {b, PG_ROLE_DECORATION}});
}

/* The rules of a row spanning [top, bottom] below its item's top: the
 * boundary above it and below it (the frame at the table's ends, the
 * header rule under the header, row rules between rows), the frame's
 * sides and the column rules.  A boundary two rows share is drawn by both,
 * in the same place and width; a row that ends a page draws the frame
 * under it there (emit_row's foot shape). */
static void row_rules(tcomposer *t, const block *row, float top, float bottom, bool first_body, bool last)
{
    const table_style *ts = t->ts;
    bool head = row->kind == BK_TABLE_HEAD;
    float l = t->col_x[0], r = t->col_x[0] + t->table_w;
    float above = head ? ts->frame_width_pt : first_body ? ts->header_rule_pt : ts->row_rule_pt;
    float below = last ? ts->frame_width_pt : head ? ts->header_rule_pt : ts->row_rule_pt;
    rule(t, row, l, top, r, top, above);
    rule(t, row, l, bottom, r, bottom, below);
    rule(t, row, l, top, l, bottom, ts->frame_width_pt);
    rule(t, row, r, top, r, bottom, ts->frame_width_pt);
    for (size_t i = 1; i < t->n_cols; i++)
        rule(t, row, t->col_x[i], top, t->col_x[i], bottom, ts->column_rule_pt);
}

/* One row: its cells set, its height in whole lines, its item. */
static size_t emit_row(tcomposer *t, const block *row, bool first_body, bool last, size_t repeat, size_t n_repeat)
{
    const layout *lay = lay_of(t);
    float pitch = lay->derived.pitch_pt, pad = pad_x(t);
    float text_h = 0;
    for (size_t i = 0; i < row->n_children && i < t->n_cols; i++) {
        const block *cell = row->children[i];
        set_cell(t, cell, t->width[i] - 2 * pad, &t->cells[i]);
        size_t n = t->cells[i].n_lines;
        float h = n ? (float)(n - 1) * pitch + cell_style(t, cell)->size_pt : 0;
        text_h = fmaxf(text_h, h);
    }
    float need = fmaxf(text_h, lay->body_size_pt) + 2 * t->ts->row_padding_em * lay->body_size_pt;
    float lines = fmaxf(1, ceilf(need / pitch - (float)EPSILON));
    flow_item item = new_item(t, lines, row);
    item.keep_with_next = row->kind == BK_TABLE_HEAD;
    item.repeat_item = repeat;
    item.repeat_count = repeat ? n_repeat : 0;
    float top = -(pitch - lay->body_size_pt) / 2, height = lines * pitch;
    if (row->kind == BK_TABLE_HEAD && t->ts->header_fill)
        push_shape(t, (pg_shape){.kind = PG_FILL_RECT, .x0 = t->col_x[0], .y0 = top, .x1 = t->col_x[0] + t->table_w,
                                 .y1 = top + height, .color = t->ts->header_background,
                                 .origin = {row, PG_ROLE_DECORATION}});
    row_rules(t, row, top, top + height, first_body, last);
    for (size_t i = 0; i < row->n_children && i < t->n_cols; i++) {
        const block *cell = row->children[i];
        const block_style *st = cell_style(t, cell);
        const lb_result *r = &t->cells[i];
        float h = r->n_lines ? (float)(r->n_lines - 1) * pitch + st->size_pt : 0;
        float y = top + (height - h) / 2;
        for (size_t li = 0; li < r->n_lines; li++)
            emit_line(t, cell, r, li, line_x(&r->lines[li], cell_align(cell, st), t->col_x[i] + pad,
                                              t->width[i] - 2 * pad),
                      y + (float)li * pitch + EM_BOX_ASCENT * st->size_pt);
    }
    size_t index = add_item(t, item);
    /* a row that ends a page closes the table there with the frame */
    if (!last && t->ts->frame_width_pt > 0) {
        float l = t->col_x[0], r = l + t->table_w, y = top + height;
        push_shape(t, (pg_shape){.kind = PG_LINE, .x0 = l, .y0 = y, .x1 = r, .y1 = y,
                                 .line_width = t->ts->frame_width_pt, .color = t->ts->rule_color,
                                 .origin = {row, PG_ROLE_DECORATION}});
        t->env->out->items[index].foot_shape = t->env->out->n_shapes;
    }
    return index;
}

/* The caption's text set in blocks: table at the table's width into r;
 * with_continued: followed by the layout's continued (（続き）), undecorated. */
static void set_caption(tcomposer *t, bool with_continued, lb_result *r)
{
    const block *b = t->table;
    const block_style *st = &lay_of(t)->styles[BK_TABLE];
    run_style rs = {.font = st->font, .size = st->size_pt, .color = st->color, .markup = true,
                    .emphasis_font = lay_of(t)->emphasis_font};
    t->chars.n = 0;
    if (!run_append(&t->chars, b->text, &rs, t->env->fs, lay_of(t), b->text_loc, t->env->dl))
        t->failed = true;
    if (with_continued) {
        rs.markup = false;
        if (!run_append(&t->chars, t->ts->continued, &rs, t->env->fs, lay_of(t), b->text_loc, t->env->dl))
            t->failed = true;
    } else if (t->env->deco && t->env->deco->style_chars) {
        t->env->deco->style_chars(t->env->deco->ctx, b, PG_ROLE_TEXT, t->chars.chars, t->chars.n);
    }
    size_t bad;
    break_at(t, st, t->ts->caption_align, false, t->table_w, r, &bad);
}

/* The caption: lines of the table's own text, aligned in the table's
 * width, kept with the table when above it.  Above, and with the layout's
 * continued, also the item a continuation page repeats: the caption and
 * （続き）, all its lines in one item set only as furniture.  Returns 1 + that
 * item's index, or 0. */
static size_t emit_caption(tcomposer *t, bool above)
{
    const block *b = t->table;
    if (!b->text)
        return 0;
    const block_style *st = &lay_of(t)->styles[BK_TABLE];
    float pitch = lay_of(t)->derived.pitch_pt;
    /* below the table, the caption starts half a leading lower, clear of the frame */
    float base = EM_BOX_ASCENT * st->size_pt + (above ? 0 : (pitch - lay_of(t)->body_size_pt) / 2);
    lb_result r;
    lb_result_init(&r);
    set_caption(t, false, &r);
    for (size_t li = 0; li < r.n_lines; li++) {
        flow_item item = new_item(t, 1, b);
        item.keep_with_next = above;
        emit_line(t, b, &r, li, line_x(&r.lines[li], t->ts->caption_align, t->col_x[0], t->table_w), base);
        add_item(t, item);
    }
    size_t repeat = 0;
    if (above && t->ts->continued) {
        set_caption(t, true, &r);
        flow_item item = new_item(t, (float)r.n_lines, b);
        item.furniture_only = true;
        for (size_t li = 0; li < r.n_lines; li++)   /* the copy is not marked by build --compare */
            emit_glyphs(t, b, &r, li, line_x(&r.lines[li], t->ts->caption_align, t->col_x[0], t->table_w),
                        base + (float)li * pitch);
        repeat = 1 + add_item(t, item);
    }
    lb_result_free(&r);
    return repeat;
}

bool table_compose(const table_env *env, const block *b)
{
    tcomposer t = {.env = env, .table = b, .ts = &env->lay->table, .n_cols = b->n_cols};
    if (t.n_cols == 0)
        return true;
    t.cells = xcalloc(t.n_cols, sizeof *t.cells);
    for (size_t i = 0; i < t.n_cols; i++)
        lb_result_init(&t.cells[i]);
    plan_columns(&t);
    bool above = t.ts->caption_position == CAPTION_ABOVE;
    /* a continuation page repeats the continued caption (if any) and the header */
    size_t repeat = above ? emit_caption(&t, true) : 0, n_repeat = repeat ? 2 : 1, last_row = 0;
    for (size_t r = 0; r < b->n_children; r++)
        if (b->children[r]->kind == BK_TABLE_ROW || b->children[r]->kind == BK_TABLE_HEAD)
            last_row = r;
    bool first_body = true;
    for (size_t r = 0; r < b->n_children; r++) {
        const block *row = b->children[r];
        if (row->kind == BK_TABLE_HEAD) {
            size_t header = 1 + emit_row(&t, row, false, r == last_row, 0, 0);
            repeat = repeat ? repeat : header;
        } else if (row->kind == BK_TABLE_ROW) {
            emit_row(&t, row, first_body, r == last_row, repeat, n_repeat);
            first_body = false;
        }
    }
    if (!above)
        emit_caption(&t, false);
    for (size_t i = 0; i < t.n_cols; i++)
        lb_result_free(&t.cells[i]);
    free(t.cells);
    free(t.width);
    free(t.col_x);
    free(t.offsets);
    char_buf_free(&t.chars);
    return !t.failed;
}
