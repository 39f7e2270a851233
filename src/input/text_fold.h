/* text_fold.h — joining the source lines of a multi-line YAML scalar into
 * running text, the way Japanese needs it: a line break between two
 * Japanese (wide) characters vanishes, one between two western words
 * becomes a space (as CSS Text 3 segment-break transformation does), and
 * a blank line is kept as "\n" (a paragraph break). */
#ifndef KUMIHAN_TEXT_FOLD_H
#define KUMIHAN_TEXT_FOLD_H

#include <stddef.h>

/* Folds lines[0..n) (each without its newline, indentation already
 * removed or not: leading and trailing blanks are trimmed).  Returns a
 * malloc'd NUL-terminated string; *out_len gets its length. */
char *text_fold_lines(const char *const *lines, const size_t *lens, size_t n, size_t *out_len);
/* Folds a block of raw text split at '\n'. */
char *text_fold_raw(const char *raw, size_t len, size_t *out_len);

#endif
