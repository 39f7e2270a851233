/* image_probe.h — what an image file is, read from its own bytes before
 * anything is typeset: PNG (the IHDR, every chunk's CRC, IDAT and IEND
 * present) or baseline/progressive JPEG (the SOF marker, an EOI), its
 * pixel size, colour components and bit depth.  Pagination needs the
 * size long before the PDF writer embeds the file, and a file that is
 * not an image, is cut short or is of a kind the PDFs cannot carry is
 * reported here, at the content's 'file:', instead of deep in libharu. */
#ifndef KUMIHAN_IMAGE_PROBE_H
#define KUMIHAN_IMAGE_PROBE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum image_format { IMAGE_PNG, IMAGE_JPEG } image_format;

typedef struct image_info {
    image_format format;
    int width, height;      /* pixels */
    int components;         /* colour components: 1 gray, 3 RGB (a PNG palette counts as 3) */
    bool alpha;             /* an alpha channel or a transparent palette entry (tRNS) */
    bool palette;           /* PNG colour type 3 */
    int bit_depth;          /* bits per component as stored: 1, 2, 4, 8 or 16 */
} image_info;

/* The largest image side kumihan accepts, in pixels (a 600 ppi A3 page is
 * about 10,000): beyond it a file is a mistake, not a figure. */
#define IMAGE_MAX_SIDE 20000

/* Reads the image header of bytes[0..n): true with *out filled, or false
 * with *why saying what is wrong in plain words (static English text,
 * translated by the caller through _()). */
bool image_probe_bytes(const unsigned char *bytes, size_t n, image_info *out, const char **why);

/* The same for the file at path, opened with input_file_open (a folder,
 * FIFO or device is refused with its reason). */
bool image_probe_file(const char *path, image_info *out, const char **why);

#endif
