/* layout.h — layout rules: everything about how the document looks, read
 * from layouts/NAME.yaml by layout_load.c.  Composes the page geometry
 * (page_geometry.h), the styles of blocks, furniture, change marks,
 * imposition and page labels (layout_styles.h) and the JLREQ rules the
 * line breaker reads (jlreq_rules.h), with fonts per role and the body.
 * Lengths are in PDF points; "em" fields are in units of the body size. */
#ifndef KUMIHAN_LAYOUT_H
#define KUMIHAN_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "doc.h"
#include "jlreq_rules.h"
#include "layout_styles.h"
#include "page_geometry.h"
#include "rgb_color.h"

#define LAYOUT_MAX_FALLBACKS 4

/* A font role, e.g. "mincho" -> fonts/BIZUDMincho-Regular.ttf. */
typedef struct layout_font {
    char *name;
    char *path;                  /* resolved against the layout file's folder */
    src_loc loc;
    int fallbacks[LAYOUT_MAX_FALLBACKS];  /* other roles tried for a missing glyph */
    int n_fallbacks;
} layout_font;

typedef struct layout {
    char *path;                  /* owned; loc.file strings point here */
    page_geometry page;          /* the "page" section */
    layout_derived derived;      /* measure, pitch, type area corner: set by layout_load */

    layout_font *fonts;
    size_t n_fonts;

    int body_font;
    float body_size_pt;
    float line_pitch_factor;     /* YAML body: line_pitch, a multiple of body size */
    rgb_color body_color;

    block_style styles[BK__COUNT];  /* indexed by block_kind; BK_DOCUMENT = title page title */
    block_style organization;    /* the organisation line on the title page */

    /* the "(新)" mark */
    char *new_mark_text;
    int new_mark_font;
    rgb_color new_mark_color;

    /* the font of a **…** run in a text (default: the body font) */
    int emphasis_font;

    page_furniture header, footer;
    typeset_rules rules;

    int widow_lines, orphan_lines;   /* min lines of a paragraph at page top / bottom */
    bool keep_list_end;              /* a list's last item never stands alone atop a page */

    change_style changes;
    imposition_rules imposition;
    toc_rules toc;
    table_style table;               /* blocks: table's rules and spacing */
    page_label_rule *page_labels;    /* sorted by first page; none: readers number 1, 2, … */
    size_t n_page_labels;
} layout;

/* Reads and validates a layout file.  On failure returns NULL with
 * diagnostics (unknown keys with suggestions, wrong types, ranges). */
layout *layout_load(const char *path, diag_list *dl);
/* Same, from bytes in memory (the fuzzer); name stands for the path, and
 * font paths resolve against its folder. */
layout *layout_load_buffer(const char *name, const char *data, size_t len, diag_list *dl);
void layout_free(layout *lay);

/* Index of the font role with that name, or -1. */
int layout_font_index(const layout *lay, const char *name);

#endif
