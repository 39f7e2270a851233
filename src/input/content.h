/* content.h — reading content YAML (what the plan says) into the document
 * tree, checking it against the content schema documented in
 * content/README.md. */
#ifndef KUMIHAN_CONTENT_H
#define KUMIHAN_CONTENT_H

#include "diag.h"
#include "doc.h"
#include "ytree.h"

/* Loads and validates a content file.  Returns NULL if any error was found
 * (all of them reported, up to the diagnostic limit). */
document *content_load(const char *path, diag_list *dl);

/* The same from an already parsed tree (the tree must outlive nothing:
 * the document copies what it keeps). */
document *content_from_tree(const ytree *tree, diag_list *dl);

#endif
