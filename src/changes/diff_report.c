/* diff_report.c — the change report as text: one line per change, in the
 * new document's order, each located by the labels of the layout
 * ("Ⅱ-1-⑶-② edited: 中小企業者に対する金融[-円滑化-]{+支援+}の推進"). */
#include "diff_report.h"

#include "doc_image.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "block_label.h"
#include "i18n.h"
#include "sbuf.h"

/* ---- words ------------------------------------------------------------------- */

static const char *const FIELDS[6] = {"title", "organization", "fiscal_year", "date", "subject", "keywords"};

/* English msgids, translated where they are used (the summary page and
 * `kumihan diff` speak the user's language, see i18n.h). */
const dd_labels DD_LABELS = {
    .added = N_("%s added: %s"),
    .deleted = N_("%s deleted (was %s): %s"),
    .moved = N_("%s moved from %s: %s"),
    .moved_edited = N_("%s moved from %s, edited: %s"),
    .edited = N_("%s edited: %s"),
    .field_changed = N_("%s changed: %s"),
    .no_changes = N_("no changes"),
    .preface = N_("preface"),
    .field_names = {N_("title"), N_("organization"), N_("fiscal_year"), N_("date"), N_("subject"), N_("keywords")},
    .table = N_("table %s"),
    .table_header = N_("header"),
    .table_row = N_("row %s"),
    .table_column = N_("column %s"),
};

const char *dd_field_name(const dd_labels *labels, const char *field)
{
    for (size_t i = 0; i < sizeof FIELDS / sizeof FIELDS[0]; i++)
        if (strcmp(FIELDS[i], field) == 0)
            return _(labels->field_names[i]);
    return field;
}

/* Appends fmt with each "%s" replaced by the next of args (a label's
 * format comes from a table, later a translation: never a printf format). */
static void put_format(sbuf *b, const char *msgid, const char *const *args, size_t n_args)
{
    const char *fmt = _(msgid);
    size_t next = 0;
    for (const char *p = fmt; *p;) {
        const char *hole = strstr(p, "%s");
        size_t len = hole ? (size_t)(hole - p) : strlen(p);
        sbuf_append(b, p, len);
        if (!hole)
            break;
        sbuf_puts(b, next < n_args && args[next] ? args[next] : "");
        next++;
        p = hole + 2;
    }
}

/* ---- locations --------------------------------------------------------------- */

/* Appends s[0..n) with fullwidth digits as ASCII: "１２" → "12", so that
 * every location reads alike whatever the layout's numbering. */
static void add_ascii_digits(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        /* U+FF10..U+FF19 are EF BC 90..99 */
        if (i + 2 < n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
            (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
            char digit = (char)('0' + ((unsigned char)s[i + 2] - 0x90));
            sbuf_append(b, &digit, 1);
            i += 3;
        } else {
            sbuf_append(b, s + i, 1);
            i++;
        }
    }
}

/* A table's parts are named, not numbered by the layout: 表1, 見出し, 2行目, 3列目. */
static bool add_table_component(sbuf *b, const block *blk, int ordinal, const dd_labels *labels)
{
    char num[24];
    snprintf(num, sizeof num, "%d", ordinal);
    const char *args[] = {num};
    switch (blk->kind) {
    case BK_TABLE: put_format(b, labels->table, args, 1); return true;
    case BK_TABLE_HEAD: sbuf_puts(b, _(labels->table_header)); return true;
    case BK_TABLE_ROW: put_format(b, labels->table_row, args, 1); return true;
    case BK_TABLE_CELL:
        /* a cell's ordinal is its column: every row has one cell per column */
        put_format(b, labels->table_column, args, 1);
        return true;
    default: return false;
    }
}

/* "Ⅰ．" → "Ⅰ", "12）" → "12", "⑴" → "⑴": the number without the
 * format's punctuation.  Labels that say nothing by themselves (none for
 * paragraphs, a fixed marker for bullets) get the ordinal: "¶2", "・3";
 * a figure is 図 and its ordinal, its caption "caption". */
/* The parts of a letter have names, not numbers: "addressee", "issuer2"
 * (its second line), "record-¶3" (the third paragraph of its 記). */
static const char *letter_part_name(block_kind kind)
{
    switch (kind) {
    case BK_REFERENCE: return N_("reference");
    case BK_DATE: return N_("date");
    case BK_ADDRESSEE: return N_("addressee");
    case BK_ISSUER: return N_("issuer");
    case BK_RECORD: return N_("record");
    case BK_RECORD_END: return N_("record end");
    default: return NULL;
    }
}

static void add_component(sbuf *b, const block *blk, int ordinal, const layout *lay, const dd_labels *labels)
{
    const char *name = letter_part_name(blk->kind);
    if (name) {
        sbuf_puts(b, _(name));
        if (ordinal > 1)
            sbuf_printf(b, "%d", ordinal);
        return;
    }
    if (add_table_component(b, blk, ordinal, labels))
        return;
    if (blk->kind == BK_PARAGRAPH && blk->parent && !blk->parent->parent)
        sbuf_puts(b, _(labels->preface));   /* a preface paragraph: "前文¶1" */
    block tmp = *blk;
    tmp.ordinal = ordinal;
    const block_style *st = &lay->styles[blk->kind];
    char *label = block_label(&tmp, lay);
    char num[24];
    snprintf(num, sizeof num, "%d", ordinal);
    if (blk->kind == BK_FIGURE || blk->kind == BK_CAPTION) {
        /* 図2 (a figure by its order), 図2の説明 → "図2", "図2-caption" */
        sbuf_puts(b, blk->kind == BK_FIGURE ? "図" : "caption");
        if (blk->kind == BK_FIGURE)
            sbuf_puts(b, num);
    } else if (st->numbering == NUM_NONE || !label[0]) {
        sbuf_puts(b, "¶");
        sbuf_puts(b, num);
    } else if (st->numbering == NUM_MARKER) {
        sbuf_puts(b, label);
        sbuf_puts(b, num);
    } else {
        static const char *const trim[] = {"．", "。", "）", ")", ".", "、", "（", "(", " ", NULL};
        const char *s = label;
        size_t n = strlen(label);
        for (bool again = true; again;) {
            again = false;
            for (size_t t = 0; trim[t]; t++) {
                size_t tl = strlen(trim[t]);
                if (n > tl && memcmp(s + n - tl, trim[t], tl) == 0) {
                    n -= tl;
                    again = true;
                }
                if (n > tl && memcmp(s, trim[t], tl) == 0) {
                    s += tl;
                    n -= tl;
                    again = true;
                }
            }
        }
        add_ascii_digits(b, s, n);
    }
    free(label);
}

/* The ordinal a deleted entry would have among the new siblings: one
 * more than the kept blocks of its kind before it. */
static int would_be_ordinal(const docdiff *d, size_t i)
{
    const dd_entry *e = &d->entries[i];
    int n = 1;
    for (size_t j = (size_t)e->parent + 1; j < i; j++) {
        const dd_entry *s = &d->entries[j];
        if (s->parent == e->parent && s->change != DD_DELETED && s->new_b && s->new_b->kind == e->old_b->kind)
            n++;
    }
    return n;
}

static void add_new_path(sbuf *b, const docdiff *d, size_t i, const layout *lay, const dd_labels *labels)
{
    const dd_entry *e = &d->entries[i];
    if (e->parent < 0)
        return;
    if (d->entries[e->parent].parent >= 0) {
        add_new_path(b, d, (size_t)e->parent, lay, labels);
        sbuf_puts(b, "-");
    }
    if (e->new_b)
        add_component(b, e->new_b, e->new_b->ordinal, lay, labels);
    else
        add_component(b, e->old_b, would_be_ordinal(d, i), lay, labels);
}

static void add_old_path(sbuf *b, const block *blk, const layout *lay, const dd_labels *labels)
{
    if (!blk->parent)
        return;
    if (blk->parent->parent) {
        add_old_path(b, blk->parent, lay, labels);
        sbuf_puts(b, "-");
    }
    add_component(b, blk, blk->ordinal, lay, labels);
}

char *dd_location(const docdiff *d, size_t entry, const layout *lay, bool old, const dd_labels *labels)
{
    sbuf b = {0};
    if (old && d->entries[entry].old_b)
        add_old_path(&b, d->entries[entry].old_b, lay, labels);
    else if (!old)
        add_new_path(&b, d, entry, lay, labels);
    return sbuf_detach(&b);
}

/* ---- lines -------------------------------------------------------------------- */

static void add_markup(sbuf *b, const cd_script *s, const char *old_t, const char *new_t)
{
    char *m = cd_markup(s, old_t ? old_t : "", new_t ? new_t : "");
    sbuf_puts(b, m);
    free(m);
}

static void add_edit(sbuf *b, const dd_entry *e)
{
    if (e->new_mark_changed)
        sbuf_puts(b, e->new_b->is_new ? "{+(新)+}" : "[-(新)-]");
    else if (e->new_b->is_new)
        sbuf_puts(b, "(新)");
    if (e->text_diff.n_ops)
        add_markup(b, &e->text_diff, e->old_b->text, e->new_b->text);
    else
        sbuf_puts(b, e->new_b->text);
    if (e->file_changed) {   /* a figure's new image: its file, old → new */
        sbuf_puts(b, " [-");
        sbuf_puts(b, e->old_b->image->file);
        sbuf_puts(b, "-]{+");
        sbuf_puts(b, e->new_b->image->file);
        sbuf_puts(b, "+}");
    }
}

static void add_text(sbuf *b, const block *blk)
{
    if (blk->is_new)
        sbuf_puts(b, "(新)");
    sbuf_puts(b, blk->text);
}

/* The line's text part: the block's text, or the markup of its edit. */
static char *entry_text(const dd_entry *e)
{
    sbuf b = {0};
    if (e->change == DD_EDITED)
        add_edit(&b, e);
    else
        add_text(&b, e->new_b ? e->new_b : e->old_b);
    return sbuf_detach(&b);
}

/* A table row's own text is its cells joined (table_load.c): an edited row
 * is told by its cells' lines, and the cells of a row added or deleted by
 * the row's line. */
static bool said_elsewhere(const docdiff *d, const dd_entry *e)
{
    const block *b = e->new_b ? e->new_b : e->old_b;
    if ((b->kind == BK_TABLE_ROW || b->kind == BK_TABLE_HEAD) && e->change == DD_EDITED && !e->moved)
        return true;
    if (b->kind != BK_TABLE_CELL || e->parent < 0)
        return false;
    dd_change row = d->entries[e->parent].change;
    return (row == DD_ADDED || row == DD_DELETED) && row == e->change;
}

char *dd_entry_line(const docdiff *d, size_t i, const layout *lay, const dd_labels *labels)
{
    const dd_entry *e = &d->entries[i];
    if ((e->change == DD_SAME && !e->moved) || said_elsewhere(d, e))
        return NULL;
    char *loc = dd_location(d, i, lay, false, labels);
    char *was = dd_location(d, i, lay, true, labels);
    char *text = entry_text(e);
    sbuf b = {0};
    const char *with_was[] = {loc, was, text}, *without[] = {loc, text};
    if (e->change == DD_ADDED)
        put_format(&b, labels->added, without, 2);
    else if (e->change == DD_DELETED)
        put_format(&b, labels->deleted, with_was, 3);
    else if (e->moved)
        put_format(&b, e->change == DD_EDITED ? labels->moved_edited : labels->moved, with_was, 3);
    else
        put_format(&b, labels->edited, without, 2);
    free(loc);
    free(was);
    free(text);
    return sbuf_detach(&b);
}

char *dd_meta_line(const docdiff *d, size_t i, const dd_labels *labels)
{
    const dd_meta *m = &d->meta[i];
    char *markup = cd_markup(&m->diff, m->old_value ? m->old_value : "", m->new_value ? m->new_value : "");
    sbuf b = {0};
    const char *args[] = {dd_field_name(labels, m->field), markup};
    put_format(&b, labels->field_changed, args, 2);
    free(markup);
    return sbuf_detach(&b);
}

bool docdiff_report(const docdiff *d, const layout *lay, FILE *out)
{
    const dd_labels *labels = &DD_LABELS;
    if (!docdiff_has_changes(d))
        fprintf(out, "%s\n", _(labels->no_changes));
    for (size_t i = 0; i < d->n_meta; i++) {
        char *line = dd_meta_line(d, i, labels);
        fprintf(out, "%s\n", line);
        free(line);
    }
    for (size_t i = 0; i < d->n_entries; i++) {
        char *line = dd_entry_line(d, i, lay, labels);
        if (line)
            fprintf(out, "%s\n", line);
        free(line);
    }
    return !ferror(out);
}
