/* chardiff.h — character-level differences between two UTF-8 strings:
 * Myers' O(ND) shortest edit script on code points (Japanese has no word
 * spaces, so words are no unit), grouped into readable runs, and the
 * similarity ratio the document matcher uses.
 *
 * The search has a cost cap: past CD_MAX_WORK steps, or an edit distance
 * of CD_MAX_D (which bounds the trace kept for backtracking), a diff gives
 * up and calls the text replaced (all old text deleted, all new inserted),
 * so a rewritten megabyte paragraph costs milliseconds, not hours. */
#ifndef KUMIHAN_CHARDIFF_H
#define KUMIHAN_CHARDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum cd_kind { CD_EQUAL, CD_DELETE, CD_INSERT } cd_kind;

/* One run of the script.  Byte ranges: EQUAL and INSERT in the new
 * string, DELETE in the old one. */
typedef struct cd_op {
    cd_kind kind;
    size_t start, len;
} cd_op;

typedef struct cd_script {
    cd_op *ops;
    size_t n_ops, cap_ops;
    bool replaced;      /* the cost cap was hit: one change, old text → new text */
    size_t work;        /* Myers steps spent (diagonals tried + characters compared) */
} cd_script;

/* The cost cap of one Myers search, in steps, and the largest edit
 * distance a diff backtracks (its trace holds about CD_MAX_D²/2 cells). */
#define CD_MAX_WORK ((size_t)1 << 24)
#define CD_MAX_D 3000L

/* The grouped edit script from old to new: a change is a DELETE run
 * followed by an INSERT run; equal runs of one or two characters between
 * two changes are folded into them (中小企業者に対する金融[-円滑化-]{+支援+});
 * a number or date a change touches is changed whole, as a value
 * ([-2023-04-01-]{+2024-04-01+}, not 202[-3-]{+4+}-04-01).
 * Invalid UTF-8 is compared byte-wise
 * as U+FFFD, which never makes the script wrong, only coarser. */
void cd_diff(const char *old_text, const char *new_text, cd_script *out);
void cd_script_free(cd_script *s);
bool cd_script_has_changes(const cd_script *s);

/* 2·LCS / (|a| + |b|) over code points, in [0, 1]; texts whose ratio is
 * surely below min_ratio return early with 0 (the Myers search stops at
 * the edit distance that ratio allows).  Two empty texts are 1.  When the
 * cost cap stops the search first, the ratio is unknown but may reach
 * min_ratio: min_ratio is returned (similar, as weakly as can be).  The
 * steps spent are added to *work when work is not NULL. */
double cd_similarity(const char *a, const char *b, double min_ratio, size_t *work);

/* Writes "[-deleted-]{+inserted+}" markup of s (old→new) to a malloc'd
 * string (never NULL). */
char *cd_markup(const cd_script *s, const char *old_text, const char *new_text);

#endif
