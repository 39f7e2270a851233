/* project_paths.h — where a content file's defaults live: the layout used
 * without --layout and the PDF written without -o.  Both are found from
 * the content file's own path, never from the working directory, so
 * `cd content && kumihan build plan-2023.yaml` finds what
 * `kumihan build content/plan-2023.yaml` finds.
 *
 * The project's shape (README "Files and folders"):
 *   project/layouts/booklet-a4.yaml   the default layout
 *   project/content/NAME.yaml         the content
 *   project/out/NAME.pdf              the default output
 * A content file outside a folder named "content" gets its PDF beside it.
 * A content file may name its own layout (layout: ../layouts/notice-a4.yaml);
 * that is its default, before booklet-a4.yaml. */
#ifndef KUMIHAN_PROJECT_PATHS_H
#define KUMIHAN_PROJECT_PATHS_H

#include <stdbool.h>
#include "diag.h"
#include "ytree.h"

#define DEFAULT_LAYOUT_NAME "booklet-a4.yaml"
#define N_DEFAULT_LAYOUTS 2

/* The places the default layout is looked for, in order (malloc'd):
 * layouts/ in the folder above the content's folder, then layouts/ in the
 * content's folder.  Paths are spelt from the content path, so a relative
 * content path gives relative candidates. */
void default_layout_candidates(const char *content, char *out[N_DEFAULT_LAYOUTS]);

/* The default PDF of content (malloc'd): NAME is its file name without
 * .yaml/.yml, "-changes" appended for a marked booklet (--compare), so the
 * clean PDF is never replaced by a marked one.  folder_name is the name
 * of the content's folder (its last component, resolved by the caller
 * when the path has none): "content" puts the PDF in ../out/, any other
 * name beside the content. */
char *default_output_for(const char *content, const char *folder_name, bool changes);

/* The same, asking the file system for the folder's name. */
char *default_output(const char *content, bool changes);

/* The layout the content file names with its own 'layout:' key, resolved
 * against the content's folder (malloc'd; *where: the key's value), or
 * NULL when it names none (or cannot be read: its load will say why).
 * With parsed non-NULL, a content file that parsed without any diagnostic
 * leaves its tree in *parsed (the caller frees it, or hands it to
 * pipeline_load_parsed), so the build reads the file only once. */
char *content_named_layout(const char *content, src_loc *where, ytree **parsed);

/* The layout the content names (an error at its 'layout:' key if that is
 * no file), else the first default layout candidate that exists
 * (malloc'd), or NULL with an error saying that no layout was given,
 * where the default was looked for, and to give --layout.  parsed: as
 * for content_named_layout (may be NULL). */
char *find_default_layout(const char *content, diag_list *dl, ytree **parsed);

/* Makes the folder of a default output if it is missing (the out/ of a
 * fresh project): only one level, never a chain of folders. */
void make_default_output_folder(const char *output);

#endif
