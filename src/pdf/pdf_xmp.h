/* pdf_xmp.h — the reading PDF's XMP metadata stream (ISO 16684-1), the
 * catalog's /Metadata: the same title, author, subject, keywords, tools
 * and dates as the Info dictionary (ISO 19005-2 6.6.2.3.1), and the
 * identification of the standards the file claims: pdfaid part 2,
 * conformance U (ISO 19005-2 6.6.4) and pdfuaid part 1 (ISO 14289-1
 * 5), with the PDF/A extension schema that describes pdfuaid (ISO
 * 19005-2 6.6.2.3.3); the print PDF's packet claims PDF/X-4 instead:
 * pdfxid:GTS_PDFXVersion (ISO 15930-7 6.7.2) and pdf:Trapped False as
 * its Info has.  Internal to the pdf_*.c files (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_XMP_H
#define KUMIHAN_PDF_XMP_H

#include "pdf_hpdf_shim.h"
#include "pdf_write.h"

/* The standards a file claims, in its XMP and Info. */
typedef enum pdf_claim {
    PDF_CLAIM_UA1_A2U,   /* the reading PDF: PDF/UA-1 and PDF/A-2u */
    PDF_CLAIM_X4         /* the print PDF: PDF/X-4 */
} pdf_claim;

/* The XMP packet for meta, as a malloc'd UTF-8 string. */
char *pdf_xmp_packet(const pdf_meta *meta, pdf_claim claim);

/* Adds the packet as an uncompressed /Type /Metadata /Subtype /XML
 * stream under the catalog's /Metadata (ISO 19005-2 6.6.2.1). */
HPDF_STATUS pdf_add_xmp(HPDF_Doc pdf, const pdf_meta *meta, pdf_claim claim);

#endif
