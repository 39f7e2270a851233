/* test_vec.c — the growable arrays (vec.h), the growable string (sbuf.h)
 * and the out-of-memory policy they share (xalloc.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oom_test_util.h"
#include "sbuf.h"
#include "vec.h"
#include "xalloc.h"

static void test_push_grows_and_keeps_order(void **state)
{
    (void)state;
    int *items = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++) {
        VEC_PUSH(items, n, cap, i * 3);
        assert_true(cap >= n);
    }
    assert_int_equal(n, 1000);
    assert_int_equal(cap, 1024);   /* 8 doubled seven times */
    for (int i = 0; i < 1000; i++)
        assert_int_equal(items[i], i * 3);
    free(items);
}

typedef struct pair {
    int a, b;
} pair;

static void test_typed_vec_takes_compound_literals(void **state)
{
    (void)state;
    VEC(pair) v = {0};
    for (int i = 0; i < 20; i++)
        VEC_APPEND(v, (pair){i, -i});
    assert_int_equal(v.n, 20);
    assert_int_equal(v.cap, 32);
    assert_int_equal(v.items[19].a, 19);
    assert_int_equal(v.items[19].b, -19);
    free(v.items);
}

static void test_reserve_only_grows_when_needed(void **state)
{
    (void)state;
    char *p = NULL;
    size_t cap = 0;
    VEC_RESERVE(p, cap, 100);
    assert_int_equal(cap, 128);
    char *before = p;
    VEC_RESERVE(p, cap, 128);
    assert_ptr_equal(p, before);
    assert_int_equal(cap, 128);
    free(p);
}

static void test_capacity_doubles_from_the_minimum(void **state)
{
    (void)state;
    size_t c = 0;
    assert_true(vec_capacity_for(0, 1, 4, &c));
    assert_int_equal(c, VEC_MIN_CAP);
    assert_true(vec_capacity_for(8, 9, 4, &c));
    assert_int_equal(c, 16);
    assert_true(vec_capacity_for(8, 8, 4, &c));
    assert_int_equal(c, 8);
    assert_true(vec_capacity_for(16, 100, 4, &c));
    assert_int_equal(c, 128);
}

static void test_capacity_refuses_sizes_that_overflow(void **state)
{
    (void)state;
    size_t c = 12345;
    assert_false(vec_capacity_for(0, SIZE_MAX / 2, 8, &c));
    assert_false(vec_capacity_for(64, SIZE_MAX / 2, sizeof(long), &c));
    assert_false(vec_capacity_for(0, SIZE_MAX / 2 + 1, 2, &c));
    assert_int_equal(c, 12345);   /* untouched on refusal */
    /* near the limit doubling would overflow: it stops at what was asked */
    size_t limit = SIZE_MAX / 16;
    assert_true(vec_capacity_for(limit / 2 + 1, limit / 2 + 2, 16, &c));
    assert_int_equal(c, limit / 2 + 2);
    size_t bytes;
    assert_true(xalloc_size(c, 16, &bytes));
}

static void test_alloc_size_checks_the_product(void **state)
{
    (void)state;
    size_t bytes = 0;
    assert_true(xalloc_size(3, 5, &bytes));
    assert_int_equal(bytes, 15);
    assert_true(xalloc_size(SIZE_MAX, 1, &bytes));
    assert_true(xalloc_size(0, SIZE_MAX, &bytes));
    assert_int_equal(bytes, 0);
    assert_false(xalloc_size(SIZE_MAX / 2 + 1, 2, &bytes));
    assert_false(xalloc_size(SIZE_MAX / 2, 8, &bytes));
}

static void reserve_half_the_address_space(void)
{
    long *p = NULL;
    size_t cap = 0;
    VEC_RESERVE(p, cap, SIZE_MAX / 2);
    free(p);
}

static void malloc_an_overflowing_array(void)
{
    free(xmallocarray(SIZE_MAX / 4, 8));
}

static void test_overflow_aborts_with_the_message(void **state)
{
    (void)state;
    expect_out_of_memory_abort(reserve_half_the_address_space);
    expect_out_of_memory_abort(malloc_an_overflowing_array);
}

static void test_xstrndup_stops_at_n_or_nul(void **state)
{
    (void)state;
    char *a = xstrndup("kumihan", 3), *b = xstrndup("ab", 10);
    assert_string_equal(a, "kum");
    assert_string_equal(b, "ab");
    assert_null(xstrdup_or_null(NULL));
    free(a);
    free(b);
}

static void test_sbuf_appends_and_detaches(void **state)
{
    (void)state;
    sbuf b = {0};
    assert_string_equal(sbuf_str(&b), "");
    sbuf_puts(&b, "p.");
    sbuf_printf(&b, "%d", 12);
    sbuf_putc(&b, ' ');
    sbuf_puts(&b, NULL);
    sbuf_append(&b, "第一章xyz", strlen("第一章"));
    assert_string_equal(sbuf_str(&b), "p.12 第一章");
    assert_int_equal(b.len, strlen("p.12 第一章"));
    char *s = sbuf_detach(&b);
    assert_string_equal(s, "p.12 第一章");
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    free(s);
    s = sbuf_detach(&b);   /* nothing appended: an empty string, not NULL */
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}

static void test_sbuf_grows_past_any_first_guess(void **state)
{
    (void)state;
    sbuf b = {0};
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    sbuf_printf(&b, "[%s]", big);
    for (int i = 0; i < 10000; i++)
        sbuf_printf(&b, "%d,", i % 10);
    assert_int_equal(b.len, 3001 + 20000);
    assert_true(b.cap > b.len);
    assert_int_equal(b.s[0], '[');
    assert_int_equal(b.s[3000], ']');
    assert_memory_equal(b.s + b.len - 4, "8,9,", 4);
    assert_int_equal(b.s[b.len], '\0');
    sbuf_free(&b);
    assert_null(b.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_grows_and_keeps_order),
        cmocka_unit_test(test_typed_vec_takes_compound_literals),
        cmocka_unit_test(test_reserve_only_grows_when_needed),
        cmocka_unit_test(test_capacity_doubles_from_the_minimum),
        cmocka_unit_test(test_capacity_refuses_sizes_that_overflow),
        cmocka_unit_test(test_alloc_size_checks_the_product),
        cmocka_unit_test(test_overflow_aborts_with_the_message),
        cmocka_unit_test(test_xstrndup_stops_at_n_or_nul),
        cmocka_unit_test(test_sbuf_appends_and_detaches),
        cmocka_unit_test(test_sbuf_grows_past_any_first_guess),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
