/* xalloc.c — the allocation wrappers and the out-of-memory policy (see
 * xalloc.h). */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void xalloc_die(void)
{
    fputs("kumihan: out of memory\n", stderr);
    abort();
}

bool xalloc_size(size_t count, size_t size, size_t *bytes)
{
    if (size != 0 && count > SIZE_MAX / size)
        return false;
    *bytes = count * size;
    return true;
}

/* malloc(0) may return NULL; asking for at least one byte keeps "NULL
 * means out of memory" true. */
void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    size_t bytes;
    if (!xalloc_size(count, size, &bytes))
        xalloc_die();
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        xalloc_die();
    return q;
}

void *xmallocarray(size_t count, size_t size)
{
    size_t bytes;
    if (!xalloc_size(count, size, &bytes))
        xalloc_die();
    return xmalloc(bytes);
}

void *xreallocarray(void *p, size_t count, size_t size)
{
    size_t bytes;
    if (!xalloc_size(count, size, &bytes))
        xalloc_die();
    return xrealloc(p, bytes);
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *d = xmalloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *xstrdup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}
