/* doc_image.c — freeing a document's image (doc_image.h). */
#include "doc_image.h"

#include <stdlib.h>

#include "xalloc.h"

void doc_image_free(doc_image *im)
{
    if (!im)
        return;
    free(im->file);
    free(im->path);
    free(im->alt);
    free(im);
}

doc_image *doc_image_copy(const doc_image *im)
{
    if (!im)
        return NULL;
    doc_image *c = xmalloc(sizeof *c);
    *c = *im;
    c->file = xstrdup_or_null(im->file);
    c->path = xstrdup_or_null(im->path);
    c->alt = xstrdup_or_null(im->alt);
    return c;
}
