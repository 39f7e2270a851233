/* pdf_image.h — the images of a PDF (figures, the logo): each file loaded
 * through libharu once per PDF (HPDF_LoadPngImageFromFile: an alpha
 * channel becomes an /SMask, which PDF/A-2 and PDF/X-4 allow; 16-bit
 * PNGs never get here, image_probe.c refuses them; HPDF_LoadJpegImageFromFile: the JPEG
 * as it is, /DCTDecode) and drawn as often as the pages show it.
 * In the print PDF, whose output intent is gray (PDF/X-4 allows no
 * DeviceRGB then), an RGB image is colour-managed instead: its colour
 * space becomes [/ICCBased sRGB], so that the print shop's RIP converts
 * it to its gray; a gray image stays DeviceGray.  Internal to the pdf_*.c
 * files (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_IMAGE_H
#define KUMIHAN_PDF_IMAGE_H

#include <stdbool.h>
#include "pages.h"
#include "pdf_hpdf_shim.h"

typedef struct pdf_images pdf_images;

/* For the document pdf; print: the PDF/X one.  Never NULL (OOM aborts). */
pdf_images *pdf_images_new(HPDF_Doc pdf, bool print);
void pdf_images_free(pdf_images *im);

/* Draws im onto page (loading its file the first time). */
HPDF_STATUS pdf_draw_image(pdf_images *images, HPDF_Page page, const pg_image *im);

/* How many distinct files were embedded (for tests and the bench). */
size_t pdf_images_count(const pdf_images *images);

#endif
