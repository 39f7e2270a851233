/* block_label.h — the printed label of a block in a layout: its number in
 * the style's numbering and format ("Ⅰ．", "⑴", "①", "12）") or its
 * marker ("・").  The composer sets it; dumps and the change report name
 * blocks by it. */
#ifndef KUMIHAN_BLOCK_LABEL_H
#define KUMIHAN_BLOCK_LABEL_H

#include "doc.h"
#include "layout.h"

/* The label of b, malloc'd ("" when its style has none). */
char *block_label(const block *b, const layout *lay);

#endif
