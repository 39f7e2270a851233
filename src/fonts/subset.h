/* subset.h — cutting a TrueType font down to the glyphs a document uses,
 * with HarfBuzz's hb-subset: glyph ids renumbered densely, hinting and
 * layout tables dropped, deterministic bytes.  The PDF writer embeds the
 * result as a CIDFontType2 font program (FontFile2). */
#ifndef KUMIHAN_SUBSET_H
#define KUMIHAN_SUBSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A variation sequence (base + variation selector, e.g. 葛 U+845B +
 * U+E0100) drawn with the font's variant glyph; gid its id in the subset. */
typedef struct subset_variant {
    uint32_t cp, vs;
    uint16_t gid;
} subset_variant;

typedef struct font_subset {
    unsigned char *data;       /* the subset font file, owned */
    size_t size;
    unsigned n_glyphs;         /* glyphs in the subset, .notdef included */
    unsigned units_per_em;
    uint16_t *advance;         /* n_glyphs advance widths, font units */
    /* The code points asked for, ascending, and their new glyph ids
     * (0 where the font has no glyph for that code point). */
    uint32_t *cps;
    uint16_t *gids;
    size_t n_cps;
    /* The variation sequences asked for, with their new glyph ids (0: the
     * font has no glyph for it) — kept by adding their glyphs to the subset. */
    subset_variant *vars;
    size_t n_vars;
    /* font-wide values for the PDF font descriptor, font units */
    int x_min, y_min, x_max, y_max;   /* head bounding box */
    float italic_angle;               /* post table, degrees */
} font_subset;

/* Subsets the font file at path to the given code points (any order,
 * duplicates allowed).  On failure returns false and sets *err to a static
 * message. */
bool subset_font(const char *path, const uint32_t *cps, size_t n_cps,
                 font_subset *out, const char **err);
/* The same, also keeping the variant glyphs of vars[0..n_vars) (their gid
 * fields are ignored). */
bool subset_font_with_variants(const char *path, const uint32_t *cps, size_t n_cps, const subset_variant *vars,
                               size_t n_vars, font_subset *out, const char **err);
void subset_free(font_subset *s);

/* New glyph id of cp in the subset, 0 if absent (binary search). */
uint16_t subset_gid(const font_subset *s, uint32_t cp);
/* New glyph id of cp + variation selector vs (vs 0: of cp alone); the base
 * glyph's when the sequence is not in the subset. */
uint16_t subset_gid_vs(const font_subset *s, uint32_t cp, uint32_t vs);

#endif
