/* doc.c — building, walking and freeing the document tree. */
#include "doc.h"
#include "doc_image.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"
#include "xalloc.h"

document *doc_new(const char *path)
{
    document *d = xcalloc(1, sizeof *d);
    d->path = xstrdup_or_null(path);
    d->root = block_add(NULL, BK_DOCUMENT, (src_loc){d->path, 1, 1});
    return d;
}

static void block_free(block *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_children; i++)
        block_free(b->children[i]);
    free(b->children);
    free(b->text);
    free(b->id);
    doc_image_free(b->image);
    free(b->col_width);
    free(b);
}

void doc_free(document *d)
{
    if (!d)
        return;
    block_free(d->root);
    if (d->logo)
        block_free(d->logo);
    free(d->title);
    free(d->organization);
    free(d->subject);
    free(d->keywords);
    free(d->date);
    free(d->layout);
    free(d->path);
    free(d);
}

/* The ordinal counts siblings of the same kind only, so that the preface
 * paragraphs do not shift the numbers of the parts after them.  The
 * nearest earlier sibling of the kind is almost always the last child:
 * searching backwards keeps building a long list linear. */
static int next_ordinal(const block *parent, block_kind kind)
{
    for (size_t i = parent->n_children; i-- > 0;)
        if (parent->children[i]->kind == kind)
            return parent->children[i]->ordinal + 1;
    return 1;
}

block *block_add(block *parent, block_kind kind, src_loc loc)
{
    block *b = xcalloc(1, sizeof *b);
    b->kind = kind;
    b->loc = loc;
    b->text_loc = loc;
    b->parent = parent;
    b->ordinal = 1;
    if (!parent)
        return b;
    VEC_RESERVE(parent->children, parent->cap_children, parent->n_children + 1);
    b->ordinal = next_ordinal(parent, kind);
    parent->children[parent->n_children++] = b;
    return b;
}

void block_set_text(block *b, const char *text, src_loc text_loc)
{
    free(b->text);
    b->text = xstrdup_or_null(text);
    b->text_loc = text_loc;
}

const char *block_kind_name(block_kind kind)
{
    static const char *const names[BK__COUNT] = {
        [BK_DOCUMENT] = "document", [BK_PART] = "part",     [BK_SECTION] = "section",
        [BK_SUBSECTION] = "subsection", [BK_ITEM] = "item", [BK_BULLET] = "bullet",
        [BK_ENTRY] = "entry",       [BK_PARAGRAPH] = "paragraph",
        [BK_NOTE] = "note",         [BK_PAGE_BREAK] = "page_break", [BK_RECORD] = "record",
        [BK_RECORD_END] = "record_end", [BK_REFERENCE] = "reference", [BK_DATE] = "date",
        [BK_ADDRESSEE] = "addressee", [BK_ISSUER] = "issuer",
        [BK_FIGURE] = "figure",     [BK_CAPTION] = "caption", [BK_LOGO] = "logo",
        [BK_TABLE] = "table",       [BK_TABLE_HEAD] = "table header", [BK_TABLE_ROW] = "table row",
        [BK_TABLE_CELL] = "table cell",
    };
    return (unsigned)kind < BK__COUNT ? names[kind] : "?";
}

int block_depth(const block *b)
{
    int depth = 0;
    for (; b && b->parent; b = b->parent)
        depth++;
    return depth;
}

void doc_walk(const block *root, block_visitor visit, void *ctx)
{
    if (!root || !visit(root, ctx))
        return;
    for (size_t i = 0; i < root->n_children; i++)
        doc_walk(root->children[i], visit, ctx);
}
