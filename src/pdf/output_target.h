/* output_target.h — what an output path really names, decided before
 * anything is written: standard output ("-", /dev/stdout), a stream (a
 * device such as /dev/null, a FIFO: written in place, never replaced), or
 * a file to replace atomically — through any symlinks, so that the link
 * survives and the file it points to gets the new bytes. */
#ifndef KUMIHAN_OUTPUT_TARGET_H
#define KUMIHAN_OUTPUT_TARGET_H

#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>
#include "diag.h"

typedef enum output_kind { OUTPUT_STDOUT, OUTPUT_STREAM, OUTPUT_FILE } output_kind;

typedef struct output_target {
    const char *given;     /* the path as typed (not owned) */
    output_kind kind;
    char *path;            /* owned: OUTPUT_FILE the file to replace, symlinks
                            * resolved; OUTPUT_STREAM the path to open */
    bool exists;           /* st is valid */
    struct stat st;        /* of the existing file, links followed */
    struct stat dir;       /* OUTPUT_FILE: of the folder holding path */
} output_target;

/* Fills t for the path given.  False with a D_IO diagnostic when the
 * path cannot be an output (a folder, a symlink loop, an unreadable link).
 * A missing folder is not reported here: creating the temporary file
 * reports it with its hint. */
bool output_target_resolve(const char *given, output_target *t, diag_list *dl);
void output_target_free(output_target *t);

/* The same file: the same inode when it exists, else the same name in
 * the same folder.  Devices such as /dev/null may take both outputs. */
bool output_target_same(const output_target *a, const output_target *b);

/* The existing file at input_path (links followed) is the target. */
bool output_target_is_file(const output_target *t, const char *input_path);

#endif
