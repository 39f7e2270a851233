/* table_compose.h — a BK_TABLE set into the flow: its caption as lines
 * kept with the table, then one flow item per row, a whole number of grid
 * lines tall, holding the row's rules, the header's tint and every cell's
 * text broken by the JLREQ line breaker at the cell's width.  Rows are
 * where pagination may cut the table; a row that continues the table on a
 * new page carries the header row to repeat above it (flow_item.
 * repeat_item), and the header is kept with the first row.
 *
 * Geometry: a row of k lines spans k line pitches, drawn half a leading
 * above its item's top so that a cell's text of k lines sits exactly on
 * the page's line grid; shorter text is centred vertically in the row.
 * Header cells are set in blocks: table_header (centred by default), body
 * cells in blocks: table_cell, numbers (table_layout.h) flush right. */
#ifndef KUMIHAN_TABLE_COMPOSE_H
#define KUMIHAN_TABLE_COMPOSE_H

#include <stdbool.h>
#include "compose.h"

typedef struct table_env {
    const layout *lay;
    const font_set *fs;
    const compose_decorator *deco;   /* NULL: the plain setting */
    flow *out;
    diag_list *dl;
    float x0;       /* the table's room starts here on the page, pt */
    float avail;    /* and is this wide, pt */
} table_env;

/* Appends table b (BK_TABLE) to env->out.  Returns false if an error was
 * reported (a character no font has). */
bool table_compose(const table_env *env, const block *b);

#endif
