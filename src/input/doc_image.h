/* doc_image.h — an image of the document (a figure in a body list, the
 * cover's logo): where its file is, what it is (image_probe.h) and the
 * text a screen reader says instead of it.  Loaded and checked by
 * figure_load.c; read by compose (its size), the PDF writer (its file)
 * and the diff (its file and alt). */
#ifndef KUMIHAN_DOC_IMAGE_H
#define KUMIHAN_DOC_IMAGE_H

#include "diag.h"
#include "image_probe.h"

typedef struct doc_image {
    char *file;         /* as written in the content: images/map.png (what the diff compares) */
    char *path;         /* resolved against the content file's folder: what is read */
    char *alt;          /* alternative text (PDF /Alt), required, never empty */
    src_loc file_loc, alt_loc;
    image_info info;    /* pixel size and colour, from the file's header */
} doc_image;

void doc_image_free(doc_image *im);
/* A copy with strings of its own (NULL for NULL); the locations still
 * point at the source document's path. */
doc_image *doc_image_copy(const doc_image *im);

#endif
