/* wareki.c — dates in the era calendar: one table of the eras since the
 * Meiji restoration, each from its first day (the day of the change of
 * era, as the Cabinet's ordinances fix it). */
#include "wareki.h"

#include <stdio.h>
#include <string.h>
#include "sbuf.h"

typedef struct era {
    const char *name;
    int year, month, day;   /* its first day */
} era;

/* Newest first: the first era that starts on or before a date is its era. */
static const era ERAS[] = {
    {"令和", 2019, 5, 1},  {"平成", 1989, 1, 8}, {"昭和", 1926, 12, 25},
    {"大正", 1912, 7, 30}, {"明治", 1868, 1, 25},
};

static long day_number(int y, int m, int d)
{
    return (long)y * 10000 + m * 100 + d;
}

static const era *era_of(int y, int m, int d)
{
    for (size_t i = 0; i < sizeof ERAS / sizeof ERAS[0]; i++)
        if (day_number(y, m, d) >= day_number(ERAS[i].year, ERAS[i].month, ERAS[i].day))
            return &ERAS[i];
    return NULL;
}

char *wareki_format(const char *iso, date_calendar calendar)
{
    int y, m, d;
    char tail;
    if (!iso || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return NULL;
    sbuf b = {0};
    if (calendar == CAL_ISO) {
        sbuf_puts(&b, iso);
    } else if (calendar == CAL_WESTERN) {
        sbuf_printf(&b, "%d年%d月%d日", y, m, d);
    } else {
        const era *e = era_of(y, m, d);
        if (!e)
            return NULL;
        int n = y - e->year + 1;
        if (n == 1)   /* the first year of an era is 元年 */
            sbuf_printf(&b, "%s元年%d月%d日", e->name, m, d);
        else
            sbuf_printf(&b, "%s%d年%d月%d日", e->name, n, m, d);
    }
    return sbuf_detach(&b);
}
