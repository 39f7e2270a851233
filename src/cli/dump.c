/* dump.c — text dumps of the pipeline's stages. */
#include "dump.h"

#include <stdlib.h>
#include <string.h>
#include "block_label.h"
#include "i18n.h"
#include "utf8.h"

static const char *const stages[] = {"tree", "lines", "pages", "text", NULL};

bool dump_stage_known(const char *stage)
{
    for (int i = 0; stage && stages[i]; i++)
        if (strcmp(stage, stages[i]) == 0)
            return true;
    return false;
}

static void put_cp(uint32_t cp, FILE *out)
{
    char buf[4];
    fwrite(buf, 1, utf8_encode(cp, buf), out);
}

/* ---- tree ----------------------------------------------------------------- */

typedef struct tree_ctx {
    const layout *lay;
    FILE *out;
} tree_ctx;

static bool print_block(const block *b, void *ctx)
{
    tree_ctx *t = ctx;
    if (b->kind == BK_DOCUMENT)
        return true;
    char *label = block_label(b, t->lay);
    fprintf(t->out, "%*s%s %s%s%s  @%d:%d\n", 2 * (block_depth(b) - 1), "", block_kind_name(b->kind),
            label ? label : "", b->is_new ? "(new) " : "", b->text ? b->text : "", b->loc.line, b->loc.col);
    free(label);
    return true;
}

static void dump_tree(const pipeline *p, FILE *out)
{
    tree_ctx t = {p->lay, out};
    fprintf(out, "document %s / %s\n", p->doc->title ? p->doc->title : "", p->doc->organization ? p->doc->organization : "");
    doc_walk(p->doc->root, print_block, &t);
}

/* ---- lines ------------------------------------------------------------------ */

static void print_glyph_text(const pg_glyph *g, size_t n, FILE *out)
{
    for (size_t i = 0; i < n; i++)
        put_cp(g[i].cp, out);
}

static void dump_lines(const pipeline *p, FILE *out)
{
    const flow *f = &p->fl;
    for (size_t i = 0; i < f->n_items; i++) {
        const flow_item *it = &f->items[i];
        if (it->kind == FLOW_SPACE) {
            fprintf(out, "space %.2f\n", it->lines);
            continue;
        }
        const pg_glyph *g = f->glyphs + it->glyph_first;
        float x0 = it->glyph_count ? g[0].x : 0;
        float x1 = it->glyph_count ? g[it->glyph_count - 1].x + g[it->glyph_count - 1].width : 0;
        fprintf(out, "line %.2f x=%.2f..%.2f%s%s", it->lines, x0, x1, it->keep_with_next ? " keep" : "",
                it->page_break_before ? " break" : "");
        if (it->para >= 0)
            fprintf(out, " para=%d:%d/%d", it->para, it->para_line + 1, it->para_lines);
        fputs(" | ", out);
        print_glyph_text(g, it->glyph_count, out);
        fputc('\n', out);
    }
}

/* ---- pages ------------------------------------------------------------------ */

/* Glyphs of a page grouped into lines by baseline, in drawing order. */
static void dump_page_lines(const pg_page *pg, FILE *out)
{
    size_t i = 0;
    while (i < pg->n_glyphs) {
        size_t j = i + 1;
        while (j < pg->n_glyphs && pg->glyphs[j].y == pg->glyphs[i].y && pg->glyphs[j].x >= pg->glyphs[j - 1].x)
            j++;
        const pg_glyph *last = &pg->glyphs[j - 1];
        fprintf(out, "  y=%.2f x=%.2f..%.2f | ", pg->glyphs[i].y, pg->glyphs[i].x, last->x + last->width);
        print_glyph_text(pg->glyphs + i, j - i, out);
        fputc('\n', out);
        i = j;
    }
}

static void dump_pages(const pipeline *p, FILE *out)
{
    for (size_t i = 0; i < p->pages.n_pages; i++) {
        const pg_page *pg = &p->pages.pages[i];
        fprintf(out, "page %zu%s head=%s\n", i + 1, pg->blank ? " blank" : "",
                pg->running_head ? pg->running_head : "-");
        for (size_t m = 0; m < pg->n_marks; m++)
            fprintf(out, "  mark %d y=%.2f %s\n", pg->marks[m].level, pg->marks[m].y, pg->marks[m].title);
        for (size_t s = 0; s < pg->n_shapes; s++) {
            const pg_shape *sh = &pg->shapes[s];
            fprintf(out, "  shape %d (%.2f,%.2f)-(%.2f,%.2f) #%06x\n", (int)sh->kind, sh->x0, sh->y0, sh->x1,
                    sh->y1, (unsigned)sh->color);
        }
        for (size_t m = 0; m < pg->n_images; m++) {
            const pg_image *im = &pg->images[m];
            fprintf(out, "  image (%.2f,%.2f) %.2fx%.2f %s\n", im->x, im->y, im->w, im->h, im->path);
        }
        for (size_t l = 0; l < pg->n_links; l++)
            if (pg->links[l].goto_page)
                fprintf(out, "  goto (%.2f,%.2f)-(%.2f,%.2f) page %zu\n", pg->links[l].x0, pg->links[l].y0,
                        pg->links[l].x1, pg->links[l].y1, pg->links[l].goto_page);
        dump_page_lines(pg, out);
    }
}

/* ---- text ------------------------------------------------------------------- */

typedef struct text_ctx {
    const layout *lay;
    FILE *out;
} text_ctx;

static bool print_text(const block *b, void *ctx)
{
    text_ctx *t = ctx;
    if (!b->text)
        return true;
    char *label = block_label(b, t->lay);
    fprintf(t->out, "%s%s%s\n", label ? label : "", b->is_new ? t->lay->new_mark_text : "", b->text);
    free(label);
    return true;
}

static void dump_text(const pipeline *p, FILE *out)
{
    text_ctx t = {p->lay, out};
    fprintf(out, "%s\n%s\n", p->doc->title ? p->doc->title : "", p->doc->organization ? p->doc->organization : "");
    doc_walk(p->doc->root, print_text, &t);
}

bool dump_stage(const pipeline *p, const char *stage, FILE *out, diag_list *dl)
{
    if (strcmp(stage, "tree") == 0)
        dump_tree(p, out);
    else if (strcmp(stage, "lines") == 0)
        dump_lines(p, out);
    else if (strcmp(stage, "pages") == 0)
        dump_pages(p, out);
    else if (strcmp(stage, "text") == 0)
        dump_text(p, out);
    else {
        diag_report(dl, D_USAGE, (src_loc){0}, _("unknown stage '%s'"), stage);
        return false;
    }
    return true;
}
