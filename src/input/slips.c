/* slips.c — slips that parse and validate but print wrong (see slips.h):
 * the source lines of a text (what libyaml folded or dropped), then the
 * document's texts, siblings, ids and title year. */
#include "slips.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "utf8.h"
#include "vec.h"
#include "xalloc.h"

/* ---- recognising hand-typed numbers and marks ---------------------------- */

/* The code point at s[*i] (advancing *i), or 0 at the end. */
static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    uint32_t cp;
    if (*i >= len || !utf8_decode(s, len, i, &cp))
        return 0;
    return cp;
}

static bool is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static int digit_value(uint32_t cp)
{
    return cp <= '9' ? (int)(cp - '0') : (int)(cp - 0xFF10);
}

static bool is_kanji_numeral(uint32_t cp)
{
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                        0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};   /* 一…十 */
    for (size_t k = 0; k < sizeof numerals / sizeof numerals[0]; k++)
        if (cp == numerals[k])
            return true;
    return false;
}

/* ①…⑳ ⑴…⒇ ⒈…⒛, ㉑…㊿, ❶…➓, ⓵…⓾: a number and its mark in one character. */
static bool is_numbered_char(uint32_t cp)
{
    return (cp >= 0x2460 && cp <= 0x249B) || (cp >= 0x3251 && cp <= 0x325F) ||
           (cp >= 0x32B1 && cp <= 0x32BF) || (cp >= 0x2776 && cp <= 0x2793) ||
           (cp >= 0x24F5 && cp <= 0x24FE);
}

static bool is_roman(uint32_t cp)
{
    return cp >= 0x2160 && cp <= 0x217F;   /* Ⅰ…ⅿ */
}

/* What closes a typed number: 1. １．1) 1） */
static bool is_number_close(uint32_t cp)
{
    return cp == '.' || cp == 0xFF0E || cp == ')' || cp == 0xFF09;
}

static bool is_bullet_mark(uint32_t cp)
{
    return cp == 0x30FB || cp == 0xFF65;   /* ・ ･ */
}

/* "1." "１．" "1）" "12)" but not "1.5" (a decimal) nor "2050年". */
static size_t digits_mark(const char *s, size_t len)
{
    size_t i = 0, ndigits = 0;
    uint32_t cp;
    while ((cp = next_cp(s, len, &i)) && is_digit(cp) && ndigits < 4)
        ndigits++;
    if (ndigits == 0 || ndigits > 3 || !is_number_close(cp))
        return 0;
    size_t end = i;
    return is_digit(next_cp(s, len, &i)) ? 0 : end;
}

/* "(1)" "（１）" "（一）" */
static size_t parenthesised_mark(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    uint32_t cp = next_cp(s, len, &i);
    if (cp != '(' && cp != 0xFF08)
        return 0;
    while ((cp = next_cp(s, len, &i)) && (is_digit(cp) || is_kanji_numeral(cp)))
        n++;
    return n >= 1 && n <= 3 && (cp == ')' || cp == 0xFF09) ? i : 0;
}

/* "Ⅴ．" "Ⅱ." "ⅲ)" "Ⅳ " but not "Ⅱ期". */
static size_t roman_mark(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp = next_cp(s, len, &i);
    if (!is_roman(cp))
        return 0;
    while ((cp = next_cp(s, len, &i)) && is_roman(cp))
        ;
    return is_number_close(cp) || cp == 0x3001 || cp == ' ' || cp == 0x3000 ? i : 0;
}

size_t slips_typed_mark(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp = next_cp(s, len, &i);
    if (is_numbered_char(cp) || is_bullet_mark(cp))
        return i;
    size_t n = digits_mark(s, len);
    if (!n)
        n = parenthesised_mark(s, len);
    if (!n)
        n = roman_mark(s, len);
    return n;
}

/* "(新)" or "（新）" typed at the start of a text. */
static size_t typed_new_mark(const char *s, size_t len)
{
    static const char *const marks[] = {"(\xE6\x96\xB0)", "\xEF\xBC\x88\xE6\x96\xB0\xEF\xBC\x89"};
    for (size_t k = 0; k < 2; k++)
        if (len >= strlen(marks[k]) && memcmp(s, marks[k], strlen(marks[k])) == 0)
            return strlen(marks[k]);
    return 0;
}

/* ---- the source lines of one text --------------------------------------- */

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Byte offset of the col-th character (1-based) of s. */
static size_t byte_of_col(const char *s, size_t len, int col)
{
    size_t i = 0;
    for (int c = 1; c < col && i < len; c++)
        next_cp(s, len, &i);
    return i;
}

static int col_of_byte(const char *s, size_t at)
{
    int col = 1;
    for (size_t i = 0; i < at; i++)
        col += ((unsigned char)s[i] & 0xC0) != 0x80;
    return col;
}

/* "new: true", "text:" — a kumihan-style key at the start of a line. */
static size_t key_like(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
                       (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-'))))
        i++;
    if (i == 0 || i >= len || s[i] != ':')
        return 0;
    return i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t' ? i + 1 : 0;
}

static src_loc line_loc(const ynode *n, int line, int col)
{
    return (src_loc){n->loc.file, line, col, false};
}

/* A continuation line that starts like an entry of its own: the writer
 * meant a new entry, but YAML folded it into the text above. */
static void check_continuation(const ynode *n, src_loc at, int first_line, const char *s, size_t len,
                               diag_list *dl)
{
    size_t k;
    if (len >= 2 && s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) {
        diag_report(dl, D_FOLDED_LINE, at, _("this line continues the text begun on line %d, so its '- ' "
                    "entry prints as part of that text"), first_line);
        diag_hint(dl, _("a new entry's '- ' must line up with the '- ' of the entry above; this one is "
                  "indented further"));
    } else if ((k = key_like(s, len))) {
        diag_report(dl, D_FOLDED_LINE, at, _("this line continues the text begun on line %d, so '%.*s' "
                    "prints as part of that text instead of being a key"), first_line, (int)k, s);
        diag_hint(dl, _("indent '%.*s' exactly like the other keys of its entry"), (int)k, s);
    } else if ((k = slips_typed_mark(s, len))) {
        diag_report(dl, D_FOLDED_LINE, at, _("this line continues the text begun on line %d but starts "
                    "with '%.*s', like an entry of its own"), first_line, (int)k, s);
        diag_hint(dl, _("if it is a new entry, write it as one ('- ' lined up with the entry above) "
                  "without '%.*s': numbers and marks are generated"), (int)k, s);
    }
}

/* The lines a text continues on: after its first line (for | and >,
 * after the first line below the header), up to the line of its end
 * mark unless the mark sits at the start of a line.  A line after a blank
 * one starts a new paragraph and is not a continuation. */
static void check_folded_lines(const ytree *t, const ynode *n, diag_list *dl)
{
    int first = n->loc.line, last = n->end.col > 1 ? n->end.line : n->end.line - 1;
    bool text_started = n->plain, after_blank = false;
    for (int line = first + 1; line <= last; line++) {
        size_t len;
        const char *s = ytree_line(t, line, &len);
        size_t i = s ? skip_blanks(s, len, 0) : 0;
        while (s && len - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
            i += 3;   /* a 全角スペース is kept as text, but "　- " is still an entry */
        if (!s || i == len) {
            after_blank = text_started;
            continue;
        }
        if (!text_started) {
            text_started = true;
            first = line;
            continue;
        }
        if (!after_blank)
            check_continuation(n, line_loc(n, line, col_of_byte(s, i)), first, s + i, len - i, dl);
        after_blank = false;
    }
}

/* " #…" after a plain text: YAML drops it as a comment. */
static void check_comment(const ytree *t, const ynode *n, diag_list *dl)
{
    size_t len;
    const char *s = ytree_line(t, n->end.line, &len);
    if (!s)
        return;
    size_t end = byte_of_col(s, len, n->end.col);
    size_t i = skip_blanks(s, len, end);
    if (i == end || i >= len || s[i] != '#')
        return;
    diag_report(dl, D_COMMENT_IN_TEXT, line_loc(n, n->end.line, col_of_byte(s, i)),
                _("' #' ends the text: YAML reads '%.*s' as a comment, which is not printed"),
                (int)(len - i), s + i);
    diag_hint(dl, _("to print it, put the whole text in quotes (\"… #…\"); a note for editors belongs on "
              "a line of its own"));
}

void slips_in_text(const ytree *t, const ynode *text, diag_list *dl)
{
    if (!t || !text || text->kind != YN_SCALAR || text->end.line == 0)
        return;
    if (text->plain)
        check_comment(t, text, dl);
    if (!text->quoted && text->end.line > text->loc.line)
        check_folded_lines(t, text, dl);
}

/* ---- the document -------------------------------------------------------- */

static bool is_numbered_kind(block_kind k)
{
    return k == BK_PART || k == BK_SECTION || k == BK_SUBSECTION || k == BK_ITEM || k == BK_ENTRY ||
           k == BK_BULLET;
}

static void check_typed_number(const block *b, diag_list *dl)
{
    size_t len = strlen(b->text), k;
    if ((k = typed_new_mark(b->text, len))) {
        diag_report(dl, D_TYPED_NUMBER, b->text_loc, _("the text starts with '%.*s', typed by hand"), (int)k,
                    b->text);
        diag_hint(dl, _("delete it and write 'new: true' on this entry: the layout prints the (新) mark"));
    } else if ((k = slips_typed_mark(b->text, len))) {
        diag_report(dl, D_TYPED_NUMBER, b->text_loc, _("the text starts with '%.*s', typed by hand: it would "
                    "print after the generated number or mark, doubled"), (int)k, b->text);
        diag_hint(dl, _("delete '%.*s': numbers and marks are generated from the order of the entries"), (int)k,
                  b->text);
    }
}

typedef struct sibling {
    const block *b;
    size_t order;
} sibling;

static int cmp_sibling(const void *pa, const void *pb)
{
    const sibling *a = pa, *b = pb;
    if (a->b->kind != b->b->kind)
        return a->b->kind < b->b->kind ? -1 : 1;
    int c = strcmp(a->b->text, b->b->text);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* A text repeated among its siblings, and the first block with it. */
typedef struct repeat {
    const block *b, *first;
} repeat;

typedef struct walk_ctx {
    diag_list *dl;
    repeat *repeats;
    size_t n_repeats, cap_repeats;
} walk_ctx;

static void note_repeat(walk_ctx *w, const block *b, const block *first)
{
    VEC_PUSH(w->repeats, w->n_repeats, w->cap_repeats, (repeat){b, first});
}

/* The same text twice among the children of one block (same kind); sorts
 * a copy of the children, so long lists stay fast. */
static void find_duplicate_siblings(const block *parent, walk_ctx *w)
{
    size_t n = parent->n_children, m = 0;
    if (n < 2)
        return;
    sibling *s = xmallocarray(n, sizeof *s);
    for (size_t i = 0; i < n; i++)
        if (parent->children[i]->text)
            s[m++] = (sibling){parent->children[i], i};
    qsort(s, m, sizeof *s, cmp_sibling);
    for (size_t i = 1, run = 0; i < m; i++) {
        if (s[i].b->kind != s[run].b->kind || strcmp(s[i].b->text, s[run].b->text) != 0)
            run = i;
        else
            note_repeat(w, s[i].b, s[run].b);
    }
    free(s);
}

static int cmp_repeat_place(const void *pa, const void *pb)
{
    const repeat *a = pa, *b = pb;
    if (a->b->text_loc.line != b->b->text_loc.line)
        return a->b->text_loc.line < b->b->text_loc.line ? -1 : 1;
    return a->b->text_loc.col < b->b->text_loc.col ? -1 : a->b->text_loc.col > b->b->text_loc.col;
}

static void report_repeats(walk_ctx *w)
{
    if (w->n_repeats > 1)
        qsort(w->repeats, w->n_repeats, sizeof *w->repeats, cmp_repeat_place);   /* file order */
    for (size_t i = 0; i < w->n_repeats; i++) {
        const repeat *r = &w->repeats[i];
        diag_report(w->dl, D_DUPLICATE_TEXT, r->b->text_loc, _("the same text as the %s on line %d"),
                    block_kind_name(r->b->kind), r->first->text_loc.line);
        diag_hint(w->dl, _("a copy-paste slip? delete one of them, or finish editing the copy"));
    }
}

static bool visit(const block *b, void *ctx)
{
    walk_ctx *w = ctx;
    if (b->text && is_numbered_kind(b->kind))
        check_typed_number(b, w->dl);
    /* a table's rows and cells repeat by nature (0, －, the same name in two years) */
    if (b->kind != BK_TABLE && b->kind != BK_TABLE_HEAD && b->kind != BK_TABLE_ROW)
        find_duplicate_siblings(b, w);
    return true;
}

/* ---- ids ------------------------------------------------------------------ */

static int cmp_id(const void *pa, const void *pb)
{
    const slip_id *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

typedef struct id_repeat {
    slip_id at;
    int first_line;
} id_repeat;

static int cmp_repeat(const void *pa, const void *pb)
{
    const id_repeat *a = pa, *b = pb;
    return a->at.order < b->at.order ? -1 : a->at.order > b->at.order;
}

void slips_duplicate_ids(slip_id *ids, size_t n, diag_list *dl)
{
    if (n < 2)
        return;
    id_repeat *repeats = xmallocarray(n, sizeof *repeats);
    qsort(ids, n, sizeof *ids, cmp_id);
    size_t m = 0, run = 0;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(ids[i].id, ids[run].id) != 0)
            run = i;
        else
            repeats[m++] = (id_repeat){ids[i], ids[run].loc.line};
    }
    qsort(repeats, m, sizeof *repeats, cmp_repeat);   /* report in file order */
    for (size_t i = 0; i < m; i++) {
        diag_report(dl, D_BAD_VALUE, repeats[i].at.loc, _("duplicate id '%s' (first at line %d)"),
                    repeats[i].at.id, repeats[i].first_line);
        diag_hint(dl, _("give every entry its own id: kumihan diff pairs the old and new plan by id"));
    }
    free(repeats);
}

/* ---- the title's year ---------------------------------------------------- */

typedef struct title_year {
    int year;           /* Western */
    size_t at;          /* where it starts in the title, in characters */
    size_t bytes;       /* its length in bytes */
} title_year;

static bool starts_with(const char *s, size_t len, size_t i, const char *word)
{
    return len - i >= strlen(word) && memcmp(s + i, word, strlen(word)) == 0;
}

/* The era name at byte i (令和, 平成): its first year minus one, 0 if none;
 * *after gets the byte after the name. */
static int era_at(const char *s, size_t len, size_t i, size_t *after)
{
    static const struct { const char *name; int base; } eras[] = {
        {"\xE4\xBB\xA4\xE5\x92\x8C", 2018}, {"\xE5\xB9\xB3\xE6\x88\x90", 1988}};   /* 令和 平成 */
    *after = i;
    for (size_t e = 0; e < sizeof eras / sizeof eras[0]; e++)
        if (starts_with(s, len, i, eras[e].name)) {
            *after = i + strlen(eras[e].name);
            return eras[e].base;
        }
    return 0;
}

/* A year of 年度 at byte i: "2023年度", "２０２３年度", "令和5年度", "令和元年度",
 * "平成31年度".  Returns its length in bytes (0 if none), the year in *year. */
static size_t year_at(const char *s, size_t len, size_t i, int *year)
{
    size_t k;
    int base = era_at(s, len, i, &k), n = 0, ndigits = 0;
    bool first_year = base && starts_with(s, len, k, "\xE5\x85\x83");   /* 元年度 */
    if (first_year) {
        n = ndigits = 1;
        k += 3;
    }
    for (size_t at = k; !first_year && ndigits < 4;) {
        uint32_t cp = next_cp(s, len, &at);
        if (!is_digit(cp))
            break;
        n = n * 10 + digit_value(cp);
        ndigits++;
        k = at;
    }
    bool ok = base ? ndigits >= 1 && ndigits <= 2 : ndigits == 4;
    if (!ok || !starts_with(s, len, k, "\xE5\xB9\xB4\xE5\xBA\xA6"))   /* 年度 */
        return 0;
    *year = base + n;
    return k + 6 - i;
}

static void check_title_year(const document *doc, diag_list *dl)
{
    if (!doc->title || doc->fiscal_year == 0)
        return;
    const char *s = doc->title;
    size_t len = strlen(s), i = 0, chars = 0;
    title_year first = {0};
    while (i < len) {
        int year;
        size_t n = year_at(s, len, i, &year);
        if (n && year == doc->fiscal_year)
            return;
        if (n && !first.year)
            first = (title_year){year, chars, n};
        next_cp(s, len, &i);
        chars++;
    }
    if (!first.year)
        return;
    size_t byte = 0;
    for (size_t c = 0; c < first.at; c++)
        next_cp(s, len, &byte);
    diag_report(dl, D_YEAR_MISMATCH, loc_at_char(doc->title_loc, first.at),
                _("the title says '%.*s' (%d) but fiscal_year is %d"), (int)first.bytes, s + byte, first.year,
                doc->fiscal_year);
    diag_hint(dl, _("correct the year in the title or in 'fiscal_year'"));
}

void slips_in_document(const document *doc, diag_list *dl)
{
    check_title_year(doc, dl);
    walk_ctx w = {.dl = dl};
    doc_walk(doc->root, visit, &w);
    report_repeats(&w);
    free(w.repeats);
}
