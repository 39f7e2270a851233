/* paginate.h — cutting the composed flow into pages: parts start new
 * pages, a heading is never the last thing on a page, a paragraph leaves
 * no fewer than orphan_lines at a page's foot and widow_lines at the next
 * page's head (so short items are never split), and every line sits on
 * the page's line grid.  The running header and footer come after, once
 * the page count is known (furniture.h). */
#ifndef KUMIHAN_PAGINATE_H
#define KUMIHAN_PAGINATE_H

#include <stdbool.h>
#include "compose.h"
#include "layout.h"
#include "pages.h"

/* Fills out (initialised by the caller with pg_doc_init) from f, with
 * the pages each block's lines landed on (pg_block_pages_of). */
bool paginate(const flow *f, const layout *lay, pg_doc *out, diag_list *dl);
/* The same for a flow nothing reads again (it must then only be freed):
 * its glyphs' memory is given back as they are copied into the pages, so
 * that the flow and the pages are not both whole in memory. */
bool paginate_releasing(flow *f, const layout *lay, pg_doc *out, diag_list *dl);

#endif
