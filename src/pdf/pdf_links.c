/* pdf_links.c — URI link annotations (PDF 32000-1:2008 §12.5.6.5, §12.6.4.7)
 * through libharu's public HPDF_Page_CreateURILinkAnnot, with the border
 * turned off (a link in body text is recognised by its text).  In the
 * tagged PDF each is an object reference in the Link element of its URL's
 * text (ISO 32000-1 14.8.4.4.2).
 * Internal links (a contents entry → its heading, §12.3.2.2 /FitH
 * destinations) go through HPDF_Page_CreateLinkAnnot. */
#include "pdf_links.h"

#include "doc.h"
#include "pdf_text.h"

HPDF_STATUS pdf_write_links(HPDF_Page page, const pg_page *src, pdf_struct *tags)
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
        pdf_dict dict = shim_annot_dict(annot);
        if (st == HPDF_OK)   /* ISO 19005-2 6.3.2: every annotation printable (/F 4, Print) */
            st = shim_dict_add_int(dict, "F", 4);
        if (st == HPDF_OK)
            st = pdf_dict_add_text(dict, "Contents", l->uri);
        if (st == HPDF_OK && tags)
            st = pdf_struct_add_link(tags, dict, l->block, l->link);
        if (st != HPDF_OK)
            return st;
    }
    return HPDF_OK;
}

HPDF_STATUS pdf_write_goto_links(const pg_doc *doc, const pdf_page_dest *dest, pdf_struct *tags)
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
            /* /FitH: libharu's SetXYZ refuses zoom 0 (keep the reader's), so the width fits */
            HPDF_STATUS st = HPDF_Destination_SetFitH(to, l->goto_y);
            HPDF_Rect rect = {l->x0, l->y0, l->x1, l->y1};
            HPDF_Annotation annot = st == HPDF_OK ? HPDF_Page_CreateLinkAnnot(dest[p].page, rect, to) : NULL;
            if (!annot)
                return st != HPDF_OK ? st : SHIM_INVALID_OBJECT;
            st = HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
            pdf_dict dict = shim_annot_dict(annot);
            if (st == HPDF_OK)
                st = shim_dict_add_int(dict, "F", 4);
            if (st == HPDF_OK && l->block && l->block->text)   /* PDF/UA-1 7.18.5: where it goes, in words */
                st = pdf_dict_add_text(dict, "Contents", l->block->text);
            if (st == HPDF_OK && tags && l->block)   /* pages that outlived their blocks have none */
                st = pdf_struct_add_toc_link(tags, dict, dest[p].page, l->block);
            if (st != HPDF_OK)
                return st;
        }
    }
    return HPDF_OK;
}
