/* ytree.h — a YAML file as a small tree of scalars, sequences and mappings,
 * every node carrying its file:line:col.  yaml_load.c is the only file that
 * includes <yaml.h>; the content and layout loaders walk this tree. */
#ifndef KUMIHAN_YTREE_H
#define KUMIHAN_YTREE_H

#include "diag.h"

typedef enum ynode_kind { YN_SCALAR, YN_SEQUENCE, YN_MAPPING } ynode_kind;

typedef struct ynode {
    ynode_kind kind;
    src_loc loc;
    /* YN_SCALAR: the value, UTF-8, NUL-terminated.  Multi-line plain and
     * block scalars are folded by text_fold(): a line break between two
     * Japanese characters disappears instead of becoming a space. */
    char *value;
    size_t len;
    int quoted;               /* scalar was quoted ('...' or "...") */
    bool plain;               /* scalar was plain (neither quoted nor | >) */
    /* YN_SCALAR: where its source ends (just after its last character):
     * a comment after a plain text starts on that line (slips.c) */
    src_loc end;
    /* YN_SEQUENCE: items; YN_MAPPING: keys[i] -> items[i] (keys are scalars) */
    struct ynode **keys;
    struct ynode **items;
    size_t count, cap;
} ynode;

/* Limits that keep hostile input from exhausting memory or time. */
typedef struct ytree_limits {
    size_t max_file_bytes;   /* default 4 MiB */
    size_t max_nodes;        /* default 200000 */
    int max_depth;           /* default 64 */
    size_t max_line_bytes;   /* default 16 KiB */
} ytree_limits;

typedef struct ytree {
    char *path;      /* owned; every loc.file in the tree points here */
    char *source;    /* the file's bytes, NUL-terminated */
    size_t source_len;
    size_t *line_starts;   /* byte offset in source of each line (0-based) */
    size_t nlines;
    ynode *root;     /* NULL for an empty document */
} ytree;

/* Reads and parses path.  On failure returns NULL with diagnostics added
 * (syntax errors with a hint, invalid UTF-8, limits, unreadable file).
 * Anchors and aliases are rejected (no billion-laughs expansion). */
ytree *ytree_load(const char *path, const ytree_limits *limits, diag_list *dl);
/* Same, from a buffer; name is used for locations. */
ytree *ytree_load_buffer(const char *name, const char *data, size_t len,
                         const ytree_limits *limits, diag_list *dl);
void ytree_free(ytree *t);

/* The bytes of line `line` (1-based, as in src_loc) without its line
 * break, or NULL past the end: checks that need what libyaml dropped
 * (comments, the source of a folded line) read it here. */
const char *ytree_line(const ytree *t, int line, size_t *len);

/* Mapping lookup by key; NULL if absent. */
const ynode *ynode_get(const ynode *map, const char *key);
const char *ynode_kind_name(ynode_kind kind);

#endif
