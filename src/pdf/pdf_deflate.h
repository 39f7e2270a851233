/* pdf_deflate.h — Flate compression of a PDF stream's bytes on a worker
 * thread, filling a stream that carries the compressed bytes as they
 * are.  The font programs are most of the file and most of the deflate
 * time; compressing each one while the main thread subsets the next font
 * and draws the pages takes that time off the wall clock, and handing
 * libharu finished bytes spares its chunked copy-and-deflate.  Internal to
 * the pdf_*.c files. */
#ifndef KUMIHAN_PDF_DEFLATE_H
#define KUMIHAN_PDF_DEFLATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "pdf_hpdf_shim.h"

typedef struct pdf_deflate_job {
    const unsigned char *in;   /* borrowed: must outlive the job */
    size_t in_len;
    unsigned char *out;        /* the zlib stream (RFC 1950), owned */
    size_t out_len;
    int level;                 /* libdeflate's 1-12 */
    bool ok;
    bool started;              /* a job was begun (threaded or not) */
    bool threaded;             /* thread is running or not yet joined */
    pthread_t thread;
} pdf_deflate_job;

/* Begins compressing in[0..len) on a worker thread (or at once, in this
 * thread, when no thread can be made).  The result is the same bytes
 * either way. */
void pdf_deflate_start(pdf_deflate_job *job, const unsigned char *in, size_t len);
/* The same at another level than the font programs' (pdf_deflate.c). */
void pdf_deflate_start_level(pdf_deflate_job *job, const unsigned char *in, size_t len, int level);
/* A finished job whose result is out[0..len) (taken over; from the font
 * cache), as if compressed here. */
void pdf_deflate_adopt(pdf_deflate_job *job, unsigned char *out, size_t len);
/* Waits for the job; true when job->out holds the compressed bytes. */
bool pdf_deflate_finish(pdf_deflate_job *job);
/* Waits if needed and frees the output. */
void pdf_deflate_free(pdf_deflate_job *job);

/* Compresses in[0..len) at once, in this thread, at level (libdeflate's
 * 1-12): a malloc'd zlib stream of *out_len bytes, or NULL when the
 * compressor's tables cannot be had.  For the small streams (pages' content,
 * object streams), where a thread would cost more than it saves. */
#define PDF_DEFLATE_SMALL_LEVEL 6
unsigned char *pdf_deflate_now(const void *in, size_t len, int level, size_t *out_len);

/* Deflates the page's content stream now that it is complete (at the
 * small streams' level), so that libharu keeps a quarter of the bytes
 * until the file is saved and never runs its zlib over them. */
HPDF_STATUS pdf_deflate_page(HPDF_Page page);
/* The same for any stream filled uncompressed (ToUnicode, ICC profiles). */
HPDF_STATUS pdf_deflate_stream(pdf_dict stream);

/* Waits for job and puts its bytes into stream, a stream made with
 * shim_stream_new(pdf, SHIM_PRECOMPRESSED) (any time before the document
 * is saved). */
HPDF_STATUS pdf_deflated_stream_fill(pdf_dict stream, pdf_deflate_job *job);

#endif
