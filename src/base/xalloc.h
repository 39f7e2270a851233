/* xalloc.h — every heap allocation of kumihan goes through these wrappers,
 * and they state the one out-of-memory policy.
 *
 * Policy (cmark's choice): running out of memory is not an error the
 * program reports and recovers from, because a batch typesetter cannot do
 * anything useful without the memory it asked for, and a NULL checked in
 * a hundred places turns into misleading messages ("no font has X") in the
 * one place it is checked wrongly.  So an allocation that fails prints
 * "kumihan: out of memory" to stderr and aborts.  The wrappers never return
 * NULL; code that calls them needs no failure path for memory, and a
 * function whose only failure was out of memory returns void.  (The few
 * that still return a bool for callers not yet simplified say that it is
 * always true.)
 *
 * A size that does not fit in size_t (count * element size overflows) is
 * the same failure: the multiplication is checked once, in xalloc_size(),
 * which xmallocarray/xreallocarray and the growable arrays of vec.h use.
 *
 * Memory that third-party libraries allocate (libyaml, libharu, FreeType,
 * HarfBuzz) is theirs; their failures come back as their error codes. */
#ifndef KUMIHAN_XALLOC_H
#define KUMIHAN_XALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* Prints "kumihan: out of memory" and aborts. */
_Noreturn void xalloc_die(void);

/* count * size in *bytes; false when the product overflows size_t. */
bool xalloc_size(size_t count, size_t size, size_t *bytes);

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
/* malloc/realloc of count elements of size bytes, overflow checked. */
void *xmallocarray(size_t count, size_t size);
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
/* At most n bytes of s, always NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* xstrdup, or NULL for NULL. */
char *xstrdup_or_null(const char *s);

#endif
