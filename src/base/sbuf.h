/* sbuf.h — a growable NUL-terminated byte string: append bytes, strings or
 * printf output, then detach the malloc'd result.  Growth goes through
 * vec.h and cannot fail (out of memory aborts, see xalloc.h).
 *
 *     sbuf b = {0};
 *     sbuf_puts(&b, "page ");
 *     sbuf_printf(&b, "%d", n);
 *     char *s = sbuf_detach(&b);   // caller frees; b is empty again */
#ifndef KUMIHAN_SBUF_H
#define KUMIHAN_SBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sbuf {
    char *s;       /* NULL until something is appended; else NUL-terminated */
    size_t len;    /* bytes, without the NUL */
    size_t cap;
} sbuf;

void sbuf_append(sbuf *b, const char *bytes, size_t n);
/* Appends a C string; NULL appends nothing. */
void sbuf_puts(sbuf *b, const char *s);
void sbuf_putc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The text so far ("" when nothing was appended), never NULL; valid until
 * the next append. */
const char *sbuf_str(const sbuf *b);
/* Hands the string over (an empty one when nothing was appended) and
 * leaves b empty. */
char *sbuf_detach(sbuf *b);
void sbuf_free(sbuf *b);

#endif
