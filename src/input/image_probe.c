/* image_probe.c — PNG and JPEG headers read by hand (see image_probe.h).
 * PNG: ISO/IEC 15948 (W3C PNG) 5.2 signature, 5.3 chunk layout, 11.2.2
 * IHDR; every chunk's CRC is checked, so a truncated or damaged download
 * is caught here.  JPEG: ITU-T T.81 B.1 marker segments, B.2.2 the frame
 * header (SOFn). */
#include "image_probe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "input_file.h"
#include "xalloc.h"

/* An image larger than this is not a figure for a booklet. */
#define IMAGE_MAX_FILE_BYTES (64u * 1024 * 1024)

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static bool size_ok(uint32_t w, uint32_t h, const char **why)
{
    if (w == 0 || h == 0) {
        *why = N_("the image has no pixels (its width or height is 0)");
        return false;
    }
    if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE) {
        *why = N_("the image is larger than 20000 pixels on a side");
        return false;
    }
    return true;
}

/* ---- PNG ---------------------------------------------------------------- */

/* W3C PNG annex D: the CRC-32 of ISO 3309 (reflected, 0xEDB88320), bit by
 * bit: a figure's few chunks are read once, speed does not matter here. */
static uint32_t png_crc(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

/* W3C PNG 11.2.2: the bit depths each colour type allows. */
static bool png_depth_ok(unsigned type, unsigned depth)
{
    switch (type) {
    case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6: return depth == 8 || depth == 16;
    default: return false;
    }
}

static bool png_ihdr(const unsigned char *d, image_info *out, const char **why)
{
    uint32_t w = be32(d), h = be32(d + 4);
    unsigned depth = d[8], type = d[9];
    if (!png_depth_ok(type, depth) || d[10] != 0 || d[11] != 0 || d[12] > 1) {
        *why = N_("the PNG header (IHDR) is damaged: an impossible colour type, bit depth or method");
        return false;
    }
    /* libharu 2.3.0 declares a 16-bit PNG's samples 16 bits deep but
     * writes them wrongly (every row shows twice): refused, not mangled */
    if (depth == 16) {
        *why = N_("the PNG has 16 bits per channel, which kumihan cannot embed correctly; save it with 8 bits per "
                  "channel (most programs call it 8-bit or 24-bit colour)");
        return false;
    }
    if (!size_ok(w, h, why))
        return false;
    out->format = IMAGE_PNG;
    out->width = (int)w;
    out->height = (int)h;
    out->bit_depth = (int)depth;
    out->palette = type == 3;
    out->components = type == 0 || type == 4 ? 1 : 3;
    out->alpha = type == 4 || type == 6;
    return true;
}

static bool probe_png(const unsigned char *b, size_t n, image_info *out, const char **why)
{
    size_t at = 8;
    bool header = false, data = false, palette = false;
    while (at + 12 <= n) {
        uint32_t len = be32(b + at);
        const unsigned char *type = b + at + 4;
        if (len > n - at - 12) {
            *why = N_("the PNG file is cut short (a chunk runs past its end); copy or export it again");
            return false;
        }
        if (png_crc(type, (size_t)len + 4) != be32(b + at + 8 + len)) {
            *why = N_("the PNG file is damaged (a chunk's checksum is wrong); copy or export it again");
            return false;
        }
        const unsigned char *d = type + 4;
        if (!header) {
            if (memcmp(type, "IHDR", 4) != 0 || len != 13) {
                *why = N_("the PNG file does not start with its header chunk (IHDR)");
                return false;
            }
            if (!png_ihdr(d, out, why))
                return false;
            header = true;
        } else if (memcmp(type, "PLTE", 4) == 0) {
            palette = true;
        } else if (memcmp(type, "tRNS", 4) == 0) {
            out->alpha = true;
        } else if (memcmp(type, "IDAT", 4) == 0) {
            data = true;
        } else if (memcmp(type, "IEND", 4) == 0) {
            if (!data || (out->palette && !palette)) {
                *why = out->palette && !palette ? N_("the PNG file has a palette image but no palette (PLTE)")
                                                : N_("the PNG file has no image data (IDAT)");
                return false;
            }
            return true;
        }
        at += (size_t)len + 12;
    }
    *why = N_("the PNG file is cut short (it has no end chunk, IEND); copy or export it again");
    return false;
}

/* ---- JPEG --------------------------------------------------------------- */

/* T.81 B.1.1.3: the SOFn markers are C0–CF except DHT (C4), JPG (C8) and
 * DAC (CC).  PDF's DCTDecode takes baseline (C0), extended (C1) and
 * progressive (C2) Huffman frames; lossless and arithmetic ones it does not. */
static bool is_sof(unsigned m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

static bool jpeg_frame(const unsigned char *s, unsigned len, unsigned marker, image_info *out, const char **why)
{
    if (marker > 0xC2) {
        *why = N_("the JPEG is lossless or arithmetic-coded, which PDF cannot show; save it as an ordinary JPEG");
        return false;
    }
    if (len < 8) {
        *why = N_("the JPEG frame header (SOF) is damaged");
        return false;
    }
    unsigned precision = s[0], h = be16(s + 1), w = be16(s + 3), comps = s[5];
    if (precision != 8) {
        *why = N_("the JPEG has 12-bit samples, which PDF readers do not show; save it with 8 bits");
        return false;
    }
    if (h == 0) {
        *why = N_("the JPEG gives its height only after the image data (DNL), which PDF readers do not show");
        return false;
    }
    if (comps != 1 && comps != 3) {
        *why = comps == 4 ? N_("the JPEG is CMYK; save it as RGB or grayscale (the PDFs' colours are sRGB and gray)")
                          : N_("the JPEG has an unusual number of colour components; save it as RGB or grayscale");
        return false;
    }
    if (!size_ok(w, h, why))
        return false;
    *out = (image_info){.format = IMAGE_JPEG, .width = (int)w, .height = (int)h, .components = (int)comps,
                        .bit_depth = 8};
    return true;
}

/* The image data ends with EOI (FFD9); some cameras add bytes after it. */
static bool has_eoi(const unsigned char *b, size_t from, size_t n)
{
    for (size_t i = n; i-- > from + 1;)
        if (b[i - 1] == 0xFF && b[i] == 0xD9)
            return true;
    return false;
}

static bool probe_jpeg(const unsigned char *b, size_t n, image_info *out, const char **why)
{
    size_t at = 2;
    bool framed = false;
    while (at + 4 <= n) {
        if (b[at] != 0xFF) {
            *why = N_("the JPEG file is damaged (a marker is missing where one must be)");
            return false;
        }
        unsigned marker = b[at + 1];
        if (marker == 0xFF) {   /* fill bytes before a marker */
            at++;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        unsigned len = be16(b + at + 2);
        if (len < 2 || at + 2 + len > n)
            break;
        if (is_sof(marker)) {
            if (!jpeg_frame(b + at + 4, len - 2, marker, out, why))
                return false;
            framed = true;
        } else if (marker == 0xDA) {   /* SOS: the image data follows */
            if (!framed) {
                *why = N_("the JPEG file has image data but no frame header (SOF)");
                return false;
            }
            if (!has_eoi(b, at + 2 + len, n)) {
                *why = N_("the JPEG file is cut short (its image data has no end, EOI); copy or export it again");
                return false;
            }
            return true;
        }
        at += 2 + len;
    }
    *why = N_("the JPEG file is cut short before its image data; copy or export it again");
    return false;
}

bool image_probe_bytes(const unsigned char *b, size_t n, image_info *out, const char **why)
{
    memset(out, 0, sizeof *out);
    if (n >= 8 && memcmp(b, png_signature, 8) == 0)
        return probe_png(b, n, out, why);
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return probe_jpeg(b, n, out, why);
    if (n >= 4 && (memcmp(b, "GIF8", 4) == 0 || memcmp(b, "II*", 3) == 0 || memcmp(b, "MM\0*", 4) == 0 ||
                   memcmp(b, "BM", 2) == 0 || (n >= 12 && memcmp(b + 8, "WEBP", 4) == 0)))
        *why = N_("it is an image kumihan cannot embed (GIF, TIFF, BMP or WebP); save it as PNG or JPEG");
    else if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
        *why = N_("it is a PDF, not an image; export the page as PNG or JPEG");
    else if (n >= 4 && memcmp(b, "<svg", 4) == 0)
        *why = N_("it is an SVG drawing; export it as PNG");
    else
        *why = N_("it is neither a PNG nor a JPEG image");
    return false;
}

/* input_file.c's reasons speak of YAML files: an image's are its own. */
static const char *not_an_image_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return NULL;
    if (S_ISDIR(st.st_mode))
        return N_("it is a folder, not an image file; give the path of a .png or .jpg file in it");
    if (S_ISFIFO(st.st_mode))
        return N_("it is a FIFO (named pipe), not an image file");
    return N_("it is a device or special file, not an image file");
}

bool image_probe_file(const char *path, image_info *out, const char **why)
{
    const char *special = not_an_image_file(path);
    if (special) {
        *why = special;
        return false;
    }
    /* opened without blocking and checked again on the descriptor */
    FILE *f = input_file_open(path, why);
    if (!f)
        return false;
    size_t cap = 64 * 1024, n = 0;
    unsigned char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap >= IMAGE_MAX_FILE_BYTES) {
                fclose(f);
                free(buf);
                *why = N_("the file is larger than 64 MB; make the image smaller");
                return false;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    bool read_error = ferror(f);
    fclose(f);
    bool ok = !read_error && image_probe_bytes(buf, n, out, why);
    if (read_error)
        *why = N_("the file could not be read");
    free(buf);
    return ok;
}
