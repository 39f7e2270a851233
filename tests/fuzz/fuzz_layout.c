/* fuzz_layout.c — libFuzzer target: any bytes as a layout file.  The font
 * files it names do not exist here; only the parsing and validation of
 * the rules is exercised. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    diag_list dl;
    diag_init(&dl);
    layout *lay = layout_load_buffer("fuzz/layout.yaml", (const char *)data, size, &dl);
    layout_free(lay);
    if (sink)
        diag_print(&dl, sink);
    diag_free(&dl);
    return 0;
}
