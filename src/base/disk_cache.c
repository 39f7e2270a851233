/* disk_cache.c — the on-disk blob cache of disk_cache.h: a 128-bit hash,
 * entry files with a header and checksum, temp-file-and-rename writes. */
/* realpath() is XSI, beyond the POSIX base the build asks for. */
#define _XOPEN_SOURCE 700

#include "disk_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sbuf.h"
#include "xalloc.h"

/* ---- the hash: two 64-bit lanes of multiply-rotate over 8-byte words ---- */

#define P1 0x9E3779B185EBCA87ull
#define P2 0xC2B2AE3D27D4EB4Full

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t load_le64(const unsigned char *p)
{
    uint64_t w = 0;
    for (int i = 7; i >= 0; i--)
        w = (w << 8) | p[i];
    return w;
}

static void mix_word(cache_hasher *s, uint64_t w)
{
    s->h[0] = rotl(s->h[0] ^ (w * P1), 31) * P2;
    s->h[1] = rotl(s->h[1] ^ (w * P2), 29) * P1 + s->h[0];
}

void cache_hash_init(cache_hasher *s, uint64_t seed)
{
    memset(s, 0, sizeof *s);
    s->h[0] = seed ^ P1;
    s->h[1] = seed ^ P2;
}

void cache_hash_update(cache_hasher *s, const void *p, size_t n)
{
    const unsigned char *b = p;
    s->total += n;
    while (n > 0 && s->n_tail > 0) {
        s->tail[s->n_tail++] = *b++;
        n--;
        if (s->n_tail == 8) {
            mix_word(s, load_le64(s->tail));
            s->n_tail = 0;
        }
    }
    for (; n >= 8; b += 8, n -= 8)
        mix_word(s, load_le64(b));
    if (n > 0) {   /* fewer than 8 left, and the tail was emptied above */
        memcpy(s->tail, b, n);
        s->n_tail = (unsigned)n;
    }
}

static uint64_t avalanche(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ull;
    return x ^ (x >> 33);
}

cache_key cache_hash_final(const cache_hasher *s)
{
    cache_hasher t = *s;
    unsigned char last[8] = {0};
    memcpy(last, t.tail, t.n_tail);
    mix_word(&t, load_le64(last) ^ ((uint64_t)t.n_tail << 56));
    mix_word(&t, t.total);
    cache_key k = {{avalanche(t.h[0] ^ t.h[1]), avalanche(t.h[1] + rotl(t.h[0], 17))}};
    return k;
}

static cache_key hash_of(const void *p, size_t n, uint64_t seed)
{
    cache_hasher s;
    cache_hash_init(&s, seed);
    cache_hash_update(&s, p, n);
    return cache_hash_final(&s);
}

/* ---- where the entries live ---- */

/* "<dir>" of the cache, owned by the caller; NULL when off. */
static char *cache_dir(void)
{
    const char *mode = getenv("KUMIHAN_CACHE");
    if (mode && strcmp(mode, "off") == 0)
        return NULL;
    const char *dir = getenv("KUMIHAN_CACHE_DIR");
    if (dir && *dir)
        return xstrdup(dir);
    sbuf b = {0};
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/')
        sbuf_printf(&b, "%s/kumihan", xdg);
    else if (home && *home)
        sbuf_printf(&b, "%s/.cache/kumihan", home);
    else
        return NULL;
    return sbuf_detach(&b);
}

bool disk_cache_enabled(void)
{
    char *dir = cache_dir();
    free(dir);
    return dir != NULL;
}

static char *entry_path(const char *dir, const char *kind, cache_key key)
{
    sbuf b = {0};
    sbuf_printf(&b, "%s/%s-%016llx%016llx", dir, kind, (unsigned long long)key.h[0],
                (unsigned long long)key.h[1]);
    return sbuf_detach(&b);
}

/* mkdir -p dir (best effort). */
static void make_dirs(const char *dir)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            mkdir(p, 0755);
            *s = '/';
        }
    mkdir(p, 0755);
    free(p);
}

/* ---- entries: "KHC1", payload length (8 bytes LE), checksum (16), payload ---- */

#define MAGIC "KHC1"
#define HEADER_LEN (4 + 8 + 16)
#define CHECK_SEED 0x6B756D6968616E31ull   /* "kumihan1" */

static void put_le64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* Reads the whole file at path into a new buffer; false if unreadable. */
static bool slurp(const char *path, unsigned char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    sbuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    *len = b.len;
    *data = (unsigned char *)sbuf_detach(&b);
    if (!ok) {
        free(*data);
        *data = NULL;
    }
    return ok;
}

bool disk_cache_read(const char *kind, cache_key key, unsigned char **data, size_t *len)
{
    char *dir = cache_dir();
    if (!dir)
        return false;
    char *path = entry_path(dir, kind, key);
    unsigned char *raw = NULL;
    size_t n = 0;
    bool ok = slurp(path, &raw, &n);
    free(path);
    free(dir);
    if (!ok)
        return false;
    ok = n >= HEADER_LEN && memcmp(raw, MAGIC, 4) == 0 && load_le64(raw + 4) == n - HEADER_LEN;
    if (ok) {
        cache_key sum = hash_of(raw + HEADER_LEN, n - HEADER_LEN, CHECK_SEED ^ key.h[0]);
        ok = load_le64(raw + 12) == sum.h[0] && load_le64(raw + 20) == sum.h[1];
    }
    if (!ok) {   /* torn, truncated or tampered with: a miss, rewritten later */
        free(raw);
        return false;
    }
    *len = n - HEADER_LEN;
    memmove(raw, raw + HEADER_LEN, *len);
    *data = raw;
    return true;
}

void disk_cache_write(const char *kind, cache_key key, const void *data, size_t len)
{
    char *dir = cache_dir();
    if (!dir)
        return;
    make_dirs(dir);
    char *path = entry_path(dir, kind, key);
    /* A name no other writer uses at the same time: this process's id, and
     * a counter for several writes of one process. */
    static unsigned long serial;
    sbuf tmp = {0};
    sbuf_printf(&tmp, "%s.tmp.%ld.%lu", path, (long)getpid(), serial++);
    unsigned char header[HEADER_LEN];
    memcpy(header, MAGIC, 4);
    put_le64(header + 4, len);
    cache_key sum = hash_of(data, len, CHECK_SEED ^ key.h[0]);
    put_le64(header + 12, sum.h[0]);
    put_le64(header + 20, sum.h[1]);
    FILE *f = fopen(sbuf_str(&tmp), "wb");
    bool ok = f && fwrite(header, 1, sizeof header, f) == sizeof header && fwrite(data, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok || rename(sbuf_str(&tmp), path) != 0)
        unlink(sbuf_str(&tmp));   /* the cache stays as it was */
    sbuf_free(&tmp);
    free(path);
    free(dir);
}

bool disk_cache_file_hash(const char *path, cache_key *out)
{
    struct stat st;
    char *real = realpath(path, NULL);   /* one identity however the layout spells the path */
    if (!real || stat(real, &st) != 0) {
        free(real);
        return false;
    }
    /* The file's identity: path, size, inode, device, mtime to the ns. */
    uint64_t id[6] = {(uint64_t)st.st_size, (uint64_t)st.st_ino, (uint64_t)st.st_dev,
                      (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec, (uint64_t)strlen(real)};
    cache_hasher s;
    cache_hash_init(&s, 0x6964ull);
    cache_hash_update(&s, id, sizeof id);
    cache_hash_update(&s, real, strlen(real));
    free(real);
    cache_key id_key = cache_hash_final(&s);
    unsigned char *known = NULL;
    size_t n = 0;
    if (disk_cache_read("fileid", id_key, &known, &n)) {
        if (n == 2 * 8) {
            out->h[0] = load_le64(known);
            out->h[1] = load_le64(known + 8);
            free(known);
            return true;
        }
        free(known);
    }
    unsigned char *bytes = NULL;
    if (!slurp(path, &bytes, &n))
        return false;
    *out = hash_of(bytes, n, 0x66696C65ull);
    free(bytes);
    unsigned char rec[16];
    put_le64(rec, out->h[0]);
    put_le64(rec + 8, out->h[1]);
    disk_cache_write("fileid", id_key, rec, sizeof rec);
    return true;
}
