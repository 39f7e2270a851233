/* cli_args.c — one parser for every command, driven by two tables: the
 * options (spelling, value) and the commands (which options each takes).
 * An option a command does not take is a usage error, never ignored: the
 * staff should not believe `check -o x` wrote something. */
#include "cli_args.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "sbuf.h"
#include "yschema.h"

/* Each synopsis is one message to translate ("usage:" and its alignment
 * change with the language), so none is built from the others. */
const char *const cli_usage_all = N_(
    "usage: kumihan build CONTENT.yaml [--layout LAYOUT.yaml] [-o OUT.pdf]\n"
    "                     [--impose saddle|2up|single|none] [--print-output PRINT.pdf]\n"
    "                     [--compare OLD.yaml] [-q]\n"
    "       kumihan check CONTENT.yaml [--layout LAYOUT.yaml] [--strict]\n"
    "       kumihan dump --stage tree|lines|pages|text CONTENT.yaml [--layout LAYOUT.yaml]\n"
    "       kumihan watch CONTENT.yaml [the options of build]\n"
    "       kumihan diff OLD.yaml NEW.yaml [--layout LAYOUT.yaml]\n"
    "       kumihan new-year OLD.yaml NEW.yaml\n"
    "       kumihan schema content|layout\n"
    "       kumihan --help | --version\n");

#define BUILD_OPTIONS (CLI_LAYOUT | CLI_OUTPUT | CLI_COMPARE | CLI_IMPOSE | CLI_PRINT_OUTPUT | CLI_QUIET)

static const cli_command commands[] = {
    {CMD_BUILD, "build",
     N_("usage: kumihan build CONTENT.yaml [--layout LAYOUT.yaml] [-o OUT.pdf]\n"
        "                     [--impose saddle|2up|single|none] [--print-output PRINT.pdf]\n"
        "                     [--compare OLD.yaml] [-q]\n"),
     BUILD_OPTIONS, 1, N_("build: no content file given")},
    {CMD_WATCH, "watch", N_("usage: kumihan watch CONTENT.yaml [the options of build]\n"), BUILD_OPTIONS, 1,
     N_("watch: no content file given")},
    {CMD_CHECK, "check", N_("usage: kumihan check CONTENT.yaml [--layout LAYOUT.yaml] [--strict]\n"),
     CLI_LAYOUT | CLI_STRICT, 1, N_("check: no content file given")},
    {CMD_DUMP, "dump", N_("usage: kumihan dump --stage tree|lines|pages|text CONTENT.yaml [--layout LAYOUT.yaml]\n"),
     CLI_LAYOUT | CLI_STAGE, 1, N_("dump: no content file given")},
    {CMD_DIFF, "diff", N_("usage: kumihan diff OLD.yaml NEW.yaml [--layout LAYOUT.yaml]\n"), CLI_LAYOUT, 2,
     N_("diff needs OLD and NEW content files")},
    {CMD_NEW_YEAR, "new-year", N_("usage: kumihan new-year OLD.yaml NEW.yaml\n"), 0, 2,
     N_("new-year needs this year's plan and the file for next year's, e.g. "
        "kumihan new-year content/plan-2023.yaml content/plan-2024.yaml")},
    {CMD_SCHEMA, "schema", N_("usage: kumihan schema content|layout\n"), 0, 1,
     N_("schema: say which: kumihan schema content, or kumihan schema layout")},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const struct option_spec {
    cli_option bit;
    const char *name;
    const char *value;        /* what follows it ("FILE"), NULL for a flag */
} option_specs[] = {
    {CLI_LAYOUT, "--layout", "LAYOUT.yaml"},
    {CLI_OUTPUT, "-o", "OUT.pdf"},
    {CLI_STAGE, "--stage", "tree|lines|pages|text"},
    {CLI_COMPARE, "--compare", "OLD.yaml"},
    {CLI_IMPOSE, "--impose", "saddle|2up|single|none"},
    {CLI_PRINT_OUTPUT, "--print-output", "PRINT.pdf"},
    {CLI_STRICT, "--strict", NULL},
    {CLI_QUIET, "-q", NULL},
    {CLI_QUIET, "--quiet", NULL},
};
#define N_OPTIONS (sizeof option_specs / sizeof option_specs[0])

static const struct option_spec *find_option(const char *arg)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (strcmp(option_specs[i].name, arg) == 0)
            return &option_specs[i];
    return NULL;
}

static const cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static const char **value_slot(cli_args *a, cli_option bit)
{
    switch (bit) {
    case CLI_LAYOUT: return &a->layout;
    case CLI_OUTPUT: return &a->output;
    case CLI_STAGE: return &a->stage;
    case CLI_COMPARE: return &a->compare;
    case CLI_IMPOSE: return &a->impose;
    case CLI_PRINT_OUTPUT: return &a->print_output;
    case CLI_STRICT:
    case CLI_QUIET: break;
    }
    return NULL;
}

/* "kumihan: <fmt>\n<usage>" in a malloc'd string. */
static char *usage_message(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static char *usage_message(const char *usage, const char *fmt, ...)
{
    sbuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    sbuf_puts(&b, "kumihan: ");
    sbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    sbuf_printf(&b, "\n%s", _(usage));
    return sbuf_detach(&b);
}

/* The option a misspelt one was meant to be (the one "did you mean"
 * rule, ys_did_you_mean), or NULL. */
static const char *nearest_option(const char *arg)
{
    const char *names[N_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++)
        names[i] = option_specs[i].name;
    names[N_OPTIONS] = NULL;
    return ys_did_you_mean(arg, names);
}

static char *unknown_option(const char *usage, const char *arg)
{
    const char *near = nearest_option(arg);
    if (near)
        return usage_message(usage, _("unknown option: %s (did you mean %s?)"), arg, near);
    return usage_message(usage, _("unknown option: %s"), arg);
}

/* "build", "build or watch", "build, watch or dump": the commands that take the option. */
static char *commands_taking(unsigned bit)
{
    sbuf b = {0};
    size_t n = 0, total = 0;
    for (size_t i = 0; i < N_COMMANDS; i++)
        total += (commands[i].options & bit) != 0;
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (commands[i].options & bit) {
            n++;
            sbuf_printf(&b, "%s%s", n == 1 ? "" : n == total ? _(" or ") : ", ", commands[i].name);
        }
    return sbuf_detach(&b);
}

typedef struct parse_state {
    cli_args *args;
    unsigned seen;            /* options given, in any order */
    const char *command_name;
    const char *usage;        /* the named command's, else every command's */
    const char *extra;        /* the first positional argument too many */
    char **message;
} parse_state;

static const struct option_spec *spec_of(unsigned bit)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (option_specs[i].bit == bit)
            return &option_specs[i];
    return NULL;
}

/* One option at argv[*i] (advancing past its value); false on a usage error. */
static bool take_option(parse_state *s, const struct option_spec *o, int argc, char **argv, int *i)
{
    const char *usage = s->usage;
    if (!o->value) {
        if (o->bit == CLI_STRICT)
            s->args->strict = true;
        else
            s->args->quiet = true;
        s->seen |= o->bit;
        return true;
    }
    /* "-o --layout x": the value was forgotten, not named "--layout" */
    if (*i + 1 >= argc || find_option(argv[*i + 1])) {
        *s->message = usage_message(usage, _("%s needs a value after it: %s %s"), o->name, o->name, o->value);
        return false;
    }
    const char **slot = value_slot(s->args, o->bit);
    const char *value = argv[++*i];
    if (*slot) {
        *s->message = usage_message(usage, _("%s is given twice (%s, then %s); give it once"), o->name, *slot,
                                    value);
        return false;
    }
    *slot = value;
    s->seen |= o->bit;
    return true;
}

static void take_positional(parse_state *s, const char *arg)
{
    cli_args *a = s->args;
    if (!s->command_name)
        s->command_name = arg;
    else if (a->n_files < 2)
        a->files[a->n_files++] = arg;
    else if (!s->extra)
        s->extra = arg;
}

/* After the words are sorted: the command, its options, its files. */
static cli_status check_against_command(parse_state *s)
{
    cli_args *a = s->args;
    if (!s->command_name) {
        *s->message = usage_message(cli_usage_all, _("no command given"));
        return CLI_USAGE;
    }
    const cli_command *c = find_command(s->command_name);
    if (!c) {
        *s->message = usage_message(cli_usage_all, _("unknown command: %s"), s->command_name);
        return CLI_USAGE;
    }
    unsigned refused = s->seen & ~c->options;
    if (refused) {
        unsigned bit = refused & -refused;   /* the first in table order */
        const struct option_spec *o = spec_of(bit);
        char *takers = commands_taking(bit);
        *s->message = usage_message(c->usage, _("%s does not take %s (it is an option of %s); leave it out"),
                                    c->name, o->name, takers[0] ? takers : _("another command"));
        free(takers);
        return CLI_USAGE;
    }
    const char *extra = a->n_files > c->n_files ? a->files[c->n_files] : s->extra;
    if (extra) {
        *s->message = usage_message(c->usage, _("%s: unexpected argument: %s"), c->name, extra);
        return CLI_USAGE;
    }
    if (a->n_files < c->n_files) {
        *s->message = usage_message(c->usage, "%s", _(c->files_missing));
        return CLI_USAGE;
    }
    a->command = c;
    return CLI_RUN;
}

/* The first word that is neither an option nor an option's value: the
 * command, looked up before the options so that their errors show its usage. */
static const char *command_word(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const struct option_spec *o = find_option(argv[i]);
        if (o && o->value)
            i++;
        else if (!o && !(argv[i][0] == '-' && argv[i][1]))
            return argv[i];
    }
    return "";
}

cli_status cli_parse(int argc, char **argv, cli_args *args, char **message)
{
    memset(args, 0, sizeof *args);
    *message = NULL;
    const cli_command *named = find_command(command_word(argc, argv));
    parse_state s = {.args = args, .message = message, .usage = named ? named->usage : cli_usage_all};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
            return CLI_HELP;
        if (strcmp(arg, "--version") == 0)
            return CLI_VERSION;
        const struct option_spec *o = find_option(arg);
        if (o) {
            if (!take_option(&s, o, argc, argv, &i))
                return CLI_USAGE;
        } else if (arg[0] == '-' && arg[1]) {
            *message = unknown_option(s.usage, arg);
            return CLI_USAGE;
        } else {
            take_positional(&s, arg);
        }
    }
    return check_against_command(&s);
}
