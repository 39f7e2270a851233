/* output_guard.c — every output against every input and the outputs
 * against each other; the PDF is never written over what it is made from. */
#include "output_guard.h"

#include <stdlib.h>
#include "i18n.h"
#include "output_target.h"
#include "xalloc.h"

static bool clashes_with_inputs(const guarded_path *out, const output_target *t, const guarded_path *inputs,
                                size_t n_in, diag_list *dl)
{
    bool ok = true;
    for (size_t i = 0; i < n_in; i++) {
        if (!output_target_is_file(t, inputs[i].path))
            continue;
        diag_report(dl, D_USAGE, (src_loc){0},
                    _("%s %s is %s %s: writing the PDF there would destroy it; nothing was written"),
                    out->what, out->path, inputs[i].what, inputs[i].path);
        diag_hint(dl, _("choose another file name for %s, e.g. out/plan.pdf"), out->what);
        ok = false;
    }
    return ok;
}

bool output_guard(const guarded_path *outputs, size_t n_out, const guarded_path *inputs, size_t n_in,
                  diag_list *dl)
{
    output_target *t = xcalloc(n_out ? n_out : 1, sizeof *t);
    bool ok = true;
    for (size_t i = 0; i < n_out; i++) {
        if (!output_target_resolve(outputs[i].path, &t[i], dl)) {
            output_target_free(&t[i]);   /* given NULL: skipped below */
            ok = false;
            continue;
        }
        ok = clashes_with_inputs(&outputs[i], &t[i], inputs, n_in, dl) && ok;
        for (size_t j = 0; j < i; j++) {
            if (!t[j].given || !output_target_same(&t[j], &t[i]))
                continue;
            diag_report(dl, D_USAGE, (src_loc){0},
                        _("%s %s and %s %s are the same file: one PDF would overwrite the other; "
                        "nothing was written"),
                        outputs[j].what, outputs[j].path, outputs[i].what, outputs[i].path);
            diag_hint(dl, _("give %s its own file name, e.g. out/plan-print.pdf"), outputs[i].what);
            ok = false;
        }
    }
    for (size_t i = 0; i < n_out; i++)
        output_target_free(&t[i]);
    free(t);
    return ok;
}
