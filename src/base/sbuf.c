/* sbuf.c — the growable byte string (see sbuf.h). */
#include "sbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"
#include "xalloc.h"

/* Room for n more bytes and the NUL. */
static void reserve(sbuf *b, size_t n)
{
    if (n > SIZE_MAX - b->len - 1)
        xalloc_die();
    VEC_RESERVE(b->s, b->cap, b->len + n + 1);
}

void sbuf_append(sbuf *b, const char *bytes, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->s + b->len, bytes, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sbuf_puts(sbuf *b, const char *s)
{
    if (s)
        sbuf_append(b, s, strlen(s));
}

void sbuf_putc(sbuf *b, char c)
{
    sbuf_append(b, &c, 1);
}

void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n >= 0) {   /* else an encoding error in a wide-character conversion: nothing to add */
        reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *sbuf_str(const sbuf *b)
{
    return b->s ? b->s : "";
}

char *sbuf_detach(sbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    *b = (sbuf){0};
    return s;
}

void sbuf_free(sbuf *b)
{
    free(b->s);
    *b = (sbuf){0};
}
