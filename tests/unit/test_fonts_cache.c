/* test_fonts_cache.c — the font caches behind a const font_set, checked
 * against the font itself when memory runs out.  Linked with
 * -Wl,--wrap=calloc,--wrap=realloc (tests/CMakeLists.txt), so that this
 * file decides which of kumihan's own allocations fail; FreeType's, in its
 * shared library, are untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_util.h"

#include "diag.h"
#include "fonts.h"
#include "layout.h"

void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);

static bool fail_all;           /* every calloc/realloc fails */
static long fail_countdown;     /* > 0: the n-th calloc/realloc from now fails, once */
static long n_failed;

static bool should_fail(void)
{
    if (fail_all || (fail_countdown > 0 && --fail_countdown == 0)) {
        n_failed++;
        return true;
    }
    return false;
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

/* BMP and astral code points: kana, kanji, punctuation (ink boxes), a
 * Latin letter, characters only the fallback has or nobody has, and
 * kanji from plane 2. */
static const uint32_t probes[] = {
    0x3042, 0x6F22, 0x3001, 0x3002, 0x300C, 0x300D, 0x30FB, 0x0041, 0x2460,
    0x2000B, 0x20089, 0x20BB7, 0x1F600, 0xE000, 0x10FFFF,
};
#define N_PROBES (sizeof probes / sizeof probes[0])

typedef struct answer {
    int resolved;
    bool has;
    float advance;
    bool inked;
    glyph_box ink;
} answer;

static answer ask(const font_set *fs, uint32_t cp)
{
    answer a = {.resolved = fonts_resolve(fs, MINCHO, cp), .has = fonts_has_glyph(fs, MINCHO, cp)};
    int font = a.resolved >= 0 ? a.resolved : MINCHO;
    a.advance = fonts_advance_em(fs, font, cp);
    a.inked = fonts_ink_box(fs, font, cp, &a.ink);
    return a;
}

static void assert_same(const answer *want, const answer *got, uint32_t cp)
{
    if (want->resolved != got->resolved || want->has != got->has || want->advance != got->advance ||
        want->inked != got->inked ||
        (want->inked && memcmp(&want->ink, &got->ink, sizeof want->ink) != 0))
        fail_msg("U+%04X answered differently (role %d/%d, advance %g/%g, ink %d/%d)", (unsigned)cp,
                 want->resolved, got->resolved, want->advance, got->advance, want->inked, got->inked);
}

/* Answers from a cold set, from the same set asked again (cached), and
 * from a fresh set asked while no cache can grow: all three agree. */
static void test_caches_never_change_an_answer(void **state)
{
    (void)state;
    layout lay_a = {0}, lay_b = {0};
    layout_font roles_a[3] = {0}, roles_b[3] = {0};
    font_set *warm = bizud_open(&lay_a, roles_a, NULL);
    font_set *starved = bizud_open(&lay_b, roles_b, NULL);
    assert_non_null(warm);
    assert_non_null(starved);
    answer cold[N_PROBES];
    for (size_t i = 0; i < N_PROBES; i++)
        cold[i] = ask(warm, probes[i]);
    assert_int_equal(cold[0].resolved, MINCHO);            /* the probes mean something: */
    assert_int_equal(cold[9].resolved, MINCHO);            /* an astral kanji the font has */
    assert_int_equal(cold[13].resolved, -1);               /* a private-use nobody has */
    assert_true(cold[1].advance > 0.9f && cold[2].inked);  /* a full-width kanji; inked 、 */
    for (size_t i = N_PROBES; i-- > 0;) {                  /* cached, asked in another order */
        answer again = ask(warm, probes[i]);
        assert_same(&cold[i], &again, probes[i]);
    }
    n_failed = 0;
    fail_all = true;
    answer starving[N_PROBES];
    for (size_t i = 0; i < N_PROBES; i++)
        starving[i] = ask(starved, probes[i]);
    fail_all = false;
    assert_true(n_failed > 0);   /* the caches did try to grow, and could not */
    for (size_t i = 0; i < N_PROBES; i++)
        assert_same(&cold[i], &starving[i], probes[i]);
    fonts_free(warm);
    fonts_free(starved);
    bizud_roles_free(roles_a);
    bizud_roles_free(roles_b);
}

/* Out of memory while opening the fonts is reported as that: an internal
 * error (exit 3), never a complaint about a font file. */
static void test_out_of_memory_opening_is_internal(void **state)
{
    (void)state;
    int n_oom = 0;
    for (long nth = 1; nth <= 8; nth++) {
        layout lay = {0};
        layout_font roles[3] = {0};
        bizud_roles(&lay, roles, NULL);
        diag_list dl;
        diag_init(&dl);
        n_failed = 0;
        fail_countdown = nth;
        font_set *fs = fonts_open(&lay, &dl);
        fail_countdown = 0;
        if (n_failed == 0) {
            assert_non_null(fs);
            assert_int_equal(dl.count, 0);
        } else {
            assert_null(fs);
            assert_int_equal(dl.count, 1);
            assert_int_equal(dl.items[0].kind, D_INTERNAL);
            assert_non_null(strstr(dl.items[0].message, "out of memory"));
            assert_int_equal(diag_exit_status(&dl), 3);
            n_oom++;
        }
        fonts_free(fs);
        diag_free(&dl);
        bizud_roles_free(roles);
    }
    assert_true(n_oom >= 3);   /* the set, its faces, and a role's cache */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_caches_never_change_an_answer),
        cmocka_unit_test(test_out_of_memory_opening_is_internal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
