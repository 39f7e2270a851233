/* fonts.h — the fonts of a layout, opened with FreeType: glyph coverage,
 * advance widths and ink bounds, which everything that measures text asks
 * here.  Only fonts.c includes FreeType.  Font indices are the layout's
 * font-role indices. */
#ifndef KUMIHAN_FONTS_H
#define KUMIHAN_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "diag.h"

typedef struct layout layout;
typedef struct font_set font_set;

/* Ink bounds of a glyph, in ems (fractions of the font size), relative to
 * the glyph origin: x grows right, y grows up. */
typedef struct glyph_box {
    float x_min, x_max, y_min, y_max;
} glyph_box;

/* Opens every font role of the layout.  A missing or unreadable file, a
 * folder or FIFO, one that is not TrueType (WOFF, CFF-based OpenType and
 * collections cannot be embedded), one cut short or with a damaged table
 * directory (font_file.h), or one whose glyphs FreeType cannot load is an
 * error at the role's location in the layout, never blamed on the text. */
font_set *fonts_open(const layout *lay, diag_list *dl);
void fonts_free(font_set *fs);

size_t fonts_count(const font_set *fs);
const char *fonts_role(const font_set *fs, int font);     /* "mincho" */
const char *fonts_path(const font_set *fs, int font);
const char *fonts_postscript_name(const font_set *fs, int font);

bool fonts_has_glyph(const font_set *fs, int font, uint32_t cp);
/* Whether the font maps the variation sequence cp + vs (vs a variation
 * selector U+FE00-FE0F or U+E0100-E01EF) to a glyph. */
bool fonts_has_variant(const font_set *fs, int font, uint32_t cp, uint32_t vs);
/* The role that draws cp: font itself, else its fallbacks in order; -1 if none. */
int fonts_resolve(const font_set *fs, int font, uint32_t cp);

/* Advance width in ems (multiply by the size for points). */
float fonts_advance_em(const font_set *fs, int font, uint32_t cp);
/* Ink bounds in ems; false if the glyph is empty or missing. */
bool fonts_ink_box(const font_set *fs, int font, uint32_t cp, glyph_box *out);

/* Font-wide metrics in ems (ascender positive, descender negative). */
float fonts_ascent_em(const font_set *fs, int font);
float fonts_descent_em(const font_set *fs, int font);
float fonts_cap_height_em(const font_set *fs, int font);
unsigned fonts_units_per_em(const font_set *fs, int font);

#endif
