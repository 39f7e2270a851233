/* fonts.c — opens the layout's font roles with FreeType and answers the
 * questions measuring code asks per character (coverage, advance, ink box),
 * caching per code point because the line breaker asks for every character
 * of the document.  The only file that includes FreeType.
 *
 * Asking a question does not change what a font is, so every query takes
 * a const font_set.  The caches are the one thing a query writes: they
 * live in a face_cache the set points to (a pointer in a const struct
 * still points to writable memory), so no const is ever cast away.  Out
 * of memory aborts (xalloc.h), so it can never turn into "no font has X".
 * Queries are not thread-safe (neither is an FT_Face). */
#include "fonts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include FT_BBOX_H

#include "font_file.h"
#include "i18n.h"
#include "layout.h"
#include "vec.h"
#include "xalloc.h"

#define BMP_SIZE 0x10000u

/* What we know about one code point in one font; computed on first use. */
typedef struct cp_info {
    float advance_em;
    uint32_t gid;
    bool known;
} cp_info;

typedef struct astral_info {
    uint32_t cp;
    cp_info info;
} astral_info;

/* A glyph's ink bounds, cached: loading an outline costs far more than a lookup. */
typedef struct ink_info {
    uint32_t cp;
    bool has_ink;
    glyph_box box;
} ink_info;

/* What one face has been asked so far: filled by the queries, through a
 * const font_set (see the top of the file). */
typedef struct face_cache {
    cp_info *bmp;              /* BMP_SIZE entries, allocated on first lookup */
    astral_info *astral;       /* sorted by cp: planes 1–16 are rare */
    size_t n_astral, cap_astral;
    ink_info *ink;             /* sorted by cp: only punctuation is asked */
    size_t n_ink, cap_ink;
} face_cache;

/* One font role, as opened: fixed once fonts_open returns. */
typedef struct font_face {
    char *role;
    char *path;
    char *ps_name;
    FT_Face face;              /* FreeType loads glyphs into face->glyph: a query writes there too */
    unsigned upem;
    float ascent, descent, cap_height;
    int fallbacks[LAYOUT_MAX_FALLBACKS];
    int n_fallbacks;
    face_cache *cache;         /* mutable through a const font_set */
} font_face;

struct font_set {
    FT_Library lib;
    font_face *faces;
    size_t n_faces;
};

static bool has_sfnt_table(FT_Face face, FT_ULong tag)
{
    FT_ULong len = 0;
    return FT_Load_Sfnt_Table(face, tag, 0, NULL, &len) == 0 && len > 0;
}

/* A font whose directory is sound can still have damaged outlines, which
 * would print as blank text or blame the content later.  Loading a few
 * glyphs costs little: あ and 一 (what a Japanese document is made of),
 * glyph 1 and the last glyph (which reach both ends of loca and glyf).
 * Returns true, or false with the glyph that failed in *bad_gid and its
 * code point in *bad_cp (0 for the glyphs asked for by number). */
static bool glyphs_load(FT_Face face, unsigned *bad_gid, uint32_t *bad_cp)
{
    const uint32_t probes[] = {0x3042, 0x4E00, 'A'};
    FT_UInt gids[5];
    uint32_t cps[5];
    size_t n = 0;
    for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
        FT_UInt g = FT_Get_Char_Index(face, probes[i]);
        if (g) {
            cps[n] = probes[i];
            gids[n++] = g;
        }
    }
    cps[n] = 0;
    gids[n++] = face->num_glyphs > 1 ? 1 : 0;
    cps[n] = 0;
    gids[n++] = face->num_glyphs > 0 ? (FT_UInt)(face->num_glyphs - 1) : 0;
    for (size_t i = 0; i < n; i++)
        if (FT_Load_Glyph(face, gids[i], FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)) {
            *bad_gid = gids[i];
            *bad_cp = cps[i];
            return false;
        }
    return true;
}

static void report_bad_glyph(const layout_font *lf, unsigned gid, uint32_t cp, diag_list *dl)
{
    char what[64];
    if (cp)
        snprintf(what, sizeof what, "the glyph of U+%04X", (unsigned)cp);
    else
        snprintf(what, sizeof what, "glyph %u", gid);
    diag_report(dl, D_FONT, lf->loc, _("font file %s for role \"%s\" is damaged: FreeType cannot load %s"),
                lf->path, lf->name, what);
    diag_hint(dl, _("download or copy the font again, or use another TrueType .ttf file"));
}

static void read_metrics(font_face *ff)
{
    FT_Face face = ff->face;
    float upem = (float)ff->upem;
    TT_OS2 *os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2);
    if (os2 && os2->version != 0xFFFFu && os2->sTypoAscender > 0) {
        ff->ascent = os2->sTypoAscender / upem;
        ff->descent = os2->sTypoDescender / upem;
    } else {
        ff->ascent = face->ascender / upem;
        ff->descent = face->descender / upem;
    }
    if (os2 && os2->version >= 2 && os2->sCapHeight > 0)
        ff->cap_height = os2->sCapHeight / upem;
    else
        ff->cap_height = 0.7f * ff->ascent;   /* a usual proportion when the font is silent */
}

static bool open_face(font_set *fs, const layout_font *lf, font_face *ff, diag_list *dl)
{
    if (!font_file_check(lf, dl))
        return false;
    FT_Face face = NULL;
    FT_Error fe = FT_New_Face(fs->lib, lf->path, 0, &face);
    if (fe) {
        diag_report(dl, D_FONT, lf->loc, _("font file %s for role \"%s\" is not a font file (FreeType cannot read it)"),
                    lf->path, lf->name);
        return false;
    }
    ff->face = face;
    if (face->num_faces > 1) {
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" is a font collection (.ttc)"), lf->path, lf->name);
        return false;
    }
    if (!FT_IS_SFNT(face) || has_sfnt_table(face, TTAG_CFF) || !has_sfnt_table(face, TTAG_glyf)) {
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" is %s; kumihan can only embed TrueType (glyf) fonts"),
                    lf->path, lf->name, FT_IS_SFNT(face) ? "OpenType/CFF" : "not an OpenType font");
        return false;
    }
    unsigned bad_gid = 0;
    uint32_t bad_cp = 0;
    if (!glyphs_load(face, &bad_gid, &bad_cp)) {
        report_bad_glyph(lf, bad_gid, bad_cp, dl);
        return false;
    }
    ff->upem = face->units_per_EM ? face->units_per_EM : 1000;
    const char *ps = FT_Get_Postscript_Name(face);
    ff->ps_name = xstrdup_or_null(ps ? ps : lf->name);
    read_metrics(ff);
    return true;
}

static void copy_role(const layout_font *lf, font_face *ff, size_t n_roles)
{
    ff->role = xstrdup_or_null(lf->name);
    ff->path = xstrdup_or_null(lf->path);
    ff->cache = xcalloc(1, sizeof *ff->cache);
    for (int i = 0; i < lf->n_fallbacks && i < LAYOUT_MAX_FALLBACKS; i++)
        if (lf->fallbacks[i] >= 0 && (size_t)lf->fallbacks[i] < n_roles)
            ff->fallbacks[ff->n_fallbacks++] = lf->fallbacks[i];
}

font_set *fonts_open(const layout *lay, diag_list *dl)
{
    font_set *fs = xcalloc(1, sizeof *fs);
    if (FT_Init_FreeType(&fs->lib)) {
        diag_report(dl, D_INTERNAL, (src_loc){0}, _("cannot initialise FreeType"));
        free(fs);
        return NULL;
    }
    fs->faces = xcalloc(lay->n_fonts ? lay->n_fonts : 1, sizeof *fs->faces);
    fs->n_faces = lay->n_fonts;
    bool ok = true;
    for (size_t i = 0; i < lay->n_fonts; i++) {
        copy_role(&lay->fonts[i], &fs->faces[i], lay->n_fonts);
        if (!open_face(fs, &lay->fonts[i], &fs->faces[i], dl))
            ok = false;
    }
    if (!ok) {
        fonts_free(fs);
        return NULL;
    }
    return fs;
}

void fonts_free(font_set *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->n_faces; i++) {
        font_face *ff = &fs->faces[i];
        if (ff->face)
            FT_Done_Face(ff->face);
        free(ff->role);
        free(ff->path);
        free(ff->ps_name);
        if (ff->cache) {
            free(ff->cache->bmp);
            free(ff->cache->astral);
            free(ff->cache->ink);
            free(ff->cache);
        }
    }
    free(fs->faces);
    if (fs->lib)
        FT_Done_FreeType(fs->lib);
    free(fs);
}

size_t fonts_count(const font_set *fs) { return fs->n_faces; }

static const font_face *face_at(const font_set *fs, int font)
{
    return (font >= 0 && (size_t)font < fs->n_faces) ? &fs->faces[font] : NULL;
}

const char *fonts_role(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->role : NULL;
}

const char *fonts_path(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->path : NULL;
}

const char *fonts_postscript_name(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->ps_name : NULL;
}

static void compute_info(const font_face *ff, uint32_t cp, cp_info *ci)
{
    ci->gid = FT_Get_Char_Index(ff->face, cp);
    FT_Fixed adv = 0;
    /* A missing character is measured as .notdef (glyph 0), which is what
     * would be drawn. */
    if (FT_Get_Advance(ff->face, ci->gid, FT_LOAD_NO_SCALE, &adv))
        adv = 0;
    ci->advance_em = (float)adv / (float)ff->upem;
    ci->known = true;
}

/* The sorted caches below (astral code points, ink boxes) are arrays of
 * structs whose first member is the uint32_t code point. */
static size_t lower_bound_cp(const void *base, size_t n, size_t size, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t key;
        memcpy(&key, (const char *)base + mid * size, sizeof key);
        if (key < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Inserts elem at index at, growing the array (out of memory aborts). */
static void insert_at(void **base, size_t *n, size_t *cap, size_t size, size_t at, const void *elem)
{
    *base = vec_reserve_(*base, cap, *n + 1, size);
    char *b = *base;
    memmove(b + (at + 1) * size, b + at * size, (*n - at) * size);
    memcpy(b + at * size, elem, size);
    (*n)++;
}

/* What font knows about cp, from its cache (filled on first ask). */
static cp_info lookup(const font_set *fs, int font, uint32_t cp)
{
    static const cp_info none = {0, 0, true};
    const font_face *ff = face_at(fs, font);
    if (!ff || !ff->face || cp > 0x10FFFFu)
        return none;
    face_cache *c = ff->cache;
    if (cp < BMP_SIZE) {
        if (!c->bmp)   /* out of memory aborts (xalloc.h): never a false "no glyph" */
            c->bmp = xcalloc(BMP_SIZE, sizeof *c->bmp);
        cp_info *ci = &c->bmp[cp];
        if (!ci->known)
            compute_info(ff, cp, ci);
        return *ci;
    }
    size_t at = lower_bound_cp(c->astral, c->n_astral, sizeof *c->astral, cp);
    if (at < c->n_astral && c->astral[at].cp == cp)
        return c->astral[at].info;
    astral_info entry = {.cp = cp};
    compute_info(ff, cp, &entry.info);
    insert_at((void **)&c->astral, &c->n_astral, &c->cap_astral, sizeof entry, at, &entry);
    return entry.info;
}

bool fonts_has_glyph(const font_set *fs, int font, uint32_t cp)
{
    return lookup(fs, font, cp).gid != 0;
}

/* The font's cmap format 14 table (FreeType reads it): Ideographic
 * Variation Sequences and standardized variants.  Not cached: variation
 * sequences are rare in text. */
bool fonts_has_variant(const font_set *fs, int font, uint32_t cp, uint32_t vs)
{
    const font_face *ff = face_at(fs, font);
    return ff && ff->face && FT_Face_GetCharVariantIndex(ff->face, cp, vs) != 0;
}

int fonts_resolve(const font_set *fs, int font, uint32_t cp)
{
    const font_face *ff = face_at(fs, font);
    if (!ff)
        return -1;
    if (fonts_has_glyph(fs, font, cp))
        return font;
    for (int i = 0; i < ff->n_fallbacks; i++)
        if (fonts_has_glyph(fs, ff->fallbacks[i], cp))
            return ff->fallbacks[i];
    return -1;
}

float fonts_advance_em(const font_set *fs, int font, uint32_t cp)
{
    return lookup(fs, font, cp).advance_em;
}

static bool load_ink_box(const font_face *ff, uint32_t gid, glyph_box *out)
{
    if (FT_Load_Glyph(ff->face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING))
        return false;
    FT_Outline *ol = &ff->face->glyph->outline;
    if (ff->face->glyph->format != FT_GLYPH_FORMAT_OUTLINE || ol->n_points == 0)
        return false;
    FT_BBox bb;
    if (FT_Outline_Get_BBox(ol, &bb))
        return false;
    float upem = (float)ff->upem;
    *out = (glyph_box){bb.xMin / upem, bb.xMax / upem, bb.yMin / upem, bb.yMax / upem};
    return true;
}

/* The cached entry for cp, or NULL if it is not cached (and *at is where it goes). */
static const ink_info *find_ink(const face_cache *c, uint32_t cp, size_t *at)
{
    *at = lower_bound_cp(c->ink, c->n_ink, sizeof *c->ink, cp);
    return *at < c->n_ink && c->ink[*at].cp == cp ? &c->ink[*at] : NULL;
}

bool fonts_ink_box(const font_set *fs, int font, uint32_t cp, glyph_box *out)
{
    cp_info ci = lookup(fs, font, cp);
    const font_face *ff = face_at(fs, font);
    if (!ff || !ff->face || ci.gid == 0)
        return false;
    size_t at;
    const ink_info *cached = find_ink(ff->cache, cp, &at);
    ink_info info;
    if (cached) {
        info = *cached;
    } else {
        info = (ink_info){.cp = cp};
        info.has_ink = load_ink_box(ff, ci.gid, &info.box);
        insert_at((void **)&ff->cache->ink, &ff->cache->n_ink, &ff->cache->cap_ink, sizeof info, at, &info);
    }
    if (info.has_ink)
        *out = info.box;
    return info.has_ink;
}

float fonts_ascent_em(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->ascent : 0.88f;
}

float fonts_descent_em(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->descent : -0.12f;
}

float fonts_cap_height_em(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->cap_height : 0.7f;
}

unsigned fonts_units_per_em(const font_set *fs, int font)
{
    const font_face *ff = face_at(fs, font);
    return ff ? ff->upem : 1000;
}
