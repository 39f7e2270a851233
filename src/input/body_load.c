/* body_load.c — the flow lists of a content file: a body (paragraphs and
 * entries such as page_break: true, each entry read by one dispatch
 * function), notes, and the official letter's head lines and record
 * (記 … 以上).  Every mistake is a located error; an unknown entry key
 * gets a "did you mean". */
#include "body_load.h"

#include <stdio.h>
#include <string.h>
#include "content_fields.h"
#include "figure_load.h"
#include "i18n.h"
#include "table_load.h"
#include "xalloc.h"
#include "yschema.h"

/* ---- body entries ------------------------------------------------------- */

/* page_break: true — nothing else is meant by the key, so false (or any
 * other word) is a slip to report, not a page break to drop silently. */
static void load_page_break(loader *ld, block *parent, const ynode *entry, const ynode *value)
{
    bool on = false;
    if (!ys_bool(value, "'page_break'", &on, ld->dl))
        return;
    if (!on) {
        diag_report(ld->dl, D_BAD_VALUE, value->loc, _("'page_break' can only be true"));
        diag_hint(ld->dl, _("to go on without a new page, delete the entry"));
        return;
    }
    ld_new_block(ld, parent, BK_PAGE_BREAK, entry);
}

/* figure: {file, alt, caption, notes} — an image (figure_load.c), its
 * notes after it. */
static void load_figure(loader *ld, block *parent, const ynode *entry, const ynode *value)
{
    block *fig = ld_new_block(ld, parent, BK_FIGURE, entry);
    if (!fig || !figure_load(fig, value, ld->doc->path, ld->dl))
        return;
    const ynode *notes = ynode_get(value, "notes");
    if (notes)
        load_notes(ld, fig, notes);
}

/* table: {caption, columns, rows, …} (table_load.c), with the keys every
 * body block may have: notes and keep_together. */
static void load_table(loader *ld, block *parent, const ynode *value)
{
    block *t = table_load(parent, value, ld->doc->path, ld->dl);
    if (!t)
        return;
    const ynode *n;
    if ((n = ynode_get(value, "keep_together")))
        ys_bool(n, "'keep_together'", &t->keep_together, ld->dl);
    if ((n = ynode_get(value, "notes")))
        load_notes(ld, t, n);
}

/* The one place a body entry written as a mapping is told apart by its
 * key: each kind of entry is one case here. */
static void load_body_mapping(loader *ld, block *parent, const ynode *entry)
{
    if (entry->count != 1) {
        diag_report(ld->dl, D_BAD_VALUE, entry->loc,
                    _("a body entry must have exactly one key (%s …), not %zu"), "page_break", entry->count);
        diag_hint(ld->dl, _("start each entry with its own '- '"));
        return;
    }
    const char *key = entry->keys[0]->value;
    const ynode *value = entry->items[0];
    if (strcmp(key, "page_break") == 0)
        load_page_break(ld, parent, entry, value);
    else if (strcmp(key, "figure") == 0)
        load_figure(ld, parent, entry, value);
    else if (strcmp(key, "table") == 0)
        load_table(ld, parent, value);
    else
        ys_check_keys(entry, body_entry_keys, "a body entry", ld->dl);
}

/* One entry of a body list: a text is paragraphs, a mapping an entry. */
static void load_body_entry(loader *ld, block *parent, const ynode *entry)
{
    switch (entry->kind) {
    case YN_SCALAR: ld_paragraph_text(ld, parent, entry); break;
    case YN_MAPPING: load_body_mapping(ld, parent, entry); break;
    case YN_SEQUENCE:
        diag_report(ld->dl, D_WRONG_TYPE, entry->loc, _("a body entry must be a text or a mapping, not a list"));
        diag_hint(ld->dl, _("is this list indented one level too deep?"));
        break;
    }
}

void load_body_list(loader *ld, block *parent, const ynode *list, const char *what)
{
    if (list->kind == YN_SCALAR) {   /* one text: its paragraphs */
        ld_paragraph_text(ld, parent, list);
        return;
    }
    if (!ys_expect(list, YN_SEQUENCE, what, ld->dl))
        return;
    if (list->count == 0)
        diag_report(ld->dl, D_EMPTY_TEXT, list->loc, _("%s is an empty list"), what);
    for (size_t i = 0; i < list->count && !diag_too_many(ld->dl); i++)
        load_body_entry(ld, parent, list->items[i]);
}

/* ---- lines: notes, addressee, issuer -------------------------------------- */

void load_lines(loader *ld, block *parent, block_kind kind, const ynode *node, const char *what)
{
    if (node->kind == YN_MAPPING) {
        diag_report(ld->dl, D_WRONG_TYPE, node->loc, _("%s must be a text or a list of texts, not a mapping"), what);
        diag_hint(ld->dl, _("write each line as its own '- ' entry, without a key"));
        return;
    }
    if (node->kind == YN_SCALAR) {
        block *b = ld_new_block(ld, parent, kind, node);
        if (b)
            ld_set_text(ld, b, node, what);
        return;
    }
    if (node->count == 0)
        diag_report(ld->dl, D_EMPTY_TEXT, node->loc, _("%s is an empty list"), what);
    for (size_t i = 0; i < node->count && !diag_too_many(ld->dl); i++) {
        const ynode *line = node->items[i];
        if (!ys_expect(line, YN_SCALAR, what, ld->dl))
            continue;
        block *b = ld_new_block(ld, parent, kind, line);
        if (b)
            ld_set_text(ld, b, line, what);
    }
}

void load_notes(loader *ld, block *parent, const ynode *node)
{
    load_lines(ld, parent, BK_NOTE, node, "'notes'");
}

/* ---- the letter ------------------------------------------------------------- */

static bool is_letter(const ynode *root)
{
    return ynode_get(root, "reference") || ynode_get(root, "addressee") || ynode_get(root, "issuer");
}

void load_letter_head(loader *ld, const ynode *root)
{
    block *r = ld->doc->root;
    const ynode *n;
    if ((n = ynode_get(root, "reference")) && ys_expect(n, YN_SCALAR, "'reference'", ld->dl)) {
        block *b = ld_new_block(ld, r, BK_REFERENCE, n);
        if (b)
            ld_set_text(ld, b, n, "'reference'");
    }
    /* the date was checked with the metadata: a letter prints it */
    if ((n = ynode_get(root, "date")) && ld->doc->date && is_letter(root)) {
        block *b = ld_new_block(ld, r, BK_DATE, n);
        if (b)
            block_set_text(b, ld->doc->date, ld_loc(ld, n));
    }
    if ((n = ynode_get(root, "addressee")))
        load_lines(ld, r, BK_ADDRESSEE, n, "'addressee'");
    if ((n = ynode_get(root, "issuer")))
        load_lines(ld, r, BK_ISSUER, n, "'issuer'");
}

void load_record(loader *ld, const ynode *record, const ynode *notes)
{
    block *r = ld->doc->root;
    block *rec = ld_new_block(ld, r, BK_RECORD, record);
    if (!rec)
        return;
    load_body_list(ld, rec, record, "'record'");
    if (notes)
        load_notes(ld, rec, notes);
    ld_new_block(ld, r, BK_RECORD_END, record);
}
