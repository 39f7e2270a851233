/* schema_print.c — `kumihan schema content|layout`. */
#include "schema_print.h"

#include <stdlib.h>
#include <string.h>
#include "build_run.h"
#include "schema_write.h"
#include "i18n.h"

int schema_print(const char *which, FILE *out, FILE *err)
{
    bool content = strcmp(which, "content") == 0;
    if (!content && strcmp(which, "layout") != 0) {
        fprintf(err, _("kumihan: schema: unknown schema '%s'; there is one for 'content' and one for 'layout'\n"),
                which);
        return EXIT_USAGE;
    }
    char *json = content ? schema_content_json() : schema_layout_json();
    if (!json) {
        fputs(_("kumihan: schema: a layout section has no schema (schema_write.c must describe it)\n"), err);
        return 1;
    }
    bool ok = fputs(json, out) >= 0 && fflush(out) == 0;
    free(json);
    if (!ok)
        fputs(_("kumihan: schema: cannot write the schema to standard output\n"), err);
    return ok ? 0 : 1;
}
