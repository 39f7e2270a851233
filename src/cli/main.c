/* main.c — the kumihan command line: parses arguments, runs the pipeline,
 * prints diagnostics, and turns them into the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "build_run.h"
#include "check.h"
#include "cli_args.h"
#include "diag.h"
#include "diff_files.h"
#include "dump.h"
#include "i18n.h"
#include "new_year.h"
#include "pipeline.h"
#include "project_paths.h"
#include "schema_print.h"
#include "watch.h"
#include "xalloc.h"

static const char *const help_text = N_(
    "kumihan typesets a Japanese document from YAML content and YAML layout\n"
    "rules into a print-ready PDF with embedded fonts.\n"
    "\n"
    "commands:\n"
    "  build    typeset CONTENT and write the PDF; says what it wrote on stderr\n"
    "  watch    build, then build again whenever CONTENT, the layout, a font or\n"
    "           OLD changes (saved in place or by rename); one line per build;\n"
    "           on an error the last good PDF stays; Ctrl-C stops (status 0)\n"
    "  check    validate CONTENT and LAYOUT without writing anything; also warn\n"
    "           about likely typos (--strict makes warnings errors)\n"
    "  dump     print one stage of the pipeline as text (tree, lines, pages, text)\n"
    "  diff     report what changed from OLD to NEW: added, deleted, moved and\n"
    "           edited blocks located in NEW's numbering, edited text diffed by\n"
    "           character ([-deleted-]{+inserted+}); renumbering alone is no change\n"
    "  new-year write NEW, next year's plan, from OLD: the year moved on in\n"
    "           fiscal_year, title, date, subject and keywords, new: true marks\n"
    "           cleared, everything else (comments too) as it was; never\n"
    "           overwrites an existing NEW\n"
    "  schema   print the JSON Schema of content or layout files (what\n"
    "           schemas/ holds), for editors that complete keys as you type\n"
    "\n"
    "options:\n"
    "  --layout FILE   layout rules (default: layouts/booklet-a4.yaml in the\n"
    "                  folder above the content's folder, else in the content's\n"
    "                  folder; found from the content file, not the working folder)\n"
    "  -o FILE         (build, watch) output PDF (default: out/NAME.pdf in the\n"
    "                  project for a content/NAME.yaml, else NAME.pdf beside the\n"
    "                  content; NAME-changes.pdf with --compare); written\n"
    "                  atomically, an existing file is only replaced by a complete\n"
    "                  new one (through a symlink, keeping its permissions); '-' is\n"
    "                  standard output, and a device or FIFO such as /dev/null is\n"
    "                  written as a stream.  It may not name the content, the\n"
    "                  layout, a font or OLD\n"
    "  --stage S       (dump) the stage to print: tree, lines, pages or text\n"
    "  --impose M      (build, watch) impose the pages for the print shop: saddle\n"
    "                  (A3 sheets in saddle-stitch order), 2up (pages 1|2, 3|4),\n"
    "                  single (one page a sheet, with the crop marks and bleed,\n"
    "                  for a shop that imposes itself) or none (the reading PDF);\n"
    "                  overrides the layout's imposition: method.  The print PDF\n"
    "                  is PDF/X-4.  Without --print-output, OUT is the print PDF\n"
    "  --print-output FILE  (build, watch) write the reading PDF to OUT and, in\n"
    "                  the same run, the imposed PDF to FILE (method from\n"
    "                  --impose, else from the layout); both files or neither\n"
    "                  are replaced\n"
    "  --strict        (check) treat warnings as errors\n"
    "  --compare OLD   (build, watch) mark the changes since OLD: change bars,\n"
    "                  inserted text underlined, deleted text struck through, and\n"
    "                  a first page listing the changes with their pages in the\n"
    "                  booklet without marks\n"
    "  -q, --quiet     (build, watch) no line saying what a successful build wrote\n"
    "\n"
    "exit status: 0 success, 1 errors in the input, 2 usage error,\n"
    "             3 I/O or internal error\n"
    "diff exit status (as diff(1)): 0 identical, 1 different, 2 trouble\n"
    "See kumihan(1).\n");

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
 * diff(1)'s (0 same, 1 different, 2 trouble).  The default layout is
 * NEW's. */
static int run_diff(const cli_args *o)
{
    char *layout_path = NULL;
    diag_list dl;
    diag_init(&dl);
    int status = 2;
    if (o->layout || (layout_path = find_default_layout(o->files[1], &dl, NULL)))
        status = docdiff_files(o->files[0], o->files[1], o->layout ? o->layout : layout_path, stdout, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    free(layout_path);
    return status;
}

/* The commands that typeset CONTENT with a layout: each runs after the
 * pipeline has loaded both files and the fonts. */
static bool run_typesetting(pipeline *p, const cli_args *o, diag_list *dl)
{
    switch (o->command->id) {
    case CMD_CHECK: return run_check(p, o, dl);
    case CMD_DUMP: return run_dump(p, o, dl);
    case CMD_BUILD:
    case CMD_WATCH:
    case CMD_DIFF:
    case CMD_NEW_YEAR:
    case CMD_SCHEMA: break;
    }
    return false;
}

/* build, check, dump: the defaults, then the pipeline; the diagnostics
 * printed, and for a successful build the line saying what it wrote. */
static int run_command(cli_args *o)
{
    diag_list dl;
    diag_init(&dl);
    dl.strict = o->strict;
    build_defaults defaults;
    pipeline p = {0};
    bool ok = build_fill_defaults(o, &defaults, &dl);
    if (ok && o->command->id == CMD_BUILD)
        ok = build_once(&p, o, &defaults, &dl);
    else if (ok)
        ok = pipeline_load_parsed(&p, build_take_content(&defaults), o->files[0], o->layout, &dl)
             && run_typesetting(&p, o, &dl);
    if (!ok && !diag_failed(&dl))
        diag_report(&dl, D_INTERNAL, (src_loc){0}, _("%s failed without saying why"), o->command->name);
    diag_print(&dl, stderr);
    int status = diag_exit_status(&dl);
    if (ok && status == 0 && !o->quiet)
        build_print_written(&p, -1, stderr);
    pipeline_free(&p);
    diag_free(&dl);
    build_defaults_free(&defaults);
    return status;
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
    switch (o.command->id) {
    case CMD_DIFF: return run_diff(&o);
    case CMD_NEW_YEAR: return new_year_run(o.files[0], o.files[1], stderr);
    case CMD_SCHEMA: return schema_print(o.files[0], stdout, stderr);
    case CMD_BUILD:
    case CMD_WATCH:
    case CMD_CHECK:
    case CMD_DUMP: break;
    }
    if ((status = build_check_values(&o)))
        return status;
    return o.command->id == CMD_WATCH ? watch_run(&o) : run_command(&o);
}
