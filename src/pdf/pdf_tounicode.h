/* pdf_tounicode.h — the ToUnicode CMap of a subset font (pdf_tounicode.c):
 * subset glyph id → UTF-16BE text, so that copying and searching a PDF
 * give the original text.  pdf_font.c writes one for every embedded font. */
#ifndef KUMIHAN_PDF_TOUNICODE_H
#define KUMIHAN_PDF_TOUNICODE_H

#include "pdf_hpdf_shim.h"
#include "subset.h"

/* Writes the ToUnicode CMap of sub into stream. */
HPDF_STATUS pdf_write_tounicode(pdf_dict stream, const font_subset *sub);

#endif
