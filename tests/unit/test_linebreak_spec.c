/* test_linebreak_spec.c — runs the spec-style cases of
 * tests/data/linebreak-spec.txt through lb_set_paragraph, one cmocka test
 * per case, named after the case.  Format (see the file's header):
 *   ### case name
 *   measure: 100        (pt; em is 10 pt; wide 10, ASCII 5, space 2.5)
 *   indent: 20          (optional first-line indent, pt)
 *   rules: normal hang  (optional words changing the defaults)
 *   glue: 3 4           (optional: char indices flagged LB_NO_BREAK_BEFORE)
 *   zwsp: 5             (optional: … LB_BREAK_BEFORE, as after a ZERO WIDTH SPACE)
 *   shy: 7              (optional: … LB_SOFT_HYPHEN: that char is a soft hyphen's hyphen)
 *   url: 2-40           (optional: … LB_URL; every list may hold ranges a-b)
 *   text: …
 *   status: too-wide 12 (optional: emergency breaks; lines may follow)
 *   lines:
 *   line text|reason
 *   x: 0 10 20          (optional: x of that line's glyphs)
 *   w: 100              (optional: that line's width)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "lb_test_util.h"

typedef struct spec_line {
    char *text, *reason, *x, *w;
} spec_line;

typedef struct spec_case {
    char *name, *text, *rules, *glue, *zwsp, *shy, *url, *status;
    float measure, indent;
    spec_line *lines;
    size_t n_lines;
} spec_case;

static char *dup_str(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    memcpy(d, s, n + 1);
    return d;
}

/* Value after "key: " if line starts with it, else NULL. */
static const char *field(const char *line, const char *key)
{
    size_t k = strlen(key);
    if (strncmp(line, key, k) != 0 || line[k] != ':')
        return NULL;
    return line[k + 1] == ' ' ? line + k + 2 : line + k + 1;
}

static void add_line(spec_case *c, const char *s)
{
    c->lines = realloc(c->lines, (c->n_lines + 1) * sizeof *c->lines);
    spec_line *l = &c->lines[c->n_lines++];
    memset(l, 0, sizeof *l);
    const char *bar = strrchr(s, '|');
    size_t tl = bar ? (size_t)(bar - s) : strlen(s);
    l->text = malloc(tl + 1);
    memcpy(l->text, s, tl);
    l->text[tl] = 0;
    l->reason = dup_str(bar ? bar + 1 : "?");
}

/* Applies one line of the file to the case being read. */
static void parse_line(spec_case *c, const char *s, bool *in_lines)
{
    const char *v;
    if ((v = field(s, "measure"))) c->measure = strtof(v, NULL);
    else if ((v = field(s, "indent"))) c->indent = strtof(v, NULL);
    else if ((v = field(s, "rules"))) c->rules = dup_str(v);
    else if ((v = field(s, "glue"))) c->glue = dup_str(v);
    else if ((v = field(s, "zwsp"))) c->zwsp = dup_str(v);
    else if ((v = field(s, "shy"))) c->shy = dup_str(v);
    else if ((v = field(s, "url"))) c->url = dup_str(v);
    else if ((v = field(s, "text"))) c->text = dup_str(v);
    else if ((v = field(s, "status"))) c->status = dup_str(v);
    else if (strcmp(s, "lines:") == 0) *in_lines = true;
    else if (*in_lines && (v = field(s, "x")) && c->n_lines) c->lines[c->n_lines - 1].x = dup_str(v);
    else if (*in_lines && (v = field(s, "w")) && c->n_lines) c->lines[c->n_lines - 1].w = dup_str(v);
    else if (*in_lines && s[0]) add_line(c, s);
}

/* The cases of the file; *n is 0 if it cannot be read. */
static spec_case *read_cases(const char *path, size_t *n)
{
    *n = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    spec_case *cases = NULL;
    char buf[4096];
    bool in_lines = false;
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = 0;
        if (strncmp(buf, "### ", 4) == 0) {
            cases = realloc(cases, (*n + 1) * sizeof *cases);
            memset(&cases[*n], 0, sizeof cases[*n]);
            cases[(*n)++].name = dup_str(buf + 4);
            in_lines = false;
        } else if (*n && buf[0] != '#') {
            parse_line(&cases[*n - 1], buf, &in_lines);
        }
    }
    fclose(f);
    return cases;
}

static void free_cases(spec_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        spec_case *c = &cases[i];
        for (size_t j = 0; j < c->n_lines; j++) {
            free(c->lines[j].text); free(c->lines[j].reason);
            free(c->lines[j].x); free(c->lines[j].w);
        }
        free(c->lines); free(c->name); free(c->text); free(c->rules);
        free(c->glue); free(c->status); free(c->zwsp); free(c->shy); free(c->url);
    }
    free(cases);
}

/* Words of the rules: line change the test defaults (tu_params). */
static void apply_rules(const char *rules, lb_params *p)
{
    char *copy = dup_str(rules ? rules : ""), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        typeset_rules *r = &p->rules;
        if (!strcmp(w, "strict")) r->kinsoku = KINSOKU_STRICT;
        else if (!strcmp(w, "normal")) r->kinsoku = KINSOKU_NORMAL;
        else if (!strcmp(w, "loose")) r->kinsoku = KINSOKU_LOOSE;
        else if (!strcmp(w, "compress")) r->compress_punctuation = true;
        else if (!strcmp(w, "nocompress")) r->compress_punctuation = false;
        else if (!strcmp(w, "justify")) r->justify = true;
        else if (!strcmp(w, "ragged")) r->justify = false;
        else if (!strcmp(w, "hang")) r->hanging_punctuation = true;
        else if (!strcmp(w, "nowaou")) r->wa_ou_space_em = r->wa_ou_space_min_em = 0;
        else if (!strcmp(w, "justify-last")) p->justify_last = true;
        else if (!strncmp(w, "max-expand=", 11)) r->max_expand_em = strtof(w + 11, NULL);
        else fail_msg("unknown rule word '%s'", w);
    }
    free(copy);
}

static void check_positions(const spec_case *c, const lb_result *r, size_t li)
{
    const lb_line *l = &r->lines[li];
    const char *s = c->lines[li].x;
    for (size_t g = 0; g < l->count; g++) {
        char *end;
        float want = strtof(s, &end);
        if (end == s)
            fail_msg("%s: line %zu lists %zu x values, has %zu glyphs", c->name, li + 1, g, l->count);
        float got = r->glyphs[l->first + g].x;
        if (got < want - 0.01f || got > want + 0.01f)
            fail_msg("%s: line %zu glyph %zu: x %.3f, expected %.3f", c->name, li + 1, g, got, want);
        s = end;
    }
}

static void check_line(const spec_case *c, const lb_result *r, size_t li)
{
    char *got = tu_line_text(r, li);
    const char *reason = lb_break_reason_name(r->lines[li].reason);
    if (strcmp(got, c->lines[li].text) != 0 || strcmp(reason, c->lines[li].reason) != 0) {
        print_error("%s: line %zu is '%s|%s', expected '%s|%s'\n", c->name, li + 1, got, reason,
                    c->lines[li].text, c->lines[li].reason);
        free(got);
        fail();
    }
    free(got);
    if (c->lines[li].x)
        check_positions(c, r, li);
    if (c->lines[li].w) {
        float want = strtof(c->lines[li].w, NULL), w = r->lines[li].width;
        if (w < want - 0.01f || w > want + 0.01f)
            fail_msg("%s: line %zu width %.3f, expected %.3f", c->name, li + 1, w, want);
    }
}

/* The result of the running case; freed by the teardown even when a
 * check fails and cmocka jumps out of run_case. */
static lb_result g_result;

static int free_result(void **state)
{
    lb_result_free(&g_result);
    return 0;
}

/* Sets flag on the chars listed in spec ("3 4 10-20"). */
static void flag_chars(lb_char *chars, size_t n, const char *spec, uint16_t flag)
{
    char *save = NULL, *list = dup_str(spec ? spec : "");
    for (char *w = strtok_r(list, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *dash = NULL;
        unsigned long a = strtoul(w, &dash, 10), b = *dash == '-' ? strtoul(dash + 1, NULL, 10) : a;
        for (unsigned long i = a; i <= b && i < n; i++)
            chars[i].flags |= flag;
    }
    free(list);
}

static void run_case(void **state)
{
    const spec_case *c = *state;
    lb_params p = tu_params(c->measure);
    p.first_indent = c->indent;
    apply_rules(c->rules, &p);
    size_t n, bad = (size_t)-1;
    lb_char *chars = tu_chars(c->text ? c->text : "", &n);
    flag_chars(chars, n, c->glue, LB_NO_BREAK_BEFORE);
    flag_chars(chars, n, c->zwsp, LB_BREAK_BEFORE);
    flag_chars(chars, n, c->shy, LB_SOFT_HYPHEN);
    flag_chars(chars, n, c->url, LB_URL);
    lb_result *r = &g_result;
    lb_result_init(r);
    lb_status st = lb_set_paragraph(chars, n, &p, r, &bad);
    free(chars);
    if (c->status) {
        char want[64];
        snprintf(want, sizeof want, "too-wide %zu", bad);
        bool ok = st == LB_TOO_WIDE && strcmp(want, c->status) == 0;
        if (!ok)
            fail_msg("%s: status %d (%s), expected %s", c->name, st, want, c->status);
        if (c->n_lines == 0)
            return;
    } else {
        assert_int_equal(st, LB_OK);
    }
    if (r->n_lines != c->n_lines) {
        for (size_t i = 0; i < r->n_lines; i++) {
            char *t = tu_line_text(r, i);
            print_error("  got line %zu: %s|%s\n", i + 1, t, lb_break_reason_name(r->lines[i].reason));
            free(t);
        }
        size_t got = r->n_lines;
        fail_msg("%s: %zu lines, expected %zu", c->name, got, c->n_lines);
    }
    for (size_t i = 0; i < r->n_lines; i++)
        check_line(c, r, i);
}

/* The file held 53 cases when this was written; fewer than this means it
 * was truncated or the reader stopped seeing its "### " headers, and a
 * run of zero tests must not pass. */
enum { MIN_CASES = 50 };

int main(void)
{
    const char *root = getenv("KUMIHAN_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/linebreak-spec.txt", root ? root : ".");
    size_t n = 0;
    spec_case *cases = read_cases(path, &n);
    if (n < MIN_CASES) {   /* also when the file cannot be read: n is 0 */
        fprintf(stderr, "%s: %zu cases read, expected at least %d\n", path, n, (int)MIN_CASES);
        free_cases(cases, n);
        return 1;
    }
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    for (size_t i = 0; i < n; i++)
        tests[i] = (struct CMUnitTest){.name = cases[i].name, .test_func = run_case,
                                       .teardown_func = free_result,
                                       .initial_state = &cases[i]};
    int failed = _cmocka_run_group_tests("linebreak-spec", tests, n, NULL, NULL);
    free(tests);
    free_cases(cases, n);
    return failed;
}
