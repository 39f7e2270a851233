/* pdf_meta.h — the document-level entries of the PDF that come from the
 * metadata: the info dictionary, catalog /Lang and /PageLabels
 * (pdf_meta.c).  Internal to the pdf_*.c files. */
#ifndef KUMIHAN_PDF_META_H
#define KUMIHAN_PDF_META_H

#include "pdf_hpdf_shim.h"
#include "pdf_write.h"

/* Info (Title, Author, Subject, Keywords, Creator, Producer, dates from
 * meta->date or SOURCE_DATE_EPOCH, never the clock) and catalog /Lang. */
HPDF_STATUS pdf_set_info(HPDF_Doc pdf, const pdf_meta *meta);
/* The document date: meta->date (YYYY-MM-DD), else SOURCE_DATE_EPOCH;
 * false when neither is given (then no dates are written, in Info or
 * XMP).  Never the clock. */
bool pdf_document_date(const pdf_meta *meta, HPDF_Date *d);
/* The Info /Producer (and XMP pdf:Producer): "kumihan with libharu 2.3.0". */
void pdf_producer(char *buf, size_t size);
/* Catalog /PageLabels from meta->labels (nothing when there are none). */
HPDF_STATUS pdf_set_page_labels(HPDF_Doc pdf, const pdf_meta *meta);

/* GTS_PDFXVersion (PDF/X-4) and /Trapped /False in Info, after pdf_set_info. */
HPDF_STATUS pdf_set_print_info(HPDF_Doc pdf);

#endif
