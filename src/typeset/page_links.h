/* page_links.h — the link annotations of a page: every URL or e-mail
 * address in a block's text (url_scan.h), one rectangle per line it is set
 * on, over its glyphs' em boxes.  paginate.c calls it for every page it
 * fills; the PDF writer draws them (pdf_links.c). */
#ifndef KUMIHAN_PAGE_LINKS_H
#define KUMIHAN_PAGE_LINKS_H

#include "pages.h"

/* Adds p's links from its glyphs' link fields (replacing any it had). */
void pg_collect_links(pg_page *p);

#endif
