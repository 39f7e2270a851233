/* chardiff.c — Myers' O(ND) difference algorithm on code points (E. W.
 * Myers, "An O(ND) Difference Algorithm and Its Variations", 1986), with
 * common prefix and suffix trimmed first, and the grouping of its script
 * into runs a reader can follow. */
#include "chardiff.h"

#include <stdlib.h>
#include <string.h>
#include "utf8.h"
#include "vec.h"
#include "xalloc.h"

/* A string as code points, with the byte offset of each (offs[n] = length). */
typedef struct cps {
    uint32_t *cp;
    size_t *offs;
    size_t n;
} cps;

static void decode(const char *s, cps *out)
{
    size_t len = s ? strlen(s) : 0;
    out->cp = xmallocarray(len + 1, sizeof *out->cp);
    out->offs = xmallocarray(len + 1, sizeof *out->offs);
    out->n = 0;
    for (size_t i = 0; i < len;) {
        out->offs[out->n] = i;
        utf8_decode(s, len, &i, &out->cp[out->n]);
        out->n++;
    }
    out->offs[out->n] = len;
}

static void cps_free(cps *c)
{
    free(c->cp);
    free(c->offs);
}

/* ---- the Myers search ------------------------------------------------------ */

/* One forward search for the shortest edit script of a[0..n) → b[0..m). */
typedef struct myers_search {
    long d;             /* the edit distance, -1 when not found within the limits */
    bool capped;        /* stopped by the cost cap, not by max_d: D is unknown */
    size_t work;        /* steps: one per diagonal tried, one per character compared equal */
    int32_t *trace;     /* when kept: V_d for every d (k = -d..d step 2 at offset
                         * d(d+1)/2 + (k+d)/2), for backtracking; the caller frees it */
    size_t n_trace, cap_trace;
} myers_search;

/* The largest d whose search fits in CD_MAX_WORK: d costs at least d + 1
 * steps, so D_REACHABLE(D_REACHABLE + 1)/2 > CD_MAX_WORK. */
#define D_REACHABLE 6000L

/* Searches up to edit distance max_d and at most CD_MAX_WORK steps (a
 * little more: the cap is checked per diagonal). */
static void myers(const uint32_t *a, long n, const uint32_t *b, long m, long max_d, bool keep_trace,
                  myers_search *r)
{
    memset(r, 0, sizeof *r);
    r->d = -1;
    if (n >= INT32_MAX || m >= INT32_MAX) {   /* the trace holds positions as int32 */
        r->capped = true;
        return;
    }
    long limit = max_d < D_REACHABLE ? max_d : D_REACHABLE, off = limit + 1;
    long *v = xcalloc((size_t)(2 * limit + 3), sizeof *v);
    long d = 0;
    for (; d <= limit && r->d < 0 && !r->capped; d++) {
        for (long k = -d; k <= d && !r->capped; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                              : v[off + k - 1] + 1;
            long y = x - k, x0 = x;
            while (x < n && y < m && a[x] == b[y])
                x++, y++;
            r->work += 1 + (size_t)(x - x0);
            v[off + k] = x;
            if (x >= n && y >= m && r->d < 0)
                r->d = d;
            r->capped = r->work > CD_MAX_WORK && r->d < 0;
        }
        if (keep_trace && !r->capped) {
            VEC_RESERVE(r->trace, r->cap_trace, r->n_trace + (size_t)d + 1);
            for (long k = -d; k <= d; k += 2)
                r->trace[r->n_trace++] = (int32_t)v[off + k];
        }
    }
    if (r->d < 0 && limit < max_d)
        r->capped = true;
    free(v);
}

/* ---- raw edits → grouped runs ------------------------------------------- */

typedef struct hunk {
    cd_kind kind;        /* CD_EQUAL, or CD_DELETE standing for "a change" */
    size_t ai, alen, bi, blen;
} hunk;

typedef struct hunks {
    hunk *h;
    size_t n, cap;
} hunks;

static void hunk_push(hunks *hs, hunk h)
{
    VEC_PUSH(hs->h, hs->n, hs->cap, h);
}

/* Adds one edit step (an equal, deleted or inserted code point at ai/bi).
 * An equal run of one or two characters squeezed between two changes
 * joins them: "金融[-円-]滑{+支+}化" reads worse than "金融[-円滑化-]{+支援+}". */
static void add_step(hunks *hs, cd_kind kind, size_t ai, size_t bi)
{
    hunk *last = hs->n ? &hs->h[hs->n - 1] : NULL;
    if (kind == CD_EQUAL) {
        if (last && last->kind == CD_EQUAL) {
            last->alen++;
            last->blen++;
        } else {
            hunk_push(hs, (hunk){CD_EQUAL, ai, 1, bi, 1});
        }
        return;
    }
    if (last && last->kind == CD_EQUAL && last->alen <= 2 && hs->n >= 2 && hs->h[hs->n - 2].kind != CD_EQUAL) {
        hunk *change = &hs->h[hs->n - 2];
        change->alen += last->alen;
        change->blen += last->blen;
        hs->n--;
        last = change;
    }
    if (!last || last->kind == CD_EQUAL) {
        hunk_push(hs, (hunk){CD_DELETE, ai, 0, bi, 0});
        last = &hs->h[hs->n - 1];
    }
    if (kind == CD_DELETE)
        last->alen++;
    else
        last->blen++;
}

/* Walks the trace back from (n, m), collecting the steps in reverse. */
typedef struct step {
    cd_kind kind;
    long x, y;
} step;

static step *backtrack(const int32_t *t, long d_total, long n, long m, size_t *n_steps)
{
    step *steps = xmallocarray((size_t)(n + m + 1), sizeof *steps);
    size_t ns = 0;
    long x = n, y = m;
    for (long d = d_total; d > 0; d--) {
        long k = x - y;
        const int32_t *prev = t + (d - 1) * d / 2;
        long km1 = k - 1 >= -(d - 1) ? prev[(k - 1 + d - 1) / 2] : -1;
        long kp1 = k + 1 <= d - 1 ? prev[(k + 1 + d - 1) / 2] : -1;
        bool down = k == -d || (k != d && km1 < kp1);
        long px = down ? kp1 : km1;
        long py = px - (down ? k + 1 : k - 1);
        long sx = down ? px : px + 1, sy = down ? py + 1 : py;
        while (x > sx && y > sy)
            steps[ns++] = (step){CD_EQUAL, --x, --y};
        steps[ns++] = down ? (step){CD_INSERT, px, py} : (step){CD_DELETE, px, py};
        x = px;
        y = py;
    }
    while (x > 0 && y > 0)
        steps[ns++] = (step){CD_EQUAL, --x, --y};
    *n_steps = ns;
    return steps;
}

static void push_op(cd_script *s, cd_kind kind, size_t start, size_t len)
{
    if (len > 0)
        VEC_PUSH(s->ops, s->n_ops, s->cap_ops, (cd_op){kind, start, len});
}

static void emit_hunks(const hunks *hs, const cps *a, const cps *b, cd_script *out)
{
    for (size_t i = 0; i < hs->n; i++) {
        const hunk *h = &hs->h[i];
        size_t bs = b->offs[h->bi], be = b->offs[h->bi + h->blen];
        if (h->kind == CD_EQUAL) {
            push_op(out, CD_EQUAL, bs, be - bs);
            continue;
        }
        size_t as = a->offs[h->ai], ae = a->offs[h->ai + h->alen];
        push_op(out, CD_DELETE, as, ae - as);
        push_op(out, CD_INSERT, bs, be - bs);
    }
}

/* ---- numbers and dates as values ------------------------------------------ */

static bool is_digit_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);   /* ASCII, fullwidth */
}

/* Characters a number or date is made of: digits and the separators of
 * 2023-04-01, 2023/4/1, 1,000, 3.5, 10:30 (ASCII and fullwidth). */
static bool is_value_cp(uint32_t c)
{
    static const uint32_t seps[] = {'-', '/', '.', ',', ':', 0xFF0D, 0xFF0F, 0xFF0E, 0xFF0C, 0xFF1A};
    if (is_digit_cp(c))
        return true;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (c == seps[i])
            return true;
    return false;
}

/* Does the change edge (old character ca / new character cb, either
 * absent) continue the value that neighbour n belongs to? */
static bool splits_value(uint32_t n, const uint32_t *ca, const uint32_t *cb)
{
    if (!is_value_cp(n))
        return false;
    bool a_val = ca && is_value_cp(*ca), b_val = cb && is_value_cp(*cb);
    bool digit = is_digit_cp(n) || (ca && is_digit_cp(*ca)) || (cb && is_digit_cp(*cb));
    return (a_val || b_val) && digit;
}

/* Widens change h over the equal characters beside it that belong to the
 * same number or date, so that a value is replaced whole. */
static void widen_to_values(hunk *prev, hunk *h, hunk *next, const cps *a, const cps *b)
{
    while (prev && prev->alen > 0 &&
           splits_value(a->cp[h->ai - 1], h->alen ? &a->cp[h->ai] : NULL, h->blen ? &b->cp[h->bi] : NULL)) {
        prev->alen--, prev->blen--;
        h->ai--, h->bi--, h->alen++, h->blen++;
    }
    while (next && next->alen > 0 &&
           splits_value(a->cp[h->ai + h->alen], h->alen ? &a->cp[h->ai + h->alen - 1] : NULL,
                        h->blen ? &b->cp[h->bi + h->blen - 1] : NULL)) {
        next->ai++, next->bi++, next->alen--, next->blen--;
        h->alen++, h->blen++;
    }
}

/* After widening: empty equal runs dropped, and changes left with an
 * equal run of one or two characters between them joined (add_step's rule). */
static void rejoin(hunks *hs)
{
    size_t n = 0;
    for (size_t i = 0; i < hs->n; i++) {
        hunk h = hs->h[i];
        if (h.kind == CD_EQUAL && h.alen == 0)
            continue;
        hunk *last = n ? &hs->h[n - 1] : NULL;
        if (h.kind != CD_EQUAL && last && last->kind != CD_EQUAL) {
            last->alen = h.ai + h.alen - last->ai;
            last->blen = h.bi + h.blen - last->bi;
            continue;
        }
        if (h.kind != CD_EQUAL && last && last->kind == CD_EQUAL && last->alen <= 2 && n >= 2 &&
            hs->h[n - 2].kind != CD_EQUAL) {
            hunk *change = &hs->h[n - 2];
            change->alen = h.ai + h.alen - change->ai;
            change->blen = h.bi + h.blen - change->bi;
            n--;
            continue;
        }
        hs->h[n++] = h;
    }
    hs->n = n;
}

static void whole_values(hunks *hs, const cps *a, const cps *b)
{
    for (size_t i = 0; i < hs->n; i++)
        if (hs->h[i].kind != CD_EQUAL)
            widen_to_values(i ? &hs->h[i - 1] : NULL, &hs->h[i], i + 1 < hs->n ? &hs->h[i + 1] : NULL, a, b);
    rejoin(hs);
}

/* ---- the diff ------------------------------------------------------------------- */

/* The middle a[pre..pre+n) → b[pre..pre+m) as one change: what the
 * script says when the cost cap stops the search. */
static void add_replacement(hunks *hs, size_t pre, long n, long m)
{
    for (long x = 0; x < n; x++)
        add_step(hs, CD_DELETE, pre + (size_t)x, pre);
    for (long y = 0; y < m; y++)
        add_step(hs, CD_INSERT, pre + (size_t)n, pre + (size_t)y);
}

static void diff_cps(const cps *a, const cps *b, cd_script *out)
{
    size_t pre = 0;
    while (pre < a->n && pre < b->n && a->cp[pre] == b->cp[pre])
        pre++;
    size_t suf = 0;
    while (suf < a->n - pre && suf < b->n - pre && a->cp[a->n - 1 - suf] == b->cp[b->n - 1 - suf])
        suf++;
    long n = (long)(a->n - pre - suf), m = (long)(b->n - pre - suf);
    myers_search r;
    myers(a->cp + pre, n, b->cp + pre, m, n + m < CD_MAX_D ? n + m : CD_MAX_D, true, &r);
    out->work += r.work;
    size_t ns = 0;
    step *steps = r.d >= 0 ? backtrack(r.trace, r.d, n, m, &ns) : NULL;
    free(r.trace);
    out->replaced = r.d < 0;
    hunks hs = {0};
    for (size_t i = 0; i < pre; i++)
        add_step(&hs, CD_EQUAL, i, i);
    if (out->replaced)
        add_replacement(&hs, pre, n, m);
    for (size_t i = ns; i-- > 0;)
        add_step(&hs, steps[i].kind, pre + (size_t)steps[i].x, pre + (size_t)steps[i].y);
    for (size_t i = 0; i < suf; i++)
        add_step(&hs, CD_EQUAL, a->n - suf + i, b->n - suf + i);
    whole_values(&hs, a, b);
    emit_hunks(&hs, a, b, out);
    free(steps);
    free(hs.h);
}

void cd_diff(const char *old_text, const char *new_text, cd_script *out)
{
    memset(out, 0, sizeof *out);
    cps a = {0}, b = {0};
    decode(old_text, &a);
    decode(new_text, &b);
    diff_cps(&a, &b, out);
    cps_free(&a);
    cps_free(&b);
}

void cd_script_free(cd_script *s)
{
    free(s->ops);
    memset(s, 0, sizeof *s);
}

bool cd_script_has_changes(const cd_script *s)
{
    for (size_t i = 0; i < s->n_ops; i++)
        if (s->ops[i].kind != CD_EQUAL)
            return true;
    return false;
}

/* ---- similarity ------------------------------------------------------------ */

static size_t count_cps(const char *s)
{
    return s ? utf8_count(s, strlen(s)) : 0;
}

double cd_similarity(const char *a, const char *b, double min_ratio, size_t *work)
{
    size_t na = count_cps(a), nb = count_cps(b);
    if (na + nb == 0)
        return 1;
    /* LCS ≤ min(na, nb): a length mismatch alone can rule a pair out */
    double best = 2.0 * (double)(na < nb ? na : nb) / (double)(na + nb);
    if (best < min_ratio)
        return 0;
    cps ca = {0}, cb = {0};
    double ratio = 0;
    decode(a, &ca);
    decode(b, &cb);
    size_t pre = 0;
    while (pre < ca.n && pre < cb.n && ca.cp[pre] == cb.cp[pre])
        pre++;
    size_t suf = 0;
    while (suf < ca.n - pre && suf < cb.n - pre && ca.cp[ca.n - 1 - suf] == cb.cp[cb.n - 1 - suf])
        suf++;
    long max_d = (long)((1.0 - min_ratio) * (double)(na + nb));
    myers_search r;
    myers(ca.cp + pre, (long)(ca.n - pre - suf), cb.cp + pre, (long)(cb.n - pre - suf), max_d, false, &r);
    if (work)
        *work += r.work;
    if (r.d >= 0)
        ratio = (double)((long)(na + nb) - r.d) / (double)(na + nb);
    else if (r.capped)
        ratio = min_ratio;
    cps_free(&ca);
    cps_free(&cb);
    return ratio >= min_ratio ? ratio : 0;
}

/* ---- markup -------------------------------------------------------------------- */

char *cd_markup(const cd_script *s, const char *old_text, const char *new_text)
{
    size_t len = 1;
    for (size_t i = 0; i < s->n_ops; i++)
        len += s->ops[i].len + 4;
    char *out = xmalloc(len), *p = out;
    for (size_t i = 0; i < s->n_ops; i++) {
        const cd_op *op = &s->ops[i];
        const char *src = op->kind == CD_DELETE ? old_text : new_text;
        const char *open = op->kind == CD_DELETE ? "[-" : op->kind == CD_INSERT ? "{+" : "";
        const char *close = op->kind == CD_DELETE ? "-]" : op->kind == CD_INSERT ? "+}" : "";
        p += strlen(strcpy(p, open));
        memcpy(p, src + op->start, op->len);
        p += op->len;
        p += strlen(strcpy(p, close));
    }
    *p = '\0';
    return out;
}
