/* rgb_color.c — packing gray and CMYK colours into the colour value and
 * converting any of them for the reading (RGB) and print (gray) PDF. */
#include "rgb_color.h"

#include <math.h>

#define SPACE_SHIFT 28
#define GRAY_STEPS 1000.0
#define CMYK_STEPS 100.0

static unsigned steps(double v, double n)
{
    if (!(v > 0))
        return 0;
    return v >= 1 ? (unsigned)n : (unsigned)lround(v * n);
}

rgb_color color_gray(double level)
{
    return (rgb_color)COLOR_GRAY << SPACE_SHIFT | steps(level, GRAY_STEPS);
}

rgb_color color_cmyk(double c, double m, double y, double k)
{
    return (rgb_color)COLOR_CMYK << SPACE_SHIFT | steps(c, CMYK_STEPS) << 21 | steps(m, CMYK_STEPS) << 14 |
           steps(y, CMYK_STEPS) << 7 | steps(k, CMYK_STEPS);
}

color_space color_space_of(rgb_color c)
{
    return (color_space)(c >> SPACE_SHIFT);
}

static double cmyk_channel(rgb_color c, int shift) { return ((c >> shift) & 0x7Fu) / CMYK_STEPS; }

void color_to_rgb(rgb_color c, double rgb[3])
{
    switch (color_space_of(c)) {
    case COLOR_GRAY:
        rgb[0] = rgb[1] = rgb[2] = (c & 0xFFFFu) / GRAY_STEPS;
        return;
    case COLOR_CMYK: {
        double k = 1 - cmyk_channel(c, 0);
        for (int i = 0; i < 3; i++)
            rgb[i] = (1 - cmyk_channel(c, 21 - 7 * i)) * k;
        return;
    }
    case COLOR_RGB:
    default:
        for (int i = 0; i < 3; i++)
            rgb[i] = ((c >> (16 - 8 * i)) & 0xFFu) / 255.0;
    }
}

double color_to_gray(rgb_color c)
{
    if (color_space_of(c) == COLOR_GRAY)
        return (c & 0xFFFFu) / GRAY_STEPS;
    double rgb[3];
    color_to_rgb(c, rgb);
    if (rgb[0] == rgb[1] && rgb[1] == rgb[2])
        return rgb[0];
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
}
