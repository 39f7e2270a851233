/* table_layout.h — the pure arithmetic of a table, apart from fonts and
 * the flow: which cells are numbers (set flush right), and how the
 * measure is shared among the columns.
 *
 * Numbers: after blanks are trimmed, an optional sign or currency mark
 * (+ - ± ＋ － − △ ▲ ¥ ￥ $ ＄, up to two), then digits (0-9 or ０-９)
 * with single , . ， ． between digits, then at most three characters of
 * unit that are neither digits, blanks nor separators (円 千円 人 件 % ％
 * 倍 年 …).
 * A cell that is only a dash (- － ― — ‐) counts too: it stands for
 * "none" in a column of numbers.  So 1,234 / △56 / 12.5% / 1,000千円 /
 * 2023年 are numbers; 令和4年度, 4月1日, 第3回 are not.
 *
 * Widths: every column has a least width (its widest unbreakable unit,
 * padding included) and a natural one (its longest cell on one line).
 * Columns whose width the content gives take it (never less than their
 * least width, and giving back toward it when the other columns' least
 * widths would not fit beside them, as on a narrow page); the others share the
 * rest: their natural widths if those fit (stretched in proportion when
 * the table fills the measure), else their least widths plus the room
 * left, shared in proportion to how much each column's natural width
 * exceeds its least — so a column of numbers stays as narrow as its
 * numbers and long text wraps.  If even the least widths do not fit,
 * the room is shared in proportion to them (cells then break their
 * units, with a warning). */
#ifndef KUMIHAN_TABLE_LAYOUT_H
#define KUMIHAN_TABLE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

bool table_is_number(const char *text);

typedef struct table_col {
    float least, natural;   /* pt, padding included */
    float fixed;            /* pt the content gives, 0: automatic */
} table_col;

/* Fills width[0..n) (pt) for a table of at most `avail` pt; `fill`: the
 * table takes all of it.  Returns the table's width (their sum). */
float table_column_widths(const table_col *cols, size_t n, float avail, bool fill, float *width);

#endif
