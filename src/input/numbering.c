/* numbering.c — a block's ordinal as its printed label (Ⅰ．, １．, ⑴, ①,
 * 一, A): each style is a function from n to text; enclosed forms fall back
 * to a parenthesised form when Unicode runs out of them. */
#include "numbering.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

/* A label under construction.  The longest label is a decimal int or a
 * 4-digit kanji number (12 bytes of UTF-8 each at most): 64 is ample. */
typedef struct label {
    char text[64];
    size_t len;
} label;

static void put_str(label *l, const char *s)
{
    size_t n = strlen(s);
    if (l->len + n < sizeof l->text) {
        memcpy(l->text + l->len, s, n);
        l->len += n;
    }
    l->text[l->len] = '\0';
}

static void put_cp(label *l, uint32_t cp)
{
    char buf[5];
    size_t n = utf8_encode(cp, buf);
    buf[n] = '\0';
    put_str(l, buf);
}

static void put_decimal(label *l, int n)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%d", n);
    put_str(l, buf);
}

static void put_paren_decimal(label *l, int n)
{
    put_str(l, "(");
    put_decimal(l, n);
    put_str(l, ")");
}

static void put_fullwidth(label *l, int n)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%d", n);
    for (const char *p = buf; *p; p++)
        put_cp(l, 0xFF10 + (uint32_t)(*p - '0'));
}

/* Classical Roman numerals, 1..3999. */
static void put_ascii_roman(label *l, int n, int lower)
{
    static const struct { int value; const char *upper, *lower; } digits[] = {
        { 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" }, { 400, "CD", "cd" },
        { 100, "C", "c" },  { 90, "XC", "xc" },  { 50, "L", "l" },  { 40, "XL", "xl" },
        { 10, "X", "x" },   { 9, "IX", "ix" },   { 5, "V", "v" },   { 4, "IV", "iv" },
        { 1, "I", "i" },
    };
    for (size_t k = 0; k < sizeof digits / sizeof digits[0]; k++)
        for (; n >= digits[k].value; n -= digits[k].value)
            put_str(l, lower ? digits[k].lower : digits[k].upper);
}

/* Ⅰ..Ⅻ are single characters (U+2160..); past 12 ASCII letters; past 3999
 * (no classical numeral) plain decimal. */
static void put_roman(label *l, int n, int lower)
{
    if (n <= 12)
        put_cp(l, (lower ? 0x2170u : 0x2160u) + (uint32_t)(n - 1));
    else if (n <= 3999)
        put_ascii_roman(l, n, lower);
    else
        put_decimal(l, n);
}

static void put_paren(label *l, int n)
{
    if (n <= 20)
        put_cp(l, 0x2474u + (uint32_t)(n - 1));   /* ⑴..⒇ */
    else
        put_paren_decimal(l, n);
}

static void put_circled(label *l, int n)
{
    if (n <= 20)
        put_cp(l, 0x2460u + (uint32_t)(n - 1));   /* ①..⑳ */
    else if (n <= 35)
        put_cp(l, 0x3251u + (uint32_t)(n - 21)); /* ㉑..㉟ */
    else if (n <= 50)
        put_cp(l, 0x32B1u + (uint32_t)(n - 36)); /* ㊱..㊿ */
    else
        put_paren_decimal(l, n);
}

/* Kanji numerals: 二千二十三; a 1 before 十, 百, 千 is not written (十, 百,
 * 千, not 一十).  Past 9999 plain decimal. */
static void put_kanji(label *l, int n)
{
    static const char *const digit[10] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
    static const struct { int value; const char *unit; } units[] = {
        { 1000, "千" }, { 100, "百" }, { 10, "十" },
    };
    if (n > 9999) {
        put_decimal(l, n);
        return;
    }
    for (size_t k = 0; k < 3; k++) {
        int d = n / units[k].value;
        n %= units[k].value;
        if (d == 0)
            continue;
        if (d > 1)
            put_str(l, digit[d]);
        put_str(l, units[k].unit);
    }
    put_str(l, digit[n]);
}

/* A, B, … Z, AA, AB, … (bijective base 26). */
static void put_alpha(label *l, int n)
{
    char buf[16];
    size_t k = sizeof buf - 1;
    buf[k] = '\0';
    while (n > 0) {
        n--;
        buf[--k] = (char)('A' + n % 26);
        n /= 26;
    }
    put_str(l, buf + k);
}

/* The kana of one ordering, one per ordinal; past the last, decimal. */
static void put_kana(label *l, int n, const char *const *kana, int count)
{
    if (n <= count)
        put_str(l, kana[n - 1]);
    else
        put_decimal(l, n);
}

/* 公用文 numbers its fourth level ア, イ, ウ … in the order of the 50-sound
 * table (ア行 … ワ; ヰ ヱ ヲ ン are not used as numbers). */
static const char *const KATAKANA[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ",
    "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
    "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ",
};

/* The iroha poem's 47 kana, as older documents and contracts number. */
static const char *const IROHA[] = {
    "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ", "ワ", "カ", "ヨ", "タ",
    "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ", "ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ",
    "コ", "エ", "テ", "ア", "サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス",
};

#define COUNT_OF(a) ((int)(sizeof(a) / sizeof(a)[0]))

static void put_number(label *l, num_style s, int n, const char *marker)
{
    if (s == NUM_NONE)
        return;
    if (s == NUM_MARKER) {
        put_str(l, marker ? marker : "");
        return;
    }
    if (n < 1) {   /* defensive: no style numbers zero or negatives */
        put_decimal(l, n);
        return;
    }
    switch (s) {
    case NUM_FULLWIDTH: put_fullwidth(l, n); break;
    case NUM_ROMAN_UPPER: put_roman(l, n, 0); break;
    case NUM_ROMAN_LOWER: put_roman(l, n, 1); break;
    case NUM_PAREN: put_paren(l, n); break;
    case NUM_CIRCLED: put_circled(l, n); break;
    case NUM_KANJI: put_kanji(l, n); break;
    case NUM_ALPHA_UPPER: put_alpha(l, n); break;
    case NUM_KATAKANA: put_kana(l, n, KATAKANA, COUNT_OF(KATAKANA)); break;
    case NUM_IROHA: put_kana(l, n, IROHA, COUNT_OF(IROHA)); break;
    default: put_decimal(l, n); break;
    }
}

/* Copies format with every "{n}" replaced by number. */
static char *substitute(const char *format, const char *number)
{
    static const char token[] = "{n}";
    size_t nlen = strlen(number), count = 0;
    for (const char *p = strstr(format, token); p; p = strstr(p + 3, token))
        count++;
    char *out = xmalloc(strlen(format) - 3 * count + nlen * count + 1);
    char *o = out;
    for (const char *p = format; *p;) {
        if (strncmp(p, token, 3) == 0) {
            memcpy(o, number, nlen);
            o += nlen;
            p += 3;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

char *num_label(num_style s, int n, const char *format, const char *marker)
{
    label l = { .len = 0 };
    l.text[0] = '\0';
    if (s == NUM_MARKER && marker && strlen(marker) >= sizeof l.text)
        return substitute(format ? format : "{n}", marker);   /* long marker */
    put_number(&l, s, n, marker);
    return substitute(format ? format : "{n}", l.text);
}

static const char *const style_names[NUM__COUNT + 1] = {
    [NUM_NONE] = "none",
    [NUM_MARKER] = "marker",
    [NUM_DECIMAL] = "decimal",
    [NUM_FULLWIDTH] = "fullwidth",
    [NUM_ROMAN_UPPER] = "roman",
    [NUM_ROMAN_LOWER] = "roman-lower",
    [NUM_PAREN] = "paren",
    [NUM_CIRCLED] = "circled",
    [NUM_KANJI] = "kanji",
    [NUM_ALPHA_UPPER] = "alpha",
    [NUM_KATAKANA] = "katakana",
    [NUM_IROHA] = "iroha",
};

int num_style_from_name(const char *name)
{
    if (!name)
        return -1;
    for (int s = 0; s < NUM__COUNT; s++)
        if (strcmp(style_names[s], name) == 0)
            return s;
    return -1;
}

const char *const *num_style_names(void)
{
    return style_names;   /* NULL-terminated: the entry at NUM__COUNT is NULL */
}

const char *num_style_list_numbering(num_style s)
{
    switch (s) {
    case NUM_NONE: return "None";
    case NUM_MARKER: return "Disc";
    case NUM_ROMAN_UPPER: return "UpperRoman";
    case NUM_ROMAN_LOWER: return "LowerRoman";
    case NUM_ALPHA_UPPER:
    case NUM_KATAKANA:   /* ア イ ウ, イ ロ ハ: letters, as the header says */
    case NUM_IROHA: return "UpperAlpha";
    case NUM_DECIMAL:
    case NUM_FULLWIDTH:
    case NUM_PAREN:
    case NUM_CIRCLED:
    case NUM_KANJI:
    case NUM__COUNT: break;
    }
    return "Decimal";
}

const char *num_style_name(num_style s)
{
    if ((int)s < 0 || s >= NUM__COUNT)
        return "?";
    return style_names[s];
}
