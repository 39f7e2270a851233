/* fuzz_util.h — what the loader harnesses share: every diagnostic is
 * printed (to /dev/null), so the printer is fuzzed too, then freed. */
#ifndef KUMIHAN_FUZZ_UTIL_H
#define KUMIHAN_FUZZ_UTIL_H

#include <stdio.h>
#include "diag.h"

static inline void fuzz_print_and_free(diag_list *dl)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    if (sink)
        diag_print(dl, sink);
    diag_free(dl);
}

#endif
