/* pdf_xmp.c — the XMP packet of the reading or print PDF, written as text: one
 * rdf:Description with the Dublin Core, XMP, PDF, pdfaid and pdfuaid
 * properties (or pdfxid).  Every value mirrors an Info entry that pdf_meta.c writes
 * from the same pdf_meta (and the same date function), so the two can
 * never disagree; absent Info entries are absent here too. */
#include "pdf_xmp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_meta.h"
#include "sbuf.h"

/* Text as XML character data: markup characters escaped, and the
 * control characters XML 1.0 forbids (content validation rejects them
 * already) as spaces. */
static void put_xml_text(sbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': sbuf_puts(b, "&amp;"); break;
        case '<': sbuf_puts(b, "&lt;"); break;
        case '>': sbuf_puts(b, "&gt;"); break;
        case '"': sbuf_puts(b, "&quot;"); break;
        default: sbuf_putc(b, c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : (char)c);
        }
    }
}

static bool given(const char *s) { return s && *s; }

/* <tag>value</tag> when value is given. */
static void put_simple(sbuf *b, const char *tag, const char *value)
{
    if (!given(value))
        return;
    sbuf_printf(b, "   <%s>", tag);
    put_xml_text(b, value);
    sbuf_printf(b, "</%s>\n", tag);
}

/* A language alternative (dc:title, dc:description) or an ordered list
 * of one (dc:creator) holding value. */
static void put_container(sbuf *b, const char *tag, const char *container, const char *value)
{
    if (!given(value))
        return;
    bool alt = strcmp(container, "Alt") == 0;
    sbuf_printf(b, "   <%s><rdf:%s><rdf:li%s>", tag, container, alt ? " xml:lang=\"x-default\"" : "");
    put_xml_text(b, value);
    sbuf_printf(b, "</rdf:li></rdf:%s></%s>\n", container, tag);
}

/* The Info dates' instant, in XMP's form (ISO 8601, UTC like Info's Z). */
static void put_dates(sbuf *b, const pdf_meta *meta)
{
    HPDF_Date d;
    if (!pdf_document_date(meta, &d))
        return;
    char when[32];
    snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day, d.hour,
             d.minutes, d.seconds);
    put_simple(b, "xmp:CreateDate", when);
    put_simple(b, "xmp:ModifyDate", when);
}

/* ISO 19005-2 6.6.2.3.3: a property outside the schemas PDF/A predefines
 * (pdfuaid is one) must be described by an extension schema. */
static const char pdfuaid_extension[] =
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n";

/* What the packet says of the standards it claims. */
static void put_claim(sbuf *b, pdf_claim claim)
{
    if (claim == PDF_CLAIM_X4) {
        put_simple(b, "pdf:Trapped", "False");
        put_simple(b, "pdfxid:GTS_PDFXVersion", "PDF/X-4");
        return;
    }
    put_simple(b, "pdfaid:part", "2");
    put_simple(b, "pdfaid:conformance", "U");
    put_simple(b, "pdfuaid:part", "1");
    sbuf_puts(b, pdfuaid_extension);
}

char *pdf_xmp_packet(const pdf_meta *meta, pdf_claim claim)
{
    sbuf b = {0};
    char producer[64];
    pdf_producer(producer, sizeof producer);
    /* the begin attribute is U+FEFF in UTF-8, as ISO 16684-1 7.3.2 asks */
    sbuf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                  "  <rdf:Description rdf:about=\"\"\n"
                  "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                  "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                  "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
    if (claim == PDF_CLAIM_X4)
        sbuf_puts(&b, "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n");
    else
        sbuf_puts(&b, "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                      "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
                      "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
                      "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
    put_simple(&b, "dc:format", "application/pdf");
    put_container(&b, "dc:title", "Alt", meta->title);
    put_container(&b, "dc:creator", "Seq", meta->author);
    put_container(&b, "dc:description", "Alt", meta->subject);
    put_container(&b, "dc:language", "Bag", meta->lang);
    put_simple(&b, "pdf:Keywords", meta->keywords);
    put_simple(&b, "pdf:Producer", producer);
    put_simple(&b, "xmp:CreatorTool", meta->creator);
    put_dates(&b, meta);
    put_claim(&b, claim);
    sbuf_puts(&b, "  </rdf:Description>\n"
                  " </rdf:RDF>\n"
                  "</x:xmpmeta>\n"
                  "<?xpacket end=\"r\"?>\n");
    return sbuf_detach(&b);
}

HPDF_STATUS pdf_add_xmp(HPDF_Doc pdf, const pdf_meta *meta, pdf_claim claim)
{
    char *packet = pdf_xmp_packet(meta, claim);
    pdf_dict stream = shim_stream_new(pdf, SHIM_RAW);   /* PDF/A-2 6.6.2.1: no filter */
    HPDF_STATUS st = shim_dict_add_name(stream, "Type", "Metadata");
    if (st == HPDF_OK)
        st = shim_dict_add_name(stream, "Subtype", "XML");
    if (st == HPDF_OK)
        st = shim_stream_write_str(stream, packet);
    if (st == HPDF_OK)
        st = shim_dict_add_dict(shim_catalog(pdf), "Metadata", stream);
    free(packet);
    return st;
}
