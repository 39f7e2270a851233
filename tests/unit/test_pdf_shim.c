/* test_pdf_shim.c — the libharu shim's primitives, used the way tagged PDF
 * will use them: a one-page PDF with a StructTreeRoot (a StructElem
 * pointing at marked content BDC … EMC on the page), ParentTree, MarkInfo,
 * an XMP metadata stream, OutputIntents with an ICC stream, a TrimBox, a
 * precompressed stream and a trailer entry; checked by qpdf (--check, and
 * its QDF dump, which decodes every stream). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>

#include "pdf_hpdf_shim.h"
#include "pdf_text.h"

static const char xmp[] =
    "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/></x:xmpmeta><?xpacket end=\"w\"?>";
static const char icc_payload[] = "ICC-PROFILE-STAND-IN ICC-PROFILE-STAND-IN ICC-PROFILE-STAND-IN";
static const char packed_payload[] = "PRECOMPRESSED-PAYLOAD PRECOMPRESSED-PAYLOAD PRECOMPRESSED";
static const char later_payload[] = "DEFLATED-LATER-PAYLOAD DEFLATED-LATER-PAYLOAD";

/* Replaces the bytes of stream (filled uncompressed, want bytes long) with
 * their zlib stream, as pdf_deflate.c does. */
static void deflate_in_place(pdf_dict stream, size_t want)
{
    size_t n = 0;
    unsigned char *bytes = shim_stream_bytes(stream, &n);
    assert_int_equal(n, want);
    uLongf z_len = compressBound(n);
    unsigned char *z = malloc(z_len);
    assert_non_null(z);
    assert_int_equal(compress(z, &z_len, bytes, n), Z_OK);
    assert_int_equal(shim_stream_set_deflated(stream, z, z_len), HPDF_OK);
    free(z);
    free(bytes);
}

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    (void)detail;
    HPDF_STATUS *first = user;
    if (*first == HPDF_OK)
        *first = code;
}

/* Reads a whole file (or a command's output) into a malloc'd string. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    assert_non_null(buf);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2) {
            buf = realloc(buf, cap *= 2);
            assert_non_null(buf);
        }
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static char *run(const char *fmt, const char *path, int *status)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, fmt, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *out = slurp(p, NULL);
    *status = pclose(p);
    return out;
}

/* Whether the bytes of needle occur in hay[0..n) (the PDF may hold NULs). */
static bool contains(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return true;
    return false;
}

/* The text of object n in a QDF dump ("n 0 obj" … "endobj"), or NULL. */
static char *object_text(const char *qdf, int n)
{
    char head[32];
    snprintf(head, sizeof head, "\n%d 0 obj", n);
    const char *at = strstr(qdf, head);
    const char *end = at ? strstr(at, "endobj") : NULL;
    return end ? strndup(at, (size_t)(end - at)) : NULL;
}

/* The object number that "key N 0 R" names in text, or -1. */
static int ref_of(const char *text, const char *key)
{
    const char *at = strstr(text, key);
    int n;
    return at && sscanf(at + strlen(key), " %d 0 R", &n) == 1 ? n : -1;
}

/* The object that key refers to in text, as text (must exist). */
static char *follow(const char *qdf, const char *text, const char *key)
{
    int n = ref_of(text, key);
    if (n < 0)
        fail_msg("no reference %s", key);
    char *obj = object_text(qdf, n);
    if (!obj)
        fail_msg("no object %d for %s", n, key);
    return obj;
}

/* Builds the tagged-PDF skeleton with nothing but shim calls. */
static void build_tagged_skeleton(HPDF_Doc pdf)
{
    assert_int_equal(shim_set_pdf_version(pdf, HPDF_VER_17), HPDF_OK);
    HPDF_Page page = HPDF_AddPage(pdf);
    assert_non_null(page);
    pdf_dict page_dict = shim_page_dict(page);
    assert_int_equal(shim_page_write_str(page, "/P <</MCID 0>> BDC\n0 0 1 rg 10 10 20 20 re f\nEMC\n"),
                     HPDF_OK);
    for (int i = 0; i < 400; i++)   /* past one of libharu's 4 KB chunks */
        assert_int_equal(shim_page_write_str(page, "/Artifact BMC 1 g 0 0 5 5 re f EMC\n"), HPDF_OK);
    deflate_in_place(shim_page_contents(page), 49 + 400 * 35);

    pdf_array trim = shim_array_new(pdf);
    const float box[4] = {8.5f, 8.5f, 586.5f, 833.25f};
    for (int i = 0; i < 4; i++)
        assert_int_equal(shim_array_add_real(trim, box[i]), HPDF_OK);
    assert_int_equal(shim_dict_add_array(page_dict, "TrimBox", trim), HPDF_OK);
    assert_int_equal(shim_dict_add_int(page_dict, "StructParents", 0), HPDF_OK);

    pdf_dict catalog = shim_catalog(pdf);
    pdf_dict mark_info = shim_dict_new(pdf);
    assert_int_equal(shim_dict_add_bool(mark_info, "Marked", true), HPDF_OK);
    assert_int_equal(shim_dict_add_dict(catalog, "MarkInfo", mark_info), HPDF_OK);

    pdf_dict root = shim_dict_new_indirect(pdf);
    pdf_dict elem = shim_dict_new_indirect(pdf);
    assert_non_null(root);
    assert_non_null(elem);
    shim_dict_add_name(root, "Type", "StructTreeRoot");
    shim_dict_add_name(elem, "Type", "StructElem");
    shim_dict_add_name(elem, "S", "P");
    assert_int_equal(shim_dict_add_dict(elem, "P", root), HPDF_OK);        /* a cycle of references */
    assert_int_equal(shim_dict_add_dict(elem, "Pg", page_dict), HPDF_OK);  /* a page, by reference */
    assert_int_equal(shim_dict_add_int(elem, "K", 0), HPDF_OK);
    assert_int_equal(pdf_dict_add_text(elem, "Alt", "申請書 𠮷"), HPDF_OK);
    pdf_array kids = shim_array_new(pdf);
    assert_int_equal(shim_array_add_dict(kids, elem), HPDF_OK);
    assert_int_equal(shim_dict_add_array(root, "K", kids), HPDF_OK);
    pdf_dict parent_tree = shim_dict_new(pdf);
    pdf_array nums = shim_array_new(pdf);
    pdf_array page0 = shim_array_new_indirect(pdf);
    assert_non_null(page0);
    assert_int_equal(shim_array_add_dict(page0, elem), HPDF_OK);   /* the same element, again */
    assert_int_equal(shim_array_add_int(nums, 0), HPDF_OK);
    assert_int_equal(shim_array_add_array(nums, page0), HPDF_OK);
    assert_int_equal(shim_dict_add_array(parent_tree, "Nums", nums), HPDF_OK);
    assert_int_equal(shim_dict_add_dict(root, "ParentTree", parent_tree), HPDF_OK);
    assert_int_equal(shim_dict_add_dict(catalog, "StructTreeRoot", root), HPDF_OK);

    pdf_dict meta = shim_stream_new(pdf, SHIM_RAW);
    shim_dict_add_name(meta, "Type", "Metadata");
    shim_dict_add_name(meta, "Subtype", "XML");
    assert_int_equal(shim_stream_write_str(meta, xmp), HPDF_OK);
    assert_int_equal(shim_dict_add_dict(catalog, "Metadata", meta), HPDF_OK);

    pdf_dict icc = shim_stream_new(pdf, SHIM_FLATE);
    shim_dict_add_int(icc, "N", 3);
    assert_int_equal(shim_stream_write(icc, icc_payload, sizeof icc_payload - 1), HPDF_OK);
    pdf_dict intent = shim_dict_new(pdf);
    shim_dict_add_name(intent, "Type", "OutputIntent");
    shim_dict_add_name(intent, "S", "GTS_PDFA1");
    shim_dict_add_string(intent, "OutputConditionIdentifier", "sRGB (a (test))");
    shim_dict_add_dict(intent, "DestOutputProfile", icc);
    pdf_array intents = shim_array_new(pdf);
    assert_int_equal(shim_array_add_dict(intents, intent), HPDF_OK);
    assert_int_equal(shim_dict_add_array(catalog, "OutputIntents", intents), HPDF_OK);

    unsigned char packed[256];
    uLongf packed_len = sizeof packed;
    assert_int_equal(compress(packed, &packed_len, (const Bytef *)packed_payload, sizeof packed_payload - 1),
                     Z_OK);
    pdf_dict pre = shim_stream_new(pdf, SHIM_PRECOMPRESSED);
    assert_int_equal(shim_stream_write(pre, packed, packed_len), HPDF_OK);
    assert_int_equal(shim_dict_add_dict(catalog, "KumihanTest", pre), HPDF_OK);
    pdf_dict later = shim_stream_new(pdf, SHIM_RAW);
    assert_int_equal(shim_stream_write_str(later, later_payload), HPDF_OK);
    deflate_in_place(later, sizeof later_payload - 1);
    assert_int_equal(shim_dict_add_dict(catalog, "KumihanLater", later), HPDF_OK);

    const unsigned char id[4] = {0xDE, 0xAD, 0xBE, 0xEF};
    pdf_array ids = shim_array_new(pdf);
    shim_array_add_bytes(ids, id, sizeof id);
    shim_array_add_bytes(ids, id, sizeof id);
    assert_int_equal(shim_dict_add_array(shim_trailer(pdf), "ID", ids), HPDF_OK);
}

static void test_tagged_skeleton_passes_qpdf(void **state)
{
    (void)state;
    HPDF_STATUS first_error = HPDF_OK;
    HPDF_Doc pdf = HPDF_New(on_error, &first_error);
    assert_non_null(pdf);
    build_tagged_skeleton(pdf);
    char path[] = "/tmp/kumihan-test-shim-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(HPDF_SaveToFile(pdf, path), HPDF_OK);
    assert_int_equal(first_error, HPDF_OK);
    HPDF_Free(pdf);

    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t raw_len;
    char *raw = slurp(f, &raw_len);
    fclose(f);
    assert_true(strncmp(raw, "%PDF-1.7", 8) == 0);
    assert_true(contains(raw, raw_len, "<x:xmpmeta"));          /* SHIM_RAW: readable as is */
    assert_false(contains(raw, raw_len, "ICC-PROFILE"));        /* SHIM_FLATE: deflated */
    assert_false(contains(raw, raw_len, "PRECOMPRESSED-PAY"));  /* SHIM_PRECOMPRESSED: as given */
    assert_false(contains(raw, raw_len, "DEFLATED-LATER"));     /* shim_stream_set_deflated */
    assert_false(contains(raw, raw_len, "/MCID 0"));            /* the page's content, too */
    assert_true(contains(raw, raw_len, "/ID [ <DEADBEEF> <DEADBEEF> ]"));

    int st;
    char *check = run("qpdf --check '%s' 2>&1", path, &st);
    if (st != 0 || !strstr(check, "No syntax or stream encoding errors"))
        fail_msg("qpdf --check: %s", check);
    char *qdf = run("qpdf --qdf --object-streams=disable '%s' - 2>&1", path, &st);
    assert_int_equal(st, 0);
    assert_non_null(strstr(qdf, "ICC-PROFILE-STAND-IN"));    /* both deflated streams decode */
    assert_non_null(strstr(qdf, packed_payload));
    assert_non_null(strstr(qdf, later_payload));
    assert_non_null(strstr(qdf, "/Artifact BMC 1 g 0 0 5 5 re f EMC\n/Artifact"));
    assert_non_null(strstr(qdf, "/P <</MCID 0>> BDC"));      /* the page's marked content */

    int catalog_no = ref_of(qdf, "/Root");
    char *catalog = object_text(qdf, catalog_no);
    assert_non_null(catalog);
    assert_non_null(strstr(catalog, "/Marked true"));
    assert_non_null(strstr(catalog, "/S /GTS_PDFA1"));
    assert_non_null(strstr(catalog, "/OutputConditionIdentifier (sRGB \\(a \\(test\\)\\))"));
    char *root = follow(qdf, catalog, "/StructTreeRoot");
    assert_non_null(strstr(root, "/Type /StructTreeRoot"));
    char *elem = follow(qdf, root, "/K [");
    assert_non_null(strstr(elem, "/S /P"));
    assert_int_equal(ref_of(elem, "/P"), ref_of(catalog, "/StructTreeRoot"));
    assert_non_null(strstr(elem, "/Alt <feff75338acb66f80020d842dfb7>"));   /* UTF-16BE, surrogates */
    char *page = follow(qdf, elem, "/Pg");
    assert_non_null(strstr(page, "/Type /Page"));
    assert_non_null(strstr(page, "/StructParents 0"));
    assert_non_null(strstr(page, "/TrimBox ["));
    char *page0 = follow(qdf, root, "/Nums [\n      0");
    assert_int_equal(ref_of(page0, "["), ref_of(root, "/K ["));      /* one element, two references */
    char *meta = follow(qdf, catalog, "/Metadata");
    assert_non_null(strstr(meta, "/Subtype /XML"));
    assert_null(strstr(meta, "/Filter"));
    char *icc = follow(qdf, catalog, "/DestOutputProfile");
    assert_non_null(strstr(icc, "/N 3"));

    free(page0);
    free(icc);
    free(meta);
    free(page);
    free(elem);
    free(root);
    free(catalog);
    free(qdf);
    free(check);
    free(raw);
    if (!getenv("KEEP_TEST_FILES"))
        unlink(path);
}

static void test_handles(void **state)
{
    (void)state;
    HPDF_STATUS first_error = HPDF_OK;
    HPDF_Doc pdf = HPDF_New(on_error, &first_error);
    assert_non_null(pdf);
    /* NULL handles fail quietly, so that a chain can be checked once */
    assert_int_equal(shim_dict_add_name(NULL, "Type", "X"), SHIM_INVALID_OBJECT);
    assert_int_equal(shim_array_add_int(NULL, 1), SHIM_INVALID_OBJECT);
    assert_int_equal(shim_stream_write(NULL, "x", 1), SHIM_INVALID_OBJECT);
    assert_null(shim_dict_get_dict(NULL, "Resources"));
    /* a plain dictionary has no bytes to write */
    assert_int_equal(shim_stream_write(shim_catalog(pdf), "x", 1), SHIM_INVALID_OBJECT);
    assert_int_equal(shim_set_pdf_version(pdf, HPDF_VER_EOF), SHIM_INVALID_OBJECT);
    /* get-or-add makes the dictionary once */
    pdf_dict a = shim_dict_get_or_add_dict(shim_catalog(pdf), "KumihanExtra");
    assert_non_null(a);
    assert_ptr_equal(shim_dict_get_or_add_dict(shim_catalog(pdf), "KumihanExtra"), a);
    assert_ptr_equal(shim_dict_get_dict(shim_catalog(pdf), "KumihanExtra"), a);
    /* the info dictionary is the one HPDF_SetInfoAttr fills */
    pdf_dict info = shim_info(pdf);
    assert_non_null(info);
    assert_int_equal(HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "-"), HPDF_OK);
    assert_ptr_equal(shim_info(pdf), info);
    assert_int_equal(first_error, HPDF_OK);
    HPDF_Free(pdf);
}

/* Arrays grow past libharu's HPDF_LIMIT_MAX_ARRAY (32767 in Debian's
 * 2.3.0), as a 100,000-entry list's /K must: ints, direct and indirect
 * dictionaries, all kept, with no libharu error. */
static void test_array_past_libharu_cap(void **state)
{
    (void)state;
    enum { N = 40000 };
    HPDF_STATUS first_error = HPDF_OK;
    HPDF_Doc pdf = HPDF_New(on_error, &first_error);
    assert_non_null(pdf);
    pdf_array ints = shim_array_new(pdf);
    pdf_array dicts = shim_array_new(pdf);
    pdf_dict shared = shim_dict_new_indirect(pdf);
    for (int i = 0; i < N; i++) {
        assert_int_equal(shim_array_add_int(ints, i), HPDF_OK);
        assert_int_equal(shim_array_add_dict(dicts, i % 2 ? shared : shim_dict_new(pdf)), HPDF_OK);
    }
    assert_int_equal(shim_dict_add_array(shim_catalog(pdf), "KumihanInts", ints), HPDF_OK);
    assert_int_equal(shim_dict_add_array(shim_catalog(pdf), "KumihanDicts", dicts), HPDF_OK);
    assert_int_equal(HPDF_SaveToStream(pdf), HPDF_OK);
    assert_true(HPDF_GetStreamSize(pdf) > (HPDF_UINT32)N * 6);   /* every item written */
    assert_int_equal(first_error, HPDF_OK);
    HPDF_Free(pdf);
}

static void test_libharu_version(void **state)
{
    (void)state;
    assert_string_equal(shim_libharu_loaded(), SHIM_LIBHARU_VERSION);
    assert_true(shim_libharu_supports("2.3.0"));
    assert_false(shim_libharu_supports("2.3.1"));
    assert_false(shim_libharu_supports("2.4.0"));
    assert_false(shim_libharu_supports("2.3"));
    assert_false(shim_libharu_supports(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tagged_skeleton_passes_qpdf),
        cmocka_unit_test(test_handles),
        cmocka_unit_test(test_array_past_libharu_cap),
        cmocka_unit_test(test_libharu_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
