/* pdf_links.h — the link annotations of a page (pdf_links.c): a /Link
 * /URI annotation over every line fragment of a URL or e-mail address in
 * the text (pg_page.links, page_links.c), without a border, so that a
 * reader of the e-mailed PDF can click them; the text under them stays
 * ordinary, copyable text. */
#ifndef KUMIHAN_PDF_LINKS_H
#define KUMIHAN_PDF_LINKS_H

#include "pages.h"
#include "pdf_hpdf_shim.h"
#include "pdf_struct.h"

/* Adds src's links to page (drawn from src), each with its URL as its
 * /Contents (PDF/UA-1 7.18.5: a link's alternate description) and, when
 * tags is not NULL, tied to its Link structure element (pdf_struct.h).
 * HPDF_OK, or libharu's error. */
HPDF_STATUS pdf_write_links(HPDF_Page page, const pg_page *src, pdf_struct *tags);

#endif
