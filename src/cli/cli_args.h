/* cli_args.h — the command line's grammar: which commands exist, which
 * options each accepts (one table), and the one parser every command goes
 * through, diff included.  It only checks the shape of the arguments; what
 * a value means (a --stage name, an --impose method) is checked by the
 * command that uses it. */
#ifndef KUMIHAN_CLI_ARGS_H
#define KUMIHAN_CLI_ARGS_H

#include <stdbool.h>
#include <stdio.h>

/* Every option, as a bit so that a command's accepted set is one mask. */
typedef enum cli_option {
    CLI_LAYOUT = 1 << 0,        /* --layout FILE */
    CLI_OUTPUT = 1 << 1,        /* -o FILE */
    CLI_STAGE = 1 << 2,         /* --stage NAME */
    CLI_COMPARE = 1 << 3,       /* --compare OLD */
    CLI_IMPOSE = 1 << 4,        /* --impose METHOD */
    CLI_PRINT_OUTPUT = 1 << 5,  /* --print-output FILE */
    CLI_STRICT = 1 << 6,        /* --strict */
    CLI_QUIET = 1 << 7,         /* -q, --quiet */
} cli_option;

typedef enum cli_command_id {
    CMD_BUILD, CMD_WATCH, CMD_CHECK, CMD_DUMP, CMD_DIFF, CMD_NEW_YEAR, CMD_SCHEMA
} cli_command_id;

/* One row of the command table. */
typedef struct cli_command {
    cli_command_id id;
    const char *name;
    const char *usage;        /* its synopsis, "usage: kumihan build …\n" */
    unsigned options;         /* the cli_option bits it accepts */
    int n_files;              /* positional files it needs */
    const char *files_missing;   /* the message when fewer are given */
} cli_command;

typedef struct cli_args {
    const cli_command *command;
    const char *files[2];     /* CONTENT, or OLD and NEW for diff and new-year, or the schema's name */
    int n_files;
    const char *layout;
    const char *output;
    const char *stage;
    const char *compare;
    const char *impose;
    const char *print_output;
    bool strict;
    bool quiet;               /* no line saying what a successful build wrote */
} cli_args;

typedef enum cli_status {
    CLI_RUN,        /* args is filled: run args.command */
    CLI_HELP,       /* --help: print the help, exit 0 */
    CLI_VERSION,    /* --version: print the version, exit 0 */
    CLI_USAGE,      /* a usage error: print *message, exit 2 */
} cli_status;

/* The synopsis of every command, for --help and unknown commands. */
extern const char *const cli_usage_all;   /* msgid: print with _() */

/* Parses argv.  On CLI_USAGE, *message is a malloc'd text for stderr:
 * "kumihan: <what is wrong>\n" then the usage of the command (or of all
 * commands when none is known); the caller frees it.  Options may stand
 * anywhere, before or after the command and the files. */
cli_status cli_parse(int argc, char **argv, cli_args *args, char **message);

#endif
