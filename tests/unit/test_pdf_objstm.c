/* test_pdf_objstm.c — packing a libharu PDF's objects into object streams:
 * the packed file is read back by qpdf (--check, and its uncompressed QDF
 * form holds every object of the original, streams byte for byte), and
 * input that is not a libharu file (garbage, truncated, a damaged xref)
 * is refused rather than misread. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pdf_hpdf_shim.h"
#include "pdf_objstm.h"

/* A libharu PDF 1.7 with a page, its content stream and a few hundred
 * small dictionaries (as a structure tree makes), in memory. */
static unsigned char *libharu_pdf_with(size_t *len, uint32_t *placeholder)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    assert_non_null(pdf);
    assert_int_equal(shim_set_pdf_version(pdf, HPDF_VER_17), HPDF_OK);
    HPDF_Page page = HPDF_AddPage(pdf);
    assert_int_equal(shim_page_write_str(page, "/P <</MCID 0>> BDC\n0 0 1 rg 10 10 20 20 re f\nEMC\n"), HPDF_OK);
    pdf_array kids = shim_array_new(pdf);
    for (int i = 0; i < 700; i++) {   /* more than one object stream holds */
        pdf_dict d = shim_dict_new_indirect(pdf);
        assert_int_equal(shim_dict_add_int(d, "N", i), HPDF_OK);
        assert_int_equal(shim_array_add_dict(kids, d), HPDF_OK);
    }
    assert_int_equal(shim_dict_add_array(shim_catalog(pdf), "KumihanTest", kids), HPDF_OK);
    if (placeholder) {   /* an empty object whose body pdf_more_objects replaces */
        pdf_dict d = shim_dict_new_indirect(pdf);
        assert_int_equal(shim_dict_add_dict(shim_catalog(pdf), "KumihanMore", d), HPDF_OK);
        *placeholder = shim_object_number(d);
        assert_true(*placeholder > 700);
    }
    assert_int_equal(HPDF_SaveToStream(pdf), HPDF_OK);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *buf = malloc(size);
    assert_non_null(buf);
    HPDF_UINT32 n = size;
    HPDF_ReadFromStream(pdf, buf, &n);
    assert_int_equal(n, size);
    HPDF_Free(pdf);
    *len = size;
    return buf;
}

static unsigned char *libharu_pdf(size_t *len)
{
    return libharu_pdf_with(len, NULL);
}

static char *run_on(const char *cmd_fmt, const unsigned char *bytes, size_t len, int *status)
{
    char path[] = "/tmp/kumihan-objstm-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, len), (ssize_t)len);
    close(fd);
    char cmd[512];
    snprintf(cmd, sizeof cmd, cmd_fmt, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 20, n = 0, got;
    char *out = malloc(cap);
    assert_non_null(out);
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0)
        if ((n += got) + 1 >= cap)
            assert_non_null(out = realloc(out, cap *= 2));
    out[n] = '\0';
    *status = pclose(p);
    unlink(path);
    return out;
}

static void test_packed_file_reads_back(void **state)
{
    (void)state;
    size_t len, packed_len = 0;
    unsigned char *pdf = libharu_pdf(&len);
    unsigned char *packed = pdf_pack_objects(pdf, len, NULL, NULL, &packed_len);
    assert_non_null(packed);
    assert_true(packed_len < len);
    assert_memory_equal(packed, "%PDF-1.7", 8);
    int status;
    char *check = run_on("qpdf --check %s 2>&1", packed, packed_len, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(check, "No syntax or stream encoding errors"));
    free(check);
    /* every small dictionary survives, and the page's content is unchanged */
    char *qdf = run_on("qpdf --qdf --object-streams=disable %s - 2>&1", packed, packed_len, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(qdf, "/N 0\n"));
    assert_non_null(strstr(qdf, "/N 699\n"));
    assert_non_null(strstr(qdf, "/P <</MCID 0>> BDC"));
    free(qdf);
    char *show = run_on("qpdf --show-xref %s 2>&1", packed, packed_len, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(show, "compressed; stream = "));
    free(show);
    free(packed);
    free(pdf);
}

static void test_refuses_what_is_not_libharus(void **state)
{
    (void)state;
    size_t len, out_len = 0;
    unsigned char *pdf = libharu_pdf(&len);
    const unsigned char garbage[] = "%PDF-1.7\nnot a pdf\nstartxref\n5\n%%EOF\n";
    assert_null(pdf_pack_objects(garbage, sizeof garbage - 1, NULL, NULL, &out_len));
    assert_null(pdf_pack_objects(pdf, len / 2, NULL, NULL, &out_len));   /* truncated: no startxref */
    /* an xref entry pointing at the wrong object */
    unsigned char *broken = malloc(len);
    assert_non_null(broken);
    memcpy(broken, pdf, len);
    unsigned char *entry = NULL;   /* the xref's first entry, object 0 */
    for (size_t i = len; !entry && i-- > 18;)
        if (memcmp(broken + i - 18, "0000000000 65535 f", 18) == 0)
            entry = broken + i - 18;
    assert_non_null(entry);
    memcpy(entry + 20, "0000000001", 10);   /* object 1 now "starts" inside the header */
    assert_null(pdf_pack_objects(broken, len, NULL, NULL, &out_len));
    free(broken);
    free(pdf);
}

typedef struct more_ctx {
    uint32_t placeholder;
    size_t first;            /* what pdf_pack_objects gave */
} more_ctx;

/* The placeholder becomes a dictionary referring to two new objects, the
 * second of which refers back to it. */
static void more_objects(void *ctx, size_t first, pdf_more_objects *out)
{
    more_ctx *m = ctx;
    m->first = first;
    out->replaced = m->placeholder;
    sbuf_printf(&out->text, "<</Count 2 /Kids [%zu 0 R %zu 0 R]>>", first, first + 1);
    VEC_APPEND(out->ends, out->text.len);
    sbuf_printf(&out->text, "<</Marker (more one)>>");
    VEC_APPEND(out->ends, out->text.len);
    sbuf_printf(&out->text, "<</Marker (more two) /Up %u 0 R>>", (unsigned)m->placeholder);
    VEC_APPEND(out->ends, out->text.len);
}

/* qpdf's view of object num of the packed file. */
static char *show_object(const unsigned char *packed, size_t len, size_t num, int *status)
{
    char cmd[96];
    snprintf(cmd, sizeof cmd, "qpdf --show-object=%zu %%s 2>&1", num);
    return run_on(cmd, packed, len, status);
}

static void test_more_objects_join_the_file(void **state)
{
    (void)state;
    size_t len, packed_len = 0;
    more_ctx m = {0};
    unsigned char *pdf = libharu_pdf_with(&len, &m.placeholder);
    unsigned char *packed = pdf_pack_objects(pdf, len, more_objects, &m, &packed_len);
    assert_non_null(packed);
    assert_true(m.first > m.placeholder);
    int status;
    char *check = run_on("qpdf --check %s 2>&1", packed, packed_len, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(check, "No syntax or stream encoding errors"));
    free(check);
    /* each body is the object its number says */
    char *root = show_object(packed, packed_len, m.placeholder, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(root, "/Count 2"));
    free(root);
    char *one = show_object(packed, packed_len, m.first, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(one, "(more one)"));
    free(one);
    char *two = show_object(packed, packed_len, m.first + 1, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(two, "(more two)"));
    free(two);
    free(packed);
    free(pdf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_packed_file_reads_back),
        cmocka_unit_test(test_refuses_what_is_not_libharus),
        cmocka_unit_test(test_more_objects_join_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
