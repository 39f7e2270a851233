/* lb_break.c — line break opportunities between two characters by the
 * JLREQ rules: line-start prohibition (3.1.7), line-end prohibition
 * (3.1.8), unbreakable sequences (3.1.10: inseparable marks, western runs,
 * numbers with their prefix or postfix), and the caller's glue. */
#include "lb_internal.h"

#include "jpclass.h"

bool lb_is_space(uint32_t cp)
{
    return jp_class_of(cp) == JC_WESTERN_SPACE && cp != 0x00A0 && cp != 0x202F;
}

bool lb_is_combining(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x3099 || cp == 0x309A ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
           cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

/* Half-width closing punctuation that may not start a line (3.1.7 applied
 * to western punctuation). */
static bool half_no_start(uint32_t cp)
{
    switch (cp) {
    case ')': case ']': case '}': case '.': case ',': case ':': case ';':
    case '!': case '?': case 0x00BB:
        return true;
    default:
        return false;
    }
}

/* JLREQ 3.1.7: classes that may not start a line, by kinsoku level.  Strict
 * adds ー and small kana; loose lets hyphens (cl-03) start a line too. */
bool lb_no_line_start(uint32_t cp, kinsoku_level level)
{
    switch (jp_class_of(cp)) {
    case JC_CLOSING_BRACKET:
    case JC_DIVIDING_PUNCT:
    case JC_MIDDLE_DOT:
    case JC_FULL_STOP:
    case JC_COMMA:
    case JC_ITERATION_MARK:
        return true;
    case JC_PROLONGED_SOUND:
    case JC_SMALL_KANA:
        return level == KINSOKU_STRICT;
    case JC_HYPHEN:
        return level != KINSOKU_LOOSE;
    default:
        return half_no_start(cp);
    }
}

/* JLREQ 3.1.8: opening brackets (full- or half-width) may not end a line. */
static bool no_line_end(uint32_t cp)
{
    return jp_class_of(cp) == JC_OPENING_BRACKET || cp == '(' || cp == '[' ||
           cp == '{' || cp == 0x00AB;
}

static bool is_number(uint32_t cp)
{
    jp_class k = jp_class_of(cp);
    return k == JC_DIGIT || k == JC_FULLWIDTH_DIGIT;
}

/* Characters that join a western run when they stand between two of its
 * characters: the full-width hyphen-minus of "C－base" and the full-width
 * comma and stop of "１，０００" and "３．５". */
static bool run_joiner(uint32_t cp)
{
    return cp == 0xFF0D || cp == 0xFF0C || cp == 0xFF0E;
}

/* text[i] as a member of a western run, looking through joiners. */
static bool run_member(const lb_ctx *c, size_t i)
{
    uint32_t cp = c->text[i].cp;
    if (jp_is_western_run(cp) && !lb_is_space(cp))
        return true;
    return run_joiner(cp) && i > 0 && i + 1 < c->n &&
           jp_is_western_run(c->text[i - 1].cp) && !lb_is_space(c->text[i - 1].cp) &&
           jp_is_western_run(c->text[i + 1].cp) && !lb_is_space(c->text[i + 1].cp);
}

/* JLREQ 3.1.10: sequences never broken — inseparable marks (…… ——), a
 * western word or number, and a number with its prefix or postfix
 * (¥100, 50%, ５０％). */
static bool unbreakable_pair(const lb_ctx *c, size_t i)
{
    uint32_t a = c->text[i].cp, b = c->text[i + 1].cp;
    jp_class ka = jp_class_of(a), kb = jp_class_of(b);
    if (ka == JC_INSEPARABLE && kb == JC_INSEPARABLE)
        return true;
    if (ka == JC_PREFIXED_ABBREV && is_number(b))
        return true;
    if (is_number(a) && kb == JC_POSTFIXED_ABBREV)
        return true;
    return run_member(c, i) && run_member(c, i + 1);
}

/* Inside a URL or e-mail address, where a reader expects the break
 * (Chicago 14.18, and what JLREQ leaves to western practice): after a
 * slash (not inside "//"), before . ? & = @ — never after "https:". */
static bool url_break(uint32_t a, uint32_t b)
{
    if (a == '/')
        return b != '/';
    return b == '.' || b == '?' || b == '&' || b == '=' || b == '@';
}

bool lb_can_break_after(const lb_ctx *c, size_t i)
{
    const lb_char *cur = &c->text[i], *next = &c->text[i + 1];
    uint32_t a = cur->cp;
    if (next->flags & LB_NO_BREAK_BEFORE)
        return false;                       /* the caller's glue */
    if (lb_is_combining(next->cp))
        return false;
    if (next->flags & LB_BREAK_BEFORE)
        return true;                        /* a ZERO WIDTH SPACE stood here */
    if (cur->flags & LB_SOFT_HYPHEN)
        return true;
    if ((cur->flags & LB_URL) && (next->flags & LB_URL))
        return url_break(a, next->cp);
    if (lb_is_space(next->cp))
        return false;                       /* spaces end the word before them */
    if (lb_no_line_start(next->cp, c->p->rules.kinsoku))
        return false;
    if (lb_is_space(a))
        return true;
    if (no_line_end(a))
        return false;
    return !unbreakable_pair(c, i);
}
