/* furniture.h — the page furniture (furniture.c): the running header and
 * the footer ("3 / 13") drawn on every page once the page count is known,
 * all of it role PG_ROLE_ARTIFACT. */
#ifndef KUMIHAN_FURNITURE_H
#define KUMIHAN_FURNITURE_H

#include <stdbool.h>
#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "pages.h"

/* Draws header and footer on every non-blank page of d. */
bool draw_furniture(pg_doc *d, const layout *lay, const font_set *fs, diag_list *dl);

#endif
