/* utf8.c — UTF-8 decoding, encoding, validation and the wide-character
 * table (see utf8.h). */
#include "utf8.h"

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

typedef struct cp_range {
    uint32_t first, last;
} cp_range;

/* East Asian Width W and F (UAX #11), by block, plus the ambiguous-width
 * symbols that Japanese text sets full-width (marked "A").  Sorted. */
static const cp_range wide_ranges[] = {
    { 0x1100, 0x115F },   /* Hangul Jamo initials */
    { 0x203B, 0x203B },   /* ※ reference mark (A) */
    { 0x2160, 0x217F },   /* Ⅰ..ⅿ Roman numerals (A) */
    { 0x2190, 0x21FF },   /* ←→⇒ arrows (A) */
    { 0x231A, 0x231B },   /* watch, hourglass */
    { 0x2329, 0x232A },   /* angle brackets */
    { 0x2460, 0x24FF },   /* ①⑴⒈ⓐ enclosed alphanumerics (A) */
    { 0x25A0, 0x25FF },   /* ■□▲△○●◎ geometric shapes (A) */
    { 0x2600, 0x26FF },   /* ★☆☎ miscellaneous symbols (A/W) */
    { 0x2E80, 0x303E },   /* CJK radicals, CJK symbols and punctuation */
    { 0x3041, 0x33FF },   /* kana, bopomofo, enclosed CJK, CJK compatibility */
    { 0x3400, 0x4DBF },   /* CJK extension A */
    { 0x4E00, 0x9FFF },   /* CJK unified ideographs */
    { 0xA000, 0xA4CF },   /* Yi */
    { 0xA960, 0xA97F },   /* Hangul Jamo extended A */
    { 0xAC00, 0xD7A3 },   /* Hangul syllables */
    { 0xF900, 0xFAFF },   /* CJK compatibility ideographs */
    { 0xFE10, 0xFE19 },   /* vertical forms */
    { 0xFE30, 0xFE6F },   /* CJK compatibility forms, small form variants */
    { 0xFF00, 0xFF60 },   /* full-width ASCII and brackets */
    { 0xFFE0, 0xFFE6 },   /* full-width signs ￠￡￥ */
    { 0x16FE0, 0x18AFF }, /* Tangut, ideographic symbols */
    { 0x1B000, 0x1B16F }, /* kana supplement and extensions */
    { 0x1F004, 0x1F004 }, /* mahjong tile */
    { 0x1F200, 0x1F2FF }, /* enclosed ideographic supplement */
    { 0x1F300, 0x1F64F }, /* pictographs, emoticons */
    { 0x1F680, 0x1F6FF }, /* transport and map symbols */
    { 0x1F900, 0x1F9FF }, /* supplemental symbols and pictographs */
    { 0x1FA70, 0x1FAFF }, /* symbols and pictographs extended A */
    { 0x20000, 0x2FFFD }, /* CJK extensions B-F, compatibility supplement */
    { 0x30000, 0x3FFFD }, /* CJK extensions G-H */
};

bool utf8_is_wide(uint32_t cp)
{
    size_t lo = 0, hi = sizeof wide_ranges / sizeof wide_ranges[0];
    if (cp < 0x1100)
        return false;
    while (lo < hi) {   /* binary search */
        size_t mid = lo + (hi - lo) / 2;
        if (cp < wide_ranges[mid].first)
            hi = mid;
        else if (cp > wide_ranges[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}
