/* pdf_links.h — the link annotations of a page (pdf_links.c): a /Link
 * /URI annotation over every line fragment of a URL or e-mail address in
 * the text (pg_page.links, page_links.c), without a border, so that a
 * reader of the e-mailed PDF can click them; the text under them stays
 * ordinary, copyable text. */
#ifndef KUMIHAN_PDF_LINKS_H
#define KUMIHAN_PDF_LINKS_H

#include "pages.h"
#include "pdf_hpdf_shim.h"
#include "pdf_outline.h"

/* Adds src's URI links to page (drawn from src).  HPDF_OK, or libharu's error. */
HPDF_STATUS pdf_write_links(HPDF_Page page, const pg_page *src);

/* Adds every page's internal links (a contents entry → its heading's
 * page: /Dest [page /XYZ left top null]) once all pages exist; dest[i]
 * is the PDF page showing page i. */
HPDF_STATUS pdf_write_goto_links(const pg_doc *doc, const pdf_page_dest *dest);

#endif
