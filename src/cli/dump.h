/* dump.h — any stage of the pipeline as plain text, for debugging and
 * golden tests: the document tree, the composed lines, the pages, or the
 * document's text in reading order (what a PDF text extractor should give
 * back, without the page furniture). */
#ifndef KUMIHAN_DUMP_H
#define KUMIHAN_DUMP_H

#include <stdbool.h>
#include <stdio.h>
#include "pipeline.h"

bool dump_stage_known(const char *stage);
/* Prints the stage; p must be typeset. */
bool dump_stage(const pipeline *p, const char *stage, FILE *out, diag_list *dl);

#endif
