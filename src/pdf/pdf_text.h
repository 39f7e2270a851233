/* pdf_text.h — PDF text strings (PDF 32000-1:2008 §7.9.2.2): UTF-8 in,
 * UTF-16BE with a byte-order mark out, as a hex string, so that Japanese
 * and non-BMP text survive in titles, bookmarks, labels (and next in
 * structure elements' /Alt and /ActualText).  Internal to the pdf_*.c
 * files. */
#ifndef KUMIHAN_PDF_TEXT_H
#define KUMIHAN_PDF_TEXT_H

#include "pdf_hpdf_shim.h"

/* Adds utf8 under key as a text string; invalid UTF-8 becomes U+FFFD. */
HPDF_STATUS pdf_dict_add_text(pdf_dict dict, const char *key, const char *utf8);
/* The same text string as PDF source, "<FEFF…>", malloc'd: for objects
 * kumihan writes itself (pdf_struct.c). */
char *pdf_text_hex(const char *utf8);

#endif
