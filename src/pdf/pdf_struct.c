/* pdf_struct.c — the structure tree and the marked-content operators of the
 * reading PDF (see pdf_struct.h for the mapping of blocks to structure
 * types).  The tree is kept here as compact arrays, not as libharu
 * objects (a dozen allocations per dictionary, held until the file is
 * saved: most of a long document's memory and of tagging's cost), and
 * written as PDF source by pdf_struct_objects into the object streams of
 * pdf_objstm.c.  libharu holds only the StructTreeRoot's empty
 * placeholder, so that the catalog can refer to it.  Each element's /K
 * lists its kids in the order they were drawn; an MCID on the element's
 * own /Pg page is a bare integer, one on a later page a marked-content
 * reference dictionary, a link annotation an object reference (/OBJR). */
#include "pdf_struct.h"

#include <math.h>
#include <stdint.h>
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
 * /Kids (ISO 32000-1 7.9.7); one of fewer, a single /Nums. */
#define PARENT_TREE_LEAF_PAGES 2048

#define NONE UINT32_MAX

/* A kid in an element's /K: another element (value: its index), an MCID
 * (value) on the page of index page, or an object reference to an
 * annotation (value: its object number) on that page. */
typedef enum kid_kind { KID_ELEM, KID_MCID, KID_OBJR } kid_kind;

typedef struct kid {
    uint32_t next;           /* the element's next kid, NONE at the end */
    int32_t page;
    uint32_t value;
    kid_kind kind;
} kid;

/* What only a few elements have (a list's numbering, a Link's URL, a
 * Figure's /Alt and /BBox), beside the elements: a long document has
 * hundreds of thousands of elements, and these fields would more than
 * double each one. */
typedef struct elem_extra {
    const char *numbering;   /* an L: its /ListNumbering, or NULL */
    const block *link_block; /* a Link: the block and URL (pg_glyph.link) */
    uint32_t link;
    char *alt;               /* a Figure: its /Alt as a PDF string, owned; NULL: none */
    bool has_bbox;           /* a Figure: its layout attributes /O /Layout /BBox */
    float bbox[4];
} elem_extra;

typedef struct elem {
    const char *type;        /* the structure type, a static string */
    uint32_t parent;         /* NONE: the StructTreeRoot */
    int32_t page;            /* its /Pg: the page of its first MCID, -1 until then */
    uint32_t first_kid, last_kid;
    uint32_t last_elem;      /* the element appended to its kids last, NONE */
    uint32_t extra;          /* its elem_extra in pdf_struct.extras, NONE: none */
    uint8_t list_kind;       /* an L: the block_kind of its items */
    bool spoken_new;         /* the (新) mark's Span: /ActualText 新規 */
    bool column_header;      /* a TH: /A <</O /Table /Scope /Column>> */
} elem;

/* The elements of one block (indices), each made when its first content is drawn. */
typedef struct block_elems {
    const block *block;      /* NULL: a free slot */
    uint32_t main;           /* H1–H4, P or LI */
    uint32_t label;          /* a listed block's Lbl */
    uint32_t body;           /* a listed block's LBody */
    uint32_t byline;         /* the root: the organisation line's P */
    uint32_t new_mark;       /* the (新) mark's Span */
    uint32_t toc;            /* the root: the TOC, and its title's H2 */
    uint32_t toc_title;
    uint32_t toci;           /* a heading: its TOCI in the TOC, and the Link in it */
    uint32_t toc_ref;
    uint32_t caption, thead, tbody;   /* a table's Caption, THead and TBody */
} block_elems;

/* A URL's Link element, found again by the annotations of its page. */
typedef struct link_elem {
    const block *block;
    uint32_t link;           /* pg_glyph.link */
    uint32_t elem;
} link_elem;

/* A link annotation waiting for its /StructParent key: the keys follow
 * the pages' in the ParentTree, so they are known only at the end. */
typedef struct annot_parent {
    pdf_dict annot;
    uint32_t link;           /* its Link element */
} annot_parent;

struct pdf_struct {
    HPDF_Doc pdf;
    pdf_dict root;           /* the StructTreeRoot's placeholder in libharu */
    VEC(elem) elems;         /* elems.items[0] is the Document */
    VEC(elem_extra) extras;
    VEC(kid) kids;
    block_elems *map;        /* open addressing, keyed by block pointer */
    size_t map_cap, map_n;
    VEC(uint32_t) page_objs; /* each page's object number */
    VEC(uint32_t) parents;   /* the element of every MCID, page after page */
    VEC(size_t) page_start;  /* where each page's MCIDs start in parents */
    VEC(link_elem) links;    /* the Link elements with content on the current page */
    VEC(annot_parent) annots;
    HPDF_Page page;          /* the current page */
    char *new_mark_text;     /* NEW_MARK_SPOKEN as a PDF string */
    const char *const *list_numbering;   /* by block kind, may be NULL */
    HPDF_STATUS st;          /* the first error */
};

/* Element e's extra fields, made (zeroed) when it has none yet. */
static elem_extra *extra_of(pdf_struct *s, uint32_t e)
{
    if (s->elems.items[e].extra == NONE) {
        s->elems.items[e].extra = (uint32_t)s->extras.n;
        VEC_APPEND(s->extras, ((elem_extra){0}));
    }
    return &s->extras.items[s->elems.items[e].extra];
}

/* The same for reading: NULL when it has none. */
static const elem_extra *extra_if(const pdf_struct *s, const elem *e)
{
    return e->extra == NONE ? NULL : &s->extras.items[e->extra];
}

static void note(pdf_struct *s, HPDF_STATUS st)
{
    if (s->st == HPDF_OK && st != HPDF_OK)
        s->st = st;
}

static bool is_listed(block_kind kind)
{
    return kind == BK_ITEM || kind == BK_BULLET || kind == BK_ENTRY;
}

static int page_index(const pdf_struct *s)
{
    return (int)s->page_objs.n - 1;
}

/* ---- elements --------------------------------------------------------- */

static void add_kid(pdf_struct *s, uint32_t e, kid_kind kind, int32_t page, uint32_t value)
{
    uint32_t k = (uint32_t)s->kids.n;
    VEC_APPEND(s->kids, ((kid){.next = NONE, .page = page, .value = value, .kind = kind}));
    elem *el = &s->elems.items[e];
    if (el->last_kid == NONE)
        el->first_kid = k;
    else
        s->kids.items[el->last_kid].next = k;
    el->last_kid = k;
}

/* A new element of type under parent (NONE: the StructTreeRoot), appended
 * to the parent's kids. */
static uint32_t new_elem(pdf_struct *s, uint32_t parent, const char *type)
{
    uint32_t e = (uint32_t)s->elems.n;
    VEC_APPEND(s->elems, ((elem){.type = type, .parent = parent, .page = -1, .first_kid = NONE,
                                 .last_kid = NONE, .last_elem = NONE, .extra = NONE}));
    if (parent != NONE) {
        add_kid(s, parent, KID_ELEM, -1, e);
        s->elems.items[parent].last_elem = e;
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

/* The elements of block b, an empty entry the first time.  The pointer
 * is valid until the next call (the map may grow). */
static block_elems *elems_of(pdf_struct *s, const block *b)
{
    if (2 * (s->map_n + 1) > s->map_cap)
        grow_map(s);
    block_elems *slot = find_slot(s->map, s->map_cap, b);
    if (!slot->block) {
        *slot = (block_elems){.block = b, .main = NONE, .label = NONE, .body = NONE,
                              .byline = NONE, .new_mark = NONE, .toc = NONE,
                              .toc_title = NONE, .toci = NONE, .toc_ref = NONE, .caption = NONE,
                              .thead = NONE, .tbody = NONE};
        s->map_n++;
    }
    return slot;
}

static uint32_t body_of(pdf_struct *s, const block *b);

/* Where the elements of b's children go: a listed block's LBody; for
 * headings and paragraphs, their own container (headings stay flat, so
 * a section's lists follow its H3 as siblings). */
static uint32_t children_container(pdf_struct *s, const block *b)
{
    while (b && b->kind != BK_DOCUMENT && !is_listed(b->kind))
        b = b->parent;
    return b && is_listed(b->kind) ? body_of(s, b) : 0;
}

/* The L that listed block b's LI goes into: the one its container ended
 * with, if that holds the same kind, else a new one. */
static uint32_t list_for(pdf_struct *s, const block *b)
{
    uint32_t c = children_container(s, b->parent);
    uint32_t last = s->elems.items[c].last_elem;
    if (last != NONE && strcmp(s->elems.items[last].type, "L") == 0 &&
        s->elems.items[last].list_kind == b->kind)
        return last;
    uint32_t l = new_elem(s, c, "L");
    s->elems.items[l].list_kind = (uint8_t)b->kind;
    if (s->list_numbering && s->list_numbering[b->kind])
        extra_of(s, l)->numbering = s->list_numbering[b->kind];
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
    case BK_TABLE_CELL: return "TD";   /* a header cell's TH: make_row_elem */
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

static uint32_t main_of(pdf_struct *s, const block *b);

/* A table's THead or TBody (made when its first row is), under its Table. */
static uint32_t table_group(pdf_struct *s, const block *table, bool head)
{
    uint32_t t = main_of(s, table);
    block_elems *be = elems_of(s, table);
    uint32_t e = head ? be->thead : be->tbody;
    if (e == NONE) {
        e = new_elem(s, t, head ? "THead" : "TBody");
        be = elems_of(s, table);
        *(head ? &be->thead : &be->tbody) = e;
    }
    return e;
}

static uint32_t caption_of(pdf_struct *s, const block *table)
{
    uint32_t t = main_of(s, table);
    uint32_t e = elems_of(s, table)->caption;
    if (e == NONE)
        elems_of(s, table)->caption = e = new_elem(s, t, "Caption");
    return e;
}

/* A row's TR with a TH or TD for every cell, made together so that an
 * empty cell keeps its place (a reader counts columns by them); a header
 * cell's TH heads its column (/Scope /Column). */
static uint32_t make_row_elem(pdf_struct *s, const block *row)
{
    bool head = row->kind == BK_TABLE_HEAD;
    uint32_t tr = new_elem(s, table_group(s, row->parent, head), "TR");
    elems_of(s, row)->main = tr;
    for (size_t i = 0; i < row->n_children; i++) {
        uint32_t cell = new_elem(s, tr, head ? "TH" : "TD");
        s->elems.items[cell].column_header = head;
        elems_of(s, row->children[i])->main = cell;
    }
    return tr;
}

/* A row's TR, after those of the rows before it that show nothing (all
 * their cells empty), so that a reader still counts them. */
static uint32_t table_row_elem(pdf_struct *s, const block *row)
{
    const block *t = row->parent;
    /* the header is child 0, body row n child n (table_load.c) */
    size_t k = row->kind == BK_TABLE_HEAD ? 0 : (size_t)row->ordinal, j = k;
    if (k < t->n_children && t->children[k] == row)
        while (j > 0 && elems_of(s, t->children[j - 1])->main == NONE)
            j--;
    for (; j < k; j++)
        make_row_elem(s, t->children[j]);
    return make_row_elem(s, row);
}

/* b's own element: its heading, paragraph or LI (the root's: the title). */
static uint32_t main_of(pdf_struct *s, const block *b)
{
    uint32_t e = elems_of(s, b)->main;
    if (e == NONE && (b->kind == BK_TABLE_HEAD || b->kind == BK_TABLE_ROW))
        return table_row_elem(s, b);
    if (e == NONE && b->kind == BK_TABLE_CELL) {
        main_of(s, b->parent);
        return elems_of(s, b)->main;
    }
    if (e == NONE) {
        uint32_t parent = b->kind == BK_DOCUMENT ? 0
                          : is_listed(b->kind)   ? list_for(s, b)
                                                 : children_container(s, b->parent);
        e = new_elem(s, parent, main_type(b->kind));
        /* PDF/UA-1 7.3: a Figure says in /Alt what it shows */
        if (b->image && b->image->alt)
            extra_of(s, e)->alt = pdf_text_hex(b->image->alt);
        elems_of(s, b)->main = e;
    }
    return e;
}

/* Where b's label goes: a listed block's Lbl, else its own element. */
static uint32_t label_of(pdf_struct *s, const block *b)
{
    uint32_t li = main_of(s, b);
    if (!is_listed(b->kind))
        return li;
    uint32_t e = elems_of(s, b)->label;
    if (e == NONE)
        elems_of(s, b)->label = e = new_elem(s, li, "Lbl");
    return e;
}

/* Where b's text goes: a listed block's LBody, a table's Caption, else its own element. */
static uint32_t body_of(pdf_struct *s, const block *b)
{
    if (b->kind == BK_TABLE)
        return caption_of(s, b);
    uint32_t li = main_of(s, b);
    if (!is_listed(b->kind))
        return li;
    uint32_t e = elems_of(s, b)->body;
    if (e == NONE)
        elems_of(s, b)->body = e = new_elem(s, li, "LBody");
    return e;
}

/* The Span of b's (新) mark, in its text's element, spoken as 新規. */
static uint32_t new_mark_of(pdf_struct *s, const block *b)
{
    uint32_t body = body_of(s, b);
    uint32_t e = elems_of(s, b)->new_mark;
    if (e == NONE) {
        e = new_elem(s, body, "Span");
        s->elems.items[e].spoken_new = true;
        elems_of(s, b)->new_mark = e;
    }
    return e;
}

/* The Link element of b's URL link: the one made on this page or continued
 * from the last (a URL broken over a page), else a new one in b's text. */
static uint32_t link_of(pdf_struct *s, const block *b, uint32_t link)
{
    for (size_t i = s->links.n; i-- > 0;)
        if (s->links.items[i].block == b && s->links.items[i].link == link)
            return s->links.items[i].elem;
    uint32_t body = body_of(s, b);
    uint32_t last = s->elems.items[body].last_elem;
    const elem_extra *lx = last != NONE ? extra_if(s, &s->elems.items[last]) : NULL;
    uint32_t e = lx && lx->link_block == b && lx->link == link ? last : new_elem(s, body, "Link");
    elem_extra *x = extra_of(s, e);
    x->link_block = b;
    x->link = link;
    VEC_APPEND(s->links, ((link_elem){.block = b, .link = link, .elem = e}));
    return e;
}

static uint32_t byline_of(pdf_struct *s, const block *root)
{
    uint32_t e = elems_of(s, root)->byline;
    if (e == NONE)
        elems_of(s, root)->byline = e = new_elem(s, 0, "P");
    return e;
}

/* The contents: their title an H2 (目次, at the level of the parts it
 * lists), then the TOC, made at its first entry. */
static uint32_t toc_title_of(pdf_struct *s, const block *root)
{
    uint32_t e = elems_of(s, root)->toc_title;
    if (e == NONE)
        elems_of(s, root)->toc_title = e = new_elem(s, 0, "H2");
    return e;
}

static uint32_t toc_of(pdf_struct *s, const block *heading)
{
    const block *root = heading;
    while (root->parent)
        root = root->parent;
    uint32_t e = elems_of(s, root)->toc;
    if (e == NONE)
        elems_of(s, root)->toc = e = new_elem(s, 0, "TOC");
    return e;
}

/* A contents entry: TOCI > Link, which holds its text and number and an
 * object reference to its link annotation (the leader is an artifact). */
static uint32_t toc_entry_of(pdf_struct *s, const block *heading)
{
    uint32_t toc = toc_of(s, heading);
    uint32_t ref = elems_of(s, heading)->toc_ref;
    if (ref == NONE) {
        uint32_t item = new_elem(s, toc, "TOCI");
        ref = new_elem(s, item, "Link");
        block_elems *be = elems_of(s, heading);
        be->toci = item;
        be->toc_ref = ref;
    }
    return ref;
}

HPDF_STATUS pdf_struct_set_bbox(pdf_struct *s, pg_origin o, float x0, float y0, float x1, float y1)
{
    if (!o.block)
        return s->st;
    elem_extra *e = extra_of(s, main_of(s, o.block));
    if (e->has_bbox)
        return s->st;
    e->has_bbox = true;
    e->bbox[0] = x0, e->bbox[1] = y0, e->bbox[2] = x1, e->bbox[3] = y1;
    return s->st;
}

/* The element a run of origin o (and URL link) belongs to; NONE for an
 * artifact. */
static uint32_t elem_of_run(pdf_struct *s, pg_origin o, uint32_t link)
{
    if (!o.block)
        return NONE;
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
    return NONE;
}

/* ---- marked content --------------------------------------------------- */

/* Records the next MCID of the page under e; returns it. */
static uint32_t add_mcid(pdf_struct *s, uint32_t e)
{
    uint32_t mcid = (uint32_t)(s->parents.n - s->page_start.items[s->page_start.n - 1]);
    VEC_APPEND(s->parents, e);
    int32_t page = page_index(s);
    if (s->elems.items[e].page < 0)
        s->elems.items[e].page = page;
    add_kid(s, e, KID_MCID, page, mcid);
    return mcid;
}

/* Appends the decimal digits of v. */
static char *put_uint(char *p, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n > 0)
        *p++ = tmp[--n];
    return p;
}

static char *put_str(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n);
    return p + n;
}

HPDF_STATUS pdf_struct_open_run(pdf_struct *s, pg_origin o, uint32_t link)
{
    uint32_t e = elem_of_run(s, o, link);
    char op[64], *p = op;   /* the longest: "/Artifact <</Type /Pagination>> BDC\n" */
    if (e != NONE) {
        *p++ = '/';
        p = put_str(p, s->elems.items[e].type);   /* at most 8 bytes: "Document" */
        p = put_str(p, " <</MCID ");
        p = put_uint(p, add_mcid(s, e));
        p = put_str(p, ">> BDC\n");
    } else {   /* ISO 32000-1 14.8.2.2.2: furniture is pagination, bands and marks layout */
        p = put_str(p, o.role == PG_ROLE_ARTIFACT || !o.block ? "/Artifact <</Type /Pagination>> BDC\n"
                                                             : "/Artifact <</Type /Layout>> BDC\n");
    }
    note(s, shim_page_write(s->page, op, (size_t)(p - op)));
    return s->st;
}

HPDF_STATUS pdf_struct_close_run(pdf_struct *s)
{
    note(s, shim_page_write(s->page, "EMC\n", 4));
    return s->st;
}

/* ---- pages and the tree ----------------------------------------------- */

pdf_struct *pdf_struct_new(HPDF_Doc pdf, const char *const *list_numbering)
{
    pdf_struct *s = xcalloc(1, sizeof *s);
    s->pdf = pdf;
    s->list_numbering = list_numbering;
    s->root = shim_dict_new_indirect(pdf);
    if (!s->root)
        note(s, SHIM_NO_MEMORY);
    s->new_mark_text = pdf_text_hex(NEW_MARK_SPOKEN);
    new_elem(s, NONE, "Document");
    VEC_APPEND(s->page_start, 0);
    return s;
}

void pdf_struct_free(pdf_struct *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->extras.n; i++)
        free(s->extras.items[i].alt);
    free(s->extras.items);
    free(s->elems.items);
    free(s->kids.items);
    free(s->map);
    free(s->page_objs.items);
    free(s->parents.items);
    free(s->page_start.items);
    free(s->links.items);
    free(s->annots.items);
    free(s->new_mark_text);
    free(s);
}

HPDF_STATUS pdf_struct_begin_page(pdf_struct *s, HPDF_Page page)
{
    s->page = page;
    pdf_dict dict = shim_page_dict(page);
    VEC_APPEND(s->page_objs, shim_object_number(dict));
    if (s->page_objs.items[s->page_objs.n - 1] == 0)
        note(s, SHIM_INVALID_OBJECT);
    note(s, shim_dict_add_int(dict, "StructParents", page_index(s)));
    /* PDF/UA-1 7.18.3: a page with annotations tabs in structure order */
    note(s, shim_dict_add_name(dict, "Tabs", "S"));
    return s->st;
}

HPDF_STATUS pdf_struct_add_link(pdf_struct *s, pdf_dict annot, const block *b, uint32_t link)
{
    uint32_t e = link_of(s, b, link);
    uint32_t num = shim_object_number(annot);
    if (num == 0)
        note(s, SHIM_INVALID_OBJECT);
    add_kid(s, e, KID_OBJR, page_index(s), num);
    VEC_APPEND(s->annots, ((annot_parent){.annot = annot, .link = e}));
    return s->st;
}

/* The index of page among those begun (a contents page, drawn before the
 * pages its entries lead to). */
static int32_t index_of_page(const pdf_struct *s, HPDF_Page page)
{
    uint32_t num = shim_object_number(shim_page_dict(page));
    for (size_t i = s->page_objs.n; i-- > 0;)
        if (s->page_objs.items[i] == num)
            return (int32_t)i;
    return -1;
}

HPDF_STATUS pdf_struct_add_toc_link(pdf_struct *s, pdf_dict annot, HPDF_Page page, const block *heading)
{
    uint32_t e = toc_entry_of(s, heading);
    uint32_t num = shim_object_number(annot);
    int32_t at = index_of_page(s, page);
    if (num == 0 || at < 0)
        note(s, SHIM_INVALID_OBJECT);
    else
        add_kid(s, e, KID_OBJR, at, num);
    VEC_APPEND(s->annots, ((annot_parent){.annot = annot, .link = e}));
    return s->st;
}

HPDF_STATUS pdf_struct_end_page(pdf_struct *s)
{
    s->links.n = 0;
    VEC_APPEND(s->page_start, s->parents.n);
    return s->st;
}

HPDF_STATUS pdf_struct_finish(pdf_struct *s)
{
    /* the annotations' /StructParent keys follow the last page's */
    int key = page_index(s) + 1;
    for (size_t i = 0; i < s->annots.n; i++, key++)
        note(s, shim_dict_add_int(s->annots.items[i].annot, "StructParent", key));
    pdf_dict catalog = shim_catalog(s->pdf);
    note(s, shim_dict_add_dict(catalog, "StructTreeRoot", s->root));
    pdf_dict mark_info = shim_dict_new(s->pdf);
    note(s, shim_dict_add_bool(mark_info, "Marked", true));
    note(s, shim_dict_add_dict(catalog, "MarkInfo", mark_info));
    return s->st;
}

/* ---- the objects, as PDF source --------------------------------------- */

typedef struct writer {
    sbuf *out;
    size_t first;            /* the object number of element 0 */
    size_t first_leaf;       /* of the ParentTree's first leaf (several leaves only) */
    const uint32_t *page_objs;
} writer;

static void put_num(sbuf *b, uint64_t v)
{
    char tmp[24];
    sbuf_append(b, tmp, (size_t)(put_uint(tmp, v) - tmp));
}

/* A coordinate to 0.01pt, without a needless fraction or sign. */
static void put_real(sbuf *b, float v)
{
    long hundredths = lroundf(v * 100.0f);
    if (hundredths < 0) {
        sbuf_putc(b, '-');
        hundredths = -hundredths;
    }
    put_num(b, (uint64_t)(hundredths / 100));
    if (hundredths % 100) {
        char frac[4] = {'.', (char)('0' + hundredths % 100 / 10), (char)('0' + hundredths % 10), 0};
        if (frac[2] == '0')
            frac[2] = 0;
        sbuf_puts(b, frac);
    }
}

static void put_ref(sbuf *b, uint64_t num)
{
    char tmp[32], *p = put_uint(tmp, num);
    memcpy(p, " 0 R", 4);
    sbuf_append(b, tmp, (size_t)(p + 4 - tmp));
}

/* PDF source with no space a delimiter makes needless: "<</S/P/P 26 0 R/K[0 1]>>". */
static void write_elem(const pdf_struct *s, const writer *w, const elem *e)
{
    sbuf *b = w->out;
    sbuf_puts(b, "<</S/");
    sbuf_puts(b, e->type);
    sbuf_puts(b, "/P ");
    put_ref(b, e->parent == NONE ? shim_object_number(s->root) : w->first + e->parent);
    if (e->page >= 0) {
        sbuf_puts(b, "/Pg ");
        put_ref(b, w->page_objs[e->page]);
    }
    if (e->spoken_new) {
        sbuf_puts(b, "/ActualText");
        sbuf_puts(b, s->new_mark_text);
    }
    if (strcmp(e->type, "Note") == 0) {   /* ISO 14289-1 7.9 (Matterhorn 19-003, 19-004): a unique /ID */
        sbuf_puts(b, "/ID(note-");
        put_num(b, (uint64_t)(e - s->elems.items));
        sbuf_putc(b, ')');
    }
    const elem_extra *x = extra_if(s, e);
    if (x && x->alt) {
        sbuf_puts(b, "/Alt");
        sbuf_puts(b, x->alt);
    }
    if (x && x->has_bbox) {   /* ISO 14289-1 7.3 (Matterhorn 13): where the Figure is, for reflow */
        sbuf_puts(b, "/A<</O/Layout/BBox[");
        for (int i = 0; i < 4; i++) {
            if (i > 0)
                sbuf_putc(b, ' ');
            put_real(b, x->bbox[i]);
        }
        sbuf_puts(b, "]>>");
    }
    if (e->column_header)   /* ISO 14289-1 7.5: a TH says what it heads */
        sbuf_puts(b, "/A<</O/Table/Scope/Column>>");
    if (x && x->numbering) {   /* ISO 14289-1 7.6: how the Lbl are numbered, for the reader to announce */
        sbuf_puts(b, "/A<</O/List/ListNumbering/");
        sbuf_puts(b, x->numbering);
        sbuf_puts(b, ">>");
    }
    sbuf_puts(b, "/K[");
    for (uint32_t k = e->first_kid; k != NONE; k = s->kids.items[k].next) {
        const kid *kd = &s->kids.items[k];
        if (k != e->first_kid)
            sbuf_putc(b, ' ');
        if (kd->kind == KID_ELEM) {
            put_ref(b, w->first + kd->value);
        } else if (kd->kind == KID_OBJR) {
            sbuf_puts(b, "<</Type/OBJR/Pg ");
            put_ref(b, w->page_objs[kd->page]);
            sbuf_puts(b, "/Obj ");
            put_ref(b, kd->value);
            sbuf_puts(b, ">>");
        } else if (kd->page == e->page) {
            put_num(b, kd->value);
        } else {
            sbuf_puts(b, "<</Type/MCR/Pg ");
            put_ref(b, w->page_objs[kd->page]);
            sbuf_puts(b, "/MCID ");
            put_num(b, kd->value);
            sbuf_puts(b, ">>");
        }
    }
    sbuf_puts(b, "]>>");
}

/* The /Nums entries of pages [from, to): each page's index and the array
 * of its MCIDs' elements; with annots, then the link annotations' keys
 * (after the last page's: a number tree's keys ascend leaf by leaf), each
 * with its Link element. */
static void write_nums(const pdf_struct *s, const writer *w, size_t from, size_t to, bool annots)
{
    sbuf *b = w->out;
    sbuf_puts(b, "/Nums[");
    for (size_t p = from; p < to; p++) {
        if (p > from)
            sbuf_putc(b, ' ');
        put_num(b, p);
        sbuf_putc(b, '[');
        for (size_t i = s->page_start.items[p]; i < s->page_start.items[p + 1]; i++) {
            if (i > s->page_start.items[p])
                sbuf_putc(b, ' ');
            put_ref(b, w->first + s->parents.items[i]);
        }
        sbuf_putc(b, ']');
    }
    for (size_t i = 0; annots && i < s->annots.n; i++) {
        sbuf_putc(b, ' ');
        put_num(b, to + i);
        sbuf_putc(b, ' ');
        put_ref(b, w->first + s->annots.items[i].link);
    }
    sbuf_putc(b, ']');
}

static void end_body(pdf_more_objects *out)
{
    VEC_APPEND(out->ends, out->text.len);
}

void pdf_struct_objects(void *ctx, size_t first, pdf_more_objects *out)
{
    const pdf_struct *s = ctx;
    size_t n_pages = s->page_start.n - 1;
    size_t n_leaves = (n_pages + PARENT_TREE_LEAF_PAGES - 1) / PARENT_TREE_LEAF_PAGES;
    writer w = {.out = &out->text, .first = first, .first_leaf = first + s->elems.n,
                .page_objs = s->page_objs.items};
    out->replaced = shim_object_number(s->root);
    /* the StructTreeRoot: the ParentTree one /Nums, or a root whose /Kids
     * are the leaves, each with the /Limits of the page indices it holds */
    sbuf_puts(w.out, "<</Type/StructTreeRoot/K ");
    put_ref(w.out, first);
    sbuf_puts(w.out, "/ParentTree<<");
    if (n_leaves <= 1) {
        write_nums(s, &w, 0, n_pages, true);
    } else {
        sbuf_puts(w.out, "/Kids[");
        for (size_t i = 0; i < n_leaves; i++) {
            if (i > 0)
                sbuf_putc(w.out, ' ');
            put_ref(w.out, w.first_leaf + i);
        }
        sbuf_putc(w.out, ']');
    }
    sbuf_puts(w.out, ">>/ParentTreeNextKey ");
    put_num(w.out, n_pages + s->annots.n);
    sbuf_puts(w.out, ">>");
    end_body(out);
    for (size_t i = 0; i < s->elems.n; i++) {
        write_elem(s, &w, &s->elems.items[i]);
        end_body(out);
    }
    for (size_t i = 0; n_leaves > 1 && i < n_leaves; i++) {
        size_t from = i * PARENT_TREE_LEAF_PAGES;
        size_t to = from + PARENT_TREE_LEAF_PAGES < n_pages ? from + PARENT_TREE_LEAF_PAGES : n_pages;
        bool last = i + 1 == n_leaves;   /* it holds the annotations' keys too */
        sbuf_puts(w.out, "<</Limits[");
        put_num(w.out, from);
        sbuf_putc(w.out, ' ');
        put_num(w.out, to - 1 + (last ? s->annots.n : 0));
        sbuf_putc(w.out, ']');
        write_nums(s, &w, from, to, last);
        sbuf_puts(w.out, ">>");
        end_body(out);
    }
}
