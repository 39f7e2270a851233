/* cjk_compat.h — the standard form of a CJK compatibility ideograph (a
 * character from a legacy encoding that Unicode keeps only for round trips:
 * U+F900-FAFF, U+2F800-2FA1F), for suggesting a character the font has. */
#ifndef KUMIHAN_CJK_COMPAT_H
#define KUMIHAN_CJK_COMPAT_H

#include <stdint.h>

/* cp's standard (normalized) form, or 0 if cp is not a compatibility ideograph. */
uint32_t cjk_standard_form(uint32_t cp);

#endif
