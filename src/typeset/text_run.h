/* text_run.h — UTF-8 text in one style → the characters the line breaker
 * sets, each with the font that can draw it (the style's font or one of its
 * fallbacks) and its advance measured from that font.  A character no
 * font has is an error at the text's location, never a blank or tofu.
 *
 * Text as people paste it: a variation selector (IVS U+E0100…, standardized
 * variant U+FE00…) rides on its base character when the font has the
 * sequence (else a warning, and the base glyph); format characters take no
 * glyph — ZERO WIDTH SPACE is a break opportunity, WORD JOINER, ZWJ and
 * ZWNJ glue their neighbours, SOFT HYPHEN is a hyphen shown only at a line
 * end, NO-BREAK SPACE a space that never breaks, a BOM or a direction mark
 * is dropped.  In a block's own text (run_style.markup) URLs and e-mail
 * addresses are marked for the line breaker and for links, and **…** sets
 * a run in the layout's emphasis font. */
#ifndef KUMIHAN_TEXT_RUN_H
#define KUMIHAN_TEXT_RUN_H

#include <stdbool.h>
#include "fonts.h"
#include "layout.h"
#include "linebreak.h"

typedef struct run_style {
    int font;
    float size;
    rgb_color color;
    uint16_t flags;     /* LB_* flags for every character */
    bool markup;        /* the block's own text: **…** emphasis, URL and e-mail links */
    int emphasis_font;  /* the font of **…** runs (with markup) */
} run_style;

typedef struct char_buf {
    lb_char *chars;
    size_t n, cap;
} char_buf;

void char_buf_free(char_buf *b);

/* Appends text's characters in style st, each with source = its byte
 * offset in text (markup included, so offsets still point into text).
 * Returns false (with a diagnostic at loc) if a character has no glyph in
 * any font tried; such characters are left out.  Warnings (a variation
 * sequence the font lacks, an unclosed **) do not fail. */
bool run_append(char_buf *b, const char *text, const run_style *st, const font_set *fs,
                const layout *lay, src_loc loc, diag_list *dl);

/* Width of the characters in pt, at their natural advances. */
float run_width(const lb_char *chars, size_t n);

#endif
