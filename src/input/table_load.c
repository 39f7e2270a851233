/* table_load.c — `table:` → BK_TABLE with BK_TABLE_HEAD and BK_TABLE_ROW
 * children, each holding one BK_TABLE_CELL per column.  A row's own text
 * is its cells joined by " | ": never printed, it is what kumihan diff
 * pairs rows by (a row moved or added is found by its content). */
#include "table_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "sbuf.h"
#include "utf8.h"
#include "xalloc.h"
#include "yschema.h"

const char *const table_keys[] = {"caption", "columns", "rows", "id", "notes", "keep_together", NULL};
static const char *const column_keys[] = {"title", "width", NULL};

#define ROW_TEXT_SEPARATOR " | "

typedef struct tloader {
    const char *path;
    diag_list *dl;
} tloader;

static src_loc at(const tloader *tl, const ynode *n)
{
    return (src_loc){tl->path, n->loc.line, n->loc.col, n->loc.exact};
}

/* A cell's text: a scalar, possibly empty; no control characters (a cell
 * is one paragraph, so no blank line either). */
static const char *cell_text(const tloader *tl, const ynode *n, size_t row, size_t col)
{
    if (n->kind != YN_SCALAR) {
        diag_report(tl->dl, D_WRONG_TYPE, n->loc, _("row %zu, column %zu of the table must be a text, not a %s"),
                    row, col, ynode_kind_name(n->kind));
        diag_hint(tl->dl, _("quote the cell (\"…\") if it contains ': ' or starts with '[' or '{'"));
        return NULL;
    }
    size_t i = 0, len = strlen(n->value);
    while (i < len) {
        uint32_t cp;
        size_t start = i;
        if (!utf8_decode(n->value, len, &i, &cp)) {
            diag_report(tl->dl, D_BAD_UTF8, n->loc, _("invalid UTF-8 in text at byte %zu"), start);
            return NULL;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            diag_report(tl->dl, D_CONTROL_CHAR, n->loc,
                        _("row %zu, column %zu of the table contains control character U+%04X"), row, col,
                        (unsigned)cp);
            diag_hint(tl->dl, _("a cell is one paragraph: remove the line break or tab (the cell's text wraps "
                              "by itself)"));
            return NULL;
        }
    }
    return n->value;
}

static block *add_cell(const tloader *tl, block *row, const ynode *n, const char *text)
{
    block *cell = block_add(row, BK_TABLE_CELL, at(tl, n));
    block_set_text(cell, text, at(tl, n));
    return cell;
}

/* The row's text: its cells joined (see the file comment). */
static void join_cells(block *row)
{
    sbuf b = {0};
    for (size_t i = 0; i < row->n_children; i++) {
        if (i)
            sbuf_puts(&b, ROW_TEXT_SEPARATOR);
        sbuf_puts(&b, row->children[i]->text);
    }
    row->text = sbuf_detach(&b);
}

bool table_parse_width(const char *s, float *out)
{
    char *end;
    float v = strtof(s, &end);
    if (end == s || !(v > 0) || v > 1000)
        return false;
    while (*end == ' ')
        end++;
    if (strcmp(end, "%") == 0 || strcmp(end, "％") == 0) {
        if (v > 100)
            return false;
        *out = -v;
        return true;
    }
    if (*end == 0 || strcmp(end, "em") == 0) {
        *out = v;
        return true;
    }
    return false;
}

/* One column: a title, or {title: …, width: 8em | 25%}. */
static void load_column(const tloader *tl, block *table, block *head, const ynode *n, size_t col)
{
    const ynode *title = n;
    if (n->kind == YN_MAPPING) {
        ys_check_keys(n, column_keys, "a table column", tl->dl);
        title = ys_require(n, "title", "a table column", tl->dl);
        const ynode *w = ynode_get(n, "width");
        float width = 0;
        if (w && (w->kind != YN_SCALAR || !table_parse_width(w->value, &width))) {
            diag_report(tl->dl, D_BAD_VALUE, w->loc,
                        _("the width of column %zu must be a length in em (8em) or a percentage (25%%)"), col);
            diag_hint(tl->dl, _("leave 'width' out and the column gets the width its contents need"));
        }
        table->col_width[col - 1] = width;
        if (!title)
            return;
    }
    const char *text = cell_text(tl, title, 0, col);
    if (text)
        add_cell(tl, head, title, text);
}

static bool load_columns(const tloader *tl, block *table, const ynode *cols)
{
    if (!ys_expect(cols, YN_SEQUENCE, "'columns'", tl->dl))
        return false;
    if (cols->count == 0) {
        diag_report(tl->dl, D_EMPTY_TEXT, cols->loc, _("'columns' is an empty list"));
        return false;
    }
    table->n_cols = cols->count;
    table->col_width = xcalloc(cols->count, sizeof *table->col_width);
    block *head = block_add(table, BK_TABLE_HEAD, at(tl, cols));
    for (size_t i = 0; i < cols->count; i++)
        load_column(tl, table, head, cols->items[i], i + 1);
    join_cells(head);
    return head->n_children == cols->count;
}

/* One row: a list of exactly one cell per column. */
static void load_row(const tloader *tl, block *table, const ynode *n, size_t row_no)
{
    if (n->kind != YN_SEQUENCE) {
        diag_report(tl->dl, D_WRONG_TYPE, n->loc, _("row %zu of the table must be a list of cells, not a %s"),
                    row_no, ynode_kind_name(n->kind));
        diag_hint(tl->dl, _("write the row as [cell, cell, …], one cell per column"));
        return;
    }
    if (n->count != table->n_cols) {
        diag_report(tl->dl, D_BAD_VALUE, n->loc, _("row %zu of the table has %zu cells but the table has %zu columns"),
                    row_no, n->count, table->n_cols);
        diag_hint(tl->dl, _("give every row one cell per column; write \"\" for an empty cell"));
        return;
    }
    block *row = block_add(table, BK_TABLE_ROW, at(tl, n));
    for (size_t i = 0; i < n->count; i++) {
        const char *text = cell_text(tl, n->items[i], row_no, i + 1);
        add_cell(tl, row, n->items[i], text ? text : "");
    }
    join_cells(row);
}

block *table_load(block *parent, const ynode *node, const char *doc_path, diag_list *dl)
{
    tloader tl = {doc_path, dl};
    if (!ys_expect(node, YN_MAPPING, "a table", dl))
        return NULL;
    ys_check_keys(node, table_keys, "a table", dl);
    block *table = block_add(parent, BK_TABLE, at(&tl, node));
    const ynode *n;
    if ((n = ynode_get(node, "caption")) && ys_text(n, "the table's 'caption'", dl))
        block_set_text(table, n->value, at(&tl, n));
    if ((n = ynode_get(node, "id")) && ys_text(n, "'id'", dl))
        table->id = xstrdup(n->value);
    const ynode *cols = ys_require(node, "columns", "a table", dl);
    const ynode *rows = ys_require(node, "rows", "a table", dl);
    if (!cols || !load_columns(&tl, table, cols) || !rows || !ys_expect(rows, YN_SEQUENCE, "'rows'", dl))
        return table;
    if (rows->count == 0)
        diag_report(dl, D_EMPTY_TEXT, rows->loc, _("'rows' is an empty list"));
    for (size_t i = 0; i < rows->count && !diag_too_many(dl); i++)
        load_row(&tl, table, rows->items[i], i + 1);
    return table;
}
