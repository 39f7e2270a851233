/* table_load.h — a `table:` entry of a body list → a BK_TABLE block: its
 * caption, its columns (the header row, with the widths the content
 * gives) and its rows of cells, each row checked against the columns.
 * The shape of the tree it builds is in doc.h (BK_TABLE). */
#ifndef KUMIHAN_TABLE_LOAD_H
#define KUMIHAN_TABLE_LOAD_H

#include "diag.h"
#include "doc.h"
#include "ytree.h"

/* The keys a table mapping may hold, NULL-terminated.  "notes" and
 * "keep_together" are the body list's generic keys: the caller reads them. */
extern const char *const table_keys[];

/* Reads node (the value of `table:`) into a new BK_TABLE child of parent;
 * locations point at doc_path (the document's own copy of the path).
 * Returns the table, or NULL with diagnostics if it is not a mapping. */
block *table_load(block *parent, const ynode *node, const char *doc_path, diag_list *dl);

/* Parses a column width: "8em" or 8 (em of the body), "25%" (of the
 * measure).  Returns false if it is neither. */
bool table_parse_width(const char *s, float *out);

#endif
