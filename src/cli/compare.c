/* compare.c — `kumihan build NEW --compare OLD`: the booklet with its
 * changes marked, preceded by a summary of the changes.
 *
 * The summary refers to the pages after it, whose numbers depend on how
 * many pages the summary itself takes: it is set, its pages counted, and
 * set again with the final numbers until the count holds still. */
#include "compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "change_marks.h"
#include "content.h"
#include "diff_report.h"
#include "furniture.h"
#include "i18n.h"
#include "paginate.h"
#include "xalloc.h"

#define MAX_SUMMARY_PASSES 4

typedef struct comparison {
    pipeline *p;
    document *old_doc;
    docdiff diff;
    change_marks marks;
    int *entry_page;      /* 1-based page within the body of each entry's block, 0: none */
    diag_list *dl;
} comparison;

/* Which body page each entry's block starts on, from pagination's map. */
static void find_pages(comparison *cmp, const pg_doc *body)
{
    size_t n = cmp->diff.n_entries;
    cmp->entry_page = xcalloc(n ? n : 1, sizeof *cmp->entry_page);
    for (size_t e = 0; e < n; e++) {
        const pg_block_pages *bp = pg_block_pages_of(body, cmp->marks.entry_blocks[e]);
        cmp->entry_page[e] = bp ? (int)bp->first_page + 1 : 0;
    }
}

/* ---- the summary ------------------------------------------------------------- */

static void add_paragraph(document *d, const char *text)
{
    block *b = block_add(d->root, BK_PARAGRAPH, d->root->loc);
    block_set_text(b, text, d->root->loc);
}

static void add_line(document *d, int page, const char *line)
{
    size_t len = strlen(line) + 32;
    char *text = xmalloc(len);
    snprintf(text, len, "p.%d %s", page, line);
    add_paragraph(d, text);
    free(text);
}

static void add_meta_lines(document *d, const docdiff *diff, int first_body_page)
{
    for (size_t i = 0; i < diff->n_meta; i++) {
        char *line = dd_meta_line(diff, i, &DD_LABELS);
        add_line(d, first_body_page, line);
        free(line);
    }
}

/* The summary as a document of its own: a title, a count, one paragraph
 * per change ("p.5 Ⅱ-1-⑶-② edited: …"), body pages counted after the
 * summary's `summary_pages`. */
static document *summary_document(const comparison *cmp, int summary_pages)
{
    const pipeline *p = cmp->p;
    document *d = doc_new(p->doc->path);
    d->title = xstrdup(_("Summary of changes"));
    size_t changes = cmp->diff.n_meta;
    for (size_t i = 0; i < cmp->diff.n_entries; i++)
        changes += cmp->diff.entries[i].change != DD_SAME || cmp->diff.entries[i].moved;
    char intro[512];
    snprintf(intro, sizeof intro,
             _("%zu changes since the previous version. [-deleted-]{+added+}; p. is the page of the change (in "
               "the text after this summary)."),
             changes);
    add_paragraph(d, changes ? intro : _(DD_LABELS.no_changes));
    add_meta_lines(d, &cmp->diff, summary_pages + 1);
    for (size_t i = 0; i < cmp->diff.n_entries; i++) {
        char *line = dd_entry_line(&cmp->diff, i, p->lay, &DD_LABELS);
        if (line)
            add_line(d, summary_pages + cmp->entry_page[i], line);
        free(line);
    }
    return d;
}

/* Sets the summary for a guess of its own length; *pages gets the real one. */
static bool set_summary(comparison *cmp, int guess, pg_doc *out, diag_list *dl)
{
    const pipeline *p = cmp->p;
    document *d = summary_document(cmp, guess);
    flow fl = {0};
    pg_doc_init(out, p->lay->page.paper_width, p->lay->page.paper_height);
    bool ok = compose(d, p->lay, p->fs, NULL, &fl, dl) && paginate(&fl, p->lay, out, dl);
    flow_free(&fl);
    doc_free(d);
    return ok;
}

/* Summary pages first, then the body: the pages move, their content stays. */
static void join_pages(pg_doc *to, pg_doc *summary, pg_doc *body)
{
    size_t n = summary->n_pages + body->n_pages;
    pg_page *pages = xmallocarray(n ? n : 1, sizeof *pages);
    memcpy(pages, summary->pages, summary->n_pages * sizeof *pages);
    memcpy(pages + summary->n_pages, body->pages, body->n_pages * sizeof *pages);
    free(summary->pages);
    free(body->pages);
    summary->pages = body->pages = NULL;
    summary->n_pages = body->n_pages = 0;
    pg_doc_free(to);
    pg_doc_init(to, body->width, body->height);
    to->pages = pages;
    to->n_pages = to->cap_pages = n;
}

static bool typeset_marked(comparison *cmp, diag_list *dl)
{
    pipeline *p = cmp->p;
    pg_doc body, summary;
    pg_doc_init(&body, p->lay->page.paper_width, p->lay->page.paper_height);
    pg_doc_init(&summary, p->lay->page.paper_width, p->lay->page.paper_height);
    compose_decorator marking = change_marks_decorator(&cmp->marks, p->lay);
    bool ok = compose(cmp->marks.doc, p->lay, p->fs, &marking, &p->fl, dl) && paginate(&p->fl, p->lay, &body, dl);
    if (ok)
        find_pages(cmp, &body);
    int guess = 1;
    for (int pass = 0; ok && pass < MAX_SUMMARY_PASSES; pass++) {
        pg_doc_free(&summary);
        ok = set_summary(cmp, guess, &summary, dl);
        if (!ok || (int)summary.n_pages == guess)
            break;
        guess = (int)summary.n_pages;
    }
    if (ok)
        join_pages(&p->pages, &summary, &body);
    pg_doc_free(&summary);
    pg_doc_free(&body);
    if (ok)
        cm_bars_to_outer_margin(&p->pages, p->lay);
    return ok && draw_furniture(&p->pages, p->lay, p->fs, dl);
}

bool compare_typeset(pipeline *p, const char *old_path, diag_list *dl)
{
    comparison cmp = {.p = p, .dl = dl};
    pg_doc_init(&p->pages, p->lay->page.paper_width, p->lay->page.paper_height);
    cmp.old_doc = content_load(old_path, dl);
    if (!cmp.old_doc)
        return false;
    docdiff_compute(cmp.old_doc, p->doc, &cmp.diff);
    change_marks_build(&cmp.diff, p->doc, &cmp.marks);
    bool ok = typeset_marked(&cmp, dl);
    p->typeset = ok;
    /* the flow and the pages' origins point at the annotated blocks freed
     * below (and the summary's, freed already): the pages keep the roles */
    flow_free(&p->fl);
    pg_forget_blocks(&p->pages);
    free(cmp.entry_page);
    change_marks_free(&cmp.marks);
    docdiff_free(&cmp.diff);
    doc_free(cmp.old_doc);
    return ok;
}
