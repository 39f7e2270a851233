/* utf8.h — decoding, encoding, validating and counting UTF-8, and finding
 * U+3000 in it: the one set of UTF-8 helpers, shared by the YAML loader,
 * the schema, the text folder, the differ, the PDF writer and the
 * diagnostics printer.  Which code points are "wide" is a character
 * class: jp_is_wide() in jpclass.h. */
#ifndef KUMIHAN_UTF8_H
#define KUMIHAN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[*i] (i < len).  On success stores it in *cp,
 * advances *i past it and returns true.  On an invalid sequence (bad lead
 * byte, truncated, overlong, surrogate, > U+10FFFF) stores U+FFFD, advances
 * *i by one byte and returns false. */
bool utf8_decode(const char *s, size_t len, size_t *i, uint32_t *cp);

/* Writes cp as UTF-8 into out; returns the bytes written (1-4), or 0 when
 * cp is not a Unicode scalar value. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True when s[0..len) is valid UTF-8; otherwise false with *bad_offset
 * (if not NULL) set to the byte offset of the first invalid sequence. */
bool utf8_validate(const char *s, size_t len, size_t *bad_offset);

/* Start of the last code point in s[0..len) (len > 0): steps back over
 * continuation bytes, at most three. */
size_t utf8_last_start(const char *s, size_t len);

/* Code points in s[0..len): the bytes that do not continue a sequence (a
 * stray continuation byte is not counted, an invalid lead byte is). */
size_t utf8_count(const char *s, size_t len);

/* U+3000 IDEOGRAPHIC SPACE (全角スペース) as UTF-8, and its length. */
#define UTF8_IDEOGRAPHIC_SPACE "\xE3\x80\x80"
#define UTF8_IDEOGRAPHIC_SPACE_LEN 3

/* True when s[0..len) begins with U+3000. */
bool utf8_is_ideographic_space(const char *s, size_t len);

#endif
