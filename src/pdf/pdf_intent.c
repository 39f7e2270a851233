/* pdf_intent.c — one GTS_PDFA1 output intent with the compiled-in sRGB
 * profile, deflated, as its /DestOutputProfile (ISO 19005-2 6.2.3: the
 * file's DeviceRGB is device-independent through it; /N 3 as the
 * profile's RGB colour space). */
#include "pdf_intent.h"

#include "pdf_icc.h"

#define SRGB_CONDITION "sRGB IEC61966-2.1"

HPDF_STATUS pdf_add_srgb_intent(HPDF_Doc pdf)
{
    pdf_dict profile = shim_stream_new(pdf, SHIM_FLATE);
    HPDF_STATUS st = shim_dict_add_int(profile, "N", 3);
    if (st == HPDF_OK)
        st = shim_stream_write(profile, pdf_srgb_icc, pdf_srgb_icc_len);
    pdf_dict intent = shim_dict_new(pdf);
    if (st == HPDF_OK)
        st = shim_dict_add_name(intent, "Type", "OutputIntent");
    if (st == HPDF_OK)
        st = shim_dict_add_name(intent, "S", "GTS_PDFA1");
    if (st == HPDF_OK)
        st = shim_dict_add_string(intent, "OutputConditionIdentifier", SRGB_CONDITION);
    if (st == HPDF_OK)
        st = shim_dict_add_string(intent, "Info", SRGB_CONDITION);
    if (st == HPDF_OK)
        st = shim_dict_add_string(intent, "RegistryName", "http://www.color.org");
    if (st == HPDF_OK)
        st = shim_dict_add_dict(intent, "DestOutputProfile", profile);
    pdf_array intents = shim_array_new(pdf);
    if (st == HPDF_OK)
        st = shim_array_add_dict(intents, intent);
    if (st == HPDF_OK)
        st = shim_dict_add_array(shim_catalog(pdf), "OutputIntents", intents);
    return st;
}
