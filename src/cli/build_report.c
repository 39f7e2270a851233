/* build_report.c — the success line of build and watch. */
#include "build_report.h"
#include "i18n.h"

#include <string.h>

#define KIB 1024u
#define MIB (1024u * 1024u)

void build_report_size(sbuf *b, size_t bytes)
{
    if (bytes < KIB)
        sbuf_printf(b, _("%zu bytes"), bytes);
    else if (bytes < 10 * MIB)
        sbuf_printf(b, "%zu KB", (bytes + KIB / 2) / KIB);
    else
        sbuf_printf(b, "%.1f MB", (double)bytes / MIB);
}

void build_report_line(sbuf *b, const char *path, size_t pages, size_t bytes, long ms)
{
    const char *name = strcmp(path, "-") == 0 ? _("standard output") : path;
    sbuf_printf(b, pages == 1 ? _("%s: %zu page, ") : _("%s: %zu pages, "), name, pages);
    build_report_size(b, bytes);
    if (ms >= 0)
        sbuf_printf(b, ", %ld ms", ms);
    sbuf_putc(b, '\n');
}
