/* text_run.c — text → measured characters with resolved fonts. */
#include "text_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "jpclass.h"
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

static void report_missing_glyph(const layout *lay, int font, uint32_t cp, const char *text, size_t at,
                                 size_t end, src_loc loc, diag_list *dl)
{
    char tried[256];
    roles_tried(lay, font, tried, sizeof tried);
    diag_report(dl, D_NO_GLYPH, loc_at_char(loc, utf8_count(text, at)), _("no font has '%.*s' (U+%04X); tried %s"),
                (int)(end - at), text + at, (unsigned)cp, tried);
    diag_hint(dl, _("replace the character, or add a font that has it as a 'fallback' of '%s' in the layout"),
              lay->fonts[font].name);
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

bool run_append(char_buf *b, const char *text, const run_style *st, const font_set *fs,
                const layout *lay, src_loc loc, diag_list *dl)
{
    bool ok = true;
    size_t len = strlen(text), i = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp;
        if (!utf8_decode(text, len, &i, &cp)) {
            diag_report(dl, D_BAD_UTF8, loc, _("invalid UTF-8 in text at byte %zu"), at);
            return false;
        }
        int font = fonts_resolve(fs, st->font, cp);
        if (font < 0) {
            report_missing_glyph(lay, st->font, cp, text, at, i, loc, dl);
            ok = false;
            continue;
        }
        float advance_em = fonts_advance_em(fs, font, cp);
        lb_char c = {
            .cp = cp, .font = (uint16_t)font, .flags = st->flags, .color = st->color,
            .size = st->size, .advance = advance_em * st->size, .source = (uint32_t)at,
        };
        if (!follows_half_em_convention(fs, font, cp, advance_em))
            c.flags |= LB_NO_COMPRESS;
        VEC_PUSH(b->chars, b->n, b->cap, c);
    }
    return ok;
}

float run_width(const lb_char *chars, size_t n)
{
    float w = 0;
    for (size_t i = 0; i < n; i++)
        w += chars[i].advance;
    return w;
}
