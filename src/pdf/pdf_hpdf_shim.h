/* pdf_hpdf_shim.h — the one door into libharu for the pdf_*.c files.
 *
 * libharu's public API (hpdf.h) draws pages and makes outlines; it has no
 * calls for the objects kumihan writes itself (CID fonts, ToUnicode,
 * page labels, /ID, and next tagged PDF: StructTreeRoot, ParentTree,
 * MarkInfo, XMP metadata, OutputIntents, TrimBox).  Those need libharu's
 * private object layer, whose structs change between versions.  So:
 *
 *  - pdf_hpdf_shim.c is the only file that includes a libharu header
 *    other than hpdf.h, and it refuses to compile against any libharu but
 *    the one it was written for (2.3.0, Debian 12's libhpdf-dev);
 *  - everyone else includes this header, which includes hpdf.h with
 *    HPDF_SHARED defined: libharu's own "handles only" mode, in which
 *    HPDF_Doc, HPDF_Page … are opaque, so that no other file can reach
 *    into a libharu struct even by accident (it would not compile);
 *  - PDF objects are our own opaque handles, pdf_dict and pdf_array,
 *    built and filled with the shim_* calls below.
 *
 * Ownership follows libharu: every object belongs to the document and is
 * freed by HPDF_Free.  A new direct object must be added to exactly one
 * container (a direct object added twice is an error); an indirect object
 * (shim_*_indirect, streams, pages) may be added anywhere, any number of
 * times, and is written once and referenced as "n 0 R".  Every call takes
 * NULL handles quietly (returning SHIM_INVALID_OBJECT or NULL), so that a
 * failed allocation can be checked once at the end of a chain of adds;
 * libharu errors also reach the document's error handler. */
#ifndef KUMIHAN_PDF_HPDF_SHIM_H
#define KUMIHAN_PDF_HPDF_SHIM_H

#if defined(_HPDF_H) && !defined(HPDF_SHARED) && !defined(KUMIHAN_HPDF_SHIM_IMPL)
#error "include pdf_hpdf_shim.h instead of <hpdf.h>: only the shim may see libharu's structs"
#endif
#ifndef KUMIHAN_HPDF_SHIM_IMPL
#ifndef HPDF_SHARED
#define HPDF_SHARED   /* hpdf.h's opaque handles (see above) */
#endif
/* In HPDF_SHARED mode libharu's private calls are undeclared: using one
 * outside the shim must stop the build, not link by luck. */
#pragma GCC diagnostic error "-Wimplicit-function-declaration"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

/* The libharu this shim was written for: hpdf_version.h's HPDF_VERSION_ID
 * and the text HPDF_GetVersion() returns. */
#define SHIM_LIBHARU_VERSION_ID 20300
#define SHIM_LIBHARU_VERSION "2.3.0"

/* The libharu status codes kumihan returns itself (hpdf_error.h is private;
 * the shim checks at compile time that these are libharu's values). */
#define SHIM_NO_MEMORY 0x1015        /* HPDF_FAILD_TO_ALLOC_MEM */
#define SHIM_INVALID_OBJECT 0x1033   /* HPDF_INVALID_OBJECT */
#define SHIM_STREAM_EOF 0x1058       /* HPDF_STREAM_EOF */

typedef struct pdf_dict_handle *pdf_dict;     /* a dictionary; also a stream's, a page's */
typedef struct pdf_array_handle *pdf_array;

/* ---- the library ------------------------------------------------------ */

/* The version of the libharu loaded at run time ("2.3.0"). */
const char *shim_libharu_loaded(void);
/* True when version is the libharu the shim was written for. */
bool shim_libharu_supports(const char *version);

/* ---- the document ----------------------------------------------------- */

/* The version in the file header (%PDF-1.x); libharu defaults to 1.3. */
HPDF_STATUS shim_set_pdf_version(HPDF_Doc pdf, HPDF_PDFVer version);
pdf_dict shim_catalog(HPDF_Doc pdf);
pdf_dict shim_trailer(HPDF_Doc pdf);
/* The info dictionary, the one HPDF_SetInfoAttr fills (libharu makes it
 * with the document). */
pdf_dict shim_info(HPDF_Doc pdf);
/* A page's own dictionary (for /Resources, /TrimBox, /StructParents…). */
pdf_dict shim_page_dict(HPDF_Page page);
/* An outline item's dictionary (for a /Title that libharu cannot encode). */
pdf_dict shim_outline_dict(HPDF_Outline item);
/* An annotation's dictionary (for /Contents, /StructParent). */
pdf_dict shim_annot_dict(HPDF_Annotation annot);
/* Appends bytes to the page's content stream, after whatever libharu's
 * drawing calls wrote (for text as glyph ids, marked content BDC … EMC). */
HPDF_STATUS shim_page_write(HPDF_Page page, const void *bytes, size_t n);
HPDF_STATUS shim_page_write_str(HPDF_Page page, const char *s);
/* The page's content stream (a stream like those of shim_stream_new). */
pdf_dict shim_page_contents(HPDF_Page page);
/* The object number of an indirect object (a page, an element's
 * placeholder): what "n 0 R" says; 0 for a direct or NULL object. */
uint32_t shim_object_number(pdf_dict dict);

/* ---- objects ---------------------------------------------------------- */

pdf_dict shim_dict_new(HPDF_Doc pdf);             /* direct: written where it is added */
pdf_dict shim_dict_new_indirect(HPDF_Doc pdf);    /* an object of its own, "n 0 R" */
pdf_array shim_array_new(HPDF_Doc pdf);
pdf_array shim_array_new_indirect(HPDF_Doc pdf);
/* Makes a new, not yet added object indirect; it gets the next object
 * number (so when this is called decides the numbering).  On failure
 * libharu frees the object: do not use it after an error. */
HPDF_STATUS shim_dict_make_indirect(HPDF_Doc pdf, pdf_dict dict);
HPDF_STATUS shim_array_make_indirect(HPDF_Doc pdf, pdf_array array);

/* How a stream's bytes are written. */
typedef enum shim_filter {
    SHIM_RAW,             /* as given, no /Filter (e.g. XMP metadata, readable as is) */
    SHIM_FLATE,           /* deflated by libharu when saving; /Filter /FlateDecode */
    SHIM_PRECOMPRESSED    /* already deflated by us: as given, with /Filter /FlateDecode */
} shim_filter;

/* A new stream (always indirect, with its /Length); add keys to it like
 * any dictionary and its bytes with shim_stream_write, any time before
 * the document is saved. */
pdf_dict shim_stream_new(HPDF_Doc pdf, shim_filter filter);
HPDF_STATUS shim_stream_write(pdf_dict stream, const void *bytes, size_t n);
HPDF_STATUS shim_stream_write_str(pdf_dict stream, const char *s);
/* The stream's bytes so far, copied into a malloc'd buffer of *n bytes
 * (never NULL: out of memory aborts). */
unsigned char *shim_stream_bytes(pdf_dict stream, size_t *n);
/* Replaces the stream's bytes with z[0..n), already deflated, written as
 * they are with /Filter /FlateDecode (libharu's zlib never sees them).
 * Nothing may be written to the stream afterwards. */
HPDF_STATUS shim_stream_set_deflated(pdf_dict stream, const void *z, size_t n);

/* Dictionary entries; an existing key is replaced. */
HPDF_STATUS shim_dict_add_dict(pdf_dict dict, const char *key, pdf_dict value);
HPDF_STATUS shim_dict_add_array(pdf_dict dict, const char *key, pdf_array value);
HPDF_STATUS shim_dict_add_name(pdf_dict dict, const char *key, const char *name);
HPDF_STATUS shim_dict_add_int(pdf_dict dict, const char *key, int32_t value);
HPDF_STATUS shim_dict_add_real(pdf_dict dict, const char *key, float value);
HPDF_STATUS shim_dict_add_bool(pdf_dict dict, const char *key, bool value);
/* A literal string (…) of the bytes of s, escaped as needed. */
HPDF_STATUS shim_dict_add_string(pdf_dict dict, const char *key, const char *s);
/* A hex string <…> of n bytes (a UTF-16BE text string, a digest). */
HPDF_STATUS shim_dict_add_bytes(pdf_dict dict, const char *key, const void *bytes, size_t n);
/* The dictionary at key, NULL if absent (or not a dictionary). */
pdf_dict shim_dict_get_dict(pdf_dict dict, const char *key);
/* The dictionary at key, added (direct, empty) when absent. */
pdf_dict shim_dict_get_or_add_dict(pdf_dict dict, const char *key);

/* Array elements, appended. */
HPDF_STATUS shim_array_add_dict(pdf_array array, pdf_dict value);
HPDF_STATUS shim_array_add_array(pdf_array array, pdf_array value);
HPDF_STATUS shim_array_add_name(pdf_array array, const char *name);
HPDF_STATUS shim_array_add_int(pdf_array array, int32_t value);
HPDF_STATUS shim_array_add_real(pdf_array array, float value);
HPDF_STATUS shim_array_add_bytes(pdf_array array, const void *bytes, size_t n);

/* ---- images ------------------------------------------------------------ */

/* An image XObject's dictionary (for /Alt-free additions like /Intent). */
pdf_dict shim_image_dict(HPDF_Image image);
/* Makes an RGB image colour-managed: its /DeviceRGB (also the base of a
 * palette image's /Indexed space) becomes [/ICCBased profile], profile
 * being an ICC stream with /N 3.  Other spaces are left as they are. */
HPDF_STATUS shim_image_use_icc(HPDF_Doc pdf, HPDF_Image image, pdf_dict profile);
/* Deflates the image's /SMask (a PNG's alpha channel) like its samples. */
HPDF_STATUS shim_image_compress_mask(HPDF_Image image);

#endif
