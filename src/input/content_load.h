/* content_load.h — what the parts of the content loader share (internal
 * to src/input): the loader's state and the helpers that make blocks and
 * check their text.  content_load.c reads the document and its blocks;
 * body_load.c the body lists, notes and the letter's head and record. */
#ifndef KUMIHAN_CONTENT_LOAD_H
#define KUMIHAN_CONTENT_LOAD_H

#include <stdbool.h>
#include "diag.h"
#include "doc.h"
#include "slips.h"
#include "ytree.h"

typedef struct loader {
    document *doc;
    diag_list *dl;
    const ytree *tree;   /* the source, for slips_in_text */
    size_t n_blocks;
    slip_id *ids;        /* every id given, for slips_duplicate_ids */
    size_t n_ids, cap_ids;
} loader;

/* The node's location, pointing at the document's own copy of the path. */
src_loc ld_loc(const loader *ld, const ynode *node);
/* A new child of parent; NULL (reported once) past the block limit. */
block *ld_new_block(loader *ld, block *parent, block_kind kind, const ynode *node);
/* No control characters (a newline only where allow_newline); reported. */
bool ld_check_text_chars(loader *ld, const char *text, src_loc loc, bool allow_newline);
/* Paragraphs of parent from one text (blank lines split it). */
void ld_paragraph_text(loader *ld, block *parent, const ynode *node);
/* Sets b's text from a one-line text node (checked, slips looked for). */
void ld_set_text(loader *ld, block *b, const ynode *node, const char *what);

#endif
