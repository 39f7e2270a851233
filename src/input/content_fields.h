/* content_fields.h — what a content file may say, as tables: the top-level
 * keys with the kind of value each takes, and which key of which block
 * kind holds children of which kind (everything else about a block is its
 * text, "new" and "id").  content_load.c reads a content file by these
 * tables and `kumihan schema content` writes the JSON Schema of content
 * files from them (schema_write.c), so the two cannot drift. */
#ifndef KUMIHAN_CONTENT_FIELDS_H
#define KUMIHAN_CONTENT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"

/* The value of a top-level key. */
typedef enum content_value {
    CV_TEXT,        /* one line of text */
    CV_YEAR,        /* an integer, 1900 … 9999 */
    CV_DATE,        /* 2023-04-01 */
    CV_WORDS,       /* a list of words, or one text */
    CV_PARAGRAPHS,  /* a text (blank lines split it) or a list of texts */
    CV_PARTS,       /* a non-empty list of parts */
    CV_BOOL,        /* true or false */
    CV_BODY,        /* a list of body entries (body_load.c) */
    CV_LINES,       /* a text, or a list of texts: one line each */
    CV_PATH         /* a file name, relative to the content file's folder */
} content_value;

typedef struct content_key {
    const char *key;
    content_value value;
    bool required;
} content_key;

#define N_CONTENT_TOP_KEYS 16
extern const content_key content_top_keys[N_CONTENT_TOP_KEYS];
#define CONTENT_YEAR_MIN 1900
#define CONTENT_YEAR_MAX 9999

#define KIND_BIT(k) (1u << (k))

/* Key `key` of a block whose kind is in `parents` holds children of kind
 * `child` (paragraphs: a text or a list of texts; else a list of blocks). */
typedef struct child_rule {
    const char *key;
    block_kind child;
    unsigned parents;   /* KIND_BITs of the kinds that may hold this key */
} child_rule;

#define N_CHILD_RULES 6
extern const child_rule child_rules[N_CHILD_RULES];

/* Keys every block of some kinds may have besides its text, "new", "id"
 * and its children: body (a body list after its text), notes (※ lines
 * after everything else of it), keep_together (a bool). */
typedef struct block_extra {
    const char *key;
    content_value value;   /* CV_BODY, CV_LINES or CV_BOOL */
    unsigned kinds;        /* KIND_BITs of the kinds that may have it */
} block_extra;

#define N_BLOCK_EXTRAS 3
extern const block_extra block_extras[N_BLOCK_EXTRAS];

/* The keys of a body entry written as a mapping ({page_break: true}; the
 * table and figure entries), NULL-terminated. */
extern const char *const body_entry_keys[];

/* The key of a block's own text: headings have a title, list entries a text. */
const char *content_text_key(block_kind kind);

/* The keys a block of this kind may have, NULL-terminated, into buf (room
 * for CONTENT_MAX_BLOCK_KEYS + 1): its text key, "new" (a bool), "id" (a
 * text), then its children's keys in the order of child_rules, then its
 * block_extras.  Returns
 * how many. */
#define CONTENT_MAX_BLOCK_KEYS (3 + N_CHILD_RULES + N_BLOCK_EXTRAS)
size_t content_block_keys(block_kind kind, const char **buf);

#endif
