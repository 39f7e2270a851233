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

/* The PDF in[0..len) (as libharu saves it: one classic xref section
 * starting at object 0, every object of generation 0, no encryption)
 * rewritten with its stream objects as they are and all other objects in
 * object streams; a malloc'd buffer of *out_len bytes, or NULL when in is
 * not such a file. */
unsigned char *pdf_pack_objects(const unsigned char *in, size_t len, size_t *out_len);

#endif
