/* dd_match.c — pairing the blocks of an old and a new document.
 *
 * In order of confidence: a stable `id` given in both; then, under
 * parents already paired, the same kind with the same text, then the same
 * kind with similar text; then a global pass over what is left, bucketed
 * by kind (blocks moved to another parent); last, a parent whose children
 * mostly continue one old block's children continues that block.
 *
 * Work stays near-linear however long the lists: equal texts are found by
 * sorting, never by comparing every pair, and similarity, the costly
 * test, is tried only within windows of DD_WINDOW candidates (dd_match.h)
 * around where a block is expected, each under chardiff's cost cap. */
#include "dd_match.h"

#include <stdlib.h>
#include <string.h>
#include "chardiff.h"
#include "vec.h"
#include "xalloc.h"

typedef struct dd_ptr_index {
    const block *b;
    long index;
} dd_ptr_index;

/* ---- sides ------------------------------------------------------------------ */

typedef struct side_caps {
    size_t blocks, position;
} side_caps;

static void collect(const block *b, size_t position, dd_side *s, side_caps *cap)
{
    size_t n = s->n;
    VEC_PUSH(s->position, n, cap->position, position);
    VEC_PUSH(s->blocks, s->n, cap->blocks, b);
    for (size_t i = 0; i < b->n_children; i++)
        collect(b->children[i], i, s, cap);
}

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const dd_ptr_index *)a)->b, y = (uintptr_t)((const dd_ptr_index *)b)->b;
    return (x > y) - (x < y);
}

static void side_init(dd_side *s, const document *d)
{
    side_caps cap = {0};
    memset(s, 0, sizeof *s);
    collect(d->root, 0, s, &cap);
    s->by_ptr = xmallocarray(s->n, sizeof *s->by_ptr);
    for (size_t i = 0; i < s->n; i++)
        s->by_ptr[i] = (dd_ptr_index){s->blocks[i], (long)i};
    qsort(s->by_ptr, s->n, sizeof *s->by_ptr, cmp_ptr);
}

long dd_index(const dd_side *s, const block *b)
{
    dd_ptr_index key = {b, 0};
    const dd_ptr_index *hit = b ? bsearch(&key, s->by_ptr, s->n, sizeof key, cmp_ptr) : NULL;
    return hit ? hit->index : -1;
}

/* ---- the matcher ------------------------------------------------------------- */

typedef struct matcher {
    dd_matching *m;
    long *queue;          /* new indices whose children still need pairing */
    size_t q_head, q_tail;
    bool *queued;
} matcher;

static const char *text_of(const block *b)
{
    return b->text ? b->text : "";
}

static void pair(matcher *mt, long o, long n)
{
    mt->m->old_to_new[o] = n;
    mt->m->new_to_old[n] = o;
    if (!mt->queued[n]) {
        mt->queued[n] = true;
        mt->queue[mt->q_tail++] = n;
    }
}

static bool old_free(const matcher *mt, const block *b)
{
    return mt->m->old_to_new[dd_index(&mt->m->old_side, b)] < 0;
}

/* The best old candidate so far for one new block: the first of the most
 * similar, in the order the candidates are tried. */
typedef struct best_match {
    const block *b;
    double ratio;
} best_match;

/* Tries candidate o for c.  Only a ratio above the best so far can
 * matter, so the search may stop at the edit distance the best allows. */
static void try_similar(matcher *mt, const block *o, const block *c, best_match *best)
{
    if (o->kind != c->kind || !old_free(mt, o))
        return;
    mt->m->comparisons++;
    double floor = best->ratio > DD_MIN_SIMILARITY ? best->ratio : DD_MIN_SIMILARITY;
    double r = cd_similarity(text_of(o), text_of(c), floor, &mt->m->myers_steps);
    if (r > best->ratio) {
        best->ratio = r;
        best->b = o;
    }
}

static int kind_text_order(const block *x, const block *y)
{
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    return strcmp(text_of(x), text_of(y));
}

/* By kind and text, then by source line, so equal texts pair in order. */
static int cmp_kind_text(const void *a, const void *b)
{
    const block *x = *(const block *const *)a, *y = *(const block *const *)b;
    int c = kind_text_order(x, y);
    if (c)
        return c;
    return (x->loc.line > y->loc.line) - (x->loc.line < y->loc.line);
}

/* Index of the first of sorted[0..n) not before key in kind and text. */
static size_t lower_bound_kind_text(const block **sorted, size_t n, const block *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (kind_text_order(sorted[mid], key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "The next still free candidate at or after i" over a list whose
 * members only ever get taken: skip[] links past taken ones, with path
 * compression, so a long run of equal texts is walked once, not once
 * per block. */
static size_t next_free(const matcher *mt, const block **cand, size_t *skip, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (skip[j] != j || !old_free(mt, cand[j]))) {
        if (skip[j] == j)
            skip[j] = j + 1;   /* taken since last seen: link past it */
        j = skip[j];
    }
    for (size_t k = i; k < j;) {   /* every link walked now points at j */
        size_t up = skip[k];
        skip[k] = j;
        k = up;
    }
    return j;
}

/* Pass 1 under a paired parent: each new child takes the first free old
 * child of its kind with the same text (old children sorted by kind,
 * text and line: the first of a run of equal texts is the earliest). */
static void pair_equal_children(matcher *mt, const block *op, const block *np)
{
    dd_matching *m = mt->m;
    const block **cand = xmallocarray(op->n_children ? op->n_children : 1, sizeof *cand);
    size_t n = 0;
    for (size_t j = 0; j < op->n_children; j++)
        if (old_free(mt, op->children[j]))
            cand[n++] = op->children[j];
    qsort(cand, n, sizeof *cand, cmp_kind_text);
    size_t *skip = xmallocarray(n ? n : 1, sizeof *skip);
    for (size_t j = 0; j < n; j++)
        skip[j] = j;
    for (size_t i = 0; i < np->n_children && n; i++) {
        const block *c = np->children[i];
        long ci = dd_index(&m->new_side, c);
        if (m->new_to_old[ci] >= 0)
            continue;
        size_t j = next_free(mt, cand, skip, n, lower_bound_kind_text(cand, n, c));
        if (j < n && kind_text_order(cand[j], c) == 0)
            pair(mt, dd_index(&m->old_side, cand[j]), ci);
    }
    free(skip);
    free(cand);
}

/* Index of the first of the positions pos[0..n) (ascending) not below p. */
static size_t lower_bound_position(const size_t *pos, size_t n, size_t p)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pos[mid] < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Pass 2 under a paired parent: each new child left takes the most
 * similar free old child of its kind; in a long list, only among the
 * DD_WINDOW free old children either side of where it is expected: just
 * after the counterpart of its nearest paired preceding sibling. */
static void pair_similar_children(matcher *mt, const block *op, const block *np)
{
    dd_matching *m = mt->m;
    const block **cand = xmallocarray(op->n_children ? op->n_children : 1, sizeof *cand);
    size_t *pos = xmallocarray(op->n_children ? op->n_children : 1, sizeof *pos), n = 0;
    for (size_t j = 0; j < op->n_children; j++)
        if (old_free(mt, op->children[j])) {
            cand[n] = op->children[j];
            pos[n++] = j;
        }
    bool windowed = n > DD_FULL_SCAN;
    size_t anchor_old = 0, anchor_new = 0;
    bool anchored = false;
    for (size_t i = 0; i < np->n_children && n; i++) {
        const block *c = np->children[i];
        long ci = dd_index(&m->new_side, c);
        if (m->new_to_old[ci] < 0) {
            size_t lo = 0, hi = n;
            if (windowed) {
                size_t expect = anchored ? anchor_old + (i - anchor_new)
                                         : (size_t)((double)i * (double)op->n_children / (double)np->n_children);
                size_t at = lower_bound_position(pos, n, expect);
                lo = at > DD_WINDOW ? at - DD_WINDOW : 0;
                hi = at + DD_WINDOW < n ? at + DD_WINDOW + 1 : n;
            }
            best_match best = {NULL, 0};
            for (size_t j = lo; j < hi; j++)
                try_similar(mt, cand[j], c, &best);
            if (best.b)
                pair(mt, dd_index(&m->old_side, best.b), ci);
        }
        long o = m->new_to_old[ci];
        if (o >= 0 && m->old_side.blocks[o]->parent == op) {
            anchored = true;
            anchor_old = m->old_side.position[o];
            anchor_new = i;
        }
    }
    free(pos);
    free(cand);
}

/* ---- tables --------------------------------------------------------------------
 * A cell is its column: the cells of two paired rows pair by position.  A
 * row is its content, or else its first cell (its 区分): rows pair by
 * equal text, then by equal first cell; any other row is added or deleted
 * (two rows of similar numbers are not one row edited), and never moves
 * to another table. */

static bool is_row(const block *b)
{
    return b->kind == BK_TABLE_ROW || b->kind == BK_TABLE_HEAD;
}

static bool is_table_part(const block *b)
{
    return is_row(b) || b->kind == BK_TABLE_CELL;
}

static void pair_cells(matcher *mt, const block *op, const block *np)
{
    for (size_t i = 0; i < op->n_children && i < np->n_children; i++)
        if (old_free(mt, op->children[i]))
            pair(mt, dd_index(&mt->m->old_side, op->children[i]), dd_index(&mt->m->new_side, np->children[i]));
}

static const char *first_cell(const block *row)
{
    return row->n_children ? text_of(row->children[0]) : "";
}

static void pair_rows_by_first_cell(matcher *mt, const block *op, const block *np)
{
    for (size_t j = 0; j < np->n_children; j++) {
        const block *n = np->children[j];
        if (!is_row(n) || mt->m->new_to_old[dd_index(&mt->m->new_side, n)] >= 0)
            continue;
        for (size_t i = 0; i < op->n_children; i++) {
            const block *o = op->children[i];
            if (o->kind == n->kind && old_free(mt, o) && strcmp(first_cell(o), first_cell(n)) == 0) {
                pair(mt, dd_index(&mt->m->old_side, o), dd_index(&mt->m->new_side, n));
                break;
            }
        }
    }
}

/* Children of a paired (op, np): same kind and text first, then the most
 * similar text of the same kind (a table's: see above). */
static void pair_children(matcher *mt, const block *op, const block *np)
{
    if (is_row(op)) {
        pair_cells(mt, op, np);
        return;
    }
    pair_equal_children(mt, op, np);
    if (op->kind == BK_TABLE)
        pair_rows_by_first_cell(mt, op, np);
    else
        pair_similar_children(mt, op, np);
}

static void drain(matcher *mt)
{
    while (mt->q_head < mt->q_tail) {
        long n = mt->queue[mt->q_head++];
        long o = mt->m->new_to_old[n];
        pair_children(mt, mt->m->old_side.blocks[o], mt->m->new_side.blocks[n]);
    }
}

/* ---- ids ---------------------------------------------------------------------- */

static int id_order(const block *x, const block *y)
{
    return strcmp(x->id, y->id);
}

static int cmp_id(const void *a, const void *b)
{
    return id_order(*(const block *const *)a, *(const block *const *)b);
}

/* Walks two lists sorted by order and pairs the blocks that compare equal. */
static void pair_equal_in_order(matcher *mt, const block **o, size_t no, const block **n, size_t nn,
                                int (*order)(const block *, const block *))
{
    for (size_t i = 0, j = 0; i < no && j < nn;) {
        int c = order(o[i], n[j]);
        if (c == 0)
            pair(mt, dd_index(&mt->m->old_side, o[i++]), dd_index(&mt->m->new_side, n[j++]));
        else if (c < 0)
            i++;
        else
            j++;
    }
}

/* Blocks with an id, sorted by it (stable: qsort on equal ids keeps no
 * order, so ids are expected unique; duplicates pair in sorted order). */
static const block **with_ids(const dd_side *s, size_t *n)
{
    const block **out = xmallocarray(s->n ? s->n : 1, sizeof *out);
    *n = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->blocks[i]->id)
            out[(*n)++] = s->blocks[i];
    qsort(out, *n, sizeof *out, cmp_id);
    return out;
}

static void pair_ids(matcher *mt)
{
    size_t no, nn;
    const block **o = with_ids(&mt->m->old_side, &no), **n = with_ids(&mt->m->new_side, &nn);
    pair_equal_in_order(mt, o, no, n, nn, id_order);
    free(o);
    free(n);
}

/* ---- leftovers ------------------------------------------------------------------ */

static const block **unmatched(const dd_side *s, const long *to_other, size_t *n)
{
    const block **out = xmallocarray(s->n ? s->n : 1, sizeof *out);
    *n = 0;
    for (size_t i = 1; i < s->n; i++)
        if (to_other[i] < 0 && !is_table_part(s->blocks[i]))   /* a table's own rules pair its parts */
            out[(*n)++] = s->blocks[i];
    return out;
}

/* Leftovers with the same kind and text, wherever they are. */
static void pair_exact_leftovers(matcher *mt, const block **o, size_t no, const block **n, size_t nn)
{
    qsort(o, no, sizeof *o, cmp_kind_text);
    qsort(n, nn, sizeof *n, cmp_kind_text);
    pair_equal_in_order(mt, o, no, n, nn, kind_text_order);
}

/* Leftovers with similar text, within a kind (the lists are sorted by
 * kind, then text); a kind with more than DD_FULL_SCAN old leftovers is
 * searched only DD_WINDOW places either side of the new text's place in
 * the sorted old texts (an edit keeps the texts' start: the neighbours). */
static void pair_similar_leftovers(matcher *mt, const block **o, size_t no, const block **n, size_t nn)
{
    dd_matching *m = mt->m;
    size_t lo = 0, end = 0;
    for (size_t j = 0; j < nn; j++) {
        const block *c = n[j];
        if (lo >= end || o[lo]->kind != c->kind) {   /* the old leftovers of c's kind: o[lo..end) */
            while (lo < no && o[lo]->kind < c->kind)
                lo++;
            for (end = lo; end < no && o[end]->kind == c->kind;)
                end++;
        }
        if (m->new_to_old[dd_index(&m->new_side, c)] >= 0)
            continue;
        size_t from = lo, to = end;
        if (end - lo > DD_FULL_SCAN) {
            size_t at = lo + lower_bound_kind_text(o + lo, end - lo, c);
            from = at > lo + DD_WINDOW ? at - DD_WINDOW : lo;
            to = at + DD_WINDOW < end ? at + DD_WINDOW + 1 : end;
        }
        best_match best = {NULL, 0};
        for (size_t i = from; i < to; i++)
            try_similar(mt, o[i], c, &best);
        if (best.b)
            pair(mt, dd_index(&m->old_side, best.b), dd_index(&m->new_side, c));
    }
}

static void pair_leftovers(matcher *mt)
{
    size_t no, nn;
    const block **o = unmatched(&mt->m->old_side, mt->m->old_to_new, &no);
    const block **n = unmatched(&mt->m->new_side, mt->m->new_to_old, &nn);
    pair_exact_leftovers(mt, o, no, n, nn);
    pair_similar_leftovers(mt, o, no, n, nn);
    free(o);
    free(n);
}

/* A new block left unpaired whose paired children mostly come from one
 * unpaired old block of its kind continues that block (a heading
 * rewritten beyond recognition, its items kept).  Bottom-up, so that a
 * part is judged after its sections. */
static void pair_parents_by_children(matcher *mt)
{
    dd_matching *m = mt->m;
    for (size_t k = m->new_side.n; k-- > 1;) {
        const block *q = m->new_side.blocks[k];
        if (m->new_to_old[k] >= 0 || q->n_children == 0)
            continue;
        const block *cand = NULL;
        size_t votes = 0, paired = 0;
        for (size_t i = 0; i < q->n_children; i++) {
            long o = m->new_to_old[dd_index(&m->new_side, q->children[i])];
            if (o < 0)
                continue;
            const block *op = m->old_side.blocks[o]->parent;
            paired++;
            if (!cand)
                cand = op;
            votes += op == cand;
        }
        if (cand && cand->kind == q->kind && cand->parent && 2 * votes > paired && 2 * votes >= q->n_children &&
            old_free(mt, cand))
            pair(mt, dd_index(&m->old_side, cand), (long)k);
    }
}

void dd_match(const document *old_doc, const document *new_doc, dd_matching *m)
{
    memset(m, 0, sizeof *m);
    side_init(&m->old_side, old_doc);
    side_init(&m->new_side, new_doc);
    size_t no = m->old_side.n, nn = m->new_side.n;
    m->old_to_new = xmallocarray(no, sizeof *m->old_to_new);
    m->new_to_old = xmallocarray(nn, sizeof *m->new_to_old);
    matcher mt = {.m = m, .queue = xmallocarray(nn, sizeof(long)), .queued = xcalloc(nn, sizeof(bool))};
    for (size_t i = 0; i < no; i++)
        m->old_to_new[i] = -1;
    for (size_t i = 0; i < nn; i++)
        m->new_to_old[i] = -1;
    pair(&mt, 0, 0);    /* the roots */
    pair_ids(&mt);
    drain(&mt);
    pair_leftovers(&mt);
    drain(&mt);
    pair_parents_by_children(&mt);
    drain(&mt);
    free(mt.queue);
    free(mt.queued);
}

void dd_matching_free(dd_matching *m)
{
    free(m->old_side.blocks);
    free(m->old_side.position);
    free(m->old_side.by_ptr);
    free(m->new_side.blocks);
    free(m->new_side.position);
    free(m->new_side.by_ptr);
    free(m->old_to_new);
    free(m->new_to_old);
    memset(m, 0, sizeof *m);
}
