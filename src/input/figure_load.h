/* figure_load.h — reading a figure (a body entry `figure: {file, alt,
 * caption}`) and the cover's `logo: {file, alt}` from content YAML: the
 * file resolved against the content file's folder and probed
 * (image_probe.h), the alt text required.  Every problem is a located
 * error, so a document with a bad image stops before anything is written. */
#ifndef KUMIHAN_FIGURE_LOAD_H
#define KUMIHAN_FIGURE_LOAD_H

#include "diag.h"
#include "doc.h"
#include "ytree.h"

/* Fills b (a BK_FIGURE or BK_LOGO block) from map: b->image, and for a
 * figure its caption as a BK_CAPTION child.  doc_path is the document's
 * own copy of the content file's path (locations point at it).  Reports
 * and returns false on any error. */
bool figure_load(block *b, const ynode *map, const char *doc_path, diag_list *dl);

/* The keys of a figure's or a logo's mapping, NULL-terminated. */
extern const char *const figure_keys[];
extern const char *const logo_keys[];

#endif
