/* jpclass_rules.c — the JLREQ character classes (W3C "Requirements for
 * Japanese Text Layout", Appendix A) as rules: one table of explicit code
 * points, one table of ranges, and the East Asian width ranges.  These
 * tables are the one statement of the classes; the build turns them into
 * the static lookup table jp_class_of() reads (tools/gen_jpclass_table.c),
 * and a unit test checks the two agree on every code point. */
#include "jpclass_rules.h"

#include <stddef.h>

/* A class assigned to one code point (JLREQ Appendix A, cl-01 … cl-18). */
typedef struct cp_class {
    uint32_t cp;
    jp_class cls;
} cp_class;

/* A class assigned to a closed range of code points. */
typedef struct range_class {
    uint32_t lo, hi;
    jp_class cls;
} range_class;

/* Single code points, looked up before the ranges below.  Sorted by cp so
 * the lookup can be a binary search. */
static const cp_class SINGLES[] = {
    {0x0024, JC_PREFIXED_ABBREV},   /* $ */
    {0x0025, JC_POSTFIXED_ABBREV},  /* % */
    {0x00A2, JC_POSTFIXED_ABBREV},  /* ¢ */
    {0x00A3, JC_PREFIXED_ABBREV},   /* £ */
    {0x00A5, JC_PREFIXED_ABBREV},   /* ¥ */
    {0x00B0, JC_POSTFIXED_ABBREV},  /* ° */
    {0x00B1, JC_MATH_OPERATOR},     /* ± */
    {0x00D7, JC_MATH_OPERATOR},     /* × */
    {0x00F7, JC_MATH_OPERATOR},     /* ÷ */
    {0x2010, JC_HYPHEN},            /* ‐ */
    {0x2013, JC_HYPHEN},            /* – */
    {0x2014, JC_INSEPARABLE},       /* — */
    {0x2015, JC_INSEPARABLE},       /* ― (used as the Japanese dash) */
    {0x2018, JC_OPENING_BRACKET},   /* ‘ */
    {0x2019, JC_CLOSING_BRACKET},   /* ’ */
    {0x201C, JC_OPENING_BRACKET},   /* “ */
    {0x201D, JC_CLOSING_BRACKET},   /* ” */
    {0x2025, JC_INSEPARABLE},       /* ‥ */
    {0x2026, JC_INSEPARABLE},       /* … */
    {0x2030, JC_POSTFIXED_ABBREV},  /* ‰ */
    {0x2032, JC_POSTFIXED_ABBREV},  /* ′ */
    {0x2033, JC_POSTFIXED_ABBREV},  /* ″ */
    {0x203C, JC_DIVIDING_PUNCT},    /* ‼ */
    {0x2047, JC_DIVIDING_PUNCT},    /* ⁇ */
    {0x2048, JC_DIVIDING_PUNCT},    /* ⁈ */
    {0x2049, JC_DIVIDING_PUNCT},    /* ⁉ */
    {0x20AC, JC_PREFIXED_ABBREV},   /* € */
    {0x2103, JC_POSTFIXED_ABBREV},  /* ℃ */
    {0x2116, JC_PREFIXED_ABBREV},   /* № */
    {0x2208, JC_MATH_SYMBOL},       /* ∈ */
    {0x220B, JC_MATH_SYMBOL},       /* ∋ */
    {0x2213, JC_MATH_OPERATOR},     /* ∓ */
    {0x2229, JC_MATH_SYMBOL},       /* ∩ */
    {0x222A, JC_MATH_SYMBOL},       /* ∪ */
    {0x2252, JC_MATH_SYMBOL},       /* ≒ */
    {0x2260, JC_MATH_SYMBOL},       /* ≠ */
    {0x2261, JC_MATH_SYMBOL},       /* ≡ */
    {0x2264, JC_MATH_SYMBOL},       /* ≤ */
    {0x2265, JC_MATH_SYMBOL},       /* ≥ */
    {0x2266, JC_MATH_SYMBOL},       /* ≦ */
    {0x2267, JC_MATH_SYMBOL},       /* ≧ */
    {0x226A, JC_MATH_SYMBOL},       /* ≪ */
    {0x226B, JC_MATH_SYMBOL},       /* ≫ */
    {0x2282, JC_MATH_SYMBOL},       /* ⊂ */
    {0x2283, JC_MATH_SYMBOL},       /* ⊃ */
    {0x2286, JC_MATH_SYMBOL},       /* ⊆ */
    {0x2287, JC_MATH_SYMBOL},       /* ⊇ */
    {0x3000, JC_IDEOGRAPHIC_SPACE},
    {0x3001, JC_COMMA},             /* 、 */
    {0x3002, JC_FULL_STOP},         /* 。 */
    {0x3005, JC_ITERATION_MARK},    /* 々 */
    {0x3008, JC_OPENING_BRACKET},   /* 〈 */
    {0x3009, JC_CLOSING_BRACKET},   /* 〉 */
    {0x300A, JC_OPENING_BRACKET},   /* 《 */
    {0x300B, JC_CLOSING_BRACKET},   /* 》 */
    {0x300C, JC_OPENING_BRACKET},   /* 「 */
    {0x300D, JC_CLOSING_BRACKET},   /* 」 */
    {0x300E, JC_OPENING_BRACKET},   /* 『 */
    {0x300F, JC_CLOSING_BRACKET},   /* 』 */
    {0x3010, JC_OPENING_BRACKET},   /* 【 */
    {0x3011, JC_CLOSING_BRACKET},   /* 】 */
    {0x3014, JC_OPENING_BRACKET},   /* 〔 */
    {0x3015, JC_CLOSING_BRACKET},   /* 〕 */
    {0x3016, JC_OPENING_BRACKET},   /* 〖 */
    {0x3017, JC_CLOSING_BRACKET},   /* 〗 */
    {0x3018, JC_OPENING_BRACKET},   /* 〘 */
    {0x3019, JC_CLOSING_BRACKET},   /* 〙 */
    {0x301C, JC_HYPHEN},            /* 〜 */
    {0x301D, JC_OPENING_BRACKET},   /* 〝 */
    {0x301E, JC_CLOSING_BRACKET},   /* 〞 */
    {0x301F, JC_CLOSING_BRACKET},   /* 〟 */
    {0x303B, JC_ITERATION_MARK},    /* 〻 */
    {0x3041, JC_SMALL_KANA},        /* ぁ */
    {0x3043, JC_SMALL_KANA},        /* ぃ */
    {0x3045, JC_SMALL_KANA},        /* ぅ */
    {0x3047, JC_SMALL_KANA},        /* ぇ */
    {0x3049, JC_SMALL_KANA},        /* ぉ */
    {0x3063, JC_SMALL_KANA},        /* っ */
    {0x3083, JC_SMALL_KANA},        /* ゃ */
    {0x3085, JC_SMALL_KANA},        /* ゅ */
    {0x3087, JC_SMALL_KANA},        /* ょ */
    {0x308E, JC_SMALL_KANA},        /* ゎ */
    {0x3095, JC_SMALL_KANA},        /* ゕ */
    {0x3096, JC_SMALL_KANA},        /* ゖ */
    {0x309D, JC_ITERATION_MARK},    /* ゝ */
    {0x309E, JC_ITERATION_MARK},    /* ゞ */
    {0x30A0, JC_HYPHEN},            /* ゠ */
    {0x30A1, JC_SMALL_KANA},        /* ァ */
    {0x30A3, JC_SMALL_KANA},        /* ィ */
    {0x30A5, JC_SMALL_KANA},        /* ゥ */
    {0x30A7, JC_SMALL_KANA},        /* ェ */
    {0x30A9, JC_SMALL_KANA},        /* ォ */
    {0x30C3, JC_SMALL_KANA},        /* ッ */
    {0x30E3, JC_SMALL_KANA},        /* ャ */
    {0x30E5, JC_SMALL_KANA},        /* ュ */
    {0x30E7, JC_SMALL_KANA},        /* ョ */
    {0x30EE, JC_SMALL_KANA},        /* ヮ */
    {0x30F5, JC_SMALL_KANA},        /* ヵ */
    {0x30F6, JC_SMALL_KANA},        /* ヶ */
    {0x30FB, JC_MIDDLE_DOT},        /* ・ */
    {0x30FC, JC_PROLONGED_SOUND},   /* ー */
    {0x30FD, JC_ITERATION_MARK},    /* ヽ */
    {0x30FE, JC_ITERATION_MARK},    /* ヾ */
    {0xFF01, JC_DIVIDING_PUNCT},    /* ！ */
    {0xFF03, JC_PREFIXED_ABBREV},   /* ＃ */
    {0xFF04, JC_PREFIXED_ABBREV},   /* ＄ */
    {0xFF05, JC_POSTFIXED_ABBREV},  /* ％ */
    {0xFF08, JC_OPENING_BRACKET},   /* （ */
    {0xFF09, JC_CLOSING_BRACKET},   /* ） */
    {0xFF0B, JC_MATH_OPERATOR},     /* ＋ */
    {0xFF0C, JC_COMMA},             /* ， */
    {0xFF0D, JC_MATH_OPERATOR},     /* － */
    {0xFF0E, JC_FULL_STOP},         /* ． */
    {0xFF1A, JC_MIDDLE_DOT},        /* ： */
    {0xFF1B, JC_MIDDLE_DOT},        /* ； */
    {0xFF1C, JC_MATH_SYMBOL},       /* ＜ */
    {0xFF1D, JC_MATH_SYMBOL},       /* ＝ */
    {0xFF1E, JC_MATH_SYMBOL},       /* ＞ */
    {0xFF1F, JC_DIVIDING_PUNCT},    /* ？ */
    {0xFF3B, JC_OPENING_BRACKET},   /* ［ */
    {0xFF3D, JC_CLOSING_BRACKET},   /* ］ */
    {0xFF5B, JC_OPENING_BRACKET},   /* ｛ */
    {0xFF5D, JC_CLOSING_BRACKET},   /* ｝ */
    {0xFF5E, JC_HYPHEN},            /* ～ (stands in for 〜 in many texts) */
    {0xFF5F, JC_OPENING_BRACKET},   /* ｟ */
    {0xFF60, JC_CLOSING_BRACKET},   /* ｠ */
    {0xFFE0, JC_POSTFIXED_ABBREV},  /* ￠ */
    {0xFFE1, JC_PREFIXED_ABBREV},   /* ￡ */
    {0xFFE5, JC_PREFIXED_ABBREV},   /* ￥ */
};

/* Ranges, consulted when a code point is not in SINGLES.  Sorted, disjoint. */
static const range_class RANGES[] = {
    {0x0009, 0x0009, JC_WESTERN_SPACE},
    {0x0020, 0x0020, JC_WESTERN_SPACE},
    {0x0030, 0x0039, JC_DIGIT},
    {0x00A0, 0x00A0, JC_WESTERN_SPACE},
    {0x2000, 0x200A, JC_WESTERN_SPACE},
    {0x202F, 0x202F, JC_WESTERN_SPACE},
    {0x205F, 0x205F, JC_WESTERN_SPACE},
    {0x3033, 0x3035, JC_INSEPARABLE},   /* 〳〴〵 */
    {0x3041, 0x309F, JC_HIRAGANA},
    {0x30A0, 0x30FF, JC_KATAKANA},
    {0x31F0, 0x31FF, JC_SMALL_KANA},    /* ㇰ-ㇿ */
    {0xFF10, 0xFF19, JC_FULLWIDTH_DIGIT},
    {0xFF21, 0xFF3A, JC_FULLWIDTH_LATIN},
    {0xFF41, 0xFF5A, JC_FULLWIDTH_LATIN},
    {0xFF66, 0xFF66, JC_KATAKANA},
    {0xFF67, 0xFF6F, JC_SMALL_KANA},    /* half-width ｧ-ｯ */
    {0xFF70, 0xFF70, JC_PROLONGED_SOUND},
    {0xFF71, 0xFF9F, JC_KATAKANA},
};

/* East Asian Wide and Fullwidth ranges, plus the Ambiguous characters a
 * Japanese font sets full-width (quotes, dashes, ①, Ⅰ, ※, arrows, shapes). */
static const range_class WIDE[] = {
    {0x00A7, 0x00A8, 0}, {0x00B0, 0x00B1, 0}, {0x00B4, 0x00B4, 0},
    {0x00B6, 0x00B6, 0}, {0x00D7, 0x00D7, 0}, {0x00F7, 0x00F7, 0},
    {0x1100, 0x115F, 0}, {0x2010, 0x2010, 0}, {0x2013, 0x2016, 0},
    {0x2018, 0x2019, 0}, {0x201C, 0x201D, 0}, {0x2020, 0x2022, 0},
    {0x2025, 0x2027, 0}, {0x2030, 0x2030, 0}, {0x2032, 0x2033, 0},
    {0x203B, 0x203C, 0}, {0x2047, 0x2049, 0}, {0x2103, 0x2103, 0},
    {0x2116, 0x2116, 0}, {0x2121, 0x2122, 0}, {0x2150, 0x218F, 0},
    {0x2190, 0x22FF, 0}, {0x2312, 0x2312, 0}, {0x2460, 0x24FF, 0},
    {0x2500, 0x257F, 0}, {0x25A0, 0x27BF, 0}, {0x2E80, 0x303E, 0},
    {0x3041, 0x33FF, 0}, {0x3400, 0x4DBF, 0}, {0x4E00, 0x9FFF, 0},
    {0xA000, 0xA4CF, 0}, {0xAC00, 0xD7A3, 0}, {0xF900, 0xFAFF, 0},
    {0xFE10, 0xFE19, 0}, {0xFE30, 0xFE4F, 0}, {0xFF01, 0xFF60, 0},
    {0xFFE0, 0xFFE6, 0}, {0x1B000, 0x1B16F, 0}, {0x1F200, 0x1F2FF, 0},
    {0x20000, 0x2FFFD, 0}, {0x30000, 0x3FFFD, 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Binary search of a sorted range table; returns the entry or NULL. */
static const range_class *find_range(const range_class *t, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < t[mid].lo)
            hi = mid;
        else if (cp > t[mid].hi)
            lo = mid + 1;
        else
            return &t[mid];
    }
    return NULL;
}

/* Binary search of SINGLES; returns the entry or NULL. */
static const cp_class *find_single(uint32_t cp)
{
    size_t lo = 0, hi = COUNT(SINGLES);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < SINGLES[mid].cp)
            hi = mid;
        else if (cp > SINGLES[mid].cp)
            lo = mid + 1;
        else
            return &SINGLES[mid];
    }
    return NULL;
}

bool jp_rules_wide(uint32_t cp)
{
    return find_range(WIDE, COUNT(WIDE), cp) != NULL;
}

/* JLREQ Appendix A.  Everything wide that no table names is cl-19
 * (ideographic characters and full-width symbols such as ①⑴Ⅰ※〒); the
 * rest is western text (cl-27). */
jp_class jp_rules_class(uint32_t cp)
{
    const cp_class *s = find_single(cp);
    if (s)
        return s->cls;
    const range_class *r = find_range(RANGES, COUNT(RANGES), cp);
    if (r)
        return r->cls;
    return jp_rules_wide(cp) ? JC_IDEOGRAPHIC : JC_WESTERN;
}
