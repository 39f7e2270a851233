/* watch.h — kumihan watch: build, then build again whenever the content,
 * the layout, a font the layout uses or the --compare file changes. */
#ifndef KUMIHAN_WATCH_H
#define KUMIHAN_WATCH_H

#include "cli_args.h"

/* Runs until SIGINT or SIGTERM, then returns 0 (no temporary file is
 * left: the signals are only taken between builds); 3 if the file
 * system cannot be watched.  Each build prints its diagnostics, or the
 * line saying what it wrote and how long it took (unless o->quiet). */
int watch_run(const cli_args *o);

#endif
