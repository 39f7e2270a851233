/* check.c — likely typos in the text, as warnings (kumihan check). */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

typedef struct text_ref {
    const char *text;
    src_loc loc;
} text_ref;

static bool is_ascii_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
static bool is_wide_digit(uint32_t cp) { return cp >= 0xFF10 && cp <= 0xFF19; }

/* Decodes text into code points; returns the count (invalid bytes skipped). */
static size_t decode_all(const char *text, uint32_t *out, size_t cap)
{
    size_t len = strlen(text), i = 0, n = 0;
    while (i < len && n < cap) {
        uint32_t cp;
        if (utf8_decode(text, len, &i, &cp))
            out[n++] = cp;
    }
    return n;
}

static void check_mixed_digits(const text_ref *t, const uint32_t *cps, size_t n, diag_list *dl)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        bool half = false, full = false;
        while (j < n && (is_ascii_digit(cps[j]) || is_wide_digit(cps[j]))) {
            half |= is_ascii_digit(cps[j]);
            full |= is_wide_digit(cps[j]);
            j++;
        }
        if (half && full) {
            char num[64];
            size_t k = 0;
            for (size_t m = i; m < j && k + 4 < sizeof num; m++)
                k += (size_t)utf8_encode(cps[m], num + k);
            num[k] = '\0';
            diag_report(dl, D_MIXED_DIGITS, loc_at_char(t->loc, i), _("the number '%s' (character %zu) mixes half-width and "
                        "full-width digits"), num, i + 1);
            diag_hint(dl, _("write all its digits the same width"));
        }
        i = j > i ? j : i + 1;
    }
}

static bool is_punct(uint32_t cp)
{
    return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E;
}

static void check_doubled_punct(const text_ref *t, const uint32_t *cps, size_t n, diag_list *dl)
{
    for (size_t i = 1; i < n; i++)
        if (is_punct(cps[i]) && is_punct(cps[i - 1])) {
            diag_report(dl, D_DOUBLED_PUNCT, loc_at_char(t->loc, i), _("doubled punctuation at character %zu"), i);
            return;
        }
}

static const uint32_t bracket_pairs[][2] = {
    {0xFF08, 0xFF09}, {0x300C, 0x300D}, {0x300E, 0x300F}, {0x3010, 0x3011}, {0x3014, 0x3015},
    {0xFF3B, 0xFF3D}, {0xFF5B, 0xFF5D}, {0x3008, 0x3009}, {0x300A, 0x300B}, {'(', ')'},
};
#define N_PAIRS (sizeof bracket_pairs / sizeof bracket_pairs[0])

/* Reports a closing bracket with no opening before it, or the outermost
 * opening bracket left open, at that bracket. */
static void check_brackets(const text_ref *t, const uint32_t *cps, size_t n, diag_list *dl)
{
    for (size_t p = 0; p < N_PAIRS; p++) {
        long depth = 0;
        size_t at = 0, outer_open = 0;
        for (size_t i = 0; i < n && depth >= 0; i++) {
            if (cps[i] == bracket_pairs[p][0] && depth++ == 0)
                outer_open = i;
            else if (cps[i] == bracket_pairs[p][1] && --depth < 0)
                at = i;
        }
        if (depth == 0)
            continue;
        if (depth > 0)
            at = outer_open;
        char open[5] = {0}, close[5] = {0};
        utf8_encode(bracket_pairs[p][0], open);
        utf8_encode(bracket_pairs[p][1], close);
        diag_report(dl, D_UNBALANCED, loc_at_char(t->loc, at), _("unbalanced brackets: %s without its %s"),
                    depth > 0 ? open : close, depth > 0 ? close : open);
    }
}

typedef struct punct_census {
    size_t japanese, western;      /* 、。 vs ，． */
    text_ref first_japanese, first_western;
} punct_census;

static void count_punct(punct_census *pc, const text_ref *t, const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool jp = cps[i] == 0x3001 || cps[i] == 0x3002;
        bool west = cps[i] == 0xFF0C || cps[i] == 0xFF0E;
        if (jp && pc->japanese++ == 0)
            pc->first_japanese = (text_ref){t->text, loc_at_char(t->loc, i)};
        if (west && pc->western++ == 0)
            pc->first_western = (text_ref){t->text, loc_at_char(t->loc, i)};
    }
}

/* Full-width ． after a digit is a numbering or decimal point, not a full stop. */
static bool is_sentence_period(const uint32_t *cps, size_t i)
{
    return !(i > 0 && (is_ascii_digit(cps[i - 1]) || is_wide_digit(cps[i - 1])));
}

static void check_one(const text_ref *t, punct_census *pc, diag_list *dl)
{
    size_t cap = strlen(t->text);   /* at least as many bytes as code points */
    uint32_t *cps = xmallocarray(cap ? cap : 1, sizeof *cps);
    size_t n = decode_all(t->text, cps, cap);
    check_mixed_digits(t, cps, n, dl);
    check_doubled_punct(t, cps, n, dl);
    check_brackets(t, cps, n, dl);
    for (size_t i = 0; i < n; i++)
        if (cps[i] == 0xFF0E && !is_sentence_period(cps, i))
            cps[i] = 0;   /* not counted as western punctuation */
    count_punct(pc, t, cps, n);
    free(cps);
}

typedef struct walk_ctx {
    punct_census pc;
    diag_list *dl;
} walk_ctx;

static bool visit(const block *b, void *ctx)
{
    walk_ctx *w = ctx;
    /* a table row's text is its cells joined (table_load.c): they are checked as cells */
    if (b->text && b->kind != BK_TABLE_ROW && b->kind != BK_TABLE_HEAD) {
        text_ref t = {b->text, b->text_loc};
        check_one(&t, &w->pc, w->dl);
    }
    return true;
}

void check_text(const document *doc, diag_list *dl)
{
    walk_ctx w = {.dl = dl};
    if (doc->title) {
        text_ref t = {doc->title, doc->title_loc};
        check_one(&t, &w.pc, dl);
    }
    doc_walk(doc->root, visit, &w);
    if (w.pc.japanese && w.pc.western) {
        bool west_minor = w.pc.western <= w.pc.japanese;
        const text_ref *at = west_minor ? &w.pc.first_western : &w.pc.first_japanese;
        diag_report(dl, D_MIXED_PUNCT, at->loc,
                    _("the document mixes 、。 (%zu) with ，． (%zu); this is the first of the rarer kind"),
                    w.pc.japanese, w.pc.western);
    }
}
