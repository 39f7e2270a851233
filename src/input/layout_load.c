/* layout_load.c — layout YAML → layout rules, checked field by field.
 *
 * Every settable field is a row of a table (key, type, offset, range,
 * layout_fields.h), so the allowed keys, their parsing and their checks
 * are written once, and the JSON Schema of layout files is written from
 * the same tables. */
#include "i18n.h"
#include "layout.h"
#include "file_path.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "epsilon.h"
#include "utf8.h"
#include "yschema.h"
#include "xalloc.h"

#include "layout_fields.h"

static block_style *style_at(layout *lay, const style_key *k)
{
    return k->slot == SLOT_ORGANIZATION ? &lay->organization : &lay->styles[k->kind];
}

typedef struct lloader {
    layout *lay;
    const ytree *tree;           /* its source locates characters inside quoted values */
    const ynode *palette;
    diag_list *dl;
} lloader;

/* Where key's value is written in map (else the map itself), for checks
 * made after loading (the composer's marker boxes, imposition's creep):
 * the file name is the layout's own, which outlives the YAML tree. */
static src_loc value_loc(const lloader *ld, const ynode *map, const char *key)
{
    const ynode *v = map && map->kind == YN_MAPPING ? ynode_get(map, key) : NULL;
    const ynode *at = v ? v : map;
    return at ? (src_loc){ld->lay->path, at->loc.line, at->loc.col} : (src_loc){ld->lay->path, 1, 1};
}

/* ---- fields ---------------------------------------------------------- */

/* The allowed keys of a section: its fields, then the extra keys the
 * caller reads itself; NULL-terminated within cap entries. */
static void keys_of(const field *fields, const char **out, size_t cap, size_t extra_n, const char *const *extra)
{
    size_t n = 0;
    for (; fields->key && n + 1 < cap; fields++)
        out[n++] = fields->key;
    for (size_t i = 0; i < extra_n && n + 1 < cap; i++)
        out[n++] = extra[i];
    out[n] = NULL;
}

static bool read_font_ref(lloader *ld, const ynode *v, const char *what, int *out)
{
    if (!ys_expect(v, YN_SCALAR, what, ld->dl))
        return false;
    int idx = layout_font_index(ld->lay, v->value);
    if (idx >= 0) {
        *out = idx;
        return true;
    }
    diag_report(ld->dl, D_BAD_VALUE, v->loc, _("%s: no font role named '%s' in 'fonts'"), what, v->value);
    const char **roles = xmallocarray(ld->lay->n_fonts + 1, sizeof *roles);
    for (size_t i = 0; i < ld->lay->n_fonts; i++)
        roles[i] = ld->lay->fonts[i].name;
    roles[ld->lay->n_fonts] = NULL;
    const char *best = ys_did_you_mean(v->value, roles);
    if (best)
        diag_hint(ld->dl, _("did you mean '%s'?"), best);
    free(roles);
    return false;
}

/* ---- templates --------------------------------------------------------- */

/* What number_format and the header and footer text may hold (numbering.c
 * and furniture.c expand exactly these). */
static const char *const format_placeholders[] = {"n", NULL};
static const char *const furniture_placeholders[] = {"page", "pages", "part", NULL};

/* Byte offset of line `line`, column `col` (1-based, in characters) of the
 * source, or (size_t)-1 past its end. */
static size_t source_offset(const ytree *t, int line, int col)
{
    size_t i = t->source_len >= 3 && memcmp(t->source, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (int l = 1; l < line && i < t->source_len; i++)
        if (t->source[i] == '\n')
            l++;
    for (int c = 1; c < col && i < t->source_len; c++) {
        uint32_t cp;
        if (!utf8_decode(t->source, t->source_len, &i, &cp))
            return (size_t)-1;
    }
    return i < t->source_len ? i : (size_t)-1;
}

/* Where the k-th character of scalar v is.  A quoted value whose source is
 * its text verbatim between the quotes (no escapes, one line) is located
 * like a plain one, one column past its opening quote. */
static src_loc char_loc(const lloader *ld, const ynode *v, size_t k)
{
    src_loc at = v->loc;
    if (!at.exact && v->quoted && ld->tree->source) {
        size_t o = source_offset(ld->tree, at.line, at.col);
        const char *src = ld->tree->source;
        if (o != (size_t)-1 && o + v->len + 2 <= ld->tree->source_len && memcmp(src + o + 1, v->value, v->len) == 0 &&
            src[o + 1 + v->len] == src[o] && !memchr(v->value, '\n', v->len)) {
            at.col++;
            at.exact = true;
        }
    }
    return loc_at_char(at, k);
}

static bool is_placeholder(const char *name, size_t len, const char *const *known)
{
    for (; *known; known++)
        if (strlen(*known) == len && memcmp(*known, name, len) == 0)
            return true;
    return false;
}

static void hint_placeholders(lloader *ld, const char *const *known)
{
    char list[64] = "";
    for (const char *const *k = known; *k; k++) {
        size_t n = strlen(list);
        snprintf(list + n, sizeof list - n, "%s{%s}", n ? " " : "", *k);
    }
    diag_hint(ld->dl, _("known placeholders: %s (a brace is only ever part of one)"), list);
}

static void report_template(lloader *ld, const ynode *v, size_t k, const char *const *known, const char *what,
                            const char *problem, const char *text, int text_len)
{
    diag_report(ld->dl, D_BAD_VALUE, char_loc(ld, v, k), _("%s: %s '%.*s'"), what, problem, text_len, text);
    hint_placeholders(ld, known);
}

/* A template prints {name} as a value and everything else as it is: an
 * unknown name or a brace without its partner would print literally, so
 * the first one is an error pointing at it. */
static void check_template(lloader *ld, const ynode *v, const char *what, const char *const *known)
{
    const char *s = v->value;
    bool open = false;
    size_t open_at = 0, open_k = 0;   /* byte and character index of the open '{' */
    size_t k = 0;                     /* characters before s[i] */
    for (size_t i = 0; i < v->len; k++) {
        size_t at = i;
        uint32_t cp;
        if (!utf8_decode(s, v->len, &i, &cp))
            return;   /* the YAML reader has rejected invalid UTF-8 */
        if (cp == '{' && open)
            break;    /* the earlier '{' is the one without a '}' */
        if (cp == '{') {
            open = true, open_at = at, open_k = k;
        } else if (cp == '}' && !open) {
            report_template(ld, v, k, known, what, _("'}' without an opening '{':"), s, (int)v->len);
            return;
        } else if (cp == '}') {
            open = false;
            if (!is_placeholder(s + open_at + 1, at - open_at - 1, known)) {
                report_template(ld, v, open_k, known, what, _("unknown placeholder"), s + open_at,
                                (int)(i - open_at));
                return;
            }
        }
    }
    if (open)
        report_template(ld, v, open_k, known, what, _("'{' without a closing '}':"), s, (int)v->len);
}

static bool read_text(lloader *ld, const ynode *v, const char *what, char **out)
{
    if (!ys_expect(v, YN_SCALAR, what, ld->dl))
        return false;
    free(*out);
    *out = xstrdup(v->value);
    return true;
}

/* An image's width: "60%" of the measure, or a length ("80mm"). */
static void read_width(lloader *ld, const ynode *v, const char *what, image_width *out, float min, float max)
{
    if (!ys_expect(v, YN_SCALAR, what, ld->dl))
        return;
    size_t n = v->len;
    if (n > 1 && v->value[n - 1] == '%') {
        char *end = NULL;
        double pc = strtod(v->value, &end);
        if (end != v->value + n - 1 || !(pc > 0 && pc <= 100)) {
            diag_report(ld->dl, D_BAD_VALUE, v->loc, _("%s must be a percentage from 1%% to 100%% of the measure, "
                                                       "or a length like 80mm, not '%s'"), what, v->value);
            return;
        }
        *out = (image_width){.frac = (float)(pc / 100.0)};
        return;
    }
    float pt;
    if (ys_length(v, what, min, max, &pt, ld->dl))
        *out = (image_width){.pt = pt};
}

static void read_field(lloader *ld, const field *f, const ynode *v, void *base, const char *what)
{
    char *p = (char *)base + f->offset;
    int choice;
    long n;
    switch (f->type) {
    case F_FONT: read_font_ref(ld, v, what, (int *)p); break;
    case F_LENGTH: ys_length(v, what, f->min, f->max, (float *)p, ld->dl); break;
    case F_EM:
    case F_NUMBER: ys_number(v, what, f->min, f->max, (float *)p, ld->dl); break;
    case F_INT:
        if (ys_int(v, what, (long)f->min, (long)f->max, &n, ld->dl))
            *(int *)p = (int)n;
        break;
    case F_COLOR: ys_color(v, ld->palette, what, (rgb_color *)p, ld->dl); break;
    case F_BOOL: ys_bool(v, what, (bool *)p, ld->dl); break;
    case F_TEXT: read_text(ld, v, what, (char **)p); break;
    case F_FORMAT:
    case F_TEMPLATE:
        if (read_text(ld, v, what, (char **)p))
            check_template(ld, v, what, f->type == F_FORMAT ? format_placeholders : furniture_placeholders);
        break;
    case F_ALIGN:
        if (ys_choice(v, align_names, what, &choice, ld->dl))
            *(text_align *)p = (text_align)choice;
        break;
    case F_DECOR:
        if (ys_choice(v, decor_names, what, &choice, ld->dl))
            *(decor_kind *)p = (decor_kind)choice;
        break;
    case F_KINSOKU:
        if (ys_choice(v, kinsoku_names, what, &choice, ld->dl))
            *(kinsoku_level *)p = (kinsoku_level)choice;
        break;
    case F_BREAK:
        if (ys_choice(v, break_names, what, &choice, ld->dl))
            *(page_break_rule *)p = (page_break_rule)choice;
        break;
    case F_IMPOSE:
        if (ys_choice(v, impose_names, what, &choice, ld->dl))
            *(impose_method *)p = (impose_method)choice;
        break;
    case F_PAD:
        if (ys_choice(v, pad_names, what, &choice, ld->dl))
            *(impose_pad *)p = (impose_pad)choice;
        break;
    case F_SIDE:
        if (ys_choice(v, side_names, what, &choice, ld->dl))
            *(caption_side *)p = (caption_side)choice;
        break;
    case F_CALENDAR:
        if (ys_choice(v, calendar_names, what, &choice, ld->dl))
            *(date_calendar *)p = (date_calendar)choice;
        break;
    case F_WIDTH: read_width(ld, v, what, (image_width *)p, f->min, f->max); break;
    case F_PLACE:
        if (ys_choice(v, place_names, what, &choice, ld->dl))
            *(place_rule *)p = (place_rule)choice;
        break;
    case F_NUMBERING:
        if (!ys_expect(v, YN_SCALAR, what, ld->dl))
            break;
        if (ys_choice(v, num_style_names(), what, &choice, ld->dl))
            *(num_style *)p = (num_style)choice;
        break;
    }
}

/* Reads every member of map that fields describes into base; reports the
 * others (except the extra keys, which the caller reads). */
static void read_fields(lloader *ld, const ynode *map, const field *fields, void *base, const char *section,
                        const char *const *extra, size_t n_extra)
{
    const char *keys[40];
    keys_of(fields, keys, sizeof keys / sizeof keys[0], n_extra, extra);
    if (!ys_expect(map, YN_MAPPING, section, ld->dl))
        return;
    ys_check_keys(map, keys, section, ld->dl);
    for (const field *f = fields; f->key; f++) {
        const ynode *v = ynode_get(map, f->key);
        if (!v)
            continue;
        char what[96];
        snprintf(what, sizeof what, "%s: '%s'", section, f->key);
        read_field(ld, f, v, base, what);
    }
}

/* ---- sections of the file --------------------------------------------- */


/* fonts: role: file.ttf, or role: {file: …, fallback: [role, …]} */
static void read_fonts(lloader *ld, const ynode *map)
{
    layout *lay = ld->lay;
    if (!ys_expect(map, YN_MAPPING, "'fonts'", ld->dl))
        return;
    lay->fonts = xcalloc(map->count ? map->count : 1, sizeof *lay->fonts);
    for (size_t i = 0; i < map->count; i++) {
        const ynode *v = map->items[i];
        const ynode *file = v;
        if (v->kind == YN_MAPPING) {
            ys_check_keys(v, font_keys, "a font", ld->dl);
            file = ys_require(v, "file", "a font", ld->dl);
        }
        const char *path = file ? ys_text(file, "a font file", ld->dl) : NULL;
        layout_font *lf = &lay->fonts[lay->n_fonts++];
        lf->name = xstrdup(map->keys[i]->value);
        lf->path = path ? path_beside(lay->path, path) : NULL;
        lf->loc = (src_loc){lay->path, (file ? file : v)->loc.line, (file ? file : v)->loc.col};
    }
}

/* Without a role no text can be set: say so once, at 'fonts', instead of
 * once per character of the content.  A missing 'fonts' or one that is not
 * a mapping was reported already. */
static void report_no_fonts(lloader *ld, const ynode *fonts)
{
    if (!fonts || fonts->kind != YN_MAPPING)
        return;
    diag_report(ld->dl, D_MISSING_FIELD, fonts->loc, _("'fonts' defines no font role; every text needs one"));
    diag_hint(ld->dl, _("name a role and its TrueType file, e.g. 'mincho: fonts/BIZUDMincho-Regular.ttf'"));
}

static void read_fallbacks(lloader *ld, const ynode *map)
{
    for (size_t i = 0; map && map->kind == YN_MAPPING && i < map->count; i++) {
        const ynode *fb = map->items[i]->kind == YN_MAPPING ? ynode_get(map->items[i], "fallback") : NULL;
        if (!fb || !ys_expect(fb, YN_SEQUENCE, "'fallback'", ld->dl))
            continue;
        layout_font *lf = &ld->lay->fonts[i];
        for (size_t j = 0; j < fb->count; j++) {
            int idx;
            if (lf->n_fallbacks == LAYOUT_MAX_FALLBACKS) {
                diag_report(ld->dl, D_LIMIT, fb->items[j]->loc, _("at most %d fallback fonts per role"),
                            LAYOUT_MAX_FALLBACKS);
                break;
            }
            if (read_font_ref(ld, fb->items[j], "'fallback'", &idx))
                lf->fallbacks[lf->n_fallbacks++] = idx;
        }
    }
}

static bool paper_by_name(const char *name, float *w, float *h)
{
    for (size_t i = 0; i < N_PAPER_SIZES; i++)
        if (strcmp(name, paper_sizes[i].name) == 0) {
            *w = paper_sizes[i].width;
            *h = paper_sizes[i].height;
            return true;
        }
    return false;
}

/* paper: A4, or [210mm, 297mm] */
static void read_paper(lloader *ld, const ynode *v)
{
    layout *lay = ld->lay;
    if (v->kind == YN_SEQUENCE && v->count == 2) {
        ys_length(v->items[0], "paper width", 72, 14400, &lay->page.paper_width, ld->dl);
        ys_length(v->items[1], "paper height", 72, 14400, &lay->page.paper_height, ld->dl);
        return;
    }
    if (v->kind == YN_SCALAR && paper_by_name(v->value, &lay->page.paper_width, &lay->page.paper_height))
        return;
    diag_report(ld->dl, D_BAD_VALUE, v->loc, _("'paper' must be A3, A4, A5, B5, letter or [width, height]"));
}

static void read_page(lloader *ld, const ynode *map)
{
    read_fields(ld, map, page_fields, &ld->lay->page, "'page'", page_extra_keys, 1);
    const ynode *paper = map->kind == YN_MAPPING ? ynode_get(map, "paper") : NULL;
    if (paper)
        read_paper(ld, paper);
}

/* imposition: the sheet is named like the paper (A3 …) and always used
 * landscape, or given as [width, height]. */
static void read_sheet(lloader *ld, const ynode *v)
{
    imposition_rules *r = &ld->lay->imposition;
    float w = 0, h = 0;
    if (v->kind == YN_SEQUENCE && v->count == 2) {
        ys_length(v->items[0], "imposition: sheet width", 72, 14400, &r->sheet_width, ld->dl);
        ys_length(v->items[1], "imposition: sheet height", 72, 14400, &r->sheet_height, ld->dl);
        return;
    }
    if (v->kind == YN_SCALAR && paper_by_name(v->value, &w, &h)) {
        r->sheet_width = w > h ? w : h;
        r->sheet_height = w > h ? h : w;
        return;
    }
    diag_report(ld->dl, D_BAD_VALUE, v->loc, _("imposition: 'sheet' must be A3, A4, A5, B5, letter or [width, height]"));
}

/* page_labels: [{from: 1, style: none, prefix: 表紙}, {from: 2, style: decimal}] */
static void read_page_label(lloader *ld, const ynode *v, page_label_rule *r, int previous)
{
    long n;
    int style;
    r->first = previous + 1;
    r->start = 1;
    if (!ys_expect(v, YN_MAPPING, "a page label", ld->dl))
        return;
    ys_check_keys(v, page_label_keys, "a page label", ld->dl);
    const ynode *from = ys_require(v, "from", "a page label", ld->dl);
    if (from && ys_int(from, "page_labels: 'from'", previous + 1, 100000, &n, ld->dl))
        r->first = (int)n;
    const ynode *st = ynode_get(v, "style");
    if (st && ys_choice(st, label_style_names, "page_labels: 'style'", &style, ld->dl))
        r->style = (label_style)style;
    const ynode *start = ynode_get(v, "start");
    if (start && ys_int(start, "page_labels: 'start'", 1, 100000, &n, ld->dl))
        r->start = (int)n;
    const ynode *prefix = ynode_get(v, "prefix");
    if (prefix && ys_expect(prefix, YN_SCALAR, "page_labels: 'prefix'", ld->dl))
        r->prefix = xstrdup(prefix->value);
}

/* Ranges must start at page 1 and go forward. */
static void read_page_labels(lloader *ld, const ynode *list)
{
    layout *lay = ld->lay;
    if (!ys_expect(list, YN_SEQUENCE, "'page_labels'", ld->dl) || list->count == 0)
        return;
    lay->page_labels = xcalloc(list->count, sizeof *lay->page_labels);
    for (size_t i = 0; i < list->count; i++) {
        int previous = i ? lay->page_labels[i - 1].first : 0;
        read_page_label(ld, list->items[i], &lay->page_labels[lay->n_page_labels++], previous);
    }
    if (lay->page_labels[0].first != 1)
        diag_report(ld->dl, D_BAD_VALUE, list->items[0]->loc, _("the first page label must start 'from: 1'"));
}

static void read_imposition(lloader *ld, const ynode *map)
{
    read_fields(ld, map, imposition_fields, &ld->lay->imposition, "'imposition'", imposition_extra_keys, 1);
    ld->lay->imposition.creep_loc = value_loc(ld, map, "creep");
    const ynode *sheet = map->kind == YN_MAPPING ? ynode_get(map, "sheet") : NULL;
    if (sheet)
        read_sheet(ld, sheet);
}

static void read_palette(lloader *ld, const ynode *map)
{
    if (!ys_expect(map, YN_MAPPING, "'colors'", ld->dl))
        return;
    ld->palette = map;
    for (size_t i = 0; i < map->count; i++) {
        rgb_color unused;
        ys_color(map->items[i], NULL, "a colour in 'colors'", &unused, ld->dl);
    }
}

/* blocks: table is a style (the caption's type, the table's alignment and
 * spaces) with the table's rules and spacing beside it. */
static void read_table_style(lloader *ld, const ynode *v, block_style *st, const char *section)
{
    const char *extra[40];
    size_t n = 0;
    for (const field *f = table_fields; f->key && n < 40; f++)
        extra[n++] = f->key;
    read_fields(ld, v, style_fields, st, section, extra, n);
    if (v->kind != YN_MAPPING)
        return;
    for (const field *f = table_fields; f->key; f++) {
        const ynode *fv = ynode_get(v, f->key);
        char what[96];
        snprintf(what, sizeof what, "%s: '%s'", section, f->key);
        if (fv)
            read_field(ld, f, fv, &ld->lay->table, what);
    }
    if (ynode_get(v, "header_background"))
        ld->lay->table.header_fill = true;
}

static void read_blocks(lloader *ld, const ynode *map)
{
    const char *keys[N_STYLE_KEYS + 1];
    for (size_t i = 0; i < N_STYLE_KEYS; i++)
        keys[i] = style_keys[i].key;
    keys[N_STYLE_KEYS] = NULL;
    if (!ys_expect(map, YN_MAPPING, "'blocks'", ld->dl))
        return;
    ys_check_keys(map, keys, "'blocks'", ld->dl);
    for (size_t i = 0; i < N_STYLE_KEYS; i++) {
        const ynode *v = ynode_get(map, style_keys[i].key);
        if (!v)
            continue;
        block_style *st = style_at(ld->lay, &style_keys[i]);
        char section[64];
        snprintf(section, sizeof section, "blocks: '%s'", style_keys[i].key);
        st->present = true;
        if (style_keys[i].kind == BK_TABLE && style_keys[i].slot == SLOT_BLOCK_KIND)
            read_table_style(ld, v, st, section);
        else
            read_fields(ld, v, style_fields, st, section, NULL, 0);
        st->marker_width_loc = value_loc(ld, v, "marker_width");
    }
}

/* ---- defaults and derived values --------------------------------------- */

static const layout LAYOUT_DEFAULTS = {
    .page = {.paper_width = 595.28f, .paper_height = 841.89f, .chars_per_line = 40, .lines_per_page = 36},
    .body_size_pt = 10.5f,
    .line_pitch_factor = 1.75f,
    .rules = {.kinsoku = KINSOKU_STRICT, .compress_punctuation = true, .hanging_punctuation = false,
              .wa_ou_space_em = 0.25f, .wa_ou_space_min_em = 0.125f, .max_expand_em = 0.5f, .justify = true},
    .widow_lines = 2,
    .orphan_lines = 2,
    .keep_list_end = true,
    .new_mark_font = -1,   /* the body font, once it is known */
    .emphasis_font = -1,   /* likewise */
    .header = {.size_pt = 9, .offset_pt = 18},
    .footer = {.size_pt = 9, .offset_pt = 18},
    /* blue insertions, red deletions: apart in greyscale too (dark vs. mid grey) */
    .changes = {.insert_color = 0x0047AB, .delete_color = 0xC00000, .bar_color = 0xC00000, .bar_width = 2.0f,
                .bar_offset = 8.0f, .line_width = 0.6f},
    .imposition = {.slug = 10 * 72 / 25.4f},   /* 10mm: room for 6mm marks 3mm off the trim */
    /* a table as a Japanese office prints it: a frame, light rules, a grey header */
    .table = {.cell_padding_em = 0.5f, .row_padding_em = 0.2f, .frame_width_pt = 0.75f, .header_rule_pt = 0.75f,
              .row_rule_pt = 0.25f, .column_rule_pt = 0.25f, .rule_color = 0x000000, .header_background = 0xE6E6E6,
              .header_fill = true, .caption_align = ALIGN_START, .full_width = true},
};

/* What a style has before the layout sets it; font, size and colour come
 * from the body (default_styles). */
static const block_style STYLE_DEFAULTS = {.rule_width_pt = 0.5f};

/* The words and places of notes and of a letter when the layout does not
 * name them (a layout made for the plan still sets a notice plainly):
 * a hanging ※, 記 centred, 以上 at the line's end, date, reference and
 * issuer on the right (the Japanese letter's convention). */
static void letter_defaults(layout *lay)
{
    block_style *s = lay->styles;
    s[BK_NOTE].numbering = NUM_MARKER;
    s[BK_NOTE].marker = xstrdup("※");
    s[BK_RECORD].marker = xstrdup("記");
    s[BK_RECORD].align = ALIGN_CENTER;
    s[BK_RECORD_END].marker = xstrdup("以上");
    s[BK_RECORD_END].align = ALIGN_END;
    s[BK_REFERENCE].align = s[BK_DATE].align = s[BK_ISSUER].align = ALIGN_END;
    s[BK_DATE].calendar = CAL_WAREKI;
}

/* Styles read before the body font was known must inherit it: fill the
 * defaults first, then read the styles over them. */
static void default_styles(layout *lay)
{
    for (size_t i = 0; i < N_STYLE_KEYS; i++) {
        block_style *st = style_at(lay, &style_keys[i]);
        *st = STYLE_DEFAULTS;
        st->font = lay->body_font;
        st->size_pt = lay->body_size_pt;
        st->color = lay->body_color;
        st->keep_with_next = style_keys[i].heading;
        /* images and their captions are centred unless the layout says otherwise */
        if (style_keys[i].kind == BK_FIGURE || style_keys[i].kind == BK_CAPTION || style_keys[i].kind == BK_LOGO)
            st->align = ALIGN_CENTER;
        st->marker_width_loc = (src_loc){lay->path, 1, 1};
    }
    letter_defaults(lay);
    lay->styles[BK_TABLE_HEAD].align = ALIGN_CENTER;   /* header cells are centred */
    lay->header.font = lay->footer.font = lay->body_font;
    if (lay->new_mark_font < 0)
        lay->new_mark_font = lay->body_font;
    if (lay->emphasis_font < 0)
        lay->emphasis_font = lay->body_font;
}

/* The type area fits the paper but a shift pushes it over an edge: point
 * at the shift, since that is the value to change. */
static void report_shift(lloader *ld, const ynode *page, const char *key, float shift, float margin)
{
    const ynode *v = page ? ynode_get(page, key) : NULL;
    const ynode *n = v ? v : page;
    src_loc at = {ld->lay->path, n ? n->loc.line : 1, n ? n->loc.col : 1};
    diag_report(ld->dl, D_OUT_OF_RANGE, at,
                _("'%s' of %.1fpt moves the type area off the paper (the margin is only %.1fpt)"), key, shift,
                margin);
    diag_hint(ld->dl, _("use a value from %.1fpt to %.1fpt"), -margin, margin);
}

/* The one place the derived values are computed. */
static layout_derived derived_of(const page_geometry *g, float body_size_pt, float line_pitch_factor)
{
    float measure = g->chars_per_line * body_size_pt;
    float pitch = line_pitch_factor * body_size_pt;
    float height = g->lines_per_page * pitch - (pitch - body_size_pt);
    return (layout_derived){
        .measure = measure,
        .pitch_pt = pitch,
        .area_height = height,
        .area_left = (g->paper_width - measure) / 2 + g->shift_x,
        .area_top = g->paper_height - (g->paper_height - height) / 2 + g->shift_y,
    };
}

static void derive_geometry(lloader *ld, const ynode *page)
{
    layout *lay = ld->lay;
    const page_geometry *g = &lay->page;
    lay->derived = derived_of(g, lay->body_size_pt, lay->line_pitch_factor);
    const layout_derived *d = &lay->derived;
    src_loc at = page ? (src_loc){lay->path, page->loc.line, page->loc.col} : (src_loc){lay->path, 1, 1};
    if (d->measure > g->paper_width)
        diag_report(ld->dl, D_OUT_OF_RANGE, at,
                    _("the type area (%d characters of %.1fpt = %.1fpt) is wider than the paper (%.1fpt)"),
                    g->chars_per_line, lay->body_size_pt, d->measure, g->paper_width);
    else if (d->area_left < 0 || d->area_left + d->measure > g->paper_width)
        report_shift(ld, page, "shift_x", g->shift_x, (g->paper_width - d->measure) / 2);
    if (d->area_height > g->paper_height)
        diag_report(ld->dl, D_OUT_OF_RANGE, at,
                    _("the type area (%d lines at %.2fpt) is taller than the paper (%.1fpt)"), g->lines_per_page,
                    d->pitch_pt, g->paper_height);
    else if (d->area_top > g->paper_height || d->area_top - d->area_height < 0)
        report_shift(ld, page, "shift_y", g->shift_y, (g->paper_height - d->area_height) / 2);
}

/* Justification may shrink the 和欧間 space down to its minimum, never
 * grow it there: a minimum above the space is a slip.  Point at the value
 * that was written (the minimum, else the space that fell below the
 * default minimum). */
static void check_wa_ou_space(lloader *ld, const ynode *typesetting)
{
    const typeset_rules *r = &ld->lay->rules;
    if (r->wa_ou_space_min_em <= r->wa_ou_space_em || typesetting->kind != YN_MAPPING)
        return;
    const ynode *min = ynode_get(typesetting, "wa_ou_space_min");
    const ynode *at = min ? min : ynode_get(typesetting, "wa_ou_space");
    diag_report(ld->dl, D_OUT_OF_RANGE, at ? at->loc : typesetting->loc,
                _("typesetting: 'wa_ou_space_min' (%g%s) is larger than 'wa_ou_space' (%g)"), r->wa_ou_space_min_em,
                min ? "" : ", the default", r->wa_ou_space_em);
    diag_hint(ld->dl, _("the space between Japanese and western text only shrinks when justifying: "
                      "make 'wa_ou_space_min' at most %g"), r->wa_ou_space_em);
}

/* The em box the composer sets lines in (compose.c): ascent and descent
 * as fractions of the size.  Header and footer ink is bounded by it. */
#define FURNITURE_EM_ASCENT 0.88f
#define FURNITURE_EM_DESCENT 0.12f

/* A header or footer drawn over the type area or off the paper is a
 * slip in its 'offset' (the distance from the type area's edge to its
 * baseline).  The header's ink reaches down to its rule (drawn 0.35 of
 * its size below the baseline) or its descent, the footer's up to its
 * ascent; both must stay on the paper. */
static void check_furniture_clearance(lloader *ld, const ynode *root, const char *key, const page_furniture *pf,
                                      bool above)
{
    if (!pf->present || !pf->text)
        return;
    const layout_derived *d = &ld->lay->derived;
    float paper_h = ld->lay->page.paper_height;
    float reach_in = above ? FURNITURE_EM_DESCENT * pf->size_pt : FURNITURE_EM_ASCENT * pf->size_pt;
    float reach_out = above ? FURNITURE_EM_ASCENT * pf->size_pt : FURNITURE_EM_DESCENT * pf->size_pt;
    if (above && pf->rule_width_pt > 0 && 0.35f * pf->size_pt + pf->rule_width_pt / 2 > reach_in)
        reach_in = 0.35f * pf->size_pt + pf->rule_width_pt / 2;
    float room_out = above ? paper_h - d->area_top : d->area_top - d->area_height;
    if (room_out < 0)
        return;   /* the type area itself is off the paper: reported at the page */
    const ynode *v = ynode_get(root, key);
    src_loc at = value_loc(ld, v, "offset");
    if (pf->offset_pt + EPSILON < reach_in) {
        diag_report(ld->dl, D_OUT_OF_RANGE, at,
                    _("'%s': 'offset' of %.1fpt puts the %s%s %.1fpt into the type area, over the %s line of text"),
                    key, pf->offset_pt, key,
                    /* TRANSLATORS: after the header's name: "header's rule" */
                    above && pf->rule_width_pt > 0 ? _("'s rule") : "", reach_in - pf->offset_pt,
                    above ? _("first") : _("last"));
        diag_hint(ld->dl, _("make 'offset' at least %.1fpt"), reach_in);
    } else if (pf->offset_pt + reach_out > room_out + EPSILON) {
        diag_report(ld->dl, D_OUT_OF_RANGE, at,
                    _("'%s': 'offset' of %.1fpt puts the %s off the paper (there are %.1fpt %s the type area)"), key,
                    pf->offset_pt, key, room_out, above ? _("above") : _("below"));
        diag_hint(ld->dl, _("make 'offset' at most %.1fpt"), room_out - reach_out > 0 ? room_out - reach_out : 0);
    }
}

/* ---- the file ---------------------------------------------------------- */


static void read_furniture(lloader *ld, const ynode *root, const char *key, page_furniture *pf)
{
    const ynode *v = ynode_get(root, key);
    if (!v)
        return;
    char section[32];
    snprintf(section, sizeof section, "'%s'", key);
    pf->present = true;
    read_fields(ld, v, furniture_fields, pf, section, NULL, 0);
    pf->text_loc = value_loc(ld, v, "text");
}

/* toc: off unless enabled; its fonts and sizes default to the body's. */
static void read_toc(lloader *ld, const ynode *root)
{
    toc_rules *t = &ld->lay->toc;
    t->levels = 2;
    t->page_break_after = true;
    t->indent_em = 1;
    t->font = t->title_font = ld->lay->body_font;
    t->size_pt = ld->lay->body_size_pt;
    t->title_size_pt = ld->lay->styles[BK_PART].present ? ld->lay->styles[BK_PART].size_pt : ld->lay->body_size_pt;
    t->title_font = ld->lay->styles[BK_PART].present ? ld->lay->styles[BK_PART].font : ld->lay->body_font;
    const ynode *v = ynode_get(root, "toc");
    if (v)
        read_fields(ld, v, toc_fields, t, "'toc'", NULL, 0);
    if (!t->title)
        t->title = xstrdup("目次");
    /* JLREQ 3.4.3 (リーダー): the three-dot leader, 三点リーダー */
    if (!t->leader || !t->leader[0]) {
        free(t->leader);
        t->leader = xstrdup("…");
    }
}

static void read_layout(lloader *ld, const ynode *root)
{
    layout *lay = ld->lay;
    const ynode *v;
    ys_check_keys(root, layout_top_keys, "a layout file", ld->dl);
    if ((v = ynode_get(root, "colors")))
        read_palette(ld, v);
    if ((v = ys_require(root, "fonts", "a layout file", ld->dl))) {
        read_fonts(ld, v);
        read_fallbacks(ld, v);
    }
    if (lay->n_fonts == 0) {
        report_no_fonts(ld, v);
        return;
    }
    if ((v = ynode_get(root, "body")))
        read_fields(ld, v, body_fields, lay, "'body'", NULL, 0);
    const ynode *page = ynode_get(root, "page");
    if (page)
        read_page(ld, page);
    default_styles(lay);
    if ((v = ynode_get(root, "typesetting"))) {
        read_fields(ld, v, typesetting_fields, &lay->rules, "'typesetting'", NULL, 0);
        check_wa_ou_space(ld, v);
    }
    if ((v = ynode_get(root, "pagination")))
        read_fields(ld, v, pagination_fields, lay, "'pagination'", NULL, 0);
    if ((v = ynode_get(root, "blocks")))
        read_blocks(ld, v);
    if ((v = ynode_get(root, "new_mark")))
        read_fields(ld, v, new_mark_fields, lay, "'new_mark'", NULL, 0);
    if ((v = ynode_get(root, "emphasis")))
        read_fields(ld, v, emphasis_fields, lay, "'emphasis'", NULL, 0);
    if ((v = ynode_get(root, "changes")))
        read_fields(ld, v, changes_fields, &lay->changes, "'changes'", NULL, 0);
    read_furniture(ld, root, "header", &lay->header);
    read_furniture(ld, root, "footer", &lay->footer);
    if ((v = ynode_get(root, "imposition")))
        read_imposition(ld, v);
    if ((v = ynode_get(root, "page_labels")))
        read_page_labels(ld, v);
    read_toc(ld, root);
    derive_geometry(ld, page);
    check_furniture_clearance(ld, root, "header", &lay->header, true);
    check_furniture_clearance(ld, root, "footer", &lay->footer, false);
}

/* Reads the layout from a parsed tree; the tree is freed. */
static layout *layout_from_tree(ytree *tree, size_t errors_before, diag_list *dl)
{
    layout *lay = xmalloc(sizeof *lay);
    *lay = LAYOUT_DEFAULTS;
    lay->path = xstrdup(tree->path);
    lloader ld = {.lay = lay, .tree = tree, .dl = dl};
    if (!tree->root)
        diag_report(dl, D_MISSING_FIELD, (src_loc){lay->path, 1, 1}, _("the layout file is empty"));
    else if (ys_expect(tree->root, YN_MAPPING, "a layout file", dl))
        read_layout(&ld, tree->root);
    if (!lay->new_mark_text)
        lay->new_mark_text = xstrdup("(新)");
    ytree_free(tree);
    if (dl->errors > errors_before) {
        layout_free(lay);
        return NULL;
    }
    return lay;
}

layout *layout_load(const char *path, diag_list *dl)
{
    size_t errors_before = dl->errors;
    ytree *tree = ytree_load(path, NULL, dl);
    return tree ? layout_from_tree(tree, errors_before, dl) : NULL;
}

layout *layout_load_buffer(const char *name, const char *data, size_t len, diag_list *dl)
{
    size_t errors_before = dl->errors;
    ytree *tree = ytree_load_buffer(name, data, len, NULL, dl);
    return tree ? layout_from_tree(tree, errors_before, dl) : NULL;
}

static void free_style(block_style *st)
{
    free(st->number_format);
    free(st->marker);
}

void layout_free(layout *lay)
{
    if (!lay)
        return;
    for (size_t i = 0; i < lay->n_fonts; i++) {
        free(lay->fonts[i].name);
        free(lay->fonts[i].path);
    }
    free(lay->fonts);
    for (int k = 0; k < BK__COUNT; k++)
        free_style(&lay->styles[k]);
    free_style(&lay->organization);
    free(lay->new_mark_text);
    free(lay->table.continued);
    free(lay->header.text);
    free(lay->footer.text);
    for (size_t i = 0; i < lay->n_page_labels; i++)
        free(lay->page_labels[i].prefix);
    free(lay->page_labels);
    free(lay->toc.title);
    free(lay->toc.leader);
    free(lay->path);
    free(lay);
}

int layout_font_index(const layout *lay, const char *name)
{
    for (size_t i = 0; i < lay->n_fonts; i++)
        if (lay->fonts[i].name && strcmp(lay->fonts[i].name, name) == 0)
            return (int)i;
    return -1;
}
