/* text_run.h — UTF-8 text in one style → the characters the line breaker
 * sets, each with the font that can draw it (the style's font or one of its
 * fallbacks) and its advance measured from that font.  A character no
 * font has is an error at the text's location, never a blank or tofu. */
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
} run_style;

typedef struct char_buf {
    lb_char *chars;
    size_t n, cap;
} char_buf;

void char_buf_free(char_buf *b);

/* Appends text's characters in style st.  Returns false (with a
 * diagnostic at loc) if a character has no glyph in any font tried;
 * such characters are left out. */
bool run_append(char_buf *b, const char *text, const run_style *st, const font_set *fs,
                const layout *lay, src_loc loc, diag_list *dl);

/* Width of the characters in pt, at their natural advances. */
float run_width(const lb_char *chars, size_t n);

#endif
