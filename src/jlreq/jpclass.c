/* jpclass.c — the JLREQ character classes (JLREQ Appendix A) and the East
 * Asian width test, looked up in a static two-level table that the build
 * generates from the rules of jpclass_rules.c (tools/gen_jpclass_table.c):
 * no start-up cost, one or two loads a character. */
#include "jpclass.h"

#include <stddef.h>

/* Generated (jpclass_table.c in the build directory): for each block of
 * 256 code points, the index of its cell row; each cell is the class in
 * the low seven bits and JP_CELL_WIDE for East Asian wide. */
#define JP_N_BLOCKS 0x1100u
#define JP_CELL_WIDE 0x80u
extern const unsigned char JP_CLASS_BLOCK[JP_N_BLOCKS];
extern const unsigned char JP_CLASS_CELLS[][256];

static unsigned cell_of(uint32_t cp)
{
    if (cp >= JP_N_BLOCKS * 256u)
        return JC_WESTERN;   /* beyond Unicode: what the rules give too */
    return JP_CLASS_CELLS[JP_CLASS_BLOCK[cp >> 8]][cp & 0xFFu];
}

jp_class jp_class_of(uint32_t cp)
{
    return (jp_class)(cell_of(cp) & ~JP_CELL_WIDE);
}

bool jp_is_wide(uint32_t cp)
{
    return (cell_of(cp) & JP_CELL_WIDE) != 0;
}

bool jp_is_opening(uint32_t cp)
{
    return jp_class_of(cp) == JC_OPENING_BRACKET;
}

bool jp_is_closing(uint32_t cp)
{
    jp_class c = jp_class_of(cp);
    return c == JC_CLOSING_BRACKET || c == JC_FULL_STOP || c == JC_COMMA;
}

bool jp_is_middle_dot(uint32_t cp)
{
    return jp_class_of(cp) == JC_MIDDLE_DOT;
}

/* JLREQ 3.1.10: letters and digits of a western word or number, half- or
 * full-width, never broken (half-width punctuation inside such runs, as in
 * 1,000 or 3.5, is cl-27 too). */
bool jp_is_western_run(uint32_t cp)
{
    switch (jp_class_of(cp)) {
    case JC_WESTERN:
    case JC_DIGIT:
    case JC_FULLWIDTH_DIGIT:
    case JC_FULLWIDTH_LATIN:
        return true;
    default:
        return false;
    }
}
