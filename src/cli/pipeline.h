/* pipeline.h — the stages run in order, for the command line, tests and
 * fuzzers: load content and layout, open fonts, compose, paginate, draw
 * the page furniture.  Each stage's result stays available for dumps. */
#ifndef KUMIHAN_PIPELINE_H
#define KUMIHAN_PIPELINE_H

#include <stdbool.h>
#include "compose.h"
#include "doc.h"
#include "fonts.h"
#include "layout.h"
#include "pages.h"
#include "pdf_write.h"
#include "ytree.h"

/* One PDF a build wrote: what the success line reports. */
typedef struct pipeline_written {
    const char *path;   /* as given (borrowed from the caller) */
    size_t pages;       /* PDF pages: sheet sides for an imposed PDF */
    size_t bytes;
} pipeline_written;

typedef struct pipeline {
    document *doc;
    layout *lay;
    font_set *fs;
    flow fl;
    pg_doc pages;
    bool typeset;
    /* set by the caller between load and typeset when nothing paginates
     * the flow again (no imposed PDF, no dump of the lines): then
     * pipeline_typeset frees it as soon as the pages are made */
    bool drop_flow;
    pipeline_written written[2];   /* filled by pipeline_write_outputs */
    size_t n_written;
} pipeline;

/* Loads content and layout (both checked, all errors reported) and opens
 * the layout's fonts. */
bool pipeline_load(pipeline *p, const char *content_path, const char *layout_path, diag_list *dl);
/* The same from the content's tree when the caller has parsed it cleanly
 * already (taken and freed; NULL: content_path is read). */
bool pipeline_load_parsed(pipeline *p, ytree *content_tree, const char *content_path,
                          const char *layout_path, diag_list *dl);
/* Content tree → pages with furniture. */
bool pipeline_typeset(pipeline *p, diag_list *dl);
/* Writes the reading PDF (p->pages) to reading_path and the print shop's
 * PDF (the flow paginated again, padded with blank pages by the rules,
 * furnished, imposed onto sheets) to imposed_path; either path may be
 * NULL.  One transaction: both are built in memory first, and neither
 * file is replaced unless both can be written (pdf_atomic.h).  On success
 * p->written says what was written, in that order.  Without an imposed
 * PDF, p->fl is freed first (only imposing paginates it again). */
bool pipeline_write_outputs(pipeline *p, const imposition_rules *rules, const char *reading_path,
                            const char *imposed_path, diag_list *dl);
/* PDF metadata from the document (strings point into p). */
pdf_meta pipeline_pdf_meta(const pipeline *p);
void pipeline_free(pipeline *p);

#endif
