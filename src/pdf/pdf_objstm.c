/* pdf_objstm.c — reads libharu's classic xref table back, keeps the stream
 * objects (fonts, pages' content, the XMP, which must stay uncompressed
 * and outside object streams: ISO 19005-2 6.6.2.1, ISO 32000-1 7.5.7)
 * as they are, packs every other object into object streams of at most
 * OBJS_PER_STREAM objects, and ends the file with a cross-reference stream
 * carrying the old trailer's entries.  Object numbers do not change, so
 * no reference inside any object needs rewriting. */
#include "pdf_objstm.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_deflate.h"
#include "sbuf.h"
#include "vec.h"
#include "xalloc.h"

#define OBJS_PER_STREAM 512
/* libdeflate's level for the object streams: on a long list's structure
 * tree level 5 needs a fifth fewer instructions than 6 for 0.1 % more
 * bytes (levels 1-4 give 12-30 % more bytes). */
#define OBJSTM_LEVEL 5
#define XREF_W2 4   /* bytes of an offset or object stream number: files < 4 GB */
#define XREF_W3 2   /* bytes of an index in an object stream */
#define XREF_ROW (1 + XREF_W2 + XREF_W3)

typedef struct in_obj {
    const unsigned char *src;  /* where body … body_end are: libharu's file or the more text */
    bool ours;              /* one of the more objects (no offset in libharu's file) */
    size_t offset;          /* of "n 0 obj"; 0 for a free entry */
    size_t body, body_end;  /* the object's value, without "n 0 obj" and "endobj" */
    size_t end;             /* just after "endobj" */
    bool in_use, is_stream;
    size_t stream_obj;      /* packed: the number of its object stream */
    size_t index;           /* and its index there; in the file: its new offset */
} in_obj;

typedef struct reader {
    const unsigned char *in;
    size_t len;
} reader;

static bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

static size_t skip_space(const reader *r, size_t at)
{
    while (at < r->len && is_space(r->in[at]))
        at++;
    return at;
}

static bool read_number(const reader *r, size_t *at, size_t *value)
{
    size_t i = *at, v = 0;
    if (i >= r->len || r->in[i] < '0' || r->in[i] > '9')
        return false;
    for (; i < r->len && r->in[i] >= '0' && r->in[i] <= '9'; i++) {
        if (v > (SIZE_MAX - 9) / 10)
            return false;
        v = v * 10 + (size_t)(r->in[i] - '0');
    }
    *at = i;
    *value = v;
    return true;
}

static bool starts_with(const reader *r, size_t at, const char *word)
{
    size_t n = strlen(word);
    return at <= r->len && r->len - at >= n && memcmp(r->in + at, word, n) == 0;
}

/* The last occurrence of word in [from, to), or SIZE_MAX. */
static size_t find_last(const reader *r, size_t from, size_t to, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = to; i >= from + n; i--)
        if (memcmp(r->in + i - n, word, n) == 0)
            return i - n;
    return SIZE_MAX;
}

/* "xref 0 N" and its N entries; the count through *n. */
static in_obj *read_xref(const reader *r, size_t at, size_t *n)
{
    size_t first, count;
    if (!starts_with(r, at, "xref"))
        return NULL;
    at = skip_space(r, at + 4);
    if (!read_number(r, &at, &first) || first != 0)
        return NULL;
    at = skip_space(r, at);
    if (!read_number(r, &at, &count) || count == 0 || count > r->len / 20)
        return NULL;
    in_obj *objs = xcalloc(count, sizeof *objs);
    for (size_t i = 0; i < count; i++) {
        size_t offset, gen;
        bool ok = read_number(r, (at = skip_space(r, at), &at), &offset);
        ok = ok && read_number(r, (at = skip_space(r, at), &at), &gen);
        at = skip_space(r, at);
        if (!ok || at >= r->len || (r->in[at] != 'n' && r->in[at] != 'f')) {
            free(objs);
            return NULL;
        }
        objs[i].in_use = r->in[at++] == 'n';
        if (objs[i].in_use && (gen != 0 || offset >= r->len)) {
            free(objs);
            return NULL;
        }
        objs[i].offset = objs[i].in_use ? offset : 0;
    }
    *n = count;
    return objs;
}

/* Finds each in-use object's value between "n 0 obj" and "endobj"; an
 * object ends where the next one (by offset) or the xref starts, so a
 * stream's bytes are never searched. */
static bool locate_objects(const reader *r, in_obj *objs, size_t n, size_t xref_at)
{
    size_t *order = xmallocarray(n, sizeof *order), k = 0;
    for (size_t i = 0; i < n; i++)
        if (objs[i].in_use)
            order[k++] = i;
    /* libharu writes objects in order; check rather than sort */
    bool ok = true;
    for (size_t j = 0; ok && j < k; j++) {
        in_obj *o = &objs[order[j]];
        size_t limit = j + 1 < k ? objs[order[j + 1]].offset : xref_at;
        char head[48];
        snprintf(head, sizeof head, "%zu 0 obj", order[j]);
        size_t end_obj = limit > o->offset ? find_last(r, o->offset, limit, "endobj") : SIZE_MAX;
        if (limit <= o->offset || !starts_with(r, o->offset, head) || end_obj == SIZE_MAX) {
            ok = false;
            break;
        }
        o->src = r->in;
        o->body = skip_space(r, o->offset + strlen(head));
        o->body_end = end_obj;
        while (o->body_end > o->body && is_space(r->in[o->body_end - 1]))
            o->body_end--;
        o->end = end_obj + strlen("endobj");
        o->is_stream = o->body_end - o->body >= 9 &&
                       memcmp(r->in + o->body_end - 9, "endstream", 9) == 0;
    }
    free(order);
    return ok;
}

/* The trailer's entries but /Size (the xref stream has its own); false on
 * entries this rewrite cannot carry over (/Prev, /Encrypt, /XRefStm). */
static bool trailer_entries(const reader *r, size_t from, size_t to, sbuf *out)
{
    size_t open = from;
    while (open + 1 < to && !(r->in[open] == '<' && r->in[open + 1] == '<'))
        open++;
    size_t close = find_last(r, open, to, ">>");
    if (open + 1 >= to || close == SIZE_MAX)
        return false;
    for (size_t line = open + 2; line < close;) {
        size_t eol = line;
        while (eol < close && r->in[eol] != '\n')
            eol++;
        reader l = {r->in + line, eol - line};
        size_t s = skip_space(&l, 0);
        if (starts_with(&l, s, "/Prev") || starts_with(&l, s, "/Encrypt") || starts_with(&l, s, "/XRefStm"))
            return false;
        if (s < l.len && !starts_with(&l, s, "/Size")) {
            sbuf_append(out, (const char *)l.in + s, l.len - s);
            sbuf_putc(out, '\n');
        }
        line = eol + 1;
    }
    return true;
}

static void put_be(sbuf *b, size_t v, int bytes)
{
    char tmp[8];
    for (int i = 0; i < bytes; i++)
        tmp[i] = (char)((v >> (8 * (bytes - 1 - i))) & 0xFF);
    sbuf_append(b, tmp, (size_t)bytes);
}

/* One object of number num holding dict, then the zlib stream z. */
static void put_stream_obj(sbuf *out, size_t num, const char *dict, const unsigned char *z, size_t z_len)
{
    sbuf_printf(out, "%zu 0 obj\n<<\n%s/Filter /FlateDecode\n/Length %zu\n>>\nstream\n", num, dict, z_len);
    sbuf_append(out, (const char *)z, z_len);
    sbuf_puts(out, "\nendstream\nendobj\n");
}

/* v in decimal, then a space. */
static void put_decimal(sbuf *b, size_t v)
{
    char tmp[24];
    int n = (int)sizeof tmp;
    tmp[--n] = ' ';
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sbuf_append(b, tmp + n, sizeof tmp - (size_t)n);
}

/* One object stream's contents, gathered, then compressing. */
typedef struct object_stream {
    sbuf data;              /* the index ("num offset …"), then the bodies */
    size_t count, first_off;
    pdf_deflate_job job;
} object_stream;

/* Gathers the non-stream objects from *first on (at most OBJS_PER_STREAM)
 * into object stream num. */
static void gather_object_stream(in_obj *objs, size_t n, size_t *first, size_t num, object_stream *os)
{
    sbuf bodies = {0};
    for (; *first < n && os->count < OBJS_PER_STREAM; (*first)++) {
        in_obj *o = &objs[*first];
        if (!o->in_use || o->is_stream || *first == 0)
            continue;
        put_decimal(&os->data, *first);
        put_decimal(&os->data, bodies.len);
        sbuf_append(&bodies, (const char *)o->src + o->body, o->body_end - o->body);
        sbuf_putc(&bodies, '\n');
        o->stream_obj = num;
        o->index = os->count++;
    }
    os->first_off = os->data.len;
    sbuf_append(&os->data, sbuf_str(&bodies), bodies.len);
    sbuf_free(&bodies);
}

/* The object streams num0, num0 + 1, … of the non-stream objects, each
 * compressed on a worker thread while the one before is written (two at
 * a time: this machine's cores). */
static bool put_object_streams(in_obj *objs, size_t n, size_t n_stms, size_t num0, size_t *offsets,
                               sbuf *out)
{
    object_stream *os = xcalloc(n_stms ? n_stms : 1, sizeof *os);
    size_t next = 1;
    for (size_t s = 0; s < n_stms; s++)
        gather_object_stream(objs, n, &next, num0 + s, &os[s]);
    bool ok = true;
    for (size_t s = 0; s < n_stms; s++) {
        for (size_t t = s; t < s + 2 && t < n_stms; t++)
            if (!os[t].job.started)
                pdf_deflate_start_level(&os[t].job, (const unsigned char *)sbuf_str(&os[t].data),
                                        os[t].data.len, OBJSTM_LEVEL);
        ok = ok && pdf_deflate_finish(&os[s].job);
        if (ok) {
            char dict[96];
            snprintf(dict, sizeof dict, "/Type /ObjStm\n/N %zu\n/First %zu\n", os[s].count, os[s].first_off);
            offsets[s] = out->len;
            put_stream_obj(out, num0 + s, dict, os[s].job.out, os[s].job.out_len);
        }
        pdf_deflate_free(&os[s].job);
        sbuf_free(&os[s].data);
    }
    for (size_t s = 0; s < n_stms; s++) {   /* after a failure: the ones not reached */
        pdf_deflate_free(&os[s].job);
        sbuf_free(&os[s].data);
    }
    free(os);
    return ok;
}

static size_t packed_count(const in_obj *objs, size_t from, size_t n)
{
    size_t k = 0;
    for (size_t i = from; i < n; i++)
        k += objs[i].in_use && !objs[i].is_stream && i != 0;
    return k;
}

/* Rows of width bytes become PNG "Up" rows (ISO 32000-1 7.4.4.4,
 * /Predictor 12): a filter byte 2, then each byte less the one above it.
 * Consecutive entries differ in a byte or two, so the deflated stream
 * shrinks to a fraction (a tenth, for a long document's 100,000 objects). */
static void png_up(sbuf *rows, size_t width)
{
    size_t n = rows->len / width;
    const unsigned char *in = (const unsigned char *)sbuf_str(rows);
    unsigned char *out = xmallocarray(n ? n : 1, width + 1), *o = out;
    for (size_t r = 0; r < n; r++) {
        *o++ = 2;
        for (size_t i = 0; i < width; i++)
            *o++ = (unsigned char)(in[r * width + i] - (r > 0 ? in[(r - 1) * width + i] : 0));
    }
    sbuf_free(rows);
    sbuf_append(rows, (const char *)out, (size_t)(o - out));
    free(out);
}

/* The cross-reference stream, object number n + streams: one entry per
 * object 0 … itself (ISO 32000-1 Table 18). */
static bool put_xref_stream(sbuf *out, const in_obj *objs, size_t n, const size_t *stm_offsets,
                            size_t n_stms, const char *trailer)
{
    size_t self = n + n_stms, self_offset = out->len;
    if (self_offset > UINT32_MAX)
        return false;
    sbuf rows = {0};
    for (size_t i = 0; i <= self; i++) {
        int type;
        size_t f2, f3;
        if (i == self) {
            type = 1, f2 = self_offset, f3 = 0;
        } else if (i >= n) {
            type = 1, f2 = stm_offsets[i - n], f3 = 0;
        } else if (!objs[i].in_use || i == 0) {
            type = 0, f2 = 0, f3 = i == 0 ? 0xFFFF : 0;
        } else if (objs[i].is_stream) {
            type = 1, f2 = objs[i].index, f3 = 0;
        } else {
            type = 2, f2 = objs[i].stream_obj, f3 = objs[i].index;
        }
        put_be(&rows, (size_t)type, 1);
        put_be(&rows, f2, XREF_W2);
        put_be(&rows, f3, XREF_W3);
    }
    png_up(&rows, XREF_ROW);
    sbuf dict = {0};
    sbuf_printf(&dict, "/Type /XRef\n/Size %zu\n/W [ 1 %d %d ]\n/DecodeParms << /Columns %d /Predictor 12 >>\n%s",
                self + 1, XREF_W2, XREF_W3, XREF_ROW, trailer);
    size_t z_len = 0;
    unsigned char *z = pdf_deflate_now(sbuf_str(&rows), rows.len, PDF_DEFLATE_SMALL_LEVEL, &z_len);
    bool ok = z != NULL;
    if (ok)
        put_stream_obj(out, self, sbuf_str(&dict), z, z_len);
    free(z);
    if (ok)
        sbuf_printf(out, "startxref\n%zu\n%%%%EOF\n", self_offset);
    sbuf_free(&dict);
    sbuf_free(&rows);
    return ok;
}

/* The new file: the header, the stream objects, the object streams, the
 * xref stream. */
static bool write_packed(const reader *r, in_obj *objs, size_t n, const char *trailer, sbuf *out)
{
    size_t header_end = r->len;
    for (size_t i = 1; i < n; i++)
        if (objs[i].in_use && !objs[i].ours && objs[i].offset < header_end)
            header_end = objs[i].offset;
    sbuf_append(out, (const char *)r->in, header_end);
    for (size_t i = 1; i < n; i++)
        if (objs[i].in_use && objs[i].is_stream) {
            objs[i].index = out->len;   /* its new offset */
            sbuf_append(out, (const char *)r->in + objs[i].offset, objs[i].end - objs[i].offset);
            sbuf_putc(out, '\n');
        }
    size_t n_stms = (packed_count(objs, 0, n) + OBJS_PER_STREAM - 1) / OBJS_PER_STREAM;
    size_t *stm_offsets = xcalloc(n_stms ? n_stms : 1, sizeof *stm_offsets);
    bool ok = put_object_streams(objs, n, n_stms, n, stm_offsets, out);
    ok = ok && out->len <= UINT32_MAX && put_xref_stream(out, objs, n, stm_offsets, n_stms, trailer);
    free(stm_offsets);
    return ok;
}

/* Adds the more objects to objs (grown to *n + their count): false when
 * the placeholder is not one of libharu's plain objects. */
static bool add_more(in_obj **objs, size_t *n, pdf_more_objects *mo)
{
    if (mo->ends.n == 0 || mo->replaced == 0 || mo->replaced >= *n)
        return false;
    in_obj *placeholder = &(*objs)[mo->replaced];
    if (!placeholder->in_use || placeholder->is_stream)
        return false;
    size_t extra = mo->ends.n - 1;
    *objs = xreallocarray(*objs, *n + extra, sizeof **objs);
    const unsigned char *text = (const unsigned char *)sbuf_str(&mo->text);
    for (size_t i = 0; i < mo->ends.n; i++) {
        in_obj *o = i == 0 ? &(*objs)[mo->replaced] : &(*objs)[*n + i - 1];
        if (i > 0)
            memset(o, 0, sizeof *o);
        o->src = text;
        o->ours = i > 0;
        o->in_use = true;
        o->body = i == 0 ? 0 : mo->ends.items[i - 1];
        o->body_end = mo->ends.items[i];
    }
    *n += extra;
    return true;
}

unsigned char *pdf_pack_objects(const unsigned char *in, size_t len, pdf_more_fn more, void *ctx,
                                size_t *out_len)
{
    reader r = {in, len};
    size_t sx = find_last(&r, 0, len, "startxref"), xref_at, n = 0;
    size_t at = sx == SIZE_MAX ? 0 : skip_space(&r, sx + strlen("startxref"));
    if (sx == SIZE_MAX || !read_number(&r, &at, &xref_at) || xref_at >= sx)
        return NULL;
    in_obj *objs = read_xref(&r, xref_at, &n);
    if (!objs)
        return NULL;
    sbuf trailer = {0}, out = {0};
    pdf_more_objects mo = {0};
    size_t trailer_at = find_last(&r, xref_at, sx, "trailer");
    bool ok = trailer_at != SIZE_MAX && locate_objects(&r, objs, n, xref_at) &&
              trailer_entries(&r, trailer_at, sx, &trailer);
    if (ok && more) {
        more(ctx, n, &mo);
        ok = add_more(&objs, &n, &mo);
    }
    ok = ok && write_packed(&r, objs, n, sbuf_str(&trailer), &out);
    free(objs);
    sbuf_free(&trailer);
    sbuf_free(&mo.text);
    free(mo.ends.items);
    if (!ok) {
        sbuf_free(&out);
        return NULL;
    }
    *out_len = out.len;
    return (unsigned char *)sbuf_detach(&out);
}
