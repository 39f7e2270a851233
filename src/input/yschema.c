/* yschema.c — schema checks for YAML nodes, with located diagnostics. */
#include "yschema.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rgb_color.h"
#include "utf8.h"

/* Optimal string alignment distance (Levenshtein plus adjacent
 * transpositions, so "titel" is one edit from "title"), ASCII-case-blind. */
int ys_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    int d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

static bool key_allowed(const char *key, const char *const *allowed)
{
    for (; *allowed; allowed++)
        if (strcmp(key, *allowed) == 0)
            return true;
    return false;
}

const char *ys_did_you_mean(const char *key, const char *const *allowed)
{
    const char *best = NULL;
    int best_d = 4;
    int limit = (int)strlen(key) / 3;
    if (limit < 1)
        limit = 1;
    for (; *allowed; allowed++) {
        int d = ys_edit_distance(key, *allowed);
        if (d < best_d && d <= limit) {
            best = *allowed;
            best_d = d;
        }
    }
    return best;
}

static void list_keys(char *buf, size_t size, const char *const *allowed)
{
    size_t used = 0;
    buf[0] = '\0';
    for (; *allowed && used + 2 < size; allowed++) {
        int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", *allowed);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}

/* "did you mean 'title'?" for a near miss, else the whole list. */
static void hint_nearest(diag_list *dl, const char *value, const char *const *names, const char *list_format)
{
    const char *near = ys_did_you_mean(value, names);
    if (near) {
        diag_hint(dl, _("did you mean '%s'?"), near);
        return;
    }
    char list[512];
    list_keys(list, sizeof list, names);
    diag_hint(dl, list_format, list);
}

bool ys_check_keys(const ynode *map, const char *const *allowed, const char *what, diag_list *dl)
{
    bool ok = true;
    if (!map || map->kind != YN_MAPPING)
        return true;
    for (size_t i = 0; i < map->count; i++) {
        const ynode *key = map->keys[i];
        if (key_allowed(key->value, allowed))
            continue;
        ok = false;
        diag_report(dl, D_UNKNOWN_KEY, key->loc, _("unknown key '%s' in %s"), key->value, _(what));
        hint_nearest(dl, key->value, allowed, _("allowed here: %s"));
    }
    return ok;
}


static const char *kind_with_article(ynode_kind kind)
{
    switch (kind) {
    case YN_SCALAR: return _("a single value");
    case YN_SEQUENCE: return _("a list");
    case YN_MAPPING: return _("a mapping (key: value)");
    }
    return "?";
}

bool ys_expect(const ynode *node, ynode_kind kind, const char *what, diag_list *dl)
{
    if (node && node->kind == kind)
        return true;
    if (!node)
        return false;
    diag_report(dl, D_WRONG_TYPE, node->loc, _("%s must be %s, not %s"), _(what),
                kind_with_article(kind), kind_with_article(node->kind));
    return false;
}

/* Whether map has a key that is a near miss for key ("titel" for "title"):
 * ys_check_keys already said "did you mean", so "has no 'title'" would
 * only repeat it. */
static bool has_misspelling_of(const ynode *map, const char *key)
{
    const char *const wanted[] = {key, NULL};
    for (size_t i = 0; map->kind == YN_MAPPING && i < map->count; i++)
        if (strcmp(map->keys[i]->value, key) != 0 && ys_did_you_mean(map->keys[i]->value, wanted))
            return true;
    return false;
}

const ynode *ys_require(const ynode *map, const char *key, const char *what, diag_list *dl)
{
    const ynode *v = ynode_get(map, key);
    if (!v && !has_misspelling_of(map, key))
        diag_report(dl, D_MISSING_FIELD, map->loc, _("%s has no '%s'"), _(what), key);
    return v;
}

static bool is_blank_text(const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            continue;
        /* U+3000 ideographic space alone is no text either */
        if (utf8_is_ideographic_space(s, strnlen(s, UTF8_IDEOGRAPHIC_SPACE_LEN))) {
            s += UTF8_IDEOGRAPHIC_SPACE_LEN - 1;
            continue;
        }
        return false;
    }
    return true;
}

/* "title:foo" — a key typed without the space after ':' is read by YAML as
 * one plain value.  Only flag it when the part before ':' looks like a key. */
static bool looks_like_glued_key(const char *s)
{
    size_t n = 0;
    while (islower((unsigned char)s[n]) || s[n] == '_')
        n++;
    /* "https://…" is an address, not a key */
    return n >= 2 && s[n] == ':' && s[n + 1] != '\0' && s[n + 1] != ' ' && s[n + 1] != '/';
}

const char *ys_text(const ynode *node, const char *what, diag_list *dl)
{
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return NULL;
    if (is_blank_text(node->value)) {
        diag_report(dl, D_EMPTY_TEXT, node->loc, _("%s is empty"), _(what));
        return NULL;
    }
    if (!node->quoted && looks_like_glued_key(node->value)) {
        diag_report(dl, D_YAML_SYNTAX, node->loc, _("'%s' looks like a key without a space after ':'"),
                    node->value);
        diag_hint(dl, _("write a space after the colon, e.g. 'title: …'"));
        return NULL;
    }
    return node->value;
}

bool ys_bool(const ynode *node, const char *what, bool *out, diag_list *dl)
{
    static const char *const yes[] = {"true", "yes", "on", NULL};
    static const char *const no[] = {"false", "no", "off", NULL};
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return false;
    for (int i = 0; yes[i]; i++) {
        if (strcmp(node->value, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(node->value, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    diag_report(dl, D_BAD_VALUE, node->loc, _("%s must be true or false, not '%s'"), _(what), node->value);
    return false;
}

static bool parse_double(const char *s, double *out, const char **rest)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !isfinite(v))
        return false;
    *out = v;
    *rest = end;
    return true;
}

bool ys_int(const ynode *node, const char *what, long min, long max, long *out, diag_list *dl)
{
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return false;
    char *end;
    errno = 0;
    long v = strtol(node->value, &end, 10);
    if (end == node->value || *end || errno) {
        diag_report(dl, D_BAD_VALUE, node->loc, _("%s must be a whole number, not '%s'"), _(what), node->value);
        return false;
    }
    if (v < min || v > max) {
        diag_report(dl, D_OUT_OF_RANGE, node->loc, _("%s is %ld; it must be from %ld to %ld"), _(what), v, min, max);
        return false;
    }
    *out = v;
    return true;
}

static bool unit_factor(const char *unit, double *factor)
{
    static const struct { const char *name; double pt; } units[] = {
        {"", 1.0}, {"pt", 1.0}, {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i].name) == 0) {
            *factor = units[i].pt;
            return true;
        }
    return false;
}

static bool check_range(const ynode *node, const char *what, double v, float min, float max, diag_list *dl)
{
    if (v >= min && v <= max)
        return true;
    diag_report(dl, D_OUT_OF_RANGE, node->loc, _("%s is %g; it must be from %g to %g"), _(what), v, min, max);
    return false;
}

bool ys_length(const ynode *node, const char *what, float min, float max, float *out, diag_list *dl)
{
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return false;
    double v, factor;
    const char *unit;
    if (!parse_double(node->value, &v, &unit) || !unit_factor(unit, &factor)) {
        diag_report(dl, D_BAD_VALUE, node->loc, _("%s must be a length such as 10.5pt or 20mm, not '%s'"),
                    _(what), node->value);
        return false;
    }
    v *= factor;
    if (!check_range(node, what, v, min, max, dl))
        return false;
    *out = (float)v;
    return true;
}

bool ys_number(const ynode *node, const char *what, float min, float max, float *out, diag_list *dl)
{
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return false;
    double v;
    const char *rest;
    if (!parse_double(node->value, &v, &rest) || *rest) {
        diag_report(dl, D_BAD_VALUE, node->loc, _("%s must be a number, not '%s'"), _(what), node->value);
        return false;
    }
    if (!check_range(node, what, v, min, max, dl))
        return false;
    *out = (float)v;
    return true;
}

static bool parse_hex_color(const char *s, uint32_t *out)
{
    size_t n = strlen(s);
    if (s[0] != '#' || (n != 4 && n != 7))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    unsigned long v = strtoul(s + 1, NULL, 16);
    if (n == 4)
        v = ((v & 0xF00) << 12 | (v & 0xF00) << 8) | ((v & 0x0F0) << 8 | (v & 0x0F0) << 4) |
            ((v & 0x00F) << 4 | (v & 0x00F));
    *out = (uint32_t)v;
    return true;
}

/* "gray(0.8)" or "cmyk(1, 0.6, 0, 0.4)": the print colours, each
 * argument 0 … 1 (rgb_color.h packs them). */
static bool parse_print_color(const char *s, uint32_t *out)
{
    static const struct { const char *name; int n_args; } fns[] = {{"gray(", 1}, {"cmyk(", 4}};
    for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
        size_t len = strlen(fns[f].name);
        if (strncmp(s, fns[f].name, len) != 0)
            continue;
        double v[4];
        const char *p = s + len;
        for (int i = 0; i < fns[f].n_args; i++) {
            while (*p == ' ')
                p++;
            if (i > 0 && *p++ != ',')
                return false;
            if (!parse_double(p, &v[i], &p) || v[i] < 0 || v[i] > 1)
                return false;
        }
        while (*p == ' ')
            p++;
        if (strcmp(p, ")") != 0)
            return false;
        *out = fns[f].n_args == 1 ? color_gray(v[0]) : color_cmyk(v[0], v[1], v[2], v[3]);
        return true;
    }
    return false;
}

static bool parse_color(const char *s, uint32_t *out)
{
    return parse_hex_color(s, out) || parse_print_color(s, out);
}

bool ys_color(const ynode *node, const ynode *palette, const char *what, uint32_t *out, diag_list *dl)
{
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return false;
    const ynode *named = palette ? ynode_get(palette, node->value) : NULL;
    if (named && named->kind == YN_SCALAR && parse_color(named->value, out))
        return true;
    if (parse_color(node->value, out))
        return true;
    diag_report(dl, D_BAD_VALUE, node->loc,
                _("%s must be a colour like \"#1f4e79\", \"gray(0.8)\", \"cmyk(1, 0.6, 0, 0.4)\" or a name from "
                  "'colors', not '%s'"),
                what, node->value);
    return false;
}

bool ys_choice(const ynode *node, const char *const *names, const char *what, int *out, diag_list *dl)
{
    if (!ys_expect(node, YN_SCALAR, what, dl))
        return false;
    for (int i = 0; names[i]; i++)
        if (strcmp(node->value, names[i]) == 0) {
            *out = i;
            return true;
        }
    diag_report(dl, D_BAD_VALUE, node->loc, _("%s cannot be '%s'"), _(what), node->value);
    hint_nearest(dl, node->value, names, _("choose one of: %s"));
    return false;
}
