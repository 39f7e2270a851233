/* layout_fields.h — what a layout file may say, as tables: every settable
 * field of a section (key, type, where it goes, range), the names each
 * choice accepts, the block styles under 'blocks', the keys read outside
 * the tables (paper, sheet, fonts, page labels) and the top-level
 * sections.  layout_load.c reads a layout by these tables and `kumihan
 * schema layout` writes the JSON Schema of layout files from them
 * (schema_write.c), so the two cannot drift. */
#ifndef KUMIHAN_LAYOUT_FIELDS_H
#define KUMIHAN_LAYOUT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"

typedef enum field_type {
    F_FONT,      /* font role name -> int index */
    F_LENGTH,    /* float pt */
    F_EM,        /* float, em of the body size */
    F_NUMBER,    /* float, plain */
    F_INT,       /* int */
    F_COLOR,     /* rgb_color */
    F_BOOL,      /* bool */
    F_TEXT,      /* char * (owned) */
    F_FORMAT,    /* char * (owned), a number format: {n} */
    F_TEMPLATE,  /* char * (owned), header or footer text: {page} {pages} {part} */
    F_ALIGN,     /* text_align */
    F_NUMBERING, /* num_style */
    F_DECOR,     /* decor_kind */
    F_KINSOKU,   /* kinsoku_level */
    F_BREAK,     /* page_break_rule */
    F_IMPOSE,    /* impose_method */
    F_PAD,       /* impose_pad */
    F_CALENDAR,  /* date_calendar */
    F_WIDTH,     /* image_width: "60%" or a length */
    F_PLACE,     /* place_rule */
    F_SIDE       /* caption_side */
} field_type;

typedef struct field {
    const char *key;
    field_type type;
    size_t offset;
    float min, max;
} field;

/* Every table ends with a row whose key is NULL. */
#define END_FIELDS {NULL, 0, 0, 0, 0}

extern const field style_fields[];
extern const field furniture_fields[];
extern const field typesetting_fields[];
extern const field new_mark_fields[];
extern const field emphasis_fields[];
extern const field body_fields[];
extern const field pagination_fields[];
extern const field changes_fields[];
extern const field imposition_fields[];
extern const field page_fields[];
extern const field toc_fields[];
/* blocks: table reads style_fields and these (layout_load.c read_table_style) */
extern const field table_fields[];

/* The names of each choice, NULL-terminated, in the order of its enum. */
extern const char *const label_style_names[];
extern const char *const align_names[];
extern const char *const decor_names[];
extern const char *const kinsoku_names[];
extern const char *const break_names[];
extern const char *const impose_names[];
extern const char *const pad_names[];
extern const char *const calendar_names[];
extern const char *const place_names[];
extern const char *const side_names[];

/* Where a style under "blocks" lives in the layout: the style of a block
 * kind, or the organisation line of the title page (no block of its own). */
typedef enum style_slot { SLOT_BLOCK_KIND, SLOT_ORGANIZATION } style_slot;

typedef struct style_key {
    const char *key;
    style_slot slot;
    block_kind kind;   /* SLOT_BLOCK_KIND only */
    bool heading;      /* kept with what follows by default */
} style_key;

/* every block kind but the page break (it sets nothing) and table rows
 * (their cells' style, table_header or table_cell, is all a row has), and
 * the organisation line */
#define N_STYLE_KEYS (BK__COUNT + 1 - 2)
extern const style_key style_keys[N_STYLE_KEYS];

/* Named paper sizes, for page: paper and imposition: sheet (else [w, h]). */
typedef struct paper_size {
    const char *name;
    float width, height;   /* pt, portrait */
} paper_size;
#define N_PAPER_SIZES 5
extern const paper_size paper_sizes[N_PAPER_SIZES];

/* The keys the loader reads outside the field tables, NULL-terminated:
 * page's extra key "paper", imposition's "sheet", a font given as a
 * mapping, one page label. */
extern const char *const page_extra_keys[];
extern const char *const imposition_extra_keys[];
extern const char *const font_keys[];
extern const char *const page_label_keys[];

/* The sections of a layout file, NULL-terminated. */
extern const char *const layout_top_keys[];

#endif
