/* lb_test_util.h — helpers shared by the line-breaking tests: UTF-8 text
 * to lb_char with a fake metric (wide chars 1 em, ASCII letters, digits
 * and punctuation half an em, space a quarter em; em = 10 pt), and a
 * line's glyphs back to UTF-8.  Header-only: each test is its own binary. */
#ifndef KUMIHAN_LB_TEST_UTIL_H
#define KUMIHAN_LB_TEST_UTIL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jpclass.h"
#include "linebreak.h"

#define TEST_EM 10.0f

/* Decodes one UTF-8 sequence at s; returns its length (1 on bad input). */
static inline size_t tu_decode(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) { *cp = u[0]; return 1; }
    if ((u[0] & 0xE0) == 0xC0 && u[1]) { *cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F); return 2; }
    if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        return 3;
    }
    if ((u[0] & 0xF8) == 0xF0 && u[1] && u[2] && u[3]) {
        *cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
              ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

/* Appends cp as UTF-8 to buf (which must have 5 bytes free). */
static inline size_t tu_encode(uint32_t cp, char *buf)
{
    if (cp < 0x80) { buf[0] = (char)cp; return 1; }
    if (cp < 0x800) { buf[0] = (char)(0xC0 | (cp >> 6)); buf[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12)); buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18)); buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The fake metric of the tests. */
static inline float tu_advance(uint32_t cp)
{
    if (cp == ' ')
        return TEST_EM / 4;
    return jp_is_wide(cp) ? TEST_EM : TEST_EM / 2;
}

/* UTF-8 to a malloc'd lb_char array; *n is its length. */
static inline lb_char *tu_chars(const char *text, size_t *n)
{
    size_t len = strlen(text), k = 0;
    lb_char *c = calloc(len + 1, sizeof *c);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += tu_decode(text + i, &cp);
        c[k] = (lb_char){.cp = cp, .size = TEST_EM, .advance = tu_advance(cp), .source = (uint32_t)i};
        k++;
    }
    *n = k;
    return c;
}

/* The text of line li as UTF-8 in a malloc'd string. */
static inline char *tu_line_text(const lb_result *r, size_t li)
{
    const lb_line *l = &r->lines[li];
    char *s = malloc(l->count * 4 + 1), *p = s;
    for (size_t i = 0; i < l->count; i++)
        p += tu_encode(r->glyphs[l->first + i].cp, p);
    *p = 0;
    return s;
}

/* Default rules of the tests: strict kinsoku, compression, justification,
 * 和欧間 a quarter em shrinking to an eighth, no hanging. */
static inline lb_params tu_params(float measure)
{
    lb_params p = {.measure = measure, .em = TEST_EM};
    p.rules = (typeset_rules){.kinsoku = KINSOKU_STRICT, .compress_punctuation = true,
                              .hanging_punctuation = false, .wa_ou_space_em = 0.25f,
                              .wa_ou_space_min_em = 0.125f, .max_expand_em = 0, .justify = true};
    return p;
}

#endif
