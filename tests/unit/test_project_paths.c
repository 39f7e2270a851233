/* test_project_paths.c — the defaults of a content file: the layout looked
 * for beside and above its folder, the PDF in the project's out/ for a
 * content/ folder else beside the content, "-changes" for --compare; and
 * the success line of a build. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>
#include "build_report.h"
#include "project_paths.h"

static void expect_output(const char *content, const char *folder_name, int changes, const char *want)
{
    char *got = default_output_for(content, folder_name, changes);
    if (strcmp(got, want) != 0)
        fail_msg("%s (folder %s): %s, wanted %s", content, folder_name ? folder_name : "?", got, want);
    free(got);
}

static void test_default_output(void **state)
{
    (void)state;
    expect_output("content/plan-2023.yaml", "content", 0, "out/plan-2023.pdf");
    expect_output("content/plan-2023.yaml", "content", 1, "out/plan-2023-changes.pdf");
    expect_output("/home/k/kumihan/content/plan.yml", "content", 0, "/home/k/kumihan/out/plan.pdf");
    expect_output("a/content/plan.yaml", "content", 0, "a/out/plan.pdf");
    /* run from inside content/: the path does not spell the folder */
    expect_output("plan-2023.yaml", "content", 0, "../out/plan-2023.pdf");
    expect_output("./plan-2023.yaml", "content", 1, "./../out/plan-2023-changes.pdf");
    /* any other folder: beside the content */
    expect_output("drafts/plan.yaml", "drafts", 0, "drafts/plan.pdf");
    expect_output("mycontent/plan.yaml", "mycontent", 0, "mycontent/plan.pdf");
    expect_output("plan.yaml", "tmp", 0, "plan.pdf");
    expect_output("plan", NULL, 0, "plan.pdf");
    expect_output("notes.txt", "x", 1, "notes.txt-changes.pdf");
}

static void test_default_layout_candidates(void **state)
{
    (void)state;
    char *c[N_DEFAULT_LAYOUTS];
    default_layout_candidates("content/plan-2023.yaml", c);
    assert_string_equal(c[0], "content/../layouts/booklet-a4.yaml");
    assert_string_equal(c[1], "content/layouts/booklet-a4.yaml");
    free(c[0]);
    free(c[1]);
    default_layout_candidates("plan-2023.yaml", c);
    assert_string_equal(c[0], "../layouts/booklet-a4.yaml");
    assert_string_equal(c[1], "layouts/booklet-a4.yaml");
    free(c[0]);
    free(c[1]);
}

static void expect_line(const char *path, size_t pages, size_t bytes, long ms, const char *want)
{
    sbuf b = {0};
    build_report_line(&b, path, pages, bytes, ms);
    assert_string_equal(sbuf_str(&b), want);
    sbuf_free(&b);
}

/* A content file's own layout: key, relative to its folder; its absence. */
static void test_content_named_layout(void **state)
{
    (void)state;
    char dir[] = "/tmp/kumihan-paths-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/notice.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("# a notice\nlayout: ../layouts/notice-a4.yaml\ntitle: t\n", f);
    fclose(f);
    src_loc at = {0};
    ytree *parsed = NULL;
    char *got = content_named_layout(path, &at, &parsed);
    /* the clean parse is handed on for the content's load: the same file's tree */
    assert_non_null(parsed);
    assert_string_equal(parsed->path, path);
    assert_non_null(ynode_get(parsed->root, "title"));
    ytree_free(parsed);
    char want[160];
    snprintf(want, sizeof want, "%s/../layouts/notice-a4.yaml", dir);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_int_equal(at.line, 2);
    assert_int_equal(at.col, 9);
    free(got);
    /* missing, then named: the content's own layout comes first, as an error when absent */
    diag_list dl;
    diag_init(&dl);
    assert_null(find_default_layout(path, &dl, NULL));
    assert_int_equal(dl.errors, 1);
    diag_free(&dl);
    f = fopen(path, "w");
    fputs("title: t\n", f);
    fclose(f);
    assert_null(content_named_layout(path, &at, NULL));
    /* a file the parser complains about is not handed on: its load parses
     * it again and reports where, as without the hand-over */
    f = fopen(path, "w");
    fputs("title: [t\n", f);
    fclose(f);
    parsed = NULL;
    assert_null(content_named_layout(path, &at, &parsed));
    assert_null(parsed);
    unlink(path);
    rmdir(dir);
}

static void test_report_line(void **state)
{
    (void)state;
    expect_line("out/plan-2023.pdf", 13, 265216, -1, "out/plan-2023.pdf: 13 pages, 259 KB\n");
    expect_line("out/plan-2023.pdf", 13, 265216, 31, "out/plan-2023.pdf: 13 pages, 259 KB, 31 ms\n");
    expect_line("x.pdf", 1, 812, -1, "x.pdf: 1 page, 812 bytes\n");
    expect_line("-", 2, 1024, -1, "standard output: 2 pages, 1 KB\n");
    expect_line("big.pdf", 1300, 12u * 1024 * 1024 + 300 * 1024, -1, "big.pdf: 1300 pages, 12.3 MB\n");
    expect_line("r.pdf", 3, 1535, -1, "r.pdf: 3 pages, 1 KB\n");
    expect_line("r.pdf", 3, 1536, -1, "r.pdf: 3 pages, 2 KB\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_output),
        cmocka_unit_test(test_default_layout_candidates),
        cmocka_unit_test(test_report_line),
        cmocka_unit_test(test_content_named_layout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
