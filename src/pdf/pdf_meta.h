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
/* Catalog /PageLabels from meta->labels (nothing when there are none). */
HPDF_STATUS pdf_set_page_labels(HPDF_Doc pdf, const pdf_meta *meta);

#endif
