/* table_layout.c — numbers and column widths (see table_layout.h). */
#include "table_layout.h"

#include <string.h>
#include "epsilon.h"
#include "utf8.h"

static bool is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_blank(uint32_t cp)
{
    return cp == ' ' || cp == 0x3000;
}

static bool is_separator(uint32_t cp)
{
    return cp == ',' || cp == '.' || cp == 0xFF0C || cp == 0xFF0E;
}

static bool is_prefix(uint32_t cp)
{
    static const uint32_t marks[] = {'+', '-', 0xB1, 0xFF0B, 0xFF0D, 0x2212, 0x25B3, 0x25B2,
                                     0xA5, 0xFFE5, '$', 0xFF04};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (cp == marks[i])
            return true;
    return false;
}

static bool is_dash(uint32_t cp)
{
    return cp == '-' || cp == 0xFF0D || cp == 0x2015 || cp == 0x2014 || cp == 0x2010;
}

#define MAX_PREFIX 2
#define MAX_UNIT 3

/* The text's code points, blanks at both ends dropped; n = how many (at most cap). */
static size_t trimmed(const char *text, uint32_t *cps, size_t cap, bool *too_long)
{
    size_t len = strlen(text), i = 0, n = 0;
    *too_long = false;
    while (i < len) {
        uint32_t cp;
        if (!utf8_decode(text, len, &i, &cp))
            return 0;
        if (n == 0 && is_blank(cp))
            continue;
        if (n == cap) {
            *too_long = true;
            return n;
        }
        cps[n++] = cp;
    }
    while (n > 0 && is_blank(cps[n - 1]))
        n--;
    return n;
}

bool table_is_number(const char *text)
{
    uint32_t cps[64];
    bool too_long;
    size_t n = trimmed(text, cps, sizeof cps / sizeof cps[0], &too_long);
    if (too_long || n == 0)
        return false;
    if (n == 1 && is_dash(cps[0]))
        return true;
    size_t i = 0;
    while (i < n && i < MAX_PREFIX && is_prefix(cps[i]))
        i++;
    if (i == n || !is_digit(cps[i]))
        return false;
    while (i < n && (is_digit(cps[i]) || (is_separator(cps[i]) && i + 1 < n && is_digit(cps[i + 1]) &&
                                          is_digit(cps[i - 1]))))
        i++;
    if (n - i > MAX_UNIT)
        return false;
    for (; i < n; i++)
        if (is_digit(cps[i]) || is_blank(cps[i]) || is_separator(cps[i]))
            return false;
    return true;
}

static float sum(const table_col *cols, size_t n, size_t off)
{
    float s = 0;
    for (size_t i = 0; i < n; i++)
        if (cols[i].fixed <= 0)
            s += *(const float *)((const char *)&cols[i] + off);
    return s;
}

/* The widths of the columns the content fixes, each at least its least
 * width, given back toward it (in proportion to what each has above it)
 * when the other columns' least widths would not fit beside them. */
static float fixed_widths(const table_col *cols, size_t n, float avail, float least_auto, float *width)
{
    float fixed = 0, slack = 0;
    for (size_t i = 0; i < n; i++) {
        if (cols[i].fixed <= 0)
            continue;
        width[i] = cols[i].fixed > cols[i].least ? cols[i].fixed : cols[i].least;
        fixed += width[i];
        slack += width[i] - cols[i].least;
    }
    float excess = fixed + least_auto - avail;
    if (excess <= EPSILON || slack <= EPSILON)
        return fixed;
    float give = excess < slack ? excess : slack;
    fixed = 0;
    for (size_t i = 0; i < n; i++)
        if (cols[i].fixed > 0) {
            width[i] -= give * (width[i] - cols[i].least) / slack;
            fixed += width[i];
        }
    return fixed;
}

float table_column_widths(const table_col *cols, size_t n, float avail, bool fill, float *width)
{
    float least = sum(cols, n, offsetof(table_col, least));
    float natural = sum(cols, n, offsetof(table_col, natural));
    float room = avail - fixed_widths(cols, n, avail, least, width);
    for (size_t i = 0; i < n; i++) {
        const table_col *c = &cols[i];
        if (c->fixed > 0)
            continue;
        else if (natural <= room + EPSILON)
            width[i] = fill && natural > 0 ? c->natural * room / natural : c->natural;
        else if (least <= room + EPSILON)
            width[i] = natural - least > EPSILON
                           ? c->least + (room - least) * (c->natural - c->least) / (natural - least)
                           : c->least;
        else
            width[i] = least > 0 && room > 0 ? c->least * room / least : 0;
    }
    float total = 0;
    for (size_t i = 0; i < n; i++)
        total += width[i];
    return total;
}
