/* lb_justify.c — setting one chosen line (JLREQ 3.8 line adjustment):
 * measure it at natural width, shrink its spaces tier by tier when it is
 * too long (追い込み), spread the shortfall over its spaces when it is
 * short (追い出し / justification), and write each glyph's x and width.
 * Two passes over the line, no memory besides the result. */
#include "lb_internal.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"

/* The adjustment decided for a line: how much of each shrink tier is
 * used (0..1), and how much each kind of growable gap gets. */
typedef struct adjust {
    double shrink_ratio[SHRINK__COUNT];
    double grow[GROW__COUNT];
} adjust;

/* Totals of a line at natural width. */
typedef struct line_sums {
    double nat;                      /* natural width from the line start */
    double shrinkable[SHRINK__COUNT];
    int growable[GROW__COUNT];
    double waou_nat;                 /* natural width of one 和欧間 */
    double end_trail;                /* trailing half of the last glyph kept naturally */
} line_sums;

/* Trailing space of the line's last glyph: removable (行末の約物は半角),
 * and absent when the glyph hangs. */
static double end_trail(const lb_span *s, const lb_box *last)
{
    return s->hang ? 0 : last->trail;
}

/* First pass: natural width and what may shrink or grow. */
static void sum_line(const lb_ctx *c, const lb_span *s, line_sums *m)
{
    memset(m, 0, sizeof *m);
    lb_box b;
    lb_box_of(c, s->first, &b);
    m->nat = lb_line_start_lead(&b);
    for (size_t i = s->first; i <= s->last; i++) {
        lb_box_of(c, i, &b);
        m->nat += b.core;
        if (i == s->last)
            break;
        lb_gap g;
        lb_gap_after(c, i, &g);
        m->nat += g.nat;
        m->shrinkable[g.shrink] += g.nat - g.min;
        m->growable[g.grow]++;
        if (g.grow == GROW_WAOU)
            m->waou_nat = g.nat;
    }
    m->end_trail = end_trail(s, &b);
    m->nat += m->end_trail;
    if (c->text[s->last].flags & LB_SOFT_HYPHEN)
        m->nat += c->text[s->last].advance;   /* the hyphen it shows at the line end */
    m->shrinkable[SHRINK_LINE_END] += m->end_trail;
    m->shrinkable[SHRINK_NONE] = 0;
}

/* JLREQ 3.8.3: reduce in order — line-end punctuation, western spaces,
 * 和欧間, middle-dot quarters, punctuation halves — each tier evenly in
 * proportion to what it can give. */
static void plan_shrink(const line_sums *m, double need, adjust *a)
{
    for (int t = SHRINK_LINE_END; t < SHRINK__COUNT && need > EPSILON; t++) {
        if (m->shrinkable[t] <= 0)
            continue;
        double take = need < m->shrinkable[t] ? need : m->shrinkable[t];
        a->shrink_ratio[t] = take / m->shrinkable[t];
        need -= take;
    }
}

/* Even share of `need` over `count` gaps, at most `cap` each (cap < 0:
 * unlimited).  Returns the share and reduces *need. */
static double share(double *need, int count, double cap)
{
    if (count == 0 || *need <= EPSILON)
        return 0;
    double each = *need / count;
    if (cap >= 0 && each > cap)
        each = cap;
    *need -= each * count;
    return each;
}

/* JLREQ 3.8.4: expand 和欧間 first (up to half an em), then evenly between
 * Japanese characters (up to max_expand), then western spaces; anything
 * left goes between Japanese characters beyond the limit.  A line with no
 * such gap stays short.  Returns whether the line reaches its target. */
static bool plan_grow(const lb_ctx *c, const line_sums *m, double need, adjust *a)
{
    double em = c->p->em;
    double waou_room = 0.5 * em - m->waou_nat;
    double jp_cap = c->p->rules.max_expand_em > 0 ? c->p->rules.max_expand_em * em : -1;
    a->grow[GROW_WAOU] = share(&need, m->growable[GROW_WAOU], waou_room > 0 ? waou_room : 0);
    a->grow[GROW_JAPANESE] = share(&need, m->growable[GROW_JAPANESE], jp_cap);
    a->grow[GROW_SPACE] = share(&need, m->growable[GROW_SPACE], -1);
    a->grow[GROW_JAPANESE] += share(&need, m->growable[GROW_JAPANESE], -1);
    return need <= EPSILON;
}

/* The set width of gap g under adjustment a. */
static double set_gap(const lb_gap *g, const adjust *a)
{
    return g->nat - (g->nat - g->min) * a->shrink_ratio[g->shrink] + a->grow[g->grow];
}

static void push_glyph(lb_result *out, const lb_char *ch, double x, double width)
{
    VEC_PUSH(out->glyphs, out->n_glyphs, out->cap_glyphs,
             (lb_glyph){.cp = ch->cp, .vs = ch->vs, .link = ch->link, .font = ch->font, .color = ch->color, .size = ch->size,
                        .x = (float)x, .width = (float)width, .source = ch->source});
}

/* Second pass: x of each glyph's advance box.  A glyph's width is the
 * advance it was given — its natural advance, less what compression took
 * from its empty halves; space added by justification stays in the gaps. */
static void place_glyphs(const lb_ctx *c, const lb_span *s, const line_sums *m,
                         const adjust *a, lb_result *out)
{
    lb_box b;
    lb_box_of(c, s->first, &b);
    double ink = s->indent + lb_line_start_lead(&b);   /* start of the ink */
    double prev_x = 0, prev_adv = 0;
    bool pushed = false;
    for (size_t i = s->first; i <= s->last; i++) {
        lb_box_of(c, i, &b);
        double x = ink - b.lead;
        if (i < s->last) {
            lb_gap g;
            lb_gap_after(c, i, &g);
            ink += b.core + set_gap(&g, a);
        }
        bool soft_hyphen = c->text[i].flags & LB_SOFT_HYPHEN;
        if (soft_hyphen && i < s->last)
            continue;   /* a soft hyphen inside the line is not shown */
        if (pushed) {
            double given = x - prev_x;
            out->glyphs[out->n_glyphs - 1].width = (float)(given < prev_adv ? given : prev_adv);
        }
        double trail = m->end_trail * (1 - a->shrink_ratio[SHRINK_LINE_END]);
        push_glyph(out, &c->text[i], x, soft_hyphen ? c->text[i].advance : b.lead + b.core + trail);
        prev_x = x;
        prev_adv = c->text[i].advance;
        pushed = true;
    }
}

void lb_emit_line(const lb_ctx *c, const lb_span *s, lb_result *out)
{
    line_sums m;
    sum_line(c, s, &m);
    lb_box last;
    lb_box_of(c, s->last, &last);
    /* A hanging mark's ink lies beyond the measure (JLREQ 3.8.2 ぶら下げ). */
    double target = s->avail + (s->hang ? last.lead + last.core : 0);
    adjust a;
    memset(&a, 0, sizeof a);
    bool justified = false;
    if (m.nat > target + EPSILON) {
        plan_shrink(&m, m.nat - target, &a);
        justified = true;
    } else if (m.nat < target - EPSILON) {
        justified = s->expand && plan_grow(c, &m, target - m.nat, &a);
        if (!justified)
            memset(&a, 0, sizeof a);
    } else {
        justified = true;
    }
    lb_line line = {.first = out->n_glyphs, .natural_width = (float)(s->indent + m.nat),
                    .indent = (float)s->indent, .justified = justified, .reason = s->reason};
    place_glyphs(c, s, &m, &a, out);
    line.count = out->n_glyphs - line.first;
    const lb_glyph *g = &out->glyphs[out->n_glyphs - 1];
    line.width = g->x + g->width;
    VEC_PUSH(out->lines, out->n_lines, out->cap_lines, line);
}
