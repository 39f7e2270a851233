/* compare.h — the booklet with the changes since an older version marked
 * (kumihan build NEW --compare OLD): change bars in the outer margin,
 * inserted text underlined, deleted text struck through at its old place,
 * and first a summary of the changes with their page numbers in the clean
 * booklet (NEW set without marks). */
#ifndef KUMIHAN_COMPARE_H
#define KUMIHAN_COMPARE_H

#include <stdbool.h>
#include "pipeline.h"

/* Like pipeline_typeset, for p loaded with the NEW content: loads
 * old_path, compares, and sets the marked booklet into p->pages.  The
 * pages' origins keep their roles but no blocks (p->fl is left empty):
 * the annotated document they were set from dies here. */
bool compare_typeset(pipeline *p, const char *old_path, diag_list *dl);

#endif
