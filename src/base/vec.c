/* vec.c — capacity arithmetic of the growable arrays (see vec.h). */
#include "vec.h"

#include <stdint.h>

#include "xalloc.h"

bool vec_capacity_for(size_t cap, size_t need, size_t elem_size, size_t *new_cap)
{
    size_t bytes;
    if (!xalloc_size(need, elem_size, &bytes))
        return false;
    size_t limit = elem_size ? SIZE_MAX / elem_size : SIZE_MAX;
    size_t c = cap ? cap : (VEC_MIN_CAP < limit ? VEC_MIN_CAP : limit);
    while (c < need)
        c = c > limit / 2 ? need : c * 2;   /* doubling must not pass the limit */
    *new_cap = c;
    return true;
}

void *vec_reserve_(void *items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return items;
    size_t new_cap;
    if (!vec_capacity_for(*cap, need, elem_size, &new_cap))
        xalloc_die();
    items = xreallocarray(items, new_cap, elem_size);
    *cap = new_cap;
    return items;
}
