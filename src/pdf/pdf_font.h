/* pdf_font.h — the fonts of one PDF file: which code points each font role
 * draws (collected from the whole page model), one hb-subset per role, and
 * the embedded objects (Type0 / CIDFontType2 / FontDescriptor / FontFile2 /
 * ToUnicode) that every page shares.  Internal to the pdf_*.c files. */
#ifndef KUMIHAN_PDF_FONT_H
#define KUMIHAN_PDF_FONT_H

#include "diag.h"
#include "pdf_deflate.h"
#include "pdf_font_cache.h"
#include "pdf_hpdf_shim.h"
#include "fonts.h"
#include "pages.h"
#include "subset.h"

typedef struct pdf_font {
    bool used;
    uint32_t *cps;             /* sorted, unique */
    size_t n_cps, cap_cps;
    subset_variant *vars;      /* the variation sequences drawn (pg_glyph.vs), unique */
    size_t n_vars, cap_vars;
    font_subset sub;
    pdf_deflate_job program;   /* sub.data compressed, begun as soon as subset */
    cache_key cache_key;       /* of sub and program in the disk cache … */
    bool cache_store;          /* … which does not have them yet */
    uint16_t *width;           /* per subset glyph id, thousandths of an em */
    int default_width;         /* /DW: the commonest width */
    char res_name[24];         /* "F1": the name in page /Resources */
    char base_font[160];       /* "ABCDEF+BIZUDMincho-Regular" */
    pdf_dict type0;            /* indirect, shared by all pages */
    pdf_dict program_stream;   /* FontFile2, filled by pdf_fonts_finish */
} pdf_font;

typedef struct pdf_fonts {
    pdf_font *fonts;           /* one per font role of the font set */
    size_t n;
} pdf_fonts;

/* The role that actually draws g: its own font, else a fallback; its own
 * font again (drawing .notdef) when none has the glyph. */
int pdf_glyph_role(const font_set *fs, const pg_glyph *g);

/* Collects the code points of every glyph of doc and subsets each used
 * font once.  false with a diagnostic on failure. */
bool pdf_fonts_prepare(pdf_fonts *pf, const pg_doc *doc, const font_set *fs, diag_list *dl);
/* Builds the shared font objects in pdf; the font programs themselves are
 * still being compressed (see pdf_deflate.h)… */
bool pdf_fonts_embed(pdf_fonts *pf, HPDF_Doc pdf, const font_set *fs);
/* … and go into their streams here, as late as possible before saving, so
 * that the compression overlaps with drawing the pages. */
HPDF_STATUS pdf_fonts_finish(pdf_fonts *pf);
void pdf_fonts_free(pdf_fonts *pf);

#endif
