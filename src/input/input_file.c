/* input_file.c — open with O_NONBLOCK, then fstat the descriptor: opening
 * a FIFO for reading does not wait for a writer, and checking the opened
 * file (not the path) leaves no gap for the path to change in between. */
#include "input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *not_a_file(mode_t mode)
{
    if (S_ISDIR(mode))
        return "it is a folder, not a file; give the path of a .yaml file in it";
    if (S_ISFIFO(mode))
        return "it is a FIFO (named pipe), not a file; give the path of a .yaml file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "it is a device, not a file; give the path of a .yaml file";
    return "it is not a regular file; give the path of a .yaml file";
}

FILE *input_file_open(const char *path, const char **why)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = strerror(errno);
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = not_a_file(st.st_mode);
        close(fd);
        return NULL;
    }
    /* a regular file never blocks; clear the flag so that stdio reads plainly */
    int flags = fcntl(fd, F_GETFL);
    FILE *f = flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        *why = strerror(errno);
        close(fd);
    }
    return f;
}
