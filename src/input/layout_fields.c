/* layout_fields.c — the tables of layout_fields.h: every key a layout file
 * may hold, written once. */
#include "layout_fields.h"

#include "layout.h"

const field style_fields[] = {
    {"font", F_FONT, offsetof(block_style, font), 0, 0},
    {"size", F_LENGTH, offsetof(block_style, size_pt), 1, 200},
    {"color", F_COLOR, offsetof(block_style, color), 0, 0},
    {"numbering", F_NUMBERING, offsetof(block_style, numbering), 0, 0},
    {"format", F_FORMAT, offsetof(block_style, number_format), 0, 0},
    {"marker", F_TEXT, offsetof(block_style, marker), 0, 0},
    {"number_align", F_ALIGN, offsetof(block_style, number_align), 0, 0},
    {"indent", F_EM, offsetof(block_style, indent_em), 0, 40},
    {"marker_width", F_EM, offsetof(block_style, marker_width_em), 0, 20},
    {"marker_gap", F_EM, offsetof(block_style, marker_gap_em), 0, 10},
    {"first_line_indent", F_EM, offsetof(block_style, first_line_indent_em), 0, 10},
    {"lines", F_NUMBER, offsetof(block_style, lines), 0, 20},
    {"space_before", F_NUMBER, offsetof(block_style, space_before_lines), 0, 20},
    {"space_after", F_NUMBER, offsetof(block_style, space_after_lines), 0, 20},
    {"align", F_ALIGN, offsetof(block_style, align), 0, 0},
    {"decoration", F_DECOR, offsetof(block_style, decor), 0, 0},
    {"decoration_color", F_COLOR, offsetof(block_style, decor_color), 0, 0},
    {"rule_width", F_LENGTH, offsetof(block_style, rule_width_pt), 0, 20},
    {"page_break", F_BREAK, offsetof(block_style, page_break), 0, 0},
    {"keep_with_next", F_BOOL, offsetof(block_style, keep_with_next), 0, 0},
    {"bookmark", F_BOOL, offsetof(block_style, bookmark), 0, 0},
    {"calendar", F_CALENDAR, offsetof(block_style, calendar), 0, 0},
    {"width", F_WIDTH, offsetof(block_style, width), 1, 14400},
    {"max_height", F_LENGTH, offsetof(block_style, max_height_pt), 1, 14400},
    {"position", F_PLACE, offsetof(block_style, position), 0, 0},
    END_FIELDS,
};

const field furniture_fields[] = {
    {"text", F_TEMPLATE, offsetof(page_furniture, text), 0, 0},
    {"font", F_FONT, offsetof(page_furniture, font), 0, 0},
    {"size", F_LENGTH, offsetof(page_furniture, size_pt), 1, 100},
    {"color", F_COLOR, offsetof(page_furniture, color), 0, 0},
    {"align", F_ALIGN, offsetof(page_furniture, align), 0, 0},
    {"rule_width", F_LENGTH, offsetof(page_furniture, rule_width_pt), 0, 10},
    {"offset", F_LENGTH, offsetof(page_furniture, offset_pt), 0, 300},
    {"first_page", F_BOOL, offsetof(page_furniture, on_first_page), 0, 0},
    END_FIELDS,
};

const field typesetting_fields[] = {
    {"kinsoku", F_KINSOKU, offsetof(typeset_rules, kinsoku), 0, 0},
    {"compress_punctuation", F_BOOL, offsetof(typeset_rules, compress_punctuation), 0, 0},
    {"hanging_punctuation", F_BOOL, offsetof(typeset_rules, hanging_punctuation), 0, 0},
    {"wa_ou_space", F_NUMBER, offsetof(typeset_rules, wa_ou_space_em), 0, 1},
    {"wa_ou_space_min", F_NUMBER, offsetof(typeset_rules, wa_ou_space_min_em), 0, 1},
    {"max_expand", F_NUMBER, offsetof(typeset_rules, max_expand_em), 0, 2},
    {"justify", F_BOOL, offsetof(typeset_rules, justify), 0, 0},
    END_FIELDS,
};

const field new_mark_fields[] = {
    {"text", F_TEXT, offsetof(layout, new_mark_text), 0, 0},
    {"font", F_FONT, offsetof(layout, new_mark_font), 0, 0},
    {"color", F_COLOR, offsetof(layout, new_mark_color), 0, 0},
    END_FIELDS,
};

/* emphasis: {font: gothic-bold} — the font of **…** runs in the text */
const field emphasis_fields[] = {
    {"font", F_FONT, offsetof(layout, emphasis_font), 0, 0},
    END_FIELDS,
};

const field body_fields[] = {
    {"font", F_FONT, offsetof(layout, body_font), 0, 0},
    {"size", F_LENGTH, offsetof(layout, body_size_pt), 4, 100},
    {"line_pitch", F_NUMBER, offsetof(layout, line_pitch_factor), 1, 4},
    {"color", F_COLOR, offsetof(layout, body_color), 0, 0},
    END_FIELDS,
};

const field pagination_fields[] = {
    {"widow_lines", F_INT, offsetof(layout, widow_lines), 1, 10},
    {"orphan_lines", F_INT, offsetof(layout, orphan_lines), 1, 10},
    {"keep_list_end", F_BOOL, offsetof(layout, keep_list_end), 0, 0},
    END_FIELDS,
};

const field changes_fields[] = {
    {"insert_color", F_COLOR, offsetof(change_style, insert_color), 0, 0},
    {"delete_color", F_COLOR, offsetof(change_style, delete_color), 0, 0},
    {"bar_color", F_COLOR, offsetof(change_style, bar_color), 0, 0},
    {"bar_width", F_LENGTH, offsetof(change_style, bar_width), 0.1f, 20},
    {"bar_offset", F_LENGTH, offsetof(change_style, bar_offset), 0, 100},
    {"line_width", F_LENGTH, offsetof(change_style, line_width), 0.1f, 5},
    END_FIELDS,
};

const field imposition_fields[] = {
    {"method", F_IMPOSE, offsetof(imposition_rules, method), 0, 0},
    {"pad", F_PAD, offsetof(imposition_rules, pad), 0, 0},
    {"crop_marks", F_BOOL, offsetof(imposition_rules, crop_marks), 0, 0},
    {"slug", F_LENGTH, offsetof(imposition_rules, slug), 8.5f, 283.5f},    /* 3mm … 100mm */
    {"creep", F_LENGTH, offsetof(imposition_rules, creep), 0, 2.9f},       /* 0 … 1mm per sheet */
    {"double_marks", F_BOOL, offsetof(imposition_rules, double_marks), 0, 0},
    {"bleed", F_LENGTH, offsetof(imposition_rules, bleed), 0, 14.2f},      /* 0 … 5mm */
    END_FIELDS, /* "sheet" is read separately, like "paper" */
};

const field page_fields[] = {
    {"chars_per_line", F_INT, offsetof(page_geometry, chars_per_line), 5, 200},
    {"lines_per_page", F_INT, offsetof(page_geometry, lines_per_page), 3, 300},
    {"shift_x", F_LENGTH, offsetof(page_geometry, shift_x), -500, 500},
    {"shift_y", F_LENGTH, offsetof(page_geometry, shift_y), -500, 500},
    END_FIELDS, /* "paper" is read separately */
};

const field toc_fields[] = {
    {"enabled", F_BOOL, offsetof(toc_rules, enabled), 0, 0},
    {"title", F_TEXT, offsetof(toc_rules, title), 0, 0},
    {"levels", F_INT, offsetof(toc_rules, levels), 1, 2},
    {"leader", F_TEXT, offsetof(toc_rules, leader), 0, 0},
    {"font", F_FONT, offsetof(toc_rules, font), 0, 0},
    {"size", F_LENGTH, offsetof(toc_rules, size_pt), 1, 100},
    {"title_font", F_FONT, offsetof(toc_rules, title_font), 0, 0},
    {"title_size", F_LENGTH, offsetof(toc_rules, title_size_pt), 1, 200},
    {"indent", F_EM, offsetof(toc_rules, indent_em), 0, 10},
    {"page_break_after", F_BOOL, offsetof(toc_rules, page_break_after), 0, 0},
    END_FIELDS,
};

const field table_fields[] = {
    {"cell_padding", F_EM, offsetof(table_style, cell_padding_em), 0, 5},
    {"row_padding", F_EM, offsetof(table_style, row_padding_em), 0, 5},
    {"frame_width", F_LENGTH, offsetof(table_style, frame_width_pt), 0, 10},
    {"header_rule_width", F_LENGTH, offsetof(table_style, header_rule_pt), 0, 10},
    {"row_rule_width", F_LENGTH, offsetof(table_style, row_rule_pt), 0, 10},
    {"column_rule_width", F_LENGTH, offsetof(table_style, column_rule_pt), 0, 10},
    {"rule_color", F_COLOR, offsetof(table_style, rule_color), 0, 0},
    {"header_background", F_COLOR, offsetof(table_style, header_background), 0, 0},
    {"caption_align", F_ALIGN, offsetof(table_style, caption_align), 0, 0},
    {"caption_position", F_SIDE, offsetof(table_style, caption_position), 0, 0},
    {"full_width", F_BOOL, offsetof(table_style, full_width), 0, 0},
    {"continued", F_TEXT, offsetof(table_style, continued), 0, 0},
    END_FIELDS,
};

const char *const label_style_names[] = {"decimal", "roman", "roman-lower", "none", NULL};

const char *const align_names[] = {"start", "center", "end", "outside", NULL};
const char *const decor_names[] = {"none", "band", "box", "left-rule", "underline", NULL};
const char *const kinsoku_names[] = {"strict", "normal", "loose", NULL};
const char *const break_names[] = {"none", "before", "before-except-first", NULL};
const char *const impose_names[] = {"none", "saddle", "2up", "single", NULL};   /* order of impose_method */
const char *const pad_names[] = {"before-last", "end", NULL};         /* order of impose_pad */
const char *const calendar_names[] = {"western", "wareki", "iso", NULL};  /* order of date_calendar */
const char *const place_names[] = {"default", "above", "below", "bottom", NULL};   /* order of place_rule */
const char *const side_names[] = {"above", "below", NULL};            /* order of caption_side */

const style_key style_keys[] = {
    {"document", SLOT_BLOCK_KIND, BK_DOCUMENT, true},     {"organization", SLOT_ORGANIZATION, BK_DOCUMENT, true},
    {"paragraph", SLOT_BLOCK_KIND, BK_PARAGRAPH, false},  {"part", SLOT_BLOCK_KIND, BK_PART, true},
    {"section", SLOT_BLOCK_KIND, BK_SECTION, true},       {"subsection", SLOT_BLOCK_KIND, BK_SUBSECTION, true},
    {"item", SLOT_BLOCK_KIND, BK_ITEM, false},            {"bullet", SLOT_BLOCK_KIND, BK_BULLET, false},
    {"entry", SLOT_BLOCK_KIND, BK_ENTRY, false},
    {"note", SLOT_BLOCK_KIND, BK_NOTE, false},            {"record", SLOT_BLOCK_KIND, BK_RECORD, true},
    {"record_end", SLOT_BLOCK_KIND, BK_RECORD_END, false}, {"reference", SLOT_BLOCK_KIND, BK_REFERENCE, false},
    {"date", SLOT_BLOCK_KIND, BK_DATE, false},            {"addressee", SLOT_BLOCK_KIND, BK_ADDRESSEE, false},
    {"issuer", SLOT_BLOCK_KIND, BK_ISSUER, false},
    {"figure", SLOT_BLOCK_KIND, BK_FIGURE, false},        {"caption", SLOT_BLOCK_KIND, BK_CAPTION, false},
    {"logo", SLOT_BLOCK_KIND, BK_LOGO, false},
    {"table", SLOT_BLOCK_KIND, BK_TABLE, false},          {"table_header", SLOT_BLOCK_KIND, BK_TABLE_HEAD, false},
    {"table_cell", SLOT_BLOCK_KIND, BK_TABLE_CELL, false},
};
_Static_assert(sizeof style_keys / sizeof style_keys[0] == N_STYLE_KEYS,
               "every block kind and the organisation line has a key");

const paper_size paper_sizes[] = {
    {"A3", 841.89f, 1190.55f}, {"A4", 595.28f, 841.89f}, {"A5", 419.53f, 595.28f},
    {"B5", 515.91f, 728.50f},  {"letter", 612.0f, 792.0f},
};
_Static_assert(sizeof paper_sizes / sizeof paper_sizes[0] == N_PAPER_SIZES, "N_PAPER_SIZES counts them");

const char *const page_extra_keys[] = {"paper", NULL};
const char *const imposition_extra_keys[] = {"sheet", NULL};
const char *const font_keys[] = {"file", "fallback", NULL};
const char *const page_label_keys[] = {"from", "style", "prefix", "start", NULL};

const char *const layout_top_keys[] = {"page", "fonts", "colors", "body", "typesetting", "pagination",
                                       "blocks", "new_mark", "emphasis", "header", "footer", "imposition", "changes",
                                       "page_labels", "toc", NULL};
