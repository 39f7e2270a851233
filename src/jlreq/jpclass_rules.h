/* jpclass_rules.h — the JLREQ class rules by table search: the source the
 * build generates jp_class_of()'s static table from, and what the unit
 * test checks that table against.  Everything else asks jpclass.h. */
#ifndef KUMIHAN_JPCLASS_RULES_H
#define KUMIHAN_JPCLASS_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "jpclass.h"

/* The class of cp by binary search of the rule tables (JLREQ Appendix A). */
jp_class jp_rules_class(uint32_t cp);
/* East Asian Wide/Fullwidth (plus the Ambiguous set full-width), by search. */
bool jp_rules_wide(uint32_t cp);

#endif
