/* pdf_links.c — URI link annotations (PDF 32000-1:2008 §12.5.6.5, §12.6.4.7)
 * through libharu's public HPDF_Page_CreateURILinkAnnot, with the border
 * turned off (a link in body text is recognised by its text).  In the
 * tagged PDF each is an object reference in the Link element of its URL's
 * text (ISO 32000-1 14.8.4.4.2). */
#include "pdf_links.h"

#include "pdf_text.h"

HPDF_STATUS pdf_write_links(HPDF_Page page, const pg_page *src, pdf_struct *tags)
{
    for (size_t i = 0; i < src->n_links; i++) {
        const pg_link *l = &src->links[i];
        HPDF_Rect rect = {l->x0, l->y0, l->x1, l->y1};
        HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page, rect, l->uri);
        if (!annot)   /* libharu has reported why to the document's error handler */
            return SHIM_INVALID_OBJECT;
        HPDF_STATUS st = HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        pdf_dict dict = shim_annot_dict(annot);
        if (st == HPDF_OK)
            st = pdf_dict_add_text(dict, "Contents", l->uri);
        if (st == HPDF_OK && tags)
            st = pdf_struct_add_link(tags, dict, l->block, l->link);
        if (st != HPDF_OK)
            return st;
    }
    return HPDF_OK;
}
