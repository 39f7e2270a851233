/* test_pdf_atomic.c — the output transaction: both files or neither, no
 * temporary file left, permissions and symlinks kept, streams written in
 * place.  unlink is wrapped (-Wl,--wrap=unlink, tests/CMakeLists.txt) so
 * that a temporary file that cannot be removed can be made to happen. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf_atomic.h"

int __real_unlink(const char *path);
static bool unlink_fails;   /* make removing a file fail as on a busy or read-only folder */

int __wrap_unlink(const char *path)
{
    if (unlink_fails) {
        errno = EBUSY;
        return -1;
    }
    return __real_unlink(path);
}

typedef struct fixture {
    char dir[64];
} fixture;

static int make_dir(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/kumihan-atomic-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    *state = f;
    return 0;
}

static int remove_dir(void **state)
{
    fixture *f = *state;
    DIR *d = opendir(f->dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            char p[512];
            snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
            __real_unlink(p);
        }
    }
    if (d)
        closedir(d);
    rmdir(f->dir);
    free(f);
    return 0;
}

static char *in_dir(const fixture *f, const char *name)
{
    static char paths[4][512];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, 512, "%s/%s", f->dir, name);
    return p;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void assert_file_is(const char *path, const char *text)
{
    char buf[256] = {0};
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    assert_string_equal(buf, text);
}

static size_t files_in(const fixture *f)
{
    size_t n = 0;
    DIR *d = opendir(f->dir);
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void test_both_written(void **state)
{
    fixture *f = *state;
    diag_list dl;
    diag_init(&dl);
    char *a = in_dir(f, "a.pdf"), *b = in_dir(f, "b.pdf");
    write_text(a, "old a");
    pdf_atomic_file files[2] = {{a, "new a", 5}, {b, "new b", 5}};
    assert_true(pdf_atomic_write_all(files, 2, &dl));
    assert_int_equal(dl.count, 0);
    assert_file_is(a, "new a");
    assert_file_is(b, "new b");
    assert_int_equal(files_in(f), 2);
    diag_free(&dl);
}

/* issue 10: reading and print PDF are one transaction */
static void test_second_fails_first_untouched(void **state)
{
    fixture *f = *state;
    diag_list dl;
    diag_init(&dl);
    char *a = in_dir(f, "a.pdf"), *missing = in_dir(f, "no-such-folder/print.pdf");
    write_text(a, "old a");
    pdf_atomic_file files[2] = {{a, "new a", 5}, {missing, "new b", 5}};
    assert_false(pdf_atomic_write_all(files, 2, &dl));
    assert_file_is(a, "old a");
    assert_int_equal(files_in(f), 1);   /* a's temporary file is gone too */
    assert_int_equal(dl.count, 1);
    assert_non_null(strstr(dl.items[0].message, "no-such-folder/print.pdf"));
    diag_free(&dl);

    /* a stream that fails (a full disk) stops the renames as well */
    diag_init(&dl);
    pdf_atomic_file full[2] = {{a, "new a", 5}, {"/dev/full", "new b", 5}};
    assert_false(pdf_atomic_write_all(full, 2, &dl));
    assert_file_is(a, "old a");
    assert_int_equal(files_in(f), 1);
    assert_non_null(strstr(dl.items[0].message, "No space left on device"));
    diag_free(&dl);
}

static void test_unremovable_temp_is_named(void **state)
{
    fixture *f = *state;
    diag_list dl;
    diag_init(&dl);
    char *a = in_dir(f, "a.pdf"), *missing = in_dir(f, "no-such-folder/print.pdf");
    pdf_atomic_file files[2] = {{a, "new a", 5}, {missing, "new b", 5}};
    unlink_fails = true;
    bool ok = pdf_atomic_write_all(files, 2, &dl);
    unlink_fails = false;
    assert_false(ok);
    assert_int_equal(dl.count, 2);
    char prefix[512];
    snprintf(prefix, sizeof prefix, "cannot remove the temporary file %s/.a.pdf.", f->dir);
    assert_non_null(strstr(dl.items[1].message, prefix));
    assert_non_null(strstr(dl.items[1].hint, "delete"));
    assert_int_equal(files_in(f), 1);   /* it is really there, as the message says */
    diag_free(&dl);
}

static void test_mode_and_symlink_kept(void **state)
{
    fixture *f = *state;
    diag_list dl;
    diag_init(&dl);
    char *target = in_dir(f, "target.pdf"), *link = in_dir(f, "link.pdf");
    write_text(target, "old");
    assert_int_equal(chmod(target, 0640), 0);
    assert_int_equal(symlink("target.pdf", link), 0);
    assert_true(pdf_atomic_write(link, "new", 3, &dl));
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_file_is(target, "new");
    assert_int_equal(files_in(f), 2);
    diag_free(&dl);
}

static void test_device_written_as_stream(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_true(pdf_atomic_write("/dev/null", "pdf", 3, &dl));
    struct stat st;
    assert_int_equal(lstat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_int_equal(dl.count, 0);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_both_written, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_second_fails_first_untouched, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_unremovable_temp_is_named, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_mode_and_symlink_kept, make_dir, remove_dir),
        cmocka_unit_test(test_device_written_as_stream),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
