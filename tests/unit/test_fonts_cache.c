/* test_fonts_cache.c — the font caches behind a const font_set: a cached
 * answer is the answer the font gave, and running out of memory while
 * opening or asking the fonts follows the one policy (xalloc.h: a message
 * and abort), never a false "no font has X".  Linked with
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

#include "oom_test_util.h"
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

/* Answers from a cold set and from the same set asked again (cached, in
 * another order) agree. */
static void test_caches_never_change_an_answer(void **state)
{
    (void)state;
    layout lay = {0};
    layout_font roles[3] = {0};
    font_set *fs = bizud_open(&lay, roles, NULL);
    assert_non_null(fs);
    answer cold[N_PROBES];
    for (size_t i = 0; i < N_PROBES; i++)
        cold[i] = ask(fs, probes[i]);
    assert_int_equal(cold[0].resolved, MINCHO);            /* the probes mean something: */
    assert_int_equal(cold[9].resolved, MINCHO);            /* an astral kanji the font has */
    assert_int_equal(cold[13].resolved, -1);               /* a private-use nobody has */
    assert_true(cold[1].advance > 0.9f && cold[2].inked);  /* a full-width kanji; inked 、 */
    for (size_t i = N_PROBES; i-- > 0;) {
        answer again = ask(fs, probes[i]);
        assert_same(&cold[i], &again, probes[i]);
    }
    fonts_free(fs);
    bizud_roles_free(roles);
}

/* Each of the first allocations of fonts_open failing in turn. */
static long nth_allocation;

static void open_with_one_failure(void)
{
    layout lay = {0};
    layout_font roles[3] = {0};
    bizud_roles(&lay, roles, NULL);
    diag_list dl;
    diag_init(&dl);
    fail_countdown = nth_allocation;
    font_set *fs = fonts_open(&lay, &dl);
    /* reached only when the n-th allocation was not one of fonts_open's */
    fail_countdown = 0;
    fonts_free(fs);
    diag_free(&dl);
    bizud_roles_free(roles);
    _exit(n_failed ? 1 : 0);
}

/* Out of memory opening the fonts aborts with the message: never a
 * complaint about a font file, never a half-open set. */
static void test_out_of_memory_opening_aborts(void **state)
{
    (void)state;
    int n_oom = 0;
    for (nth_allocation = 1; nth_allocation <= 8; nth_allocation++) {
        char msg[256];
        int status = run_child(open_with_one_failure, msg, sizeof msg);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            continue;   /* fonts_open made fewer allocations than that */
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), SIGABRT);
        assert_non_null(strstr(msg, "kumihan: out of memory\n"));
        assert_null(strstr(msg, "font file"));
        n_oom++;
    }
    assert_true(n_oom >= 3);   /* the set, its faces, and a role's cache */
}

static void ask_while_starved(void)
{
    layout lay = {0};
    layout_font roles[3] = {0};
    font_set *fs = bizud_open(&lay, roles, NULL);
    fail_all = true;
    (void)ask(fs, 0x3042);   /* the BMP cache must grow: aborts */
    fail_all = false;
    _exit(0);
}

/* A cache that cannot grow aborts rather than answer "no glyph". */
static void test_out_of_memory_asking_aborts(void **state)
{
    (void)state;
    expect_out_of_memory_abort(ask_while_starved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_caches_never_change_an_answer),
        cmocka_unit_test(test_out_of_memory_opening_aborts),
        cmocka_unit_test(test_out_of_memory_asking_aborts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
