/* test_pdf_links.c — pdf_write_links on a one-page PDF: each pg_link
 * becomes a borderless /Link annotation with a /URI action and its
 * rectangle, checked in qpdf's JSON of the written file; and the page
 * links of a composed page (pg_collect_links) cover the URL's glyphs, one
 * rectangle per line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "doc.h"
#include "page_links.h"
#include "pdf_links.h"

static char *run_capture(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    assert_non_null(buf);
    while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (cap - n < 2) {
            buf = realloc(buf, cap *= 2);
            assert_non_null(buf);
        }
    }
    buf[n] = '\0';
    assert_int_equal(pclose(p), 0);
    return buf;
}

static pg_link link_of(float x0, float y0, float x1, float y1, const char *uri)
{
    return (pg_link){.x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1, .uri = strdup(uri)};
}

static void writes_uri_annotations(void **state)
{
    (void)state;
    pg_doc doc;
    pg_doc_init(&doc, 595.276f, 841.89f);
    pg_page *p = pg_add_page(&doc);
    pg_add_link(p, link_of(100, 700, 300, 712, "https://www.tomakomai-cci.or.jp/business/"));
    pg_add_link(p, link_of(72, 680, 150, 692, "mailto:info@tomakomai-cci.or.jp"));

    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    assert_non_null(pdf);
    HPDF_Page page = HPDF_AddPage(pdf);
    assert_int_equal(pdf_write_links(page, p, NULL), HPDF_OK);
    char path[] = "/tmp/kumihan-links-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(HPDF_SaveToFile(pdf, path), HPDF_OK);
    HPDF_Free(pdf);

    char cmd[256];
    snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null && qpdf --json %s", path, path);
    char *json = run_capture(cmd);
    assert_non_null(strstr(json, "\"/Subtype\": \"/Link\""));
    /* qpdf's JSON v2 marks text strings "u:" */
    assert_non_null(strstr(json, "\"/URI\": \"u:https://www.tomakomai-cci.or.jp/business/\""));
    assert_non_null(strstr(json, "\"/URI\": \"u:mailto:info@tomakomai-cci.or.jp\""));
    assert_non_null(strstr(json, "\"/S\": \"/URI\""));
    /* the rectangles as given, and no border */
    assert_non_null(strstr(json, "\"/Rect\": [\n            100,\n            700,\n            300,\n            712"));
    assert_non_null(strstr(json, "\"/Rect\": [\n            72,\n            680,\n            150,\n            692"));
    assert_non_null(strstr(json, "\"/Border\": [\n            0,\n            0,\n            0"));
    free(json);
    unlink(path);
    pg_doc_free(&doc);
}

/* A URL set over two lines of a block: two rectangles, each over its line's
 * glyphs; glyphs of other text make none. */
static void collects_one_rectangle_per_line(void **state)
{
    (void)state;
    block b = {0};
    b.text = (char *)"見て https://a.jp/b/c です";
    uint32_t link = 1 + (uint32_t)(strstr(b.text, "https") - b.text);
    pg_doc doc;
    pg_doc_init(&doc, 595, 842);
    pg_page *p = pg_add_page(&doc);
    pg_origin o = {&b, PG_ROLE_TEXT};
    pg_add_glyph(p, (pg_glyph){.cp = 0x898B, .size = 10, .x = 72, .y = 700, .width = 10, .origin = o});
    for (int i = 0; i < 4; i++)
        pg_add_glyph(p, (pg_glyph){.cp = 'h', .link = link, .size = 10, .x = 90 + 5.0f * i, .y = 700, .width = 5,
                                   .origin = o});
    for (int i = 0; i < 3; i++)
        pg_add_glyph(p, (pg_glyph){.cp = 'b', .link = link, .size = 10, .x = 72 + 5.0f * i, .y = 680, .width = 5,
                                   .origin = o});
    pg_add_glyph(p, (pg_glyph){.cp = 0x3067, .size = 10, .x = 90, .y = 680, .width = 10, .origin = o});
    pg_collect_links(p);
    assert_int_equal(p->n_links, 2);
    assert_string_equal(p->links[0].uri, "https://a.jp/b/c");
    assert_float_equal(p->links[0].x0, 90, 1e-4);
    assert_float_equal(p->links[0].x1, 110, 1e-4);
    assert_float_equal(p->links[0].y0, 700 - 1.2f, 1e-4);
    assert_float_equal(p->links[0].y1, 700 + 8.8f, 1e-4);
    assert_float_equal(p->links[1].x0, 72, 1e-4);
    assert_float_equal(p->links[1].x1, 87, 1e-4);
    assert_float_equal(p->links[1].y0, 680 - 1.2f, 1e-4);
    pg_collect_links(p);   /* again: replaces, never doubles */
    assert_int_equal(p->n_links, 2);
    pg_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes_uri_annotations),
        cmocka_unit_test(collects_one_rectangle_per_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
