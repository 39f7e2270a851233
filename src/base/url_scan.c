/* url_scan.c — URLs and e-mail addresses in running text (RFC 3986's
 * characters for a URL, RFC 5322's dot-atoms for an address, simplified
 * to what people paste into a document). */
#include "url_scan.h"

#include <string.h>

#include "sbuf.h"

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* RFC 3986 unreserved, reserved and %, less quote marks, brackets and * (of a
 * sentence, or of **emphasis** around a URL). */
static bool is_url_char(char c)
{
    return is_alnum(c) || (c != '\0' && strchr("-._~:/?#@!$&+,;=%", c) != NULL);
}

static bool is_mail_local_char(char c)
{
    return is_alnum(c) || (c != '\0' && strchr("._%+-", c) != NULL);
}

static bool is_host_char(char c)
{
    return is_alnum(c) || c == '-' || c == '.';
}

/* Sentence punctuation after a URL ("… index.html." ) is not part of it. */
static size_t trim_end(const char *t, size_t start, size_t end)
{
    while (end > start && strchr(".,:;!?", t[end - 1]) != NULL)
        end--;
    return end;
}

static bool starts_word(const char *t, size_t i)
{
    return i == 0 || !is_alnum(t[i - 1]);
}

static bool has_prefix(const char *t, size_t len, size_t i, const char *p)
{
    size_t n = strlen(p);
    return i + n <= len && strncmp(t + i, p, n) == 0;
}

/* A URL starting at i: its end, or 0 if none starts there. */
static size_t url_at(const char *t, size_t len, size_t i)
{
    size_t body;
    if (has_prefix(t, len, i, "https://"))
        body = i + 8;
    else if (has_prefix(t, len, i, "http://"))
        body = i + 7;
    else if (has_prefix(t, len, i, "www."))
        body = i + 4;
    else
        return 0;
    if (!starts_word(t, i) || body >= len || !is_alnum(t[body]))
        return 0;
    size_t end = body;
    while (end < len && is_url_char(t[end]))
        end++;
    return trim_end(t, i, end);
}

/* An address around the '@' at `at`: fills out, or false. */
static bool mail_at(const char *t, size_t len, size_t at, url_span *out)
{
    size_t start = at;
    while (start > 0 && is_mail_local_char(t[start - 1]))
        start--;
    size_t end = at + 1;
    bool dot = false;
    while (end < len && is_host_char(t[end])) {
        dot |= t[end] == '.';
        end++;
    }
    end = trim_end(t, at + 1, end);
    if (start == at || end == at + 1 || !dot || t[end - 1] == '-' || t[start] == '.')
        return false;
    *out = (url_span){.start = start, .end = end, .mail = true};
    return true;
}

bool url_next(const char *text, size_t len, size_t from, url_span *out)
{
    for (size_t i = from; i < len; i++) {
        size_t end = url_at(text, len, i);
        if (end > i) {
            *out = (url_span){.start = i, .end = end};
            return true;
        }
        if (text[i] == '@' && mail_at(text, len, i, out) && out->start >= from)
            return true;
    }
    return false;
}

char *url_target(const char *text, const url_span *s)
{
    sbuf b = {0};
    if (s->mail)
        sbuf_puts(&b, "mailto:");
    else if (text[s->start] == 'w')
        sbuf_puts(&b, "http://");
    sbuf_append(&b, text + s->start, s->end - s->start);
    return sbuf_detach(&b);
}
