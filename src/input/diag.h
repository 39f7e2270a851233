/* diag.h — diagnostics: every error and warning kumihan reports, each with
 * the file, line and column it is about.  One enum of kinds, one table of
 * severities and exit classes (diag.c), one printer.  Library code never
 * prints or exits: it adds a diagnostic and returns. */
#ifndef KUMIHAN_DIAG_H
#define KUMIHAN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A place in an input file.  line and col are 1-based; 0 means unknown.
 * file points at a string owned by whoever loaded the file (ytree,
 * document, layout) and must outlive the location. */
typedef struct src_loc {
    const char *file;
    int line;
    int col;
    /* the text starting here is the source verbatim on one line (a plain
     * or escape-free quoted scalar), so its k-th character is at col + k */
    bool exact;
} src_loc;

/* Where the k-th character (0-based, in code points) of a text starting at
 * loc is: exact locations move along the line, others stay at the start. */
src_loc loc_at_char(src_loc loc, size_t k);

typedef enum diag_severity { SEV_WARNING, SEV_ERROR } diag_severity;

/* What went wrong.  The table in diag.c gives each kind its severity, its
 * exit-status class and the short name tests can match on. */
typedef enum diag_kind {
    /* usage (exit 2) */
    D_USAGE,
    /* input errors (exit 1) */
    D_YAML_SYNTAX,
    D_UNKNOWN_KEY,
    D_WRONG_TYPE,
    D_MISSING_FIELD,
    D_EMPTY_TEXT,
    D_OUT_OF_RANGE,
    D_BAD_VALUE,
    D_BAD_UTF8,
    D_CONTROL_CHAR,
    D_NO_GLYPH,
    D_FONT,
    D_TOO_WIDE,
    D_TOO_TALL,
    D_LIMIT,
    /* warnings: likely typos in official text (kumihan check) */
    D_MIXED_DIGITS,
    D_MIXED_PUNCT,
    D_DOUBLED_PUNCT,
    D_UNBALANCED,
    D_LAYOUT_WARN,
    /* warnings: text set, but not quite as written (text_run.c, compose.c) */
    D_NO_VARIANT,
    D_EMERGENCY_BREAK,
    D_MARKUP,
    /* warnings: slips YAML accepts but that print wrong (slips.c) */
    D_FOLDED_LINE,
    D_COMMENT_IN_TEXT,
    D_TYPED_NUMBER,
    D_DUPLICATE_TEXT,
    D_YEAR_MISMATCH,
    /* I/O and internal errors (exit 3) */
    D_IO,
    D_INTERNAL,
    D__COUNT
} diag_kind;

typedef struct diag {
    diag_kind kind;
    diag_severity severity;
    char *file;      /* owned copy of loc.file, or NULL */
    int line, col;
    char *message;   /* owned */
    char *hint;      /* owned, may be NULL: a plain-language suggestion */
} diag;

typedef struct diag_list {
    diag *items;
    size_t count, cap;
    size_t errors, warnings;
    size_t max_errors;   /* stop recording errors past this many (0: 50) */
    bool strict;         /* warnings count as errors */
    bool truncated;      /* some errors were not recorded */
} diag_list;

void diag_init(diag_list *dl);
void diag_free(diag_list *dl);

/* Adds a diagnostic of the given kind at loc; the message is printf-style. */
void diag_report(diag_list *dl, diag_kind kind, src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Attaches a hint to the most recent diagnostic (printf-style). */
void diag_hint(diag_list *dl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

bool diag_failed(const diag_list *dl);   /* any error (or warning when strict) */
bool diag_too_many(const diag_list *dl); /* error limit reached: callers may stop early */

/* Prints every diagnostic as "file:line:col: error: message", then the
 * source line with a caret under the column (re-read from the file), then
 * "  hint: ..." if any. */
void diag_print(const diag_list *dl, FILE *out);

/* 0 when nothing failed; otherwise the highest exit class among the
 * failing diagnostics: 1 input, 2 usage, 3 I/O or internal. */
int diag_exit_status(const diag_list *dl);

const char *diag_kind_name(diag_kind kind);

#endif
