/* utf8.c — UTF-8 decoding, encoding, validation, counting and U+3000 (see
 * utf8.h). */
#include "utf8.h"

#include <string.h>

/* Number of continuation bytes a lead byte announces, or -1 if the byte
 * cannot start a sequence (continuation byte, C0/C1 overlong leads, F5+). */
static int continuation_count(unsigned char lead)
{
    if (lead < 0x80)
        return 0;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 1;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 2;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 3;
    return -1;
}

/* The smallest code point that needs n continuation bytes: anything
 * below it is an overlong encoding. */
static uint32_t min_for_length(int n)
{
    static const uint32_t min[4] = { 0, 0x80, 0x800, 0x10000 };
    return min[n];
}

bool utf8_decode(const char *s, size_t len, size_t *i, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t avail = len - *i;
    int n = continuation_count(u[0]);
    if (n < 0 || (size_t)n >= avail)   /* avail >= 1: the sequence must fit */
        goto invalid;
    uint32_t c = n == 0 ? u[0] : (uint32_t)(u[0] & (0x3F >> n));
    for (int k = 1; k <= n; k++) {
        if ((u[k] & 0xC0) != 0x80)
            goto invalid;
        c = (c << 6) | (u[k] & 0x3F);
    }
    if (c < min_for_length(n) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        goto invalid;
    *cp = c;
    *i += (size_t)n + 1;
    return true;
invalid:
    *cp = 0xFFFD;
    *i += 1;
    return false;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool utf8_validate(const char *s, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp;
        if ((unsigned char)s[i] < 0x80) {   /* fast path for ASCII */
            i++;
            continue;
        }
        if (!utf8_decode(s, len, &i, &cp)) {
            if (bad_offset)
                *bad_offset = at;
            return false;
        }
    }
    return true;
}

size_t utf8_last_start(const char *s, size_t len)
{
    size_t i = len - 1;
    for (int k = 0; k < 3 && i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; k++)
        i--;
    return i;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

bool utf8_is_ideographic_space(const char *s, size_t len)
{
    return len >= UTF8_IDEOGRAPHIC_SPACE_LEN &&
           memcmp(s, UTF8_IDEOGRAPHIC_SPACE, UTF8_IDEOGRAPHIC_SPACE_LEN) == 0;
}
