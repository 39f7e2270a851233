/* font_file.h — checking a font file's bytes before FreeType sees them:
 * that the path is a regular file (a FIFO or a folder would hang or
 * mislead FreeType), that it is a single TrueType font and not WOFF, CFF
 * or a collection, that its table directory is sound and lies within the
 * file, and that the tables embedding needs are there.  Each problem is
 * one error at the font role's place in the layout, naming the file and
 * how to fix it.  Stage: fonts (fonts.c calls it, then loads a glyph). */
#ifndef KUMIHAN_FONT_FILE_H
#define KUMIHAN_FONT_FILE_H

#include <stdbool.h>
#include "diag.h"

typedef struct layout_font layout_font;

/* True if lf->path looks like an embeddable TrueType font; otherwise one
 * D_FONT error at lf->loc and false. */
bool font_file_check(const layout_font *lf, diag_list *dl);

#endif
