/* content_fields.c — the tables of content_fields.h: every key a content
 * file may hold, written once. */
#include "content_fields.h"

const content_key content_top_keys[] = {
    {"title", CV_TEXT, true},         {"organization", CV_TEXT, true}, {"fiscal_year", CV_YEAR, false},
    {"date", CV_DATE, false},         {"subject", CV_TEXT, false},     {"keywords", CV_WORDS, false},
    {"back_cover", CV_BOOL, false},   {"preface", CV_PARAGRAPHS, false}, {"parts", CV_PARTS, false},
    {"layout", CV_PATH, false},       {"body", CV_BODY, false},        {"notes", CV_LINES, false},
    {"reference", CV_TEXT, false},    {"addressee", CV_LINES, false},  {"issuer", CV_LINES, false},
    {"record", CV_BODY, false},
    {"logo", CV_IMAGE, false},
};
_Static_assert(sizeof content_top_keys / sizeof content_top_keys[0] == N_CONTENT_TOP_KEYS,
               "N_CONTENT_TOP_KEYS counts them");

const child_rule child_rules[] = {
    {"lead", BK_PARAGRAPH, KIND_BIT(BK_PART) | KIND_BIT(BK_SECTION) | KIND_BIT(BK_SUBSECTION)},
    {"sections", BK_SECTION, KIND_BIT(BK_PART)},
    {"subsections", BK_SUBSECTION, KIND_BIT(BK_SECTION)},
    {"items", BK_ITEM, KIND_BIT(BK_SECTION) | KIND_BIT(BK_SUBSECTION)},
    {"entries", BK_ENTRY, KIND_BIT(BK_SECTION) | KIND_BIT(BK_SUBSECTION)},
    {"bullets", BK_BULLET, KIND_BIT(BK_ITEM)},
};
_Static_assert(sizeof child_rules / sizeof child_rules[0] == N_CHILD_RULES, "N_CHILD_RULES counts them");

#define FLOW_HOLDERS (KIND_BIT(BK_PART) | KIND_BIT(BK_SECTION) | KIND_BIT(BK_SUBSECTION) | KIND_BIT(BK_ITEM))

const block_extra block_extras[] = {
    {"body", CV_BODY, FLOW_HOLDERS},
    {"notes", CV_LINES, FLOW_HOLDERS | KIND_BIT(BK_BULLET) | KIND_BIT(BK_ENTRY)},
    {"keep_together", CV_BOOL, FLOW_HOLDERS},
};
_Static_assert(sizeof block_extras / sizeof block_extras[0] == N_BLOCK_EXTRAS, "N_BLOCK_EXTRAS counts them");

const char *const body_entry_keys[] = {"page_break", "figure", "table", NULL};

const char *content_text_key(block_kind kind)
{
    return kind == BK_PART || kind == BK_SECTION || kind == BK_SUBSECTION ? "title" : "text";
}

size_t content_block_keys(block_kind kind, const char **buf)
{
    size_t n = 0;
    buf[n++] = content_text_key(kind);
    buf[n++] = "new";
    buf[n++] = "id";
    for (size_t i = 0; i < N_CHILD_RULES; i++)
        if (child_rules[i].parents & KIND_BIT(kind))
            buf[n++] = child_rules[i].key;
    for (size_t i = 0; i < N_BLOCK_EXTRAS; i++)
        if (block_extras[i].kinds & KIND_BIT(kind))
            buf[n++] = block_extras[i].key;
    buf[n] = NULL;
    return n;
}
