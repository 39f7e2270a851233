/* pdf_xmp.h — the reading PDF's XMP metadata stream (ISO 16684-1), the
 * catalog's /Metadata: the same title, author, subject, keywords, tools
 * and dates as the Info dictionary (ISO 19005-2 6.6.2.3.1), and the
 * identification of the standards the file claims: pdfaid part 2,
 * conformance U (ISO 19005-2 6.6.4) and pdfuaid part 1 (ISO 14289-1
 * 5), with the PDF/A extension schema that describes pdfuaid (ISO
 * 19005-2 6.6.2.3.3).  Internal to the pdf_*.c files (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_XMP_H
#define KUMIHAN_PDF_XMP_H

#include "pdf_hpdf_shim.h"
#include "pdf_write.h"

/* The XMP packet for meta, as a malloc'd UTF-8 string. */
char *pdf_xmp_packet(const pdf_meta *meta);

/* Adds the packet as an uncompressed /Type /Metadata /Subtype /XML
 * stream under the catalog's /Metadata (ISO 19005-2 6.6.2.1). */
HPDF_STATUS pdf_add_xmp(HPDF_Doc pdf, const pdf_meta *meta);

#endif
