/* pdf_font_cache.h — one font role's subset and compressed font program,
 * kept in the disk cache (disk_cache.h) under the font file's content hash
 * and the code points drawn: a rebuild whose glyph sets did not change
 * skips hb-subset and deflate and writes the same bytes.  Internal to the
 * pdf_*.c files. */
#ifndef KUMIHAN_PDF_FONT_CACHE_H
#define KUMIHAN_PDF_FONT_CACHE_H

#include <stdbool.h>

#include "disk_cache.h"
#include "pdf_deflate.h"
#include "subset.h"

/* The key of font_path subset to cps[0..n_cps) (ascending, unique); false
 * when the cache is off or the font cannot be read. */
bool pdf_font_cache_key(const char *font_path, const uint32_t *cps, size_t n_cps, cache_key *key);
/* Fills sub and program from the entry of key; false on a miss (sub and
 * program untouched). */
bool pdf_font_cache_load(cache_key key, const uint32_t *cps, size_t n_cps, font_subset *sub,
                         pdf_deflate_job *program);
/* Stores sub and its finished program as the entry of key (best effort). */
void pdf_font_cache_store(cache_key key, const font_subset *sub, const pdf_deflate_job *program);

#endif
