/* pdf_write.h — drawing the page model into a PDF with libharu: fonts
 * subset with hb-subset and embedded as CIDFontType2 with a correct
 * ToUnicode CMap, text as glyph-id strings, outline, document info, /Lang,
 * a content-derived /ID, and an atomic write (temporary file, then rename)
 * so that an existing PDF is never left half-written.  The reading PDF
 * is tagged PDF/UA-1 + PDF/A-2u (structure tree, XMP, sRGB output intent,
 * small objects in object streams); the print PDF (imposed or one page
 * a sheet) is PDF/X-4: DeviceGray only, TrimBox and BleedBox, a gray
 * GTS_PDFX output intent, untagged.  Only the pdf_*.c
 * files see libharu, all through pdf_hpdf_shim.h (the one includer of
 * <hpdf.h>); this header does not. */
#ifndef KUMIHAN_PDF_WRITE_H
#define KUMIHAN_PDF_WRITE_H

#include <stdbool.h>
#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "pages.h"

struct page_label_rule;

typedef struct pdf_meta {
    const char *title;        /* Info /Title */
    const char *author;       /* the organisation */
    const char *subject;
    const char *keywords;
    const char *creator;      /* "kumihan 0.1.0" */
    const char *date;         /* YYYY-MM-DD for /CreationDate and /ModDate, or NULL */
    const char *lang;         /* catalog /Lang, e.g. "ja-JP" */
    bool show_outline;        /* open with the bookmarks panel */
    const struct page_label_rule *labels;   /* layout.h; reading PDF only */
    size_t n_labels;
    /* the /ListNumbering of the lists of each block kind (item, bullet,
     * entry): num_style_list_numbering of its style; NULL: none written */
    const char *list_numbering[BK__COUNT];
} pdf_meta;

/* One page placed on an output sheet: source page index (or -1 for a
 * blank), and the transform a b c d e f (PDF cm order) that maps the
 * page's coordinates onto the sheet. */
typedef struct pdf_placement {
    int page;
    float m[6];
} pdf_placement;

/* An output sheet of the print PDF: its size, where it is trimmed and how
 * far its bleed reaches, the pages on it, and optional marks drawn in sheet
 * coordinates (crop marks, bleed). */
typedef struct pdf_sheet {
    float width, height;
    float trim[4], bleed[4];  /* TrimBox and BleedBox: llx lly urx ury */
    pdf_placement place[4];
    int n_place;
    pg_page marks;            /* shapes only; may be empty */
} pdf_sheet;

/* Writes doc to out_path (atomically).  sheets == NULL: one PDF page per
 * page of doc, the ordinary reading PDF; otherwise the given sheets (an
 * imposed PDF).  Returns false with a diagnostic on failure, leaving any
 * existing file at out_path untouched. */
bool pdf_write(const pg_doc *doc, const font_set *fs, const pdf_meta *meta,
               const pdf_sheet *sheets, size_t n_sheets,
               const char *out_path, diag_list *dl);

/* The same PDF in a malloc'd buffer of *len bytes, for a caller that
 * writes several files as one transaction (pdf_atomic.h); NULL with a
 * diagnostic on failure. */
unsigned char *pdf_render(const pg_doc *doc, const font_set *fs, const pdf_meta *meta,
                          const pdf_sheet *sheets, size_t n_sheets, size_t *len, diag_list *dl);
/* The reading PDF (no sheets) the same way, freeing each page's glyphs
 * and shapes as soon as the page is drawn (pg_page_drop_drawing): for a
 * caller that draws doc's pages nowhere else afterwards.  The bytes are
 * those pdf_render makes; doc keeps its marks, links, images and block
 * map (pg_block_pages_of). */
unsigned char *pdf_render_dropping(pg_doc *doc, const font_set *fs, const pdf_meta *meta,
                                   size_t *len, diag_list *dl);

#endif
