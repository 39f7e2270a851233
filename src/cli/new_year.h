/* new_year.h — next year's plan from this year's: the year moved on in
 * fiscal_year, the title, the date, the subject and the keywords, and
 * every `new: true` mark (the "(新)" of this year) cleared.  The YAML is
 * edited as text at the located scalars, never re-emitted, so the
 * indentation, the quoting and every comment stay as the user wrote them. */
#ifndef KUMIHAN_NEW_YEAR_H
#define KUMIHAN_NEW_YEAR_H

#include <stdio.h>
#include "diag.h"
#include "ytree.h"

/* What new_year_text changed, for the message. */
typedef struct new_year_counts {
    int old_year, new_year;
    size_t years;       /* year numbers moved on in title, date, subject, keywords */
    size_t marks;       /* new: true marks cleared */
} new_year_counts;

/* The source of t with the year moved on (malloc'd), or NULL with an
 * error when the plan's year cannot be told (no fiscal_year, no year in
 * the title) or the file is not a mapping. */
char *new_year_text(const ytree *t, new_year_counts *counts, diag_list *dl);

/* kumihan new-year OLD NEW: writes NEW, refusing an existing file (exit
 * 2); 1 for errors in OLD, 3 when NEW cannot be written.  Messages go to err. */
int new_year_run(const char *old_path, const char *new_path, FILE *err);

#endif
