/* url_scan.h — finding the URLs (http://, https://, www.) and e-mail
 * addresses in a text, as byte ranges of its UTF-8, so that the line
 * breaker may break them at their natural points and the PDF can make
 * them links.  Only ASCII is taken: a URL ends at the first Japanese
 * character or space, and trailing sentence punctuation is not part of it. */
#ifndef KUMIHAN_URL_SCAN_H
#define KUMIHAN_URL_SCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct url_span {
    size_t start, end;   /* bytes [start, end) of the text */
    bool mail;           /* an e-mail address (link: mailto:) */
} url_span;

/* The first URL or e-mail address in text[from..len); false if none. */
bool url_next(const char *text, size_t len, size_t from, url_span *out);

/* The link target of the span, owned by the caller: "https://…" as written,
 * "http://" + a bare "www.…", "mailto:" + an address. */
char *url_target(const char *text, const url_span *s);

#endif
