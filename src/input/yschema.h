/* yschema.h — checking YAML nodes against what a schema expects, shared by
 * the content and layout loaders: allowed keys (with "did you mean"),
 * node types, required fields, text, numbers with units, colours.  Every
 * failure is a diagnostic at the node's file:line:col; the helpers return
 * false and the loaders go on, so that one run reports every error. */
#ifndef KUMIHAN_YSCHEMA_H
#define KUMIHAN_YSCHEMA_H

#include <stdbool.h>
#include <stdint.h>
#include "diag.h"
#include "ytree.h"

/* Reports each key of map not in allowed (NULL-terminated), suggesting the
 * nearest allowed key when it is a likely typo.  False if any was unknown. */
bool ys_check_keys(const ynode *map, const char *const *allowed, const char *what, diag_list *dl);

/* True if node has the kind; else reports "WHAT must be a KIND, not a …". */
bool ys_expect(const ynode *node, ynode_kind kind, const char *what, diag_list *dl);

/* A required mapping member; reports D_MISSING_FIELD at the map if absent. */
const ynode *ys_require(const ynode *map, const char *key, const char *what, diag_list *dl);

/* Non-empty text scalar (after trimming blanks); NULL with a diagnostic
 * otherwise.  Also catches "key:value" typed without the space after ':'. */
const char *ys_text(const ynode *node, const char *what, diag_list *dl);

bool ys_bool(const ynode *node, const char *what, bool *out, diag_list *dl);
bool ys_int(const ynode *node, const char *what, long min, long max, long *out, diag_list *dl);
/* A length: "10.5pt", "12mm", "1.5cm", "1in" or a bare number (points). */
bool ys_length(const ynode *node, const char *what, float min, float max, float *out, diag_list *dl);
/* A plain number within [min, max]. */
bool ys_number(const ynode *node, const char *what, float min, float max, float *out, diag_list *dl);
/* "#rrggbb", "#rgb", or a name from a palette mapping (may be NULL). */
bool ys_color(const ynode *node, const ynode *palette, const char *what, uint32_t *out, diag_list *dl);
/* One of names[] (NULL-terminated); *out gets its index. */
bool ys_choice(const ynode *node, const char *const *names, const char *what, int *out, diag_list *dl);

/* Edit distance in bytes (ASCII letters compared case-blind), for "did you
 * mean"; 99 when either string is longer than 64 bytes.  Keys are ASCII;
 * for a non-ASCII name (a Japanese font role) one character counts as up
 * to three edits, which only makes a suggestion less likely. */
int ys_edit_distance(const char *a, const char *b);

/* The one rule of every "did you mean": the name in names (NULL-terminated)
 * that value is a near miss of, within a third of value's length in edits
 * (at least 1, at most 3); NULL when none is that near. */
const char *ys_did_you_mean(const char *value, const char *const *names);

#endif
