/* test_pdf.c — the PDF writer checked from outside, with poppler and qpdf:
 * extracted text, embedded subset fonts with ToUnicode, Japanese info,
 * outline, imposition, byte-identical rebuilds, atomic failure modes; and
 * a 13-page size bound on the plan's own text (speed: make bench). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include <cmocka.h>

#include "test_util.h"

#include "fonts.h"
#include "layout.h"
#include "pages.h"
#include "pdf_write.h"

#define A4_W 595.276f
#define A4_H 841.89f

typedef struct fixture {
    layout lay;
    layout_font roles[3];
    font_set *fs;
    char dir[256];
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->fs = bizud_open(&fx->lay, fx->roles, NULL);
    assert_non_null(fx->fs);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/kumihan-test-pdf-XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    fonts_free(fx->fs);
    bizud_roles_free(fx->roles);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    if (getenv("KEEP_TEST_FILES") == NULL && system(cmd) != 0)
        return -1;
    free(fx);
    return 0;
}

static uint32_t next_cp(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t cp;
    int n;
    if (p[0] < 0x80) { cp = p[0]; n = 1; }
    else if ((p[0] >> 5) == 6) { cp = p[0] & 0x1F; n = 2; }
    else if ((p[0] >> 4) == 14) { cp = p[0] & 0x0F; n = 3; }
    else { cp = p[0] & 0x07; n = 4; }
    for (int i = 1; i < n; i++)
        cp = (cp << 6) | (p[i] & 0x3F);
    *s += n;
    return cp;
}

/* Sets a line of text at natural advances plus extra (pt) between glyphs. */
static float add_line(pg_page *pg, const font_set *fs, const char *text, int font, float size,
                      float x, float y, uint32_t color, float extra)
{
    while (*text) {
        uint32_t cp = next_cp(&text);
        int role = fonts_resolve(fs, font, cp);
        if (role < 0)
            role = font;
        float w = fonts_advance_em(fs, role, cp) * size + extra;
        pg_add_glyph(pg, (pg_glyph){.cp = cp, .font = (uint16_t)role, .color = color,
                                    .size = size, .x = x, .y = y, .width = w});
        x += w;
    }
    return x;
}

static void build_doc(pg_doc *doc, const font_set *fs)
{
    pg_doc_init(doc, A4_W, A4_H);
    pg_page *p = pg_add_page(doc);
    assert_non_null(p);
    pg_add_shape(p, (pg_shape){PG_FILL_RECT, 60, 760, 535, 790, 0, 0xDDE8F0});
    pg_add_shape(p, (pg_shape){PG_LINE, 60, 750, 535, 750, 0.5f, 0x1F4E79});
    pg_add_shape(p, (pg_shape){PG_STROKE_RECT, 60, 600, 535, 640, 0.8f, 0x000000});
    add_line(p, fs, "２０２３年度事業基本方針", GOTHIC_BOLD, 18, 70, 768, 0x1F4E79, 0);
    add_line(p, fs, "Ⅰ．重点事業", GOTHIC_BOLD, 14, 60, 720, 0x000000, 0);
    add_line(p, fs, "苫小牧商工会議所は、地域経済の発展に努めます。", MINCHO, 10.5f, 60, 700, 0x000000, 0.7f);
    add_line(p, fs, "⑴ 中小企業のDX推進とSDGs 2030", MINCHO, 10.5f, 60, 682, 0x333333, 0);
    add_line(p, fs, "𠀋（U+2000B）と髙橋さん", MINCHO, 10.5f, 60, 664, 0x000000, 0);
    pg_add_mark(p, 0, "Ⅰ．重点事業", 734);
    pg_page *q = pg_add_page(doc);
    assert_non_null(q);
    add_line(q, fs, "１．政策提言・要望活動", GOTHIC, 12, 60, 780, 0x000000, 0);
    add_line(q, fs, "「アフターコロナ」時代がスタートしようとしています。", MINCHO, 10.5f, 60, 760, 0, 0);
    pg_add_mark(q, 1, "１．政策提言・要望活動", 792);
}

/* 𠀋 is outside the BMP: its ToUnicode entry is a surrogate pair. */
static const char expected_text[] =
    "２０２３年度事業基本方針\n"
    "Ⅰ．重点事業\n"
    "苫小牧商工会議所は、地域経済の発展に努めます。\n"
    "⑴ 中小企業のDX推進とSDGs 2030\n"
    "𠀋（U+2000B）と髙橋さん\n\n\f"
    "１．政策提言・要望活動\n"
    "「アフターコロナ」時代がスタートしようとしています。\n\n\f";

static const pdf_meta meta = {
    .title = "２０２３年度事業基本方針",
    .author = "苫小牧商工会議所",
    .subject = "事業計画",
    .keywords = "苫小牧, 商工会議所",
    .creator = "kumihan 0.1.0",
    .date = "2023-04-01",
    .lang = "ja-JP",
    .show_outline = true,
};

/* Runs cmd; returns its output (malloc'd) and exit status in *status. */
static char *run(const char *cmd, int *status)
{
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    size_t cap = 4096, n = 0;
    char *out = malloc(cap);
    size_t got;
    while ((got = fread(out + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2)
            out = realloc(out, cap *= 2);
    }
    out[n] = '\0';
    int st = pclose(f);
    if (status)
        *status = st;
    return out;
}

static char *runf(int *status, const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return run(cmd, status);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

static void write_ok(fixture *fx, const pg_doc *doc, const pdf_sheet *sheets, size_t n, const char *path)
{
    diag_list dl;
    diag_init(&dl);
    bool ok = pdf_write(doc, fx->fs, &meta, sheets, n, path, &dl);
    if (!ok)
        diag_print(&dl, stderr);
    assert_true(ok);
    assert_int_equal(dl.count, 0);
    diag_free(&dl);
}

static void test_text_fonts_info(void **state)
{
    fixture *fx = *state;
    pg_doc doc;
    build_doc(&doc, fx->fs);
    char path[512];
    snprintf(path, sizeof path, "%s/plan.pdf", fx->dir);
    write_ok(fx, &doc, NULL, 0, path);

    int st;
    char *warn = runf(&st, "pdftotext '%s' - 2>&1 >/dev/null", path);
    assert_string_equal(warn, "");
    free(warn);
    char *text = runf(&st, "pdftotext '%s' - 2>&1", path);
    assert_string_equal(text, expected_text);
    free(text);

    char *fonts = runf(&st, "pdffonts '%s' 2>&1", path);
    int n_fonts = 0;
    for (char *line = strtok(fonts, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strstr(line, "CID TrueType"))
            continue;
        n_fonts++;
        assert_non_null(strstr(line, "Identity-H"));
        assert_non_null(strstr(line, "yes yes yes"));
        assert_true(strchr(line, '+') - line == 6);   /* ABCDEF+ subset tag */
    }
    assert_int_equal(n_fonts, 3);
    free(fonts);

    char *info = runf(&st, "pdfinfo '%s' 2>&1", path);
    assert_non_null(strstr(info, "Title:           ２０２３年度事業基本方針\n"));
    assert_non_null(strstr(info, "Author:          苫小牧商工会議所\n"));
    assert_non_null(strstr(info, "Creator:         kumihan 0.1.0\n"));
    assert_non_null(strstr(info, "Pages:           2\n"));
    assert_non_null(strstr(info, "CreationDate:"));
    assert_null(strstr(info, "Syntax"));
    free(info);

    char *check = runf(&st, "qpdf --check '%s' 2>&1", path);
    assert_int_equal(st, 0);
    assert_non_null(strstr(check, "No syntax or stream encoding errors found"));
    free(check);

    char *outline = runf(&st, "qpdf --json --json-key=outlines '%s' 2>&1", path);
    assert_non_null(strstr(outline, "\"title\": \"Ⅰ．重点事業\""));
    assert_non_null(strstr(outline, "\"title\": \"１．政策提言・要望活動\""));
    free(outline);

    char *qdf = runf(&st, "qpdf --qdf --object-streams=disable '%s' - 2>/dev/null | grep -a -c "
                          "-e '/PageMode /UseOutlines' -e '/Lang (ja-JP)' -e '/ID \\['", path);
    assert_string_equal(qdf, "3\n");
    free(qdf);
    pg_doc_free(&doc);
}

static void test_deterministic(void **state)
{
    fixture *fx = *state;
    pg_doc doc;
    build_doc(&doc, fx->fs);
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/a.pdf", fx->dir);
    snprintf(b, sizeof b, "%s/b.pdf", fx->dir);
    write_ok(fx, &doc, NULL, 0, a);
    write_ok(fx, &doc, NULL, 0, b);
    size_t la, lb;
    unsigned char *ba = slurp(a, &la), *bb = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(ba, bb, la);
    struct stat sa;
    assert_int_equal(stat(a, &sa), 0);
    assert_int_equal(sa.st_mode & 0044, 0044);   /* not mkstemp's 0600 */
    free(ba);
    free(bb);
    pg_doc_free(&doc);
}

static void test_imposed(void **state)
{
    fixture *fx = *state;
    pg_doc doc;
    build_doc(&doc, fx->fs);
    pdf_sheet sheet = {.width = 2 * A4_W, .height = A4_H, .n_place = 2};
    sheet.place[0] = (pdf_placement){1, {1, 0, 0, 1, 0, 0}};
    sheet.place[1] = (pdf_placement){0, {1, 0, 0, 1, A4_W, 0}};
    pg_add_shape(&sheet.marks, (pg_shape){PG_LINE, A4_W, 0, A4_W, 20, 0.25f, 0});
    char path[512];
    snprintf(path, sizeof path, "%s/imposed.pdf", fx->dir);
    write_ok(fx, &doc, &sheet, 1, path);
    int st;
    char *warn = runf(&st, "pdftotext '%s' - 2>&1 >/dev/null", path);
    assert_string_equal(warn, "");
    free(warn);
    char *info = runf(&st, "pdfinfo '%s' 2>&1", path);
    assert_non_null(strstr(info, "Pages:           1\n"));
    free(info);
    char *text = runf(&st, "pdftotext '%s' - 2>&1", path);
    assert_non_null(strstr(text, "苫小牧商工会議所は、地域経済の発展に努めます。"));
    assert_non_null(strstr(text, "「アフターコロナ」時代がスタートしようとしています。"));
    free(text);
    char *check = runf(&st, "qpdf --check '%s' >/dev/null 2>&1", path);
    assert_int_equal(st, 0);
    free(check);
    pg_doc_free(&doc);
    free(sheet.marks.shapes);
}

/* A page with nothing on it and a document without marks need no fonts,
 * no outline and no /PageMode. */
static void test_blank_page(void **state)
{
    fixture *fx = *state;
    pg_doc doc;
    pg_doc_init(&doc, A4_W, A4_H);
    pg_page *p = pg_add_page(&doc);
    assert_non_null(p);
    p->blank = true;
    char path[512];
    snprintf(path, sizeof path, "%s/blank.pdf", fx->dir);
    write_ok(fx, &doc, NULL, 0, path);
    int st;
    char *check = runf(&st, "qpdf --check '%s' 2>&1", path);
    assert_int_equal(st, 0);
    free(check);
    char *fonts = runf(&st, "pdffonts '%s' 2>&1 | wc -l", path);
    assert_string_equal(fonts, "2\n");   /* the two header lines only */
    free(fonts);
    pg_doc_free(&doc);
}

static bool dir_has_temp(const char *dir)
{
    DIR *d = opendir(dir);
    bool found = false;
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            found = true;
    if (d)
        closedir(d);
    return found;
}

static void test_unwritable(void **state)
{
    fixture *fx = *state;
    pg_doc doc;
    build_doc(&doc, fx->fs);
    diag_list dl;
    diag_init(&dl);
    char path[512];
    snprintf(path, sizeof path, "%s/no-such-dir/plan.pdf", fx->dir);
    assert_false(pdf_write(&doc, fx->fs, &meta, NULL, 0, path, &dl));
    assert_int_equal(dl.count, 1);
    assert_int_equal(dl.items[0].kind, D_IO);
    assert_non_null(strstr(dl.items[0].message, path));
    assert_non_null(strstr(dl.items[0].message, "No such file or directory"));
    assert_false(dir_has_temp(fx->dir));
    diag_free(&dl);
    pg_doc_free(&doc);
}

/* A failure after fonts_open (the mincho file vanishes before subsetting)
 * must leave an existing output file exactly as it was. */
static void test_failure_keeps_old_file(void **state)
{
    fixture *fx = *state;
    fixture broken = {0};
    char copy[512], out[512];
    snprintf(copy, sizeof copy, "%s/mincho-copy.ttf", fx->dir);
    snprintf(out, sizeof out, "%s/keep.pdf", fx->dir);
    char *src = root_path("fonts/BIZUDMincho-Regular.ttf");
    int st;
    free(runf(&st, "cp '%s' '%s'", src, copy));
    free(src);
    assert_int_equal(st, 0);
    broken.fs = bizud_open(&broken.lay, broken.roles, copy);
    assert_non_null(broken.fs);
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(unlink(copy), 0);

    FILE *f = fopen(out, "wb");
    fputs("old contents\n", f);
    fclose(f);
    pg_doc doc;
    build_doc(&doc, broken.fs);
    assert_false(pdf_write(&doc, broken.fs, &meta, NULL, 0, out, &dl));
    assert_true(dl.count >= 1);
    assert_int_equal(dl.items[0].kind, D_FONT);
    size_t len;
    unsigned char *b = slurp(out, &len);
    assert_int_equal(len, 13);
    assert_memory_equal(b, "old contents\n", 13);
    free(b);
    assert_false(dir_has_temp(fx->dir));
    diag_free(&dl);
    pg_doc_free(&doc);
    fonts_free(broken.fs);
    bizud_roles_free(broken.roles);
}

/* Drops the lines starting with '#' (the expected text's comments) in place. */
static void drop_comment_lines(char *text)
{
    char *out = text;
    for (char *line = text; *line;) {
        char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) + 1 : strlen(line);
        if (line[0] != '#') {
            memmove(out, line, n);
            out += n;
        }
        line += n;
    }
    *out = '\0';
}

/* The plan's text set naively, 40 characters a line, 13 pages, headings in
 * gothic bold: about the real file's character set, so about its size.
 * (No speed is measured here: make bench does that.) */
static void test_plan_size(void **state)
{
    fixture *fx = *state;
    /* the plan's text, as the repository keeps it for the end-to-end tests */
    char *seed = root_path("tests/data/plan-2023-expected.txt");
    size_t len = 0;
    unsigned char *text = slurp(seed, &len);
    free(seed);
    assert_non_null(text);
    text[len] = '\0';
    drop_comment_lines((char *)text);
    pg_doc doc;
    pg_doc_init(&doc, A4_W, A4_H);
    const char *s = (const char *)text;
    size_t total = 0;
    for (int p = 0; p < 13 && *s; p++) {
        pg_page *pg = pg_add_page(&doc);
        pg_add_mark(pg, p % 3 ? 1 : 0, "見出し", 800);
        for (int line = 0; line < 40 && *s; line++) {
            int role = line == 0 ? GOTHIC_BOLD : (line % 7 == 0 ? GOTHIC : MINCHO);
            float x = 60, y = 800 - line * 18;
            for (int k = 0; k < 40 && *s; k++) {
                uint32_t cp = next_cp(&s);
                if (cp < 0x20 || cp == ' ')
                    continue;
                int r = fonts_resolve(fx->fs, role, cp);
                if (r < 0)
                    continue;
                float w = fonts_advance_em(fx->fs, r, cp) * 10.5f;
                pg_add_glyph(pg, (pg_glyph){cp, (uint16_t)r, 0, 10.5f, x, y, w});
                x += w;
                total++;
            }
        }
    }
    char path[512];
    snprintf(path, sizeof path, "%s/plan13.pdf", fx->dir);
    write_ok(fx, &doc, NULL, 0, path);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    printf("# 13-page plan text: %zu glyphs, %lld bytes\n", total,
           (long long)sb.st_size);
    assert_true(sb.st_size <= 300 * 1024);
    int st;
    char *warn = runf(&st, "pdftotext '%s' - 2>&1 >/dev/null", path);
    assert_string_equal(warn, "");
    free(warn);
    free(text);
    pg_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_fonts_info),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_imposed),
        cmocka_unit_test(test_blank_page),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test(test_failure_keeps_old_file),
        cmocka_unit_test(test_plan_size),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
