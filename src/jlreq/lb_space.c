/* lb_space.c — the spacing model: how much of a punctuation glyph's em is
 * empty (JLREQ 3.1.4-3.1.6: brackets, commas and stops are half-em glyphs
 * with a half-em space; middle dots have a quarter em each side), what
 * space stands between two adjacent characters when such spaces meet, the
 * space between Japanese and western characters (和欧間, a quarter em by
 * JLREQ convention), and
 * how far each space may shrink and grow when a line is adjusted (3.8). */
#include "lb_internal.h"

#include "jpclass.h"

/* A glyph follows the half-em convention only if the font really sets it
 * full-width (a proportional “ in a western font does not). */
static bool is_full_width(const lb_char *ch)
{
    return ch->advance >= 0.9f * ch->size;
}

void lb_box_of(const lb_ctx *c, size_t i, lb_box *b)
{
    const lb_char *ch = &c->text[i];
    double adv = ch->advance;
    b->lead = b->trail = 0;
    b->kind = PK_NONE;
    b->full_stop = false;
    if (c->p->rules.compress_punctuation && !(ch->flags & LB_NO_COMPRESS) && is_full_width(ch)) {
        if (jp_is_opening(ch->cp)) {
            b->kind = PK_OPEN;
            b->lead = adv / 2;
        } else if (jp_is_closing(ch->cp)) {
            b->kind = PK_CLOSE;
            b->trail = adv / 2;
            b->full_stop = jp_class_of(ch->cp) == JC_FULL_STOP;
        } else if (jp_is_middle_dot(ch->cp)) {
            b->kind = PK_MIDDLE;
            b->lead = b->trail = adv / 4;
        }
    }
    if (ch->flags & LB_SOFT_HYPHEN)
        adv = 0;   /* invisible inside a line; its hyphen at a line end is added by the caller */
    b->core = adv - b->lead - b->trail;
}

/* JLREQ 3.1.5 (天付き): an opening bracket at the head of a line is set
 * flush, without its leading half-em. */
double lb_line_start_lead(const lb_box *b)
{
    return b->kind == PK_OPEN ? 0 : b->lead;
}

/* JLREQ 3.1.4 and its table of spacing between classes: where the empty
 * halves of two punctuation marks meet, at most one remains.
 *   」「 ）（ 、「 → half em;  、」 。」 」」 」、 → 0;  「「 → 0;
 *   a middle dot next to a bracket → quarter em. */
static double punct_space(const lb_box *a, const lb_box *b)
{
    if (a->kind == PK_CLOSE && b->kind == PK_CLOSE)
        return 0;
    if (a->kind == PK_OPEN && b->kind == PK_OPEN)
        return 0;
    if (a->trail > 0 && b->lead > 0) {
        bool ma = a->kind == PK_MIDDLE, mb = b->kind == PK_MIDDLE;
        if (ma && mb)
            return a->trail + b->lead;
        if (ma || mb)
            return a->trail < b->lead ? a->trail : b->lead;
        return a->trail > b->lead ? a->trail : b->lead;
    }
    return a->trail + b->lead;
}

/* JLREQ 3.8.3 reduction: punctuation spaces may close up to nothing,
 * except the space after a full stop (句点), which keeps its half em
 * inside a line. */
static void punct_gap(const lb_box *a, const lb_box *b, lb_gap *g)
{
    g->nat = punct_space(a, b);
    g->min = 0;
    if (a->full_stop)
        g->min = a->trail < g->nat ? a->trail : g->nat;
    g->shrink = (a->kind == PK_MIDDLE || b->kind == PK_MIDDLE) ? SHRINK_MIDDLE_DOT : SHRINK_PUNCT;
}

/* Japanese letters that take 和欧間 next to western text: kana, kanji,
 * cl-19 symbols — not punctuation, whose own space serves. */
static bool waou_japanese(uint32_t cp)
{
    switch (jp_class_of(cp)) {
    case JC_ITERATION_MARK:
    case JC_PROLONGED_SOUND:
    case JC_SMALL_KANA:
    case JC_HIRAGANA:
    case JC_KATAKANA:
    case JC_IDEOGRAPHIC:
        return jp_is_wide(cp);
    default:
        return false;
    }
}

/* Western letters, digits and the currency/unit signs around numbers;
 * not half-width punctuation such as the parentheses of "(新)". */
static bool waou_western(uint32_t cp)
{
    if (jp_is_wide(cp))
        return false;
    switch (jp_class_of(cp)) {
    case JC_DIGIT:
    case JC_PREFIXED_ABBREV:
    case JC_POSTFIXED_ABBREV:
        return true;
    case JC_WESTERN:
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 0x00C0 && cp < 0x2000 && cp != 0x00D7 && cp != 0x00F7);
    default:
        return false;
    }
}

/* 和欧間: a space between a Japanese letter and western text, either side. */
static bool needs_waou(uint32_t a, uint32_t b)
{
    return (waou_japanese(a) && waou_western(b)) || (waou_western(a) && waou_japanese(b));
}

static bool is_japanese(uint32_t cp)
{
    return jp_is_wide(cp) && !lb_is_space(cp);
}

/* A western space: its own advance is the natural space; it may shrink by
 * a third (JLREQ 3.8.3 a) and grows last of all. */
static void space_gap(const lb_char *sp, lb_gap *g)
{
    g->min = -sp->advance / 3.0;
    g->shrink = SHRINK_SPACE;
    g->grow = GROW_SPACE;
}

void lb_gap_after(const lb_ctx *c, size_t i, lb_gap *g)
{
    const lb_char *a = &c->text[i], *b = &c->text[i + 1];
    const typeset_rules *r = &c->p->rules;
    g->nat = g->min = 0;
    g->shrink = SHRINK_NONE;
    g->grow = GROW_NONE;
    if (lb_is_combining(b->cp) || lb_is_space(b->cp))
        return;
    if ((a->flags | b->flags) & LB_SOFT_HYPHEN)
        return;   /* a soft hyphen stands inside a word: nothing around it */
    if (lb_is_space(a->cp)) {
        space_gap(a, g);
        return;
    }
    lb_box ba, bb;
    lb_box_of(c, i, &ba);
    lb_box_of(c, i + 1, &bb);
    if (ba.trail > 0 || bb.lead > 0) {
        punct_gap(&ba, &bb, g);
    } else if (r->wa_ou_space_em > 0 && needs_waou(a->cp, b->cp)) {
        g->nat = r->wa_ou_space_em * c->p->em;
        g->min = r->wa_ou_space_min_em * c->p->em;
        if (g->min > g->nat)
            g->min = g->nat;
        g->shrink = SHRINK_WAOU;
        g->grow = GROW_WAOU;
        return;
    }
    /* JLREQ 3.8.4: expansion goes between Japanese characters wherever a
     * line could break there — never inside a western run or an
     * inseparable pair, never after an opening or before a closing mark. */
    if (is_japanese(a->cp) && is_japanese(b->cp) && lb_can_break_after(c, i))
        g->grow = GROW_JAPANESE;
}
