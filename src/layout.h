/* layout.h — layout rules: everything about how the document looks, read
 * from layouts/NAME.yaml by layout_load.c.  Paper and type area, fonts per
 * role, styles per block kind (size, numbering, indents, heading
 * decoration, page breaks), running header and footer, and the Japanese
 * composition rules (kinsoku, spacing, justification).  Lengths are in
 * PDF points; "em" fields are in units of the body size. */
#ifndef KUMIHAN_LAYOUT_H
#define KUMIHAN_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include "diag.h"
#include "doc.h"
#include "numbering.h"

#define LAYOUT_MAX_FALLBACKS 4

typedef uint32_t rgb_color;   /* 0xRRGGBB */

/* A font role, e.g. "mincho" -> fonts/BIZUDMincho-Regular.ttf. */
typedef struct layout_font {
    char *name;
    char *path;                  /* resolved against the layout file's folder */
    src_loc loc;
    int fallbacks[LAYOUT_MAX_FALLBACKS];  /* other roles tried for a missing glyph */
    int n_fallbacks;
} layout_font;

typedef enum text_align { ALIGN_START, ALIGN_CENTER, ALIGN_END, ALIGN_OUTSIDE } text_align;

/* JLREQ composition rules, switchable per layout. */
typedef enum kinsoku_level { KINSOKU_STRICT, KINSOKU_NORMAL, KINSOKU_LOOSE } kinsoku_level;

typedef struct typeset_rules {
    kinsoku_level kinsoku;       /* strict: small kana and ー may not start a line */
    bool compress_punctuation;   /* 約物の詰め: 」「 、」 pairs lose their half-em gaps */
    bool hanging_punctuation;    /* ぶら下げ of 、。 beyond the measure */
    float wa_ou_space;           /* 和欧間 space, em (e.g. 0.25) */
    float wa_ou_space_min;       /* may shrink to this when justifying (e.g. 0.125) */
    float max_expand;            /* limit of inter-character expansion, em per gap */
    bool justify;                /* full lines end exactly at the measure */
} typeset_rules;

typedef enum page_break_rule {
    BREAK_NONE,
    BREAK_BEFORE,               /* every block of the kind starts a new page */
    BREAK_BEFORE_EXCEPT_FIRST   /* … except the first, which follows the title matter */
} page_break_rule;

typedef enum decor_kind { DECOR_NONE, DECOR_BAND, DECOR_BOX, DECOR_LEFT_RULE, DECOR_UNDERLINE } decor_kind;

/* How one kind of block is set. */
typedef struct block_style {
    bool present;                /* the layout defines this kind */
    int font;                    /* index into layout.fonts */
    float size;                  /* pt */
    rgb_color color;
    /* numbering */
    num_style numbering;
    char *number_format;         /* "{n}．", "{n}）"; NULL = "{n}" */
    char *marker;                /* fixed marker for NUM_MARKER (e.g. "・") */
    text_align number_align;     /* START, or END to right-align labels */
    float indent;                /* em: marker position relative to the parent block's marker */
    float marker_width;          /* em: box for the marker; 0 = widest label + gap */
    float marker_gap;            /* em: between the marker box and the text */
    float first_line_indent;     /* em: paragraphs (字下げ) */
    /* vertical space, in body lines */
    float lines;                 /* a heading occupies this many body lines (0: its text's lines) */
    float space_before, space_after;
    text_align align;            /* text alignment inside the line (titles) */
    /* decoration */
    decor_kind decor;
    rgb_color decor_color;
    float rule_width;            /* pt, for rules and boxes */
    /* pagination */
    page_break_rule page_break;
    bool keep_with_next;         /* headings: never the last thing on a page */
    bool bookmark;               /* appears in the PDF outline */
} block_style;

typedef struct page_furniture {
    bool present;
    char *text;                  /* template: {part} {page} {pages} {title} */
    int font;
    float size;
    rgb_color color;
    text_align align;
    float rule_width;            /* 0 = no rule */
    float offset;                /* pt between type area and the baseline */
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
typedef enum impose_method { IMPOSE_NONE, IMPOSE_SADDLE, IMPOSE_2UP } impose_method;
/* Where the blank pages that make a saddle-stitched page count a multiple
 * of 4 go: before the back cover (the last page), or after it. */
typedef enum impose_pad { PAD_BEFORE_LAST, PAD_END } impose_pad;

typedef struct imposition_rules {
    impose_method method;
    impose_pad pad;
    bool crop_marks;             /* trim and fold marks in a slug round the pages */
    float slug;                  /* pt added on each side of the sheet when crop_marks */
    float creep;                 /* pt per sheet, inner sheets' pages toward the spine */
    float sheet_width, sheet_height;  /* landscape sheet; 0 = two pages side by side */
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

typedef struct layout {
    char *path;                  /* owned; loc.file strings point here */
    float paper_width, paper_height;
    int chars_per_line;          /* type area width = chars × body size */
    int lines_per_page;          /* type area height = lines × pitch − (pitch − size) */
    float shift_x, shift_y;      /* offset of the type area from centred, pt */
    /* derived by layout_load: */
    float measure;               /* type area width, pt */
    float pitch;                 /* body line pitch, pt */
    float area_left, area_top;   /* type area corner, PDF coords (top = y of its top edge) */
    float area_height;

    layout_font *fonts;
    size_t n_fonts;

    int body_font;
    float body_size;
    float line_pitch;            /* multiple of body size */
    rgb_color body_color;

    block_style styles[BK__COUNT];  /* indexed by block_kind; BK_DOCUMENT = title page title */
    block_style organization;    /* the organisation line on the title page */

    /* the "(新)" mark */
    char *new_mark_text;
    int new_mark_font;
    rgb_color new_mark_color;

    page_furniture header, footer;
    typeset_rules rules;

    int widow_lines, orphan_lines;   /* min lines of a paragraph at page top / bottom */
    bool keep_list_end;              /* a list's last item never stands alone atop a page */

    change_style changes;
    imposition_rules imposition;
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
