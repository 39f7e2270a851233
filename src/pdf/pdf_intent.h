/* pdf_intent.h — the reading PDF's output intent (ISO 19005-2 6.2.3): the
 * sRGB profile that says what its DeviceRGB colours mean, as the
 * catalog's /OutputIntents [ GTS_PDFA1 ].  Internal to the pdf_*.c files
 * (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_INTENT_H
#define KUMIHAN_PDF_INTENT_H

#include "pdf_hpdf_shim.h"

HPDF_STATUS pdf_add_srgb_intent(HPDF_Doc pdf);

#endif
