/* compose.c — document tree → flow: every block set in its style.
 *
 * Headings (the title, parts, sections) are one flow item each, a whole
 * number of grid lines tall, with their decoration.  Everything else is
 * set line by line by the line breaker, one flow item per line, so that
 * pagination can cut between lines.  Listed blocks (⑴ ① ・ 1）) hang their
 * marker: every line of the text starts under the text's first character.
 *
 * A paragraph is set from one string: the label (headings), the (新) mark,
 * then the block's text.  Each character's source is its byte offset in
 * that string, so a glyph's role and its place in the text follow from it
 * (para_parts). */
#include "compose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "block_label.h"
#include "doc_image.h"
#include "figure_fit.h"
#include "i18n.h"
#include "table_compose.h"
#include "toc.h"
#include "text_run.h"
#include "wareki.h"
#include "vec.h"
#include "xalloc.h"

/* One list: the siblings of one kind under one parent. */
typedef struct list_measure {
    const block *parent;         /* NULL: not measured yet */
    float box;                   /* the marker box every item of the list hangs in */
    int last;                    /* highest ordinal of the kind */
    bool fits;                   /* false: the box leaves its text too little room (reported) */
} list_measure;

/* The least measure, in characters of the body, a list's text may be left
 * with when its marker box grows to hold its widest label. */
#define MIN_TEXT_CHARS 5

typedef struct composer {
    const document *doc;
    const layout *lay;
    const font_set *fs;
    diag_list *dl;
    flow *out;
    lb_result lines;      /* reused for every paragraph */
    char_buf chars;       /* reused likewise */
    int next_para;
    bool failed;
    bool break_pending;          /* a page_break: the next line starts a page */
    const block *shown_as;       /* a stand-in's real block: the decorator sees it instead */
    const compose_decorator *deco;   /* NULL: the plain setting */
    size_t text_start;           /* where the block's own text starts in chars */
    /* the paragraph string's parts, in bytes: [0, label_end) label,
     * [label_end, text_base) (新) mark, [text_base, …) the block's text */
    uint32_t label_end, text_base;
    uint32_t *text_offsets;      /* one line's, for the decorator */
    size_t cap_offsets;
    /* what the siblings of one list share, worked out at its first item
     * (asking all siblings again for every item would be quadratic); one
     * per kind, since lists of different kinds nest (bullets in items) */
    list_measure lists[BK__COUNT];
} composer;

/* ---- the flow's arrays ---------------------------------------------------- */

static void push_item(flow *f, flow_item item)
{
    VEC_PUSH(f->items, f->n_items, f->cap_items, item);
}

static void push_glyph(flow *f, pg_glyph g)
{
    VEC_PUSH(f->glyphs, f->n_glyphs, f->cap_glyphs, g);
}

static void push_shape(flow *f, pg_shape s)
{
    VEC_PUSH(f->shapes, f->n_shapes, f->cap_shapes, s);
}

void flow_free(flow *f)
{
    for (size_t i = 0; i < f->n_items; i++) {
        free(f->items[i].mark_title);
        free(f->items[i].running_head);
    }
    free(f->items);
    free(f->glyphs);
    free(f->shapes);
    free(f->images);
    toc_plan_free(f->toc);
    memset(f, 0, sizeof *f);
}

static flow_item new_item(composer *c, flow_kind kind, float lines, const block *source)
{
    return (flow_item){
        .kind = kind, .lines = lines, .glyph_first = c->out->n_glyphs, .shape_first = c->out->n_shapes,
        .para = -1, .mark_level = -1, .source = source, .image_first = c->out->n_images,
    };
}

static void add_item(composer *c, flow_item item)
{
    if (item.kind == FLOW_LINE && c->break_pending) {
        item.page_break_before = true;
        c->break_pending = false;
    }
    item.glyph_count = c->out->n_glyphs - item.glyph_first;
    item.shape_count = c->out->n_shapes - item.shape_first;
    item.image_count = c->out->n_images - item.image_first;
    push_item(c->out, item);
}

/* Space after one block and space before the next collapse into the larger
 * of the two, as a designer would specify "one line around headings". */
static void add_space(composer *c, float lines, const block *source)
{
    if (lines <= 0)
        return;
    flow *f = c->out;
    if (f->n_items > 0 && f->items[f->n_items - 1].kind == FLOW_SPACE) {
        flow_item *prev = &f->items[f->n_items - 1];
        prev->lines = lines > prev->lines ? lines : prev->lines;
        return;
    }
    add_item(c, new_item(c, FLOW_SPACE, lines, source));
}

/* ---- geometry ----------------------------------------------------------- */

static const block_style *style_of(const composer *c, const block *b)
{
    return &c->lay->styles[b->kind];
}

static float em(const composer *c)
{
    return c->lay->body_size_pt;
}

/* Where a block's marker starts, in ems from the type area's left edge:
 * its parent's marker position plus its own indent ("indent grows by one
 * em per level" is a matter of the layout's numbers). */
static float marker_x_em(const composer *c, const block *b)
{
    float x = 0;
    for (; b && b->kind != BK_DOCUMENT; b = b->parent)
        x += c->lay->styles[b->kind].indent_em;
    return x;
}

/* ---- setting text -------------------------------------------------------- */

static run_style run_style_of(const block_style *st, uint16_t flags)
{
    return (run_style){.font = st->font, .size = st->size_pt, .color = st->color, .flags = flags};
}

/* Appends one part of block b's paragraph string in style rs: lets the
 * decorator colour it (sources still offsets in the part), then moves its
 * sources to offsets in the whole string, which starts the part at *at. */
static void append_part(composer *c, const block *b, pg_role part, const char *text, const run_style *rs,
                        src_loc loc, uint32_t *at)
{
    size_t first = c->chars.n;
    if (!run_append(&c->chars, text, rs, c->fs, c->lay, loc, c->dl))
        c->failed = true;
    if (c->deco && c->deco->style_chars)
        c->deco->style_chars(c->deco->ctx, c->shown_as ? c->shown_as : b, part, c->chars.chars + first, c->chars.n - first);
    for (size_t i = first; i < c->chars.n; i++)
        c->chars.chars[i].source += *at;
    *at += (uint32_t)strlen(text);
}

/* The (新) mark, glued to the text that follows it. */
static void append_new_mark(composer *c, const block *b, const block_style *st, uint32_t *at)
{
    run_style mark = {.font = c->lay->new_mark_font, .size = st->size_pt, .color = c->lay->new_mark_color};
    size_t first = c->chars.n;
    append_part(c, b, PG_ROLE_NEW_MARK, c->lay->new_mark_text, &mark, (src_loc){c->lay->path, 0, 0}, at);
    for (size_t i = first + 1; i < c->chars.n; i++)
        c->chars.chars[i].flags |= LB_NO_BREAK_BEFORE;
}

/* Fills c->chars with (label)(new mark)text of block b in style st. */
static void build_chars(composer *c, const block *b, const block_style *st, const char *label)
{
    c->chars.n = 0;
    uint32_t at = 0;
    run_style rs = run_style_of(st, 0);
    if (label)
        append_part(c, b, PG_ROLE_LABEL, label, &rs, b->text_loc, &at);
    c->label_end = at;
    if (b->is_new)
        append_new_mark(c, b, st, &at);
    c->text_base = at;
    size_t text_start = c->text_start = c->chars.n;
    if (b->text) {
        run_style text = rs;
        text.markup = true;
        text.emphasis_font = c->lay->emphasis_font;
        append_part(c, b, PG_ROLE_TEXT, b->text, &text, b->text_loc, &at);
    }
    /* the mark never ends a line on its own */
    if (b->is_new && c->chars.n > text_start)
        c->chars.chars[text_start].flags |= LB_NO_BREAK_BEFORE;
}

/* The role of the character at byte `source` of the paragraph string. */
static pg_role part_of(const composer *c, uint32_t source)
{
    return source < c->label_end ? PG_ROLE_LABEL : source < c->text_base ? PG_ROLE_NEW_MARK : PG_ROLE_TEXT;
}

static void shape_sink(void *ctx, pg_shape s)
{
    push_shape(((composer *)ctx)->out, s);
}

/* Breaks c->chars into c->lines.  A unit wider than the line is cut by an
 * emergency break, with a warning at its first character. */
static void break_lines(composer *c, const block *b, float measure, float first_indent, float unit_em)
{
    lb_params p = {.measure = measure, .first_indent = first_indent, .em = unit_em, .rules = c->lay->rules};
    size_t bad = 0;
    lb_result_clear(&c->lines);
    if (lb_set_paragraph(c->chars.chars, c->chars.n, &p, &c->lines, &bad) == LB_OK)
        return;
    /* counted in the block's own text: the label and the (新) mark come before it */
    size_t in_text = bad >= c->text_start ? bad - c->text_start : 0;
    diag_report(c->dl, D_EMERGENCY_BREAK, loc_at_char(b->text_loc, in_text),
                _("the run of letters or digits starting at character %zu of this text is wider than the line "
                "(%.1fpt), so it is broken where it reaches the line's end"), in_text + 1, measure);
    diag_hint(c->dl, _("put a space where it may break, shorten it, or use a layout with a wider measure"));
}

/* Lets the decorator add its shapes to the line just emitted (the flow's
 * last `n` glyphs, set from c->lines.glyphs[first…]). */
static void decorate_line(composer *c, const block *b, size_t first, size_t n, float base)
{
    if (!c->deco || !c->deco->line_shapes)
        return;
    VEC_RESERVE(c->text_offsets, c->cap_offsets, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t source = c->lines.glyphs[first + i].source;
        c->text_offsets[i] = source >= c->text_base ? source - c->text_base : 0;
    }
    composed_line line = {.block = c->shown_as ? c->shown_as : b, .glyphs = c->out->glyphs + c->out->n_glyphs - n,
                          .text_offsets = c->text_offsets, .n = n, .baseline = base};
    c->deco->line_shapes(c->deco->ctx, &line, shape_sink, c);
}

/* Copies line `li` of c->lines as glyphs of block b at x0, baseline `base`
 * below the item top. */
static void emit_line_glyphs(composer *c, const block *b, size_t li, float x0, float base)
{
    const lb_line *ln = &c->lines.lines[li];
    for (size_t g = ln->first; g < ln->first + ln->count; g++) {
        const lb_glyph *lg = &c->lines.glyphs[g];
        pg_glyph pg = {.cp = lg->cp, .vs = lg->vs, .link = lg->link, .font = lg->font, .color = lg->color, .size = lg->size,
                       .x = x0 + lg->x, .y = base, .width = lg->width, .origin = {b, part_of(c, lg->source)}};
        push_glyph(c->out, pg);
    }
    decorate_line(c, b, ln->first, ln->count, base);
}

/* Where a listed block's marker goes, for its first line. */
typedef struct marker_place {
    float x, box;
} marker_place;

static void emit_marker(composer *c, const block *b, const block_style *st, float x, float box);

/* One flow item per line; the lines of a paragraph share a paragraph id so
 * that pagination can keep widows and orphans away.  A block kept with what
 * follows (a ⑴ heading) carries that on its last line. */
static void emit_paragraph_lines(composer *c, const block *b, const block_style *st, float x0,
                                 const marker_place *marker)
{
    int para = c->next_para++;
    for (size_t li = 0; li < c->lines.n_lines; li++) {
        flow_item item = new_item(c, FLOW_LINE, 1, b);
        item.para = para;
        item.para_line = (int)li;
        item.para_lines = (int)c->lines.n_lines;
        item.keep_with_next = st->keep_with_next && li + 1 == c->lines.n_lines;
        if (li == 0 && marker)
            emit_marker(c, b, st, marker->x, marker->box);
        emit_line_glyphs(c, b, li, x0, EM_BOX_ASCENT * st->size_pt);
        add_item(c, item);
    }
}

/* ---- headings ------------------------------------------------------------- */

static float heading_height(const composer *c, float lines)
{
    return lines * c->lay->derived.pitch_pt - (c->lay->derived.pitch_pt - c->lay->body_size_pt);
}

static void add_decoration(composer *c, const block *b, const block_style *st, float height, float text_top,
                           float text_h)
{
    float left = c->lay->derived.area_left, right = left + c->lay->derived.measure;
    pg_shape s = {.color = st->decor_color, .line_width = st->rule_width_pt, .origin = {b, PG_ROLE_DECORATION}};
    switch (st->decor) {
    case DECOR_NONE: return;
    case DECOR_BAND: s.kind = PG_FILL_RECT; s.x0 = left; s.x1 = right; s.y0 = 0; s.y1 = height; break;
    case DECOR_BOX: s.kind = PG_STROKE_RECT; s.x0 = left; s.x1 = right; s.y0 = 0; s.y1 = height; break;
    case DECOR_LEFT_RULE:
        s.kind = PG_FILL_RECT;
        s.x0 = left;
        s.x1 = left + st->rule_width_pt;
        s.y0 = text_top - 0.15f * text_h;
        s.y1 = text_top + 1.15f * text_h;
        break;
    case DECOR_UNDERLINE: s.kind = PG_LINE; s.x0 = left; s.x1 = right; s.y0 = s.y1 = height; break;
    }
    push_shape(c->out, s);
}

/* Text inside a band or box starts one em in; beside a left rule, half an em after it. */
static float heading_inset(const composer *c, const block_style *st)
{
    switch (st->decor) {
    case DECOR_BAND:
    case DECOR_BOX: return em(c);
    case DECOR_LEFT_RULE: return st->rule_width_pt + 0.5f * em(c);
    default: return 0;
    }
}

static float aligned_x(const composer *c, const block_style *st, size_t li, float left, float measure)
{
    float w = c->lines.lines[li].width;
    if (st->align == ALIGN_CENTER)
        return left + (measure - w) / 2;
    if (st->align == ALIGN_END)
        return left + measure - w;
    return left;
}

/* A heading: one flow item of whole grid lines, its text lines centred in it. */
static void compose_heading_text(composer *c, const block *b, const block_style *st, const char *label)
{
    build_chars(c, b, st, label);
    float inset = heading_inset(c, st);
    float left = c->lay->derived.area_left + marker_x_em(c, b) * em(c) + inset;
    float measure =
        c->lay->derived.measure - (left - c->lay->derived.area_left) - (st->decor == DECOR_BAND ? inset : 0);
    break_lines(c, b, measure, 0, st->size_pt);
    size_t n = c->lines.n_lines;
    float lines = st->lines > (float)n ? st->lines : (float)n;
    float height = heading_height(c, lines);
    float text_h = (float)(n - 1) * c->lay->derived.pitch_pt + st->size_pt;
    float text_top = (height - text_h) / 2;

    add_space(c, st->space_before_lines, b);
    flow_item item = new_item(c, FLOW_LINE, lines, b);
    item.keep_with_next = st->keep_with_next;
    item.page_break_before = st->page_break == BREAK_BEFORE ||
                             (st->page_break == BREAK_BEFORE_EXCEPT_FIRST && b->ordinal > 1);
    add_decoration(c, b, st, height, text_top, text_h);
    for (size_t li = 0; li < n; li++)
        emit_line_glyphs(c, b, li, aligned_x(c, st, li, left, measure),
                         text_top + (float)li * c->lay->derived.pitch_pt + EM_BOX_ASCENT * st->size_pt);
    if (st->bookmark && b->text) {
        item.mark_level = b->kind == BK_PART ? 0 : 1;
        size_t len = strlen(label ? label : "") + strlen(b->text) + 1;
        item.mark_title = xmalloc(len);
        if (item.mark_title)
            snprintf(item.mark_title, len, "%s%s", label ? label : "", b->text);
        if (b->kind == BK_PART && item.mark_title)
            item.running_head = xstrdup(item.mark_title);
    }
    add_item(c, item);
    add_space(c, st->space_after_lines, b);
}

static void compose_heading(composer *c, const block *b)
{
    const block_style *st = style_of(c, b);
    char *label = block_label(b, c->lay);
    compose_heading_text(c, b, st, label && label[0] ? label : NULL);
    free(label);
}

/* The title page's title and organisation lines are headings without numbers. */
static void compose_image(composer *c, const block *b, int reserved_lines, bool keep_with_next);
static void compose_logo_at_foot(composer *c, size_t first_item);

static void compose_title(composer *c, bool with_organization)
{
    block title = {.kind = BK_DOCUMENT, .text = c->doc->title, .text_loc = c->doc->title_loc};
    block org = title;
    org.text = c->doc->organization;
    flow *f = c->out;
    const block *logo = c->doc->logo;
    place_rule logo_at = c->lay->styles[BK_LOGO].position;
    if (logo && (logo_at == PLACE_DEFAULT || logo_at == PLACE_ABOVE))
        compose_image(c, logo, 0, true);
    size_t first = f->n_items, first_glyph = f->n_glyphs, first_shape = f->n_shapes;
    compose_heading_text(c, &title, &c->lay->styles[BK_DOCUMENT], NULL);
    size_t org_glyph = f->n_glyphs;
    if (c->doc->organization && with_organization)
        compose_heading_text(c, &org, &c->lay->organization, NULL);
    if (logo && logo_at == PLACE_BELOW)
        compose_image(c, logo, 0, false);
    else if (logo && logo_at == PLACE_BOTTOM)
        compose_logo_at_foot(c, first);
    /* title and org die with this frame: the flow must not point at them;
     * the org line keeps a role of its own (the tagged PDF's P, not H1) */
    for (size_t i = first; i < f->n_items; i++)
        f->items[i].source = c->doc->root;
    for (size_t i = first_glyph; i < f->n_glyphs; i++) {
        f->glyphs[i].origin.block = c->doc->root;
        if (i >= org_glyph && f->glyphs[i].origin.role == PG_ROLE_TEXT)
            f->glyphs[i].origin.role = PG_ROLE_BYLINE;
    }
    for (size_t i = first_shape; i < f->n_shapes; i++)
        f->shapes[i].origin.block = c->doc->root;
}

/* ---- running text and listed blocks --------------------------------------- */

static void compose_paragraph(composer *c, const block *b)
{
    const block_style *st = style_of(c, b);
    float left_em = marker_x_em(c, b);
    float x0 = c->lay->derived.area_left + left_em * em(c);
    build_chars(c, b, st, NULL);
    add_space(c, st->space_before_lines, b);
    break_lines(c, b, c->lay->derived.measure - left_em * em(c), st->first_line_indent_em * em(c), em(c));
    emit_paragraph_lines(c, b, st, x0, NULL);
    add_space(c, st->space_after_lines, b);
}

/* The widths of the labels of one list (the siblings of b's kind). */
typedef struct label_span {
    float widest, narrowest;
    const block *widest_block;
    int last;
} label_span;

static label_span measure_labels(composer *c, const block *b, const block_style *st)
{
    label_span span = {0};
    run_style rs = run_style_of(st, 0);
    char_buf tmp = {0};
    const block *parent = b->parent;
    bool first = true;
    for (size_t i = 0; parent && i < parent->n_children; i++) {
        const block *sib = parent->children[i];
        if (sib->kind != b->kind)
            continue;
        span.last = sib->ordinal > span.last ? sib->ordinal : span.last;
        char *label = block_label(sib, c->lay);
        tmp.n = 0;
        if (label && run_append(&tmp, label, &rs, c->fs, c->lay, sib->loc, c->dl)) {
            float w = run_width(tmp.chars, tmp.n);
            if (first || w > span.widest)
                span.widest = w, span.widest_block = sib;
            span.narrowest = first || w < span.narrowest ? w : span.narrowest;
            first = false;
        }
        free(label);
    }
    char_buf_free(&tmp);
    return span;
}

/* The marker box of a list.  Without a marker_width it is the widest label
 * plus marker_gap.  With one, it is that width unless a label does not fit:
 * then it grows for the whole list so that the widest label keeps the gap
 * the layout meant — marker_gap, or what marker_width leaves after the
 * list's narrowest label if that is more (⑴ in 1.5 em leaves 0.5 em, so
 * (21) gets a 2.5 em box), or FALLBACK_GAP_EM when neither leaves any —
 * as a typesetter sets 9）and 10）alike. */
#define FALLBACK_GAP_EM 0.5f

static float list_box(const composer *c, const block_style *st, const label_span *span)
{
    float gap = st->marker_gap_em * em(c);
    if (st->marker_width_em <= 0)
        return span->widest + gap;
    float box = st->marker_width_em * em(c);
    /* a hair of rounding never widens a list that fits */
    if (span->widest <= box + 0.01f)
        return box;
    float meant_gap = box - span->narrowest > gap ? box - span->narrowest : gap;
    if (meant_gap <= 0.01f)
        meant_gap = FALLBACK_GAP_EM * em(c);
    return span->widest + meant_gap;
}

static const char *kind_key(block_kind k)
{
    static const char *const keys[BK__COUNT] = {
        [BK_DOCUMENT] = "document", [BK_PARAGRAPH] = "paragraph", [BK_PART] = "part", [BK_SECTION] = "section",
        [BK_SUBSECTION] = "subsection", [BK_ITEM] = "item", [BK_BULLET] = "bullet", [BK_ENTRY] = "entry",
        [BK_FIGURE] = "figure", [BK_CAPTION] = "caption", [BK_LOGO] = "logo",
    };
    if ((unsigned)k < BK__COUNT && !keys[k])
        return block_kind_name(k);   /* the layout's style keys are the kinds' names */
    return (unsigned)k < BK__COUNT ? keys[k] : "?";
}

/* A box so wide that the text beside it gets fewer than MIN_TEXT_CHARS
 * characters: reported once per list, at the layout's marker_width (the
 * value to change), naming the label that needs it. */
static void report_box_too_wide(composer *c, const block *b, const block_style *st, const label_span *span,
                                float box, float room)
{
    char *label = block_label(span->widest_block, c->lay);
    src_loc item = span->widest_block->loc;
    diag_report(c->dl, D_TOO_WIDE, st->marker_width_loc,
                _("blocks: '%s': the label '%s' (%s:%d) needs a marker box of %.1fpt, which leaves its text "
                "only %.1f characters of the line (at least %d are needed)"),
                kind_key(b->kind), label ? label : "", item.file ? item.file : "?", item.line, box,
                room / em(c), MIN_TEXT_CHARS);
    diag_hint(c->dl, _("lower 'indent' of this kind or of its parents, use a narrower numbering or format, "
                     "split the list, or raise page: chars_per_line"));
    free(label);
    c->failed = true;
}

/* Measures b's list: its box, whether the text keeps room beside it, and
 * its last ordinal. */
static void measure_list(composer *c, const block *b, const block_style *st)
{
    label_span span = measure_labels(c, b, st);
    list_measure *m = &c->lists[b->kind];
    m->parent = b->parent;
    m->last = span.last;
    m->box = list_box(c, st, &span);
    float marker_x = marker_x_em(c, b) * em(c);
    float room = c->lay->derived.measure - marker_x - m->box;
    m->fits = room >= MIN_TEXT_CHARS * em(c) || !span.widest_block;
    if (!m->fits)
        report_box_too_wide(c, b, st, &span, m->box, room);
}

/* Measures b's list once, at its first item (the memo is per kind and parent). */
static const list_measure *ensure_list_measured(composer *c, const block *b, const block_style *st)
{
    if (c->lists[b->kind].parent != b->parent || !b->parent)
        measure_list(c, b, st);
    return &c->lists[b->kind];
}

/* The marker's glyphs, on the first line of the block, right-aligned in
 * its box when the layout asks (number_align: end). */
static void emit_marker(composer *c, const block *b, const block_style *st, float x, float box)
{
    char *label = block_label(b, c->lay);
    if (!label || !label[0]) {
        free(label);
        return;
    }
    char_buf m = {0};
    run_style rs = run_style_of(st, 0);
    if (run_append(&m, label, &rs, c->fs, c->lay, b->loc, c->dl)) {
        float w = run_width(m.chars, m.n);
        float gx = st->number_align == ALIGN_END ? x + box - st->marker_gap_em * em(c) - w : x;
        for (size_t i = 0; i < m.n; i++) {
            pg_glyph g = {.cp = m.chars[i].cp, .font = m.chars[i].font, .color = m.chars[i].color,
                          .size = m.chars[i].size, .x = gx, .y = EM_BOX_ASCENT * st->size_pt,
                          .width = m.chars[i].advance, .origin = {b, PG_ROLE_LABEL}};
            gx += m.chars[i].advance;
            push_glyph(c->out, g);
        }
    } else {
        c->failed = true;
    }
    char_buf_free(&m);
    free(label);
}

/* Whether b is the last of its kind among its siblings, after another. */
static bool ends_a_list(composer *c, const block *b, const block_style *st)
{
    if (!b->parent || b->ordinal < 2)
        return false;
    return b->ordinal == ensure_list_measured(c, b, st)->last;
}

/* Ties the flow's last line to what comes next (pagination keeps them on
 * one page). */
static void keep_last_line_with_next(composer *c)
{
    for (size_t i = c->out->n_items; i-- > 0;)
        if (c->out->items[i].kind == FLOW_LINE) {
            c->out->items[i].keep_with_next = true;
            return;
        }
}

static void compose_listed(composer *c, const block *b)
{
    const block_style *st = style_of(c, b);
    const list_measure *list = ensure_list_measured(c, b, st);
    if (!list->fits)
        return;
    float mx = c->lay->derived.area_left + marker_x_em(c, b) * em(c);
    float box = list->box;
    float text_x = mx + box;
    float measure = c->lay->derived.area_left + c->lay->derived.measure - text_x;
    build_chars(c, b, st, NULL);
    add_space(c, st->space_before_lines, b);
    break_lines(c, b, measure, 0, em(c));
    /* the last item of a list is not left alone at the top of a page */
    if (c->lay->keep_list_end && ends_a_list(c, b, st))
        keep_last_line_with_next(c);
    marker_place marker = {mx, box};
    emit_paragraph_lines(c, b, st, text_x, &marker);
    /* an item with bullets introduces them, as a heading does */
    if (b->n_children > 0)
        keep_last_line_with_next(c);
    add_space(c, st->space_after_lines, b);
}

/* ---- tables ------------------------------------------------------------------ */

/* A table (table_compose.c) sits where its parent's text starts, between
 * the spaces of its style; its notes (its other children) stand right
 * under it, inside those spaces. */
static void compose_table(composer *c, const block *b)
{
    const block_style *st = style_of(c, b);
    float left_em = marker_x_em(c, b);
    table_env env = {.lay = c->lay, .fs = c->fs, .deco = c->deco, .out = c->out, .dl = c->dl,
                     .x0 = c->lay->derived.area_left + left_em * em(c),
                     .avail = c->lay->derived.measure - left_em * em(c)};
    add_space(c, st->space_before_lines, b);
    size_t first = c->out->n_items;
    if (!table_compose(&env, b))
        c->failed = true;
    /* a page_break before the table: its first line starts the page */
    for (size_t i = first; c->break_pending && i < c->out->n_items; i++)
        if (c->out->items[i].kind == FLOW_LINE) {
            c->out->items[i].page_break_before = true;
            c->break_pending = false;
        }
    /* space_after follows the table's notes (compose_block) */
}

/* ---- images: figures and the logo ---------------------------------------- */

/* An image as one flow item of whole grid lines (figure_fit.h), aligned in
 * the measure by its style and centred in the height of its lines.
 * reserved_lines: lines that must go on its page with it (its caption). */
static void compose_image(composer *c, const block *b, int reserved_lines, bool keep_with_next)
{
    const block_style *st = style_of(c, b);
    const doc_image *im = b->image;
    const layout_derived *d = &c->lay->derived;
    figure_box fb = figure_fit(im->info.width, im->info.height, st->width, st->max_height_pt, d->measure,
                               c->lay->page.lines_per_page - reserved_lines, d->pitch_pt, c->lay->body_size_pt);
    float x = d->area_left;
    if (st->align == ALIGN_CENTER)
        x += (d->measure - fb.w) / 2;
    else if (st->align == ALIGN_END)
        x += d->measure - fb.w;
    add_space(c, st->space_before_lines, b);
    flow_item item = new_item(c, FLOW_LINE, (float)fb.lines, b);
    item.keep_with_next = keep_with_next;
    pg_image pi = {.path = im->path, .png = im->info.format == IMAGE_PNG, .x = x, .y = (fb.box_h - fb.h) / 2, .w = fb.w, .h = fb.h,
                   .origin = {b, PG_ROLE_FIGURE}};
    VEC_PUSH(c->out->images, c->out->n_images, c->out->cap_images, pi);
    /* a decorator sees the image's lines as lines without glyphs (build
     * --compare puts its change bar beside each) */
    for (int k = 0; c->deco && c->deco->line_shapes && k < fb.lines; k++) {
        composed_line line = {.block = b, .baseline = (float)k * d->pitch_pt + EM_BOX_ASCENT * c->lay->body_size_pt};
        c->deco->line_shapes(c->deco->ctx, &line, shape_sink, c);
    }
    add_item(c, item);
    add_space(c, st->space_after_lines, b);
}

/* The logo at the foot of the cover: a space fills the title page down to
 * it (what follows starts the next page). */
static void compose_logo_at_foot(composer *c, size_t first_item)
{
    const block *logo = c->doc->logo;
    const block_style *st = style_of(c, logo);
    const layout_derived *d = &c->lay->derived;
    float used = 0;
    for (size_t i = first_item; i < c->out->n_items; i++)
        used += c->out->items[i].lines;
    figure_box fb = figure_fit(logo->image->info.width, logo->image->info.height, st->width, st->max_height_pt,
                               d->measure, c->lay->page.lines_per_page - (int)ceilf(used), d->pitch_pt,
                               c->lay->body_size_pt);
    float fill = (float)c->lay->page.lines_per_page - used - (float)fb.lines;
    if (fill > 0) {
        /* a space of its own, not merged into the title's space_after */
        add_item(c, new_item(c, FLOW_SPACE, fill, c->doc->root));
    }
    compose_image(c, logo, (int)ceilf(used), false);
}

/* A caption's lines, aligned by its style; kept together, and with the
 * figure when it stands above it. */
static void compose_caption(composer *c, const block *cap, bool keep_last)
{
    const block_style *st = style_of(c, cap);
    float left = c->lay->derived.area_left, measure = c->lay->derived.measure;
    build_chars(c, cap, st, NULL);
    add_space(c, st->space_before_lines, cap);
    break_lines(c, cap, measure, 0, st->size_pt);
    for (size_t li = 0; li < c->lines.n_lines; li++) {
        flow_item item = new_item(c, FLOW_LINE, 1, cap);
        item.keep_with_next = keep_last || li + 1 < c->lines.n_lines;
        emit_line_glyphs(c, cap, li, aligned_x(c, st, li, left, measure), EM_BOX_ASCENT * st->size_pt);
        add_item(c, item);
    }
    add_space(c, st->space_after_lines, cap);
}

static const block *caption_of(const block *fig)
{
    for (size_t i = 0; i < fig->n_children; i++)
        if (fig->children[i]->kind == BK_CAPTION)
            return fig->children[i];
    return NULL;
}

/* Lines a caption takes in its style (set once to count them). */
static int caption_lines(composer *c, const block *cap)
{
    if (!cap)
        return 0;
    build_chars(c, cap, style_of(c, cap), NULL);
    break_lines(c, cap, c->lay->derived.measure, 0, style_of(c, cap)->size_pt);
    return (int)c->lines.n_lines;
}

/* A figure never splits: the image is one item, and its caption's lines
 * are kept with it, so that pagination moves the whole to the next page
 * when the rest of this one is too short.  The Japanese convention puts
 * 図 captions below (blocks: caption: position). */
static void compose_figure(composer *c, const block *b)
{
    const block *cap = caption_of(b);
    bool above = cap && style_of(c, cap)->position == PLACE_ABOVE;
    int n_cap = caption_lines(c, cap);
    if (above)
        compose_caption(c, cap, true);
    compose_image(c, b, n_cap, cap && !above);
    if (cap && !above)
        compose_caption(c, cap, false);
}

/* ---- the table of contents ------------------------------------------------ */

/* The digits and leader of the page numbers, measured in the TOC's style
 * now, for toc_fill after pagination. */
static void measure_toc_glyphs(composer *c, toc_plan *t, const run_style *rs)
{
    char_buf buf = {0};
    src_loc at = {c->lay->path, 1, 1};
    if (!run_append(&buf, "0123456789", rs, c->fs, c->lay, at, c->dl) || buf.n != 10)
        c->failed = true;
    for (size_t i = 0; i < 10 && i < buf.n; i++)
        t->digits[i] = buf.chars[i];
    buf.n = 0;
    if (!run_append(&buf, c->lay->toc.leader, rs, c->fs, c->lay, at, c->dl))
        c->failed = true;
    t->leader = xmallocarray(buf.n ? buf.n : 1, sizeof *buf.chars);
    if (buf.n)
        memcpy(t->leader, buf.chars, buf.n * sizeof *buf.chars);
    t->n_leader = buf.n;
    t->gap = 0.25f * rs->size;
    char_buf_free(&buf);
}

/* The room every entry leaves for its number and the leader: three digits
 * and two leader units, so that no number ever makes an entry wrap. */
static float toc_number_room(const toc_plan *t)
{
    float lw = 0;
    for (size_t i = 0; i < t->n_leader; i++)
        lw += t->leader[i].advance;
    return 3 * t->digits[0].advance + 2 * lw + 2 * t->gap;
}

/* One entry: the heading's label and text in the TOC's style, wrapped in
 * the measure less the number's room; its last line remembers where the
 * number goes. */
static void compose_toc_entry(composer *c, toc_plan *t, const block *h, int level, const run_style *rs)
{
    const toc_rules *tr = &c->lay->toc;
    block_style st = *style_of(c, h);
    st.font = rs->font;
    st.size_pt = rs->size;
    st.color = rs->color;
    char *label = block_label(h, c->lay);
    /* the (新) mark belongs to the heading, not to its entry; the copy
     * lives while the entry is set (its glyphs are given h below) */
    block plain = *h;
    plain.is_new = false;
    build_chars(c, &plain, &st, label && label[0] ? label : NULL);
    free(label);
    float left = c->lay->derived.area_left + (float)(level - 1) * tr->indent_em * em(c);
    float right = c->lay->derived.area_left + c->lay->derived.measure;
    break_lines(c, &plain, right - left - toc_number_room(t), 0, rs->size);
    float base = EM_BOX_ASCENT * rs->size;
    for (size_t li = 0; li < c->lines.n_lines; li++) {
        flow_item item = new_item(c, FLOW_LINE, 1, NULL);
        item.keep_with_next = li + 1 < c->lines.n_lines;
        size_t g0 = c->out->n_glyphs;
        emit_line_glyphs(c, &plain, li, li ? left + em(c) : left, base);
        for (size_t g = g0; g < c->out->n_glyphs; g++)
            c->out->glyphs[g].origin = (pg_origin){h, PG_ROLE_TOC_ENTRY};
        if (li + 1 == c->lines.n_lines) {
            float end = c->out->n_glyphs > g0 ? c->out->glyphs[c->out->n_glyphs - 1].x +
                                                    c->out->glyphs[c->out->n_glyphs - 1].width
                                              : left;
            VEC_PUSH(t->entries, t->n, t->cap,
                     ((toc_entry){.heading = h, .text_end = end, .right = right, .baseline = base, .left = left,
                                  .size = rs->size}));
            item.toc_entry = (int)t->n;
        }
        add_item(c, item);
    }
}

static void compose_toc_entries(composer *c, toc_plan *t, const block *b, const run_style *rs)
{
    for (size_t i = 0; i < b->n_children && !c->failed; i++) {
        const block *k = b->children[i];
        int level = k->kind == BK_PART ? 1 : k->kind == BK_SECTION ? 2 : 0;
        if (level == 0 || level > c->lay->toc.levels || !k->text)
            continue;
        /* parts stand out in their own heading font, as in the body */
        run_style ers = *rs;
        if (level == 1)
            ers.font = c->lay->styles[BK_PART].font;
        compose_toc_entry(c, t, k, level, &ers);
        compose_toc_entries(c, t, k, rs);
    }
}

/* 目次: on a page of its own after the cover, its title as a heading
 * without a number, then one entry per heading. */
static bool has_toc_entries(const composer *c, const block *b)
{
    for (size_t i = 0; i < b->n_children; i++) {
        const block *k = b->children[i];
        if (k->kind == BK_PART && k->text)
            return true;
        if (k->kind == BK_PART && has_toc_entries(c, k))
            return true;
        if (k->kind == BK_SECTION && k->text && c->lay->toc.levels >= 2)
            return true;
    }
    return false;
}

static void compose_toc(composer *c)
{
    const toc_rules *tr = &c->lay->toc;
    if (!has_toc_entries(c, c->doc->root))
        return;   /* no headings (a one-page notice, a change summary): no contents */
    toc_plan *t = c->out->toc = xcalloc(1, sizeof *t);
    run_style rs = {.font = tr->font, .size = tr->size_pt, .color = c->lay->body_color};
    measure_toc_glyphs(c, t, &rs);
    if (c->failed)
        return;
    block title = {.kind = BK_DOCUMENT, .text = tr->title, .text_loc = {c->lay->path, 1, 1}};
    block_style ts = c->lay->styles[BK_PART];
    ts.font = tr->title_font;
    ts.size_pt = tr->title_size_pt;
    ts.page_break = BREAK_BEFORE;
    ts.bookmark = false;
    ts.decor = DECOR_NONE;
    ts.align = ALIGN_START;
    size_t first_item = c->out->n_items, first_glyph = c->out->n_glyphs;
    compose_heading_text(c, &title, &ts, NULL);
    /* the title block dies with this frame: its glyphs belong to the root */
    for (size_t i = first_item; i < c->out->n_items; i++) {
        flow_item *it = &c->out->items[i];
        it->source = NULL;
        it->page_break_before = it->kind == FLOW_LINE;
        if (it->kind == FLOW_LINE && !it->mark_title) {   /* 目次 in the bookmarks, before the parts */
            it->mark_level = 0;
            it->mark_title = xstrdup(tr->title);
        }
    }
    for (size_t i = first_glyph; i < c->out->n_glyphs; i++)
        c->out->glyphs[i].origin = (pg_origin){c->doc->root, PG_ROLE_TOC_TITLE};
    compose_toc_entries(c, t, c->doc->root, &rs);
    /* the body starts a new page: the next line item breaks before it */
    if (tr->page_break_after)
        c->break_pending = true;
}

/* ---- the tree --------------------------------------------------------------- */

/* ---- page control and the letter ------------------------------------------- */

/* keep_together: the first line of the block's items [first, end) learns
 * how many lines they fill, spaces between them included. */
static void mark_keep_together(composer *c, size_t first, size_t end)
{
    flow_item *items = c->out->items;
    while (first < end && items[first].kind == FLOW_SPACE)
        first++;
    while (end > first && items[end - 1].kind == FLOW_SPACE)
        end--;
    float lines = 0;
    for (size_t i = first; i < end; i++)
        lines += items[i].furniture_only ? 0 : items[i].lines;
    if (first < end)
        items[first].keep_lines = lines;
}

/* A line of the letter set from text instead of b's own (the date, as the
 * layout writes it), still tagged and paged as b's. */
static void compose_line_as(composer *c, const block *b, const char *text, const char *label)
{
    block shown = *b;
    shown.text = (char *)text;
    shown.is_new = false;
    flow *f = c->out;
    size_t first = f->n_items, first_glyph = f->n_glyphs, first_shape = f->n_shapes;
    c->shown_as = b;
    compose_heading_text(c, &shown, style_of(c, b), label);
    c->shown_as = NULL;
    for (size_t i = first; i < f->n_items; i++)
        f->items[i].source = b;
    for (size_t i = first_glyph; i < f->n_glyphs; i++)
        f->glyphs[i].origin.block = b;
    for (size_t i = first_shape; i < f->n_shapes; i++)
        f->shapes[i].origin.block = b;
}

/* 記 and 以上: the layout's words, aligned as it says. */
static void compose_record_mark(composer *c, const block *b)
{
    const char *word = style_of(c, b)->marker;
    compose_line_as(c, b, NULL, word && word[0] ? word : NULL);
}

static void compose_date(composer *c, const block *b)
{
    char *text = wareki_format(b->text, style_of(c, b)->calendar);
    compose_line_as(c, b, text ? text : b->text, NULL);
    free(text);
}

static bool in_letter_head(block_kind k)
{
    return k == BK_REFERENCE || k == BK_DATE || k == BK_ADDRESSEE || k == BK_ISSUER;
}

static void compose_block(composer *c, const block *b);

/* The root: a letter's head lines (文書番号, date, 宛名, 発信者) above the
 * title, then the title, then everything else. */
static void compose_root(composer *c, const block *root)
{
    bool issuer = false;
    for (size_t i = 0; i < root->n_children; i++)
        if (in_letter_head(root->children[i]->kind)) {
            issuer = issuer || root->children[i]->kind == BK_ISSUER;
            compose_block(c, root->children[i]);
        }
    compose_title(c, !issuer);
    if (c->lay->toc.enabled)
        compose_toc(c);
    for (size_t i = 0; i < root->n_children; i++)
        if (!in_letter_head(root->children[i]->kind))
            compose_block(c, root->children[i]);
}

static void compose_block(composer *c, const block *b)
{
    if (diag_too_many(c->dl))
        return;
    size_t first = c->out->n_items;
    switch (b->kind) {
    case BK_DOCUMENT: compose_root(c, b); return;
    case BK_FIGURE: compose_figure(c, b); break;
    case BK_CAPTION:   /* set by its figure */
    case BK_LOGO:      /* set with the title */
        break;
    case BK_PART:
    case BK_SECTION: compose_heading(c, b); break;
    case BK_PARAGRAPH: compose_paragraph(c, b); break;
    case BK_PAGE_BREAK: c->break_pending = c->out->n_items > 0; break;
    case BK_RECORD:
    case BK_RECORD_END: compose_record_mark(c, b); break;
    case BK_DATE: compose_date(c, b); break;
    case BK_REFERENCE:
    case BK_ADDRESSEE:
    case BK_ISSUER: compose_line_as(c, b, b->text, NULL); break;
    case BK_NOTE:
    case BK_SUBSECTION:
    case BK_ITEM:
    case BK_BULLET:
    case BK_ENTRY: compose_listed(c, b); break;
    case BK_TABLE: compose_table(c, b); break;
    case BK_TABLE_HEAD:
    case BK_TABLE_ROW:
    case BK_TABLE_CELL:   /* set with their table */
    case BK__COUNT: break;
    }
    for (size_t i = 0; i < b->n_children; i++)
        compose_block(c, b->children[i]);
    if (b->kind == BK_TABLE)
        add_space(c, style_of(c, b)->space_after_lines, b);
    if (b->keep_together)
        mark_keep_together(c, first, c->out->n_items);
}

bool compose(const document *doc, const layout *lay, const font_set *fs, const compose_decorator *deco, flow *out,
             diag_list *dl)
{
    composer c = {.doc = doc, .lay = lay, .fs = fs, .dl = dl, .out = out, .deco = deco};
    memset(out, 0, sizeof *out);
    lb_result_init(&c.lines);
    compose_block(&c, doc->root);
    lb_result_free(&c.lines);
    char_buf_free(&c.chars);
    free(c.text_offsets);
    /* the arrays grew by doubling: give back what they will never use
     * (up to half; a long document's glyphs are most of its memory, and
     * they live on beside the pages paginate copies them into) */
    if (out->n_glyphs > 0) {
        out->glyphs = xreallocarray(out->glyphs, out->n_glyphs, sizeof *out->glyphs);
        out->cap_glyphs = out->n_glyphs;
    }
    if (out->n_shapes > 0) {
        out->shapes = xreallocarray(out->shapes, out->n_shapes, sizeof *out->shapes);
        out->cap_shapes = out->n_shapes;
    }
    return !c.failed;
}
