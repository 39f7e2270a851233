/* pdf_page.h — drawing one page of the page model into a libharu page:
 * shapes through libharu's path API, then text written straight into the
 * content stream as glyph-id strings.  Internal to the pdf_*.c files. */
#ifndef KUMIHAN_PDF_PAGE_H
#define KUMIHAN_PDF_PAGE_H

#include "pdf_font.h"
#include "pdf_hpdf_shim.h"

struct pdf_struct;
struct pdf_images;

/* The colour operators a page is drawn with: DeviceRGB for the reading
 * PDF (its sRGB output intent), DeviceGray for the print PDF (its gray
 * PDF/X output intent, which allows no DeviceRGB); rgb_color.h converts. */
typedef enum pdf_ink { PDF_INK_RGB, PDF_INK_GRAY } pdf_ink;

/* Draws src's shapes, its images (through images, which embeds each file
 * once), then its text; sets used[role] for every font role
 * it draws with (used has pf->n entries).  With tags (the reading PDF,
 * between pdf_struct_begin_page and _end_page) every run of one origin is
 * a marked-content sequence; NULL draws untagged. */
HPDF_STATUS pdf_draw_page(HPDF_Page page, const pg_page *src, const pdf_fonts *pf,
                          const font_set *fs, bool *used, struct pdf_struct *tags, pdf_ink ink,
                          struct pdf_images *images);

/* Adds the fonts marked in used to the page's /Resources /Font. */
HPDF_STATUS pdf_register_fonts(HPDF_Page page, const pdf_fonts *pf, const bool *used);

#endif
