/* numbering.h — turning a block's ordinal into its printed label
 * according to a numbering style: Ⅰ．, １．, ⑴, ①, 1）, ・.  Ranges of
 * enclosed forms run out (⑴ stops at ⒇, ① at ㊿); past them a style falls
 * back to a parenthesised or plain form, so lists of any length number. */
#ifndef KUMIHAN_NUMBERING_H
#define KUMIHAN_NUMBERING_H

#include <stddef.h>

typedef enum num_style {
    NUM_NONE,          /* no label */
    NUM_MARKER,        /* a fixed marker such as ・ */
    NUM_DECIMAL,       /* 1 2 3 … */
    NUM_FULLWIDTH,     /* １ ２ … ２７ … */
    NUM_ROMAN_UPPER,   /* Ⅰ … Ⅻ, then XIII … (ASCII) */
    NUM_ROMAN_LOWER,   /* ⅰ … ⅻ, then xiii … */
    NUM_PAREN,         /* ⑴ … ⒇, then (21) … */
    NUM_CIRCLED,       /* ① … ⑳ ㉑ … ㊿, then (51) … */
    NUM_KANJI,         /* 一 二 … 十 十一 … 百 */
    NUM_ALPHA_UPPER,   /* A … Z AA … */
    NUM_KATAKANA,      /* ア イ ウ エ オ カ … ワ (aiueo order, 公用文), then 45 … */
    NUM_IROHA,         /* イ ロ ハ ニ ホ ヘ ト … ス (47), then 48 … */
    NUM__COUNT
} num_style;

/* Style from its layout name ("decimal", "fullwidth", "roman", "paren",
 * "circled", "kanji", "alpha", "katakana", "iroha", "marker", "none");
 * -1 if unknown. */
int num_style_from_name(const char *name);
const char *num_style_name(num_style s);
/* Every style's name, indexed by num_style, NULL-terminated. */
const char *const *num_style_names(void);

/* The PDF ListNumbering attribute of a list numbered in style s (ISO
 * 32000-1 Table 347): what a screen reader announces, e.g. "Decimal" for
 * ① and 1）, "UpperRoman" for Ⅰ, "Disc" for a marker such as ・, "None"
 * for no label.  Kanji numbers are decimal numbers; kana sequences are
 * read as letters. */
const char *num_style_list_numbering(num_style s);

/* Writes the label for ordinal n (1-based) in style s, substituted into
 * format ("{n}" is replaced; NULL means "{n}"), or marker for NUM_MARKER.
 * Returns a malloc'd UTF-8 string. */
char *num_label(num_style s, int n, const char *format, const char *marker);

#endif
