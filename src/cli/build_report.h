/* build_report.h — the one line that says what a successful build wrote:
 * "out/plan-2023.pdf: 13 pages, 259 KB" (watch adds the time it took). */
#ifndef KUMIHAN_BUILD_REPORT_H
#define KUMIHAN_BUILD_REPORT_H

#include <stddef.h>
#include "sbuf.h"

/* "812 bytes", "259 KB" (1024 bytes, rounded), "12.3 MB". */
void build_report_size(sbuf *b, size_t bytes);

/* "PATH: N pages, SIZE" then ", MS ms" when ms >= 0, and a line break;
 * "-" is shown as "standard output", "1 page" is singular. */
void build_report_line(sbuf *b, const char *path, size_t pages, size_t bytes, long ms);

#endif
