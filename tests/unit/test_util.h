/* test_util.h — small helpers shared by the unit tests (header-only: each
 * test is its own executable). */
#ifndef KUMIHAN_TEST_UTIL_H
#define KUMIHAN_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A path inside the repository: ctest sets KUMIHAN_ROOT; else the current folder. */
static inline char *root_path(const char *rel)
{
    const char *root = getenv("KUMIHAN_ROOT");
    if (!root)
        root = ".";
    size_t n = strlen(root) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", root, rel);
    return p;
}

#endif
