/* pdf_image.c — image XObjects, one per file, and drawing them (see
 * pdf_image.h). */
#include "pdf_image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_icc.h"
#include "vec.h"
#include "xalloc.h"

typedef struct loaded {
    char *path;
    HPDF_Image image;
} loaded;

struct pdf_images {
    HPDF_Doc pdf;
    bool print;
    pdf_dict srgb;          /* the print PDF's sRGB profile stream, made when first needed */
    VEC(loaded) files;      /* few per document: a linear search is enough */
};

pdf_images *pdf_images_new(HPDF_Doc pdf, bool print)
{
    pdf_images *im = xcalloc(1, sizeof *im);
    im->pdf = pdf;
    im->print = print;
    return im;
}

void pdf_images_free(pdf_images *im)
{
    if (!im)
        return;
    for (size_t i = 0; i < im->files.n; i++)
        free(im->files.items[i].path);
    free(im->files.items);
    free(im);
}

size_t pdf_images_count(const pdf_images *images)
{
    return images ? images->files.n : 0;
}

/* The print PDF's RGB images are colour-managed by sRGB (pdf_image.h). */
static HPDF_STATUS manage_colour(pdf_images *im, HPDF_Image image)
{
    if (!im->srgb) {
        im->srgb = shim_stream_new(im->pdf, SHIM_FLATE);
        HPDF_STATUS st = shim_dict_add_int(im->srgb, "N", 3);
        if (st == HPDF_OK)
            st = shim_stream_write(im->srgb, pdf_srgb_icc, pdf_srgb_icc_len);
        if (st != HPDF_OK)
            return st;
    }
    return shim_image_use_icc(im->pdf, image, im->srgb);
}

/* The index of path's image, loading it the first time; -1 on failure. */
static long image_for(pdf_images *im, const char *path, bool png, HPDF_STATUS *st)
{
    for (size_t i = 0; i < im->files.n; i++)
        if (strcmp(im->files.items[i].path, path) == 0)
            return (long)i;
    HPDF_Image image = png ? HPDF_LoadPngImageFromFile(im->pdf, path) : HPDF_LoadJpegImageFromFile(im->pdf, path);
    if (!image) {
        *st = SHIM_INVALID_OBJECT;   /* libharu has told the document's error handler why */
        return -1;
    }
    if ((*st = shim_image_compress_mask(image)) != HPDF_OK)
        return -1;
    if (im->print && (*st = manage_colour(im, image)) != HPDF_OK)
        return -1;
    VEC_APPEND(im->files, ((loaded){xstrdup(path), image}));
    return (long)im->files.n - 1;
}

/* "q w 0 0 h x y cm /KImn Do Q", written straight into the content
 * stream as the text is (pdf_page.c), the image named in the page's
 * /Resources /XObject by its order in the document (KIm1, KIm2 …). */
HPDF_STATUS pdf_draw_image(pdf_images *images, HPDF_Page page, const pg_image *im)
{
    HPDF_STATUS st = HPDF_OK;
    long i = image_for(images, im->path, im->png, &st);
    if (i < 0)
        return st;
    char name[32], op[192];
    snprintf(name, sizeof name, "KIm%ld", i + 1);
    pdf_dict res = shim_dict_get_dict(shim_page_dict(page), "Resources");
    pdf_dict xobjects = res ? shim_dict_get_or_add_dict(res, "XObject") : NULL;
    if (!xobjects)
        return SHIM_INVALID_OBJECT;
    st = shim_dict_add_dict(xobjects, name, shim_image_dict(images->files.items[i].image));
    snprintf(op, sizeof op, "q %.3f 0 0 %.3f %.3f %.3f cm /%s Do Q\n", im->w, im->h, im->x, im->y, name);
    return st == HPDF_OK ? shim_page_write_str(page, op) : st;
}
