/* pdf_intent.c — the one output intent of each PDF, with its compiled-in
 * profile, deflated, as its /DestOutputProfile: GTS_PDFA1 with sRGB for the
 * reading PDF (ISO 19005-2 6.2.3: the file's DeviceRGB is
 * device-independent through it; /N 3 as the profile's RGB colour space),
 * GTS_PDFX with kumihan's gray print profile for the print PDF (ISO
 * 15930-7 6.2.3: the characterised printing condition, embedded as
 * PDF/X-4 allows; /N 1). */
#include "pdf_intent.h"

#include "pdf_deflate.h"
#include "pdf_icc.h"

#define SRGB_CONDITION "sRGB IEC61966-2.1"
#define GRAY_CONDITION "kumihan gray print, gamma 2.2"

typedef struct intent_profile {
    const char *subtype;       /* /S */
    const char *condition;     /* /OutputConditionIdentifier and /Info */
    const char *registry;      /* /RegistryName, or NULL */
    int n_components;
    const unsigned char *icc;
    size_t icc_len;
} intent_profile;

static HPDF_STATUS add_intent(HPDF_Doc pdf, const intent_profile *ip)
{
    pdf_dict profile = shim_stream_new(pdf, SHIM_RAW);   /* deflated once written */
    HPDF_STATUS st = shim_dict_add_int(profile, "N", ip->n_components);
    if (st == HPDF_OK)
        st = shim_stream_write(profile, ip->icc, ip->icc_len);
    if (st == HPDF_OK)
        st = pdf_deflate_stream(profile);
    pdf_dict intent = shim_dict_new(pdf);
    if (st == HPDF_OK)
        st = shim_dict_add_name(intent, "Type", "OutputIntent");
    if (st == HPDF_OK)
        st = shim_dict_add_name(intent, "S", ip->subtype);
    if (st == HPDF_OK)
        st = shim_dict_add_string(intent, "OutputConditionIdentifier", ip->condition);
    if (st == HPDF_OK)
        st = shim_dict_add_string(intent, "Info", ip->condition);
    if (st == HPDF_OK && ip->registry)
        st = shim_dict_add_string(intent, "RegistryName", ip->registry);
    if (st == HPDF_OK)
        st = shim_dict_add_dict(intent, "DestOutputProfile", profile);
    pdf_array intents = shim_array_new(pdf);
    if (st == HPDF_OK)
        st = shim_array_add_dict(intents, intent);
    if (st == HPDF_OK)
        st = shim_dict_add_array(shim_catalog(pdf), "OutputIntents", intents);
    return st;
}

HPDF_STATUS pdf_add_srgb_intent(HPDF_Doc pdf)
{
    intent_profile ip = {"GTS_PDFA1", SRGB_CONDITION, "http://www.color.org", 3, pdf_srgb_icc,
                         pdf_srgb_icc_len};
    return add_intent(pdf, &ip);
}

/* A condition of kumihan's own, not in the ICC registry: no
 * /RegistryName, the profile itself is the characterisation (ISO 15930-7
 * 6.2.3.3 allows an embedded profile for any identifier). */
HPDF_STATUS pdf_add_gray_print_intent(HPDF_Doc pdf)
{
    intent_profile ip = {"GTS_PDFX", GRAY_CONDITION, NULL, 1, pdf_gray_icc, pdf_gray_icc_len};
    return add_intent(pdf, &ip);
}
