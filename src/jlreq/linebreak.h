/* linebreak.h — setting one paragraph into lines by the JLREQ rules:
 * break opportunities, line-start/line-end prohibitions (kinsoku),
 * unbreakable western runs, punctuation spacing (約物の詰め), Japanese–
 * western spacing (和欧間), justification (行の調整: shrink, then expand,
 * 追い込み / 追い出し) and optional hanging punctuation (ぶら下げ).
 *
 * Pure computation: characters arrive with their natural advances already
 * measured (compose.c asks fonts.c), lines leave with each glyph's x
 * position.  No fonts, no PDF, no allocation outside lb_result. */
#ifndef KUMIHAN_LINEBREAK_H
#define KUMIHAN_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jlreq_rules.h"
#include "rgb_color.h"

/* Per-character flags. */
enum {
    LB_NO_BREAK_BEFORE = 1u << 0,  /* glue to the previous character (e.g. inside the (新) mark) */
    LB_NO_COMPRESS = 1u << 1,      /* glyph does not follow the half-em punctuation convention */
    LB_BREAK_BEFORE = 1u << 2,     /* a ZERO WIDTH SPACE stood before it: a break opportunity */
    LB_SOFT_HYPHEN = 1u << 3,      /* a SOFT HYPHEN: no width inside a line; ending a line, it shows
                                    * as the hyphen cp with its advance */
    LB_URL = 1u << 4               /* part of a URL or e-mail address (breaks at / . ? & = @) */
};

/* One character to set. */
typedef struct lb_char {
    uint32_t cp;
    uint32_t vs;          /* variation selector drawn with cp (an IVS or standardized
                           * variant the font has), 0 if none: one unit with cp */
    uint32_t link;        /* 1 + byte offset of the URL it belongs to in the caller's text, 0: none */
    uint16_t font;        /* font role index, carried through to the glyph */
    uint16_t flags;
    rgb_color color;
    float size;           /* pt */
    float advance;        /* natural advance, pt */
    uint32_t source;      /* caller's index, carried through to the glyph unchanged (compose.c: the
                           * byte offset in the paragraph's string of label, (新) mark and text) */
} lb_char;

/* One placed glyph. */
typedef struct lb_glyph {
    uint32_t cp;
    uint32_t vs;
    uint32_t link;
    uint16_t font;
    rgb_color color;
    float size;
    float x;              /* left edge of the glyph's advance box, from the line start, pt */
    float width;          /* the advance it was given after spacing and compression, pt */
    uint32_t source;
} lb_glyph;

/* Why a line ended where it did (for dumps and tests). */
typedef enum lb_break_reason {
    LB_END_OF_PARAGRAPH,
    LB_FULL,              /* normal break at an opportunity */
    LB_PUSHED_OUT,        /* 追い出し: a character moved to the next line */
    LB_PUSHED_IN,         /* 追い込み: a character pulled back by shrinking */
    LB_HANGING,           /* ぶら下げ: 、。 hangs beyond the measure */
    LB_EMERGENCY          /* a unit wider than the line cut after its last character that fits */
} lb_break_reason;

typedef struct lb_line {
    size_t first, count;  /* glyph range in lb_result.glyphs */
    float width;          /* set width: measure for justified lines */
    float natural_width;  /* width before justification */
    float indent;         /* extra indent of this line (first line) */
    bool justified;
    lb_break_reason reason;
} lb_line;

typedef struct lb_result {
    lb_glyph *glyphs;
    size_t n_glyphs, cap_glyphs;
    lb_line *lines;
    size_t n_lines, cap_lines;
} lb_result;

typedef struct lb_params {
    float measure;          /* available width, pt */
    float first_indent;     /* extra indent of the first line, pt */
    float em;               /* the paragraph's em (body size), pt: unit of the rules */
    typeset_rules rules;
    bool justify_last;      /* also justify the last line (normally ragged) */
} lb_params;

/* LB_TOO_WIDE: a unit wider than the line was cut by an emergency break
 * (the lines are set all the same); out of memory aborts (xalloc.h). */
typedef enum lb_status { LB_OK = 0, LB_TOO_WIDE } lb_status;

void lb_result_init(lb_result *r);
void lb_result_clear(lb_result *r);   /* empties, keeps memory */
void lb_result_free(lb_result *r);

/* Sets text[0..n) into lines appended to out.  On LB_TOO_WIDE, *bad_index
 * is the index of the first character of the first unit that could not fit
 * even on an empty line (an unbreakable western run longer than the
 * measure): it is cut after its last character that fits (LB_EMERGENCY),
 * ignoring kinsoku, and every line is still set. */
lb_status lb_set_paragraph(const lb_char *text, size_t n, const lb_params *p,
                           lb_result *out, size_t *bad_index);

const char *lb_break_reason_name(lb_break_reason r);

/* JLREQ 3.1.7: whether cp may not start a line at this kinsoku level (the
 * one statement of the rule; tests and fuzzers check the breaker by it). */
bool lb_no_line_start(uint32_t cp, kinsoku_level level);

#endif
