/* fuzz_layout.c — libFuzzer target: any bytes as a layout file.  The font
 * files it names do not exist here; only the parsing and validation of
 * the rules is exercised. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "fuzz_util.h"
#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list dl;
    diag_init(&dl);
    layout *lay = layout_load_buffer("fuzz/layout.yaml", (const char *)data, size, &dl);
    layout_free(lay);
    fuzz_print_and_free(&dl);
    return 0;
}
