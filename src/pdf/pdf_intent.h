/* pdf_intent.h — the output intents, the catalog's /OutputIntents: the
 * reading PDF's (ISO 19005-2 6.2.3), the sRGB profile that says what its
 * DeviceRGB colours mean, [ GTS_PDFA1 ]; the print PDF's (ISO 15930-7
 * 6.2.3), kumihan's gray print profile for its DeviceGray, [ GTS_PDFX ].  Internal to the pdf_*.c files
 * (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_INTENT_H
#define KUMIHAN_PDF_INTENT_H

#include "pdf_hpdf_shim.h"

HPDF_STATUS pdf_add_srgb_intent(HPDF_Doc pdf);
HPDF_STATUS pdf_add_gray_print_intent(HPDF_Doc pdf);

#endif
