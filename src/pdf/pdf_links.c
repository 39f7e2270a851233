/* pdf_links.c — URI link annotations (PDF 32000-1:2008 §12.5.6.5, §12.6.4.7)
 * through libharu's public HPDF_Page_CreateURILinkAnnot, with the border
 * turned off (a link in body text is recognised by its text). */
#include "pdf_links.h"

HPDF_STATUS pdf_write_links(HPDF_Page page, const pg_page *src)
{
    for (size_t i = 0; i < src->n_links; i++) {
        const pg_link *l = &src->links[i];
        HPDF_Rect rect = {l->x0, l->y0, l->x1, l->y1};
        HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page, rect, l->uri);
        if (!annot)   /* libharu has reported why to the document's error handler */
            return SHIM_INVALID_OBJECT;
        HPDF_STATUS st = HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        if (st != HPDF_OK)
            return st;
    }
    return HPDF_OK;
}
