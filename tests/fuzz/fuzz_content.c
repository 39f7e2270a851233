/* fuzz_content.c — libFuzzer target: any bytes as a content file, through
 * the YAML loader, the content schema and the typo checks.  Nothing may
 * crash, leak or hang; errors are values. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "check.h"
#include "content.h"
#include "diag.h"
#include "fuzz_util.h"
#include "ytree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list dl;
    diag_init(&dl);
    ytree *tree = ytree_load_buffer("fuzz/content.yaml", (const char *)data, size, NULL, &dl);
    if (tree) {
        document *doc = content_from_tree(tree, &dl);
        if (doc) {
            check_text(doc, &dl);
            doc_free(doc);
        }
        ytree_free(tree);
    }
    fuzz_print_and_free(&dl);
    return 0;
}
