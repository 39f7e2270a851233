/* jlreq_rules.h — the JLREQ composition rules a layout switches on or off
 * (kinsoku, punctuation compression, 和欧間, justification): all the line
 * breaker needs from a layout.  No fonts, no document, no numbering. */
#ifndef KUMIHAN_JLREQ_RULES_H
#define KUMIHAN_JLREQ_RULES_H

#include <stdbool.h>

typedef enum kinsoku_level { KINSOKU_STRICT, KINSOKU_NORMAL, KINSOKU_LOOSE } kinsoku_level;

/* Lengths are in em of the paragraph's size (lb_params.em). */
typedef struct typeset_rules {
    kinsoku_level kinsoku;       /* strict: small kana and ー may not start a line */
    bool compress_punctuation;   /* 約物の詰め: 」「 、」 pairs lose their half-em gaps */
    bool hanging_punctuation;    /* ぶら下げ of 、。 beyond the measure */
    float wa_ou_space_em;        /* 和欧間 space (e.g. 0.25) */
    float wa_ou_space_min_em;    /* may shrink to this when justifying (e.g. 0.125) */
    float max_expand_em;         /* limit of inter-character expansion per gap */
    bool justify;                /* full lines end exactly at the measure */
} typeset_rules;

#endif
