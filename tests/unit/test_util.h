/* test_util.h — small helpers shared by the unit tests (header-only: each
 * test is its own executable). */
#ifndef KUMIHAN_TEST_UTIL_H
#define KUMIHAN_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fonts.h"
#include "layout.h"

/* A path inside the repository: ctest sets KUMIHAN_ROOT; else the current folder. */
static inline char *root_path(const char *rel)
{
    const char *root = getenv("KUMIHAN_ROOT");
    if (!root)
        root = ".";
    size_t n = strlen(root) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", root, rel);
    return p;
}

/* Writes text to a new temporary file; returns its malloc'd path, or NULL. */
static inline char *write_temp_file(const char *text)
{
    char *path = strdup("/tmp/kumihan-test-XXXXXX");
    int fd = path ? mkstemp(path) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        free(path);
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    return path;
}

/* The three BIZ UD font roles of the booklet, as a hand-made layout (the
 * font and PDF tests need no layout file): mincho falls back to gothic.
 * mincho_path, if given, replaces the mincho file. */
enum { MINCHO, GOTHIC, GOTHIC_BOLD };

static inline void bizud_roles(layout *lay, layout_font roles[3], const char *mincho_path)
{
    static const char *names[3] = {"mincho", "gothic", "gothic-bold"};
    static const char *files[3] = {"fonts/BIZUDMincho-Regular.ttf", "fonts/BIZUDGothic-Regular.ttf",
                                   "fonts/BIZUDGothic-Bold.ttf"};
    for (int i = 0; i < 3; i++) {
        roles[i].name = (char *)names[i];
        roles[i].path = (i == MINCHO && mincho_path) ? strdup(mincho_path) : root_path(files[i]);
        roles[i].loc = (src_loc){"layout.yaml", 10 + i, 3};
    }
    roles[MINCHO].fallbacks[0] = GOTHIC;
    roles[MINCHO].n_fallbacks = 1;
    lay->fonts = roles;
    lay->n_fonts = 3;
}

/* bizud_roles, then the fonts opened; NULL if any diagnostic was raised. */
static inline font_set *bizud_open(layout *lay, layout_font roles[3], const char *mincho_path)
{
    bizud_roles(lay, roles, mincho_path);
    diag_list dl;
    diag_init(&dl);
    font_set *fs = fonts_open(lay, &dl);
    if (fs && dl.count) {
        fonts_free(fs);
        fs = NULL;
    }
    diag_free(&dl);
    return fs;
}

static inline void bizud_roles_free(layout_font roles[3])
{
    for (int i = 0; i < 3; i++)
        free(roles[i].path);
}

#endif
