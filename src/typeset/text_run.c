/* text_run.c — text → measured characters with resolved fonts. */
#include "text_run.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "cjk_compat.h"
#include "jpclass.h"
#include "url_scan.h"
#include "utf8.h"
#include "vec.h"

void char_buf_free(char_buf *b)
{
    free(b->chars);
    b->chars = NULL;
    b->n = b->cap = 0;
}

/* "mincho, gothic": the roles tried for a character, for the message. */
static void roles_tried(const layout *lay, int font, char *buf, size_t size)
{
    const layout_font *lf = &lay->fonts[font];
    int n = snprintf(buf, size, "%s", lf->name);
    for (int i = 0; i < lf->n_fallbacks && n > 0 && (size_t)n < size; i++)
        n += snprintf(buf + n, size - (size_t)n, ", %s", lay->fonts[lf->fallbacks[i]].name);
}

/* The text being appended, and what one character leaves for the next. */
typedef struct run_state {
    char_buf *b;
    const char *text;
    size_t len;
    const run_style *st;
    const font_set *fs;
    const layout *lay;
    src_loc loc;
    diag_list *dl;
    bool ok;
    uint16_t pending;      /* flags a format character leaves for the next character */
    size_t base;           /* b->chars index a variation selector may attach to; SIZE_MAX: none */
    bool emphasis;         /* inside **…** */
    size_t markup_end;     /* ** markers at or after this byte are literal (the unclosed one) */
    bool have_url;
    url_span url;          /* the next URL or address at or after the current byte */
} run_state;

static void report_missing_glyph(const run_state *rs, int font, uint32_t cp, size_t at, size_t end)
{
    char tried[256];
    roles_tried(rs->lay, font, tried, sizeof tried);
    const char *role = rs->lay->fonts[font].name;
    src_loc where = loc_at_char(rs->loc, utf8_count(rs->text, at));
    diag_report(rs->dl, D_NO_GLYPH, where, _("the fonts for this text cannot print '%.*s' (U+%04X); tried %s"),
                (int)(end - at), rs->text + at, (unsigned)cp, tried);
    uint32_t standard = cjk_standard_form(cp);
    if (standard && fonts_resolve(rs->fs, font, standard) >= 0) {
        char std[5] = {0};
        utf8_encode(standard, std);
        diag_hint(rs->dl, _("'%.*s' is an old compatibility code for '%s' (U+%04X), which prints the same and "
                  "which the font has: type '%s' instead"), (int)(end - at), rs->text + at, std,
                  (unsigned)standard, std);
        return;
    }
    diag_hint(rs->dl, _("type a similar character instead, or add a font file that has it to the layout's "
              "'fonts' and name it in 'fonts: %s: fallback: [...]'"), role);
}

static bool is_variation_selector(uint32_t cp)
{
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* Invisible characters dropped outright: a byte-order mark inside the
 * text (pasted from a file), direction marks and embeddings. */
static bool is_dropped_format(uint32_t cp)
{
    return cp == 0xFEFF || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* ZERO WIDTH SPACE, WORD JOINER, ZWJ, ZWNJ: no glyph, only their effect on
 * the break before the next character (UAX #14 classes ZW, WJ, ZWJ, CM). */
static bool take_format_char(run_state *rs, uint32_t cp)
{
    if (cp == 0x200B)
        rs->pending |= LB_BREAK_BEFORE;
    else if (cp == 0x2060 || cp == 0x200D || cp == 0x200C)
        rs->pending |= LB_NO_BREAK_BEFORE;
    else if (!is_dropped_format(cp))
        return false;
    rs->base = SIZE_MAX;
    return true;
}

static void attach_selector(run_state *rs, uint32_t vs, size_t at)
{
    lb_char *base = rs->base != SIZE_MAX ? &rs->b->chars[rs->base] : NULL;
    rs->base = SIZE_MAX;
    if (base && fonts_has_variant(rs->fs, base->font, base->cp, vs)) {
        base->vs = vs;
        return;
    }
    src_loc where = loc_at_char(rs->loc, utf8_count(rs->text, at));
    if (!base) {
        diag_report(rs->dl, D_NO_VARIANT, where, _("a variation selector (U+%04X) stands after no character it "
                    "could change; it is left out"), (unsigned)vs);
        diag_hint(rs->dl, _("delete the invisible character here (it came with pasted text)"));
        return;
    }
    char cp[5] = {0};
    utf8_encode(base->cp, cp);
    diag_report(rs->dl, D_NO_VARIANT, where, _("the font '%s' has no variant form of '%s' (U+%04X) for the "
                "variation selector U+%04X; the standard form of '%s' is printed"), fonts_role(rs->fs, base->font),
                cp, (unsigned)base->cp, (unsigned)vs, cp);
    diag_hint(rs->dl, _("if this exact form matters (a registered name), set the text in a font that has it; "
              "else delete the invisible selector after '%s'"), cp);
}

/* JLREQ's punctuation spacing assumes the font sets 「 、。・ in a full em
 * with the ink in the right half, the left half, or the middle.  A font
 * that draws them otherwise must not have the "empty" half taken away. */
static bool follows_half_em_convention(const font_set *fs, int font, uint32_t cp, float advance_em)
{
    bool opening = jp_is_opening(cp), closing = jp_is_closing(cp), middle = jp_is_middle_dot(cp);
    if (!opening && !closing && !middle)
        return true;
    glyph_box ink;
    if (advance_em < 0.95f || !fonts_ink_box(fs, font, cp, &ink))
        return true;   /* not full-width, or no ink: nothing to take away */
    const float slack = 0.1f;
    if (opening)
        return ink.x_min >= 0.5f - slack;
    if (closing)
        return ink.x_max <= 0.5f + slack;
    return ink.x_min >= 0.25f - slack && ink.x_max <= 0.75f + slack;
}

/* The URL flags of the character at byte `at`. */
static void mark_url(run_state *rs, size_t at, lb_char *c)
{
    while (rs->have_url && at >= rs->url.end)
        rs->have_url = url_next(rs->text, rs->len, rs->url.end, &rs->url);
    if (rs->have_url && at >= rs->url.start) {
        c->flags |= LB_URL;
        c->link = (uint32_t)rs->url.start + 1;
    }
}

/* Appends cp (the character at bytes [at, end)) drawn as `draw`. */
static void append_char(run_state *rs, uint32_t cp, uint32_t draw, uint16_t flags, size_t at, size_t end)
{
    const run_style *st = rs->st;
    int want = rs->emphasis ? st->emphasis_font : st->font;
    int font = fonts_resolve(rs->fs, want, draw);
    if (font < 0) {
        report_missing_glyph(rs, want, cp, at, end);
        rs->ok = false;
        rs->base = SIZE_MAX;
        return;
    }
    float advance_em = fonts_advance_em(rs->fs, font, draw);
    lb_char c = {
        .cp = draw, .font = (uint16_t)font, .flags = (uint16_t)(st->flags | flags | rs->pending),
        .color = st->color, .size = st->size, .advance = advance_em * st->size, .source = (uint32_t)at,
    };
    rs->pending = 0;
    if (!follows_half_em_convention(rs->fs, font, draw, advance_em))
        c.flags |= LB_NO_COMPRESS;
    if (st->markup)
        mark_url(rs, at, &c);
    VEC_PUSH(rs->b->chars, rs->b->n, rs->b->cap, c);
    rs->base = rs->b->n - 1;
}

/* SOFT HYPHEN: a hyphen-minus the line breaker shows only at a line end;
 * NO-BREAK SPACE: a space glued to both neighbours (drawn as a space when
 * the font has no glyph of its own for it). */
static bool take_spacing_char(run_state *rs, uint32_t cp, size_t at, size_t end)
{
    if (cp == 0x00AD) {
        append_char(rs, cp, '-', LB_SOFT_HYPHEN, at, end);
    } else if (cp == 0x00A0) {
        bool own = fonts_resolve(rs->fs, rs->emphasis ? rs->st->emphasis_font : rs->st->font, cp) >= 0;
        append_char(rs, cp, own ? cp : ' ', LB_NO_BREAK_BEFORE, at, end);
        rs->pending |= LB_NO_BREAK_BEFORE;
    } else {
        return false;
    }
    rs->base = SIZE_MAX;
    return true;
}

static bool is_marker(const run_state *rs, size_t i)
{
    return rs->st->markup && i + 1 < rs->len && rs->text[i] == '*' && rs->text[i + 1] == '*' &&
           i < rs->markup_end;
}

/* With an odd number of ** markers the last opens nothing: it is printed
 * as typed, with a warning at it. */
static void find_unclosed_marker(run_state *rs)
{
    rs->markup_end = rs->len;
    if (!rs->st->markup)
        return;
    size_t count = 0, last = 0;
    for (size_t i = 0; i + 1 < rs->len; i++)
        if (rs->text[i] == '*' && rs->text[i + 1] == '*') {
            count++;
            last = i++;
        }
    if (count % 2 == 0)
        return;
    rs->markup_end = last;
    diag_report(rs->dl, D_MARKUP, loc_at_char(rs->loc, utf8_count(rs->text, last)),
                _("this '**' opens an emphasis that is never closed; it is printed as typed"));
    diag_hint(rs->dl, _("put '**' after the last emphasized character as well, as in '**重点**'"));
}

bool run_append(char_buf *b, const char *text, const run_style *st, const font_set *fs,
                const layout *lay, src_loc loc, diag_list *dl)
{
    run_state rs = {.b = b, .text = text, .len = strlen(text), .st = st, .fs = fs, .lay = lay, .loc = loc,
                    .dl = dl, .ok = true, .base = SIZE_MAX};
    find_unclosed_marker(&rs);
    rs.have_url = st->markup && url_next(text, rs.len, 0, &rs.url);
    size_t i = 0;
    while (i < rs.len) {
        size_t at = i;
        if (is_marker(&rs, i)) {
            rs.emphasis = !rs.emphasis;
            rs.base = SIZE_MAX;
            i += 2;
            continue;
        }
        uint32_t cp;
        if (!utf8_decode(text, rs.len, &i, &cp)) {
            diag_report(dl, D_BAD_UTF8, loc, _("invalid UTF-8 in text at byte %zu"), at);
            return false;
        }
        if (is_variation_selector(cp))
            attach_selector(&rs, cp, at);
        else if (!take_format_char(&rs, cp) && !take_spacing_char(&rs, cp, at, i))
            append_char(&rs, cp, cp, 0, at, i);
    }
    return rs.ok;
}

float run_width(const lb_char *chars, size_t n)
{
    float w = 0;
    for (size_t i = 0; i < n; i++)
        w += chars[i].advance;
    return w;
}
