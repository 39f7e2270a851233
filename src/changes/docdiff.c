/* docdiff.c — from matched blocks to changes: which pairs moved (LIS over
 * the old positions of matched siblings), which were edited (with their
 * character diff), which blocks were added or deleted, and the merged
 * tree in the new document's order with deletions at their old place. */
#include "docdiff.h"

#include <stdlib.h>
#include <string.h>
#include "dd_match.h"
#include "vec.h"
#include "xalloc.h"

typedef struct builder {
    docdiff *d;
    const dd_matching *m;
    bool *moved;          /* by new pre-order index */
} builder;

/* ---- moves -------------------------------------------------------------------- */

/* Marks as moved the entries of seq (old positions, in new order) that are
 * not on one longest increasing subsequence: the fewest blocks whose
 * moving explains the new order.  O(k log k) patience method. */
static void mark_out_of_order(const long *seq, const long *who, size_t k, bool *moved)
{
    size_t *tails = xmallocarray(k ? k : 1, sizeof *tails), len = 0;
    long *prev = xmallocarray(k ? k : 1, sizeof *prev);
    bool *keep = xcalloc(k ? k : 1, sizeof *keep);
    for (size_t i = 0; i < k; i++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (seq[tails[mid]] < seq[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[i] = lo ? (long)tails[lo - 1] : -1;
        tails[lo] = i;
        if (lo == len)
            len++;
    }
    if (len)
        for (long i = (long)tails[len - 1]; i >= 0; i = prev[i])
            keep[i] = true;
    for (size_t i = 0; i < k; i++)
        if (!keep[i])
            moved[who[i]] = true;
    free(tails);
    free(prev);
    free(keep);
}

static void find_moves(builder *bd)
{
    const dd_matching *m = bd->m;
    const dd_side *ns = &m->new_side, *os = &m->old_side;
    for (size_t k = 1; k < ns->n; k++) {
        long o = m->new_to_old[k];
        if (o < 0)
            continue;
        long np = dd_index(ns, ns->blocks[k]->parent), op = dd_index(os, os->blocks[o]->parent);
        if (m->new_to_old[np] != op)
            bd->moved[k] = true;
    }
    /* order among siblings that stayed under the same parent */
    long *seq = xmallocarray(ns->n ? ns->n : 1, sizeof *seq), *who = xmallocarray(ns->n ? ns->n : 1, sizeof *who);
    for (size_t k = 0; k < ns->n; k++) {
        const block *q = ns->blocks[k];
        size_t n = 0;
        for (size_t i = 0; i < q->n_children; i++) {
            long c = dd_index(ns, q->children[i]);
            if (m->new_to_old[c] < 0 || bd->moved[c])
                continue;
            seq[n] = (long)os->position[m->new_to_old[c]];
            who[n++] = c;
        }
        mark_out_of_order(seq, who, n, bd->moved);
    }
    free(seq);
    free(who);
}

/* ---- the merged tree -------------------------------------------------------- */

static long push_entry(builder *bd, dd_entry e)
{
    docdiff *d = bd->d;
    VEC_RESERVE(d->entries, d->cap_entries, d->n_entries + 1);
    d->entries[d->n_entries] = e;
    return (long)d->n_entries++;
}

static void add_deleted(builder *bd, const block *o, long parent)
{
    long at = push_entry(bd, (dd_entry){.change = DD_DELETED, .old_b = o, .parent = parent});
    for (size_t i = 0; i < o->n_children; i++)
        if (bd->m->old_to_new[dd_index(&bd->m->old_side, o->children[i])] < 0)
            add_deleted(bd, o->children[i], at);
}

static dd_entry entry_for(builder *bd, const block *q, long parent)
{
    const dd_matching *m = bd->m;
    long k = dd_index(&m->new_side, q), o = m->new_to_old[k];
    dd_entry e = {.change = DD_ADDED, .new_b = q, .parent = parent, .moved = bd->moved[k]};
    if (o < 0)
        return e;
    e.old_b = m->old_side.blocks[o];
    e.change = DD_SAME;
    e.new_mark_changed = e.old_b->is_new != q->is_new;
    const char *ot = e.old_b->text ? e.old_b->text : "", *nt = q->text ? q->text : "";
    if (strcmp(ot, nt) != 0)
        cd_diff(ot, nt, &e.text_diff);
    bd->d->myers_steps += e.text_diff.work;
    if (cd_script_has_changes(&e.text_diff) || e.new_mark_changed)
        e.change = DD_EDITED;
    return e;
}

/* Where each unpaired old child of o goes among q's children: after the
 * new counterpart of its nearest preceding old sibling that stayed under
 * q, else first.  slot[i] for o->children[i]; -1 for paired children. */
static void deletion_slots(builder *bd, const block *o, const block *q, long *slot)
{
    const dd_matching *m = bd->m;
    long after = 0;
    for (size_t i = 0; i < o->n_children; i++) {
        long n = m->old_to_new[dd_index(&m->old_side, o->children[i])];
        slot[i] = -1;
        if (n < 0)
            slot[i] = after;
        else if (m->new_side.blocks[n]->parent == q)
            after = (long)m->new_side.position[n] + 1;
    }
}

/* An unpaired old child and the new child it goes before. */
typedef struct deletion {
    long slot;
    size_t child;
} deletion;

static int cmp_deletion(const void *a, const void *b)
{
    const deletion *x = a, *y = b;
    if (x->slot != y->slot)
        return (x->slot > y->slot) - (x->slot < y->slot);
    return (x->child > y->child) - (x->child < y->child);
}

/* o's unpaired children by slot, in their old order within a slot:
 * sorted once, so that a long list costs n log n, not n². */
static deletion *deletions_by_slot(builder *bd, const block *o, const block *q, size_t *n)
{
    long *slot = xmallocarray(o->n_children ? o->n_children : 1, sizeof *slot);
    deletion *dels = xmallocarray(o->n_children ? o->n_children : 1, sizeof *dels);
    deletion_slots(bd, o, q, slot);
    *n = 0;
    for (size_t j = 0; j < o->n_children; j++)
        if (slot[j] >= 0)
            dels[(*n)++] = (deletion){slot[j], j};
    qsort(dels, *n, sizeof *dels, cmp_deletion);
    free(slot);
    return dels;
}

static void add_subtree(builder *bd, const block *q, long parent)
{
    long at = push_entry(bd, entry_for(bd, q, parent));
    const block *o = bd->d->entries[at].old_b;
    size_t n_dels = 0, next = 0;
    deletion *dels = o ? deletions_by_slot(bd, o, q, &n_dels) : NULL;
    for (size_t i = 0; i <= q->n_children; i++) {
        for (; next < n_dels && dels[next].slot == (long)i; next++)
            add_deleted(bd, o->children[dels[next].child], at);
        if (i < q->n_children)
            add_subtree(bd, q->children[i], at);
    }
    free(dels);
}

/* ---- metadata -------------------------------------------------------------------- */

static void compare_field(builder *bd, const char *field, const char *old_v, const char *new_v)
{
    docdiff *d = bd->d;
    const char *a = old_v ? old_v : "", *b = new_v ? new_v : "";
    if (strcmp(a, b) == 0)
        return;
    VEC_RESERVE(d->meta, d->cap_meta, d->n_meta + 1);
    dd_meta *mm = &d->meta[d->n_meta++];
    *mm = (dd_meta){.field = field, .old_value = xstrdup_or_null(old_v), .new_value = xstrdup_or_null(new_v)};
    cd_diff(a, b, &mm->diff);
}

static bool has_date_block(const document *d)
{
    for (size_t i = 0; d->root && i < d->root->n_children; i++)
        if (d->root->children[i]->kind == BK_DATE)
            return true;
    return false;
}

static void compare_metadata(builder *bd, const document *o, const document *n)
{
    char oy[16] = "", ny[16] = "";
    if (o->fiscal_year)
        snprintf(oy, sizeof oy, "%d", o->fiscal_year);
    if (n->fiscal_year)
        snprintf(ny, sizeof ny, "%d", n->fiscal_year);
    compare_field(bd, "title", o->title, n->title);
    compare_field(bd, "organization", o->organization, n->organization);
    compare_field(bd, "fiscal_year", oy[0] ? oy : NULL, ny[0] ? ny : NULL);
    /* a letter prints its date: a change shows as that block's edit */
    if (!has_date_block(o) && !has_date_block(n))
        compare_field(bd, "date", o->date, n->date);
    compare_field(bd, "subject", o->subject, n->subject);
    compare_field(bd, "keywords", o->keywords, n->keywords);
}

void docdiff_compute(const document *old_doc, const document *new_doc, docdiff *out)
{
    memset(out, 0, sizeof *out);
    dd_matching m;
    builder bd = {.d = out, .m = &m};
    dd_match(old_doc, new_doc, &m);
    bd.moved = xcalloc(m.new_side.n, sizeof *bd.moved);
    find_moves(&bd);
    add_subtree(&bd, new_doc->root, -1);
    compare_metadata(&bd, old_doc, new_doc);
    out->comparisons = m.comparisons;
    out->myers_steps += m.myers_steps;
    free(bd.moved);
    dd_matching_free(&m);
}

void docdiff_free(docdiff *d)
{
    for (size_t i = 0; i < d->n_entries; i++)
        cd_script_free(&d->entries[i].text_diff);
    for (size_t i = 0; i < d->n_meta; i++) {
        free(d->meta[i].old_value);
        free(d->meta[i].new_value);
        cd_script_free(&d->meta[i].diff);
    }
    free(d->entries);
    free(d->meta);
    memset(d, 0, sizeof *d);
}

bool docdiff_has_changes(const docdiff *d)
{
    if (d->n_meta)
        return true;
    for (size_t i = 0; i < d->n_entries; i++)
        if (d->entries[i].change != DD_SAME || d->entries[i].moved)
            return true;
    return false;
}
