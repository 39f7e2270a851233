/* pdf_outline.c — the bookmarks panel: one outline item per pg_mark, parts
 * at the top level (open, so their sections show), sections under the
 * part before them, each jumping to its page with the heading at the top
 * of the window (/FitH). */
#include "pdf_outline.h"

#include "pdf_text.h"

static HPDF_Outline make_item(HPDF_Doc pdf, HPDF_Outline parent, const pg_mark *mark,
                              const pdf_page_dest *dest)
{
    HPDF_Outline item = HPDF_CreateOutline(pdf, parent, "", NULL);
    if (!item)
        return NULL;
    if (pdf_dict_add_text(shim_outline_dict(item), "Title", mark->title) != HPDF_OK)
        return NULL;
    HPDF_Destination dst = HPDF_Page_CreateDestination(dest->page);
    if (!dst)
        return NULL;
    /* the mark's top in sheet coordinates: y' = b·x + d·y + f at x = 0 */
    float top = dest->m[3] * mark->y + dest->m[5];
    if (top < 0)
        top = 0;
    if (HPDF_Destination_SetFitH(dst, top) != HPDF_OK || HPDF_Outline_SetDestination(item, dst) != HPDF_OK)
        return NULL;
    if (mark->level == 0 && HPDF_Outline_SetOpened(item, HPDF_TRUE) != HPDF_OK)
        return NULL;
    return item;
}

HPDF_STATUS pdf_add_outline(HPDF_Doc pdf, const pg_doc *doc, const pdf_page_dest *dest,
                            size_t *n_made)
{
    HPDF_Outline part = NULL;
    *n_made = 0;
    for (size_t p = 0; p < doc->n_pages; p++) {
        if (!dest[p].page)
            continue;
        const pg_page *page = &doc->pages[p];
        for (size_t i = 0; i < page->n_marks; i++) {
            const pg_mark *mark = &page->marks[i];
            HPDF_Outline parent = (mark->level > 0 && part) ? part : NULL;
            HPDF_Outline item = make_item(pdf, parent, mark, &dest[p]);
            if (!item)
                return HPDF_GetError(pdf) ? HPDF_GetError(pdf) : SHIM_NO_MEMORY;
            if (mark->level == 0)
                part = item;
            (*n_made)++;
        }
    }
    return HPDF_OK;
}
