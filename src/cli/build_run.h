/* build_run.h — one build as `kumihan build` runs it, shared by build and
 * watch: the defaults filled in (project_paths.h), the outputs checked
 * against the inputs, the booklet (or the marked booklet) typeset, the
 * PDFs written as one transaction, and the line saying what was written. */
#ifndef KUMIHAN_BUILD_RUN_H
#define KUMIHAN_BUILD_RUN_H

#include <stdbool.h>
#include <stdio.h>
#include "cli_args.h"
#include "diag.h"
#include "pipeline.h"
#include "ytree.h"

#define EXIT_USAGE 2

/* The default paths a command was given (owned; NULL when the user gave
 * one), and the content's tree when finding the default layout parsed it
 * cleanly (owned until build_take_content; NULL otherwise). */
typedef struct build_defaults {
    char *layout;
    char *output;
    ytree *content;
} build_defaults;

/* Fills o->layout (every command) and, for build and watch, o->output
 * from the content's project when the user gave none.  False with an
 * error when no layout was given and the default one is missing. */
bool build_fill_defaults(cli_args *o, build_defaults *d, diag_list *dl);
void build_defaults_free(build_defaults *d);

/* The option values the parser cannot judge (a --stage or --impose name,
 * --compare with imposition): 0, or EXIT_USAGE after printing the message
 * and the command's usage to stderr. */
int build_check_values(const cli_args *o);

/* The content tree d holds, now the caller's (NULL if none). */
ytree *build_take_content(build_defaults *d);
/* Loads and typesets o->files[0] with o->layout (from d's tree of it when
 * d holds one, taking it) and writes the PDFs; p is left loaded (the
 * caller frees it), so watch can read the fonts used. */
bool build_once(pipeline *p, const cli_args *o, build_defaults *d, diag_list *dl);

/* One build_report_line per file p wrote; ms < 0 leaves the time out. */
void build_print_written(const pipeline *p, long ms, FILE *out);

#endif
