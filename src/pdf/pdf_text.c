/* pdf_text.c — UTF-8 → PDF text string (UTF-16BE with BOM, surrogate
 * pairs beyond the BMP), added to a dictionary as a hex string. */
#include "pdf_text.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

/* utf8 as UTF-16BE with BOM into a malloc'd buffer; its length via *n. */
static unsigned char *utf16_of(const char *utf8, size_t *n_out)
{
    size_t len = strlen(utf8);
    unsigned char *buf = xmallocarray(len + 1, 4);   /* each byte gives at most 4 bytes of UTF-16 (+ BOM) */
    size_t n = 0;
    buf[n++] = 0xFE;
    buf[n++] = 0xFF;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        utf8_decode(utf8, len, &i, &cp);   /* an invalid sequence gives U+FFFD */
        if (cp >= 0x10000) {
            uint32_t v = cp - 0x10000;
            uint32_t hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
            buf[n++] = (unsigned char)(hi >> 8);
            buf[n++] = (unsigned char)hi;
            buf[n++] = (unsigned char)(lo >> 8);
            buf[n++] = (unsigned char)lo;
        } else {
            buf[n++] = (unsigned char)(cp >> 8);
            buf[n++] = (unsigned char)cp;
        }
    }
    *n_out = n;
    return buf;
}

HPDF_STATUS pdf_dict_add_text(pdf_dict dict, const char *key, const char *utf8)
{
    size_t n = 0;
    unsigned char *buf = utf16_of(utf8, &n);
    HPDF_STATUS st = shim_dict_add_bytes(dict, key, buf, n);
    free(buf);
    return st;
}

char *pdf_text_hex(const char *utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    unsigned char *buf = utf16_of(utf8, &n);
    char *out = xmallocarray(2 * n + 3, 1), *o = out;
    *o++ = '<';
    for (size_t i = 0; i < n; i++) {
        *o++ = hex[buf[i] >> 4];
        *o++ = hex[buf[i] & 0xF];
    }
    *o++ = '>';
    *o = '\0';
    free(buf);
    return out;
}
