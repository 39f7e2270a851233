/* wareki.h — a date as a Japanese letter prints it: in the era calendar
 * (和暦: 令和5年5月10日, 令和元年 for an era's first year) or in the
 * Western one (2023年5月10日), from the content's YYYY-MM-DD. */
#ifndef KUMIHAN_WAREKI_H
#define KUMIHAN_WAREKI_H

#include "layout_styles.h"

/* The date iso (YYYY-MM-DD, checked by the content loader) written in
 * calendar; a malloc'd UTF-8 string, or NULL if iso is no such date or
 * falls before the first era of the table (明治, 1868-01-25). */
char *wareki_format(const char *iso, date_calendar calendar);

#endif
