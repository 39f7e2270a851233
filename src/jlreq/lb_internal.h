/* lb_internal.h — what the parts of the line breaker share (not public):
 * break opportunities (lb_break.c), the spacing model of characters and
 * the gaps between them (lb_space.c), and setting one chosen line
 * (lb_justify.c).  linebreak.c chooses the lines. */
#ifndef KUMIHAN_LB_INTERNAL_H
#define KUMIHAN_LB_INTERNAL_H

#include "epsilon.h"
#include "linebreak.h"

/* The paragraph being set. */
typedef struct lb_ctx {
    const lb_char *text;
    size_t n;
    const lb_params *p;
} lb_ctx;

/* --- lb_break.c: JLREQ 3.1.7-3.1.10 -------------------------------- */

/* A breakable western space (U+0020 and friends; not NBSP, not U+3000):
 * dropped at line start and line end. */
bool lb_is_space(uint32_t cp);
/* A combining mark or variation selector: belongs to the previous char. */
bool lb_is_combining(uint32_t cp);
/* May a line end between text[i] and text[i+1]?  (i + 1 < n) */
bool lb_can_break_after(const lb_ctx *c, size_t i);

/* --- lb_space.c: JLREQ 3.1.4-3.1.6 (約物), 和欧間 ------------------- */

/* Which half-em convention a glyph follows. */
typedef enum lb_punct_kind { PK_NONE, PK_OPEN, PK_CLOSE, PK_MIDDLE } lb_punct_kind;

/* A character's advance split into the empty space before its ink (lead),
 * the ink (core) and the empty space after it (trail). */
typedef struct lb_box {
    double lead, core, trail;
    lb_punct_kind kind;
    bool full_stop;      /* cl-06: its space is not reduced inside a line */
} lb_box;

/* How a gap may shrink, in the order shrinking uses them (JLREQ 3.8.3). */
typedef enum lb_shrink {
    SHRINK_NONE,
    SHRINK_LINE_END,     /* the trailing half of a line-end 」、。 */
    SHRINK_SPACE,        /* western inter-word space */
    SHRINK_WAOU,         /* 和欧間 down to wa_ou_space_min */
    SHRINK_MIDDLE_DOT,   /* quarter-em spaces of ・：； */
    SHRINK_PUNCT,        /* half-em spaces of brackets and commas */
    SHRINK__COUNT
} lb_shrink;

/* How a gap may grow (JLREQ 3.8.4), in the order expansion uses them. */
typedef enum lb_grow { GROW_NONE, GROW_WAOU, GROW_JAPANESE, GROW_SPACE, GROW__COUNT } lb_grow;

/* The space between two adjacent characters of a line. */
typedef struct lb_gap {
    double nat, min;
    lb_shrink shrink;
    lb_grow grow;
} lb_gap;

void lb_box_of(const lb_ctx *c, size_t i, lb_box *b);
/* The lead kept when text[i] starts a line (天付き: opening brackets 0). */
double lb_line_start_lead(const lb_box *b);
void lb_gap_after(const lb_ctx *c, size_t i, lb_gap *g);

/* --- lb_justify.c: JLREQ 3.8 line adjustment ----------------------- */

/* One chosen line: text[first..last] (no leading or trailing spaces). */
typedef struct lb_span {
    size_t first, last;
    double indent;       /* x of the line's start (first_indent on line 1) */
    double avail;        /* measure minus indent */
    bool hang;           /* text[last] hangs beyond the measure (ぶら下げ) */
    bool expand;         /* justify: grow to the measure if short */
    lb_break_reason reason;
} lb_span;

void lb_emit_line(const lb_ctx *c, const lb_span *s, lb_result *out);

#endif
