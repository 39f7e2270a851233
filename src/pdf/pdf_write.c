/* pdf_write.c — the PDF writer's driver: subset the fonts once for the
 * whole file, draw every page (or every imposed sheet), add bookmarks,
 * info and /ID, serialise with libharu into memory and hand the bytes to
 * the atomic writer.  libharu errors are recorded by a handler (never a
 * longjmp or exit) and become diagnostics. */
#include "pdf_write.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf_atomic.h"
#include "pdf_deflate.h"
#include "pdf_font.h"
#include "pdf_hpdf_shim.h"
#include "pdf_id.h"
#include "pdf_image.h"
#include "pdf_intent.h"
#include "pdf_meta.h"
#include "pdf_objstm.h"
#include "pdf_outline.h"
#include "pdf_page.h"
#include "pdf_links.h"
#include "pdf_struct.h"
#include "pdf_xmp.h"
#include "xalloc.h"

/* The first libharu error of a run. */
typedef struct hpdf_error {
    HPDF_STATUS code, detail;
} hpdf_error;

static void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    hpdf_error *e = user;
    if (e->code == HPDF_OK) {
        e->code = code;
        e->detail = detail;
    }
}

static const float identity[6] = {1, 0, 0, 1, 0, 0};

static HPDF_Page new_page(HPDF_Doc pdf, float width, float height)
{
    HPDF_Page page = HPDF_AddPage(pdf);
    if (page) {
        HPDF_Page_SetWidth(page, width);
        HPDF_Page_SetHeight(page, height);
    }
    return page;
}

/* The reading PDF: page i of doc is PDF page i, tagged (untagged only
 * for the bench, tags NULL).  Each page is hashed into id once drawn;
 * with drop (doc itself, writable) its glyphs and shapes are freed then,
 * so the PDF's own objects do not come on top of every page's glyphs. */
static HPDF_STATUS draw_pages(HPDF_Doc pdf, const pg_doc *doc, pg_doc *drop, const pdf_fonts *pf,
                              const font_set *fs, pdf_page_dest *dest, bool *used,
                              pdf_struct *tags, pdf_images *images, pdf_id_hash *id)
{
    for (size_t p = 0; p < doc->n_pages; p++) {
        HPDF_Page page = new_page(pdf, doc->width, doc->height);
        if (!page)
            return SHIM_NO_MEMORY;
        memset(used, 0, pf->n * sizeof *used);
        HPDF_STATUS st = tags ? pdf_struct_begin_page(tags, page) : HPDF_OK;
        if (st == HPDF_OK)
            st = pdf_draw_page(page, &doc->pages[p], pf, fs, used, tags, PDF_INK_RGB, images);
        if (st == HPDF_OK)
            st = pdf_write_links(page, &doc->pages[p], tags);
        if (st == HPDF_OK && tags)
            st = pdf_struct_end_page(tags);
        if (st == HPDF_OK)
            st = pdf_register_fonts(page, pf, used);
        if (st == HPDF_OK)
            st = pdf_deflate_page(page);   /* the page is final */
        if (st != HPDF_OK)
            return st;
        pdf_id_page(id, &doc->pages[p]);
        if (drop)
            pg_page_drop_drawing(&drop->pages[p]);
        dest[p].page = page;
        memcpy(dest[p].m, identity, sizeof identity);
    }
    return pdf_write_goto_links(doc, dest, tags);
}

/* One placement: the page inside q … Q under its cm transform. */
static HPDF_STATUS draw_placement(HPDF_Page sheet, const pdf_placement *pl, const pg_doc *doc,
                                  const pdf_fonts *pf, const font_set *fs, bool *used, pdf_images *images)
{
    const float *m = pl->m;
    HPDF_STATUS st = HPDF_Page_GSave(sheet);
    if (st == HPDF_OK)
        st = HPDF_Page_Concat(sheet, m[0], m[1], m[2], m[3], m[4], m[5]);
    if (st == HPDF_OK)
        st = pdf_draw_page(sheet, &doc->pages[pl->page], pf, fs, used, NULL, PDF_INK_GRAY, images);
    if (st == HPDF_OK)
        st = HPDF_Page_GRestore(sheet);
    return st;
}

/* A page box, /TrimBox or /BleedBox: llx lly urx ury. */
static HPDF_STATUS add_box(HPDF_Doc pdf, HPDF_Page page, const char *key, const float box[4])
{
    pdf_array a = shim_array_new(pdf);
    HPDF_STATUS st = HPDF_OK;
    for (int i = 0; i < 4 && st == HPDF_OK; i++)
        st = shim_array_add_real(a, box[i]);
    return st == HPDF_OK ? shim_dict_add_array(shim_page_dict(page), key, a) : st;
}

/* The print PDF: one PDF page per sheet, in DeviceGray, with its trim and
 * bleed; bookmarks go to the first sheet showing their page. */
static HPDF_STATUS draw_sheets(HPDF_Doc pdf, const pg_doc *doc, const pdf_sheet *sheets,
                               size_t n_sheets, const pdf_fonts *pf, const font_set *fs,
                               pdf_page_dest *dest, bool *used, pdf_images *images)
{
    for (size_t s = 0; s < n_sheets; s++) {
        const pdf_sheet *sh = &sheets[s];
        HPDF_Page page = new_page(pdf, sh->width, sh->height);
        if (!page)
            return SHIM_NO_MEMORY;
        memset(used, 0, pf->n * sizeof *used);
        HPDF_STATUS st = add_box(pdf, page, "BleedBox", sh->bleed);
        if (st == HPDF_OK)
            st = add_box(pdf, page, "TrimBox", sh->trim);
        for (int i = 0; i < sh->n_place && i < 4 && st == HPDF_OK; i++) {
            const pdf_placement *pl = &sh->place[i];
            if (pl->page < 0 || (size_t)pl->page >= doc->n_pages)
                continue;
            st = draw_placement(page, pl, doc, pf, fs, used, images);
            if (!dest[pl->page].page) {
                dest[pl->page].page = page;
                memcpy(dest[pl->page].m, pl->m, sizeof pl->m);
            }
        }
        if (st == HPDF_OK)
            st = pdf_draw_page(page, &sh->marks, pf, fs, used, NULL, PDF_INK_GRAY, images);
        if (st == HPDF_OK)
            st = pdf_register_fonts(page, pf, used);
        if (st == HPDF_OK)
            st = pdf_deflate_page(page);   /* the sheet is final */
        if (st != HPDF_OK)
            return st;
    }
    return HPDF_OK;
}

static HPDF_STATUS add_document_parts(HPDF_Doc pdf, const pg_doc *doc, const pdf_meta *meta,
                                      const pdf_fonts *pf, const pdf_sheet *sheets,
                                      size_t n_sheets, const pdf_page_dest *dest, pdf_id_hash *id)
{
    size_t n_marks = 0;
    HPDF_STATUS st = pdf_add_outline(pdf, doc, dest, &n_marks);
    if (st == HPDF_OK && meta->show_outline && n_marks > 0)
        st = HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    if (st == HPDF_OK)
        st = pdf_set_info(pdf, meta);
    if (st == HPDF_OK && !sheets)
        st = pdf_set_page_labels(pdf, meta);
    if (st == HPDF_OK)
        st = pdf_id_finish(pdf, id, meta, pf, sheets, n_sheets);
    return st;
}

/* What makes the reading PDF PDF/UA-1 and PDF/A-2u besides its tagged
 * pages: the structure tree, XMP, the sRGB output intent and
 * /DisplayDocTitle (PDF/UA-1 7.1: the title bar shows dc:title). */
static HPDF_STATUS add_reading_conformance(HPDF_Doc pdf, const pdf_meta *meta, pdf_struct *tags)
{
    HPDF_STATUS st = pdf_struct_finish(tags);
    if (st == HPDF_OK)
        st = pdf_add_xmp(pdf, meta, PDF_CLAIM_UA1_A2U);
    if (st == HPDF_OK)
        st = pdf_add_srgb_intent(pdf);
    pdf_dict prefs = shim_dict_get_or_add_dict(shim_catalog(pdf), "ViewerPreferences");
    if (st == HPDF_OK)
        st = shim_dict_add_bool(prefs, "DisplayDocTitle", true);
    return st;
}

/* What makes the print PDF PDF/X-4 besides its gray pages and their
 * boxes: the XMP and Info claims and the gray output intent. */
static HPDF_STATUS add_print_conformance(HPDF_Doc pdf, const pdf_meta *meta)
{
    HPDF_STATUS st = pdf_set_print_info(pdf);
    if (st == HPDF_OK)
        st = pdf_add_xmp(pdf, meta, PDF_CLAIM_X4);
    if (st == HPDF_OK)
        st = pdf_add_gray_print_intent(pdf);
    return st;
}

/* Serialises the document into a malloc'd buffer. */
static unsigned char *save_to_memory(HPDF_Doc pdf, size_t *len)
{
    if (HPDF_SaveToStream(pdf) != HPDF_OK)
        return NULL;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *buf = xmalloc(size ? size : 1);
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf + got, &n);
        got += n;
        if (n == 0 || (st != HPDF_OK && st != SHIM_STREAM_EOF))
            break;
    }
    if (got != size) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

/* The reading PDF with its small objects in object streams, and the
 * structure tree written there (pdf_struct_objects); frees bytes.  NULL with a diagnostic when libharu's
 * output is not what pdf_objstm.c reads (a libharu other than 2.3.0). */
static unsigned char *pack_objects(unsigned char *bytes, size_t *len, pdf_struct *tags,
                                   diag_list *dl)
{
    size_t packed_len = 0;
    unsigned char *packed = pdf_pack_objects(bytes, *len, pdf_struct_objects, tags, &packed_len);
    free(bytes);
    if (!packed) {
        diag_report(dl, D_INTERNAL, (src_loc){0},
                    _("libharu's PDF could not be read back to pack its objects into object streams"));
        return NULL;
    }
    *len = packed_len;
    return packed;
}

/* KUMIHAN_NO_TAGS=1, set only by tools/bench.sh: the reading PDF as it
 * was before tagging (no structure tree, XMP, output intent or object
 * streams), to measure what tagging costs.  Not a user option: such a
 * file claims nothing and is no longer PDF/UA or PDF/A. */
static bool untagged_for_bench(void)
{
    const char *v = getenv("KUMIHAN_NO_TAGS");
    return v && strcmp(v, "1") == 0;
}

#define LARGE_PAGE_COUNT 8000
#define PAGES_PER_NODE 1000

/* Builds the whole PDF in memory; NULL with a diagnostic on failure.
 * drop: doc itself when its pages' drawing may be freed page by page
 * (the reading PDF only), else NULL. */
static unsigned char *build_pdf(const pg_doc *doc, pg_doc *drop, const font_set *fs,
                                const pdf_meta *meta, const pdf_sheet *sheets, size_t n_sheets,
                                size_t *len, diag_list *dl)
{
    pdf_fonts pf = {0};
    hpdf_error err = {0};
    unsigned char *bytes = NULL;
    HPDF_Doc pdf = NULL;
    pdf_page_dest *dest = xcalloc(doc->n_pages ? doc->n_pages : 1, sizeof *dest);
    bool *used = NULL;
    pdf_struct *tags = NULL;
    pdf_images *images = NULL;
    if (!dest)
        goto oom;
    if (!pdf_fonts_prepare(&pf, doc, fs, dl))
        goto done;
    used = xcalloc(pf.n ? pf.n : 1, sizeof *used);
    pdf = HPDF_New(on_hpdf_error, &err);
    if (!used || !pdf)
        goto oom;
    /* the reading PDF: PDF/UA-1 and PDF/A-2 build on PDF 1.7; the print
     * PDF is PDF/X-4, which builds on PDF 1.6 (ISO 15930-7 6.1.2) */
    HPDF_STATUS st = shim_set_pdf_version(pdf, sheets ? HPDF_VER_16 : HPDF_VER_17);
    if (st == HPDF_OK)
        st = HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    /* one /Pages node holds at most 8191 kids: past that, a tree of them */
    size_t n_out = sheets ? n_sheets : doc->n_pages;
    if (st == HPDF_OK && n_out > LARGE_PAGE_COUNT)
        st = HPDF_SetPagesConfiguration(pdf, PAGES_PER_NODE);
    if (st == HPDF_OK && !pdf_fonts_embed(&pf, pdf, fs))
        st = err.code ? err.code : SHIM_NO_MEMORY;
    if (st == HPDF_OK && !sheets && !untagged_for_bench())
        tags = pdf_struct_new(pdf, meta->list_numbering);
    images = pdf_images_new(pdf, sheets != NULL);
    pdf_id_hash *id = xmalloc(sizeof *id);
    pdf_id_begin(id, doc);
    if (sheets)   /* the reading PDF hashes each page as it draws it */
        for (size_t p = 0; p < doc->n_pages; p++)
            pdf_id_page(id, &doc->pages[p]);
    if (st == HPDF_OK)
        st = sheets ? draw_sheets(pdf, doc, sheets, n_sheets, &pf, fs, dest, used, images)
                    : draw_pages(pdf, doc, drop, &pf, fs, dest, used, tags, images, id);
    if (st == HPDF_OK)
        st = add_document_parts(pdf, doc, meta, &pf, sheets, n_sheets, dest, id);
    free(id);
    if (st == HPDF_OK && tags)
        st = add_reading_conformance(pdf, meta, tags);
    if (st == HPDF_OK && sheets)
        st = add_print_conformance(pdf, meta);
    if (st == HPDF_OK)
        st = pdf_fonts_finish(&pf);
    if (st == HPDF_OK && err.code == HPDF_OK)
        bytes = save_to_memory(pdf, len);
    if (bytes && tags) {
        bytes = pack_objects(bytes, len, tags, dl);
        goto done;
    }
    if (!bytes)
        diag_report(dl, D_INTERNAL, (src_loc){0},
                    _("libharu failed while building the PDF (error 0x%04X, detail %u)"),
                    (unsigned)(err.code ? err.code : st), (unsigned)err.detail);
    goto done;
oom:
    diag_report(dl, D_INTERNAL, (src_loc){0}, _("out of memory while building the PDF"));
done:
    pdf_images_free(images);
    pdf_struct_free(tags);
    if (pdf)
        HPDF_Free(pdf);
    pdf_fonts_free(&pf);
    free(used);
    free(dest);
    return bytes;
}

/* The shim reaches into libharu's structs: a libharu other than the one
 * whose headers it was compiled against (a swapped shared library) could
 * lay them out differently, so it is refused before any is touched. */
static bool libharu_matches(diag_list *dl)
{
    const char *loaded = shim_libharu_loaded();
    if (shim_libharu_supports(loaded))
        return true;
    diag_report(dl, D_INTERNAL, (src_loc){0},
                _("libharu %s is loaded, but kumihan's PDF writer was built for libharu %s"),
                loaded ? loaded : "(unknown)", SHIM_LIBHARU_VERSION);
    diag_hint(dl, _("install libharu %s (Debian 12: libhpdf-2.3.0), or port src/pdf_hpdf_shim.c"),
              SHIM_LIBHARU_VERSION);
    return false;
}

bool pdf_write(const pg_doc *doc, const font_set *fs, const pdf_meta *meta,
               const pdf_sheet *sheets, size_t n_sheets,
               const char *out_path, diag_list *dl)
{
    if (!libharu_matches(dl))
        return false;
    size_t len = 0;
    unsigned char *bytes = build_pdf(doc, NULL, fs, meta, sheets, n_sheets, &len, dl);
    if (!bytes)
        return false;
    bool ok = pdf_atomic_write(out_path, bytes, len, dl);
    free(bytes);
    return ok;
}

unsigned char *pdf_render(const pg_doc *doc, const font_set *fs, const pdf_meta *meta,
                          const pdf_sheet *sheets, size_t n_sheets, size_t *len, diag_list *dl)
{
    return build_pdf(doc, NULL, fs, meta, sheets, n_sheets, len, dl);
}

unsigned char *pdf_render_dropping(pg_doc *doc, const font_set *fs, const pdf_meta *meta,
                                   size_t *len, diag_list *dl)
{
    return build_pdf(doc, doc, fs, meta, NULL, 0, len, dl);
}
