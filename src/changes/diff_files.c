/* diff_files.c — `kumihan diff OLD NEW`: both content files and the layout
 * loaded and checked, compared, reported; the status as diff(1) gives it. */
#include "diff_files.h"

#include "content.h"
#include "diff_report.h"
#include "i18n.h"

int docdiff_files(const char *old_path, const char *new_path, const char *layout_path, FILE *out,
                  diag_list *dl)
{
    /* every file is checked even if an earlier one has errors: one run, every error */
    document *old_doc = content_load(old_path, dl);
    document *new_doc = content_load(new_path, dl);
    layout *lay = layout_load(layout_path, dl);
    int status = 2;
    if (old_doc && new_doc && lay && !diag_failed(dl)) {
        docdiff d;
        docdiff_compute(old_doc, new_doc, &d);
        if (docdiff_report(&d, lay, out))
            status = docdiff_has_changes(&d) ? 1 : 0;
        else
            diag_report(dl, D_IO, (src_loc){0}, _("cannot write the report"));
        docdiff_free(&d);
    }
    doc_free(old_doc);
    doc_free(new_doc);
    layout_free(lay);
    return status;
}
