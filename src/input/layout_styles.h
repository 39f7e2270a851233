/* layout_styles.h — how each thing on the page is set: block styles per
 * block kind (size, numbering, indents, heading decoration, page breaks),
 * the running header and footer, change marks, imposition for the print
 * shop and PDF page labels.  Lengths in PDF points (_pt), em of the body
 * size (_em), or body lines (_lines), as each name says. */
#ifndef KUMIHAN_LAYOUT_STYLES_H
#define KUMIHAN_LAYOUT_STYLES_H

#include <stdbool.h>
#include "diag.h"
#include "numbering.h"
#include "rgb_color.h"

typedef enum text_align { ALIGN_START, ALIGN_CENTER, ALIGN_END, ALIGN_OUTSIDE } text_align;

typedef enum page_break_rule {
    BREAK_NONE,
    BREAK_BEFORE,               /* every block of the kind starts a new page */
    BREAK_BEFORE_EXCEPT_FIRST   /* … except the first, which follows the title matter */
} page_break_rule;

/* How a letter's date is printed: 2023年5月10日, 令和5年5月10日, 2023-05-10. */
typedef enum date_calendar { CAL_WESTERN, CAL_WAREKI, CAL_ISO } date_calendar;
/* Where an image's companion goes: a caption above or below its figure; a
 * logo above the title, below the organisation line, or at the foot of
 * the cover. */
typedef enum place_rule { PLACE_DEFAULT, PLACE_ABOVE, PLACE_BELOW, PLACE_BOTTOM } place_rule;

/* An image's width: a length, or a fraction of the measure (0 and 0: the measure). */
typedef struct image_width {
    float pt;
    float frac;
} image_width;

typedef enum decor_kind { DECOR_NONE, DECOR_BAND, DECOR_BOX, DECOR_LEFT_RULE, DECOR_UNDERLINE } decor_kind;

/* How one kind of block is set. */
typedef struct block_style {
    bool present;                /* the layout defines this kind */
    int font;                    /* index into layout.fonts */
    float size_pt;
    rgb_color color;
    /* numbering */
    num_style numbering;
    char *number_format;         /* "{n}．", "{n}）"; NULL = "{n}" */
    char *marker;                /* fixed marker for NUM_MARKER (e.g. "・") */
    text_align number_align;     /* START, or END to right-align labels */
    float indent_em;             /* marker position relative to the parent block's marker */
    float marker_width_em;       /* box for the marker; 0 = widest label + gap */
    float marker_gap_em;         /* between the marker box and the text */
    src_loc marker_width_loc;    /* where marker_width (else the style) is written: a marker box
                                  * that cannot be widened enough is reported there */
    float first_line_indent_em;  /* paragraphs (字下げ) */
    /* vertical space, in body lines */
    float lines;                 /* a heading occupies this many body lines (0: its text's lines) */
    float space_before_lines, space_after_lines;
    text_align align;            /* text alignment inside the line (titles) */
    /* decoration */
    decor_kind decor;
    rgb_color decor_color;
    float rule_width_pt;         /* for rules and boxes */
    /* pagination */
    page_break_rule page_break;
    bool keep_with_next;         /* headings: never the last thing on a page */
    bool bookmark;               /* appears in the PDF outline */
    date_calendar calendar;      /* blocks: date: how the date is written */
    /* images: figure and logo (scaled down to the measure and the type area) */
    image_width width;
    float max_height_pt;         /* 0: the type area */
    place_rule position;         /* caption: above/below its figure; logo: above/below/bottom */
} block_style;

/* The table of contents (toc.c): set after the title matter from the
 * headings down to `levels` (1 parts, 2 and sections), each entry's page
 * number right-aligned after a leader. */
typedef struct toc_rules {
    bool enabled;
    char *title;                 /* owned: 目次 */
    int levels;
    char *leader;                /* owned: the leader's unit, repeated: … */
    int font, title_font;
    float size_pt, title_size_pt;
    float indent_em;             /* each level below parts */
    bool page_break_after;       /* the body starts on a new page */
} toc_rules;
/* How a table is ruled and spaced (blocks: table, besides its style's
 * font, size, colour, align and spaces: the caption's type and the
 * table's alignment).  Its cells' type is blocks: table_header and
 * blocks: table_cell. */
typedef enum caption_side { CAPTION_ABOVE, CAPTION_BELOW } caption_side;

typedef struct table_style {
    float cell_padding_em;       /* between a cell's rules and its text, left and right */
    float row_padding_em;        /* the least space above and below a row's text */
    float frame_width_pt;        /* the outer frame; 0: none */
    float header_rule_pt;        /* the rule under the header row */
    float row_rule_pt;           /* between body rows; 0: none */
    float column_rule_pt;        /* between columns; 0: none */
    rgb_color rule_color;
    rgb_color header_background;
    bool header_fill;            /* header_background was given (else no fill) */
    text_align caption_align;
    caption_side caption_position;
    bool full_width;             /* the table fills the measure (else its natural width, if less) */
    char *continued;             /* a caption above the table is set again on a continuation page,
                                  * with this after it (（続き）); NULL: not repeated */
} table_style;

typedef struct page_furniture {
    bool present;
    char *text;                  /* template: {part} {page} {pages} */
    src_loc text_loc;            /* where text (else the section) is written */
    int font;
    float size_pt;
    rgb_color color;
    text_align align;
    float rule_width_pt;         /* 0 = no rule */
    float offset_pt;             /* between type area and the baseline */
    bool on_first_page;
} page_furniture;

/* How `build --compare` marks what changed (the "changes" section). */
typedef struct change_style {
    rgb_color insert_color;      /* inserted text and its underline */
    rgb_color delete_color;      /* deleted text and the line striking it */
    rgb_color bar_color;         /* the change bar in the outer margin */
    float bar_width;             /* pt */
    float bar_offset;            /* pt between the type area and the bar */
    float line_width;            /* pt, underlines and strike-through lines */
} change_style;

/* Imposition for the print shop (impose.c): how pages are laid onto
 * sheets.  The layout gives the defaults; --impose chooses the method. */
typedef enum impose_method { IMPOSE_NONE, IMPOSE_SADDLE, IMPOSE_2UP, IMPOSE_SINGLE } impose_method;
/* Where the blank pages that make a saddle-stitched page count a multiple
 * of 4 go: before the back cover (the last page, when the content says
 * back_cover: true), or after it. */
typedef enum impose_pad { PAD_BEFORE_LAST, PAD_END } impose_pad;

typedef struct imposition_rules {
    impose_method method;
    impose_pad pad;
    bool crop_marks;             /* corner, centre and fold marks (トンボ) in a slug round the pages */
    bool double_marks;           /* Japanese-style corner marks: a pair, at the trim and at the bleed */
    float slug;                  /* pt added on each side of the sheet when crop_marks */
    float bleed;                 /* pt (塗り足し): fills that touch the trim go on this far */
    float creep;                 /* pt per sheet, inner sheets' pages toward the spine */
    src_loc creep_loc;           /* where creep is written: too much creep is reported there */
    float sheet_width, sheet_height;  /* landscape sheet, pt; 0 = two pages side by side */
} imposition_rules;

/* A PDF page label range: from page `first` (1-based) on, pages are
 * labelled prefix + number in style (or the prefix alone for LABEL_NONE),
 * counting from `start`.  Readers show these instead of the page index. */
typedef enum label_style { LABEL_DECIMAL, LABEL_ROMAN_UPPER, LABEL_ROMAN_LOWER, LABEL_NONE } label_style;

typedef struct page_label_rule {
    int first;
    label_style style;
    char *prefix;                /* owned, may be NULL */
    int start;
} page_label_rule;

#endif
