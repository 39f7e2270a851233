/* change_marks.c — annotating the new document with its changes, and the
 * composer's decorator that shows them: colours, underline, strike-through
 * and change-bar shapes. */
#include "change_marks.h"

#include "doc_image.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"
#include "xalloc.h"

/* ---- the annotated document ------------------------------------------------ */

typedef struct annotator {
    change_marks *cm;
    size_t cap_blocks;
} annotator;

static void add_cm_block(annotator *an, const block *b, uint8_t *marks, cm_mark whole)
{
    change_marks *cm = an->cm;
    VEC_PUSH(cm->blocks, cm->n_blocks, an->cap_blocks, (cm_block){b, marks, whole});
}

/* The text of diff (old_text → new_text) with deleted runs put back where
 * they were; marks per byte. */
static char *merged_text(const cd_script *diff, const char *old_text, const char *new_text, uint8_t **marks_out)
{
    const char *ot = old_text ? old_text : "", *nt = new_text ? new_text : "";
    size_t len = 0;
    for (size_t i = 0; i < diff->n_ops; i++)
        len += diff->ops[i].len;
    if (diff->n_ops == 0)
        len = strlen(nt);
    char *text = xmalloc(len + 1);
    uint8_t *marks = xcalloc(len + 1, 1);
    if (diff->n_ops == 0)
        memcpy(text, nt, len);
    for (size_t i = 0, at = 0; i < diff->n_ops; i++) {
        const cd_op *op = &diff->ops[i];
        memcpy(text + at, (op->kind == CD_DELETE ? ot : nt) + op->start, op->len);
        memset(marks + at, op->kind == CD_DELETE ? CM_DELETED : op->kind == CD_INSERT ? CM_INSERTED : CM_NONE,
               op->len);
        at += op->len;
    }
    text[len] = '\0';
    *marks_out = marks;
    return text;
}

/* Text and marks of entry e's annotated block. */
static void set_text_and_marks(annotator *an, const dd_entry *e, block *b)
{
    const block *src = e->new_b ? e->new_b : e->old_b;
    uint8_t *marks = NULL;
    char *text = NULL;
    if (src->kind == BK_DATE) {
        /* printed as the layout writes dates (令和5年5月12日), not as its
         * YYYY-MM-DD: a changed date gets its change bar, and the summary
         * page says what it was */
        block_set_text(b, src->text, src->text_loc);
        if (e->change != DD_SAME || e->moved)
            add_cm_block(an, b, NULL, CM_NONE);
        return;
    }
    if (e->change == DD_EDITED)
        text = merged_text(&e->text_diff, e->old_b->text, e->new_b->text, &marks);
    else
        text = xstrdup_or_null(src->text);
    cm_mark whole = e->change == DD_ADDED ? CM_INSERTED : e->change == DD_DELETED ? CM_DELETED : CM_NONE;
    if (whole != CM_NONE) {
        size_t len = text ? strlen(text) : 0;
        marks = xmalloc(len + 1);
        memset(marks, whole, len + 1);
    }
    block_set_text(b, text, src->text_loc);
    free(text);
    if (e->change == DD_SAME && !e->moved) {
        free(marks);
        return;
    }
    add_cm_block(an, b, marks, whole);
}

static void annotate_entry(annotator *an, const docdiff *d, size_t i)
{
    const dd_entry *e = &d->entries[i];
    const block *src = e->new_b ? e->new_b : e->old_b;
    block *b = block_add(an->cm->entry_blocks[e->parent], src->kind, src->loc);
    an->cm->entry_blocks[i] = b;
    /* new blocks keep their new numbers; a deleted one shows its old number */
    b->ordinal = src->ordinal;
    b->is_new = src->is_new;
    b->image = doc_image_copy(src->image);   /* a figure: the new file (or the deleted one's) */
    if (src->col_width) {   /* a table's columns: the new version's (or the deleted table's) */
        b->col_width = xmallocarray(src->n_cols, sizeof *b->col_width);
        memcpy(b->col_width, src->col_width, src->n_cols * sizeof *b->col_width);
        b->n_cols = src->n_cols;
    }
    set_text_and_marks(an, e, b);
}

static void copy_metadata(document *to, const document *from)
{
    const char *const src[] = {from->title, from->organization, from->subject, from->keywords, from->date};
    char **dst[] = {&to->title, &to->organization, &to->subject, &to->keywords, &to->date};
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
        *dst[i] = xstrdup_or_null(src[i]);
    to->fiscal_year = from->fiscal_year;
    to->title_loc = from->title_loc;
    if (from->logo) {
        to->logo = block_add(NULL, BK_LOGO, from->logo->loc);
        to->logo->image = doc_image_copy(from->logo->image);
    }
}

/* A changed title or organisation (the title page's lines) shows its
 * change like edited text: the old characters put back, struck. */
static void mark_title_page_fields(const docdiff *d, change_marks *cm)
{
    for (size_t i = 0; i < d->n_meta; i++) {
        const dd_meta *m = &d->meta[i];
        bool title = strcmp(m->field, "title") == 0;
        if (!title && strcmp(m->field, "organization") != 0)
            continue;
        char **text = title ? &cm->doc->title : &cm->doc->organization;
        cm_block *cb = title ? &cm->title : &cm->organization;
        free(*text);
        *text = merged_text(&m->diff, m->old_value, m->new_value, &cb->marks);
    }
}

static int cmp_cm_block(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const cm_block *)a)->b, y = (uintptr_t)((const cm_block *)b)->b;
    return (x > y) - (x < y);
}

void change_marks_build(const docdiff *d, const document *new_doc, change_marks *cm)
{
    memset(cm, 0, sizeof *cm);
    annotator an = {.cm = cm};
    cm->doc = doc_new(new_doc->path);
    cm->entry_blocks = xcalloc(d->n_entries ? d->n_entries : 1, sizeof *cm->entry_blocks);
    copy_metadata(cm->doc, new_doc);
    mark_title_page_fields(d, cm);
    if (d->n_entries)
        cm->entry_blocks[0] = cm->doc->root;
    for (size_t i = 1; i < d->n_entries; i++)
        annotate_entry(&an, d, i);
    if (cm->n_blocks)   /* none when only metadata changed (qsort may not take NULL) */
        qsort(cm->blocks, cm->n_blocks, sizeof *cm->blocks, cmp_cm_block);
}

void change_marks_free(change_marks *cm)
{
    for (size_t i = 0; i < cm->n_blocks; i++)
        free(cm->blocks[i].marks);
    free(cm->blocks);
    free(cm->title.marks);
    free(cm->organization.marks);
    free(cm->entry_blocks);
    doc_free(cm->doc);
    memset(cm, 0, sizeof *cm);
}

const cm_block *change_marks_find(const change_marks *cm, const block *b)
{
    if (!cm || !cm->n_blocks)
        return NULL;
    cm_block key = {b, NULL, CM_NONE};
    return bsearch(&key, cm->blocks, cm->n_blocks, sizeof key, cmp_cm_block);
}

/* ---- the decorator --------------------------------------------------------------- */

/* The marks of what the composer sets as b: a block of the annotated
 * document, or one of the title page's lines, which the composer sets as
 * stand-in blocks (kind BK_DOCUMENT) showing the document's own strings. */
static const cm_block *marks_of(const change_marks *cm, const block *b)
{
    if (b->kind == BK_DOCUMENT && b->text) {
        if (b->text == cm->doc->title)
            return cm->title.marks ? &cm->title : NULL;
        if (b->text == cm->doc->organization)
            return cm->organization.marks ? &cm->organization : NULL;
    }
    return change_marks_find(cm, b);
}

/* The mark of one character of the part of b that cb marks: a deleted
 * heading's number and (新) go with the block; the text is marked byte by
 * byte. */
static cm_mark mark_of(const cm_block *cb, const block *b, pg_role part, uint32_t text_offset)
{
    if (part == PG_ROLE_LABEL || part == PG_ROLE_NEW_MARK)
        return cb->whole;
    size_t len = b->text ? strlen(b->text) : 0;
    if (part == PG_ROLE_TEXT && cb->marks && text_offset < len)
        return (cm_mark)cb->marks[text_offset];
    return CM_NONE;
}

static void style_chars(void *ctx, const block *b, pg_role part, lb_char *chars, size_t n)
{
    const change_marks *cm = ctx;
    const cm_block *cb = marks_of(cm, b);
    if (!cb)
        return;
    const change_style *st = &cm->lay->changes;
    for (size_t i = 0; i < n; i++) {
        cm_mark m = mark_of(cb, b, part, chars[i].source);
        if (m == CM_INSERTED)
            chars[i].color = st->insert_color;
        else if (m == CM_DELETED)
            chars[i].color = st->delete_color;
    }
}

static cm_mark glyph_mark(const cm_block *cb, const composed_line *ln, size_t i)
{
    return mark_of(cb, ln->block, ln->glyphs[i].origin.role, ln->text_offsets[i]);
}

/* Underline just below the em box; strike-through across its middle
 * (the em box spans 0.88 em above the baseline to 0.12 em below). */
static void run_shape(const layout *lay, const block *b, cm_mark m, float x0, float x1, float base, float size,
                      compose_shape_sink sink, void *sink_ctx)
{
    const change_style *st = &lay->changes;
    float y = m == CM_INSERTED ? base + 0.16f * size : base - 0.38f * size;
    pg_shape s = {.kind = PG_LINE, .x0 = x0, .x1 = x1, .y0 = y, .y1 = y, .line_width = st->line_width,
                  .color = m == CM_INSERTED ? st->insert_color : st->delete_color,
                  .origin = {b, PG_ROLE_CHANGE_MARK}};
    sink(sink_ctx, s);
}

static void line_shapes(void *ctx, const composed_line *ln, compose_shape_sink sink, void *sink_ctx)
{
    const change_marks *cm = ctx;
    const cm_block *cb = marks_of(cm, ln->block);
    if (!cb)
        return;
    const layout *lay = cm->lay;
    const change_style *st = &lay->changes;
    float half_pitch = lay->derived.pitch_pt / 2, mid = ln->baseline - 0.38f * lay->body_size_pt;
    pg_shape bar = {.kind = PG_FILL_RECT, .x0 = lay->derived.area_left - st->bar_offset - st->bar_width,
                    .x1 = lay->derived.area_left - st->bar_offset, .y0 = mid - half_pitch, .y1 = mid + half_pitch,
                    .color = st->bar_color, .origin = {ln->block, PG_ROLE_CHANGE_BAR}};
    sink(sink_ctx, bar);
    const pg_glyph *g = ln->glyphs;
    for (size_t i = 0; i < ln->n;) {
        cm_mark m = glyph_mark(cb, ln, i);
        size_t j = i + 1;
        while (j < ln->n && glyph_mark(cb, ln, j) == m)
            j++;
        if (m != CM_NONE)
            run_shape(lay, ln->block, m, g[i].x, g[j - 1].x + g[j - 1].width, ln->baseline, g[i].size, sink, sink_ctx);
        i = j;
    }
}

compose_decorator change_marks_decorator(change_marks *cm, const layout *lay)
{
    cm->lay = lay;
    return (compose_decorator){.ctx = cm, .style_chars = style_chars, .line_shapes = line_shapes};
}

/* The bars are known by their role; only their side changes. */
void cm_bars_to_outer_margin(pg_doc *d, const layout *lay)
{
    float left = lay->derived.area_left, right = lay->derived.area_left + lay->derived.measure;
    for (size_t p = 0; p < d->n_pages; p += 2) {   /* pages 1, 3, 5 …: rectos */
        pg_page *pg = &d->pages[p];
        for (size_t i = 0; i < pg->n_shapes; i++) {
            pg_shape *s = &pg->shapes[i];
            if (s->origin.role != PG_ROLE_CHANGE_BAR)
                continue;
            float x0 = right + (left - s->x1), x1 = right + (left - s->x0);
            s->x0 = x0;
            s->x1 = x1;
        }
    }
}
