/* diag.c — the diagnostics list: one table of kinds (severity, exit class,
 * name), recording with a cap on errors, and the mandoc/gcc-style printer
 * that shows the source line with a caret under the column. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jpclass.h"
#include "utf8.h"
#include "vec.h"
#include "xalloc.h"

#define DEFAULT_MAX_ERRORS 50

typedef struct diag_kind_info {
    const char *name;
    diag_severity severity;
    int exit_class;   /* 1 input, 2 usage, 3 I/O or internal */
} diag_kind_info;

static const diag_kind_info kind_info[D__COUNT] = {
    [D_USAGE] = { "usage", SEV_ERROR, 2 },
    [D_YAML_SYNTAX] = { "yaml-syntax", SEV_ERROR, 1 },
    [D_UNKNOWN_KEY] = { "unknown-key", SEV_ERROR, 1 },
    [D_WRONG_TYPE] = { "wrong-type", SEV_ERROR, 1 },
    [D_MISSING_FIELD] = { "missing-field", SEV_ERROR, 1 },
    [D_EMPTY_TEXT] = { "empty-text", SEV_ERROR, 1 },
    [D_OUT_OF_RANGE] = { "out-of-range", SEV_ERROR, 1 },
    [D_BAD_VALUE] = { "bad-value", SEV_ERROR, 1 },
    [D_BAD_UTF8] = { "bad-utf8", SEV_ERROR, 1 },
    [D_CONTROL_CHAR] = { "control-char", SEV_ERROR, 1 },
    [D_NO_GLYPH] = { "no-glyph", SEV_ERROR, 1 },
    [D_FONT] = { "font", SEV_ERROR, 1 },
    [D_TOO_WIDE] = { "too-wide", SEV_ERROR, 1 },
    [D_TOO_TALL] = { "too-tall", SEV_ERROR, 1 },
    [D_LIMIT] = { "limit", SEV_ERROR, 1 },
    [D_MIXED_DIGITS] = { "mixed-digits", SEV_WARNING, 1 },
    [D_MIXED_PUNCT] = { "mixed-punct", SEV_WARNING, 1 },
    [D_DOUBLED_PUNCT] = { "doubled-punct", SEV_WARNING, 1 },
    [D_UNBALANCED] = { "unbalanced", SEV_WARNING, 1 },
    [D_LAYOUT_WARN] = { "layout", SEV_WARNING, 1 },
    [D_NO_VARIANT] = { "no-variant", SEV_WARNING, 1 },
    [D_EMERGENCY_BREAK] = { "emergency-break", SEV_WARNING, 1 },
    [D_MARKUP] = { "markup", SEV_WARNING, 1 },
    [D_FOLDED_LINE] = { "folded-line", SEV_WARNING, 1 },
    [D_COMMENT_IN_TEXT] = { "comment-in-text", SEV_WARNING, 1 },
    [D_TYPED_NUMBER] = { "typed-number", SEV_WARNING, 1 },
    [D_DUPLICATE_TEXT] = { "duplicate-text", SEV_WARNING, 1 },
    [D_YEAR_MISMATCH] = { "year-mismatch", SEV_WARNING, 1 },
    [D_IO] = { "io", SEV_ERROR, 3 },
    [D_INTERNAL] = { "internal", SEV_ERROR, 3 },
};

static const diag_kind_info *info_of(diag_kind kind)
{
    static const diag_kind_info unknown = { "internal", SEV_ERROR, 3 };
    if ((int)kind < 0 || kind >= D__COUNT)
        return &unknown;
    return &kind_info[kind];
}

const char *diag_kind_name(diag_kind kind)
{
    return info_of(kind)->name;
}

void diag_init(diag_list *dl)
{
    memset(dl, 0, sizeof *dl);
    dl->max_errors = DEFAULT_MAX_ERRORS;
}

void diag_free(diag_list *dl)
{
    for (size_t i = 0; i < dl->count; i++) {
        free(dl->items[i].file);
        free(dl->items[i].message);
        free(dl->items[i].hint);
    }
    free(dl->items);
    dl->items = NULL;
    dl->count = dl->cap = 0;
}

static size_t max_errors(const diag_list *dl)
{
    return dl->max_errors ? dl->max_errors : DEFAULT_MAX_ERRORS;
}

/* printf into a fresh malloc'd string; NULL only when the format itself
 * fails (vsnprintf's encoding error). */
static char *vformat(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = n >= 0 ? xmalloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, again);
    va_end(again);
    return s;
}

/* Once the error cap is reached nothing more is stored (so a later
 * diag_hint cannot land on the wrong diagnostic); everything is counted. */
static bool should_store(diag_list *dl, diag_severity sev)
{
    if (dl->truncated)
        return false;
    if (sev == SEV_ERROR && dl->errors >= max_errors(dl)) {
        dl->truncated = true;
        return false;
    }
    return true;
}

void diag_report(diag_list *dl, diag_kind kind, src_loc loc, const char *fmt, ...)
{
    diag_severity sev = info_of(kind)->severity;
    bool store = should_store(dl, sev);
    if (sev == SEV_ERROR)
        dl->errors++;
    else
        dl->warnings++;
    if (!store)
        return;
    VEC_RESERVE(dl->items, dl->cap, dl->count + 1);
    va_list ap;
    va_start(ap, fmt);
    diag *d = &dl->items[dl->count++];
    *d = (diag){ .kind = kind, .severity = sev, .line = loc.line, .col = loc.col };
    d->file = xstrdup_or_null(loc.file);
    d->message = vformat(fmt, ap);
    va_end(ap);
}

void diag_hint(diag_list *dl, const char *fmt, ...)
{
    if (dl->truncated || dl->count == 0)
        return;
    diag *d = &dl->items[dl->count - 1];
    va_list ap;
    va_start(ap, fmt);
    free(d->hint);
    d->hint = vformat(fmt, ap);
    va_end(ap);
}

bool diag_failed(const diag_list *dl)
{
    return dl->errors > 0 || (dl->strict && dl->warnings > 0);
}

bool diag_too_many(const diag_list *dl)
{
    return dl->errors >= max_errors(dl);
}

int diag_exit_status(const diag_list *dl)
{
    if (!diag_failed(dl))
        return 0;
    int status = 1;   /* errors past the cap, or strict warnings */
    for (size_t i = 0; i < dl->count; i++) {
        const diag *d = &dl->items[i];
        if (d->severity == SEV_ERROR && info_of(d->kind)->exit_class > status)
            status = info_of(d->kind)->exit_class;
    }
    return status;
}

/* Reads line number `line` (1-based) of path into a malloc'd string without
 * its line break; NULL if the file or the line cannot be read. */
static char *read_source_line(const char *path, int line)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = -1;
    for (int k = 0; k < line; k++)
        if ((n = getline(&buf, &cap, f)) < 0)
            break;
    fclose(f);
    if (n < 0) {
        free(buf);
        return NULL;
    }
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return buf;
}

/* Long lines are shown as a window of this many characters around the
 * column, so that a 16 KiB line does not flood the terminal. */
#define WINDOW_BEFORE 60
#define WINDOW_CHARS 120

static bool has_bom(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
}

/* Byte offset of character number col (1-based) of text, past any BOM. */
static size_t offset_of_col(const char *text, size_t len, int col)
{
    size_t i = has_bom(text, len) ? 3 : 0;
    for (int c = 1; c < col && i < len; c++) {
        uint32_t cp;
        utf8_decode(text, len, &i, &cp);
    }
    return i;
}

static bool is_control(uint32_t cp)
{
    return cp < 0x20 ? cp != '\t' : (cp >= 0x7F && cp <= 0x9F);
}

/* Echoes up to WINDOW_CHARS characters of text from byte `from`, with
 * invalid UTF-8 and control characters shown as U+FFFD so that the very
 * bytes being reported cannot garble the terminal. */
static void print_window(FILE *out, const char *text, size_t len, size_t from, bool elided)
{
    size_t i = from;
    fputs(elided ? "  …" : "  ", out);
    for (int n = 0; i < len && n < WINDOW_CHARS; n++) {
        size_t at = i;
        uint32_t cp;
        bool ok = utf8_decode(text, len, &i, &cp);
        if (ok && !is_control(cp))
            fwrite(text + at, 1, i - at, out);
        else
            fputs("\xEF\xBF\xBD", out);
    }
    fputs(i < len ? "…\n" : "\n", out);
}

/* The caret line: the same whitespace as the shown text up to the column
 * (a TAB stays a TAB, a wide character becomes two spaces), then '^'. */
static void print_caret(FILE *out, const char *text, size_t len, size_t from, size_t to,
                        bool elided)
{
    fputs(elided ? "   " : "  ", out);
    for (size_t i = from; i < to;) {
        uint32_t cp;
        utf8_decode(text, len, &i, &cp);
        fputs(cp == '\t' ? "\t" : jp_is_wide(cp) ? "  " : " ", out);
    }
    fputs("^\n", out);
}

static void print_source(FILE *out, const diag *d)
{
    if (!d->file || d->line <= 0)
        return;
    char *text = read_source_line(d->file, d->line);
    if (!text)
        return;
    size_t len = strlen(text);
    int first = d->col > WINDOW_BEFORE ? d->col - WINDOW_BEFORE : 1;
    size_t from = offset_of_col(text, len, first);
    print_window(out, text, len, from, first > 1);
    if (d->col > 0)
        print_caret(out, text, len, from, offset_of_col(text, len, d->col), first > 1);
    free(text);
}

static void print_one(FILE *out, const diag *d)
{
    const char *level = d->severity == SEV_ERROR ? _("error") : _("warning");
    const char *msg = d->message ? d->message : _("(the message could not be formatted)");
    if (!d->file)
        fprintf(out, "kumihan: %s: %s\n", level, msg);
    else if (d->line <= 0)
        fprintf(out, "%s: %s: %s\n", d->file, level, msg);
    else if (d->col <= 0)
        fprintf(out, "%s:%d: %s: %s\n", d->file, d->line, level, msg);
    else
        fprintf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->col, level, msg);
    print_source(out, d);
    if (d->hint)
        fprintf(out, _("  hint: %s\n"), d->hint);
}

void diag_print(const diag_list *dl, FILE *out)
{
    for (size_t i = 0; i < dl->count; i++)
        print_one(out, &dl->items[i]);
    if (dl->truncated)
        fprintf(out, _("kumihan: error: too many errors; stopping after %zu\n"), max_errors(dl));
}

src_loc loc_at_char(src_loc loc, size_t k)
{
    if (loc.exact && loc.col > 0 && k < (size_t)(1 << 20))
        loc.col += (int)k;
    return loc;
}
