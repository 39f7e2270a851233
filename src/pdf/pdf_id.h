/* pdf_id.h — the content-derived trailer /ID (pdf_id.c).  Internal to the
 * pdf_*.c files. */
#ifndef KUMIHAN_PDF_ID_H
#define KUMIHAN_PDF_ID_H

#include "pdf_font.h"
#include "pdf_hpdf_shim.h"
#include "pdf_write.h"

/* Trailer /ID [<d> <d>] with d a 128-bit hash of everything that shapes the file:
 * the page model, the metadata, the imposition and the embedded fonts. */
HPDF_STATUS pdf_set_id(HPDF_Doc pdf, const pg_doc *doc, const pdf_meta *meta,
                       const pdf_fonts *pf, const pdf_sheet *sheets, size_t n_sheets);

#endif
