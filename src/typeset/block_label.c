/* block_label.c — a block's printed label, from its style's numbering. */
#include "block_label.h"

#include "numbering.h"

char *block_label(const block *b, const layout *lay)
{
    const block_style *st = &lay->styles[b->kind];
    return num_label(st->numbering, b->ordinal, st->number_format, st->marker);
}
