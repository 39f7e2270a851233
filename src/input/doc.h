/* doc.h — the document tree: what the plan says, as structure.  Built by
 * content_load.c from content YAML, validated there, read by every later
 * stage (compose, check, diff, PDF metadata).  Numbers such as Ⅰ or ⑴ are
 * not stored: a block's ordinal among its siblings of the same kind is,
 * and the layout's numbering style turns it into a label. */
#ifndef KUMIHAN_DOC_H
#define KUMIHAN_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

typedef enum block_kind {
    BK_DOCUMENT,    /* root: preface paragraphs, then parts */
    BK_PART,        /* Ⅰ．重点事業 */
    BK_SECTION,     /* １．政策提言・要望活動 */
    BK_SUBSECTION,  /* ⑴ … */
    BK_ITEM,        /* ① … */
    BK_BULLET,      /* ・ … */
    BK_ENTRY,       /* 1）… entries of a numbered list of organisations */
    BK_PARAGRAPH,   /* running text: the preface, a lead paragraph */
    BK_NOTE,        /* ※ a note under a block (notes:), set after its content */
    BK_PAGE_BREAK,  /* page_break: true in a body list; no text */
    BK_RECORD,      /* 記: opens the record list of a letter (children: its body) */
    BK_RECORD_END,  /* 以上: closes it (the words come from the layout) */
    BK_REFERENCE,   /* 文書番号 of a letter: 苫商発第45号 */
    BK_DATE,        /* a letter's date (text: YYYY-MM-DD, printed as the layout says) */
    BK_ADDRESSEE,   /* 宛名: 会員各位 (one block a line) */
    BK_ISSUER,      /* 発信者: 苫小牧商工会議所 / 会頭 … (one block a line) */
    BK_FIGURE,      /* an image in a body list (block.image; text: its alt); its caption is a BK_CAPTION child */
    BK_CAPTION,     /* 図1 …: a figure's caption, set below it */
    BK_LOGO,        /* the cover's image (document.logo, not in the tree; block.image) */
    /* a table (table_load.c): its text is the caption (may be NULL), its
     * children one BK_TABLE_HEAD (the header row) then BK_TABLE_ROWs, each
     * row's children its BK_TABLE_CELLs (text "" for an empty cell) */
    BK_TABLE,
    BK_TABLE_HEAD,
    BK_TABLE_ROW,
    BK_TABLE_CELL,
    BK__COUNT
} block_kind;

typedef struct block {
    block_kind kind;
    src_loc loc;            /* where the block starts in the content file */
    char *text;             /* title or text, UTF-8, folded; NULL for root */
    src_loc text_loc;       /* where the text scalar starts */
    bool is_new;            /* "(新)": new this year */
    char *id;               /* optional stable id (for diff), may be NULL */
    int ordinal;            /* 1-based among siblings of the same kind */
    bool keep_together;     /* keep_together: true — pagination keeps the whole
                             * block (its lines and children) on one page */
    /* BK_TABLE: the columns' widths the content gives, n_cols of them:
     * > 0 in em of the body, < 0 a percentage of the measure (-25 = 25%),
     * 0 automatic; NULL when the content gives none */
    float *col_width;
    size_t n_cols;
    struct block *parent;
    struct block **children;
    size_t n_children, cap_children;
    struct doc_image *image;    /* BK_FIGURE, BK_LOGO: the picture (doc_image.h); else NULL */
} block;

typedef struct document {
    char *path;             /* the content file; loc.file strings point here */
    char *title;            /* 2023年度事業基本方針 */
    char *organization;     /* 苫小牧商工会議所 (PDF Author) */
    char *subject;          /* may be NULL */
    char *keywords;         /* comma-separated, may be NULL */
    char *date;             /* YYYY-MM-DD, may be NULL */
    int fiscal_year;        /* 0 if not given */
    bool back_cover;        /* the last page is a back cover (裏表紙): a booklet's
                             * blank pages go before it (layout: imposition: pad) */
    src_loc title_loc;
    char *layout;           /* layout: the content's default layout, resolved against
                             * the content file's folder; NULL if not given */
    src_loc layout_loc;
    block *root;            /* BK_DOCUMENT */
    block *logo;            /* BK_LOGO for the cover, or NULL; owned, not in the tree */
} document;

/* A document with only its root; never NULL (out of memory aborts). */
document *doc_new(const char *path);
void doc_free(document *d);

/* Creates a block and appends it to parent (parent may be NULL for root).
 * Sets ordinal from the siblings of the same kind already present.
 * Never NULL (out of memory aborts, see xalloc.h). */
block *block_add(block *parent, block_kind kind, src_loc loc);
void block_set_text(block *b, const char *text, src_loc text_loc);

const char *block_kind_name(block_kind kind);   /* "part", "section", … */
int block_depth(const block *b);                /* root 0, part 1, … */

/* Pre-order walk; return false from the visitor to skip a subtree. */
typedef bool (*block_visitor)(const block *b, void *ctx);
void doc_walk(const block *root, block_visitor visit, void *ctx);

#endif
