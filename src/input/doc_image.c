/* doc_image.c — freeing a document's image (doc_image.h). */
#include "doc_image.h"

#include <stdlib.h>

void doc_image_free(doc_image *im)
{
    if (!im)
        return;
    free(im->file);
    free(im->path);
    free(im->alt);
    free(im);
}
