/* yaml_load.c — reads a YAML file into a ytree (see ytree.h): checks the
 * bytes first (UTF-8, control characters, limits), then turns libyaml's
 * events into nodes with file:line:col, refolds multi-line scalars the
 * Japanese way and explains syntax errors in plain words.  The only file
 * that includes <yaml.h>. */
#include "i18n.h"
#include "ytree.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>
#include "input_file.h"

#include "text_fold.h"
#include "utf8.h"
#include "vec.h"
#include "xalloc.h"

static const ytree_limits default_limits = {
    .max_file_bytes = 4u << 20,
    .max_nodes = 200000,
    .max_depth = 64,
    .max_line_bytes = 16u << 10,
};

/* An open sequence or mapping, and for a mapping the key whose value has
 * not arrived yet (owned here until then). */
typedef struct open_node {
    ynode *node;
    ynode *pending_key;
} open_node;

typedef struct loader {
    ytree *tree;
    diag_list *dl;
    ytree_limits lim;
    const char *text;     /* what libyaml parses: the source after any BOM */
    size_t text_len;
    size_t bom;           /* 3 when the source starts with a UTF-8 BOM */
    size_t *line_starts;  /* byte offset in text of each line (0-based) */
    size_t cap_line_starts;
    size_t nlines;
    size_t nodes;
    open_node *stack;
    size_t depth, stack_cap;
    int documents;
    bool failed;
} loader;

/* ---- locations ------------------------------------------------------ */

static src_loc loc_at(const loader *L, int line0, int col0)
{
    return (src_loc){ L->tree->path, line0 + 1, col0 + 1 };
}

static src_loc mark_loc(const loader *L, yaml_mark_t m)
{
    return loc_at(L, (int)m.line, (int)m.column);
}

static void fail(loader *L, diag_kind kind, src_loc loc, const char *what)
{
    diag_report(L->dl, kind, loc, "%s", what);
    L->failed = true;
}

/* The bytes of line line0 (0-based) without its break. */
static const char *line_text(const loader *L, size_t line0, size_t *len)
{
    if (line0 >= L->nlines) {
        *len = 0;
        return L->text + L->text_len;
    }
    size_t start = L->line_starts[line0];
    size_t end = line0 + 1 < L->nlines ? L->line_starts[line0 + 1] : L->text_len;
    while (end > start && (L->text[end - 1] == '\n' || L->text[end - 1] == '\r'))
        end--;
    *len = end - start;
    return L->text + start;
}

/* Byte offset in text of a libyaml mark: its line start plus `column`
 * code points (libyaml counts columns in characters). */
static size_t mark_offset(const loader *L, yaml_mark_t m)
{
    if (m.line >= L->nlines)
        return L->text_len;
    size_t i = L->line_starts[m.line];
    for (size_t c = 0; c < m.column && i < L->text_len; c++) {
        uint32_t cp;
        utf8_decode(L->text, L->text_len, &i, &cp);
    }
    return i;
}

/* ---- checking the bytes before parsing ------------------------------ */

static void push_line_start(loader *L, size_t offset)
{
    VEC_PUSH(L->line_starts, L->nlines, L->cap_line_starts, offset);
}

/* Characters a text file should not contain: C0/C1 controls other than
 * TAB/LF/CR, DEL, line/paragraph separators (libyaml would count them as
 * line breaks and every position after them would be off) and the
 * noncharacters U+FFFE/U+FFFF.  A BOM inside the text (pasted from a file)
 * is allowed: text_run.c drops it. */
static bool is_forbidden(uint32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0xFFFE || cp == 0xFFFF;
}

static void report_bad_utf8(loader *L, size_t line0, int col0, size_t at)
{
    unsigned char byte = (unsigned char)L->text[at];
    diag_report(L->dl, D_BAD_UTF8, loc_at(L, (int)line0, col0),
                _("invalid UTF-8 (byte 0x%02X at byte offset %zu)"), byte, at + L->bom);
    diag_hint(L->dl, _("save the file as UTF-8 (it may be in Shift_JIS or another encoding)"));
    L->failed = true;
}

static void report_control(loader *L, size_t line0, int col0, uint32_t cp)
{
    diag_report(L->dl, D_CONTROL_CHAR, loc_at(L, (int)line0, col0),
                _("invisible control character U+%04X is not allowed"), (unsigned)cp);
    diag_hint(L->dl, _("delete it; it was probably pasted in by accident"));
    L->failed = true;
}

static void check_line_length(loader *L, size_t line0, size_t end)
{
    size_t len = end - L->line_starts[line0];
    if (len <= L->lim.max_line_bytes)
        return;
    diag_report(L->dl, D_LIMIT, loc_at(L, (int)line0, 0),
                _("line is %zu bytes long; the limit is %zu"), len, L->lim.max_line_bytes);
    L->failed = true;
}

/* Length of the line break at text[i], 0 if none ("\r\n" is one break). */
static size_t break_length(const loader *L, size_t i)
{
    if (L->text[i] == '\n')
        return 1;
    if (L->text[i] == '\r')
        return i + 1 < L->text_len && L->text[i + 1] == '\n' ? 2 : 1;
    return 0;
}

/* One pass over the bytes: records line starts, stops at the first
 * invalid UTF-8 sequence, reports control characters and long lines. */
static void prescan(loader *L)
{
    size_t i = 0;
    int col0 = 0;
    push_line_start(L, 0);
    while (i < L->text_len && !diag_too_many(L->dl)) {
        size_t brk = break_length(L, i);
        if (brk) {
            check_line_length(L, L->nlines - 1, i);
            i += brk;
            col0 = 0;
            push_line_start(L, i);
            continue;
        }
        size_t at = i;
        uint32_t cp;
        if (!utf8_decode(L->text, L->text_len, &i, &cp)) {
            report_bad_utf8(L, L->nlines - 1, col0, at);
            return;
        }
        if (is_forbidden(cp))
            report_control(L, L->nlines - 1, col0, cp);
        col0++;
    }
    check_line_length(L, L->nlines - 1, i);
}

/* ---- hints for syntax errors --------------------------------------- */

/* Bytes of leading ASCII spaces, TABs and U+3000 on a line. */
static size_t indent_bytes(const char *s, size_t len, bool *tab, bool *ideo)
{
    size_t i = 0;
    *tab = *ideo = false;
    for (;;) {
        if (i < len && (s[i] == ' ' || s[i] == '\t')) {
            *tab |= s[i++] == '\t';
        } else if (utf8_is_ideographic_space(s + i, len - i)) {
            *ideo = true;
            i += UTF8_IDEOGRAPHIC_SPACE_LEN;
        } else {
            return i;
        }
    }
}

static bool line_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return s[i] == '#';   /* a comment line counts as blank */
    return true;
}

/* The nearest non-blank line above line0, or SIZE_MAX. */
static size_t previous_content_line(const loader *L, size_t line0)
{
    while (line0-- > 0) {
        size_t len;
        const char *s = line_text(L, line0, &len);
        if (!line_is_blank(s, len))
            return line0;
    }
    return SIZE_MAX;
}

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

/* "key:value" at the start of a line (after indentation and "- "): the
 * key's length, or 0. */
static size_t glued_key(const char *s, size_t len, size_t *key_start)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i + 1 < len && s[i] == '-' && s[i + 1] == ' ')
        i += 2;
    size_t k = i;
    while (k < len && is_key_char(s[k]))
        k++;
    if (k == i || k + 1 >= len || s[k] != ':' || s[k + 1] == ' ' || s[k + 1] == '\t' || s[k + 1] == '/')
        return 0;
    *key_start = i;
    return k - i;
}

/* What a syntax error most likely is, and where the mistake itself sits:
 * libyaml often notices a line or more after it (an unclosed quote at the
 * end of the file, a glued "key:value" on the next key), so the report
 * points at the culprit when one is found. */
typedef enum culprit_kind {
    C_NONE, C_IDEO_INDENT, C_TAB_INDENT, C_QUOTE, C_GLUED_COLON, C_GLUED_DASH, C_KEY_IN_TEXT, C_INDENT_WIDTH
} culprit_kind;

typedef struct culprit {
    culprit_kind kind;
    size_t line0, col0;       /* 0-based, in characters */
    const char *key;          /* C_GLUED_COLON, C_KEY_IN_TEXT: the key, in the source */
    size_t key_len;
    char quote;               /* C_QUOTE */
} culprit;

static bool find_glued_colon(loader *L, size_t line0, culprit *c)
{
    size_t len, start;
    const char *s = line_text(L, line0, &len);
    size_t klen = glued_key(s, len, &start);
    if (!klen)
        return false;
    *c = (culprit){ .kind = C_GLUED_COLON, .line0 = line0, .col0 = start + klen, .key = s + start, .key_len = klen };
    return true;
}

static bool find_quote(loader *L, const yaml_parser_t *p, culprit *c)
{
    if (!p->context || !strstr(p->context, "quoted scalar"))
        return false;
    size_t at = mark_offset(L, p->context_mark);
    *c = (culprit){ .kind = C_QUOTE, .line0 = p->context_mark.line, .col0 = p->context_mark.column,
                    .quote = at < L->text_len ? L->text[at] : '"' };
    return true;
}

/* The first line a syntax error may come from: libyaml reports "could
 * not find expected ':'" lines after the text it was reading as a key
 * started (its context mark), and other errors at the line after the
 * slip; either way the slip is on this line or below it. */
static size_t suspect_start(const loader *L, const yaml_parser_t *p)
{
    size_t line0 = p->problem_mark.line;
    if (p->context && strstr(p->context, "simple key") && p->context_mark.line < line0)
        return p->context_mark.line;
    size_t prev = previous_content_line(L, line0);
    return prev == SIZE_MAX ? line0 : prev;
}

/* Checks the suspect lines (see suspect_start) for tabs and full-width
 * spaces in the indentation; points at the first of them. */
static bool find_indent_chars(loader *L, size_t first, size_t line0, culprit *c)
{
    for (size_t k = first; k <= line0 && k < L->nlines; k++) {
        size_t len;
        bool tab, ideo;
        const char *s = line_text(L, k, &len);
        size_t n = indent_bytes(s, len, &tab, &ideo);
        if ((!tab && !ideo) || line_is_blank(s + n, len - n))
            continue;
        size_t i = 0;
        while (i < n && s[i] == ' ')
            i++;
        *c = (culprit){ .kind = s[i] == '\t' ? C_TAB_INDENT : C_IDEO_INDENT, .line0 = k,
                        .col0 = utf8_count(s, i) };
        return true;
    }
    return false;
}

/* "-text" where "- text" was meant: a dash glued to what follows it at
 * the start of a suspect line ("---" and "-5" of a number excepted). */
static bool find_glued_dash(loader *L, size_t first, size_t line0, culprit *c)
{
    for (size_t k = first; k <= line0 && k < L->nlines; k++) {
        size_t len, i = 0;
        const char *s = line_text(L, k, &len);
        while (i < len && s[i] == ' ')
            i++;
        if (i + 1 >= len || s[i] != '-')
            continue;
        char next = s[i + 1];
        if (next == ' ' || next == '\t' || next == '-' || (next >= '0' && next <= '9'))
            continue;
        *c = (culprit){ .kind = C_GLUED_DASH, .line0 = k, .col0 = utf8_count(s, i) };
        return true;
    }
    return false;
}

static bool find_indent_width(loader *L, size_t line0, culprit *c)
{
    size_t prev = previous_content_line(L, line0);
    if (prev == SIZE_MAX)
        return false;
    size_t len, plen;
    bool tab, ideo;
    const char *s = line_text(L, line0, &len);
    const char *ps = line_text(L, prev, &plen);
    size_t indent = indent_bytes(s, len, &tab, &ideo);
    if (line_is_blank(s, len) || indent == indent_bytes(ps, plen, &tab, &ideo))
        return false;
    *c = (culprit){ .kind = C_INDENT_WIDTH, .line0 = line0, .col0 = indent };
    return true;
}

/* "new: true" indented further than the keys of its entry: libyaml has
 * read it as a continuation of the plain text above and stops at ':'. */
static bool find_key_in_text(loader *L, const yaml_parser_t *p, culprit *c)
{
    size_t line0 = p->problem_mark.line, len, i = 0;
    if (!p->problem || !strstr(p->problem, "mapping values are not allowed"))
        return false;
    const char *s = line_text(L, line0, &len);
    while (i < len && s[i] == ' ')
        i++;
    size_t k = i;
    while (k < len && is_key_char(s[k]))
        k++;
    if (k == i || k >= len || s[k] != ':' || previous_content_line(L, line0) == SIZE_MAX)
        return false;
    *c = (culprit){ .kind = C_KEY_IN_TEXT, .line0 = line0, .col0 = utf8_count(s, i), .key = s + i,
                    .key_len = k - i };
    return true;
}

static culprit find_culprit(loader *L, const yaml_parser_t *p)
{
    culprit c = { .kind = C_NONE, .line0 = p->problem_mark.line, .col0 = p->problem_mark.column };
    size_t line0 = p->problem_mark.line;
    size_t first = suspect_start(L, p);
    size_t prev = previous_content_line(L, line0);
    if (find_indent_chars(L, first, line0, &c) || find_quote(L, p, &c) || find_glued_colon(L, line0, &c))
        return c;
    if (prev != SIZE_MAX && find_glued_colon(L, prev, &c))
        return c;
    if (find_glued_dash(L, first, line0, &c) || find_key_in_text(L, p, &c))
        return c;
    find_indent_width(L, line0, &c);
    return c;
}

static void hint_culprit(loader *L, const culprit *c)
{
    switch (c->kind) {
    case C_IDEO_INDENT:
        diag_hint(L->dl, _("全角スペース (U+3000) cannot indent YAML; use half-width spaces"));
        break;
    case C_TAB_INDENT:
        diag_hint(L->dl, _("YAML indentation must use spaces, not tabs"));
        break;
    case C_QUOTE:
        diag_hint(L->dl, _("this quote %c is never closed; add the closing %c at the end of the text"),
                  c->quote, c->quote);
        break;
    case C_GLUED_COLON:
        diag_hint(L->dl, _("put a space after ':' (write '%.*s: …', not '%.*s:…')"), (int)c->key_len, c->key,
                  (int)c->key_len, c->key);
        break;
    case C_GLUED_DASH:
        diag_hint(L->dl, _("put a space after '-' (write '- text', not '-text'): a list entry starts with '- '"));
        break;
    case C_KEY_IN_TEXT:
        diag_hint(L->dl, _("'%.*s:' is indented more than the line above, so it reads as part of that "
                  "line's text; line it up with the other keys of its entry"), (int)c->key_len, c->key);
        break;
    case C_INDENT_WIDTH:
        diag_hint(L->dl, _("this line is indented differently from the lines above it"));
        break;
    case C_NONE:
        break;
    }
}

/* What the user did, for each libyaml problem text (matched by its start):
 * libyaml's own words ("mapping values are not allowed in this context")
 * describe its grammar, not the file, and never reach the user. */
static const struct {
    const char *problem;
    const char *message;
} problem_messages[] = {
    {"mapping values are not allowed",
     N_("a text contains ': ' (a colon and a space), which YAML reads as a new key; put the whole text in "
        "quotes: \"…\"")},
    {"could not find expected ':'", N_("this line should be a key followed by ':' and its value, but no ':' "
                                       "was found")},
    {"did not find expected key", N_("this line does not line up with the keys of its entry; check its "
                                     "indentation")},
    {"did not find expected '-' indicator", N_("this line is inside a list but does not start with '- '")},
    {"block sequence entries are not allowed", N_("a list entry '- ' stands where a text or a key was "
                                                  "expected; check the indentation")},
    {"found character that cannot start any token",
     N_("a text starts with a character YAML keeps for itself (such as @, `, %, | or >); put the text in "
        "quotes: \"…\"")},
    {"found a tab character", N_("a tab is used for indentation; YAML indents with spaces only")},
    {"found unexpected end of stream", N_("the file ends inside a quoted text: a closing quote is missing")},
    {"found unknown escape character", N_("a backslash \\ inside \"…\" starts an unknown escape; write \\\\ "
                                          "or use '…' quotes")},
    {"did not find expected hexdecimal number", N_("a \\x or \\u escape inside \"…\" is incomplete; write "
                                                   "\\\\ for a backslash")},
    {"found invalid Unicode character escape code", N_("a \\u escape inside \"…\" names no character")},
    {"did not find expected ',' or ']'", N_("a list in [ ] is not closed with ']'")},
    {"did not find expected ',' or '}'", N_("a group in { } is not closed with '}'")},
    {"did not find expected node content", N_("a value is missing here, or starts with a character that "
                                              "needs quotes")},
    {"did not find expected comment or line break", N_("text follows '|' or '>' on the same line; start "
                                                       "the text on the next line")},
    {"did not find expected alphabetic or numeric character",
     N_("a text starts with '&', '*' or '!', which YAML keeps for itself; put the text in quotes: \"…\"")},
    {"found unexpected document indicator", N_("a line '---' or '...' stands inside a text; put the text "
                                               "in quotes")},
    {"did not find expected <document start>", N_("something follows the end of the document")},
};

static const char *problem_message(const char *problem)
{
    for (size_t i = 0; problem && i < sizeof problem_messages / sizeof problem_messages[0]; i++)
        if (strncmp(problem, problem_messages[i].problem, strlen(problem_messages[i].problem)) == 0)
            return _(problem_messages[i].message);
    return _("the structure of the file is broken here: check the indentation, the ': ' after each key "
             "and the quotes around texts");
}

/* The culprit found on the line (a tab, a glued colon…) says best what the
 * user did; otherwise libyaml's problem, put in the user's words. */
static const char *culprit_message(const culprit *c, const char *problem)
{
    switch (c->kind) {
    case C_IDEO_INDENT: return _("a full-width space (全角スペース) is used for indentation");
    case C_TAB_INDENT: return _("a tab is used for indentation; YAML indents with spaces only");
    case C_QUOTE: return _("a quoted text is not closed");
    case C_GLUED_COLON: return _("a key has no space after its ':'");
    case C_GLUED_DASH: return _("a list entry has no space after its '-'");
    case C_KEY_IN_TEXT: return _("a key is indented as if it were part of the text above");
    case C_INDENT_WIDTH:   /* a guess: the hint says it */
    case C_NONE: break;
    }
    return problem_message(problem);
}

static void syntax_error(loader *L, const yaml_parser_t *p)
{
    L->failed = true;
    if (p->error == YAML_MEMORY_ERROR) {   /* libyaml's own allocation: its failure, not ours (xalloc.h) */
        diag_report(L->dl, D_INTERNAL, loc_at(L, -1, -1), _("out of memory while reading the YAML file"));
        return;
    }
    if (p->error == YAML_READER_ERROR) {   /* the byte checks before parsing catch these first */
        diag_report(L->dl, D_YAML_SYNTAX, loc_at(L, -1, -1),
                    _("the file contains bytes that are not text (it may not be a YAML file)"));
        diag_hint(L->dl, _("save the file as UTF-8 text"));
        return;
    }
    culprit c = find_culprit(L, p);
    src_loc loc = loc_at(L, (int)c.line0, (int)c.col0);
    const char *message = culprit_message(&c, p->problem);
    if (c.line0 != p->problem_mark.line)   /* noticed later: say where */
        diag_report(L->dl, D_YAML_SYNTAX, loc, _("%s (noticed at line %zu, column %zu)"), message,
                    p->problem_mark.line + 1, p->problem_mark.column + 1);
    else
        diag_report(L->dl, D_YAML_SYNTAX, loc, "%s", message);
    hint_culprit(L, &c);
}

/* ---- the tree ------------------------------------------------------- */

static void ynode_free(ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++) {
        ynode_free(n->items[i]);
        if (n->keys)
            ynode_free(n->keys[i]);
    }
    free(n->items);
    free(n->keys);
    free(n->value);
    free(n);
}

void ytree_free(ytree *t)
{
    if (!t)
        return;
    ynode_free(t->root);
    free(t->line_starts);
    free(t->path);
    free(t->source);
    free(t);
}

static ynode *new_node(loader *L, ynode_kind kind, yaml_mark_t mark)
{
    if (++L->nodes > L->lim.max_nodes) {
        diag_report(L->dl, D_LIMIT, mark_loc(L, mark), _("more than %zu YAML nodes"), L->lim.max_nodes);
        L->failed = true;
        return NULL;
    }
    ynode *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->loc = mark_loc(L, mark);
    return n;
}

static void append_child(ynode *parent, ynode *key, ynode *item)
{
    if (parent->count == parent->cap) {
        VEC_RESERVE(parent->items, parent->cap, parent->count + 1);
        if (parent->kind == YN_MAPPING)   /* keys run beside items, as many */
            parent->keys = xreallocarray(parent->keys, parent->cap, sizeof *parent->keys);
    }
    if (parent->kind == YN_MAPPING)
        parent->keys[parent->count] = key;
    parent->items[parent->count++] = item;
}

static const ynode *find_key(const ynode *map, const char *key, size_t len)
{
    for (size_t i = 0; i < map->count; i++)
        if (map->keys[i]->len == len && memcmp(map->keys[i]->value, key, len) == 0)
            return map->keys[i];
    return NULL;
}

/* A key must be a scalar, unique in its mapping, and (kumihan keys being
 * ASCII words) not start with a full-width space used as indentation. */
static bool check_key(loader *L, const ynode *map, const ynode *key)
{
    if (key->kind != YN_SCALAR) {
        fail(L, D_BAD_VALUE, key->loc, _("a mapping key must be a plain word, not a list or mapping"));
        return false;
    }
    if (!key->quoted && utf8_is_ideographic_space(key->value, key->len)) {
        fail(L, D_YAML_SYNTAX, key->loc, _("key starts with a full-width space"));
        diag_hint(L->dl, _("全角スペース (U+3000) cannot indent YAML; use half-width spaces"));
        return false;
    }
    const ynode *first = find_key(map, key->value, key->len);
    if (first) {
        diag_report(L->dl, D_BAD_VALUE, key->loc, _("duplicate key '%s' (first at line %d)"), key->value,
                    first->loc.line);
        L->failed = true;
        return false;
    }
    return true;
}

/* Puts a new node into its parent (or makes it the root).  False, with
 * the node freed, when it is a bad key. */
static bool attach(loader *L, ynode *n)
{
    if (L->depth == 0) {
        L->tree->root = n;
        return true;
    }
    open_node *top = &L->stack[L->depth - 1];
    if (top->node->kind == YN_SEQUENCE) {
        append_child(top->node, NULL, n);
    } else if (!top->pending_key) {
        if (!check_key(L, top->node, n)) {
            ynode_free(n);
            return false;
        }
        top->pending_key = n;
    } else {
        append_child(top->node, top->pending_key, n);
        top->pending_key = NULL;
    }
    return true;
}

static bool depth_ok(loader *L, yaml_mark_t mark)
{
    if (L->depth < (size_t)L->lim.max_depth)
        return true;
    diag_report(L->dl, D_LIMIT, mark_loc(L, mark), _("nesting deeper than %d levels"), L->lim.max_depth);
    L->failed = true;
    return false;
}

/* Opens a collection that attach() has already put into the tree. */
static void push(loader *L, ynode *n)
{
    VEC_RESERVE(L->stack, L->stack_cap, L->depth + 1);
    L->stack[L->depth++] = (open_node){ n, NULL };
}

/* ---- scalars -------------------------------------------------------- */

static char *copy_bytes(const char *s, size_t len)
{
    char *d = xmalloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

/* Skips a leading "!tag " in a raw plain scalar. */
static size_t skip_tag(const char *s, size_t len)
{
    size_t i = 0;
    if (len == 0 || s[0] != '!')
        return 0;
    while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
        i++;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Skips a block scalar's header line ("|", ">-", "|2 # comment", with
 * any tag before it) through its line break. */
static size_t skip_block_header(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] != '\n' && s[i] != '\r')
        i++;
    if (i < len && s[i] == '\r')
        i++;
    if (i < len && s[i] == '\n')
        i++;
    return i;
}

/* libyaml folds a line break in plain and folded scalars into a space,
 * which splits Japanese words (and `|` keeps breaks that are only source
 * layout).  For a multi-line plain, folded or literal scalar, take the
 * raw source between the marks and fold it with text_fold_raw().  Quoted
 * multi-line scalars keep libyaml's value: their escapes need its
 * decoder, and a quoted scalar spanning lines is rare in kumihan files. */
static char *refold(const loader *L, const yaml_event_t *ev, size_t *len)
{
    size_t start = mark_offset(L, ev->start_mark);
    size_t end = mark_offset(L, ev->end_mark);
    const char *raw = L->text + start;
    size_t raw_len = end > start ? end - start : 0;
    size_t skip = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? skip_tag(raw, raw_len)
                                                                   : skip_block_header(raw, raw_len);
    return text_fold_raw(raw + skip, raw_len - skip, len);
}

static bool needs_refold(const yaml_event_t *ev)
{
    yaml_scalar_style_t st = ev->data.scalar.style;
    bool foldable = st == YAML_PLAIN_SCALAR_STYLE || st == YAML_FOLDED_SCALAR_STYLE ||
                    st == YAML_LITERAL_SCALAR_STYLE;
    return foldable && ev->start_mark.line != ev->end_mark.line;
}

/* A one-line plain scalar whose value is its source text (no tag):
 * diagnostics about a character inside it can point at that character. */
static void mark_if_verbatim(const loader *L, ynode *n, const yaml_event_t *ev)
{
    if (n->quoted || ev->start_mark.line != ev->end_mark.line)
        return;
    size_t start = mark_offset(L, ev->start_mark), end = mark_offset(L, ev->end_mark);
    if (end < start || end - start != n->len || memcmp(L->text + start, n->value, n->len) != 0)
        return;
    n->loc.exact = true;
}

/* Where the escape that made a NUL in a double-quoted scalar is ("\0",
 * "\x00", "\u0000", "\U00000000"), or the scalar's start if not found. */
static yaml_mark_t nul_escape_mark(const loader *L, const yaml_event_t *ev)
{
    static const char *const escapes[] = { "0", "x00", "u0000", "U00000000" };
    yaml_mark_t m = ev->start_mark;
    size_t i = mark_offset(L, ev->start_mark), end = mark_offset(L, ev->end_mark);
    while (i < end) {
        if (L->text[i] == '\\' && i + 1 < end) {
            for (size_t e = 0; e < 4; e++) {
                size_t n = strlen(escapes[e]);
                if (end - (i + 1) >= n && memcmp(L->text + i + 1, escapes[e], n) == 0)
                    return m;
            }
            i++;   /* the backslash; the escaped character follows */
            m.column++;
        }
        uint32_t cp;
        bool line_break = L->text[i] == '\n';
        utf8_decode(L->text, end, &i, &cp);
        m.column = line_break ? 0 : m.column + 1;
        m.line += line_break;
    }
    return ev->start_mark;
}

/* libyaml hands over a length, but every later stage reads C strings: a
 * NUL made by an escape would cut the text there without a word.  The
 * scan goes on, so that every such slip is reported in one run. */
static void reject_nul(loader *L, const yaml_event_t *ev)
{
    if (!memchr(ev->data.scalar.value, '\0', ev->data.scalar.length))
        return;
    fail(L, D_CONTROL_CHAR, mark_loc(L, nul_escape_mark(L, ev)),
         _("text contains the NUL character U+0000, which would cut it short"));
    diag_hint(L->dl, _("remove the escape (\\0, \\x00 or \\u0000) that produces it"));
}

static void set_scalar_value(loader *L, ynode *n, const yaml_event_t *ev)
{
    yaml_scalar_style_t st = ev->data.scalar.style;
    n->quoted = st == YAML_SINGLE_QUOTED_SCALAR_STYLE || st == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    n->plain = st == YAML_PLAIN_SCALAR_STYLE;
    n->end = mark_loc(L, ev->end_mark);
    reject_nul(L, ev);
    if (needs_refold(ev)) {
        n->value = refold(L, ev, &n->len);
    } else {
        n->len = ev->data.scalar.length;
        n->value = copy_bytes((const char *)ev->data.scalar.value, n->len);
    }
    mark_if_verbatim(L, n, ev);
}

/* ---- events --------------------------------------------------------- */

static bool reject_anchor(loader *L, const yaml_char_t *anchor, yaml_mark_t mark)
{
    if (!anchor)
        return true;
    fail(L, D_BAD_VALUE, mark_loc(L, mark),
         _("anchors and aliases (&, *) are not supported in kumihan files"));
    return false;
}

static bool on_scalar(loader *L, const yaml_event_t *ev)
{
    if (!reject_anchor(L, ev->data.scalar.anchor, ev->start_mark))
        return false;
    ynode *n = new_node(L, YN_SCALAR, ev->start_mark);
    if (!n)
        return false;
    set_scalar_value(L, n, ev);
    return attach(L, n);
}

static bool on_collection_start(loader *L, const yaml_event_t *ev, ynode_kind kind)
{
    const yaml_char_t *anchor = kind == YN_MAPPING ? ev->data.mapping_start.anchor
                                                   : ev->data.sequence_start.anchor;
    if (!reject_anchor(L, anchor, ev->start_mark) || !depth_ok(L, ev->start_mark))
        return false;
    ynode *n = new_node(L, kind, ev->start_mark);
    if (!n || !attach(L, n))
        return false;
    push(L, n);
    return true;
}

static bool on_document_start(loader *L, const yaml_event_t *ev)
{
    if (++L->documents == 1)
        return true;
    fail(L, D_YAML_SYNTAX, mark_loc(L, ev->start_mark),
         _("a second YAML document starts here; a kumihan file holds one document"));
    diag_hint(L->dl, _("remove the '---' line (or split the file in two)"));
    return false;
}

static bool on_event(loader *L, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        return on_document_start(L, ev);
    case YAML_SCALAR_EVENT:
        return on_scalar(L, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_collection_start(L, ev, YN_SEQUENCE);
    case YAML_MAPPING_START_EVENT:
        return on_collection_start(L, ev, YN_MAPPING);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        L->depth--;
        return true;
    case YAML_ALIAS_EVENT:
        return reject_anchor(L, ev->data.alias.anchor, ev->start_mark);
    default:
        return true;
    }
}

static void parse_events(loader *L)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        fail(L, D_INTERNAL, loc_at(L, -1, -1), _("out of memory while reading the YAML file"));
        return;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)L->text, L->text_len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    for (bool done = false; !done;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            syntax_error(L, &p);
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT || !on_event(L, &ev);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
}

/* ---- loading -------------------------------------------------------- */

/* An empty document ("", comments only, or a bare "---") has no root. */
static void drop_empty_root(ytree *t)
{
    ynode *r = t->root;
    if (r && r->kind == YN_SCALAR && !r->quoted && r->len == 0) {
        ynode_free(r);
        t->root = NULL;
    }
}

static void loader_cleanup(loader *L)
{
    for (size_t i = 0; i < L->depth; i++)
        ynode_free(L->stack[i].pending_key);
    free(L->stack);
    /* the tree keeps the line starts, as offsets in its whole source */
    for (size_t i = 0; i < L->nlines; i++)
        L->line_starts[i] += L->bom;
    L->tree->line_starts = L->line_starts;
    L->tree->nlines = L->nlines;
}

/* Takes ownership of path and data (data[len] must be '\0'). */
static ytree *load_owned(char *path, char *data, size_t len, const ytree_limits *limits,
                         diag_list *dl)
{
    ytree *t = xcalloc(1, sizeof *t);
    *t = (ytree){ .path = path, .source = data, .source_len = len };
    loader L = { .tree = t, .dl = dl, .lim = limits ? *limits : default_limits };
    L.bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    L.text = data + L.bom;
    L.text_len = len - L.bom;
    if (len > L.lim.max_file_bytes)
        fail(&L, D_LIMIT, (src_loc){ path, 0, 0 }, _("file is larger than the limit"));
    else
        prescan(&L);
    if (!L.failed)
        parse_events(&L);
    loader_cleanup(&L);
    drop_empty_root(t);
    if (L.failed) {
        ytree_free(t);
        return NULL;
    }
    return t;
}

ytree *ytree_load_buffer(const char *name, const char *data, size_t len,
                         const ytree_limits *limits, diag_list *dl)
{
    size_t max = limits ? limits->max_file_bytes : default_limits.max_file_bytes;
    if (len > max) {
        diag_report(dl, D_LIMIT, (src_loc){ name, 0, 0 },
                    _("file is %zu bytes; the limit is %zu"), len, max);
        return NULL;
    }
    return load_owned(xstrdup(name ? name : "<buffer>"), copy_bytes(data, len), len, limits, dl);
}

/* Reads at most max + 1 bytes of f (one more than allowed, so that an
 * over-long file is noticed even when its size was not known). */
static char *read_capped(FILE *f, size_t max, size_t *len)
{
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        VEC_RESERVE(buf, cap, n + 4096 + 1);   /* + 1: the NUL */
        size_t want = cap - 1 - n;
        if (want > max + 1 - n)
            want = max + 1 - n;
        size_t got = fread(buf + n, 1, want, f);
        n += got;
        if (got < want || n > max)
            break;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

ytree *ytree_load(const char *path, const ytree_limits *limits, diag_list *dl)
{
    size_t max = limits ? limits->max_file_bytes : default_limits.max_file_bytes;
    src_loc at_file = { path, 0, 0 };
    const char *why = NULL;
    FILE *f = input_file_open(path, &why);
    if (!f) {
        diag_report(dl, D_IO, at_file, _("cannot open: %s"), why);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
        diag_report(dl, D_LIMIT, at_file, _("file is %jd bytes; the limit is %zu"),
                    (intmax_t)st.st_size, max);
        fclose(f);
        return NULL;
    }
    size_t len;
    char *data = read_capped(f, max, &len);
    bool read_error = ferror(f);
    fclose(f);
    if (read_error)
        diag_report(dl, D_IO, at_file, _("cannot read the file"));
    else if (len > max)
        diag_report(dl, D_LIMIT, at_file, _("file is larger than the limit of %zu bytes"), max);
    if (read_error || len > max) {
        free(data);
        return NULL;
    }
    return load_owned(xstrdup(path), data, len, limits, dl);
}

/* ---- lookup ---------------------------------------------------------- */

const char *ytree_line(const ytree *t, int line, size_t *len)
{
    if (!t || line < 1 || (size_t)line > t->nlines) {
        *len = 0;
        return NULL;
    }
    size_t k = (size_t)line - 1;
    size_t start = t->line_starts[k];
    size_t end = k + 1 < t->nlines ? t->line_starts[k + 1] : t->source_len;
    while (end > start && (t->source[end - 1] == '\n' || t->source[end - 1] == '\r'))
        end--;
    *len = end - start;
    return t->source + start;
}

const ynode *ynode_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YN_MAPPING || !key)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < map->count; i++)
        if (map->keys[i]->len == len && memcmp(map->keys[i]->value, key, len) == 0)
            return map->items[i];
    return NULL;
}

const char *ynode_kind_name(ynode_kind kind)
{
    switch (kind) {
    case YN_SCALAR: return "scalar";
    case YN_SEQUENCE: return "sequence";
    case YN_MAPPING: return "mapping";
    }
    return "?";
}
