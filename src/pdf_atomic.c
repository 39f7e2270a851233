/* pdf_atomic.c — atomic replacement of the output file: the bytes go to
 * "<dir>/.<name>.XXXXXX" (same directory, so rename cannot cross file
 * systems), are flushed with fsync, and only then renamed over the target.
 * Any failure removes the temporary file and leaves the target alone. */
#include "pdf_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    if (t)
        snprintf(t, size, "%.*s%s.%s.XXXXXX", (int)dir_len, dir,
                 (dir_len == 1 && dir[0] == '/') ? "" : "/", name);
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

/* mkstemp makes the file 0600; an output PDF should get the usual
 * permissions, as if created with open(…, 0666) under the umask. */
static int default_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

bool pdf_atomic_write(const char *path, const void *data, size_t len, diag_list *dl)
{
    char *tmp = temp_template(path);
    if (!tmp) {
        diag_report(dl, D_IO, (src_loc){0}, "cannot write %s: out of memory", path);
        return false;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        diag_report(dl, D_IO, (src_loc){0}, "cannot write %s: cannot create a temporary file: %s",
                    path, strerror(e));
        if (e == ENOENT)
            diag_hint(dl, "the folder for the output does not exist; create it or choose another -o path");
        else if (e == EACCES || e == EROFS)
            diag_hint(dl, "you may not write in the output's folder; choose another -o path");
        free(tmp);
        return false;
    }
    const char *step = NULL;
    if (fchmod(fd, (mode_t)default_mode()) != 0)
        step = "cannot set permissions";
    else if (!write_all(fd, data, len))
        step = "write failed";
    else if (fsync(fd) != 0)
        step = "fsync failed";
    int e = step ? errno : 0;
    if (close(fd) != 0 && !step) {
        step = "close failed";
        e = errno;
    }
    if (!step && rename(tmp, path) != 0) {
        step = "rename failed";
        e = errno;
    }
    if (step) {
        unlink(tmp);
        diag_report(dl, D_IO, (src_loc){0}, "cannot write %s: %s: %s", path, step, strerror(e));
    }
    free(tmp);
    return step == NULL;
}
