/* test_cli_args.c — the command line grammar: each command accepts exactly
 * the options of its row (checked against a matrix written out here, not
 * read back from the table), diff goes through the same parser, and every
 * usage error names the option and the command with the command's usage. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cli_args.h"

#define MAX_ARGS 16
#define MAX_KEPT 128

/* the parsed values point into the copied lines: kept until the end */
static char *kept[MAX_KEPT];
static size_t n_kept;

/* Parses the words of line (space-separated); returns the status, frees
 * the message unless want_message. */
static cli_status parse(const char *line, cli_args *a, char **want_message)
{
    char *copy = strdup(line);
    char *argv[MAX_ARGS] = {"kumihan"};
    int argc = 1;
    for (char *w = strtok(copy, " "); w && argc < MAX_ARGS; w = strtok(NULL, " "))
        argv[argc++] = w;
    char *message = NULL;
    cli_status st = cli_parse(argc, argv, a, &message);
    if (st == CLI_USAGE)
        assert_non_null(message);
    else
        assert_null(message);
    if (want_message)
        *want_message = message;
    else
        free(message);
    assert_true(n_kept < MAX_KEPT);
    kept[n_kept++] = copy;
    return st;
}

static void expect_usage(const char *line, const char *says, const char *usage_of)
{
    cli_args a;
    char *message = NULL;
    assert_int_equal(parse(line, &a, &message), CLI_USAGE);
    if (!strstr(message, says) || !strstr(message, usage_of))
        fail_msg("%s\n-> %s\n(wanted \"%s\" and \"%s\")", line, message, says, usage_of);
    free(message);
}

static void test_issue_example_is_refused(void **state)
{
    (void)state;
    /* issue 15: this exited 0 and ignored all three options */
    expect_usage("check c.yaml --compare x -o y --stage tree", "check does not take -o (it is an option of build or watch)",
                 "usage: kumihan check CONTENT.yaml");
    char *message = NULL;
    cli_args a;
    parse("check c.yaml --strict -o y", &a, &message);
    /* only check's own synopsis, not every command's */
    assert_null(strstr(message, "kumihan build"));
    assert_int_equal(strncmp(message, "kumihan: ", 9), 0);
    free(message);
}

/* Which command takes which option, written out by hand from the README. */
static void test_option_matrix(void **state)
{
    (void)state;
    static const char *options[] = {"--layout L", "-o O", "--stage tree", "--compare C", "--impose saddle",
                                    "--print-output P", "--strict", "-q", "--quiet"};
    static const struct {
        const char *command;
        const char *files;
        const char *accepts;   /* one letter per option above: y or n */
    } rows[] = {
        {"build", "c.yaml", "yynyyynyy"},
        {"watch", "c.yaml", "yynyyynyy"},
        {"check", "c.yaml", "ynnnnnynn"},
        {"dump", "c.yaml", "ynynnnnnn"},
        {"diff", "a.yaml b.yaml", "ynnnnnnnn"},
        {"new-year", "a.yaml b.yaml", "nnnnnnnnn"},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        for (size_t o = 0; o < sizeof options / sizeof options[0]; o++) {
            char line[128];
            snprintf(line, sizeof line, "%s %s %s", rows[r].command, rows[r].files, options[o]);
            cli_args a;
            cli_status st = parse(line, &a, NULL);
            if (st != (rows[r].accepts[o] == 'y' ? CLI_RUN : CLI_USAGE))
                fail_msg("%s: status %d", line, (int)st);
        }
    }
}

static void test_values_and_files(void **state)
{
    (void)state;
    cli_args a;
    assert_int_equal(parse("build c.yaml --layout l.yaml -o - --impose 2up --print-output p.pdf", &a, NULL),
                     CLI_RUN);
    assert_int_equal(a.command->id, CMD_BUILD);
    assert_int_equal(a.n_files, 1);
    assert_string_equal(a.files[0], "c.yaml");
    assert_string_equal(a.layout, "l.yaml");
    assert_string_equal(a.output, "-");   /* "-" is a value, standard output */
    assert_string_equal(a.impose, "2up");
    assert_string_equal(a.print_output, "p.pdf");
    assert_null(a.compare);
    /* options may come before the command */
    assert_int_equal(parse("--layout l.yaml check c.yaml --strict", &a, NULL), CLI_RUN);
    assert_int_equal(a.command->id, CMD_CHECK);
    assert_true(a.strict);
    assert_string_equal(a.layout, "l.yaml");
}

static void test_diff_goes_through_the_parser(void **state)
{
    (void)state;
    cli_args a;
    assert_int_equal(parse("diff old.yaml new.yaml --layout l.yaml", &a, NULL), CLI_RUN);
    assert_int_equal(a.command->id, CMD_DIFF);
    assert_int_equal(a.n_files, 2);
    assert_string_equal(a.files[0], "old.yaml");
    assert_string_equal(a.files[1], "new.yaml");
    expect_usage("diff old.yaml", "diff needs OLD and NEW content files", "usage: kumihan diff OLD.yaml");
    expect_usage("diff a b c", "diff: unexpected argument: c", "usage: kumihan diff");
    expect_usage("diff a b --strict", "diff does not take --strict (it is an option of check)", "usage: kumihan diff");
}

static void test_watch_quiet_and_new_year(void **state)
{
    (void)state;
    cli_args a;
    assert_int_equal(parse("watch c.yaml -q --layout l.yaml -o o.pdf", &a, NULL), CLI_RUN);
    assert_int_equal(a.command->id, CMD_WATCH);
    assert_true(a.quiet);
    assert_false(a.strict);   /* a flag sets only its own field */
    assert_string_equal(a.output, "o.pdf");
    assert_int_equal(parse("build c.yaml --quiet", &a, NULL), CLI_RUN);
    assert_true(a.quiet);
    assert_int_equal(parse("check c.yaml --strict", &a, NULL), CLI_RUN);
    assert_false(a.quiet);
    assert_int_equal(parse("new-year content/plan-2023.yaml content/plan-2024.yaml", &a, NULL), CLI_RUN);
    assert_int_equal(a.command->id, CMD_NEW_YEAR);
    assert_string_equal(a.files[1], "content/plan-2024.yaml");
    expect_usage("new-year a.yaml", "new-year needs this year's plan and the file for next year's",
                 "usage: kumihan new-year OLD.yaml NEW.yaml");
    expect_usage("watch", "watch: no content file given", "usage: kumihan watch");
    expect_usage("watch c.yaml --strict", "watch does not take --strict (it is an option of check)",
                 "usage: kumihan watch");
    expect_usage("check c.yaml -q", "check does not take -q (it is an option of build or watch)",
                 "usage: kumihan check");
}

static void test_usage_errors(void **state)
{
    (void)state;
    expect_usage("", "kumihan: no command given", "kumihan dump --stage");
    expect_usage("buld c.yaml", "unknown command: buld", "kumihan check CONTENT");
    expect_usage("build c.yaml --layuot l", "unknown option: --layuot (did you mean --layout?)",
                 "usage: kumihan build");
    expect_usage("build c.yaml --frobnicate", "unknown option: --frobnicate\n", "usage: kumihan build");
    expect_usage("build c.yaml -o", "-o needs a value after it: -o OUT.pdf", "usage: kumihan build");
    expect_usage("build c.yaml -o --layout l", "-o needs a value after it", "usage: kumihan build");
    expect_usage("build c.yaml -o a.pdf -o b.pdf", "-o is given twice (a.pdf, then b.pdf); give it once",
                 "usage: kumihan build");
    expect_usage("build a.yaml b.yaml", "build: unexpected argument: b.yaml", "usage: kumihan build");
    expect_usage("check", "check: no content file given", "usage: kumihan check");
    expect_usage("dump c.yaml --compare o.yaml", "dump does not take --compare (it is an option of build or watch)",
                 "usage: kumihan dump");
    expect_usage("dump c.yaml --layout a --layout b", "--layout is given twice", "usage: kumihan dump");
}

static void test_help_and_version(void **state)
{
    (void)state;
    cli_args a;
    assert_int_equal(parse("--help", &a, NULL), CLI_HELP);
    assert_int_equal(parse("-h", &a, NULL), CLI_HELP);
    assert_int_equal(parse("build c.yaml --help", &a, NULL), CLI_HELP);
    assert_int_equal(parse("--version", &a, NULL), CLI_VERSION);
    assert_non_null(strstr(cli_usage_all, "kumihan diff OLD.yaml NEW.yaml"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_example_is_refused),
        cmocka_unit_test(test_option_matrix),
        cmocka_unit_test(test_values_and_files),
        cmocka_unit_test(test_diff_goes_through_the_parser),
        cmocka_unit_test(test_watch_quiet_and_new_year),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_help_and_version),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    for (size_t i = 0; i < n_kept; i++)
        free(kept[i]);
    return failed;
}
