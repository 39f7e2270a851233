/* pdf_atomic.c — the output transaction: resolve every target, write each
 * regular file to "<dir>/.<name>.XXXXXX" beside its real target (same
 * folder, so rename cannot cross file systems) and fsync it, write the
 * streams, and only then rename the temporary files over the targets.
 * Any failure before the renames removes every temporary file and leaves
 * every target alone. */
#include "pdf_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "i18n.h"
#include "output_target.h"

/* One output of the transaction. */
typedef struct staged {
    const pdf_atomic_file *file;
    output_target target;
    char *tmp;                /* the complete temporary file, until renamed */
} staged;

#include "xalloc.h"

/* "<dir>/.<name>.XXXXXX" for path "<dir>/<name>" (dir "." if none). */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t dir_len = slash ? (size_t)(slash - path) : 1;
    const char *dir = slash ? path : ".";
    if (slash && dir_len == 0) {   /* "/name": the root directory */
        dir = "/";
        dir_len = 1;
    }
    size_t size = dir_len + strlen(name) + 16;
    char *t = xmalloc(size);
    snprintf(t, size, "%.*s%s.%s.XXXXXX", (int)dir_len, dir, (dir_len == 1 && dir[0] == '/') ? "" : "/", name);
    return t;
}

static bool write_all(int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* mkstemp makes the file 0600: a replaced file keeps its permission bits,
 * a new one gets them as if created with open(…, 0666) under the umask. */
static mode_t mode_for(const output_target *t)
{
    if (t->exists)
        return t->st.st_mode & 07777;
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

/* A temporary file that cannot be removed is named, so the user can. */
static void remove_temp(staged *s, diag_list *dl)
{
    if (s->tmp && unlink(s->tmp) != 0 && errno != ENOENT) {
        diag_report(dl, D_IO, (src_loc){0}, _("cannot remove the temporary file %s: %s"), s->tmp,
                    strerror(errno));
        diag_hint(dl, _("delete %s by hand; %s was not changed"), s->tmp, s->file->path);
    }
    free(s->tmp);
    s->tmp = NULL;
}

static void report_temp_failure(const char *path, int e, diag_list *dl)
{
    diag_report(dl, D_IO, (src_loc){0}, _("cannot write %s: cannot create a temporary file: %s"), path,
                strerror(e));
    if (e == ENOENT)
        diag_hint(dl, _("the folder for the output does not exist; create it or choose another -o path"));
    else if (e == EACCES || e == EROFS)
        diag_hint(dl, _("you may not write in the output's folder; choose another -o path"));
}

static void hint_for_write_error(int e, diag_list *dl)
{
    if (e == ENOSPC || e == EDQUOT)
        diag_hint(dl, _("the disk is full; free some space or choose another place for the PDF. "
                      "No PDF was replaced"));
}

/* The complete new file beside its target, not yet renamed. */
static bool stage_file(staged *s, diag_list *dl)
{
    const pdf_atomic_file *f = s->file;
    s->tmp = temp_template(s->target.path);
    int fd = mkstemp(s->tmp);
    if (fd < 0) {
        report_temp_failure(f->path, errno, dl);
        free(s->tmp);
        s->tmp = NULL;
        return false;
    }
    const char *step = NULL;
    if (fchmod(fd, mode_for(&s->target)) != 0)
        step = "cannot set permissions";
    else if (!write_all(fd, f->data, f->len))
        step = "write failed";
    else if (fsync(fd) != 0)
        step = "fsync failed";
    int e = step ? errno : 0;
    if (close(fd) != 0 && !step) {
        step = "close failed";
        e = errno;
    }
    if (step) {
        diag_report(dl, D_IO, (src_loc){0}, _("cannot write %s: %s: %s"), f->path, step, strerror(e));
        hint_for_write_error(e, dl);
        remove_temp(s, dl);
    }
    return step == NULL;
}

/* A device, FIFO or standard output: written in place. */
static bool write_stream(const staged *s, diag_list *dl)
{
    bool to_stdout = s->target.kind == OUTPUT_STDOUT;
    int fd = to_stdout ? STDOUT_FILENO : open(s->target.path, O_WRONLY | O_NOCTTY);
    bool ok = fd >= 0 && write_all(fd, s->file->data, s->file->len);
    int e = errno;
    if (fd >= 0 && !to_stdout && close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        diag_report(dl, D_IO, (src_loc){0}, _("cannot write %s: %s"), s->file->path, strerror(e));
        hint_for_write_error(e, dl);
    }
    return ok;
}

static bool commit(staged *s, diag_list *dl)
{
    if (rename(s->tmp, s->target.path) != 0) {
        diag_report(dl, D_IO, (src_loc){0}, _("cannot write %s: rename failed: %s"), s->file->path,
                    strerror(errno));
        return false;
    }
    free(s->tmp);
    s->tmp = NULL;
    return true;
}

/* Everything but the renames: the temporary files, then the streams (a
 * stream replaces nothing, so it goes last); stops at the first failure. */
static bool stage_all(staged *s, size_t n, diag_list *dl)
{
    for (size_t i = 0; i < n; i++)
        if (s[i].target.kind == OUTPUT_FILE && !stage_file(&s[i], dl))
            return false;
    for (size_t i = 0; i < n; i++)
        if (s[i].target.kind != OUTPUT_FILE && !write_stream(&s[i], dl))
            return false;
    return true;
}

bool pdf_atomic_write_all(const pdf_atomic_file *files, size_t n, diag_list *dl)
{
    staged *s = xcalloc(n ? n : 1, sizeof *s);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        s[i].file = &files[i];
        ok = output_target_resolve(files[i].path, &s[i].target, dl);
    }
    ok = ok && stage_all(s, n, dl);
    for (size_t i = 0; i < n && ok; i++)
        if (s[i].tmp)
            ok = commit(&s[i], dl);
    for (size_t i = 0; i < n; i++) {
        remove_temp(&s[i], dl);
        output_target_free(&s[i].target);
    }
    free(s);
    return ok;
}

bool pdf_atomic_write(const char *path, const void *data, size_t len, diag_list *dl)
{
    pdf_atomic_file f = {path, data, len};
    return pdf_atomic_write_all(&f, 1, dl);
}
