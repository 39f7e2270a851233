/* pipeline.c — running the stages in order. */
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>
#include "pdf_atomic.h"
#include "content.h"
#include "impose.h"
#include "furniture.h"
#include "paginate.h"

bool pipeline_load(pipeline *p, const char *content_path, const char *layout_path, diag_list *dl)
{
    return pipeline_load_parsed(p, NULL, content_path, layout_path, dl);
}

bool pipeline_load_parsed(pipeline *p, ytree *content_tree, const char *content_path,
                          const char *layout_path, diag_list *dl)
{
    memset(p, 0, sizeof *p);
    /* Both files are checked even if the first has errors: one run, every error. */
    if (content_tree) {
        p->doc = content_from_tree(content_tree, dl);
        ytree_free(content_tree);
    } else {
        p->doc = content_load(content_path, dl);
    }
    p->lay = layout_load(layout_path, dl);
    if (!p->doc || !p->lay)
        return false;
    p->fs = fonts_open(p->lay, dl);
    return p->fs != NULL;
}

bool pipeline_typeset(pipeline *p, diag_list *dl)
{
    pg_doc_init(&p->pages, p->lay->page.paper_width, p->lay->page.paper_height);
    if (!compose(p->doc, p->lay, p->fs, NULL, &p->fl, dl))
        return false;
    if (!(p->drop_flow ? paginate_releasing(&p->fl, p->lay, &p->pages, dl)
                       : paginate(&p->fl, p->lay, &p->pages, dl)))
        return false;
    if (p->drop_flow)
        flow_free(&p->fl);
    p->typeset = draw_furniture(&p->pages, p->lay, p->fs, dl);
    pg_doc_trim(&p->pages);   /* complete: the PDF writer's allocations reuse the room */
    return p->typeset;
}

/* The imposed PDF has its own pages: the flow paginated again, padded with
 * blank pages, then the furniture (see impose.h for why in that order). */
static unsigned char *render_imposed(pipeline *p, const imposition_rules *layout_rules, size_t *len,
                                     size_t *n_sides, diag_list *dl)
{
    /* blank pages go before the last page only when the content says it is
     * a back cover: before the body's last page they would split it off */
    imposition_rules rules = *layout_rules;
    if (!p->doc->back_cover)
        rules.pad = PAD_END;
    const imposition_rules *r = &rules;
    pdf_sheet *sheets = NULL;
    size_t n = 0;
    pdf_meta meta = pipeline_pdf_meta(p);
    pg_doc padded;
    pg_doc_init(&padded, p->pages.width, p->pages.height);
    bool ok = paginate(&p->fl, p->lay, &padded, dl);
    if (ok)
        impose_pad_pages(&padded, r->method, r->pad);
    ok = ok && draw_furniture(&padded, p->lay, p->fs, dl) && impose(&padded, r, &sheets, &n, dl);
    unsigned char *bytes = ok ? pdf_render(&padded, p->fs, &meta, sheets, n, len, dl) : NULL;
    *n_sides = n;
    impose_free(sheets, n);
    pg_doc_free(&padded);
    return bytes;
}

bool pipeline_write_outputs(pipeline *p, const imposition_rules *r, const char *reading_path,
                            const char *imposed_path, diag_list *dl)
{
    pdf_atomic_file files[2];
    size_t pages[2];
    size_t n = 0;
    unsigned char *reading = NULL, *imposed = NULL;
    bool ok = true;
    /* the flow is paginated again only for an imposed PDF: without one it
     * goes before the PDF is built, whose peak it would otherwise add to
     * (as many glyphs again as the pages hold) */
    if (!imposed_path)
        flow_free(&p->fl);
    if (reading_path) {
        pdf_meta meta = pipeline_pdf_meta(p);
        files[n] = (pdf_atomic_file){reading_path, NULL, 0};
        /* the reading PDF is the pages' last use: each page's glyphs go as
         * soon as it is drawn (the imposed PDF paginates the flow again) */
        ok = (reading = pdf_render_dropping(&p->pages, p->fs, &meta, &files[n].len, dl)) != NULL;
        pages[n] = p->pages.n_pages;
        files[n++].data = reading;
    }
    if (ok && imposed_path) {
        files[n] = (pdf_atomic_file){imposed_path, NULL, 0};
        ok = (imposed = render_imposed(p, r, &files[n].len, &pages[n], dl)) != NULL;
        files[n++].data = imposed;
    }
    ok = ok && pdf_atomic_write_all(files, n, dl);
    p->n_written = ok ? n : 0;
    for (size_t i = 0; i < p->n_written; i++)
        p->written[i] = (pipeline_written){files[i].path, pages[i], files[i].len};
    free(reading);
    free(imposed);
    return ok;
}

pdf_meta pipeline_pdf_meta(const pipeline *p)
{
    pdf_meta meta = {
        .title = p->doc->title,
        .author = p->doc->organization,
        .subject = p->doc->subject,
        .keywords = p->doc->keywords,
        .creator = "kumihan " KUMIHAN_VERSION,
        .date = p->doc->date,
        .lang = "ja-JP",
        .show_outline = true,
        .labels = p->lay->page_labels,
        .n_labels = p->lay->n_page_labels,
    };
    for (int k = 0; k < BK__COUNT; k++)
        meta.list_numbering[k] = num_style_list_numbering(p->lay->styles[k].numbering);
    return meta;
}

void pipeline_free(pipeline *p)
{
    flow_free(&p->fl);
    pg_doc_free(&p->pages);
    fonts_free(p->fs);
    layout_free(p->lay);
    doc_free(p->doc);
    memset(p, 0, sizeof *p);
}
