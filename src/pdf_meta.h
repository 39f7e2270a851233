/* pdf_meta.h — the document-level parts of the PDF: info dictionary and
 * /Lang (pdf_meta.c), bookmarks (pdf_outline.c) and the content-derived
 * trailer /ID (pdf_id.c).  Internal to the pdf_*.c files. */
#ifndef KUMIHAN_PDF_META_H
#define KUMIHAN_PDF_META_H

#include <hpdf.h>

#include "pdf_font.h"
#include "pdf_write.h"

/* A PDF text string: UTF-16BE with a byte-order mark, as a hex string, so
 * that Japanese titles survive (PDF §7.9.2.2).  Invalid UTF-8 → U+FFFD. */
HPDF_Binary pdf_text_string(HPDF_MMgr mmgr, const char *utf8);

/* Info (Title, Author, Subject, Keywords, Creator, Producer, dates from
 * meta->date or SOURCE_DATE_EPOCH, never the clock) and catalog /Lang. */
HPDF_STATUS pdf_set_info(HPDF_Doc pdf, const pdf_meta *meta);
/* Catalog /PageLabels from meta->labels (nothing when there are none). */
HPDF_STATUS pdf_set_page_labels(HPDF_Doc pdf, const pdf_meta *meta);

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

/* Trailer /ID [<d> <d>] with d an MD5 of everything that shapes the file. */
HPDF_STATUS pdf_set_id(HPDF_Doc pdf, const pg_doc *doc, const pdf_meta *meta,
                       const pdf_fonts *pf, const pdf_sheet *sheets, size_t n_sheets);

#endif
