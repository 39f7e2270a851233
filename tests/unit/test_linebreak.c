/* test_linebreak.c — lb_set_paragraph by hand-computed cases: every
 * line-start and line-end prohibited character, compression flags, error
 * results, result reuse, and a long paragraph (exact justification, and
 * linear work counted in character classifications, not timed).  Fake
 * metric: see lb_test_util.h (em 10 pt). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "lb_test_util.h"

/* Every character classification the line breaker makes, counted: the
 * test is linked with --wrap=jp_class_of (tests/CMakeLists.txt), so the
 * breaker's calls come here.  Classifying is what it does per character
 * and per break candidate; a scan that went back over the line or the
 * paragraph would show as more classifications per character. */
jp_class __real_jp_class_of(uint32_t cp);
jp_class __wrap_jp_class_of(uint32_t cp);
static size_t g_classifications;

jp_class __wrap_jp_class_of(uint32_t cp)
{
    g_classifications++;
    return __real_jp_class_of(cp);
}

/* Sets text at measure with the test defaults changed by `rules`. */
static lb_status set(const char *text, lb_params *p, lb_result *r, size_t *bad)
{
    size_t n;
    lb_char *c = tu_chars(text, &n);
    lb_status st = lb_set_paragraph(c, n, p, r, bad);
    free(c);
    return st;
}

static void assert_x(const lb_result *r, size_t line, size_t glyph, float want)
{
    float got = r->glyphs[r->lines[line].first + glyph].x;
    if (got < want - 0.01f || got > want + 0.01f)
        fail_msg("line %zu glyph %zu: x %.3f, expected %.3f", line, glyph, got, want);
}

static void assert_line(const lb_result *r, size_t line, const char *want)
{
    char *got = tu_line_text(r, line);
    if (strcmp(got, want) != 0) {
        print_error("line %zu: '%s', expected '%s'\n", line, got, want);
        free(got);
        fail();
    }
    free(got);
}

/* JLREQ 3.1.7: each of these pushes the preceding え to the next line
 * rather than start a line (measure 4 em: あいうえ fills it). */
static void test_line_start_prohibited(void **state)
{
    static const char *marks[] = {
        "、", "。", "，", "．", "・", "：", "；", "！", "？", "ー", "々", "ゝ", "ゞ", "ヽ",
        "ヾ", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ァ", "ィ", "ゥ",
        "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ", "）", "」", "』", "】", "〕",
        "］", "｝", "〉", "》", "‼", "〜", "‐"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        char text[64];
        snprintf(text, sizeof text, "あいうえ%sか", marks[i]);
        lb_params p = tu_params(40);
        lb_result r;
        lb_result_init(&r);
        assert_int_equal(set(text, &p, &r, NULL), LB_OK);
        char want[64];
        snprintf(want, sizeof want, "え%sか", marks[i]);
        assert_int_equal(r.n_lines, 2);
        assert_line(&r, 0, "あいう");
        assert_line(&r, 1, want);
        assert_int_equal(r.lines[0].reason, LB_PUSHED_OUT);
        assert_float_equal(r.lines[0].width, 40, 1e-3);
        lb_result_free(&r);
    }
}

/* NORMAL lets ー and small kana start a line (JLREQ 3.1.7 note). */
static void test_normal_allows_small_kana(void **state)
{
    lb_params p = tu_params(40);
    p.rules.kinsoku = KINSOKU_NORMAL;
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(set("あいうえっか", &p, &r, NULL), LB_OK);
    assert_line(&r, 0, "あいうえ");
    assert_line(&r, 1, "っか");
    assert_int_equal(r.lines[0].reason, LB_FULL);
    lb_result_free(&r);
}

/* JLREQ 3.1.8: opening brackets never end a line. */
static void test_line_end_prohibited(void **state)
{
    static const char *marks[] = {"（", "「", "『", "【", "〔", "［", "｛", "〈", "《"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        char text[64], want[64];
        snprintf(text, sizeof text, "あいう%sえか", marks[i]);
        snprintf(want, sizeof want, "%sえか", marks[i]);
        lb_params p = tu_params(40);
        lb_result r;
        lb_result_init(&r);
        assert_int_equal(set(text, &p, &r, NULL), LB_OK);
        assert_line(&r, 0, "あいう");
        assert_line(&r, 1, want);
        assert_x(&r, 0, 1, 15);
        assert_x(&r, 1, 0, -5);     /* 天付き: glyph box half an em before the line */
        assert_x(&r, 1, 1, 5);
        lb_result_free(&r);
    }
}

/* Half-width brackets and punctuation follow the same rules. */
static void test_half_width_punctuation(void **state)
{
    lb_params p = tu_params(40);
    p.rules.wa_ou_space_em = p.rules.wa_ou_space_min_em = 0;
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(set("あいうえ)か", &p, &r, NULL), LB_OK);
    assert_line(&r, 0, "あいう");
    lb_result_clear(&r);
    assert_int_equal(set("あいう(えか", &p, &r, NULL), LB_OK);
    assert_line(&r, 0, "あいう");
    assert_line(&r, 1, "(えか");
    lb_result_free(&r);
}

/* LB_NO_COMPRESS keeps a bracket's full em: あ」「い with 」 flagged. */
static void test_no_compress_flag(void **state)
{
    size_t n;
    lb_char *c = tu_chars("あ」「い", &n);
    c[1].flags |= LB_NO_COMPRESS;
    lb_params p = tu_params(100);
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(lb_set_paragraph(c, n, &p, &r, NULL), LB_OK);
    assert_x(&r, 0, 1, 10);
    assert_x(&r, 0, 2, 20);     /* 「 keeps its leading half: ink at 25 */
    assert_x(&r, 0, 3, 30);
    assert_float_equal(r.glyphs[1].width, 10, 1e-3);
    free(c);
    lb_result_free(&r);
}

/* Widths: a compressed 」 is given half an em; x_next = x + width + gap. */
static void test_widths_and_gaps(void **state)
{
    lb_params p = tu_params(100);
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(set("あ」「いAB", &p, &r, NULL), LB_OK);
    const lb_glyph *g = r.glyphs;
    assert_float_equal(g[0].width, 10, 1e-3);
    assert_float_equal(g[1].width, 5, 1e-3);       /* 」 */
    assert_float_equal(g[2].x, g[1].x + g[1].width, 1e-3);
    assert_float_equal(g[4].x - (g[3].x + g[3].width), 2.5, 1e-3);   /* 和欧間 */
    assert_float_equal(g[5].x, g[4].x + g[4].width, 1e-3);           /* inside AB */
    assert_int_equal(g[5].source, 14);             /* byte offset after "B" */
    lb_result_free(&r);
}

/* A western run longer than the measure: LB_TOO_WIDE at its first char,
 * and the run is cut by emergency breaks where each line is full (after
 * the lines already in the result). */
static void test_too_wide(void **state)
{
    lb_params p = tu_params(30);
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(set("あい", &p, &r, NULL), LB_OK);
    size_t bad = 0;
    assert_int_equal(set("あいうABCDEFGHIJ", &p, &r, &bad), LB_TOO_WIDE);
    assert_int_equal(bad, 3);
    assert_int_equal(r.n_glyphs, 2 + 13);
    assert_int_equal(r.n_lines, 1 + 3);   /* あいう | ABCDEF | GHIJ */
    assert_int_equal(r.lines[1].count, 3);
    assert_int_equal(r.lines[2].count, 6);
    assert_int_equal(r.lines[2].reason, LB_EMERGENCY);
    assert_int_equal(r.lines[3].reason, LB_END_OF_PARAGRAPH);
    for (size_t i = 1; i < r.n_lines; i++)
        assert_true(r.lines[i].width <= 30 + 1e-3);
    assert_string_equal(lb_break_reason_name(LB_EMERGENCY), "emergency");
    lb_result_free(&r);
}

/* A western word that does not fit goes whole to the next line. */
static void test_word_to_next_line(void **state)
{
    lb_params p = tu_params(50);
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(set("あいうえHACCPの", &p, &r, NULL), LB_OK);
    assert_line(&r, 0, "あいうえ");
    assert_line(&r, 1, "HACCPの");
    assert_x(&r, 0, 3, 40);
    lb_result_free(&r);
}

/* An empty paragraph or one of spaces sets no lines. */
static void test_empty(void **state)
{
    lb_params p = tu_params(50);
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(lb_set_paragraph(NULL, 0, &p, &r, NULL), LB_OK);
    assert_int_equal(set("   ", &p, &r, NULL), LB_OK);
    assert_int_equal(r.n_lines, 0);
    lb_result_free(&r);
}

/* Hanging: the 。 is outside the measure only when hanging is on. */
static void test_hanging_on_off(void **state)
{
    lb_params p = tu_params(50);
    p.rules.hanging_punctuation = true;
    lb_result r;
    lb_result_init(&r);
    assert_int_equal(set("あいうえお。かき", &p, &r, NULL), LB_OK);
    assert_int_equal(r.lines[0].reason, LB_HANGING);
    assert_x(&r, 0, 5, 50);
    p.rules.hanging_punctuation = false;
    lb_result_clear(&r);
    assert_int_equal(set("あいうえお。かき", &p, &r, NULL), LB_OK);
    assert_int_equal(r.lines[0].reason, LB_PUSHED_OUT);
    assert_float_equal(r.lines[0].width, 50, 1e-3);
    lb_result_free(&r);
}

static const char *long_piece = "苫小牧商工会議所は、「GX」の推進とHACCP導入を支援し、"
                                "2050年のカーボンニュートラルに向けて５５回の会合（予定）を開く。";

/* long_piece repeated reps times, set at 455 pt with a 10 pt indent into r;
 * *n_chars is the paragraph's length in characters. */
static void set_long(size_t reps, lb_result *r, size_t *n_chars)
{
    size_t len = strlen(long_piece);
    char *text = malloc(len * reps + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * len, long_piece, len);
    text[len * reps] = 0;
    lb_params p = tu_params(455);
    p.first_indent = 10;
    lb_char *c = tu_chars(text, n_chars);
    free(text);
    assert_int_equal(lb_set_paragraph(c, *n_chars, &p, r, NULL), LB_OK);
    free(c);
}

/* A long mixed paragraph: every full line ends exactly at the measure and
 * glyph order is preserved. */
static void test_long_paragraph(void **state)
{
    lb_result r;
    lb_result_init(&r);
    size_t n;
    set_long(2000, &r, &n);
    for (size_t i = 0; i + 1 < r.n_lines; i++) {
        if (!r.lines[i].justified || r.lines[i].width < 455 - 1e-3f || r.lines[i].width > 455 + 1e-3f)
            fail_msg("line %zu: width %.4f justified %d", i, r.lines[i].width, r.lines[i].justified);
    }
    for (size_t g = 1; g < r.n_glyphs; g++)
        assert_true(r.glyphs[g].source > r.glyphs[g - 1].source);
    assert_int_equal(r.lines[r.n_lines - 1].reason, LB_END_OF_PARAGRAPH);
    lb_result_free(&r);
}

/* Linear time, without a clock: the classifications per character stay
 * under a fixed budget however long the paragraph, and doubling it at
 * most doubles them.  (A greedy breaker classifies each character a
 * bounded number of times: scanning, testing the breaks around it,
 * spacing and setting it, about 37 in all today.  80 leaves room for
 * that to grow, not for a rescan of the line per character (about 320)
 * or of the paragraph per line (about 360 at 32,000 characters).) */
static void test_long_paragraph_linear_work(void **state)
{
    enum { BUDGET_PER_CHAR = 80 };
    size_t work[2], chars[2];
    for (int k = 0; k < 2; k++) {
        lb_result r;
        lb_result_init(&r);
        g_classifications = 0;
        set_long(k ? 1000 : 500, &r, &chars[k]);
        work[k] = g_classifications;
        lb_result_free(&r);
        print_message("%zu characters: %zu classifications (%.1f per character)\n", chars[k], work[k],
                      (double)work[k] / (double)chars[k]);
        assert_true(work[k] > chars[k]);   /* the counter sees the breaker at all */
        if (work[k] > BUDGET_PER_CHAR * chars[k])
            fail_msg("%zu classifications for %zu characters", work[k], chars[k]);
    }
    assert_int_equal(chars[1], 2 * chars[0]);
    if (work[1] > 2 * work[0] + 100)
        fail_msg("twice the text, %zu classifications instead of %zu: not linear", work[1], work[0]);
}

static void test_reason_names(void **state)
{
    assert_string_equal(lb_break_reason_name(LB_END_OF_PARAGRAPH), "end");
    assert_string_equal(lb_break_reason_name(LB_PUSHED_IN), "pushed-in");
    assert_string_equal(lb_break_reason_name(LB_HANGING), "hanging");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_start_prohibited), cmocka_unit_test(test_normal_allows_small_kana),
        cmocka_unit_test(test_line_end_prohibited),   cmocka_unit_test(test_half_width_punctuation),
        cmocka_unit_test(test_no_compress_flag),      cmocka_unit_test(test_widths_and_gaps),
        cmocka_unit_test(test_too_wide),              cmocka_unit_test(test_word_to_next_line),
        cmocka_unit_test(test_empty),                 cmocka_unit_test(test_hanging_on_off),
        cmocka_unit_test(test_long_paragraph),        cmocka_unit_test(test_long_paragraph_linear_work),
        cmocka_unit_test(test_reason_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
