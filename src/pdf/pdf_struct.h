/* pdf_struct.h — the reading PDF's logical structure (ISO 32000-1 14.7,
 * PDF/UA-1 ISO 14289-1 7): the structure tree built from the blocks the
 * page model's runs come from, and the marked-content operators that tie
 * each run to it.  A run of content becomes a marked-content sequence with
 * an MCID under its block's element; furniture, bands, rules and change
 * marks become /Artifact sequences.  Elements are made the first time
 * their content is drawn, so the tree's order is the reading order of the
 * glyphs.  The blocks → structure types (standard types only, no RoleMap):
 *
 *   document          Document; its title H1, its organisation line P
 *   part, section,    H2, H3, H4 (flat in their container, as HTML does)
 *   subsection
 *   paragraph         P
 *   item, bullet,     LI in an L (one L per stretch of siblings of one
 *   entry             kind) > Lbl (the number) + LBody (the text, and the
 *                     lists nested in the block)
 *   (新) mark         Span with /ActualText "新規" in the element of its text
 *   URL, e-mail       Link in the element of its text: its glyphs' MCIDs and
 *                     an object reference to each of its link annotations
 *   note              Note (its ※ marker and its text), in its block's container
 *   letter head,      P each: reference, date, addressee and issuer lines,
 *   記, 以上           the record's 記 and its 以上
 *   figure, logo      Figure with /Alt and /A <</O /Layout /BBox […]>>; the
 *                     image drawn inside its marked content
 *   caption           Caption, after its Figure
 *   contents (toc)    H2 (its title, 目次), then TOC > TOCI > Link (the entry's
 *                     text and page number, an OBJR to its link annotation;
 *                     the leader is an artifact)
 *   table             Table > Caption (its caption, first or last as set),
 *                     THead > TR > TH (/A <</O /Table /Scope /Column>>),
 *                     TBody > TR > TD; a header repeated on a continuation
 *                     page is an /Artifact /Pagination (read once)
 *
 * Internal to the pdf_*.c files (stage: pages → PDF). */
#ifndef KUMIHAN_PDF_STRUCT_H
#define KUMIHAN_PDF_STRUCT_H

#include <stdint.h>

#include "pages.h"
#include "pdf_hpdf_shim.h"
#include "pdf_objstm.h"

typedef struct pdf_struct pdf_struct;

/* A structure tree for the document pdf; NULL never (aborts on OOM).
 * list_numbering (may be NULL; kept, not copied) gives each listed block
 * kind's /ListNumbering attribute (pdf_meta.list_numbering). */
pdf_struct *pdf_struct_new(HPDF_Doc pdf, const char *const *list_numbering);
void pdf_struct_free(pdf_struct *s);

/* Starts the marked content of the next page (pages in order): its MCIDs
 * count from 0, and its page dictionary gets /StructParents (the page's
 * index) and /Tabs /S. */
HPDF_STATUS pdf_struct_begin_page(pdf_struct *s, HPDF_Page page);
/* Opens the marked-content sequence of a run of origin o on the current
 * page: writes "/Tag <</MCID n>> BDC" (and records n under the block's
 * element, or under the Link element of the block's URL link, a
 * pg_glyph.link, when link is not 0) or "/Artifact <</Type …>> BDC". */
HPDF_STATUS pdf_struct_open_run(pdf_struct *s, pg_origin o, uint32_t link);
/* Ties a contents entry's link annotation (on page) to its TOCI's Link. */
HPDF_STATUS pdf_struct_add_toc_link(pdf_struct *s, pdf_dict annot, HPDF_Page page, const struct block *heading);
/* Gives the element of o's block (a Figure) its layout bounding box, once. */
HPDF_STATUS pdf_struct_set_bbox(pdf_struct *s, pg_origin o, float x0, float y0, float x1, float y1);
/* Closes it: EMC. */
HPDF_STATUS pdf_struct_close_run(pdf_struct *s);
/* Ties a link annotation of the current page (drawn after its text) to
 * the Link element of block's URL link: an /OBJR in the element, and the
 * annotation's /StructParent (ISO 14289-1 7.18.5; Matterhorn 28-011). */
HPDF_STATUS pdf_struct_add_link(pdf_struct *s, pdf_dict annot, const struct block *block,
                                uint32_t link);
/* Ends the page: its ParentTree entry, the elements of its MCIDs in order. */
HPDF_STATUS pdf_struct_end_page(pdf_struct *s);

/* Adds the StructTreeRoot (a placeholder in libharu, see
 * pdf_struct_objects) and /MarkInfo <</Marked true>> to the catalog. */
HPDF_STATUS pdf_struct_finish(pdf_struct *s);

/* The tree as PDF source, a pdf_more_fn for pdf_pack_objects (ctx: the
 * pdf_struct): the StructTreeRoot with its ParentTree, then every
 * element, then the ParentTree's leaves when it has several. */
void pdf_struct_objects(void *ctx, size_t first, pdf_more_objects *out);

#endif
