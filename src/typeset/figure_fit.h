/* figure_fit.h — an image's size on the page: the width the layout asks
 * (a length, or a share of the measure; the whole measure by default),
 * the height from the image's aspect ratio, scaled down (never up past
 * the layout's width) so that it is never wider than the measure nor
 * taller than max_height or the room the page leaves; and the whole
 * number of grid lines it occupies, so that the text after it stays on
 * the line grid. */
#ifndef KUMIHAN_FIGURE_FIT_H
#define KUMIHAN_FIGURE_FIT_H

#include "layout_styles.h"

typedef struct figure_box {
    float w, h;     /* the image, pt */
    int lines;      /* grid lines it occupies */
    float box_h;    /* the height of those lines (from the first's em-box top to the last's bottom) */
} figure_box;

/* px_w × px_h pixels; room_lines: the most lines it may take (the page's
 * lines less what must stay with it, e.g. its caption); max_height 0: no
 * limit but the room. */
figure_box figure_fit(int px_w, int px_h, image_width width, float max_height, float measure, int room_lines,
                      float pitch, float body_size);

#endif
