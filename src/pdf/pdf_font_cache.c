/* pdf_font_cache.c — a font subset and its compressed program as one disk
 * cache entry: a fixed header of counts and font-wide values, then the
 * arrays and the two byte strings.  The entry repeats the code points it
 * was made for, and a load checks them, so that even a key collision
 * cannot put wrong glyphs in a file.  Native byte order: the cache is one
 * machine's. */
#include "pdf_font_cache.h"

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "xalloc.h"

/* Changes whenever the entry layout, the subsetter's options or the
 * compression level change, so old entries are never read as new. */
#define FORMAT_SEED 0x666F6E7401ull   /* "font", v1 */

typedef struct entry_header {
    uint64_t n_cps, n_glyphs, data_size, program_size;
    int32_t units_per_em, x_min, y_min, x_max, y_max;
    float italic_angle;
} entry_header;

bool pdf_font_cache_key(const char *font_path, const uint32_t *cps, size_t n_cps, cache_key *key)
{
    cache_key file;
    if (!disk_cache_enabled() || !disk_cache_file_hash(font_path, &file))
        return false;
    cache_hasher s;
    cache_hash_init(&s, FORMAT_SEED);
    cache_hash_update(&s, file.h, sizeof file.h);
    cache_hash_update(&s, cps, n_cps * sizeof *cps);
    *key = cache_hash_final(&s);
    return true;
}

/* Takes n bytes at *p into a new buffer, advancing *p. */
static void *take(const unsigned char **p, size_t n)
{
    void *out = xmalloc(n ? n : 1);
    memcpy(out, *p, n);
    *p += n;
    return out;
}

bool pdf_font_cache_load(cache_key key, const uint32_t *cps, size_t n_cps, font_subset *sub,
                         pdf_deflate_job *program)
{
    unsigned char *raw = NULL;
    size_t len = 0;
    if (!disk_cache_read("font", key, &raw, &len))
        return false;
    entry_header h;
    bool ok = len >= sizeof h;
    if (ok) {
        memcpy(&h, raw, sizeof h);
        ok = h.n_cps == n_cps && h.n_glyphs <= 0x10000 && h.data_size <= len && h.program_size <= len
             && len == sizeof h + h.n_glyphs * 2 + n_cps * (4 + 2) + h.data_size + h.program_size
             && memcmp(raw + sizeof h + h.n_glyphs * 2, cps, n_cps * sizeof *cps) == 0;
    }
    if (!ok) {
        free(raw);
        return false;
    }
    const unsigned char *p = raw + sizeof h;
    memset(sub, 0, sizeof *sub);
    sub->n_glyphs = (unsigned)h.n_glyphs;
    sub->units_per_em = (unsigned)h.units_per_em;
    sub->x_min = h.x_min, sub->y_min = h.y_min, sub->x_max = h.x_max, sub->y_max = h.y_max;
    sub->italic_angle = h.italic_angle;
    sub->advance = take(&p, h.n_glyphs * sizeof *sub->advance);
    sub->n_cps = n_cps;
    sub->cps = take(&p, n_cps * sizeof *sub->cps);
    sub->gids = take(&p, n_cps * sizeof *sub->gids);
    sub->size = h.data_size;
    sub->data = take(&p, h.data_size);
    pdf_deflate_adopt(program, take(&p, h.program_size), h.program_size);
    free(raw);
    return true;
}

void pdf_font_cache_store(cache_key key, const font_subset *sub, const pdf_deflate_job *program)
{
    entry_header h;
    memset(&h, 0, sizeof h);   /* the padding too: the entry's bytes are all defined */
    h.n_cps = sub->n_cps;
    h.n_glyphs = sub->n_glyphs;
    h.data_size = sub->size;
    h.program_size = program->out_len;
    h.units_per_em = (int32_t)sub->units_per_em;
    h.x_min = sub->x_min, h.y_min = sub->y_min, h.x_max = sub->x_max, h.y_max = sub->y_max;
    h.italic_angle = sub->italic_angle;
    sbuf b = {0};
    sbuf_append(&b, (const char *)&h, sizeof h);
    sbuf_append(&b, (const char *)sub->advance, sub->n_glyphs * sizeof *sub->advance);
    sbuf_append(&b, (const char *)sub->cps, sub->n_cps * sizeof *sub->cps);
    sbuf_append(&b, (const char *)sub->gids, sub->n_cps * sizeof *sub->gids);
    sbuf_append(&b, (const char *)sub->data, sub->size);
    sbuf_append(&b, (const char *)program->out, program->out_len);
    disk_cache_write("font", key, b.s, b.len);
    sbuf_free(&b);
}
