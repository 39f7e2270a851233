/* pdf_id.h — the content-derived trailer /ID (pdf_id.c).  Internal to the
 * pdf_*.c files. */
#ifndef KUMIHAN_PDF_ID_H
#define KUMIHAN_PDF_ID_H

#include "disk_cache.h"
#include "pdf_font.h"
#include "pdf_hpdf_shim.h"
#include "pdf_write.h"

/* Trailer /ID [<d> <d>] with d a 128-bit hash of everything that shapes
 * the file: the page model, the metadata, the imposition and the embedded
 * fonts.  Fed in three steps so that each page can be hashed when it is
 * drawn and freed before the next (pdf_write.c): begin, every page of doc
 * in order, finish.  The hash is fed through a buffer: the page model is
 * hashed four bytes at a time, and a call per field would cost more than
 * the hashing. */
typedef struct pdf_id_hash {
    cache_hasher state;
    size_t n;
    unsigned char buf[4096];
} pdf_id_hash;

void pdf_id_begin(pdf_id_hash *h, const pg_doc *doc);
void pdf_id_page(pdf_id_hash *h, const pg_page *page);
/* Hashes the rest and adds the /ID to the trailer. */
HPDF_STATUS pdf_id_finish(HPDF_Doc pdf, pdf_id_hash *h, const pdf_meta *meta, const pdf_fonts *pf,
                          const pdf_sheet *sheets, size_t n_sheets);

#endif
