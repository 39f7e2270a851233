/* check.h — warnings about likely typos in official text: a number mixing
 * half- and full-width digits (the 2023 plan's "202３"), 、。 mixed with ，．
 * in one document, doubled punctuation, unbalanced brackets. */
#ifndef KUMIHAN_CHECK_H
#define KUMIHAN_CHECK_H

#include "diag.h"
#include "doc.h"

/* Adds a warning for every likely typo in the document's texts. */
void check_text(const document *doc, diag_list *dl);

#endif
