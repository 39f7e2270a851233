/* build_run.c — one build, for `kumihan build` and each round of watch. */
#include "build_run.h"

#include <stdlib.h>
#include "build_report.h"
#include "compare.h"
#include "dump.h"
#include "impose.h"
#include "output_guard.h"
#include "project_paths.h"
#include "sbuf.h"
#include "xalloc.h"
#include "i18n.h"

static bool writes_pdf(const cli_args *o)
{
    return o->command->id == CMD_BUILD || o->command->id == CMD_WATCH;
}

bool build_fill_defaults(cli_args *o, build_defaults *d, diag_list *dl)
{
    *d = (build_defaults){0};
    if (!o->layout && !(o->layout = d->layout = find_default_layout(o->files[0], dl, &d->content)))
        return false;
    if (writes_pdf(o) && !o->output) {
        o->output = d->output = default_output(o->files[0], o->compare != NULL);
        make_default_output_folder(o->output);
    }
    return true;
}

void build_defaults_free(build_defaults *d)
{
    free(d->layout);
    free(d->output);
    ytree_free(d->content);
    *d = (build_defaults){0};
}

static int usage_error(const cli_command *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "kumihan: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", _(cmd->usage));
    return EXIT_USAGE;
}

int build_check_values(const cli_args *o)
{
    const cli_command *cmd = o->command;
    if (cmd->id == CMD_DUMP && !dump_stage_known(o->stage))
        return usage_error(cmd, _("dump needs --stage tree, lines, pages or text (got %s)"),
                           o->stage ? o->stage : "none");
    impose_method method;
    if (o->impose && !impose_method_from_name(o->impose, &method))
        return usage_error(cmd, _("--impose must be saddle, 2up, single or none (got %s)"), o->impose);
    /* the marked booklet's pages (summary first) are not the flow impose.c re-paginates */
    if (o->compare && (o->impose || o->print_output))
        return usage_error(cmd, "%s", "--compare cannot be combined with --impose or --print-output");
    return 0;
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
static bool typeset_and_write(pipeline *p, const cli_args *o, diag_list *dl)
{
    if (!outputs_are_safe(p, o, dl))
        return false;
    imposition_rules r = p->lay->imposition;
    if (o->impose)
        impose_method_from_name(o->impose, &r.method);
    /* only an imposed PDF paginates the flow again: without one, the flow
     * goes as soon as it is paginated, before the furniture and the PDF */
    p->drop_flow = !o->print_output && !(o->impose && r.method != IMPOSE_NONE);
    if (!(o->compare ? compare_typeset(p, o->compare, dl) : pipeline_typeset(p, dl)))
        return false;
    if (o->print_output && r.method == IMPOSE_NONE) {
        diag_report(dl, D_BAD_VALUE, (src_loc){p->lay->path, 1, 1},
                    _("--print-output needs an imposition: give --impose saddle, 2up or single (one page "
                      "a sheet, for a shop that imposes itself), or set 'imposition: method' in the layout"));
        return false;
    }
    bool imposed_only = o->impose && !o->print_output && r.method != IMPOSE_NONE;
    return imposed_only ? pipeline_write_outputs(p, &r, NULL, o->output, dl)
                        : pipeline_write_outputs(p, &r, o->output, o->print_output, dl);
}

ytree *build_take_content(build_defaults *d)
{
    ytree *t = d->content;
    d->content = NULL;
    return t;
}

bool build_once(pipeline *p, const cli_args *o, build_defaults *d, diag_list *dl)
{
    bool ok = pipeline_load_parsed(p, build_take_content(d), o->files[0], o->layout, dl)
              && typeset_and_write(p, o, dl);
    if (!ok && !diag_failed(dl))
        diag_report(dl, D_INTERNAL, (src_loc){0}, _("%s failed without saying why"), o->command->name);
    return ok;
}

void build_print_written(const pipeline *p, long ms, FILE *out)
{
    sbuf b = {0};
    for (size_t i = 0; i < p->n_written; i++)
        build_report_line(&b, p->written[i].path, p->written[i].pages, p->written[i].bytes, ms);
    fputs(sbuf_str(&b), out);
    sbuf_free(&b);
}
