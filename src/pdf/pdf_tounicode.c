/* pdf_tounicode.c — the ToUnicode CMap of a subset font: subset glyph id →
 * UTF-16BE text, so that copying and searching give the original text
 * (PDF 32000-1:2008 §9.10.3; Adobe TN 5411 for the CMap syntax).  Written
 * by hand because libharu 2.3.0's CMap has a malformed begincidrange. */
#include "pdf_tounicode.h"

#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

#define MAX_BLOCK 100   /* the CMap format's limit of entries per block */

static const char cmap_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n"
    "<0000> <FFFF>\n"
    "endcodespacerange\n";

static const char cmap_tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

/* cp as UTF-16BE hex: "3042" or, beyond the BMP, a surrogate pair "D842DFB7". */
static int format_utf16(char *buf, size_t size, uint32_t cp)
{
    if (cp < 0x10000u)
        return snprintf(buf, size, "%04X", (unsigned)cp);
    uint32_t v = cp - 0x10000u;
    return snprintf(buf, size, "%04X%04X", (unsigned)(0xD800u + (v >> 10)), (unsigned)(0xDC00u + (v & 0x3FFu)));
}

/* "<0012> <3042>"; a variant glyph gives its base and selector, so that
 * copying 葛󠄀 keeps the sequence: "<0014> <845BDB40DD00>". */
static void format_entry(char *buf, size_t size, unsigned gid, uint32_t cp, uint32_t vs)
{
    int n = snprintf(buf, size, "<%04X> <", gid);
    n += format_utf16(buf + n, size - (size_t)n, cp);
    if (vs)
        n += format_utf16(buf + n, size - (size_t)n, vs);
    snprintf(buf + n, size - (size_t)n, ">\n");
}

HPDF_STATUS pdf_write_tounicode(pdf_dict stream, const font_subset *sub)
{
    /* One code point per glyph: the lowest that maps to it (code points
     * are ascending, so the first seen); a glyph only a variation sequence
     * reaches gives the sequence. */
    uint32_t *cp_of = xcalloc(sub->n_glyphs ? sub->n_glyphs : 1, sizeof *cp_of);
    uint32_t *vs_of = xcalloc(sub->n_glyphs ? sub->n_glyphs : 1, sizeof *vs_of);
    size_t n_entries = 0;
    for (size_t i = 0; i < sub->n_cps; i++) {
        unsigned g = sub->gids[i];
        if (g != 0 && g < sub->n_glyphs && cp_of[g] == 0) {
            cp_of[g] = sub->cps[i];
            n_entries++;
        }
    }
    for (size_t i = 0; i < sub->n_vars; i++) {
        unsigned g = sub->vars[i].gid;
        if (g != 0 && g < sub->n_glyphs && cp_of[g] == 0) {
            cp_of[g] = sub->vars[i].cp;
            vs_of[g] = sub->vars[i].vs;
            n_entries++;
        }
    }
    HPDF_STATUS st = shim_stream_write_str(stream, cmap_head);
    char line[96];
    unsigned g = 1;
    while (st == HPDF_OK && n_entries > 0) {
        size_t block = n_entries < MAX_BLOCK ? n_entries : MAX_BLOCK;
        snprintf(line, sizeof line, "%zu beginbfchar\n", block);
        st = shim_stream_write_str(stream, line);
        for (size_t k = 0; k < block && st == HPDF_OK; g++) {
            if (cp_of[g] == 0)
                continue;
            format_entry(line, sizeof line, g, cp_of[g], vs_of[g]);
            st = shim_stream_write_str(stream, line);
            k++;
        }
        if (st == HPDF_OK)
            st = shim_stream_write_str(stream, "endbfchar\n");
        n_entries -= block;
    }
    if (st == HPDF_OK)
        st = shim_stream_write_str(stream, cmap_tail);
    free(cp_of);
    free(vs_of);
    return st;
}
