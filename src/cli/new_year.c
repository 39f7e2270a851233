/* new_year.c — next year's plan as a text edit of this year's (see
 * new_year.h).  Edits are byte ranges of the source with their
 * replacement, found from the located scalars of the YAML tree and
 * applied in one pass in file order. */
#include "new_year.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sbuf.h"
#include "utf8.h"
#include "vec.h"
#include "xalloc.h"
#include "i18n.h"

#define REIWA_OFFSET 2018   /* 令和1年 = 2019 */
#define FULLWIDTH_ZERO 0xFF10

typedef struct text_edit {
    size_t at, len;
    char *with;
} text_edit;

typedef struct editor {
    const ytree *t;
    VEC(text_edit) edits;
    new_year_counts *counts;
} editor;

static void add_edit(editor *e, size_t at, size_t len, char *with)
{
    text_edit ed = {at, len, with};
    VEC_APPEND(e->edits, ed);
}

/* Byte offset of a 1-based line and column (columns count code points). */
static size_t offset_of(const ytree *t, int line, int col)
{
    if (line < 1 || (size_t)line > t->nlines)
        return t->source_len;
    size_t i = t->line_starts[line - 1];
    for (int c = 1; c < col && i < t->source_len && t->source[i] != '\n'; c++) {
        uint32_t cp;
        if (!utf8_decode(t->source, t->source_len, &i, &cp))
            i++;
    }
    return i;
}

/* A run of decimal digits, ASCII or full-width, at s[i]: its value, its
 * byte length and whether it is full-width (the replacement keeps it). */
typedef struct digit_run {
    long value;
    size_t len;
    bool fullwidth;
    int n_digits;
} digit_run;

static int digit_at(const char *s, size_t end, size_t i, size_t *len, bool *fullwidth)
{
    if (i < end && s[i] >= '0' && s[i] <= '9') {
        *len = 1;
        *fullwidth = false;
        return s[i] - '0';
    }
    size_t j = i;
    uint32_t cp;
    if (i < end && utf8_decode(s, end, &j, &cp) && cp >= FULLWIDTH_ZERO && cp <= FULLWIDTH_ZERO + 9) {
        *len = j - i;
        *fullwidth = true;
        return (int)(cp - FULLWIDTH_ZERO);
    }
    return -1;
}

static digit_run digits_at(const char *s, size_t end, size_t i)
{
    digit_run r = {0};
    size_t len;
    bool fw;
    int d;
    while (r.n_digits < 9 && (d = digit_at(s, end, i + r.len, &len, &fw)) >= 0) {
        if (r.n_digits && fw != r.fullwidth)
            break;
        r.fullwidth = fw;
        r.value = r.value * 10 + d;
        r.len += len;
        r.n_digits++;
    }
    return r;
}

static char *number_text(long value, bool fullwidth)
{
    char ascii[24];
    snprintf(ascii, sizeof ascii, "%ld", value);
    if (!fullwidth)
        return xstrdup(ascii);
    sbuf b = {0};
    for (const char *c = ascii; *c; c++) {
        char u[4];
        sbuf_append(&b, u, utf8_encode(FULLWIDTH_ZERO + (uint32_t)(*c - '0'), u));
    }
    return sbuf_detach(&b);
}

static bool preceded_by(const char *s, size_t start, size_t i, const char *word)
{
    size_t n = strlen(word);
    return i >= start + n && memcmp(s + i - n, word, n) == 0;
}

/* The year numbers in a scalar's source: this year as 2023 (or ２０２３)
 * and as 令和5, or, with any_year (the date), its first four-digit year. */
static void move_years(editor *e, const ynode *n, bool any_year)
{
    if (!n || n->kind != YN_SCALAR)
        return;
    const char *s = e->t->source;
    size_t start = offset_of(e->t, n->loc.line, n->loc.col), end = offset_of(e->t, n->end.line, n->end.col);
    if (n->end.line == 0 || end > e->t->source_len)
        end = e->t->source_len;
    int old = e->counts->old_year;
    for (size_t i = start; i < end;) {
        digit_run r = digits_at(s, end, i);
        if (!r.len) {
            i++;
            continue;
        }
        bool starts_run = i == start || digit_at(s, end, i - 1, &(size_t){0}, &(bool){0}) < 0;
        long next = -1;
        if (starts_run && any_year && r.n_digits == 4)
            next = r.value + 1;
        else if (starts_run && r.value == old && r.n_digits == 4)
            next = old + 1;
        else if (starts_run && preceded_by(s, start, i, "令和") && r.value == old - REIWA_OFFSET)
            next = r.value + 1;
        if (next >= 0) {
            add_edit(e, i, r.len, number_text(next, r.fullwidth));
            e->counts->years++;
            if (any_year)
                return;
        }
        i += r.len;
    }
}

static bool is_true(const ynode *v)
{
    return v && v->kind == YN_SCALAR && (strcmp(v->value, "true") == 0 || strcmp(v->value, "yes") == 0 ||
                                         strcmp(v->value, "on") == 0);
}

/* Only blanks in s[from, to). */
static bool blank(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* A `new: true` alone on its line (a block mapping with other keys) goes
 * with its line; anywhere else (`- new: true`, a flow mapping, a comment
 * after it) its value becomes false, which keeps the YAML valid. */
static void clear_mark(editor *e, const ynode *map, size_t k)
{
    const ytree *t = e->t;
    const ynode *key = map->keys[k], *value = map->items[k];
    size_t line_start = offset_of(t, key->loc.line, 1);
    size_t key_at = offset_of(t, key->loc.line, key->loc.col);
    size_t v_at = offset_of(t, value->loc.line, value->loc.col), v_end = offset_of(t, value->end.line, value->end.col);
    size_t line_end = v_end;
    while (line_end < t->source_len && t->source[line_end] != '\n')
        line_end++;
    bool own_line = map->count > 1 && value->loc.line == key->loc.line && blank(t->source, line_start, key_at) &&
                    blank(t->source, v_end, line_end);
    if (own_line)
        add_edit(e, line_start, line_end - line_start + (line_end < t->source_len), xstrdup(""));
    else
        add_edit(e, v_at, v_end - v_at, xstrdup("false"));
    e->counts->marks++;
}

static void clear_marks(editor *e, const ynode *n)
{
    if (!n || n->kind == YN_SCALAR)
        return;
    for (size_t i = 0; i < n->count; i++) {
        if (n->kind == YN_MAPPING && strcmp(n->keys[i]->value, "new") == 0 && is_true(n->items[i]))
            clear_mark(e, n, i);
        else
            clear_marks(e, n->items[i]);
    }
}

/* fiscal_year, else the first four-digit year of the title; 0 if neither. */
static int plan_year(const ynode *root)
{
    const ynode *fy = ynode_get(root, "fiscal_year");
    if (fy && fy->kind == YN_SCALAR) {
        char *end;
        long y = strtol(fy->value, &end, 10);
        return *end == '\0' && y > 0 && y < 9999 ? (int)y : 0;
    }
    const ynode *title = ynode_get(root, "title");
    for (const char *s = title && title->kind == YN_SCALAR ? title->value : ""; *s; s++)
        if (s[0] >= '1' && s[0] <= '2' && strspn(s, "0123456789") == 4)
            return atoi(s);
    return 0;
}

static int by_offset(const void *a, const void *b)
{
    const text_edit *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

static char *apply_edits(editor *e)
{
    qsort(e->edits.items, e->edits.n, sizeof *e->edits.items, by_offset);
    sbuf b = {0};
    size_t from = 0;
    for (size_t i = 0; i < e->edits.n; i++) {
        const text_edit *ed = &e->edits.items[i];
        if (ed->at < from)
            continue;   /* overlapping edits cannot arise from distinct scalars; keep the first */
        sbuf_append(&b, e->t->source + from, ed->at - from);
        sbuf_puts(&b, ed->with);
        from = ed->at + ed->len;
    }
    sbuf_append(&b, e->t->source + from, e->t->source_len - from);
    return sbuf_detach(&b);
}

char *new_year_text(const ytree *t, new_year_counts *counts, diag_list *dl)
{
    *counts = (new_year_counts){0};
    const ynode *root = t->root;
    if (!root || root->kind != YN_MAPPING) {
        diag_report(dl, D_WRONG_TYPE, (src_loc){t->path, 1, 1}, _("a plan is a mapping (title:, parts:, …)"));
        return NULL;
    }
    counts->old_year = plan_year(root);
    if (!counts->old_year) {
        diag_report(dl, D_MISSING_FIELD, (src_loc){t->path, 1, 1},
                    _("cannot tell which year this plan is for: it has no fiscal_year and no year in its title"));
        diag_hint(dl, _("add the plan's year, e.g. fiscal_year: 2023"));
        return NULL;
    }
    counts->new_year = counts->old_year + 1;
    editor e = {.t = t, .counts = counts};
    move_years(&e, ynode_get(root, "fiscal_year"), false);
    move_years(&e, ynode_get(root, "title"), false);
    move_years(&e, ynode_get(root, "subject"), false);
    move_years(&e, ynode_get(root, "date"), true);
    const ynode *keywords = ynode_get(root, "keywords");
    for (size_t i = 0; keywords && keywords->kind == YN_SEQUENCE && i < keywords->count; i++)
        move_years(&e, keywords->items[i], false);
    clear_marks(&e, root);
    char *text = apply_edits(&e);
    for (size_t i = 0; i < e.edits.n; i++)
        free(e.edits.items[i].with);
    free(e.edits.items);
    return text;
}

/* NEW is created, never replaced: O_EXCL refuses an existing file (and
 * OLD itself) without a window between checking and creating. */
static int write_new(const char *path, const char *text, FILE *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0 && errno == EEXIST) {
        fprintf(err, _("kumihan: new-year: %1$s exists already, and new-year never overwrites a file; "
                       "give a new file name, or remove %1$s first if you mean to replace it\n"), path);
        return 2;
    }
    size_t len = strlen(text), done = 0;
    ssize_t n = 0;
    while (fd >= 0 && done < len && (n = write(fd, text + done, len - done)) > 0)
        done += (size_t)n;
    int saved = errno;
    bool ok = fd >= 0 && done == len && close(fd) == 0;
    if (!ok) {
        fprintf(err, _("%s: error: cannot write: %s\n"), path, strerror(saved));
        if (fd >= 0)
            unlink(path);
        return 3;
    }
    return 0;
}

int new_year_run(const char *old_path, const char *new_path, FILE *err)
{
    diag_list dl;
    diag_init(&dl);
    ytree *t = ytree_load(old_path, NULL, &dl);
    new_year_counts c;
    char *text = t ? new_year_text(t, &c, &dl) : NULL;
    diag_print(&dl, err);
    int status = text ? write_new(new_path, text, err) : diag_exit_status(&dl);
    if (status == 0)
        fprintf(err, _("%s: written from %s: %d moved on to %d (years changed: %zu, new: marks cleared: %zu)\n"), new_path,
                old_path, c.old_year, c.new_year, c.years, c.marks);
    free(text);
    ytree_free(t);
    diag_free(&dl);
    return status;
}
