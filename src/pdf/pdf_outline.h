/* pdf_outline.h — the bookmarks panel (pdf_outline.c): one outline item
 * per pg_mark of the page model.  Internal to the pdf_*.c files. */
#ifndef KUMIHAN_PDF_OUTLINE_H
#define KUMIHAN_PDF_OUTLINE_H

#include "pdf_hpdf_shim.h"
#include "pages.h"

/* Where a source page landed: the PDF page showing it and the transform
 * from page to sheet coordinates (identity for the reading PDF). */
typedef struct pdf_page_dest {
    HPDF_Page page;          /* NULL: the page is not shown */
    float m[6];
} pdf_page_dest;

/* One bookmark per pg_mark; level 1 under the preceding level 0.  Returns
 * the number of bookmarks made via *n_made. */
HPDF_STATUS pdf_add_outline(HPDF_Doc pdf, const pg_doc *doc, const pdf_page_dest *dest,
                            size_t *n_made);

#endif
