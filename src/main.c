/* main.c — the kumihan command line: parses arguments, runs the pipeline,
 * prints diagnostics, and turns them into the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "check.h"
#include "compare.h"
#include "diag.h"
#include "docdiff.h"
#include "dump.h"
#include "impose.h"
#include "pipeline.h"
#include "xalloc.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: kumihan build CONTENT.yaml [--layout LAYOUT.yaml] [-o OUT.pdf]\n"
    "                     [--impose saddle|2up|none] [--print-output PRINT.pdf]\n"
    "                     [--compare OLD.yaml]\n"
    "       kumihan check CONTENT.yaml [--layout LAYOUT.yaml] [--strict]\n"
    "       kumihan dump --stage tree|lines|pages|text CONTENT.yaml [--layout LAYOUT.yaml]\n"
    "       kumihan diff OLD.yaml NEW.yaml [--layout LAYOUT.yaml]\n"
    "       kumihan --help | --version\n";

static const char help_text[] =
    "kumihan typesets a Japanese document from YAML content and YAML layout\n"
    "rules into a print-ready PDF with embedded fonts.\n"
    "\n"
    "commands:\n"
    "  build    typeset CONTENT and write the PDF (default OUT: out/<name>.pdf)\n"
    "  check    validate CONTENT and LAYOUT without writing anything; also warn\n"
    "           about likely typos (--strict makes warnings errors)\n"
    "  dump     print one stage of the pipeline as text (tree, lines, pages, text)\n"
    "  diff     report what changed from OLD to NEW: added, deleted, moved and\n"
    "           edited blocks located in NEW's numbering, edited text diffed by\n"
    "           character ([-deleted-]{+inserted+}); renumbering alone is no change\n"
    "\n"
    "options:\n"
    "  --layout FILE   layout rules (default: layouts/booklet-a4.yaml next to the\n"
    "                  content's folder, else ./layouts/booklet-a4.yaml)\n"
    "  -o FILE         output PDF; written atomically, an existing file is only\n"
    "                  replaced by a complete new one\n"
    "  --impose M      (build) impose the pages for the print shop: saddle\n"
    "                  (A3 sheets in saddle-stitch order), 2up (pages 1|2, 3|4)\n"
    "                  or none; overrides the layout's imposition: method.\n"
    "                  Without --print-output, OUT is the imposed PDF\n"
    "  --print-output FILE  (build) write the reading PDF to OUT and, in the\n"
    "                  same run, the imposed PDF to FILE (method from --impose,\n"
    "                  else from the layout)\n"
    "  --strict        (check) treat warnings as errors\n"
    "  --compare OLD   (build) mark the changes since OLD: change bars, inserted\n"
    "                  text underlined, deleted text struck through, and a first\n"
    "                  page listing the changes with their pages\n"
    "\n"
    "exit status: 0 success, 1 errors in the input, 2 usage error,\n"
    "             3 I/O or internal error\n"
    "diff exit status (as diff(1)): 0 identical, 1 different, 2 trouble\n";

typedef struct options {
    const char *command;
    const char *content;
    const char *layout;
    const char *output;
    const char *stage;
    const char *compare;
    const char *impose;         /* method name, checked in main */
    const char *print_output;
    bool strict;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "kumihan: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    return EXIT_USAGE;
}

/* Returns 0 and fills o, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--layout") == 0 && has_value)
            o->layout = argv[++i];
        else if (strcmp(a, "-o") == 0 && has_value)
            o->output = argv[++i];
        else if (strcmp(a, "--stage") == 0 && has_value)
            o->stage = argv[++i];
        else if (strcmp(a, "--compare") == 0 && has_value)
            o->compare = argv[++i];
        else if (strcmp(a, "--impose") == 0 && has_value)
            o->impose = argv[++i];
        else if (strcmp(a, "--print-output") == 0 && has_value)
            o->print_output = argv[++i];
        else if (strcmp(a, "--strict") == 0)
            o->strict = true;
        else if (a[0] == '-' && a[1])
            return usage_error("unknown option or missing value: %s", a);
        else if (!o->command)
            o->command = a;
        else if (!o->content)
            o->content = a;
        else
            return usage_error("unexpected argument: %s", a);
    }
    if (!o->command)
        return usage_error("%s", "no command given");
    if (!o->content)
        return usage_error("%s: no content file given", o->command);
    return 0;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* layouts/booklet-a4.yaml beside the content's folder, else in the current folder. */
static char *default_layout(const char *content)
{
    const char *slash = strrchr(content, '/');
    size_t dir = slash ? (size_t)(slash - content) + 1 : 0;
    const char *rel = "../layouts/booklet-a4.yaml";
    char *path = xmalloc(dir + strlen(rel) + 1);
    if (!path)
        return NULL;
    memcpy(path, content, dir);
    strcpy(path + dir, rel);
    if (dir && file_exists(path))
        return path;
    free(path);
    return xstrdup("layouts/booklet-a4.yaml");
}

/* out/<basename without .yaml>.pdf */
static char *default_output(const char *content)
{
    const char *base = strrchr(content, '/');
    base = base ? base + 1 : content;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
        n -= 4;
    char *out = xmalloc(n + 9);
    if (out)
        snprintf(out, n + 9, "out/%.*s.pdf", (int)n, base);
    return out;
}

/* The imposed PDF goes to --print-output beside the reading PDF, or, with
 * --impose alone, to -o instead of it.  The layout's imposition: gives the
 * method when --impose does not, and always the padding, marks and creep. */
static bool run_build(pipeline *p, const options *o, diag_list *dl)
{
    if (!(o->compare ? compare_typeset(p, o->compare, dl) : pipeline_typeset(p, dl)))
        return false;
    imposition_rules r = p->lay->imposition;
    if (o->impose)
        impose_method_from_name(o->impose, &r.method);
    if (o->print_output && r.method == IMPOSE_NONE) {
        diag_report(dl, D_BAD_VALUE, (src_loc){p->lay->path, 1, 1},
                    "--print-output needs an imposition: give --impose saddle or 2up, or set "
                    "'imposition: method' in the layout");
        return false;
    }
    pdf_meta meta = pipeline_pdf_meta(p);
    bool ok = o->impose && !o->print_output && r.method != IMPOSE_NONE
                  ? pipeline_write_imposed(p, &r, o->output, dl)
                  : pdf_write(&p->pages, p->fs, &meta, NULL, 0, o->output, dl);
    return ok && (!o->print_output || pipeline_write_imposed(p, &r, o->print_output, dl));
}

static bool run_check(pipeline *p, const options *o, diag_list *dl)
{
    if (!pipeline_typeset(p, dl))
        return false;
    check_text(p->doc, dl);
    return true;
}

static bool run_dump(pipeline *p, const options *o, diag_list *dl)
{
    return pipeline_typeset(p, dl) && dump_stage(p, o->stage, stdout, dl);
}

/* The commands that typeset CONTENT with a layout: each runs after the
 * pipeline has loaded both files and the fonts. */
typedef bool (*command_fn)(pipeline *p, const options *o, diag_list *dl);

static const struct command {
    const char *name;
    command_fn run;
} commands[] = {
    {"build", run_build},
    {"check", run_check},
    {"dump", run_dump},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* kumihan diff OLD NEW [--layout L]: two content files and no pipeline,
 * so it is not in the table; its status is diff(1)'s (0 same, 1 different,
 * 2 trouble), usage errors included. */
static int run_diff_command(int argc, char **argv)
{
    const char *paths[2] = {NULL, NULL}, *layout_arg = NULL;
    size_t n = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--layout") == 0 && i + 1 < argc)
            layout_arg = argv[++i];
        else if ((argv[i][0] == '-' && argv[i][1]) || n == 2)
            return usage_error("diff: unexpected argument: %s", argv[i]);
        else
            paths[n++] = argv[i];
    }
    if (n < 2)
        return usage_error("%s", "diff needs OLD and NEW content files");
    char *layout_path = layout_arg ? NULL : default_layout(paths[1]);
    diag_list dl;
    diag_init(&dl);
    int status = docdiff_files(paths[0], paths[1], layout_arg ? layout_arg : layout_path, stdout, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    free(layout_path);
    return status;
}

int main(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        printf("%s\n%s", usage_text, help_text);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("kumihan %s\n", KUMIHAN_VERSION);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "diff") == 0)
        return run_diff_command(argc, argv);
    options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status)
        return status;
    const struct command *cmd = find_command(o.command);
    if (!cmd)
        return usage_error("unknown command: %s", o.command);
    if (strcmp(o.command, "dump") == 0 && !dump_stage_known(o.stage))
        return usage_error("dump needs --stage tree, lines, pages or text (got %s)", o.stage ? o.stage : "none");
    impose_method method;
    if (o.impose && !impose_method_from_name(o.impose, &method))
        return usage_error("--impose must be saddle, 2up or none (got %s)", o.impose);
    /* the marked booklet's pages (summary first) are not the flow impose.c re-paginates */
    if (o.compare && (o.impose || o.print_output))
        return usage_error("%s", "--compare cannot be combined with --impose or --print-output");

    char *layout_path = o.layout ? NULL : default_layout(o.content);
    char *output_path = o.output ? NULL : default_output(o.content);
    if (!o.layout)
        o.layout = layout_path;
    if (!o.output)
        o.output = output_path;

    diag_list dl;
    diag_init(&dl);
    dl.strict = o.strict;
    pipeline p = {0};
    bool ok = pipeline_load(&p, o.content, o.layout, &dl) && cmd->run(&p, &o, &dl);
    if (!ok && !diag_failed(&dl))
        diag_report(&dl, D_INTERNAL, (src_loc){0}, "%s failed without saying why", o.command);
    diag_print(&dl, stderr);
    status = diag_exit_status(&dl);
    pipeline_free(&p);
    diag_free(&dl);
    free(layout_path);
    free(output_path);
    return status;
}
