/* rgb_color.h — the one colour value every stage carries, apart so the
 * line breaker can pass colours through without the layout.  A 32-bit
 * value whose top four bits say its colour space, so that the old
 * 0xRRGGBB values keep their meaning (space 0) and colours compare and
 * hash as plain integers:
 *   0x0RRGGBB          RGB, 8 bits a channel ("#1f4e79")
 *   0x1000LLL          gray, LLL = level 0 (black) … 1000 (white) ("gray(0.8)")
 *   0x2 cc mm yy kk    CMYK, 7 bits a channel in whole percent 0 … 100
 *                      ("cmyk(1, 0.6, 0, 0.4)"), as print shops give tints
 * The name is historical: RGB was the only space once.  The conversions
 * each output needs are here too, one formula each (layouts/README.md). */
#ifndef KUMIHAN_RGB_COLOR_H
#define KUMIHAN_RGB_COLOR_H

#include <stdint.h>

typedef uint32_t rgb_color;

typedef enum color_space { COLOR_RGB = 0, COLOR_GRAY = 1, COLOR_CMYK = 2 } color_space;

/* gray(level): 0 black … 1 white, kept to 1/1000. */
rgb_color color_gray(double level);

/* cmyk(c, m, y, k): each 0 … 1, kept to whole percent. */
rgb_color color_cmyk(double c, double m, double y, double k);

color_space color_space_of(rgb_color c);

/* The colour for the reading PDF's DeviceRGB, each channel 0 … 1: RGB as
 * given (channel / 255, unchanged from before gray and CMYK existed), gray
 * as r = g = b = level, CMYK by the naive formula r = (1 − c)(1 − k) … */
void color_to_rgb(rgb_color c, double rgb[3]);

/* The colour for the print PDF's DeviceGray, 0 black … 1 white: gray as
 * given, an RGB with r = g = b as that level (so black is exactly 0), any
 * other RGB (and CMYK through color_to_rgb) as its ITU-R BT.601 luma
 * 0.299 r + 0.587 g + 0.114 b of the encoded values. */
double color_to_gray(rgb_color c);

#endif
