/* schema_write.c — content_fields.h and layout_fields.h as JSON Schemas.
 *
 * Every key comes from a loader's table; only how each kind of value is
 * spelt in JSON Schema is written here.  The output is deterministic
 * (table order) and indented, to be committed and diffed. */
#include "schema_write.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "content_fields.h"
#include "figure_load.h"
#include "layout_fields.h"
#include "numbering.h"
#include "sbuf.h"

#define SCHEMA_DIALECT "http://json-schema.org/draft-07/schema#"

/* ---- a small JSON writer ------------------------------------------------- */

typedef struct json_writer {
    sbuf out;
    int depth;
    bool comma;        /* a member or element precedes at this depth */
} json_writer;

static void put_string(json_writer *w, const char *s)
{
    sbuf_putc(&w->out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            sbuf_printf(&w->out, "\\%c", c);
        else if (c < 0x20)
            sbuf_printf(&w->out, "\\u%04x", c);
        else
            sbuf_putc(&w->out, (char)c);
    }
    sbuf_putc(&w->out, '"');
}

/* A new line at the depth, after a comma when something precedes; then
 * the member's key, unless this is an array element (key NULL). */
static void begin_value(json_writer *w, const char *key)
{
    if (w->comma)
        sbuf_putc(&w->out, ',');
    if (w->depth > 0 || w->comma)
        sbuf_putc(&w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        sbuf_puts(&w->out, "  ");
    if (key) {
        put_string(w, key);
        sbuf_puts(&w->out, ": ");
    }
    w->comma = true;
}

static void open_json(json_writer *w, const char *key, char bracket)
{
    begin_value(w, key);
    sbuf_putc(&w->out, bracket);
    w->depth++;
    w->comma = false;
}

static void close_json(json_writer *w, char bracket)
{
    w->depth--;
    sbuf_putc(&w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        sbuf_puts(&w->out, "  ");
    sbuf_putc(&w->out, bracket);
    w->comma = true;
}

static void str_member(json_writer *w, const char *key, const char *value)
{
    begin_value(w, key);
    put_string(w, value);
}

static void num_member(json_writer *w, const char *key, double value)
{
    begin_value(w, key);
    sbuf_printf(&w->out, "%g", value);
}

static void bool_member(json_writer *w, const char *key, bool value)
{
    begin_value(w, key);
    sbuf_puts(&w->out, value ? "true" : "false");
}

static void ref_member(json_writer *w, const char *key, const char *definition)
{
    open_json(w, key, '{');
    char ref[64];
    snprintf(ref, sizeof ref, "#/definitions/%s", definition);
    str_member(w, "$ref", ref);
    close_json(w, '}');
}

/* {"type": "array", "items": {"$ref": …}}, at least one element if min1. */
static void list_of_ref(json_writer *w, const char *key, const char *definition, bool min1)
{
    open_json(w, key, '{');
    str_member(w, "type", "array");
    if (min1)
        num_member(w, "minItems", 1);
    ref_member(w, "items", definition);
    close_json(w, '}');
}

static void enum_member(json_writer *w, const char *key, const char *const *names)
{
    open_json(w, key, '[');
    for (; *names; names++)
        str_member(w, NULL, *names);
    close_json(w, ']');
}

static void schema_head(json_writer *w, const char *title, const char *description)
{
    open_json(w, NULL, '{');
    str_member(w, "$schema", SCHEMA_DIALECT);
    str_member(w, "title", title);
    str_member(w, "description", description);
    str_member(w, "type", "object");
}

static char *schema_tail(json_writer *w)
{
    close_json(w, '}');
    sbuf_putc(&w->out, '\n');
    return sbuf_detach(&w->out);
}

/* ---- content files -------------------------------------------------------- */

/* A text: what ys_text takes, a scalar that is not blank (a bare number is
 * one too: YAML reads "2023" as a number, the loader as its text). */
static void text_definition(json_writer *w)
{
    open_json(w, "text", '{');
    open_json(w, "type", '[');
    str_member(w, NULL, "string");
    str_member(w, NULL, "number");
    close_json(w, ']');
    str_member(w, "pattern", "\\S");
    close_json(w, '}');
}

/* A text, or a list of texts (keywords, paragraphs). */
static void texts_definition(json_writer *w, const char *name, const char *description)
{
    open_json(w, name, '{');
    str_member(w, "description", description);
    open_json(w, "anyOf", '[');
    ref_member(w, NULL, "text");
    list_of_ref(w, NULL, "text", false);
    close_json(w, ']');
    close_json(w, '}');
}

static const child_rule *rule_of_key(const char *key)
{
    for (size_t i = 0; i < N_CHILD_RULES; i++)
        if (strcmp(child_rules[i].key, key) == 0)
            return &child_rules[i];
    return NULL;
}

/* A value of CV_BODY, CV_LINES, CV_PATH or CV_BOOL. */
static void value_ref(json_writer *w, const char *key, content_value v)
{
    switch (v) {
    case CV_BODY: ref_member(w, key, "body"); break;
    case CV_LINES: ref_member(w, key, "lines"); break;
    case CV_BOOL:
        open_json(w, key, '{');
        str_member(w, "type", "boolean");
        close_json(w, '}');
        break;
    default: ref_member(w, key, "text"); break;
    }
}

/* A block's body, notes or keep_together (block_extras). */
static void extra_property(json_writer *w, const char *key)
{
    for (size_t i = 0; i < N_BLOCK_EXTRAS; i++)
        if (strcmp(block_extras[i].key, key) == 0)
            value_ref(w, key, block_extras[i].value);
}

/* An image mapping (figure_load.h): file and alt required, text values. */
static void image_property(json_writer *w, const char *key, const char *const *keys)
{
    open_json(w, key, '{');
    str_member(w, "description", "an image: a PNG or JPEG file (relative to the content file) and its alternative text");
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    for (size_t i = 0; keys[i]; i++)
        ref_member(w, keys[i], strcmp(keys[i], "notes") == 0 ? "lines" : "text");
    close_json(w, '}');
    open_json(w, "required", '[');
    str_member(w, NULL, "file");
    str_member(w, NULL, "alt");
    close_json(w, ']');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
}

/* A body list: texts (paragraphs) and one-key entries such as
 * {page_break: true}. */
static void body_definition(json_writer *w)
{
    open_json(w, "body", '{');
    str_member(w, "description", "a text, or a list of paragraphs and entries (page_break: true, figure: {…}, …)");
    open_json(w, "anyOf", '[');
    ref_member(w, NULL, "text");
    open_json(w, NULL, '{');
    str_member(w, "type", "array");
    open_json(w, "items", '{');
    open_json(w, "anyOf", '[');
    ref_member(w, NULL, "text");
    open_json(w, NULL, '{');
    str_member(w, "type", "object");
    num_member(w, "minProperties", 1);
    num_member(w, "maxProperties", 1);
    open_json(w, "properties", '{');
    open_json(w, "page_break", '{');
    bool_member(w, "const", true);
    close_json(w, '}');
    image_property(w, "figure", figure_keys);
    ref_member(w, "table", "table");
    close_json(w, '}');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
    close_json(w, ']');
    close_json(w, '}');
    close_json(w, '}');
    close_json(w, ']');
    close_json(w, '}');
}

/* A table cell: any scalar, "" included. */
static void cell_schema(json_writer *w, const char *key)
{
    open_json(w, key, '{');
    open_json(w, "type", '[');
    str_member(w, NULL, "string");
    str_member(w, NULL, "number");
    close_json(w, ']');
    close_json(w, '}');
}

/* A column: its title, or {title, width: 8em | 25%}. */
static void column_schema(json_writer *w, const char *key)
{
    open_json(w, key, '{');
    open_json(w, "anyOf", '[');
    ref_member(w, NULL, "text");
    open_json(w, NULL, '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    ref_member(w, "title", "text");
    open_json(w, "width", '{');
    str_member(w, "description", "in em of the body (8em, 8) or a percentage of the measure (25%)");
    open_json(w, "type", '[');
    str_member(w, NULL, "string");
    str_member(w, NULL, "number");
    close_json(w, ']');
    close_json(w, '}');
    close_json(w, '}');
    open_json(w, "required", '[');
    str_member(w, NULL, "title");
    close_json(w, ']');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
    close_json(w, ']');
    close_json(w, '}');
}

/* table: {caption, columns, rows, id, notes, keep_together} (table_load.h). */
static void table_definition(json_writer *w)
{
    open_json(w, "table", '{');
    str_member(w, "description", "a table: its header row (columns) and rows, one cell per column");
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    ref_member(w, "caption", "text");
    open_json(w, "columns", '{');
    str_member(w, "type", "array");
    num_member(w, "minItems", 1);
    column_schema(w, "items");
    close_json(w, '}');
    open_json(w, "rows", '{');
    str_member(w, "type", "array");
    num_member(w, "minItems", 1);
    open_json(w, "items", '{');
    str_member(w, "type", "array");
    cell_schema(w, "items");
    close_json(w, '}');
    close_json(w, '}');
    ref_member(w, "id", "text");
    extra_property(w, "notes");
    extra_property(w, "keep_together");
    close_json(w, '}');
    open_json(w, "required", '[');
    str_member(w, NULL, "columns");
    str_member(w, NULL, "rows");
    close_json(w, ']');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
}

/* A block: its text alone, or a mapping of content_block_keys. */
static void block_definition(json_writer *w, block_kind kind)
{
    const char *keys[CONTENT_MAX_BLOCK_KEYS + 1];
    content_block_keys(kind, keys);
    open_json(w, block_kind_name(kind), '{');
    open_json(w, "anyOf", '[');
    ref_member(w, NULL, "text");
    open_json(w, NULL, '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    ref_member(w, keys[0], "text");
    open_json(w, keys[1], '{');
    str_member(w, "description", "true: the block is new this year (the layout's new_mark)");
    str_member(w, "type", "boolean");
    close_json(w, '}');
    ref_member(w, keys[2], "text");
    for (size_t i = 3; keys[i]; i++) {
        const child_rule *r = rule_of_key(keys[i]);
        if (!r)
            extra_property(w, keys[i]);
        else if (r->child == BK_PARAGRAPH)
            ref_member(w, keys[i], "paragraphs");
        else
            list_of_ref(w, keys[i], block_kind_name(r->child), true);
    }
    close_json(w, '}');
    open_json(w, "required", '[');
    str_member(w, NULL, keys[0]);
    close_json(w, ']');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
    close_json(w, ']');
    close_json(w, '}');
}

static void content_property(json_writer *w, const content_key *k)
{
    switch (k->value) {
    case CV_TEXT: ref_member(w, k->key, "text"); break;
    case CV_YEAR:
        open_json(w, k->key, '{');
        str_member(w, "type", "integer");
        num_member(w, "minimum", CONTENT_YEAR_MIN);
        num_member(w, "maximum", CONTENT_YEAR_MAX);
        close_json(w, '}');
        break;
    case CV_DATE:
        open_json(w, k->key, '{');
        str_member(w, "description", "a date like 2023-04-01");
        str_member(w, "type", "string");
        str_member(w, "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        close_json(w, '}');
        break;
    case CV_WORDS: ref_member(w, k->key, "words"); break;
    case CV_PARAGRAPHS: ref_member(w, k->key, "paragraphs"); break;
    case CV_PARTS: list_of_ref(w, k->key, block_kind_name(BK_PART), true); break;
    case CV_BOOL:
        open_json(w, k->key, '{');
        str_member(w, "type", "boolean");
        close_json(w, '}');
        break;
    case CV_BODY:
    case CV_LINES:
    case CV_PATH: value_ref(w, k->key, k->value); break;
    case CV_IMAGE: image_property(w, k->key, logo_keys); break;
    }
}

char *schema_content_json(void)
{
    json_writer w = {0};
    schema_head(&w, "kumihan content file",
                "The text of a document: its metadata, preface and parts (numbers are added by the layout).");
    open_json(&w, "properties", '{');
    for (size_t i = 0; i < N_CONTENT_TOP_KEYS; i++)
        content_property(&w, &content_top_keys[i]);
    close_json(&w, '}');
    open_json(&w, "required", '[');
    for (size_t i = 0; i < N_CONTENT_TOP_KEYS; i++)
        if (content_top_keys[i].required)
            str_member(&w, NULL, content_top_keys[i].key);
    close_json(&w, ']');
    bool_member(&w, "additionalProperties", false);
    open_json(&w, "definitions", '{');
    text_definition(&w);
    texts_definition(&w, "words", "a list of words, or one text");
    texts_definition(&w, "paragraphs", "a text (a blank line splits paragraphs), or a list of paragraphs");
    texts_definition(&w, "lines", "a text, or a list of texts: one line each");
    body_definition(&w);
    table_definition(&w);
    block_definition(&w, BK_PART);
    for (size_t i = 0; i < N_CHILD_RULES; i++) {
        bool seen = child_rules[i].child == BK_PARAGRAPH;
        for (size_t j = 0; j < i && !seen; j++)
            seen = child_rules[j].child == child_rules[i].child;
        if (!seen)
            block_definition(&w, child_rules[i].child);
    }
    close_json(&w, '}');
    return schema_tail(&w);
}

/* ---- layout files ----------------------------------------------------------- */

/* What strtod and ys_length's units take: 10.5pt, 20mm, 1.5cm, 1in, 12. */
#define LENGTH_PATTERN "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?(pt|mm|cm|in)?$"

static void ranged_number(json_writer *w, const char *type, const field *f)
{
    str_member(w, "type", type);
    num_member(w, "minimum", f->min);
    num_member(w, "maximum", f->max);
}

static void length_schema(json_writer *w, const field *f)
{
    str_member(w, "description", "a length: 10.5pt, 20mm, 1.5cm, 1in, or a number of points");
    open_json(w, "anyOf", '[');
    open_json(w, NULL, '{');
    ranged_number(w, "number", f);
    close_json(w, '}');
    open_json(w, NULL, '{');
    str_member(w, "type", "string");
    str_member(w, "pattern", LENGTH_PATTERN);
    close_json(w, '}');
    close_json(w, ']');
}

static void choice_schema(json_writer *w, const char *const *names)
{
    str_member(w, "type", "string");
    enum_member(w, "enum", names);
}

static void field_schema(json_writer *w, const field *f)
{
    open_json(w, f->key, '{');
    switch (f->type) {
    case F_FONT:
        str_member(w, "description", "a font role named in 'fonts'");
        str_member(w, "type", "string");
        break;
    case F_LENGTH: length_schema(w, f); break;
    case F_EM:
        str_member(w, "description", "in em of the body size");
        ranged_number(w, "number", f);
        break;
    case F_NUMBER: ranged_number(w, "number", f); break;
    case F_INT: ranged_number(w, "integer", f); break;
    case F_COLOR:
        str_member(w, "description", "a colour: #rrggbb, #rgb or a name from 'colors'");
        str_member(w, "type", "string");
        break;
    case F_BOOL: str_member(w, "type", "boolean"); break;
    case F_TEXT: str_member(w, "type", "string"); break;
    case F_FORMAT:
        str_member(w, "description", "a number format: {n} is the number");
        str_member(w, "type", "string");
        break;
    case F_TEMPLATE:
        str_member(w, "description", "text with {page}, {pages} and {part}");
        str_member(w, "type", "string");
        break;
    case F_ALIGN: choice_schema(w, align_names); break;
    case F_NUMBERING: choice_schema(w, num_style_names()); break;
    case F_DECOR: choice_schema(w, decor_names); break;
    case F_KINSOKU: choice_schema(w, kinsoku_names); break;
    case F_BREAK: choice_schema(w, break_names); break;
    case F_IMPOSE: choice_schema(w, impose_names); break;
    case F_PAD: choice_schema(w, pad_names); break;
    case F_CALENDAR: choice_schema(w, calendar_names); break;
    case F_PLACE: choice_schema(w, place_names); break;
    case F_WIDTH:
        str_member(w, "description", "a percentage of the measure (60%) or a length (80mm)");
        str_member(w, "type", "string");
        break;
    case F_SIDE: choice_schema(w, side_names); break;
    }
    close_json(w, '}');
}

/* A section read by read_fields: its table's fields, then its extra key
 * (a paper size) when it has one. */
static void fields_schema(json_writer *w, const char *key, const field *fields, const char *extra)
{
    open_json(w, key, '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    for (const field *f = fields; f->key; f++)
        field_schema(w, f);
    if (extra)
        ref_member(w, extra, "paper");
    close_json(w, '}');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
}

static void paper_definition(json_writer *w)
{
    const char *names[N_PAPER_SIZES + 1];
    for (size_t i = 0; i < N_PAPER_SIZES; i++)
        names[i] = paper_sizes[i].name;
    names[N_PAPER_SIZES] = NULL;
    open_json(w, "paper", '{');
    str_member(w, "description", "a paper size by name, or [width, height]");
    open_json(w, "anyOf", '[');
    open_json(w, NULL, '{');
    choice_schema(w, names);
    close_json(w, '}');
    open_json(w, NULL, '{');
    str_member(w, "type", "array");
    num_member(w, "minItems", 2);
    num_member(w, "maxItems", 2);
    open_json(w, "items", '{');
    open_json(w, "type", '[');
    str_member(w, NULL, "number");
    str_member(w, NULL, "string");
    close_json(w, ']');
    close_json(w, '}');
    close_json(w, '}');
    close_json(w, ']');
    close_json(w, '}');
}

/* fonts: role: file.ttf, or role: {file: …, fallback: [role, …]} */
static void fonts_schema(json_writer *w, const char *key)
{
    open_json(w, key, '{');
    str_member(w, "description", "font roles: a TrueType file, or {file, fallback: [roles]}");
    str_member(w, "type", "object");
    num_member(w, "minProperties", 1);
    open_json(w, "additionalProperties", '{');
    open_json(w, "anyOf", '[');
    open_json(w, NULL, '{');
    str_member(w, "type", "string");
    close_json(w, '}');
    open_json(w, NULL, '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    open_json(w, font_keys[0], '{');
    str_member(w, "type", "string");
    close_json(w, '}');
    open_json(w, font_keys[1], '{');
    str_member(w, "type", "array");
    open_json(w, "items", '{');
    str_member(w, "type", "string");
    close_json(w, '}');
    close_json(w, '}');
    close_json(w, '}');
    open_json(w, "required", '[');
    str_member(w, NULL, font_keys[0]);
    close_json(w, ']');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
    close_json(w, ']');
    close_json(w, '}');
    close_json(w, '}');
}

static void colors_schema(json_writer *w, const char *key)
{
    open_json(w, key, '{');
    str_member(w, "description", "named colours: name: \"#rrggbb\"");
    str_member(w, "type", "object");
    open_json(w, "additionalProperties", '{');
    str_member(w, "type", "string");
    close_json(w, '}');
    close_json(w, '}');
}

/* A block style; a table's has its rules and spacing beside (table_fields). */
static void style_definition(json_writer *w, const char *name, bool table)
{
    open_json(w, name, '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    for (const field *f = style_fields; f->key; f++)
        field_schema(w, f);
    for (const field *f = table_fields; table && f->key; f++)
        field_schema(w, f);
    close_json(w, '}');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
}

static void blocks_schema(json_writer *w, const char *key)
{
    open_json(w, key, '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    for (size_t i = 0; i < N_STYLE_KEYS; i++)
        ref_member(w, style_keys[i].key, style_keys[i].kind == BK_TABLE ? "table_style" : "style");
    close_json(w, '}');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
}

static void int_from(json_writer *w, const char *key, int min)
{
    open_json(w, key, '{');
    str_member(w, "type", "integer");
    num_member(w, "minimum", min);
    close_json(w, '}');
}

/* page_labels: [{from: 1, style: none, prefix: 表紙}, {from: 2, style: decimal}] */
static void page_labels_schema(json_writer *w, const char *key)
{
    open_json(w, key, '{');
    str_member(w, "type", "array");
    open_json(w, "items", '{');
    str_member(w, "type", "object");
    open_json(w, "properties", '{');
    int_from(w, page_label_keys[0], 1);
    open_json(w, page_label_keys[1], '{');
    choice_schema(w, label_style_names);
    close_json(w, '}');
    open_json(w, page_label_keys[2], '{');
    str_member(w, "type", "string");
    close_json(w, '}');
    int_from(w, page_label_keys[3], 1);
    close_json(w, '}');
    open_json(w, "required", '[');
    str_member(w, NULL, page_label_keys[0]);
    close_json(w, ']');
    bool_member(w, "additionalProperties", false);
    close_json(w, '}');
    close_json(w, '}');
}

/* The sections read by read_fields, by key. */
static const struct fields_section {
    const char *key;
    const field *fields;
    const char *const *extra;   /* its one extra key, a paper size, or NULL */
} fields_sections[] = {
    {"page", page_fields, page_extra_keys},      {"body", body_fields, NULL},
    {"typesetting", typesetting_fields, NULL},   {"pagination", pagination_fields, NULL},
    {"new_mark", new_mark_fields, NULL},         {"emphasis", emphasis_fields, NULL},
    {"header", furniture_fields, NULL},
    {"footer", furniture_fields, NULL},          {"imposition", imposition_fields, imposition_extra_keys},
    {"changes", changes_fields, NULL},           {"toc", toc_fields, NULL},
};

/* Writes section key's schema; false when it has none here. */
static bool layout_section(json_writer *w, const char *key)
{
    for (size_t i = 0; i < sizeof fields_sections / sizeof fields_sections[0]; i++)
        if (strcmp(fields_sections[i].key, key) == 0) {
            const char *const *extra = fields_sections[i].extra;
            fields_schema(w, key, fields_sections[i].fields, extra ? extra[0] : NULL);
            return true;
        }
    if (strcmp(key, "fonts") == 0)
        fonts_schema(w, key);
    else if (strcmp(key, "colors") == 0)
        colors_schema(w, key);
    else if (strcmp(key, "blocks") == 0)
        blocks_schema(w, key);
    else if (strcmp(key, "page_labels") == 0)
        page_labels_schema(w, key);
    else
        return false;
    return true;
}

char *schema_layout_json(void)
{
    json_writer w = {0};
    schema_head(&w, "kumihan layout file",
                "How a document is set: page, fonts, block styles, running head and footer, imposition.");
    open_json(&w, "properties", '{');
    bool ok = true;
    for (const char *const *k = layout_top_keys; ok && *k; k++)
        ok = layout_section(&w, *k);
    if (!ok) {
        sbuf_free(&w.out);
        return NULL;
    }
    close_json(&w, '}');
    open_json(&w, "required", '[');
    str_member(&w, NULL, "fonts");
    close_json(&w, ']');
    bool_member(&w, "additionalProperties", false);
    open_json(&w, "definitions", '{');
    paper_definition(&w);
    style_definition(&w, "style", false);
    style_definition(&w, "table_style", true);
    close_json(&w, '}');
    return schema_tail(&w);
}
