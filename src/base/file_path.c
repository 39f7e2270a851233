/* file_path.c — paths relative to the file that names them (file_path.h). */
#include "file_path.h"

#include <string.h>

#include "sbuf.h"

size_t path_folder_length(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

char *path_beside(const char *path, const char *name)
{
    sbuf b = {0};
    if (name[0] != '/')
        sbuf_append(&b, path, path_folder_length(path));
    sbuf_puts(&b, name);
    return sbuf_detach(&b);
}
