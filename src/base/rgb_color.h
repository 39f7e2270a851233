/* rgb_color.h — the one colour type every stage carries (0xRRGGBB), apart
 * so the line breaker can pass colours through without the layout. */
#ifndef KUMIHAN_RGB_COLOR_H
#define KUMIHAN_RGB_COLOR_H

#include <stdint.h>

typedef uint32_t rgb_color;   /* 0xRRGGBB */

#endif
