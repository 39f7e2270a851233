/* pdf_font.c — embeds each used font role once per PDF as a Type0 font with
 * Identity-H encoding over a CIDFontType2 whose font program is the
 * hb-subset of the TrueType file (PDF 32000-1:2008 §9.7).  libharu's own
 * TrueType embedding is bypassed: it keeps the full cmap/loca/hmtx and
 * writes a malformed ToUnicode CMap. */
#include "pdf_font.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf_tounicode.h"
#include "vec.h"
#include "xalloc.h"

#define N_CODE_POINTS 0x110000u

int pdf_glyph_role(const font_set *fs, const pg_glyph *g)
{
    int role = fonts_resolve(fs, g->font, g->cp);
    return role >= 0 ? role : g->font;
}

/* Lists the n code points marked in bits as f->cps, ascending. */
static void list_bits(pdf_font *f, const uint8_t *bits, size_t n)
{
    f->cps = xmallocarray(n ? n : 1, sizeof *f->cps);
    for (uint32_t byte = 0; byte < N_CODE_POINTS / 8; byte++)
        for (unsigned bit = 0; bits[byte] >> bit; bit++)   /* skips empty bytes at once */
            if (bits[byte] & (1u << bit))
                f->cps[f->n_cps++] = byte * 8 + bit;
}

/* Notes the sequence g->cp + g->vs for role's subset, once. */
static void note_variant(pdf_font *f, const pg_glyph *g)
{
    for (size_t i = 0; i < f->n_vars; i++)   /* a handful per document */
        if (f->vars[i].cp == g->cp && f->vars[i].vs == g->vs)
            return;
    VEC_PUSH(f->vars, f->n_vars, f->cap_vars, ((subset_variant){.cp = g->cp, .vs = g->vs}));
}

/* Marks, per role, each code point drawn anywhere in doc. */
static void collect_code_points(pdf_fonts *pf, const pg_doc *doc, const font_set *fs)
{
    uint8_t **bits = xcalloc(pf->n, sizeof *bits);
    size_t *count = xcalloc(pf->n, sizeof *count);
    for (size_t p = 0; p < doc->n_pages; p++) {
        const pg_page *page = &doc->pages[p];
        for (size_t i = 0; i < page->n_glyphs; i++) {
            const pg_glyph *g = &page->glyphs[i];
            int role = pdf_glyph_role(fs, g);
            if (role < 0 || (size_t)role >= pf->n || g->cp >= N_CODE_POINTS)
                continue;
            if (!bits[role])
                bits[role] = xcalloc(N_CODE_POINTS / 8, 1);
            uint8_t *byte = &bits[role][g->cp >> 3], mask = (uint8_t)(1u << (g->cp & 7));
            count[role] += !(*byte & mask);
            *byte |= mask;
            pf->fonts[role].used = true;
            if (g->vs)
                note_variant(&pf->fonts[role], g);
        }
    }
    for (size_t r = 0; r < pf->n; r++)
        if (bits[r])
            list_bits(&pf->fonts[r], bits[r], count[r]);
    for (size_t r = 0; r < pf->n; r++)
        free(bits[r]);
    free(bits);
    free(count);
}

/* "ABCDEF": six capitals derived from the glyph set (PDF §9.6.4), so that
 * the same text gives the same tag and different subsets differ. */
static void subset_tag(const pdf_font *f, char tag[7])
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (size_t i = 0; i < f->n_cps; i++)
        for (int b = 0; b < 4; b++) {
            h ^= (f->cps[i] >> (8 * b)) & 0xFFu;
            h *= 1099511628211ull;
        }
    for (int i = 0; i < 6; i++) {
        tag[i] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = '\0';
}

static int cmp_u16(const void *a, const void *b)
{
    return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

/* Widths in thousandths, and the commonest one as /DW (ties: the
 * narrower), so that /W lists only the exceptions. */
static void compute_widths(pdf_font *f)
{
    const font_subset *s = &f->sub;
    size_t n = s->n_glyphs;
    f->width = xcalloc(n ? n : 1, sizeof *f->width);
    uint16_t *sorted = xmallocarray(n ? n : 1, sizeof *sorted);
    unsigned upem = s->units_per_em ? s->units_per_em : 1000;
    for (size_t g = 0; g < n; g++)
        sorted[g] = f->width[g] = (uint16_t)lround(s->advance[g] * 1000.0 / upem);
    qsort(sorted, n, sizeof *sorted, cmp_u16);
    int best = 1000;
    size_t best_run = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && sorted[j] == sorted[i])
            j++;
        if (j - i > best_run) {
            best_run = j - i;
            best = sorted[i];
        }
        i = j;
    }
    free(sorted);
    f->default_width = best;
}

/* f's subset and compressed program: from the disk cache when it has them
 * for this font file and glyph set, else made here (the compression begun
 * on a worker thread) and marked for storing once compressed. */
static bool load_or_subset(pdf_font *f, const char *path, const char *role, diag_list *dl)
{
    /* the cache keys on code points only: a font drawn with variation
     * sequences (葛󠄀) is subset afresh, with its variant glyphs */
    bool keyed = f->n_vars == 0 && pdf_font_cache_key(path, f->cps, f->n_cps, &f->cache_key);
    if (keyed && pdf_font_cache_load(f->cache_key, f->cps, f->n_cps, &f->sub, &f->program))
        return true;
    const char *err = NULL;
    if (!subset_font_with_variants(path, f->cps, f->n_cps, f->vars, f->n_vars, &f->sub, &err)) {
        diag_report(dl, D_FONT, (src_loc){0}, _("cannot subset font %s (role \"%s\"): %s"), path, role, err);
        return false;
    }
    pdf_deflate_start(&f->program, f->sub.data, f->sub.size);
    f->cache_store = keyed;
    return true;
}

bool pdf_fonts_prepare(pdf_fonts *pf, const pg_doc *doc, const font_set *fs, diag_list *dl)
{
    pf->n = fonts_count(fs);
    pf->fonts = xcalloc(pf->n ? pf->n : 1, sizeof *pf->fonts);
    collect_code_points(pf, doc, fs);
    for (size_t r = 0; r < pf->n; r++) {
        pdf_font *f = &pf->fonts[r];
        if (!f->used)
            continue;
        if (!load_or_subset(f, fonts_path(fs, (int)r), fonts_role(fs, (int)r), dl))
            return false;
        compute_widths(f);
        char tag[7];
        subset_tag(f, tag);
        snprintf(f->res_name, sizeof f->res_name, "F%zu", r + 1);
        snprintf(f->base_font, sizeof f->base_font, "%s+%s", tag, fonts_postscript_name(fs, (int)r));
    }
    return true;
}

void pdf_fonts_free(pdf_fonts *pf)
{
    for (size_t r = 0; pf->fonts && r < pf->n; r++) {
        free(pf->fonts[r].cps);
        free(pf->fonts[r].vars);
        free(pf->fonts[r].width);
        pdf_deflate_free(&pf->fonts[r].program);   /* joins first: it reads sub.data */
        subset_free(&pf->fonts[r].sub);
    }
    free(pf->fonts);
    pf->fonts = NULL;
    pf->n = 0;
}

/* /W: runs of consecutive glyph ids whose width differs from /DW, as
 * "first [w1 w2 …]" (PDF §9.7.4.3). */
static pdf_array make_widths(HPDF_Doc pdf, const pdf_font *f)
{
    pdf_array w = shim_array_new(pdf);
    if (!w)
        return NULL;
    unsigned n = f->sub.n_glyphs;
    for (unsigned g = 0; g < n;) {
        if (f->width[g] == f->default_width) {
            g++;
            continue;
        }
        pdf_array run = shim_array_new(pdf);
        if (!run || shim_array_add_int(w, (int32_t)g) != HPDF_OK || shim_array_add_array(w, run) != HPDF_OK)
            return NULL;
        for (; g < n && f->width[g] != f->default_width; g++)
            shim_array_add_int(run, f->width[g]);
    }
    return w;
}

static pdf_array int_array(HPDF_Doc pdf, const int *v, int n)
{
    pdf_array a = shim_array_new(pdf);
    for (int i = 0; a && i < n; i++)
        shim_array_add_int(a, v[i]);
    return a;
}

static pdf_dict make_descriptor(HPDF_Doc pdf, pdf_font *f, const font_set *fs, int role)
{
    const font_subset *s = &f->sub;
    double k = 1000.0 / (s->units_per_em ? s->units_per_em : 1000);
    pdf_dict fd = shim_dict_new_indirect(pdf);
    if (!fd)
        return NULL;
    int bbox[4] = {(int)lround(s->x_min * k), (int)lround(s->y_min * k),
                   (int)lround(s->x_max * k), (int)lround(s->y_max * k)};
    shim_dict_add_name(fd, "Type", "FontDescriptor");
    shim_dict_add_name(fd, "FontName", f->base_font);
    shim_dict_add_int(fd, "Flags", 4);   /* symbolic: glyphs outside the standard Latin set */
    shim_dict_add_array(fd, "FontBBox", int_array(pdf, bbox, 4));
    shim_dict_add_real(fd, "ItalicAngle", s->italic_angle);
    shim_dict_add_int(fd, "Ascent", (int32_t)lround(fonts_ascent_em(fs, role) * 1000));
    shim_dict_add_int(fd, "Descent", (int32_t)lround(fonts_descent_em(fs, role) * 1000));
    shim_dict_add_int(fd, "CapHeight", (int32_t)lround(fonts_cap_height_em(fs, role) * 1000));
    shim_dict_add_int(fd, "StemV", 80);  /* not in TrueType; a regular weight's usual value */

    pdf_dict file = shim_stream_new(pdf, SHIM_PRECOMPRESSED);   /* see pdf_deflate.h */
    if (!file)
        return NULL;
    f->program_stream = file;
    shim_dict_add_int(file, "Length1", (int32_t)s->size);
    shim_dict_add_dict(fd, "FontFile2", file);
    return fd;
}

static pdf_dict make_cid_font(HPDF_Doc pdf, pdf_font *f, const font_set *fs, int role)
{
    pdf_dict cid = shim_dict_new(pdf);
    pdf_dict info = shim_dict_new(pdf);
    pdf_dict fd = make_descriptor(pdf, f, fs, role);
    pdf_array w = make_widths(pdf, f);
    if (!cid || !info || !fd || !w || shim_dict_make_indirect(pdf, cid) != HPDF_OK)
        return NULL;
    shim_dict_add_string(info, "Registry", "Adobe");
    shim_dict_add_string(info, "Ordering", "Identity");
    shim_dict_add_int(info, "Supplement", 0);
    shim_dict_add_name(cid, "Type", "Font");
    shim_dict_add_name(cid, "Subtype", "CIDFontType2");
    shim_dict_add_name(cid, "BaseFont", f->base_font);
    shim_dict_add_dict(cid, "CIDSystemInfo", info);
    shim_dict_add_dict(cid, "FontDescriptor", fd);
    shim_dict_add_int(cid, "DW", f->default_width);
    shim_dict_add_array(cid, "W", w);
    shim_dict_add_name(cid, "CIDToGIDMap", "Identity");
    return cid;
}

static bool embed_one(HPDF_Doc pdf, pdf_font *f, const font_set *fs, int role)
{
    pdf_dict type0 = shim_dict_new(pdf);
    pdf_dict cid = make_cid_font(pdf, f, fs, role);
    pdf_array desc = shim_array_new(pdf);
    pdf_dict tu = shim_stream_new(pdf, SHIM_RAW);   /* deflated once written */
    if (!type0 || !cid || !desc || !tu || shim_dict_make_indirect(pdf, type0) != HPDF_OK)
        return false;
    if (pdf_write_tounicode(tu, &f->sub) != HPDF_OK || pdf_deflate_stream(tu) != HPDF_OK)
        return false;
    shim_array_add_dict(desc, cid);
    shim_dict_add_name(type0, "Type", "Font");
    shim_dict_add_name(type0, "Subtype", "Type0");
    shim_dict_add_name(type0, "BaseFont", f->base_font);
    shim_dict_add_name(type0, "Encoding", "Identity-H");
    shim_dict_add_array(type0, "DescendantFonts", desc);
    shim_dict_add_dict(type0, "ToUnicode", tu);
    f->type0 = type0;
    return HPDF_GetError(pdf) == HPDF_OK;
}

bool pdf_fonts_embed(pdf_fonts *pf, HPDF_Doc pdf, const font_set *fs)
{
    for (size_t r = 0; r < pf->n; r++)
        if (pf->fonts[r].used && !embed_one(pdf, &pf->fonts[r], fs, (int)r))
            return false;
    return true;
}

HPDF_STATUS pdf_fonts_finish(pdf_fonts *pf)
{
    for (size_t r = 0; r < pf->n; r++) {
        pdf_font *f = &pf->fonts[r];
        if (!f->used)
            continue;
        HPDF_STATUS st = f->program_stream ? pdf_deflated_stream_fill(f->program_stream, &f->program)
                                           : SHIM_INVALID_OBJECT;
        if (st != HPDF_OK)
            return st;
        if (f->cache_store)   /* the program is compressed now: the fill joined it */
            pdf_font_cache_store(f->cache_key, &f->sub, &f->program);
        f->cache_store = false;
    }
    return HPDF_OK;
}
