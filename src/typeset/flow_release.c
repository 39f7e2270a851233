/* flow_release.c — giving the memory of a flow's glyphs back to the
 * system while paginate copies them into the pages, when nothing reads
 * the flow again (a build without an imposed PDF): the flow's glyph
 * array is as large as the pages' glyphs together, and without this both
 * sit in memory at the end of pagination, a long document's peak. */
#define _DEFAULT_SOURCE   /* madvise, MADV_DONTNEED (Linux, the BSDs) */
#include "flow_release.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* Releasing is worth a system call only a few pages at a time. */
#define RELEASE_STEP (256u * 1024u)

void flow_release_glyphs_before(flow *f, size_t n)
{
    if (!f->glyphs || n > f->n_glyphs)
        return;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0)
        return;
    uintptr_t start = (uintptr_t)f->glyphs;
    /* only whole pages inside the array: its allocator's bookkeeping
     * lies outside, and a page it writes later just comes back as zeros */
    uintptr_t from = (start + f->released_bytes + (uintptr_t)page - 1) / (uintptr_t)page * (uintptr_t)page;
    uintptr_t to = (start + n * sizeof *f->glyphs) / (uintptr_t)page * (uintptr_t)page;
    if (to <= from || to - from < RELEASE_STEP)
        return;
    /* a hint: where the system refuses, the memory simply stays */
    if (madvise((void *)from, to - from, MADV_DONTNEED) == 0)
        f->released_bytes = to - start;
}
