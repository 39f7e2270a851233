/* compare.h — the booklet with the changes since an older version marked
 * (kumihan build NEW --compare OLD): change bars in the outer margin,
 * inserted text underlined, deleted text struck through at its old place,
 * and first a summary of the changes with their page numbers. */
#ifndef KUMIHAN_COMPARE_H
#define KUMIHAN_COMPARE_H

#include <stdbool.h>
#include "pipeline.h"

/* Like pipeline_typeset, for p loaded with the NEW content: loads
 * old_path, compares, and sets the marked booklet into p->pages. */
bool pipeline_typeset_compare(pipeline *p, const char *old_path, diag_list *dl);

#endif
