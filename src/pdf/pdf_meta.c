/* pdf_meta.c — the info dictionary, catalog /Lang and /PageLabels.  Text
 * goes in as UTF-16BE text strings (libharu's own encoders cannot write
 * them for non-BMP text); dates only ever come from the input or
 * SOURCE_DATE_EPOCH, so that the same input gives the same bytes. */
#include "pdf_meta.h"

#include "layout.h"
#include "pdf_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static HPDF_STATUS set_text(HPDF_Doc pdf, HPDF_InfoType type, const char *key, const char *value)
{
    if (!value || !*value)
        return HPDF_OK;
    /* libharu creates the info dictionary and the key; we replace the
     * value with a proper text string. */
    HPDF_STATUS st = HPDF_SetInfoAttr(pdf, type, "-");
    if (st != HPDF_OK)
        return st;
    return pdf_dict_add_text(shim_info(pdf), key, value);
}

bool pdf_document_date(const pdf_meta *meta, HPDF_Date *d)
{
    memset(d, 0, sizeof *d);
    d->ind = 'Z';
    if (meta->date) {
        int y, m, day;
        char extra;
        if (sscanf(meta->date, "%4d-%2d-%2d%c", &y, &m, &day, &extra) != 3 || m < 1 || m > 12 ||
            day < 1 || day > 31)
            return false;
        d->year = y;
        d->month = m;
        d->day = day;
        return true;
    }
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch)
        return false;
    char *end;
    errno = 0;
    long long secs = strtoll(epoch, &end, 10);
    if (errno || *end || secs < 0)
        return false;
    time_t t = (time_t)secs;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return false;
    d->year = tm.tm_year + 1900;
    d->month = tm.tm_mon + 1;
    d->day = tm.tm_mday;
    d->hour = tm.tm_hour;
    d->minutes = tm.tm_min;
    d->seconds = tm.tm_sec;
    return true;
}

static const char *label_style_name(label_style style)
{
    switch (style) {
    case LABEL_DECIMAL: return "D";
    case LABEL_ROMAN_UPPER: return "R";
    case LABEL_ROMAN_LOWER: return "r";
    case LABEL_NONE: break;
    }
    return NULL;
}

/* One /Nums entry: << /S /D /P (prefix) /St n >>; a range without a
 * numbering style shows its prefix alone (a cover: "表紙"). */
static HPDF_STATUS add_label(HPDF_Doc pdf, pdf_array nums, const page_label_rule *r)
{
    pdf_dict label = shim_dict_new(pdf);
    if (!label)
        return SHIM_NO_MEMORY;
    HPDF_STATUS st = shim_array_add_int(nums, r->first - 1);
    if (st == HPDF_OK)
        st = shim_array_add_dict(nums, label);
    const char *style = label_style_name(r->style);
    if (st == HPDF_OK && style)
        st = shim_dict_add_name(label, "S", style);
    if (st == HPDF_OK && style && r->start != 1)
        st = shim_dict_add_int(label, "St", r->start);
    if (st == HPDF_OK && r->prefix && *r->prefix)
        st = pdf_dict_add_text(label, "P", r->prefix);
    return st;
}

HPDF_STATUS pdf_set_page_labels(HPDF_Doc pdf, const pdf_meta *meta)
{
    if (meta->n_labels == 0)
        return HPDF_OK;
    pdf_dict labels = shim_dict_new(pdf);
    pdf_array nums = shim_array_new(pdf);
    if (!labels || !nums)
        return SHIM_NO_MEMORY;
    HPDF_STATUS st = shim_dict_add_array(labels, "Nums", nums);
    for (size_t i = 0; st == HPDF_OK && i < meta->n_labels; i++)
        st = add_label(pdf, nums, &meta->labels[i]);
    return st == HPDF_OK ? shim_dict_add_dict(shim_catalog(pdf), "PageLabels", labels) : st;
}

void pdf_producer(char *buf, size_t size)
{
    snprintf(buf, size, "kumihan with libharu %s", HPDF_GetVersion());
}

HPDF_STATUS pdf_set_info(HPDF_Doc pdf, const pdf_meta *meta)
{
    HPDF_STATUS st = HPDF_OK;
    char producer[64];
    pdf_producer(producer, sizeof producer);
    if (st == HPDF_OK) st = set_text(pdf, HPDF_INFO_TITLE, "Title", meta->title);
    if (st == HPDF_OK) st = set_text(pdf, HPDF_INFO_AUTHOR, "Author", meta->author);
    if (st == HPDF_OK) st = set_text(pdf, HPDF_INFO_SUBJECT, "Subject", meta->subject);
    if (st == HPDF_OK) st = set_text(pdf, HPDF_INFO_KEYWORDS, "Keywords", meta->keywords);
    if (st == HPDF_OK) st = set_text(pdf, HPDF_INFO_CREATOR, "Creator", meta->creator);
    if (st == HPDF_OK) st = set_text(pdf, HPDF_INFO_PRODUCER, "Producer", producer);
    HPDF_Date date;
    if (st == HPDF_OK && pdf_document_date(meta, &date)) {
        st = HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        if (st == HPDF_OK)
            st = HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    }
    if (st == HPDF_OK && meta->lang && *meta->lang)
        st = shim_dict_add_string(shim_catalog(pdf), "Lang", meta->lang);
    return st;
}

/* The print PDF's Info claims (ISO 15930-7 6.7.5, 6.7.7): the PDF/X
 * version, and /Trapped /False because kumihan traps nothing (the shop's
 * RIP may). */
HPDF_STATUS pdf_set_print_info(HPDF_Doc pdf)
{
    pdf_dict info = shim_info(pdf);
    if (!info)
        return SHIM_INVALID_OBJECT;
    HPDF_STATUS st = shim_dict_add_string(info, "GTS_PDFXVersion", "PDF/X-4");
    if (st == HPDF_OK)
        st = shim_dict_add_name(info, "Trapped", "False");
    return st;
}
