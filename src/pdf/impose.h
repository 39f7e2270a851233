/* impose.h — imposition for the print shop: laying the pages of a pg_doc
 * onto larger sheets, each page drawn into its place by a transform (so
 * text stays vector and the fonts are shared by the whole file).
 *
 * saddle  saddle-stitched booklet: two pages side by side on a landscape
 *         sheet (A4 pages → A3), printed duplex, flipped on the short edge,
 *         folded and stapled.  The page count is padded to a multiple of 4
 *         with blank positions; for 16 positions sheet 1 front = 16 | 1,
 *         back = 2 | 15; sheet 2 front = 14 | 3, back = 4 | 13; …
 * 2up     two consecutive pages per sheet (1 | 2, 3 | 4, …), for proof
 *         reading; an odd last page leaves the right half blank.
 * single  one page per sheet, the page size plus the slug: the print PDF
 *         for shops that impose it themselves (crop marks and bleed, no
 *         padding).
 *
 * Every sheet gets a TrimBox (the page, or the spread's outer trim) and a
 * BleedBox (the trim grown by the layout's bleed) inside its MediaBox, as
 * PDF/X-4 asks (ISO 15930-7 6.2.2).
 *
 * Padding: impose_pad_pages inserts blank pages (pg_page.blank) into the
 * paginated document BEFORE the furniture is drawn, so that a page moved by
 * the padding (the back cover: 13 → 16) gets its running head on its new
 * outside edge.  draw_furniture neither numbers nor counts blank pages:
 * the footer keeps the document's numbers ("13 / 13" on the back cover, as
 * in the reading PDF) and blank pages carry no header or footer.  impose()
 * also accepts an unpadded document and then leaves blank positions
 * (placement page -1). */
#ifndef KUMIHAN_IMPOSE_H
#define KUMIHAN_IMPOSE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "layout.h"
#include "pages.h"
#include "pdf_write.h"

/* "none", "saddle", "2up", "single" → method; false for any other name. */
bool impose_method_from_name(const char *name, impose_method *out);

/* Positions after padding: a multiple of 4 (saddle) or 2 (2up); n for none. */
int impose_padded_count(int n_pages, impose_method m);

/* The source page (0-based) at booklet position pos (0-based) of a
 * document of n_pages padded to padded positions, or -1 for a blank. */
int impose_position_page(int n_pages, int padded, impose_pad pad, int pos);

/* The booklet positions (0-based) on the left and right half of output
 * side `side` (0-based PDF page of the imposed file). */
void impose_side_positions(impose_method m, int padded, int side, int *left, int *right);

/* Inserts blank pages into d (paginated, furniture not yet drawn) up to
 * impose_padded_count, where pad says. */
void impose_pad_pages(pg_doc *d, impose_method m, impose_pad pad);

/* The sheets for doc under r (r->method must not be IMPOSE_NONE): *out is
 * malloc'd, free it with impose_free.  False with a diagnostic when the
 * pages do not fit the sheet or memory runs out. */
bool impose(const pg_doc *doc, const imposition_rules *r, pdf_sheet **out, size_t *n_out, diag_list *dl);
void impose_free(pdf_sheet *sheets, size_t n);

#endif
