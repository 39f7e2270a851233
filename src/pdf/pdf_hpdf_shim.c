/* pdf_hpdf_shim.c — kumihan's PDF object calls on top of libharu 2.3.0's
 * private object layer (hpdf_objects.h, hpdf_doc.h, hpdf_pages.h,
 * hpdf_list.h, and hpdf_streams.h's memory streams): the only file that
 * includes them or touches a libharu struct field.  Every field it reads or writes is named in a comment
 * marked "libharu 2.3.0:", which is what to check against a new version. */
#define KUMIHAN_HPDF_SHIM_IMPL
#undef HPDF_SHARED   /* this file sees libharu's structs (see pdf_hpdf_shim.h) */

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_version.h>

#include "pdf_hpdf_shim.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#if HPDF_VERSION_ID != SHIM_LIBHARU_VERSION_ID
#error "pdf_hpdf_shim.c was written for libharu 2.3.0 (Debian 12's libhpdf-dev) and uses its private structs; these hpdf headers are another version. Check every 'libharu 2.3.0:' comment in pdf_hpdf_shim.c against them, then update SHIM_LIBHARU_VERSION_ID and SHIM_LIBHARU_VERSION in pdf_hpdf_shim.h."
#endif

_Static_assert(SHIM_NO_MEMORY == HPDF_FAILD_TO_ALLOC_MEM, "libharu's out-of-memory status");
_Static_assert(SHIM_INVALID_OBJECT == HPDF_INVALID_OBJECT, "libharu's invalid-object status");
_Static_assert(SHIM_STREAM_EOF == HPDF_STREAM_EOF, "libharu's end-of-stream status");

/* Our handles are libharu's pointers under a name of our own; they are
 * only ever converted back here. */
static HPDF_Dict D(pdf_dict d) { return (HPDF_Dict)(void *)d; }
static HPDF_Array A(pdf_array a) { return (HPDF_Array)(void *)a; }
static pdf_dict to_dict(HPDF_Dict d) { return (pdf_dict)(void *)d; }
static pdf_array to_array(HPDF_Array a) { return (pdf_array)(void *)a; }

/* ---- the library ------------------------------------------------------ */

const char *shim_libharu_loaded(void)
{
    return HPDF_GetVersion();
}

bool shim_libharu_supports(const char *version)
{
    return version && strcmp(version, SHIM_LIBHARU_VERSION) == 0;
}

/* ---- the document ----------------------------------------------------- */

HPDF_STATUS shim_set_pdf_version(HPDF_Doc pdf, HPDF_PDFVer version)
{
    if (!pdf || version >= HPDF_VER_EOF)
        return SHIM_INVALID_OBJECT;
    pdf->pdf_version = version;   /* libharu 2.3.0: HPDF_Doc_Rec.pdf_version, read when saving */
    return HPDF_OK;
}

/* libharu 2.3.0: HPDF_Doc_Rec.catalog, .trailer and .info are dictionaries. */
pdf_dict shim_catalog(HPDF_Doc pdf) { return pdf ? to_dict(pdf->catalog) : NULL; }
pdf_dict shim_trailer(HPDF_Doc pdf) { return pdf ? to_dict(pdf->trailer) : NULL; }
pdf_dict shim_info(HPDF_Doc pdf) { return pdf ? to_dict(pdf->info) : NULL; }

/* libharu 2.3.0: HPDF_Page and HPDF_Outline are HPDF_Dict. */
pdf_dict shim_page_dict(HPDF_Page page) { return to_dict(page); }
pdf_dict shim_outline_dict(HPDF_Outline item) { return to_dict(item); }
pdf_dict shim_annot_dict(HPDF_Annotation annot) { return to_dict(annot); }

HPDF_STATUS shim_page_write(HPDF_Page page, const void *bytes, size_t n)
{
    if (!page || !page->attr || n > UINT32_MAX)
        return SHIM_INVALID_OBJECT;
    /* libharu 2.3.0: HPDF_PageAttr_Rec.stream is the content stream the
     * HPDF_Page_* drawing calls write to. */
    HPDF_Stream content = ((HPDF_PageAttr)page->attr)->stream;
    return HPDF_Stream_Write(content, bytes, (HPDF_UINT)n);
}

HPDF_STATUS shim_page_write_str(HPDF_Page page, const char *s)
{
    return shim_page_write(page, s, strlen(s));
}

/* Called by libharu between a stream dictionary's keys and its ">>":
 * libharu drops a /Filter key from a stream it does not filter itself. */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

pdf_dict shim_page_contents(HPDF_Page page)
{
    /* libharu 2.3.0: HPDF_PageAttr_Rec.contents is the content stream's
     * dictionary (its .stream the one HPDF_PageAttr_Rec.stream names) */
    return page && page->attr ? to_dict(((HPDF_PageAttr)page->attr)->contents) : NULL;
}

uint32_t shim_object_number(pdf_dict dict)
{
    HPDF_Obj_Header *header = (HPDF_Obj_Header *)(void *)dict;
    /* libharu 2.3.0: HPDF_Obj_Header.obj_id holds the number under its flag bits */
    if (!header || !(header->obj_id & HPDF_OTYPE_INDIRECT))
        return 0;
    return header->obj_id & 0x00FFFFFFu;
}

/* ---- objects ---------------------------------------------------------- */

pdf_dict shim_dict_new(HPDF_Doc pdf)
{
    return pdf ? to_dict(HPDF_Dict_New(pdf->mmgr)) : NULL;   /* libharu 2.3.0: .mmgr */
}

pdf_array shim_array_new(HPDF_Doc pdf)
{
    return pdf ? to_array(HPDF_Array_New(pdf->mmgr)) : NULL;
}

HPDF_STATUS shim_dict_make_indirect(HPDF_Doc pdf, pdf_dict dict)
{
    if (!pdf || !dict)
        return SHIM_INVALID_OBJECT;
    return HPDF_Xref_Add(pdf->xref, D(dict));   /* libharu 2.3.0: .xref; frees dict on failure */
}

HPDF_STATUS shim_array_make_indirect(HPDF_Doc pdf, pdf_array array)
{
    if (!pdf || !array)
        return SHIM_INVALID_OBJECT;
    return HPDF_Xref_Add(pdf->xref, A(array));
}

pdf_dict shim_dict_new_indirect(HPDF_Doc pdf)
{
    pdf_dict d = shim_dict_new(pdf);
    return d && shim_dict_make_indirect(pdf, d) == HPDF_OK ? d : NULL;
}

pdf_array shim_array_new_indirect(HPDF_Doc pdf)
{
    pdf_array a = shim_array_new(pdf);
    return a && shim_array_make_indirect(pdf, a) == HPDF_OK ? a : NULL;
}

pdf_dict shim_stream_new(HPDF_Doc pdf, shim_filter filter)
{
    if (!pdf)
        return NULL;
    HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!s)
        return NULL;
    /* libharu 2.3.0: HPDF_Dict_Rec.filter chooses the encoding at save
     * time; .write_fn adds to the dictionary as it is written. */
    s->filter = filter == SHIM_FLATE ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
    if (filter == SHIM_PRECOMPRESSED)
        s->write_fn = write_flate_filter;
    return to_dict(s);
}

HPDF_STATUS shim_stream_write(pdf_dict stream, const void *bytes, size_t n)
{
    HPDF_Dict s = D(stream);
    if (!s || !s->stream || n > UINT32_MAX)   /* libharu 2.3.0: .stream holds the bytes */
        return SHIM_INVALID_OBJECT;
    return HPDF_Stream_Write(s->stream, bytes, (HPDF_UINT)n);
}

HPDF_STATUS shim_stream_write_str(pdf_dict stream, const char *s)
{
    return shim_stream_write(stream, s, strlen(s));
}

unsigned char *shim_stream_bytes(pdf_dict stream, size_t *n)
{
    *n = 0;
    HPDF_Dict s = D(stream);
    if (!s || !s->stream || s->stream->type != HPDF_STREAM_MEMORY)
        return xmalloc(1);
    /* libharu 2.3.0: a stream's bytes are a memory stream of equal-sized
     * chunks (HPDF_MemStream_GetBufCount, _GetBufPtr give each and its length) */
    HPDF_Stream bytes = s->stream;
    unsigned char *out = xmalloc(bytes->size ? bytes->size : 1);
    HPDF_UINT chunks = HPDF_MemStream_GetBufCount(bytes);
    for (HPDF_UINT i = 0; i < chunks; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *chunk = HPDF_MemStream_GetBufPtr(bytes, i, &len);
        if (!chunk || *n + len > bytes->size)
            break;
        memcpy(out + *n, chunk, len);
        *n += len;
    }
    return out;
}

HPDF_STATUS shim_stream_set_deflated(pdf_dict stream, const void *z, size_t n)
{
    HPDF_Dict s = D(stream);
    if (!s || !s->stream || s->stream->type != HPDF_STREAM_MEMORY || n > UINT32_MAX)
        return SHIM_INVALID_OBJECT;
    HPDF_MemStream_FreeData(s->stream);
    s->filter = HPDF_STREAM_FILTER_NONE;   /* as shim_stream_new's SHIM_PRECOMPRESSED */
    s->write_fn = write_flate_filter;
    return HPDF_Stream_Write(s->stream, z, (HPDF_UINT)n);
}

HPDF_STATUS shim_dict_add_dict(pdf_dict dict, const char *key, pdf_dict value)
{
    return dict ? HPDF_Dict_Add(D(dict), key, D(value)) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_dict_add_array(pdf_dict dict, const char *key, pdf_array value)
{
    return dict ? HPDF_Dict_Add(D(dict), key, A(value)) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_dict_add_name(pdf_dict dict, const char *key, const char *name)
{
    return dict ? HPDF_Dict_AddName(D(dict), key, name) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_dict_add_int(pdf_dict dict, const char *key, int32_t value)
{
    return dict ? HPDF_Dict_AddNumber(D(dict), key, value) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_dict_add_real(pdf_dict dict, const char *key, float value)
{
    return dict ? HPDF_Dict_AddReal(D(dict), key, value) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_dict_add_bool(pdf_dict dict, const char *key, bool value)
{
    return dict ? HPDF_Dict_AddBoolean(D(dict), key, value ? HPDF_TRUE : HPDF_FALSE)
                : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_dict_add_string(pdf_dict dict, const char *key, const char *s)
{
    if (!dict)
        return SHIM_INVALID_OBJECT;
    return HPDF_Dict_Add(D(dict), key, HPDF_String_New(D(dict)->mmgr, s, NULL));
}

/* libharu 2.3.0: HPDF_Binary_New copies the bytes but takes them
 * non-const; the cast is for its prototype only. */
static HPDF_Binary new_binary(HPDF_MMgr mmgr, const void *bytes, size_t n)
{
    return n > UINT32_MAX ? NULL : HPDF_Binary_New(mmgr, (HPDF_BYTE *)bytes, (HPDF_UINT)n);
}

HPDF_STATUS shim_dict_add_bytes(pdf_dict dict, const char *key, const void *bytes, size_t n)
{
    if (!dict)
        return SHIM_INVALID_OBJECT;
    return HPDF_Dict_Add(D(dict), key, new_binary(D(dict)->mmgr, bytes, n));
}

pdf_dict shim_dict_get_dict(pdf_dict dict, const char *key)
{
    return dict ? to_dict(HPDF_Dict_GetItem(D(dict), key, HPDF_OCLASS_DICT)) : NULL;
}

pdf_dict shim_dict_get_or_add_dict(pdf_dict dict, const char *key)
{
    pdf_dict found = shim_dict_get_dict(dict, key);
    if (found || !dict)
        return found;
    HPDF_Dict fresh = HPDF_Dict_New(D(dict)->mmgr);
    return fresh && HPDF_Dict_Add(D(dict), key, fresh) == HPDF_OK ? to_dict(fresh) : NULL;
}

/* Appends obj to array as HPDF_Array_Add does, but past its
 * HPDF_LIMIT_MAX_ARRAY: that is libharu's own cap (PDF 1.4's Appendix C
 * limit, which PDF 1.7 and PDF/A-2 no longer have), and a 100,000-entry
 * list's L element has a /K that long.  Below the cap libharu's own call
 * runs, so ordinary documents are written exactly as before.  On failure
 * obj is freed, as libharu does. */
static HPDF_STATUS array_append(HPDF_Array array, void *obj)
{
    if (!array)
        return SHIM_INVALID_OBJECT;
    /* libharu 2.3.0: HPDF_Array_Rec.list holds the items, .list->count their number */
    if (!obj || array->list->count < HPDF_LIMIT_MAX_ARRAY)
        return HPDF_Array_Add(array, obj);
    /* libharu 2.3.0: HPDF_Obj_Header.obj_id's flags say who owns an
     * object; an indirect object goes in through a proxy ("n 0 R"), a
     * direct one is marked owned (HPDF_Array_Add's own steps). */
    HPDF_Obj_Header *header = obj;
    if (header->obj_id & HPDF_OTYPE_DIRECT)
        return SHIM_INVALID_OBJECT;   /* already in another container */
    if (header->obj_id & HPDF_OTYPE_INDIRECT) {
        HPDF_Proxy proxy = HPDF_Proxy_New(array->mmgr, obj);
        if (!proxy) {
            HPDF_Obj_Free(array->mmgr, obj);
            return SHIM_NO_MEMORY;
        }
        proxy->header.obj_id |= HPDF_OTYPE_DIRECT;
        obj = proxy;
    } else {
        header->obj_id |= HPDF_OTYPE_DIRECT;
    }
    HPDF_STATUS st = HPDF_List_Add(array->list, obj);
    if (st != HPDF_OK)
        HPDF_Obj_Free(array->mmgr, obj);
    return st;
}

HPDF_STATUS shim_array_add_dict(pdf_array array, pdf_dict value)
{
    return array_append(A(array), D(value));
}

HPDF_STATUS shim_array_add_array(pdf_array array, pdf_array value)
{
    return array_append(A(array), A(value));
}

HPDF_STATUS shim_array_add_name(pdf_array array, const char *name)
{
    return array ? array_append(A(array), HPDF_Name_New(A(array)->mmgr, name)) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_array_add_int(pdf_array array, int32_t value)
{
    return array ? array_append(A(array), HPDF_Number_New(A(array)->mmgr, value)) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_array_add_real(pdf_array array, float value)
{
    return array ? array_append(A(array), HPDF_Real_New(A(array)->mmgr, value)) : SHIM_INVALID_OBJECT;
}

HPDF_STATUS shim_array_add_bytes(pdf_array array, const void *bytes, size_t n)
{
    if (!array)
        return SHIM_INVALID_OBJECT;
    return array_append(A(array), new_binary(A(array)->mmgr, bytes, n));   /* libharu 2.3.0: .mmgr */
}

/* ---- images ------------------------------------------------------------ */

pdf_dict shim_image_dict(HPDF_Image image)
{
    return image ? to_dict((HPDF_Dict)image) : NULL;   /* libharu 2.3.0: HPDF_Image is an HPDF_Dict */
}

/* The value at key of any class, or NULL: HPDF_Dict_GetItem with a class
 * the value does not have sets the document's error, which makes every
 * later call skip (HPDF_THIS_FUNC_WAS_SKIPPED).  libharu 2.3.0:
 * HPDF_Dict_Rec.list holds HPDF_DictElement_Rec {key, value}. */
static HPDF_Obj_Header *dict_value(HPDF_Dict dict, const char *key)
{
    for (HPDF_UINT i = 0; i < dict->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(dict->list, i);
        if (strcmp(e->key, key) == 0) {
            HPDF_Obj_Header *h = e->value;
            /* a reference to an indirect object is a proxy (libharu 2.3.0: HPDF_Proxy_Rec.obj) */
            if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY)
                h = ((HPDF_Proxy)(void *)h)->obj;
            return h;
        }
    }
    return NULL;
}

static HPDF_Obj_Header *array_value(HPDF_Array array, HPDF_UINT i)
{
    HPDF_Obj_Header *h = i < array->list->count ? HPDF_List_ItemAt(array->list, i) : NULL;
    if (h && (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY)
        h = ((HPDF_Proxy)(void *)h)->obj;
    return h;
}

static bool is_name(const HPDF_Obj_Header *h, const char *name)
{
    return h && (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_NAME && strcmp(((HPDF_Name)(void *)h)->value, name) == 0;
}

static bool has_class(const HPDF_Obj_Header *h, HPDF_UINT16 cls)
{
    return h && (h->obj_class & HPDF_OCLASS_ANY) == cls;
}

/* [/ICCBased profile], a new direct array. */
static HPDF_Array icc_space(HPDF_Doc pdf, pdf_dict profile)
{
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);   /* libharu 2.3.0: HPDF_Doc_Rec.mmgr */
    if (a && (HPDF_Array_AddName(a, "ICCBased") != HPDF_OK || HPDF_Array_Add(a, D(profile)) != HPDF_OK))
        return NULL;   /* the array is freed with the document's memory */
    return a;
}

/* libharu 2.3.0: an image's /ColorSpace is a name (/DeviceRGB,
 * /DeviceGray), or for a palette PNG the array [/Indexed /DeviceRGB hival
 * <lookup>] (hpdf_image_png.c).  The palette's array is rebuilt with the
 * ICC base; HPDF_Dict_Add frees the value it replaces. */
HPDF_STATUS shim_image_use_icc(HPDF_Doc pdf, HPDF_Image image, pdf_dict profile)
{
    HPDF_Dict img = (HPDF_Dict)image;
    if (!pdf || !img || !profile)
        return SHIM_INVALID_OBJECT;
    HPDF_Obj_Header *cs = dict_value(img, "ColorSpace");
    if (is_name(cs, "DeviceRGB")) {
        HPDF_Array a = icc_space(pdf, profile);
        return a ? HPDF_Dict_Add(img, "ColorSpace", a) : SHIM_NO_MEMORY;
    }
    if (!has_class(cs, HPDF_OCLASS_ARRAY))
        return HPDF_OK;
    HPDF_Array old = (HPDF_Array)(void *)cs;
    HPDF_Obj_Header *hv = array_value(old, 2), *lk = array_value(old, 3);
    if (!is_name(array_value(old, 0), "Indexed") || !is_name(array_value(old, 1), "DeviceRGB") ||
        !has_class(hv, HPDF_OCLASS_NUMBER) || !has_class(lk, HPDF_OCLASS_BINARY))
        return HPDF_OK;
    HPDF_Number hival = (HPDF_Number)(void *)hv;
    HPDF_Binary lookup = (HPDF_Binary)(void *)lk;
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);
    HPDF_Array icc = icc_space(pdf, profile);
    if (!a || !icc)
        return SHIM_NO_MEMORY;
    HPDF_STATUS st = HPDF_Array_AddName(a, "Indexed");
    if (st == HPDF_OK)
        st = HPDF_Array_Add(a, icc);
    if (st == HPDF_OK)
        st = HPDF_Array_AddNumber(a, hival->value);
    if (st == HPDF_OK)   /* libharu 2.3.0: HPDF_Binary_Rec.value, .len */
        st = HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, HPDF_Binary_GetValue(lookup), HPDF_Binary_GetLen(lookup)));
    return st == HPDF_OK ? HPDF_Dict_Add(img, "ColorSpace", a) : st;
}

/* libharu 2.3.0 (hpdf_image_png.c) writes a PNG's alpha channel as an
 * /SMask stream without a filter, whatever the compression mode: a logo's
 * mask would go in raw, hundreds of KB.  HPDF_Dict_Rec.filter is what
 * HPDF_SaveToStream deflates by. */
HPDF_STATUS shim_image_compress_mask(HPDF_Image image)
{
    HPDF_Dict img = (HPDF_Dict)image;
    if (!img)
        return SHIM_INVALID_OBJECT;
    HPDF_Obj_Header *h = dict_value(img, "SMask");
    HPDF_Dict mask = has_class(h, HPDF_OCLASS_DICT) ? (HPDF_Dict)(void *)h : NULL;
    if (mask)
        mask->filter |= HPDF_STREAM_FILTER_FLATE_DECODE;
    return HPDF_OK;
}
