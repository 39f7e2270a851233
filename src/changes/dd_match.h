/* dd_match.h — matching the blocks of two document trees (internal to the
 * docdiff module): which old block each new block continues, if any. */
#ifndef KUMIHAN_DD_MATCH_H
#define KUMIHAN_DD_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"

/* Texts at least this similar (2·LCS/(|a|+|b|)) may be the same block edited. */
#define DD_MIN_SIMILARITY 0.6

/* Similarity is computed only within bounded windows: among at most
 * DD_FULL_SCAN candidates every one is tried (small lists: the best pair
 * whatever the order); beyond that only the DD_WINDOW candidates on
 * either side of where the block is expected (next to its paired
 * neighbour's counterpart; in a kind's leftovers, next to its text in
 * sorted order), so the work per block stays bounded. */
#define DD_FULL_SCAN 64
#define DD_WINDOW 8

/* Blocks of one tree in pre-order, and a pointer → index lookup. */
typedef struct dd_side {
    const block **blocks;
    size_t *position;              /* by pre-order index: the block's index among its parent's children */
    size_t n;
    struct dd_ptr_index *by_ptr;   /* sorted by pointer value: lookup only, never iterated */
} dd_side;

typedef struct dd_matching {
    dd_side old_side, new_side;
    long *old_to_new;              /* pre-order index of the counterpart, or -1 */
    long *new_to_old;
    size_t comparisons;            /* similarity computations made */
    size_t myers_steps;            /* the Myers steps they took (cd_similarity's work) */
} dd_matching;

/* Pairs the blocks of the two documents (it cannot fail: out of memory
 * aborts, see xalloc.h); free m with dd_matching_free. */
void dd_match(const document *old_doc, const document *new_doc, dd_matching *m);
void dd_matching_free(dd_matching *m);

/* Pre-order index of b in side s, or -1. */
long dd_index(const dd_side *s, const block *b);

#endif
