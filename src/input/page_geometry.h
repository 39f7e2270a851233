/* page_geometry.h — the page a layout sets on: paper, the type area as a
 * grid of characters × lines, its shift from centred, and the values
 * layout_load derives from them and the body size (measure, line pitch,
 * type area corner).  Lengths in PDF points. */
#ifndef KUMIHAN_PAGE_GEOMETRY_H
#define KUMIHAN_PAGE_GEOMETRY_H

typedef struct page_geometry {
    float paper_width, paper_height;   /* pt */
    int chars_per_line;          /* type area width = chars × body size */
    int lines_per_page;          /* type area height = lines × pitch − (pitch − size) */
    float shift_x, shift_y;      /* offset of the type area from centred, pt */
} page_geometry;

/* Computed once by layout_load (derive_geometry in layout_load.c) from the
 * geometry, the body size and the line pitch factor; read-only after. */
typedef struct layout_derived {
    float measure;               /* type area width, pt */
    float pitch_pt;              /* body line pitch, pt (= line_pitch_factor × body size) */
    float area_left, area_top;   /* type area corner, PDF coords (top = y of its top edge) */
    float area_height;           /* pt */
} layout_derived;

#endif
