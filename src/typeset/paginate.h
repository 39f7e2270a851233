/* paginate.h — cutting the composed flow into pages: parts start new
 * pages, a heading is never the last thing on a page, a paragraph leaves
 * no fewer than orphan_lines at a page's foot and widow_lines at the next
 * page's head (so short items are never split), and every line sits on
 * the page's line grid.  Then the running header and footer are drawn on
 * every page, once the page count is known. */
#ifndef KUMIHAN_PAGINATE_H
#define KUMIHAN_PAGINATE_H

#include <stdbool.h>
#include "compose.h"
#include "fonts.h"
#include "layout.h"
#include "pages.h"

/* Fills out (initialised by the caller with pg_doc_init) from f, with
 * the pages each block's lines landed on (pg_block_pages_of). */
bool paginate(const flow *f, const layout *lay, pg_doc *out, diag_list *dl);

/* Draws header and footer on every non-blank page of d. */
bool draw_furniture(pg_doc *d, const layout *lay, const font_set *fs, diag_list *dl);

#endif
