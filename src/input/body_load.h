/* body_load.h — reading the flow lists of a content file (internal to
 * src/input): body lists, notes, a letter's head lines and its record. */
#ifndef KUMIHAN_BODY_LOAD_H
#define KUMIHAN_BODY_LOAD_H

#include "content_load.h"

/* A body list (strings, page_break: true, …) into parent. */
void load_body_list(loader *ld, block *parent, const ynode *list, const char *what);
/* notes: a text or a list of texts, one BK_NOTE child of parent each. */
void load_notes(loader *ld, block *parent, const ynode *node);
/* One block of `kind` under parent for each line of a text or list of
 * texts (addressee, issuer). */
void load_lines(loader *ld, block *parent, block_kind kind, const ynode *node, const char *what);
/* The letter's head: reference, date (a block only in a letter: a
 * document with a reference, addressee or issuer), addressee, issuer. */
void load_letter_head(loader *ld, const ynode *root);
/* record: 記, its body list, the document's notes (may be NULL), 以上. */
void load_record(loader *ld, const ynode *record, const ynode *notes);

#endif
