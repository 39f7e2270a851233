/* linebreak.c — choosing where a paragraph's lines end (JLREQ 3.1 line
 * composition, 3.8 line adjustment): greedy first-fit, as Japanese
 * composition does it, with 追い込み (push in), 追い出し (push out) and
 * ぶら下げ (hanging) when the next unit does not fit.  Break opportunities
 * are in lb_break.c, spacing in lb_space.c, setting a line in lb_justify.c. */
#include "lb_internal.h"

#include <stdlib.h>

#include "jpclass.h"

void lb_result_init(lb_result *r)
{
    r->glyphs = NULL;
    r->n_glyphs = r->cap_glyphs = 0;
    r->lines = NULL;
    r->n_lines = r->cap_lines = 0;
}

void lb_result_clear(lb_result *r)
{
    r->n_glyphs = 0;
    r->n_lines = 0;
}

void lb_result_free(lb_result *r)
{
    free(r->glyphs);
    free(r->lines);
    lb_result_init(r);
}

const char *lb_break_reason_name(lb_break_reason r)
{
    switch (r) {
    case LB_END_OF_PARAGRAPH: return "end";
    case LB_FULL: return "full";
    case LB_PUSHED_OUT: return "pushed-out";
    case LB_PUSHED_IN: return "pushed-in";
    case LB_HANGING: return "hanging";
    case LB_EMERGENCY: return "emergency";
    }
    return "?";
}

/* What scanning one line from its first character decided. */
typedef struct line_choice {
    size_t last;          /* last character set on the line (not a space) */
    size_t next;          /* where the next line's scan starts */
    bool hang;
    lb_break_reason reason;
    bool too_wide;        /* an emergency break: bad is the too-wide unit's first char */
    size_t bad;
} line_choice;

/* What a line ending at text[i] adds beyond its ink: the hyphen a soft
 * hyphen shows there (it has no width inside a line, lb_space.c). */
static double line_end_extra(const lb_ctx *c, size_t i)
{
    return (c->text[i].flags & LB_SOFT_HYPHEN) ? c->text[i].advance : 0;
}

/* Running widths of the line being scanned, from its start through the
 * ink of the current character. */
typedef struct scan_state {
    double nat, min;          /* natural and fully shrunk width */
    size_t last_ns;           /* last non-space character seen */
    double ns_nat, ns_min;    /* widths through last_ns (its trailing half excluded:
                                 a line-end 」、。 may always be set half-width) */
    double before_ns;         /* natural width before last_ns's ink */
    bool have_fit;            /* some break so far fits at natural width */
    size_t fit_last, fit_next;
    double fit_nat;           /* natural width of the line ending there */
    size_t unit_first;        /* first character of the current unit */
    bool first_char_fits;     /* that character alone fits at natural width */
} scan_state;

/* Adds text[i] (and the gap before it) to the running widths. */
static void scan_char(const lb_ctx *c, size_t start, size_t i, double avail, scan_state *s)
{
    lb_box b;
    lb_box_of(c, i, &b);
    if (i == start) {
        s->nat = s->min = lb_line_start_lead(&b);
    } else {
        lb_gap g;
        lb_gap_after(c, i - 1, &g);
        s->nat += g.nat;
        s->min += g.min;
    }
    double before = s->nat;
    s->nat += b.core;
    s->min += b.core;
    if (!lb_is_space(c->text[i].cp)) {
        s->last_ns = i;
        s->ns_nat = s->nat;
        s->ns_min = s->min;
        s->before_ns = before;
    }
    if (i == s->unit_first)
        s->first_char_fits = s->nat <= avail + EPSILON;
}

/* JLREQ 3.8.2 ぶら下げ: a 、 or 。 ending the overflowing unit may hang
 * beyond the measure if everything before its ink fits. */
static bool can_hang(const lb_ctx *c, size_t start, double avail, const scan_state *s)
{
    if (!c->p->rules.hanging_punctuation || s->last_ns == start)
        return false;
    jp_class k = jp_class_of(c->text[s->last_ns].cp);
    return (k == JC_FULL_STOP || k == JC_COMMA) && s->before_ns <= avail + EPSILON;
}

/* Pulling the unit in (追い込み) must shrink the line by what overflows;
 * pushing it out (追い出し) must expand the shorter line by what is left.
 * JLREQ 3.8.2 lets either resolve a line end; take the one that moves the
 * text less, pulling in on a tie (the traditional first choice). */
static bool pull_in_disturbs_less(const scan_state *s, double avail)
{
    if (!s->have_fit)
        return true;
    double shrink = s->ns_nat - avail;
    double expand = avail - s->fit_nat;
    return shrink <= expand + EPSILON;
}

/* The unit being scanned is wider than even an empty line: pushing it to
 * the next line would only leave this one gappy before the cut.  Scans the
 * unit as a line of its own (only when a line overflows). */
static bool unit_fits_no_line(const lb_ctx *c, const scan_state *s)
{
    scan_state t = {.unit_first = s->unit_first, .last_ns = s->unit_first};
    double measure = c->p->measure;
    for (size_t j = s->unit_first; j < c->n; j++) {
        scan_char(c, s->unit_first, j, measure, &t);
        if (t.min > measure + EPSILON)
            return true;
        if (j + 1 == c->n || lb_can_break_after(c, j))
            return false;
    }
    return false;
}

/* JLREQ has no rule for a unit longer than the line (a long number or
 * product code): cut it after the last character that fits, fully shrunk,
 * never splitting a combining mark from its base, and at least one
 * character per line.  Rescans text[start..i]: only on this rare path. */
static void emergency_break(const lb_ctx *c, size_t start, size_t i, double avail, const scan_state *s,
                            line_choice *ch)
{
    scan_state t = {.unit_first = start, .last_ns = start};
    size_t last = start;
    for (size_t j = start; j <= i; j++) {
        scan_char(c, start, j, avail, &t);
        if (j > start && t.min > avail + EPSILON)
            break;
        last = j;
    }
    while (last > start && last + 1 < c->n && lb_is_combining(c->text[last + 1].cp))
        last--;
    *ch = (line_choice){.last = last, .next = last + 1, .reason = LB_EMERGENCY, .too_wide = true,
                        .bad = s->unit_first};
}

/* The next unit does not fit at natural width: hang it, push it in by
 * shrinking, or push it out to the next line and expand this one. */
static void decide_overflow(const lb_ctx *c, size_t start, size_t i, double avail,
                            const scan_state *s, bool unit_complete, line_choice *ch)
{
    if (unit_complete && can_hang(c, start, avail, s)) {
        *ch = (line_choice){.last = s->last_ns, .next = i + 1, .hang = true, .reason = LB_HANGING};
    } else if (unit_complete && s->ns_min + line_end_extra(c, s->last_ns) <= avail + EPSILON &&
               pull_in_disturbs_less(s, avail)) {
        *ch = (line_choice){.last = s->last_ns, .next = i + 1, .reason = LB_PUSHED_IN};
    } else if (s->have_fit && !unit_fits_no_line(c, s)) {
        *ch = (line_choice){.last = s->fit_last, .next = s->fit_next,
                            .reason = s->first_char_fits ? LB_PUSHED_OUT : LB_FULL};
    } else {
        emergency_break(c, start, i, avail, s, ch);
    }
}

/* Scans from text[start] (not a space) to the first unit that does not
 * fit in avail; O(line length). */
static void choose_line(const lb_ctx *c, size_t start, double avail, line_choice *ch)
{
    scan_state s = {.unit_first = start, .last_ns = start};
    for (size_t i = start; i < c->n; i++) {
        scan_char(c, start, i, avail, &s);
        bool brk = i + 1 == c->n || lb_can_break_after(c, i);
        if (!brk) {
            if (s.min > avail + EPSILON) {     /* this unit cannot fit at all */
                decide_overflow(c, start, i, avail, &s, false, ch);
                return;
            }
            continue;
        }
        if (s.ns_nat + line_end_extra(c, s.last_ns) <= avail + EPSILON) {
            s.have_fit = true;
            s.fit_last = s.last_ns;
            s.fit_next = i + 1;
            s.fit_nat = s.ns_nat;
            s.unit_first = i + 1;
            continue;
        }
        decide_overflow(c, start, i, avail, &s, true, ch);
        return;
    }
    *ch = (line_choice){.last = s.fit_last, .next = c->n, .reason = LB_END_OF_PARAGRAPH};
}

static size_t skip_spaces(const lb_ctx *c, size_t i)
{
    while (i < c->n && lb_is_space(c->text[i].cp))
        i++;
    return i;
}

/* Sets the lines; LB_TOO_WIDE (with *bad set at the first) when a unit fits
 * on no line and had to be cut. */
static lb_status set_lines(const lb_ctx *c, lb_result *out, size_t *bad)
{
    const lb_params *p = c->p;
    size_t start = skip_spaces(c, 0);
    bool first = true;
    lb_status status = LB_OK;
    while (start < c->n) {
        double indent = first ? p->first_indent : 0;
        double avail = p->measure - indent;
        line_choice ch;
        choose_line(c, start, avail, &ch);
        if (ch.too_wide && status == LB_OK) {
            *bad = ch.bad;
            status = LB_TOO_WIDE;
        }
        size_t next = skip_spaces(c, ch.next);
        bool is_last = next >= c->n;
        lb_span span = {.first = start, .last = ch.last, .indent = indent, .avail = avail,
                        .hang = ch.hang,
                        /* a hanging 、。 says so even on the last line: it passes the measure */
                        .reason = ch.hang ? LB_HANGING : is_last ? LB_END_OF_PARAGRAPH : ch.reason,
                        .expand = p->rules.justify && (!is_last || p->justify_last)};
        lb_emit_line(c, &span, out);
        start = next;
        first = false;
    }
    return status;
}

lb_status lb_set_paragraph(const lb_char *text, size_t n, const lb_params *p,
                           lb_result *out, size_t *bad_index)
{
    lb_ctx c = {.text = text, .n = n, .p = p};
    size_t bad = 0;
    lb_status st = set_lines(&c, out, &bad);
    if (st != LB_OK && bad_index)
        *bad_index = bad;
    return st;
}
