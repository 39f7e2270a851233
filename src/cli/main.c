/* main.c — the kumihan command line: parses arguments, runs the pipeline,
 * prints diagnostics, and turns them into the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "cli_args.h"
#include "compare.h"
#include "diag.h"
#include "diff_files.h"
#include "dump.h"
#include "i18n.h"
#include "impose.h"
#include "output_guard.h"
#include "pipeline.h"
#include "xalloc.h"

#define EXIT_USAGE 2

static const char *const help_text = N_(
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
    "  -o FILE         (build) output PDF; written atomically, an existing file is\n"
    "                  only replaced by a complete new one (through a symlink,\n"
    "                  keeping its permissions); '-' is standard output, and a\n"
    "                  device or FIFO such as /dev/null is written as a stream.\n"
    "                  It may not name the content, the layout, a font or OLD\n"
    "  --stage S       (dump) the stage to print: tree, lines, pages or text\n"
    "  --impose M      (build) impose the pages for the print shop: saddle\n"
    "                  (A3 sheets in saddle-stitch order), 2up (pages 1|2, 3|4)\n"
    "                  or none; overrides the layout's imposition: method.\n"
    "                  Without --print-output, OUT is the imposed PDF\n"
    "  --print-output FILE  (build) write the reading PDF to OUT and, in the\n"
    "                  same run, the imposed PDF to FILE (method from --impose,\n"
    "                  else from the layout); both files or neither are replaced\n"
    "  --strict        (check) treat warnings as errors\n"
    "  --compare OLD   (build) mark the changes since OLD: change bars, inserted\n"
    "                  text underlined, deleted text struck through, and a first\n"
    "                  page listing the changes with their pages\n"
    "\n"
    "exit status: 0 success, 1 errors in the input, 2 usage error,\n"
    "             3 I/O or internal error\n"
    "diff exit status (as diff(1)): 0 identical, 1 different, 2 trouble\n");

/* A usage error found after parsing (a value the command cannot use):
 * the message, then the command's usage. */
static int usage_error(const cli_command *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "kumihan: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", _(cmd->usage));
    return EXIT_USAGE;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The folder of the running binary (/proc/self/exe), or NULL. */
static char *binary_dir(void)
{
    for (size_t size = 256; size <= 65536; size *= 2) {
        char *buf = xmalloc(size);
        ssize_t n = readlink("/proc/self/exe", buf, size);
        if (n > 0 && (size_t)n < size) {
            buf[n] = '\0';
            char *slash = strrchr(buf, '/');
            if (slash) {
                *slash = '\0';
                return buf;
            }
        }
        free(buf);
        if (n < 0 || (size_t)n < size)
            return NULL;
    }
    return NULL;
}

/* The message catalogues: locale/ beside a kumihan run from its build
 * tree (CMake puts the .mo files there), else the installed ones. */
static char *locale_dir(void)
{
    char *bin = binary_dir();
    if (!bin)
        return xstrdup(KUMIHAN_LOCALEDIR);
    size_t n = strlen(bin);
    char *mo = xmalloc(n + sizeof "/locale/ja/LC_MESSAGES/kumihan.mo");
    sprintf(mo, "%s/locale/ja/LC_MESSAGES/kumihan.mo", bin);
    bool in_build_tree = file_exists(mo);
    mo[n + sizeof "/locale" - 1] = '\0';   /* <bin>/locale */
    free(bin);
    if (in_build_tree)
        return mo;
    free(mo);
    return xstrdup(KUMIHAN_LOCALEDIR);
}

/* layouts/booklet-a4.yaml beside the content's folder, else in the current folder. */
static char *default_layout(const char *content)
{
    const char *slash = strrchr(content, '/');
    size_t dir = slash ? (size_t)(slash - content) + 1 : 0;
    const char *rel = "../layouts/booklet-a4.yaml";
    char *path = xmalloc(dir + strlen(rel) + 1);
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
    snprintf(out, n + 9, "out/%.*s.pdf", (int)n, base);
    return out;
}

/* -o and --print-output may name neither an input nor each other; checked
 * before anything is typeset or written (output_guard.h). */
static bool outputs_are_safe(const pipeline *p, const cli_args *o, diag_list *dl)
{
    guarded_path outputs[2] = {{"-o", o->output}, {"--print-output", o->print_output}};
    guarded_path *inputs = xcalloc(3 + p->lay->n_fonts, sizeof *inputs);
    size_t n = 0;
    inputs[n++] = (guarded_path){_("the content file"), o->files[0]};
    inputs[n++] = (guarded_path){_("the layout file"), o->layout};
    if (o->compare)
        inputs[n++] = (guarded_path){_("the --compare file"), o->compare};
    for (size_t i = 0; i < p->lay->n_fonts; i++)
        inputs[n++] = (guarded_path){_("a font the layout uses"), p->lay->fonts[i].path};
    bool ok = output_guard(outputs, o->print_output ? 2 : 1, inputs, n, dl);
    free(inputs);
    return ok;
}

/* The imposed PDF goes to --print-output beside the reading PDF, or, with
 * --impose alone, to -o instead of it.  The layout's imposition: gives the
 * method when --impose does not, and always the padding, marks and creep. */
static bool run_build(pipeline *p, const cli_args *o, diag_list *dl)
{
    if (!outputs_are_safe(p, o, dl))
        return false;
    if (!(o->compare ? compare_typeset(p, o->compare, dl) : pipeline_typeset(p, dl)))
        return false;
    imposition_rules r = p->lay->imposition;
    if (o->impose)
        impose_method_from_name(o->impose, &r.method);
    if (o->print_output && r.method == IMPOSE_NONE) {
        diag_report(dl, D_BAD_VALUE, (src_loc){p->lay->path, 1, 1},
                    _("--print-output needs an imposition: give --impose saddle or 2up, or set "
                    "'imposition: method' in the layout"));
        return false;
    }
    bool imposed_only = o->impose && !o->print_output && r.method != IMPOSE_NONE;
    return imposed_only ? pipeline_write_outputs(p, &r, NULL, o->output, dl)
                        : pipeline_write_outputs(p, &r, o->output, o->print_output, dl);
}

static bool run_check(pipeline *p, const cli_args *o, diag_list *dl)
{
    if (!pipeline_typeset(p, dl))
        return false;
    check_text(p->doc, dl);
    return true;
}

static bool run_dump(pipeline *p, const cli_args *o, diag_list *dl)
{
    return pipeline_typeset(p, dl) && dump_stage(p, o->stage, stdout, dl);
}

/* kumihan diff OLD NEW: two content files and no pipeline; its status is
 * diff(1)'s (0 same, 1 different, 2 trouble). */
static int run_diff(const cli_args *o)
{
    char *layout_path = o->layout ? NULL : default_layout(o->files[1]);
    diag_list dl;
    diag_init(&dl);
    int status = docdiff_files(o->files[0], o->files[1], o->layout ? o->layout : layout_path, stdout, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    free(layout_path);
    return status;
}

/* The values the parser cannot judge; 0 or a usage status. */
static int check_values(const cli_args *o)
{
    const cli_command *cmd = o->command;
    if (cmd->id == CMD_DUMP && !dump_stage_known(o->stage))
        return usage_error(cmd, _("dump needs --stage tree, lines, pages or text (got %s)"),
                           o->stage ? o->stage : _("none"));
    impose_method method;
    if (o->impose && !impose_method_from_name(o->impose, &method))
        return usage_error(cmd, _("--impose must be saddle, 2up or none (got %s)"), o->impose);
    /* the marked booklet's pages (summary first) are not the flow impose.c re-paginates */
    if (o->compare && (o->impose || o->print_output))
        return usage_error(cmd, "%s", _("--compare cannot be combined with --impose or --print-output"));
    return 0;
}

/* The commands that typeset CONTENT with a layout: each runs after the
 * pipeline has loaded both files and the fonts. */
static bool run_typesetting(pipeline *p, const cli_args *o, diag_list *dl)
{
    switch (o->command->id) {
    case CMD_BUILD: return run_build(p, o, dl);
    case CMD_CHECK: return run_check(p, o, dl);
    case CMD_DUMP: return run_dump(p, o, dl);
    case CMD_DIFF: break;
    }
    return false;
}

static int parse_or_exit(int argc, char **argv, cli_args *o)
{
    char *message = NULL;
    switch (cli_parse(argc, argv, o, &message)) {
    case CLI_RUN: return -1;
    case CLI_HELP: printf("%s\n%s", _(cli_usage_all), _(help_text)); return 0;
    case CLI_VERSION: printf("kumihan %s\n", KUMIHAN_VERSION); return 0;
    case CLI_USAGE: break;
    }
    fputs(message, stderr);
    free(message);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    char *localedir = locale_dir();
    i18n_init(localedir);   /* bindtextdomain keeps its own copy */
    free(localedir);
    cli_args o;
    int status = parse_or_exit(argc, argv, &o);
    if (status >= 0)
        return status;
    if (o.command->id == CMD_DIFF)
        return run_diff(&o);
    if ((status = check_values(&o)))
        return status;

    char *layout_path = o.layout ? NULL : default_layout(o.files[0]);
    char *output_path = o.output ? NULL : default_output(o.files[0]);
    if (!o.layout)
        o.layout = layout_path;
    if (!o.output)
        o.output = output_path;

    diag_list dl;
    diag_init(&dl);
    dl.strict = o.strict;
    pipeline p = {0};
    bool ok = pipeline_load(&p, o.files[0], o.layout, &dl) && run_typesetting(&p, &o, &dl);
    if (!ok && !diag_failed(&dl))
        diag_report(&dl, D_INTERNAL, (src_loc){0}, _("%s failed without saying why"), o.command->name);
    diag_print(&dl, stderr);
    status = diag_exit_status(&dl);
    pipeline_free(&p);
    diag_free(&dl);
    free(layout_path);
    free(output_path);
    return status;
}
