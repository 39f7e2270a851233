/* content_load.c — content YAML → document tree, with schema checks.
 *
 * The schema is in tables (content_fields.h): the top-level keys, and which
 * key of which block kind holds children of which kind.  Everything else
 * about a block is its text (title or text), "new" and "id", and the
 * block_extras (body, notes, keep_together).  Children are added in the
 * order they are set: lead, body, the lists in the order their keys
 * appear, notes. */
#include "content.h"
#include "body_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "content_fields.h"
#include "figure_load.h"
#include "file_path.h"
#include "slips.h"
#include "utf8.h"
#include "yschema.h"
#include "vec.h"
#include "xalloc.h"

#define MAX_BLOCKS 200000

static const child_rule *rule_for(const char *key, block_kind parent)
{
    for (size_t i = 0; i < N_CHILD_RULES; i++)
        if (strcmp(child_rules[i].key, key) == 0 && (child_rules[i].parents & KIND_BIT(parent)))
            return &child_rules[i];
    return NULL;
}

/* Characters that have no place in printed text: C0/C1 controls, DEL. */
bool ld_check_text_chars(loader *ld, const char *text, src_loc loc, bool allow_newline)
{
    size_t i = 0, len = strlen(text);
    for (int chars = 1; i < len; chars++) {
        uint32_t cp;
        size_t at = i;
        if (!utf8_decode(text, len, &i, &cp)) {
            diag_report(ld->dl, D_BAD_UTF8, loc, _("invalid UTF-8 in text at byte %zu"), at);
            return false;
        }
        if (cp == '\n' && allow_newline)
            continue;
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            diag_report(ld->dl, D_CONTROL_CHAR, loc, _("text contains control character U+%04X (character %d)"),
                        (unsigned)cp, chars);
            if (cp == '\n')
                diag_hint(ld->dl, _("a blank line splits paragraphs; it cannot stand inside a title or item"));
            else if (cp == '\t')
                diag_hint(ld->dl, _("replace the tab with a space (or nothing)"));
            else
                diag_hint(ld->dl, _("remove the escape (\\x.., \\u....) that produces it"));
            return false;
        }
    }
    return true;
}

/* The node's location, pointing at the document's own copy of the path
 * (the YAML tree, and its path, are freed after loading). */
src_loc ld_loc(const loader *ld, const ynode *node)
{
    return (src_loc){ld->doc->path, node->loc.line, node->loc.col, node->loc.exact};
}

/* A new child of parent; NULL (reported once) past MAX_BLOCKS. */
block *ld_new_block(loader *ld, block *parent, block_kind kind, const ynode *node)
{
    src_loc loc = ld_loc(ld, node);
    if (++ld->n_blocks > MAX_BLOCKS) {
        if (ld->n_blocks == MAX_BLOCKS + 1)
            diag_report(ld->dl, D_LIMIT, loc, _("more than %d blocks in one document"), MAX_BLOCKS);
        return NULL;
    }
    return block_add(parent, kind, loc);
}

/* Paragraphs: a string (blank lines split it) or a list of strings. */
void ld_paragraph_text(loader *ld, block *parent, const ynode *node)
{
    const char *text = ys_text(node, "a paragraph", ld->dl);
    if (!text || !ld_check_text_chars(ld, text, node->loc, true))
        return;
    slips_in_text(ld->tree, node, ld->dl);
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0) {
            block *para = ld_new_block(ld, parent, BK_PARAGRAPH, node);
            if (!para)
                return;
            para->text = xstrndup(p, n);
            para->text_loc = ld_loc(ld, node);
        }
        p += n + (end ? 1 : 0);
    }
}

static void load_paragraphs(loader *ld, block *parent, const ynode *node)
{
    if (node->kind == YN_SEQUENCE) {
        for (size_t i = 0; i < node->count; i++)
            ld_paragraph_text(ld, parent, node->items[i]);
        return;
    }
    ld_paragraph_text(ld, parent, node);
}

static void load_block(loader *ld, block *parent, block_kind kind, const ynode *node);

static void load_children(loader *ld, block *b, const child_rule *rule, const ynode *list)
{
    if (rule->child == BK_PARAGRAPH) {
        load_paragraphs(ld, b, list);
        return;
    }
    char what[64];
    snprintf(what, sizeof what, "'%s'", rule->key);
    if (!ys_expect(list, YN_SEQUENCE, what, ld->dl))
        return;
    if (list->count == 0)
        diag_report(ld->dl, D_EMPTY_TEXT, list->loc, _("'%s' is an empty list"), rule->key);
    for (size_t i = 0; i < list->count && !diag_too_many(ld->dl); i++)
        load_block(ld, b, rule->child, list->items[i]);
}

void ld_set_text(loader *ld, block *b, const ynode *node, const char *what)
{
    const char *text = ys_text(node, what, ld->dl);
    if (!text || !ld_check_text_chars(ld, text, node->loc, false))
        return;
    block_set_text(b, text, ld_loc(ld, node));
    slips_in_text(ld->tree, node, ld->dl);
}

static void note_id(loader *ld, const char *id, const ynode *node)
{
    VEC_RESERVE(ld->ids, ld->cap_ids, ld->n_ids + 1);
    ld->ids[ld->n_ids] = (slip_id){id, ld_loc(ld, node), ld->n_ids};
    ld->n_ids++;
}

/* "an item", "an entry", "a part": messages read as plain English. */
static const char *article(block_kind kind)
{
    return strchr("aeiou", block_kind_name(kind)[0]) ? "an" : "a";
}

/* A block's children in the order they are set: its lead, its body, its
 * lists (in the order of their keys), then its notes, whatever order the
 * keys are written in. */
/* The value of extra key `key` of map, if b's kind may have it (else it was
 * reported as unknown: no second error from reading it). */
static const ynode *extra(const block *b, const ynode *map, const char *key)
{
    for (size_t i = 0; i < N_BLOCK_EXTRAS; i++)
        if (strcmp(block_extras[i].key, key) == 0 && (block_extras[i].kinds & KIND_BIT(b->kind)))
            return ynode_get(map, key);
    return NULL;
}

static void load_block_flow(loader *ld, block *b, const ynode *map)
{
    const ynode *n;
    if ((n = ynode_get(map, "lead")) && rule_for("lead", b->kind))
        load_children(ld, b, rule_for("lead", b->kind), n);
    if ((n = extra(b, map, "body")))
        load_body_list(ld, b, n, "'body'");
    for (size_t i = 0; i < map->count; i++) {
        const child_rule *rule = rule_for(map->keys[i]->value, b->kind);
        if (rule && rule->child != BK_PARAGRAPH)
            load_children(ld, b, rule, map->items[i]);
    }
    if ((n = extra(b, map, "keep_together")))
        ys_bool(n, "'keep_together'", &b->keep_together, ld->dl);
    if ((n = extra(b, map, "notes")))
        load_notes(ld, b, n);
}

static void load_block_mapping(loader *ld, block *b, const ynode *map)
{
    const char *keys[CONTENT_MAX_BLOCK_KEYS + 1];
    char what[64];
    content_block_keys(b->kind, keys);
    snprintf(what, sizeof what, "%s %s", article(b->kind), block_kind_name(b->kind));
    ys_check_keys(map, keys, what, ld->dl);

    const ynode *text = ys_require(map, content_text_key(b->kind), what, ld->dl);
    if (text)
        ld_set_text(ld, b, text, what);
    const ynode *is_new = ynode_get(map, "new");
    if (is_new)
        ys_bool(is_new, "'new'", &b->is_new, ld->dl);
    const ynode *id = ynode_get(map, "id");
    if (id && ys_text(id, "'id'", ld->dl)) {
        b->id = xstrdup(id->value);
        note_id(ld, b->id, id);
    }

    load_block_flow(ld, b, map);
}

/* A block is a mapping, or a plain string as shorthand for its text. */
static void load_block(loader *ld, block *parent, block_kind kind, const ynode *node)
{
    block *b = ld_new_block(ld, parent, kind, node);
    if (!b)
        return;
    if (node->kind == YN_SCALAR) {
        char what[64];
        snprintf(what, sizeof what, "%s %s", article(kind), block_kind_name(kind));
        ld_set_text(ld, b, node, what);
        return;
    }
    if (node->kind == YN_SEQUENCE) {
        diag_report(ld->dl, D_WRONG_TYPE, node->loc,
                    _("%s %s must be a text or a mapping with '%s', not a list"), article(kind), block_kind_name(kind),
                    content_text_key(kind));
        diag_hint(ld->dl, _("is this list indented one level too deep, or missing its key (e.g. 'items:')?"));
        return;
    }
    load_block_mapping(ld, b, node);
}

static char *copy_text(loader *ld, const ynode *node, const char *what)
{
    const char *text = ys_text(node, what, ld->dl);
    if (!text || !ld_check_text_chars(ld, text, node->loc, false))
        return NULL;
    return xstrdup(text);
}

static bool valid_date(const char *s)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return false;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

static void load_date(loader *ld, const ynode *node)
{
    if (!ys_expect(node, YN_SCALAR, "'date'", ld->dl))
        return;
    if (!valid_date(node->value)) {
        diag_report(ld->dl, D_BAD_VALUE, node->loc, _("'date' must be a date like 2023-04-01, not '%s'"),
                    node->value);
        return;
    }
    ld->doc->date = xstrdup(node->value);
}

/* Keywords: a list of words, or one string; stored comma-separated. */
static void load_keywords(loader *ld, const ynode *node)
{
    if (node->kind == YN_SCALAR) {
        ld->doc->keywords = copy_text(ld, node, "'keywords'");
        return;
    }
    if (!ys_expect(node, YN_SEQUENCE, "'keywords'", ld->dl))
        return;
    size_t total = 1;
    for (size_t i = 0; i < node->count; i++)
        if (ys_text(node->items[i], "a keyword", ld->dl))
            total += node->items[i]->len + 2;
    char *joined = xcalloc(1, total);
    for (size_t i = 0; i < node->count; i++) {
        if (node->items[i]->kind != YN_SCALAR || !node->items[i]->value[0])
            continue;
        if (joined[0])
            strcat(joined, ", ");
        strcat(joined, node->items[i]->value);
    }
    ld->doc->keywords = joined;
}

/* libharu refuses a string longer than HPDF_LIMIT_MAX_STRING_LEN (65535
 * bytes, hpdf_consts.h); document information goes in as UTF-16BE after a
 * 2-byte mark (pdf_meta.c): 2 bytes a character, 4 outside the BMP. */
#define PDF_MAX_STRING_BYTES 65535

static void check_pdf_info_length(loader *ld, const ynode *node, const char *what, const char *text)
{
    size_t bytes = 2, chars = 0, len = text ? strlen(text) : 0;
    for (size_t i = 0; i < len; chars++) {
        uint32_t cp;
        utf8_decode(text, len, &i, &cp);
        bytes += cp >= 0x10000 ? 4 : 2;
    }
    if (bytes <= PDF_MAX_STRING_BYTES)
        return;
    diag_report(ld->dl, D_LIMIT, node->loc, _("%s is too long for the PDF's document information (%zu characters)"),
                what, chars);
    diag_hint(ld->dl, _("a PDF string holds at most %d characters (fewer outside the BMP); shorten it"),
              (PDF_MAX_STRING_BYTES - 2) / 2);
}

/* layout: ../layouts/notice-a4.yaml — relative to the content file's
 * folder, as a staff member reads it beside the file. */
static void load_layout_path(loader *ld, const ynode *node)
{
    const char *file = ys_text(node, "'layout'", ld->dl);
    if (!file)
        return;
    ld->doc->layout = path_beside(ld->doc->path ? ld->doc->path : "", file);
    ld->doc->layout_loc = ld_loc(ld, node);
}

static void load_metadata(loader *ld, const ynode *root)
{
    document *doc = ld->doc;
    const ynode *n;
    if ((n = ys_require(root, "title", "the document", ld->dl))) {
        doc->title = copy_text(ld, n, "'title'");
        doc->title_loc = ld_loc(ld, n);
        check_pdf_info_length(ld, n, "'title'", doc->title);
    }
    if ((n = ys_require(root, "organization", "the document", ld->dl))) {
        doc->organization = copy_text(ld, n, "'organization'");
        check_pdf_info_length(ld, n, "'organization'", doc->organization);
    }
    long year;
    if ((n = ynode_get(root, "fiscal_year")) && ys_int(n, "'fiscal_year'", CONTENT_YEAR_MIN, CONTENT_YEAR_MAX, &year, ld->dl))
        doc->fiscal_year = (int)year;
    if ((n = ynode_get(root, "date")))
        load_date(ld, n);
    if ((n = ynode_get(root, "back_cover")))
        ys_bool(n, "'back_cover'", &doc->back_cover, ld->dl);
    if ((n = ynode_get(root, "layout")))
        load_layout_path(ld, n);
    if ((n = ynode_get(root, "subject"))) {
        doc->subject = copy_text(ld, n, "'subject'");
        check_pdf_info_length(ld, n, "'subject'", doc->subject);
    }
    if ((n = ynode_get(root, "logo"))) {
        doc->logo = block_add(NULL, BK_LOGO, ld_loc(ld, n));
        figure_load(doc->logo, n, doc->path, ld->dl);
    }
    if ((n = ynode_get(root, "keywords"))) {
        load_keywords(ld, n);
        check_pdf_info_length(ld, n, "'keywords' (joined with ', ')", doc->keywords);
    }
}

static void load_parts(loader *ld, const ynode *parts)
{
    if (!ys_expect(parts, YN_SEQUENCE, "'parts'", ld->dl))
        return;
    if (parts->count == 0)
        diag_report(ld->dl, D_EMPTY_TEXT, parts->loc, _("'parts' is an empty list"));
    for (size_t i = 0; i < parts->count && !diag_too_many(ld->dl); i++)
        load_block(ld, ld->doc->root, BK_PART, parts->items[i]);
}

/* The root's children in reading order: the letter's head, the preface,
 * the body, the parts, the record (記 … 以上, the document's notes just
 * before its 以上), else the notes last.  A document needs parts, a body
 * or a record: something to print after its title. */
static void load_body(loader *ld, const ynode *root)
{
    block *r = ld->doc->root;
    load_letter_head(ld, root);
    const ynode *preface = ynode_get(root, "preface");
    if (preface)
        load_paragraphs(ld, r, preface);
    const ynode *body = ynode_get(root, "body"), *parts = ynode_get(root, "parts");
    const ynode *record = ynode_get(root, "record"), *notes = ynode_get(root, "notes");
    if (body)
        load_body_list(ld, r, body, "'body'");
    if (parts)
        load_parts(ld, parts);
    else if (!body && !record)
        ys_require(root, "parts", "the document", ld->dl);
    if (record)
        load_record(ld, record, notes);
    else if (notes)
        load_notes(ld, r, notes);
}

document *content_from_tree(const ytree *tree, diag_list *dl)
{
    size_t errors_before = dl->errors;
    if (!tree->root) {
        diag_report(dl, D_MISSING_FIELD, (src_loc){tree->path, 1, 1}, _("the content file is empty"));
        return NULL;
    }
    if (!ys_expect(tree->root, YN_MAPPING, "a content file", dl))
        return NULL;
    loader ld = {.doc = doc_new(tree->path), .dl = dl, .tree = tree};
    const char *top_keys[N_CONTENT_TOP_KEYS + 1];
    for (size_t i = 0; i < N_CONTENT_TOP_KEYS; i++)
        top_keys[i] = content_top_keys[i].key;
    top_keys[N_CONTENT_TOP_KEYS] = NULL;
    ys_check_keys(tree->root, top_keys, "the content file", dl);
    load_metadata(&ld, tree->root);
    load_body(&ld, tree->root);
    slips_duplicate_ids(ld.ids, ld.n_ids, dl);
    free(ld.ids);
    if (dl->errors == errors_before)
        slips_in_document(ld.doc, dl);
    if (dl->errors > errors_before) {
        doc_free(ld.doc);
        return NULL;
    }
    return ld.doc;
}

document *content_load(const char *path, diag_list *dl)
{
    ytree *tree = ytree_load(path, NULL, dl);
    if (!tree)
        return NULL;
    document *doc = content_from_tree(tree, dl);
    ytree_free(tree);
    return doc;
}
