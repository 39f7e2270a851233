/* disk_cache.h — an on-disk cache of byte blobs by 128-bit key, for work
 * whose result depends only on its inputs (font subsets and their
 * compressed programs).  Where: $KUMIHAN_CACHE_DIR if set, else
 * $XDG_CACHE_HOME/kumihan, else ~/.cache/kumihan; KUMIHAN_CACHE=off turns
 * it off.  Each entry carries its length and a checksum, and is written to
 * a temporary file and renamed into place, so that concurrent builds and
 * torn or corrupt entries can only cost a recomputation, never wrong
 * bytes.  Every failure of the cache is a miss: it is never an error. */
#ifndef KUMIHAN_DISK_CACHE_H
#define KUMIHAN_DISK_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cache_key {
    uint64_t h[2];
} cache_key;

/* A streaming 128-bit hash (not cryptographic: keys and checksums). */
typedef struct cache_hasher {
    uint64_t h[2];
    uint64_t total;
    unsigned char tail[8];
    unsigned n_tail;
} cache_hasher;

void cache_hash_init(cache_hasher *s, uint64_t seed);
void cache_hash_update(cache_hasher *s, const void *p, size_t n);
cache_key cache_hash_final(const cache_hasher *s);

/* Whether the cache is on (KUMIHAN_CACHE is not "off" and a directory can
 * be named). */
bool disk_cache_enabled(void);
/* The entry of key in namespace kind ("font", …) into a new buffer *data
 * of *len bytes (owned by the caller); false on a miss, a corrupt entry or
 * a disabled cache. */
bool disk_cache_read(const char *kind, cache_key key, unsigned char **data, size_t *len);
/* Stores data as the entry of key, best effort (an unwritable cache is
 * silently skipped). */
void disk_cache_write(const char *kind, cache_key key, const void *data, size_t len);

/* The content hash of the file at path, computed once per (path, size,
 * mtime, inode) and remembered in the cache (hashed afresh each call when
 * the cache is off).  false when the file cannot be read. */
bool disk_cache_file_hash(const char *path, cache_key *out);

#endif
