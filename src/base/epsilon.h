/* epsilon.h — the one tolerance for comparing lengths and line counts
 * computed in floating point: sums of advances (pt) and of line heights
 * (lines) pick up rounding error, and a value that should equal a limit
 * may miss it by a few ulps.  Values closer than EPSILON are equal. */
#ifndef KUMIHAN_EPSILON_H
#define KUMIHAN_EPSILON_H

#define EPSILON 1e-4   /* pt or lines; far below any visible difference */

#endif
