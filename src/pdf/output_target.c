/* output_target.c — classifying an output path and following its
 * symlinks by hand (readlink, hop by hop), so that a dangling link still
 * names the file it would create and the link itself is never replaced. */
#include "output_target.h"
#include "i18n.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_LINK_HOPS 40   /* as the kernel's own limit (ELOOP) */

/* The folder part of path ("." if none, "/" for "/name"), malloc'd. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* The text of the symlink at path, malloc'd; NULL on error (errno set). */
static char *read_link(const char *path, size_t size_hint)
{
    for (size_t cap = size_hint + 1;; cap *= 2) {
        char *buf = xmalloc(cap);
        ssize_t n = readlink(path, buf, cap);
        if (n >= 0 && (size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
        if (n < 0)
            return NULL;
    }
}

/* A link's target relative to the folder holding the link. */
static char *join_link(const char *link_path, const char *target)
{
    if (target[0] == '/')
        return xstrdup(target);
    char *dir = folder_of(link_path);
    size_t n = strlen(dir) + strlen(target) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", dir, target);
    free(dir);
    return p;
}

/* path with every symlink at its last component followed; NULL with
 * errno (ELOOP, or readlink's) on failure.  Folders on the way are left to the
 * kernel: they are resolved the same way by every open and rename. */
static char *follow_links(const char *given)
{
    char *path = xstrdup(given);
    for (int hop = 0; path && hop <= MAX_LINK_HOPS; hop++) {
        struct stat st;
        if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
            return path;   /* a file, or nothing yet: the name to create */
        char *target = read_link(path, (size_t)st.st_size);
        char *next = target ? join_link(path, target) : NULL;
        free(target);
        free(path);
        path = next;
    }
    if (path)
        errno = ELOOP;
    free(path);
    return NULL;
}

static bool is_stdout_name(const char *given)
{
    return strcmp(given, "-") == 0 || strcmp(given, "/dev/stdout") == 0;
}

static bool resolve_file(output_target *t, diag_list *dl)
{
    t->path = follow_links(t->given);
    if (!t->path) {
        diag_report(dl, D_IO, (src_loc){0}, _("cannot write %s: %s"), t->given, strerror(errno));
        return false;
    }
    t->exists = stat(t->path, &t->st) == 0;
    if (t->exists && S_ISDIR(t->st.st_mode)) {
        diag_report(dl, D_IO, (src_loc){0}, _("cannot write %s: it is a folder"), t->given);
        diag_hint(dl, _("give a file name for the PDF, e.g. %s/plan.pdf"), t->given);
        return false;
    }
    if (t->exists && !S_ISREG(t->st.st_mode)) {
        /* a device or FIFO is written as a stream through the path given */
        free(t->path);
        t->path = xstrdup(t->given);
        t->kind = OUTPUT_STREAM;
        return true;
    }
    char *dir = folder_of(t->path);
    if (stat(dir, &t->dir) != 0)
        memset(&t->dir, 0, sizeof t->dir);   /* missing: reported when the temporary file is made */
    free(dir);
    t->kind = OUTPUT_FILE;
    return true;
}

bool output_target_resolve(const char *given, output_target *t, diag_list *dl)
{
    memset(t, 0, sizeof *t);
    t->given = given;
    if (is_stdout_name(given)) {
        t->kind = OUTPUT_STDOUT;
        return true;
    }
    return resolve_file(t, dl);
}

void output_target_free(output_target *t)
{
    free(t->path);
    memset(t, 0, sizeof *t);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool output_target_same(const output_target *a, const output_target *b)
{
    if (a->kind == OUTPUT_STDOUT || b->kind == OUTPUT_STDOUT)
        return a->kind == b->kind;
    if (a->exists && b->exists) {
        bool same = a->st.st_dev == b->st.st_dev && a->st.st_ino == b->st.st_ino;
        return same && !S_ISCHR(a->st.st_mode);   /* /dev/null twice is a dry run */
    }
    if (a->exists || b->exists || a->kind != OUTPUT_FILE || b->kind != OUTPUT_FILE)
        return false;
    bool dirs_known = a->dir.st_ino && b->dir.st_ino;
    if (!dirs_known)
        return strcmp(a->path, b->path) == 0;
    return a->dir.st_dev == b->dir.st_dev && a->dir.st_ino == b->dir.st_ino &&
           strcmp(base_name(a->path), base_name(b->path)) == 0;
}

bool output_target_is_file(const output_target *t, const char *input_path)
{
    struct stat in;
    return t->exists && input_path && stat(input_path, &in) == 0 && in.st_dev == t->st.st_dev &&
           in.st_ino == t->st.st_ino;
}
