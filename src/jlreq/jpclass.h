/* jpclass.h — the character classes of the W3C "Requirements for Japanese
 * Text Layout" (JLREQ, Appendix A), one table and one function, and the
 * East Asian width test (jp_is_wide).  Line breaking, punctuation spacing
 * and justification all ask jp_class_of(). */
#ifndef KUMIHAN_JPCLASS_H
#define KUMIHAN_JPCLASS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum jp_class {
    JC_OPENING_BRACKET = 1,     /* cl-01 （「『【〔［｛〈《 */
    JC_CLOSING_BRACKET = 2,     /* cl-02 ）」』】〕］｝〉》 */
    JC_HYPHEN = 3,              /* cl-03 ‐ 〜 ゠ – */
    JC_DIVIDING_PUNCT = 4,      /* cl-04 ！？‼⁇ */
    JC_MIDDLE_DOT = 5,          /* cl-05 ・：； */
    JC_FULL_STOP = 6,           /* cl-06 。． */
    JC_COMMA = 7,               /* cl-07 、， */
    JC_INSEPARABLE = 8,         /* cl-08 —…‥ */
    JC_ITERATION_MARK = 9,      /* cl-09 ヽヾゝゞ々〻 */
    JC_PROLONGED_SOUND = 10,    /* cl-10 ー */
    JC_SMALL_KANA = 11,         /* cl-11 ぁぃぅ…ッャュョ… */
    JC_PREFIXED_ABBREV = 12,    /* cl-12 ¥＄￡＃€№ */
    JC_POSTFIXED_ABBREV = 13,   /* cl-13 °′″℃￠％‰ */
    JC_IDEOGRAPHIC_SPACE = 14,  /* cl-14 U+3000 */
    JC_HIRAGANA = 15,           /* cl-15 */
    JC_KATAKANA = 16,           /* cl-16 */
    JC_MATH_SYMBOL = 17,        /* cl-17 ＝≠＜＞ */
    JC_MATH_OPERATOR = 18,      /* cl-18 ＋－×÷ */
    JC_IDEOGRAPHIC = 19,        /* cl-19 漢字, and other full-width symbols ①⑴※ */
    JC_WESTERN = 27,            /* cl-27 western characters (Latin letters, half-width punctuation) */
    JC_WESTERN_SPACE = 26,      /* U+0020 and other spaces */
    JC_DIGIT = 24,              /* half-width digits 0-9 */
    JC_FULLWIDTH_DIGIT = 25,    /* ０-９ (treated as a western run for breaking) */
    JC_FULLWIDTH_LATIN = 28     /* Ａ-Ｚ ａ-ｚ: western run, set full-width */
} jp_class;

jp_class jp_class_of(uint32_t cp);

/* Whether the glyph of cp is (by JLREQ convention) a full-width punctuation
 * mark with half of its em empty, and which half. */
bool jp_is_opening(uint32_t cp);       /* ink in the right half */
bool jp_is_closing(uint32_t cp);       /* cl-02, cl-06, cl-07: ink in the left half */
bool jp_is_middle_dot(uint32_t cp);    /* cl-05: ink centred, quarter-em each side */

/* East Asian Wide/Fullwidth: Japanese text for spacing and folding. */
bool jp_is_wide(uint32_t cp);
/* Part of a western run (letters, digits, half- or full-width) that is never broken. */
bool jp_is_western_run(uint32_t cp);

#endif
