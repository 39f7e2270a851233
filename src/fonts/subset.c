/* subset.c — font subsetting with HarfBuzz hb-subset: the font is mapped
 * (not read) with hb_blob_create_from_file, cut down to the code points
 * used (and the variant glyphs of the variation sequences used, kept by
 * glyph id: hb-subset then keeps their cmap 14 records), and the subset is
 * re-read to learn each code point's and sequence's new glyph id and each
 * glyph's advance for the PDF /W array. */
#include "subset.h"

#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-subset.h>

#include "xalloc.h"

/* Tables a printed PDF never consults: OpenType layout (the text is set
 * already), vertical metrics, signatures and hinting leftovers. */
static const char *const dropped_tables[] = {
    "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "vhea", "vmtx", "VORG",
    "gasp", "hdmx", "VDMX", "LTSH", "kern", "meta", "PCLT", "morx", "mort",
};

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int be16(const char *p) { return (int16_t)(((uint8_t)p[0] << 8) | (uint8_t)p[1]); }

static void read_head_post(hb_face_t *face, font_subset *out)
{
    unsigned len = 0;
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    const char *h = hb_blob_get_data(head, &len);
    if (h && len >= 54) {
        out->x_min = be16(h + 36);
        out->y_min = be16(h + 38);
        out->x_max = be16(h + 40);
        out->y_max = be16(h + 42);
    }
    hb_blob_destroy(head);
    hb_blob_t *post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
    const char *p = hb_blob_get_data(post, &len);
    if (p && len >= 8) {
        int whole = be16(p + 4);
        unsigned frac = ((uint8_t)p[6] << 8) | (uint8_t)p[7];
        out->italic_angle = (float)whole + (float)frac / 65536.0f;
    }
    hb_blob_destroy(post);
}

static hb_subset_input_t *make_input(const uint32_t *cps, size_t n)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(unicodes, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped_tables / sizeof *dropped_tables; i++)
        hb_set_add(drop, hb_tag_from_string(dropped_tables[i], 4));
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    return in;
}

/* Adds the variant glyphs of vars to the glyphs the subset keeps. */
static void keep_variants(hb_face_t *face, hb_subset_input_t *in, const subset_variant *vars, size_t n)
{
    if (n == 0)
        return;
    hb_font_t *font = hb_font_create(face);
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t gid = 0;
        if (hb_font_get_variation_glyph(font, vars[i].cp, vars[i].vs, &gid))
            hb_set_add(glyphs, gid);
    }
    hb_font_destroy(font);
}

/* The sequences' new glyph ids, from the subset's own cmap 14. */
static void read_variants(hb_font_t *font, const subset_variant *vars, size_t n, font_subset *out)
{
    out->vars = xmallocarray(n ? n : 1, sizeof *out->vars);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t gid = 0;
        out->vars[i] = vars[i];
        out->vars[i].gid = hb_font_get_variation_glyph(font, vars[i].cp, vars[i].vs, &gid) ? (uint16_t)gid : 0;
    }
    out->n_vars = n;
}

/* Reads the mapping and advances back from the subset font itself. */
static void read_subset(hb_face_t *sub, const uint32_t *sorted, size_t n, const subset_variant *vars,
                        size_t n_vars, font_subset *out)
{
    hb_font_t *font = hb_font_create(sub);
    out->n_glyphs = hb_face_get_glyph_count(sub);
    out->units_per_em = hb_face_get_upem(sub);
    out->advance = xcalloc(out->n_glyphs ? out->n_glyphs : 1, sizeof *out->advance);
    out->cps = xmallocarray(n ? n : 1, sizeof *out->cps);
    out->gids = xcalloc(n ? n : 1, sizeof *out->gids);
    for (unsigned g = 0; g < out->n_glyphs; g++)
        out->advance[g] = (uint16_t)hb_font_get_glyph_h_advance(font, g);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t gid = 0;
        out->cps[i] = sorted[i];
        out->gids[i] = hb_font_get_nominal_glyph(font, sorted[i], &gid) ? (uint16_t)gid : 0;
    }
    out->n_cps = n;
    read_variants(font, vars, n_vars, out);
    read_head_post(sub, out);
    hb_font_destroy(font);
}

static size_t sort_unique(uint32_t *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_u32);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

bool subset_font(const char *path, const uint32_t *cps, size_t n_cps,
                 font_subset *out, const char **err)
{
    return subset_font_with_variants(path, cps, n_cps, NULL, 0, out, err);
}

bool subset_font_with_variants(const char *path, const uint32_t *cps, size_t n_cps, const subset_variant *vars,
                               size_t n_vars, font_subset *out, const char **err)
{
    memset(out, 0, sizeof *out);
    uint32_t *sorted = xmallocarray(n_cps ? n_cps : 1, sizeof *sorted);
    if (n_cps)
        memcpy(sorted, cps, n_cps * sizeof *sorted);
    size_t n = sort_unique(sorted, n_cps);

    bool ok = false;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    hb_face_t *face = blob ? hb_face_create(blob, 0) : NULL;
    hb_subset_input_t *in = face ? make_input(sorted, n) : NULL;
    if (in)
        keep_variants(face, in, vars, n_vars);
    hb_face_t *sub = in ? hb_subset_or_fail(face, in) : NULL;
    hb_blob_t *bytes = sub ? hb_face_reference_blob(sub) : NULL;
    unsigned len = 0;
    const char *data = bytes ? hb_blob_get_data(bytes, &len) : NULL;
    if (!blob)
        *err = "cannot map the font file";
    else if (!sub || !data || len == 0)
        *err = "hb-subset failed on the font";
    else {
        out->data = xmalloc(len);
        memcpy(out->data, data, len);
        out->size = len;
        read_subset(sub, sorted, n, vars, n_vars, out);
        ok = true;
    }
    hb_blob_destroy(bytes);
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    free(sorted);
    if (!ok)
        subset_free(out);
    return ok;
}

void subset_free(font_subset *s)
{
    if (!s)
        return;
    free(s->data);
    free(s->advance);
    free(s->cps);
    free(s->gids);
    free(s->vars);
    memset(s, 0, sizeof *s);
}

uint16_t subset_gid(const font_subset *s, uint32_t cp)
{
    size_t lo = 0, hi = s->n_cps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->cps[mid] < cp)
            lo = mid + 1;
        else if (s->cps[mid] > cp)
            hi = mid;
        else
            return s->gids[mid];
    }
    return 0;
}

uint16_t subset_gid_vs(const font_subset *s, uint32_t cp, uint32_t vs)
{
    for (size_t i = 0; vs && i < s->n_vars; i++)   /* a handful per document: linear */
        if (s->vars[i].cp == cp && s->vars[i].vs == vs && s->vars[i].gid)
            return s->vars[i].gid;
    return subset_gid(s, cp);
}
