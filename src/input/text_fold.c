/* text_fold.c — joins the source lines of a multi-line scalar into running
 * text: no space at a break next to a Japanese character, one space
 * between western words, "\n" for a blank line (CSS Text 3, segment break
 * transformation rules; JLREQ has no inter-word space). */
#include "text_fold.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jpclass.h"
#include "utf8.h"
#include "xalloc.h"

/* Only ASCII blanks are trimmed: U+3000 at a line start is a deliberate
 * Japanese paragraph indent and stays. */
static bool is_ascii_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_ascii_blank((*s)[0])) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && is_ascii_blank((*s)[*len - 1]))
        (*len)--;
}

/* Japanese for folding: wide characters and half-width katakana
 * (U+FF61..U+FF9F, narrow but still Japanese, never word-spaced). */
static bool is_japanese(uint32_t cp)
{
    return jp_is_wide(cp) || (cp >= 0xFF61 && cp <= 0xFF9F);
}

static uint32_t first_cp(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    utf8_decode(s, len, &i, &cp);
    return cp;
}

static uint32_t last_cp(const char *s, size_t len)
{
    size_t i = utf8_last_start(s, len);
    uint32_t cp;
    utf8_decode(s, len, &i, &cp);
    return cp;
}

/* What goes between two non-empty lines a and b. */
static const char *joiner(const char *a, size_t alen, const char *b, size_t blen,
                          bool paragraph_break)
{
    if (paragraph_break)
        return "\n";
    if (is_japanese(last_cp(a, alen)) || is_japanese(first_cp(b, blen)))
        return "";
    return " ";
}

char *text_fold_lines(const char *const *lines, const size_t *lens, size_t n, size_t *out_len)
{
    size_t cap = 1;
    for (size_t k = 0; k < n; k++)
        cap += lens[k] + 1;   /* a line plus at most one joiner */
    char *out = xmalloc(cap);
    size_t len = 0;
    const char *prev = NULL;
    size_t prev_len = 0;
    bool blank_pending = false;
    for (size_t k = 0; k < n; k++) {
        const char *s = lines[k];
        size_t slen = lens[k];
        trim(&s, &slen);
        if (slen == 0) {
            blank_pending = prev != NULL;   /* leading blank lines vanish */
            continue;
        }
        if (prev) {
            const char *j = joiner(prev, prev_len, s, slen, blank_pending);
            memcpy(out + len, j, strlen(j));
            len += strlen(j);
        }
        memcpy(out + len, s, slen);
        len += slen;
        prev = s;
        prev_len = slen;
        blank_pending = false;   /* trailing blank lines vanish too */
    }
    out[len] = '\0';
    if (out_len)
        *out_len = len;
    return out;
}

/* Counts the lines of raw: breaks are "\n", "\r\n" and a lone "\r". */
static size_t count_lines(const char *raw, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == len || raw[i + 1] != '\n')))
            n++;
    return n;
}

char *text_fold_raw(const char *raw, size_t len, size_t *out_len)
{
    size_t n = count_lines(raw, len);
    const char **lines = xmallocarray(n, sizeof *lines);
    size_t *lens = xmallocarray(n, sizeof *lens);
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        bool end = i == len || raw[i] == '\n' ||
                   (raw[i] == '\r' && (i + 1 == len || raw[i + 1] != '\n'));
        if (!end)
            continue;
        lines[k] = raw + start;
        lens[k++] = i - start;   /* a '\r' before '\n' is trimmed later */
        start = i + 1;
    }
    char *out = text_fold_lines(lines, lens, k, out_len);
    free(lines);
    free(lens);
    return out;
}
