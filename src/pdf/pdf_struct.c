/* pdf_struct.c — the structure tree and the marked-content operators of the
 * reading PDF (see pdf_struct.h for the mapping of blocks to structure
 * types).  Every element is an indirect object (the ParentTree and the
 * kids' /P must reference it); its /K lists its kids in the order they
 * were drawn; an MCID on the element's own /Pg page is a bare integer,
 * one on a later page a marked-content reference dictionary. */
#include "pdf_struct.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doc_image.h"
#include "pdf_text.h"
#include "vec.h"
#include "xalloc.h"

/* The ActualText of the (新) mark: what a screen reader should say. */
#define NEW_MARK_SPOKEN "新規"

/* Pages per leaf of the ParentTree number tree: 2 /Nums entries a page
 * keeps each leaf under 8191 elements (PDF 1.4's array limit, which
 * older readers still keep).  A document of more pages gets a root with
 * /Kids (ISO 32000-1 7.9.7); one of fewer, a single /Nums as before. */
#define PARENT_TREE_LEAF_PAGES 2048

typedef struct elem {
    pdf_dict dict;
    pdf_array kids;
    const char *type;        /* the structure type, a static string */
    HPDF_Page page;          /* its /Pg: the page of its first MCID, NULL until then */
    struct elem *last_kid;   /* the element appended to kids last */
    block_kind list_kind;    /* an L: the kind of its items */
    const struct block *link_block;  /* a Link: the block and URL (pg_glyph.link) */
    uint32_t link;
} elem;

/* The elements of one block, each made when its first content is drawn. */
typedef struct block_elems {
    const block *block;      /* NULL: a free slot */
    elem *main;              /* H1–H4, P or LI */
    elem *label;             /* a listed block's Lbl */
    elem *body;              /* a listed block's LBody */
    elem *byline;            /* the root: the organisation line's P */
    elem *new_mark;          /* the (新) mark's Span */
    elem *toc;               /* the root: the TOC, and its title's H2 */
    elem *toc_title;
    elem *toci;              /* a heading: its TOCI in the TOC, and the Reference in it */
    elem *toc_ref;
    elem *caption, *thead, *tbody;   /* a table's Caption, THead and TBody */
} block_elems;

/* A URL's Link element, found again by the annotations of its page. */
typedef struct link_elem {
    const block *block;
    uint32_t link;           /* pg_glyph.link */
    elem *elem;
} link_elem;

/* A link annotation waiting for its /StructParent key: the keys follow
 * the pages' in the ParentTree, so they are known only at the end. */
typedef struct annot_parent {
    pdf_dict annot;
    elem *link;
} annot_parent;

struct pdf_struct {
    HPDF_Doc pdf;
    pdf_dict root;           /* StructTreeRoot */
    elem *document;
    VEC(elem *) elems;       /* every element, to free */
    block_elems *map;        /* open addressing, keyed by block pointer */
    size_t map_cap, map_n;
    VEC(pdf_array) leaves;   /* the ParentTree's /Nums arrays, one per
                                PARENT_TREE_LEAF_PAGES pages */
    HPDF_Page page;          /* the current page */
    int page_index;          /* its /StructParents; -1 before the first page */
    VEC(elem *) page_mcids;  /* the current page's MCIDs: the element of each */
    VEC(link_elem) links;    /* the Link elements with content on the current page */
    VEC(annot_parent) annots;
    HPDF_STATUS st;          /* the first error */
    const char *const *list_numbering;   /* by block kind, may be NULL */
};

static void note(pdf_struct *s, HPDF_STATUS st)
{
    if (s->st == HPDF_OK && st != HPDF_OK)
        s->st = st;
}

static bool is_listed(block_kind kind)
{
    return kind == BK_ITEM || kind == BK_BULLET || kind == BK_ENTRY;
}

/* ---- elements --------------------------------------------------------- */

/* A new element of type under parent (NULL: the StructTreeRoot), appended
 * to the parent's kids. */
static elem *new_elem(pdf_struct *s, elem *parent, const char *type)
{
    elem *e = xcalloc(1, sizeof *e);
    VEC_APPEND(s->elems, e);
    e->type = type;
    e->dict = shim_dict_new_indirect(s->pdf);
    e->kids = shim_array_new(s->pdf);
    note(s, shim_dict_add_name(e->dict, "S", type));
    note(s, shim_dict_add_dict(e->dict, "P", parent ? parent->dict : s->root));
    note(s, shim_dict_add_array(e->dict, "K", e->kids));
    if (parent) {
        note(s, shim_array_add_dict(parent->kids, e->dict));
        parent->last_kid = e;
    }
    return e;
}

static size_t hash_block(const block *b, size_t cap)
{
    uint64_t v = (uint64_t)(uintptr_t)b * 0x9E3779B97F4A7C15ull;
    return (size_t)(v >> 32) & (cap - 1);
}

static block_elems *find_slot(block_elems *map, size_t cap, const block *b)
{
    size_t i = hash_block(b, cap);
    while (map[i].block && map[i].block != b)
        i = (i + 1) & (cap - 1);
    return &map[i];
}

static void grow_map(pdf_struct *s)
{
    size_t cap = s->map_cap ? s->map_cap * 2 : 256;
    block_elems *map = xcalloc(cap, sizeof *map);
    for (size_t i = 0; i < s->map_cap; i++)
        if (s->map[i].block)
            *find_slot(map, cap, s->map[i].block) = s->map[i];
    free(s->map);
    s->map = map;
    s->map_cap = cap;
}

/* The elements of block b, an empty entry the first time. */
static block_elems *elems_of(pdf_struct *s, const block *b)
{
    if (2 * (s->map_n + 1) > s->map_cap)
        grow_map(s);
    block_elems *slot = find_slot(s->map, s->map_cap, b);
    if (!slot->block) {
        slot->block = b;
        s->map_n++;
    }
    return slot;
}

static elem *body_of(pdf_struct *s, const block *b);

/* Where the elements of b's children go: a listed block's LBody; for
 * headings and paragraphs, their own container (headings stay flat, so
 * a section's lists follow its H3 as siblings). */
static elem *children_container(pdf_struct *s, const block *b)
{
    while (b && b->kind != BK_DOCUMENT && !is_listed(b->kind))
        b = b->parent;
    return b && is_listed(b->kind) ? body_of(s, b) : s->document;
}

/* The L that listed block b's LI goes into: the one its container ended
 * with, if that holds the same kind, else a new one. */
static elem *list_for(pdf_struct *s, const block *b)
{
    elem *c = children_container(s, b->parent);
    elem *last = c->last_kid;
    if (last && strcmp(last->type, "L") == 0 && last->list_kind == b->kind)
        return last;
    elem *l = new_elem(s, c, "L");
    l->list_kind = b->kind;
    const char *numbering = s->list_numbering ? s->list_numbering[b->kind] : NULL;
    if (numbering) {   /* ISO 14289-1 7.6: how the Lbl are numbered, for the reader to announce */
        pdf_dict attr = shim_dict_new(s->pdf);
        note(s, shim_dict_add_name(attr, "O", "List"));
        note(s, shim_dict_add_name(attr, "ListNumbering", numbering));
        note(s, shim_dict_add_dict(l->dict, "A", attr));
    }
    return l;
}

static const char *main_type(block_kind kind)
{
    switch (kind) {
    case BK_DOCUMENT: return "H1";
    case BK_PART: return "H2";
    case BK_SECTION: return "H3";
    case BK_SUBSECTION: return "H4";
    case BK_ITEM:
    case BK_BULLET:
    case BK_ENTRY: return "LI";
    case BK_NOTE: return "Note";
    case BK_FIGURE:
    case BK_LOGO: return "Figure";
    case BK_CAPTION: return "Caption";
    case BK_TABLE: return "Table";
    case BK_TABLE_HEAD:
    case BK_TABLE_ROW: return "TR";
    case BK_TABLE_CELL: return "TD";   /* a header cell's TH: table_elem */
    case BK_PARAGRAPH:
    case BK_PAGE_BREAK:
    case BK_RECORD:       /* 記 and 以上: a line of their own */
    case BK_RECORD_END:
    case BK_REFERENCE:    /* the letter's head lines */
    case BK_DATE:
    case BK_ADDRESSEE:
    case BK_ISSUER:
    case BK__COUNT: break;
    }
    return "P";
}

static elem *main_of(pdf_struct *s, const block *b);

/* A table's THead or TBody (made when its first row is), under its Table. */
static elem *table_group(pdf_struct *s, const block *table, bool head)
{
    elem *t = main_of(s, table);
    block_elems *be = elems_of(s, table);
    elem **slot = head ? &be->thead : &be->tbody;
    if (!*slot) {
        elem *g = new_elem(s, t, head ? "THead" : "TBody");
        be = elems_of(s, table);
        *(head ? &be->thead : &be->tbody) = g;
        return g;
    }
    return *slot;
}

static elem *caption_of(pdf_struct *s, const block *table)
{
    elem *t = main_of(s, table);
    block_elems *be = elems_of(s, table);
    if (!be->caption) {
        elem *c = new_elem(s, t, "Caption");
        be = elems_of(s, table);
        be->caption = c;
    }
    return be->caption;
}

/* A row's TR with a TH or TD for every cell, made together so that an
 * empty cell keeps its place (a reader counts columns by them); a header
 * cell's TH heads its column (/Scope /Column). */
static elem *make_row_elem(pdf_struct *s, const block *row)
{
    elem *tr = new_elem(s, table_group(s, row->parent, row->kind == BK_TABLE_HEAD), "TR");
    elems_of(s, row)->main = tr;
    for (size_t i = 0; i < row->n_children; i++) {
        bool head = row->kind == BK_TABLE_HEAD;
        elem *cell = new_elem(s, tr, head ? "TH" : "TD");
        if (head) {
            pdf_dict a = shim_dict_new(s->pdf);
            note(s, shim_dict_add_name(a, "O", "Table"));
            note(s, shim_dict_add_name(a, "Scope", "Column"));
            note(s, shim_dict_add_dict(cell->dict, "A", a));
        }
        elems_of(s, row->children[i])->main = cell;
    }
    return tr;
}

/* A row's TR, after those of the rows before it that show nothing (all
 * their cells empty), so that a reader still counts them. */
static elem *table_row_elem(pdf_struct *s, const block *row)
{
    const block *t = row->parent;
    /* the header is child 0, body row n child n (table_load.c) */
    size_t k = row->kind == BK_TABLE_HEAD ? 0 : (size_t)row->ordinal, j = k;
    if (k < t->n_children && t->children[k] == row)
        while (j > 0 && !elems_of(s, t->children[j - 1])->main)
            j--;
    for (; j < k; j++)
        make_row_elem(s, t->children[j]);
    return make_row_elem(s, row);
}

/* b's own element: its heading, paragraph or LI (the root's: the title). */
static elem *main_of(pdf_struct *s, const block *b)
{
    block_elems *be = elems_of(s, b);
    if (!be->main && (b->kind == BK_TABLE_HEAD || b->kind == BK_TABLE_ROW))
        return table_row_elem(s, b);
    if (!be->main && b->kind == BK_TABLE_CELL) {
        main_of(s, b->parent);
        return elems_of(s, b)->main;
    }
    if (!be->main) {
        elem *parent = b->kind == BK_DOCUMENT ? s->document
                       : is_listed(b->kind)   ? list_for(s, b)
                                              : children_container(s, b->parent);
        elem *e = new_elem(s, parent, main_type(b->kind));
        /* PDF/UA-1 7.3: a Figure says in /Alt what it shows */
        if (b->image && b->image->alt)
            note(s, pdf_dict_add_text(e->dict, "Alt", b->image->alt));
        be = elems_of(s, b);   /* the map may have grown meanwhile */
        be->main = e;
    }
    return be->main;
}

/* Where b's label goes: a listed block's Lbl, else its own element. */
static elem *label_of(pdf_struct *s, const block *b)
{
    if (!is_listed(b->kind))
        return main_of(s, b);
    elem *li = main_of(s, b);
    block_elems *be = elems_of(s, b);
    if (!be->label)
        be->label = new_elem(s, li, "Lbl");
    return be->label;
}

/* Where b's text goes: a listed block's LBody, a table's Caption, else its own element. */
static elem *body_of(pdf_struct *s, const block *b)
{
    if (b->kind == BK_TABLE)   /* a table's own text is its caption */
        return caption_of(s, b);
    if (!is_listed(b->kind))
        return main_of(s, b);
    elem *li = main_of(s, b);
    block_elems *be = elems_of(s, b);
    if (!be->body)
        be->body = new_elem(s, li, "LBody");
    return be->body;
}

/* The Span of b's (新) mark, in its text's element, spoken as 新規. */
static elem *new_mark_of(pdf_struct *s, const block *b)
{
    elem *body = body_of(s, b);
    block_elems *be = elems_of(s, b);
    if (!be->new_mark) {
        elem *span = new_elem(s, body, "Span");
        note(s, pdf_dict_add_text(span->dict, "ActualText", NEW_MARK_SPOKEN));
        be = elems_of(s, b);
        be->new_mark = span;
    }
    return be->new_mark;
}

/* The Link element of b's URL link: the one made on this page or continued
 * from the last (a URL broken over a page), else a new one in b's text. */
static elem *link_of(pdf_struct *s, const block *b, uint32_t link)
{
    for (size_t i = s->links.n; i-- > 0;)
        if (s->links.items[i].block == b && s->links.items[i].link == link)
            return s->links.items[i].elem;
    elem *body = body_of(s, b);
    elem *last = body->last_kid;
    elem *e = last && last->link_block == b && last->link == link ? last : new_elem(s, body, "Link");
    e->link_block = b;
    e->link = link;
    VEC_APPEND(s->links, ((link_elem){.block = b, .link = link, .elem = e}));
    return e;
}

static elem *byline_of(pdf_struct *s, const block *root)
{
    block_elems *be = elems_of(s, root);
    if (!be->byline) {
        elem *p = new_elem(s, s->document, "P");
        be = elems_of(s, root);
        be->byline = p;
    }
    return be->byline;
}

/* The contents: their title an H2 (目次, at the level of the parts it
 * lists), then the TOC, made at its first entry. */
static elem *toc_title_of(pdf_struct *s, const block *root)
{
    block_elems *be = elems_of(s, root);
    if (!be->toc_title) {
        elem *h = new_elem(s, s->document, "H2");
        be = elems_of(s, root);
        be->toc_title = h;
    }
    return be->toc_title;
}

static elem *toc_of(pdf_struct *s, const block *heading)
{
    const block *root = heading;
    while (root->parent)
        root = root->parent;
    block_elems *be = elems_of(s, root);
    if (!be->toc) {
        elem *t = new_elem(s, s->document, "TOC");
        be = elems_of(s, root);
        be->toc = t;
    }
    return be->toc;
}

/* A contents entry: TOCI > Link, which holds its text and number and an
 * object reference to its link annotation (the leader is an artifact). */
static elem *toc_entry_of(pdf_struct *s, const block *heading)
{
    elem *toc = toc_of(s, heading);
    block_elems *be = elems_of(s, heading);
    if (!be->toci) {
        elem *item = new_elem(s, toc, "TOCI");
        elem *ref = new_elem(s, item, "Link");
        be = elems_of(s, heading);
        be->toci = item;
        be->toc_ref = ref;
    }
    return be->toc_ref;
}

HPDF_STATUS pdf_struct_set_bbox(pdf_struct *s, pg_origin o, float x0, float y0, float x1, float y1)
{
    if (!o.block)
        return s->st;
    elem *e = main_of(s, o.block);
    if (shim_dict_get_dict(e->dict, "A"))
        return s->st;
    pdf_dict attrs = shim_dict_new(s->pdf);
    pdf_array bbox = shim_array_new(s->pdf);
    note(s, shim_dict_add_name(attrs, "O", "Layout"));
    const float v[4] = {x0, y0, x1, y1};
    for (int i = 0; i < 4; i++)
        note(s, shim_array_add_real(bbox, v[i]));
    note(s, shim_dict_add_array(attrs, "BBox", bbox));
    note(s, shim_dict_add_dict(e->dict, "A", attrs));
    return s->st;
}

/* The element a run of origin o (and URL link) belongs to; NULL for an
 * artifact. */
static elem *elem_of_run(pdf_struct *s, pg_origin o, uint32_t link)
{
    if (!o.block)
        return NULL;
    switch (o.role) {
    case PG_ROLE_TEXT: return link ? link_of(s, o.block, link) : body_of(s, o.block);
    case PG_ROLE_LABEL: return label_of(s, o.block);
    case PG_ROLE_NEW_MARK: return new_mark_of(s, o.block);
    case PG_ROLE_BYLINE: return byline_of(s, o.block);
    case PG_ROLE_FIGURE: return main_of(s, o.block);
    case PG_ROLE_TOC_TITLE: return toc_title_of(s, o.block);
    case PG_ROLE_TOC_ENTRY: return toc_entry_of(s, o.block);
    case PG_ROLE_DECORATION:
    case PG_ROLE_CHANGE_BAR:
    case PG_ROLE_CHANGE_MARK:
    case PG_ROLE_ARTIFACT: break;
    }
    return NULL;
}

/* ---- marked content --------------------------------------------------- */

/* Records the next MCID of the page under e; returns it. */
static int add_mcid(pdf_struct *s, elem *e)
{
    int mcid = (int)s->page_mcids.n;
    VEC_APPEND(s->page_mcids, e);
    pdf_dict page = shim_page_dict(s->page);
    if (!e->page) {
        e->page = s->page;
        note(s, shim_dict_add_dict(e->dict, "Pg", page));
    }
    if (e->page == s->page) {
        note(s, shim_array_add_int(e->kids, mcid));
        return mcid;
    }
    pdf_dict mcr = shim_dict_new(s->pdf);
    note(s, shim_dict_add_name(mcr, "Type", "MCR"));
    note(s, shim_dict_add_dict(mcr, "Pg", page));
    note(s, shim_dict_add_int(mcr, "MCID", mcid));
    note(s, shim_array_add_dict(e->kids, mcr));
    return mcid;
}

HPDF_STATUS pdf_struct_open_run(pdf_struct *s, pg_origin o, uint32_t link)
{
    elem *e = elem_of_run(s, o, link);
    char op[64];
    if (e)
        snprintf(op, sizeof op, "/%s <</MCID %d>> BDC\n", e->type, add_mcid(s, e));
    else   /* ISO 32000-1 14.8.2.2.2: furniture is pagination, bands and marks layout */
        snprintf(op, sizeof op, "/Artifact <</Type /%s>> BDC\n",
                 o.role == PG_ROLE_ARTIFACT || !o.block ? "Pagination" : "Layout");
    note(s, shim_page_write_str(s->page, op));
    return s->st;
}

HPDF_STATUS pdf_struct_close_run(pdf_struct *s)
{
    note(s, shim_page_write_str(s->page, "EMC\n"));
    return s->st;
}

/* ---- pages and the tree ----------------------------------------------- */

pdf_struct *pdf_struct_new(HPDF_Doc pdf, const char *const *list_numbering)
{
    pdf_struct *s = xcalloc(1, sizeof *s);
    s->pdf = pdf;
    s->list_numbering = list_numbering;
    s->page_index = -1;
    s->root = shim_dict_new_indirect(pdf);
    VEC_APPEND(s->leaves, shim_array_new(pdf));
    note(s, shim_dict_add_name(s->root, "Type", "StructTreeRoot"));
    s->document = new_elem(s, NULL, "Document");
    note(s, shim_dict_add_dict(s->root, "K", s->document->dict));
    return s;
}

void pdf_struct_free(pdf_struct *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->elems.n; i++)
        free(s->elems.items[i]);
    free(s->elems.items);
    free(s->page_mcids.items);
    free(s->links.items);
    free(s->annots.items);
    free(s->leaves.items);
    free(s->map);
    free(s);
}

HPDF_STATUS pdf_struct_begin_page(pdf_struct *s, HPDF_Page page)
{
    s->page = page;
    s->page_index++;
    s->page_mcids.n = 0;
    pdf_dict dict = shim_page_dict(page);
    note(s, shim_dict_add_int(dict, "StructParents", s->page_index));
    /* PDF/UA-1 7.18.3: a page with annotations tabs in structure order */
    note(s, shim_dict_add_name(dict, "Tabs", "S"));
    return s->st;
}

HPDF_STATUS pdf_struct_add_link(pdf_struct *s, pdf_dict annot, const block *b, uint32_t link)
{
    elem *e = link_of(s, b, link);
    pdf_dict objr = shim_dict_new(s->pdf);
    note(s, shim_dict_add_name(objr, "Type", "OBJR"));
    note(s, shim_dict_add_dict(objr, "Pg", shim_page_dict(s->page)));
    note(s, shim_dict_add_dict(objr, "Obj", annot));
    note(s, shim_array_add_dict(e->kids, objr));
    VEC_APPEND(s->annots, ((annot_parent){.annot = annot, .link = e}));
    return s->st;
}

HPDF_STATUS pdf_struct_add_toc_link(pdf_struct *s, pdf_dict annot, HPDF_Page page, const block *heading)
{
    elem *e = toc_entry_of(s, heading);
    pdf_dict objr = shim_dict_new(s->pdf);
    note(s, shim_dict_add_name(objr, "Type", "OBJR"));
    note(s, shim_dict_add_dict(objr, "Pg", shim_page_dict(page)));
    note(s, shim_dict_add_dict(objr, "Obj", annot));
    note(s, shim_array_add_dict(e->kids, objr));
    VEC_APPEND(s->annots, ((annot_parent){.annot = annot, .link = e}));
    return s->st;
}

HPDF_STATUS pdf_struct_end_page(pdf_struct *s)
{
    s->links.n = 0;
    pdf_array parents = shim_array_new(s->pdf);
    for (size_t i = 0; i < s->page_mcids.n; i++)
        note(s, shim_array_add_dict(parents, s->page_mcids.items[i]->dict));
    if (s->page_index > 0 && s->page_index % PARENT_TREE_LEAF_PAGES == 0)
        VEC_APPEND(s->leaves, shim_array_new(s->pdf));
    pdf_array nums = s->leaves.items[s->leaves.n - 1];
    note(s, shim_array_add_int(nums, s->page_index));
    note(s, shim_array_add_array(nums, parents));
    return s->st;
}

/* The ParentTree: the one /Nums, or a root whose /Kids are the leaves,
 * each with the /Limits of the keys it holds (the last leaf's go on to
 * last_key, the annotations'). */
static pdf_dict parent_tree(pdf_struct *s, int last_key)
{
    pdf_dict root = shim_dict_new(s->pdf);
    if (s->leaves.n == 1) {
        note(s, shim_dict_add_array(root, "Nums", s->leaves.items[0]));
        return root;
    }
    pdf_array kids = shim_array_new(s->pdf);
    for (size_t i = 0; i < s->leaves.n; i++) {
        int first = (int)i * PARENT_TREE_LEAF_PAGES;
        int last = first + PARENT_TREE_LEAF_PAGES - 1;
        if (i + 1 == s->leaves.n)
            last = last_key;
        pdf_dict leaf = shim_dict_new_indirect(s->pdf);
        pdf_array limits = shim_array_new(s->pdf);
        note(s, shim_array_add_int(limits, first));
        note(s, shim_array_add_int(limits, last));
        note(s, shim_dict_add_array(leaf, "Limits", limits));
        note(s, shim_dict_add_array(leaf, "Nums", s->leaves.items[i]));
        note(s, shim_array_add_dict(kids, leaf));
    }
    note(s, shim_dict_add_array(root, "Kids", kids));
    return root;
}

/* The annotations' /StructParent keys, after the last page's, in the
 * last leaf (a number tree's keys ascend leaf by leaf). */
static int add_annot_parents(pdf_struct *s)
{
    int key = s->page_index + 1;
    pdf_array nums = s->leaves.items[s->leaves.n - 1];
    for (size_t i = 0; i < s->annots.n; i++, key++) {
        note(s, shim_dict_add_int(s->annots.items[i].annot, "StructParent", key));
        note(s, shim_array_add_int(nums, key));
        note(s, shim_array_add_dict(nums, s->annots.items[i].link->dict));
    }
    return key;
}

HPDF_STATUS pdf_struct_finish(pdf_struct *s)
{
    int next_key = add_annot_parents(s);
    note(s, shim_dict_add_dict(s->root, "ParentTree", parent_tree(s, next_key - 1)));
    note(s, shim_dict_add_int(s->root, "ParentTreeNextKey", next_key));
    pdf_dict catalog = shim_catalog(s->pdf);
    note(s, shim_dict_add_dict(catalog, "StructTreeRoot", s->root));
    pdf_dict mark_info = shim_dict_new(s->pdf);
    note(s, shim_dict_add_bool(mark_info, "Marked", true));
    note(s, shim_dict_add_dict(catalog, "MarkInfo", mark_info));
    return s->st;
}
