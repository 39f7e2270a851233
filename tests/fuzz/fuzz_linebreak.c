/* fuzz_linebreak.c — libFuzzer target for the line breaker.  The first
 * bytes choose the measure and the composition rules; the rest is text
 * (UTF-8, where bytes 0x01–0x1F stand for characters the JLREQ rules
 * treat specially, so the fuzzer finds them easily).  Fake advances: wide
 * characters 1 em, spaces ¼ em, others ½ em.  Checked on every input:
 *   - every character appears once, in order; only spaces at line ends
 *     may be dropped;
 *   - a justified line ends at the measure (±0.01pt), unless it hangs;
 *     no line runs past the measure, unless it hangs;
 *   - no line after the first starts with a character JLREQ 3.1.7 forbids
 *     there (jp_class_of), at the paragraph's kinsoku level. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "jpclass.h"
#include "linebreak.h"
#include "utf8.h"

#define EM 10.0f

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What bytes 0x01–0x1F stand for. */
static const uint32_t special[31] = {
    0x3001, 0x3002, 0x300C, 0x300D, 0xFF08, 0xFF09, 0x30FC, 0x30C3, 0x3041, 0x30FB, 0x2026,
    0x2025, 0xFF01, 0xFF1F, 0x3005, 0x309D, 0xFFE5, 0xFF05, 0xFF11, 0xFF21, 0x6F22, 0x3042,
    0x30A2, ' ', 0x3000, 0x2010, 0x301C, 0xFF0C, 0xFF0E, 0xFF0D, 0x00A0,
};

static float advance_of(uint32_t cp)
{
    if (cp == ' ')
        return EM / 4;
    return jp_is_wide(cp) ? EM : EM / 2;
}

static bool is_dropable_space(uint32_t cp)
{
    return jp_class_of(cp) == JC_WESTERN_SPACE && cp != 0x00A0 && cp != 0x202F;
}

static size_t decode_text(const uint8_t *data, size_t size, lb_char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < size;) {
        uint32_t cp;
        if (data[i] >= 0x01 && data[i] <= 0x1F) {
            cp = special[data[i] - 1];
            i++;
        } else {
            utf8_decode((const char *)data, size, &i, &cp);
        }
        out[n] = (lb_char){.cp = cp, .size = EM, .advance = advance_of(cp), .source = (uint32_t)n};
        n++;
    }
    return n;
}

static lb_params params_from(const uint8_t *h)
{
    lb_params p = {
        .measure = EM * (1 + h[0] % 40) + (h[1] % 4) * EM / 4,
        .first_indent = EM * (h[2] % 3),
        .em = EM,
        .justify_last = h[3] & 8,
    };
    p.rules = (typeset_rules){
        .kinsoku = (kinsoku_level)(h[3] % 3),
        .compress_punctuation = h[3] & 16,
        .hanging_punctuation = h[3] & 32,
        .wa_ou_space_em = 0.25f,
        .wa_ou_space_min_em = 0.125f,
        .max_expand_em = (h[3] & 64) ? 0.25f : 0.5f,
        .justify = !(h[3] & 128),
    };
    return p;
}

static void check_order(const lb_char *text, size_t n, const lb_result *r)
{
    size_t next = 0;   /* next input index expected */
    for (size_t li = 0; li < r->n_lines; li++) {
        const lb_line *l = &r->lines[li];
        for (size_t g = l->first; g < l->first + l->count; g++) {
            size_t src = r->glyphs[g].source;
            if (src < next || src >= n || r->glyphs[g].cp != text[src].cp)
                abort();                     /* lost, repeated or reordered */
            bool line_edge = g == l->first;
            for (; next < src; next++)       /* dropped: only spaces, only at a line edge */
                if (!line_edge || !is_dropable_space(text[next].cp))
                    abort();
            next = src + 1;
        }
    }
    for (; next < n; next++)
        if (!is_dropable_space(text[next].cp))
            abort();
}

/* ぶら下げ: a last line keeps its hanging 、。 but is reported as the
 * paragraph's end, so recognise the hang by its glyph: a comma or full
 * stop starting within the measure. */
static bool hangs(const lb_result *r, const lb_line *l, const lb_params *p)
{
    if (l->reason == LB_HANGING)
        return true;
    const lb_glyph *last = &r->glyphs[l->first + l->count - 1];
    jp_class k = jp_class_of(last->cp);
    return p->rules.hanging_punctuation && (k == JC_COMMA || k == JC_FULL_STOP) &&
           last->x <= p->measure + 0.01f;
}

/* cut: the paragraph had emergency breaks (LB_TOO_WIDE) */
static void check_lines(const lb_result *r, const lb_params *p, bool cut)
{
    for (size_t li = 0; li < r->n_lines; li++) {
        const lb_line *l = &r->lines[li];
        if (l->count == 0)
            abort();
        if (hangs(r, l, p))
            continue;
        if (cut && l->count == 1)
            continue;   /* one character wider than its line: nothing can be done */
        if (l->justified && fabsf(l->width - p->measure) > 0.01f)
            abort();
        if (l->width > p->measure + 0.01f)
            abort();
        /* … and ignores kinsoku: the next line may start with anything */
        bool after_emergency = li > 0 && r->lines[li - 1].reason == LB_EMERGENCY;
        if (li > 0 && !after_emergency && lb_no_line_start(r->glyphs[l->first].cp, p->rules.kinsoku))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4 || size > 4096)
        return 0;
    lb_params p = params_from(data);
    lb_char *text = malloc((size - 4) * sizeof *text + 1);
    if (!text)
        return 0;
    size_t n = decode_text(data + 4, size - 4, text);
    lb_result r;
    lb_result_init(&r);
    size_t bad = SIZE_MAX;
    lb_status st = lb_set_paragraph(text, n, &p, &r, &bad);
    if (st == LB_OK) {
        check_order(text, n, &r);
        check_lines(&r, &p, false);
    } else if (st == LB_TOO_WIDE) {   /* set all the same, with emergency breaks */
        if (bad >= n)
            abort();
        check_order(text, n, &r);
        check_lines(&r, &p, true);
    }
    lb_result_free(&r);
    free(text);
    return 0;
}
