/* flow_release.h — a flow's glyphs given back to the system behind
 * pagination (flow_release.c). */
#ifndef KUMIHAN_FLOW_RELEASE_H
#define KUMIHAN_FLOW_RELEASE_H

#include <stddef.h>
#include "compose.h"

/* Tells the system that glyphs [0, n) of f will never be read again: the
 * whole memory pages among them stop counting (their contents become
 * undefined; the flow must then only be freed).  Called as pagination
 * moves on, it keeps the flow's resident size down to what is still to
 * be placed.  Does nothing where the system cannot. */
void flow_release_glyphs_before(flow *f, size_t n);

#endif
