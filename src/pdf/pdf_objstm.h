/* pdf_objstm.h — packing a serialised PDF's small objects into compressed
 * object streams (ISO 32000-1 7.5.7), indexed by a cross-reference
 * stream (7.5.8), as PDF 1.5 and later allow (PDF/A-2 does, ISO 19005-2
 * 6.1.3; PDF/A-1 did not).  libharu writes only a classic xref table and
 * every object uncompressed: a tagged PDF's thousand structure elements
 * would add a third to the file.  Packed, they cost a tenth of that.
 * Internal to the pdf_*.c files (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_OBJSTM_H
#define KUMIHAN_PDF_OBJSTM_H

#include <stddef.h>

#include "sbuf.h"
#include "vec.h"

/* Objects kumihan writes itself instead of building them from libharu's
 * objects (the structure tree: hundreds of thousands of small
 * dictionaries in a long document, which libharu would hold as a dozen
 * allocations each): body 0 replaces the body of libharu's object
 * `replaced` (an empty placeholder, so that libharu's objects can refer
 * to it), bodies 1 … n-1 are new objects numbered first, first + 1, … */
typedef struct pdf_more_objects {
    size_t replaced;
    sbuf text;              /* the bodies, one after another */
    VEC(size_t) ends;       /* where each body ends in text */
} pdf_more_objects;

/* Fills out given the first object number libharu left free. */
typedef void (*pdf_more_fn)(void *ctx, size_t first, pdf_more_objects *out);

/* The PDF in[0..len) (as libharu saves it: one classic xref section
 * starting at object 0, every object of generation 0, no encryption)
 * rewritten with its stream objects as they are and all other objects in
 * object streams, with the objects of more(ctx, …) if more is not NULL; a malloc'd buffer of *out_len bytes, or NULL when in is
 * not such a file. */
unsigned char *pdf_pack_objects(const unsigned char *in, size_t len, pdf_more_fn more, void *ctx,
                                size_t *out_len);

#endif
