/* pdf_links.c — URI link annotations (PDF 32000-1:2008 §12.5.6.5, §12.6.4.7)
 * and internal links (§12.3.2.2 /XYZ destinations) through libharu's public
 * HPDF_Page_CreateURILinkAnnot and HPDF_Page_CreateLinkAnnot, with the border
 * turned off (a link in body text is recognised by its text). */
#include "pdf_links.h"

HPDF_STATUS pdf_write_links(HPDF_Page page, const pg_page *src)
{
    for (size_t i = 0; i < src->n_links; i++) {
        const pg_link *l = &src->links[i];
        if (l->goto_page)
            continue;   /* pdf_write_goto_links */
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

HPDF_STATUS pdf_write_goto_links(const pg_doc *doc, const pdf_page_dest *dest)
{
    for (size_t p = 0; p < doc->n_pages; p++) {
        const pg_page *src = &doc->pages[p];
        for (size_t i = 0; i < src->n_links; i++) {
            const pg_link *l = &src->links[i];
            if (!l->goto_page || l->goto_page > doc->n_pages || !dest[p].page || !dest[l->goto_page - 1].page)
                continue;
            HPDF_Destination to = HPDF_Page_CreateDestination(dest[l->goto_page - 1].page);
            if (!to)
                return SHIM_INVALID_OBJECT;
            HPDF_STATUS st = HPDF_Destination_SetXYZ(to, 0, l->goto_y, 0);
            HPDF_Rect rect = {l->x0, l->y0, l->x1, l->y1};
            HPDF_Annotation annot = st == HPDF_OK ? HPDF_Page_CreateLinkAnnot(dest[p].page, rect, to) : NULL;
            if (!annot)
                return st != HPDF_OK ? st : SHIM_INVALID_OBJECT;
            st = HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
            if (st != HPDF_OK)
                return st;
        }
    }
    return HPDF_OK;
}
