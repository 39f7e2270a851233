/* figure_fit.c — scaling an image into the measure and onto the line grid
 * (figure_fit.h). */
#include "figure_fit.h"

#include <math.h>

#include "epsilon.h"

/* n grid lines are this tall: n pitches less the leading below the last. */
static float lines_height(int n, float pitch, float body)
{
    return (float)n * pitch - (pitch - body);
}

figure_box figure_fit(int px_w, int px_h, image_width width, float max_height, float measure, int room_lines,
                      float pitch, float body_size)
{
    float w = width.pt > 0 ? width.pt : width.frac > 0 ? width.frac * measure : measure;
    if (w > measure)
        w = measure;
    float ratio = (float)px_h / (float)px_w;
    float h = w * ratio;
    float limit = lines_height(room_lines < 1 ? 1 : room_lines, pitch, body_size);
    if (max_height > 0 && max_height < limit)
        limit = max_height;
    if (h > limit) {
        h = limit;
        w = h / ratio;
    }
    int lines = (int)ceilf((h + (pitch - body_size)) / pitch - EPSILON);
    if (lines < 1)
        lines = 1;
    return (figure_box){w, h, lines, lines_height(lines, pitch, body_size)};
}
