/* project_paths.c — the default layout and output of a content file,
 * found from its path (see project_paths.h for the project's shape). */
#define _XOPEN_SOURCE 700   /* realpath */
#include "project_paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sbuf.h"
#include "file_path.h"
#include "xalloc.h"
#include "i18n.h"
#include "ytree.h"

static char *folder_plus(const char *path, const char *rest)
{
    sbuf b = {0};
    sbuf_append(&b, path, path_folder_length(path));
    sbuf_puts(&b, rest);
    return sbuf_detach(&b);
}

void default_layout_candidates(const char *content, char *out[N_DEFAULT_LAYOUTS])
{
    out[0] = folder_plus(content, "../layouts/" DEFAULT_LAYOUT_NAME);
    out[1] = folder_plus(content, "layouts/" DEFAULT_LAYOUT_NAME);
}

/* The file name without its folder and without .yaml or .yml. */
static void stem(const char *content, const char **name, size_t *len)
{
    *name = content + path_folder_length(content);
    size_t n = strlen(*name);
    if (n > 5 && strcmp(*name + n - 5, ".yaml") == 0)
        n -= 5;
    else if (n > 4 && strcmp(*name + n - 4, ".yml") == 0)
        n -= 4;
    *len = n;
}

/* The folder part "…content/" spelt in the path, if it ends so: its
 * length without "content/", else -1. */
static long spelt_content_folder(const char *path, size_t folder)
{
    static const char name[] = "content/";
    size_t n = sizeof name - 1;
    if (folder < n || memcmp(path + folder - n, name, n) != 0)
        return -1;
    if (folder > n && path[folder - n - 1] != '/')
        return -1;
    return (long)(folder - n);
}

char *default_output_for(const char *content, const char *folder_name, bool changes)
{
    const char *name;
    size_t len;
    stem(content, &name, &len);
    size_t folder = path_folder_length(content);
    long parent = spelt_content_folder(content, folder);
    sbuf b = {0};
    if (parent >= 0) {                 /* "x/content/plan.yaml" → "x/out/plan.pdf" */
        sbuf_append(&b, content, (size_t)parent);
        sbuf_puts(&b, "out/");
    } else {
        sbuf_append(&b, content, folder);
        if (folder_name && strcmp(folder_name, "content") == 0)
            sbuf_puts(&b, "../out/");   /* "plan.yaml" from inside content/ */
    }
    sbuf_printf(&b, "%.*s%s.pdf", (int)len, name, changes ? "-changes" : "");
    return sbuf_detach(&b);
}

/* The last component of the content's folder, resolved through the file
 * system when the path does not spell it ("plan.yaml", "./plan.yaml",
 * "../x/plan.yaml" all name it fully only after realpath). */
static char *folder_name_of(const char *content)
{
    char *folder = folder_plus(content, ".");
    char *real = realpath(folder, NULL);
    free(folder);
    if (!real)
        return NULL;
    const char *slash = strrchr(real, '/');
    char *name = xstrdup(slash ? slash + 1 : real);
    free(real);
    return name;
}

char *default_output(const char *content, bool changes)
{
    char *folder_name = folder_name_of(content);
    char *out = default_output_for(content, folder_name, changes);
    free(folder_name);
    return out;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *content_named_layout(const char *content, src_loc *where, ytree **parsed)
{
    diag_list scratch;   /* the content's own load reports its mistakes, once */
    diag_init(&scratch);
    ytree *t = ytree_load(content, NULL, &scratch);
    /* a tree read without a word said is the one the content's load would
     * read: handed on, it spares a second parse; with diagnostics the load
     * parses again and reports them itself, where and as it always did */
    bool clean = scratch.count == 0 && !scratch.truncated;
    diag_free(&scratch);
    const ynode *v = t && t->root && t->root->kind == YN_MAPPING ? ynode_get(t->root, "layout") : NULL;
    char *path = NULL;
    if (v && v->kind == YN_SCALAR && v->value[0]) {
        path = v->value[0] == '/' ? xstrdup(v->value) : folder_plus(content, v->value);
        *where = (src_loc){content, v->loc.line, v->loc.col};
    }
    if (parsed && t && clean)
        *parsed = t;
    else
        ytree_free(t);
    return path;
}

/* The layout the content names, when it is a file; else an error at its
 * 'layout:' key (a typo there must not silently fall back to another). */
static char *named_layout(const char *content, const char *named, src_loc at, diag_list *dl)
{
    if (is_file(named))
        return xstrdup(named);
    diag_report(dl, D_IO, at, _("the content's 'layout' is %s, which is not a file"), named);
    diag_hint(dl, _("the path is relative to the folder of %s; correct it, or give --layout LAYOUT.yaml"), content);
    return NULL;
}

char *find_default_layout(const char *content, diag_list *dl, ytree **parsed)
{
    src_loc at = {0};
    char *named = content_named_layout(content, &at, parsed);
    if (named) {
        char *found = named_layout(content, named, at, dl);
        free(named);
        return found;
    }
    char *candidates[N_DEFAULT_LAYOUTS];
    default_layout_candidates(content, candidates);
    char *found = NULL;
    for (size_t i = 0; i < N_DEFAULT_LAYOUTS; i++) {
        if (!found && is_file(candidates[i]))
            found = candidates[i];
        else
            free(candidates[i]);
    }
    if (found)
        return found;
    default_layout_candidates(content, candidates);
    diag_report(dl, D_IO, (src_loc){content, 0, 0},
                _("no --layout given, and the default layout %s is not in the content's project "
                  "(looked for %s and %s)"),
                DEFAULT_LAYOUT_NAME, candidates[0], candidates[1]);
    diag_hint(dl, _("give the layout to use: --layout LAYOUT.yaml"));
    for (size_t i = 0; i < N_DEFAULT_LAYOUTS; i++)
        free(candidates[i]);
    return NULL;
}

void make_default_output_folder(const char *output)
{
    size_t n = path_folder_length(output);
    if (n < 2)
        return;
    char *folder = xstrndup(output, n - 1);
    mkdir(folder, 0777);   /* an existing folder, or one that cannot be made, is the writer's to report */
    free(folder);
}
