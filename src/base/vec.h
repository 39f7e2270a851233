/* vec.h — the one way kumihan grows an array.  An array is a pointer, a
 * count and a capacity kept side by side, either as fields of the owner's
 * struct or as a VEC(T).  Growth doubles the capacity (from VEC_MIN_CAP)
 * and goes through vec_reserve_(), which refuses a size that does not fit
 * in size_t and, like every allocation, aborts on out of memory (the
 * policy of xalloc.h): a push cannot fail. */
#ifndef KUMIHAN_VEC_H
#define KUMIHAN_VEC_H

#include <stdbool.h>
#include <stddef.h>

#define VEC_MIN_CAP 8

/* The capacity to grow cap to so that need elements of elem_size bytes
 * fit: cap itself when it is enough, else cap doubled (from VEC_MIN_CAP)
 * until it holds need.  False when need * elem_size overflows size_t. */
bool vec_capacity_for(size_t cap, size_t need, size_t elem_size, size_t *new_cap);

/* items (of *cap elements of elem_size bytes) reallocated so that need
 * elements fit, *cap updated; aborts when that size cannot be had. */
void *vec_reserve_(void *items, size_t *cap, size_t need, size_t elem_size);

/* Makes room for need elements in the array items of capacity cap (both
 * lvalues; cap a size_t). */
#define VEC_RESERVE(items, cap, need) \
    ((items) = vec_reserve_((items), &(cap), (need), sizeof *(items)))

/* Appends the value (the rest of the arguments, so that a compound
 * literal's commas may stand in it) at items[n++], growing as needed. */
#define VEC_PUSH(items, n, cap, ...) \
    (VEC_RESERVE(items, cap, (n) + 1), (items)[(n)++] = (__VA_ARGS__))

/* A typed growable array: VEC(int) v = {0}; VEC_APPEND(v, 3); free(v.items). */
#define VEC(T) struct { T *items; size_t n, cap; }
#define VEC_APPEND(v, ...) VEC_PUSH((v).items, (v).n, (v).cap, __VA_ARGS__)

#endif
