/* pdf_icc.h — the ICC profiles kumihan embeds, compiled in from profiles/
 * (tools/embed_bytes.cmake writes their bytes at build time; see
 * profiles/LICENSE.txt for where each comes from).  Internal to the
 * pdf_*.c files (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_ICC_H
#define KUMIHAN_PDF_ICC_H

#include <stddef.h>

/* sRGB IEC61966-2.1 (ICC v2, from Debian's icc-profiles-free): the
 * colour space of every DeviceRGB colour in the page model. */
extern const unsigned char pdf_srgb_icc[];
extern const size_t pdf_srgb_icc_len;

/* kumihan gray print (ICC v2 monochrome output profile, gamma 2.2, made by
 * tools/make_gray_profile.py): the colour space of the print PDF's
 * DeviceGray. */
extern const unsigned char pdf_gray_icc[];
extern const size_t pdf_gray_icc_len;

#endif
