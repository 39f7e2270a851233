/* toc.h — the table of contents (目次): its entries are set with the rest
 * of the flow, right after the title matter, one heading (parts, and
 * sections when levels is 2) with its label per entry, wrapped like any
 * text; its page numbers can only be known after pagination, so each
 * entry keeps what toc_fill needs to add them: the right edge, the glyphs
 * of the digits and the leader, already measured in the TOC's font.
 * toc_fill runs at the end of paginate: it numbers each entry as the
 * footer numbers the page its heading landed on ({page}: blank padding
 * pages do not count), sets the number flush right with a leader
 * (JLREQ リーダー: 三点リーダー by default) and links the entry to its page.
 * The TOC's own length is fixed before pagination: a number never makes
 * an entry wrap, because every entry's text leaves room for one. */
#ifndef KUMIHAN_TOC_H
#define KUMIHAN_TOC_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"
#include "linebreak.h"
#include "pages.h"

typedef struct toc_entry {
    const block *heading;
    float text_end;           /* x after the entry's text on its last line */
    float right;              /* x of the measure's right edge */
    float baseline;           /* below its line's top */
    float left;               /* x where the entry starts (its link's left edge) */
    float size;
} toc_entry;

typedef struct toc_plan {
    toc_entry *entries;
    size_t n, cap;
    lb_char digits[10];       /* 0–9 in the TOC's style */
    lb_char *leader;          /* the leader's unit (one or more characters) */
    size_t n_leader;
    float gap;                /* pt kept free on each side of the leader */
} toc_plan;

void toc_plan_free(toc_plan *t);

/* Where a contents entry's last line was placed: its page and its top. */
typedef struct toc_placed {
    size_t page;
    float top;
    bool placed;
} toc_placed;

/* The page number the footer prints on page index `page` of d: blank
 * padding pages are not counted. */
int toc_page_number(const pg_doc *d, size_t page);

/* Adds every entry's leader, page number and link to the pages (after
 * pg_index_blocks); the headings' pages come from pg_block_pages_of. */
void toc_fill(const toc_plan *t, const toc_placed *placed, pg_doc *d);

#endif
