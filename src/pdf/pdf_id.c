/* pdf_id.c — the trailer /ID (PDF §14.4): a 128-bit hash (disk_cache.h's,
 * about a tenth of MD5's instructions; the /ID needs no cryptographic
 * strength) of the page model, the metadata, the imposition and the
 * embedded font bytes, so that the same
 * input always gives the same identifier and different files differ.
 * Fields are hashed one by one: struct padding is never read. */
#include "pdf_id.h"

#include "layout.h"

#include <string.h>

typedef pdf_id_hash hasher;

static void flush(hasher *h)
{
    if (h->n > 0)
        cache_hash_update(&h->state, h->buf, h->n);
    h->n = 0;
}

static void hash_bytes(hasher *h, const void *p, size_t n)
{
    if (h->n + n <= sizeof h->buf) {
        memcpy(h->buf + h->n, p, n);
        h->n += n;
        return;
    }
    flush(h);
    cache_hash_update(&h->state, p, n);
}

static void hash_u32(hasher *ctx, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
                          (unsigned char)v};
    hash_bytes(ctx, b, 4);
}

static void hash_float(hasher *ctx, float f)
{
    uint32_t v;
    memcpy(&v, &f, sizeof v);
    hash_u32(ctx, v);
}

static void hash_str(hasher *ctx, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    hash_u32(ctx, s ? (uint32_t)n : 0xFFFFFFFFu);
    hash_bytes(ctx, s ? s : "", n);
}

static void hash_shape(hasher *ctx, const pg_shape *s)
{
    hash_u32(ctx, (uint32_t)s->kind);
    hash_float(ctx, s->x0);
    hash_float(ctx, s->y0);
    hash_float(ctx, s->x1);
    hash_float(ctx, s->y1);
    hash_float(ctx, s->line_width);
    hash_u32(ctx, s->color);
}

static void hash_page(hasher *ctx, const pg_page *p)
{
    hash_u32(ctx, (uint32_t)p->n_glyphs);
    for (size_t i = 0; i < p->n_glyphs; i++) {
        const pg_glyph *g = &p->glyphs[i];
        hash_u32(ctx, g->cp);
        hash_u32(ctx, g->font);
        hash_u32(ctx, g->color);
        hash_float(ctx, g->size);
        hash_float(ctx, g->x);
        hash_float(ctx, g->y);
    }
    hash_u32(ctx, (uint32_t)p->n_shapes);
    for (size_t i = 0; i < p->n_shapes; i++)
        hash_shape(ctx, &p->shapes[i]);
    hash_u32(ctx, (uint32_t)p->n_marks);
    for (size_t i = 0; i < p->n_marks; i++) {
        hash_u32(ctx, (uint32_t)p->marks[i].level);
        hash_str(ctx, p->marks[i].title);
        hash_float(ctx, p->marks[i].y);
    }
}

static void hash_meta(hasher *ctx, const pdf_meta *m)
{
    hash_str(ctx, m->title);
    hash_str(ctx, m->author);
    hash_str(ctx, m->subject);
    hash_str(ctx, m->keywords);
    hash_str(ctx, m->creator);
    hash_str(ctx, m->date);
    hash_str(ctx, m->lang);
    hash_u32(ctx, m->show_outline);
    hash_u32(ctx, (uint32_t)m->n_labels);
    for (size_t i = 0; i < m->n_labels; i++) {
        hash_u32(ctx, (uint32_t)m->labels[i].first);
        hash_u32(ctx, (uint32_t)m->labels[i].style);
        hash_u32(ctx, (uint32_t)m->labels[i].start);
        hash_str(ctx, m->labels[i].prefix);
    }
}

static void hash_sheets(hasher *ctx, const pdf_sheet *sheets, size_t n)
{
    hash_u32(ctx, (uint32_t)n);
    for (size_t s = 0; s < n; s++) {
        hash_float(ctx, sheets[s].width);
        hash_float(ctx, sheets[s].height);
        hash_u32(ctx, (uint32_t)sheets[s].n_place);
        for (int i = 0; i < sheets[s].n_place && i < 4; i++) {
            hash_u32(ctx, (uint32_t)sheets[s].place[i].page);
            for (int k = 0; k < 6; k++)
                hash_float(ctx, sheets[s].place[i].m[k]);
        }
        hash_page(ctx, &sheets[s].marks);
    }
}

void pdf_id_begin(pdf_id_hash *h, const pg_doc *doc)
{
    h->n = 0;
    cache_hash_init(&h->state, 0x6B756D6968616E49ull);   /* "kumihanI" */
    hash_float(h, doc->width);
    hash_float(h, doc->height);
    hash_u32(h, (uint32_t)doc->n_pages);
}

void pdf_id_page(pdf_id_hash *h, const pg_page *page)
{
    hash_page(h, page);
}

HPDF_STATUS pdf_id_finish(HPDF_Doc pdf, pdf_id_hash *h, const pdf_meta *meta, const pdf_fonts *pf,
                          const pdf_sheet *sheets, size_t n_sheets)
{
    hasher *ctx = h;
    hash_meta(ctx, meta);
    hash_sheets(ctx, sheets, sheets ? n_sheets : 0);
    for (size_t r = 0; r < pf->n; r++)
        if (pf->fonts[r].used) {
            hash_str(ctx, pf->fonts[r].base_font);
            hash_bytes(ctx, pf->fonts[r].sub.data, pf->fonts[r].sub.size);
        }
    flush(ctx);
    cache_key k = cache_hash_final(&ctx->state);
    unsigned char digest[16];
    for (int i = 0; i < 16; i++)
        digest[i] = (unsigned char)(k.h[i / 8] >> (56 - 8 * (i % 8)));
    pdf_array id = shim_array_new(pdf);
    if (!id)
        return SHIM_NO_MEMORY;
    HPDF_STATUS st = shim_array_add_bytes(id, digest, sizeof digest);
    if (st == HPDF_OK)
        st = shim_array_add_bytes(id, digest, sizeof digest);
    if (st == HPDF_OK)
        st = shim_dict_add_array(shim_trailer(pdf), "ID", id);
    return st;
}
