/* dd_match.c — pairing the blocks of an old and a new document.
 *
 * In order of confidence: a stable `id` given in both; then, under
 * parents already paired, the same kind with the same text, then the same
 * kind with similar text; then a global pass over what is left, bucketed
 * by kind (blocks moved to another parent); last, a parent whose children
 * mostly continue one old block's children continues that block.  Work
 * stays near-linear: siblings are compared with siblings, and only the
 * leftovers of a kind with each other. */
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

static void collect(const block *b, dd_side *s, size_t *cap)
{
    VEC_PUSH(s->blocks, s->n, *cap, b);
    for (size_t i = 0; i < b->n_children; i++)
        collect(b->children[i], s, cap);
}

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const dd_ptr_index *)a)->b, y = (uintptr_t)((const dd_ptr_index *)b)->b;
    return (x > y) - (x < y);
}

static void side_init(dd_side *s, const document *d)
{
    size_t cap = 0;
    memset(s, 0, sizeof *s);
    collect(d->root, s, &cap);
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

static double similarity(matcher *mt, const block *a, const block *b)
{
    mt->m->comparisons++;
    return cd_similarity(text_of(a), text_of(b), DD_MIN_SIMILARITY);
}

/* Children of a paired (op, np): same kind and text first, then the most
 * similar text of the same kind. */
static void pair_children(matcher *mt, const block *op, const block *np)
{
    dd_matching *m = mt->m;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < np->n_children; i++) {
            const block *c = np->children[i];
            long ci = dd_index(&m->new_side, c);
            if (m->new_to_old[ci] >= 0)
                continue;
            const block *best = NULL;
            double best_ratio = 0;
            for (size_t j = 0; j < op->n_children; j++) {
                const block *o = op->children[j];
                if (o->kind != c->kind || !old_free(mt, o))
                    continue;
                if (pass == 0 && strcmp(text_of(o), text_of(c)) == 0) {
                    best = o;
                    break;
                }
                double r = pass == 1 ? similarity(mt, o, c) : 0;
                if (r > best_ratio) {
                    best_ratio = r;
                    best = o;
                }
            }
            if (best)
                pair(mt, dd_index(&m->old_side, best), ci);
        }
    }
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

static const block **unmatched(const dd_side *s, const long *to_other, size_t *n)
{
    const block **out = xmallocarray(s->n ? s->n : 1, sizeof *out);
    *n = 0;
    for (size_t i = 1; i < s->n; i++)
        if (to_other[i] < 0)
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

/* Leftovers with similar text, within a kind (the lists are sorted by kind). */
static void pair_similar_leftovers(matcher *mt, const block **o, size_t no, const block **n, size_t nn)
{
    dd_matching *m = mt->m;
    size_t lo = 0;
    for (size_t j = 0; j < nn; j++) {
        const block *c = n[j];
        while (lo < no && o[lo]->kind < c->kind)
            lo++;
        if (m->new_to_old[dd_index(&m->new_side, c)] >= 0)
            continue;
        const block *best = NULL;
        double best_ratio = 0;
        for (size_t i = lo; i < no && o[i]->kind == c->kind; i++) {
            if (!old_free(mt, o[i]))
                continue;
            double r = similarity(mt, o[i], c);
            if (r > best_ratio) {
                best_ratio = r;
                best = o[i];
            }
        }
        if (best)
            pair(mt, dd_index(&m->old_side, best), dd_index(&m->new_side, c));
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
    free(m->old_side.by_ptr);
    free(m->new_side.blocks);
    free(m->new_side.by_ptr);
    free(m->old_to_new);
    free(m->new_to_old);
    memset(m, 0, sizeof *m);
}
