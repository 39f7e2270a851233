/* font_file.c — reads the sfnt header and table directory (OpenType spec,
 * "Organization of an OpenType font") of a font file and checks them
 * against the file's size.  Only the directory and the 'head' table are
 * read: a bad glyph table is what fonts.c finds by loading a glyph. */
#include "font_file.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "input_file.h"
#include "layout.h"
#include "xalloc.h"

#define SFNT_HEADER_BYTES 12u
#define DIR_ENTRY_BYTES 16u
#define HEAD_MIN_BYTES 54u
#define HEAD_MAGIC 0x5F0F3CF5u

/* The tables a TrueType font needs to be measured, subset and embedded
 * (OS/2 is optional: fonts.c falls back to hhea metrics). */
static const char *const required_tables[] = {
    "head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf", "name", "post",
};

typedef struct dir_entry {
    char tag[5];
    uint32_t offset, length;
} dir_entry;

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

/* The reason input_file_open gives, without its advice about .yaml files
 * (the text after ';'): the hint below says what to give instead. */
static void report_unopenable(const layout_font *lf, const char *why, diag_list *dl)
{
    bool not_a_file = strchr(why, ';') != NULL;
    diag_report(dl, D_FONT, lf->loc, _("cannot read font file %s for role \"%s\": %.*s"),
                lf->path, lf->name, (int)strcspn(why, ";"), why);
    if (not_a_file)
        diag_hint(dl, _("give the path of a TrueType .ttf file"));
    else if (strcmp(why, strerror(ENOENT)) == 0)
        diag_hint(dl, _("font paths are relative to the folder of the layout file; check the name"));
}

static bool report_cut_short(const layout_font *lf, uint64_t size, uint64_t needed, diag_list *dl)
{
    diag_report(dl, D_FONT, lf->loc,
                _("font file %s for role \"%s\" is cut short (%llu bytes, the table directory says %llu)"),
                lf->path, lf->name, (unsigned long long)size, (unsigned long long)needed);
    diag_hint(dl, _("the file is incomplete: download or copy it again"));
    return false;
}

static bool report_damaged(const layout_font *lf, const char *what, diag_list *dl)
{
    diag_report(dl, D_FONT, lf->loc, _("font file %s for role \"%s\" is damaged: %s"),
                lf->path, lf->name, what);
    diag_hint(dl, _("download or copy the font again, or use another TrueType .ttf file"));
    return false;
}

/* The first four bytes, shown so that a saved web page or a text file is
 * recognised ("<!DO", "this"). */
static void describe_start(const unsigned char *b, size_t n, char out[24])
{
    size_t k = 0;
    out[k++] = '"';
    for (size_t i = 0; i < n && i < 4; i++)
        k += (size_t)snprintf(out + k, 24 - k, b[i] >= 0x20 && b[i] < 0x7F && b[i] != '"' ? "%c" : "\\x%02X",
                              b[i]);
    out[k++] = '"';
    out[k] = '\0';
}

/* Checks the sfnt version tag: true for a TrueType font, else reports. */
static bool check_signature(const layout_font *lf, const unsigned char *b, size_t got, diag_list *dl)
{
    if (got >= 4 && (be32(b) == 0x00010000u || memcmp(b, "true", 4) == 0))
        return true;
    if (got >= 4 && memcmp(b, "ttcf", 4) == 0) {
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" is a font collection (.ttc)"), lf->path, lf->name);
        diag_hint(dl, _("extract the face you want into a single .ttf file"));
    } else if (got >= 4 && memcmp(b, "OTTO", 4) == 0) {
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" is OpenType/CFF; kumihan can only embed "
                    "TrueType (glyf) fonts"), lf->path, lf->name);
        diag_hint(dl, _("use the TrueType (.ttf) edition of the font"));
    } else if (got >= 4 && (memcmp(b, "wOFF", 4) == 0 || memcmp(b, "wOF2", 4) == 0)) {
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" is a %s web font, which a PDF cannot embed"),
                    lf->path, lf->name, b[3] == '2' ? "WOFF2" : "WOFF");
        diag_hint(dl, _("convert it to TrueType .ttf, or download the font's desktop (.ttf) edition"));
    } else if (got == 0) {
        diag_report(dl, D_FONT, lf->loc, _("font file %s for role \"%s\" is empty"), lf->path, lf->name);
        diag_hint(dl, _("the file is incomplete: download or copy it again"));
    } else {
        char start[24];
        describe_start(b, got, start);
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" is not a font file (it starts with %s, "
                    "not a TrueType signature)"), lf->path, lf->name, start);
        diag_hint(dl, _("give the path of a TrueType .ttf file (if you downloaded it, check that "
                      "the download saved the font, not a web page)"));
    }
    return false;
}

static bool valid_tag(const unsigned char *t)
{
    for (int i = 0; i < 4; i++)
        if (t[i] < 0x20 || t[i] > 0x7E)
            return false;
    return true;
}

/* Parses the n directory entries in raw into out; reports a damaged
 * directory.  *end_max is the furthest byte any table claims. */
static bool parse_directory(const layout_font *lf, const unsigned char *raw, unsigned n, dir_entry *out,
                            uint64_t *end_max, diag_list *dl)
{
    uint64_t dir_end = SFNT_HEADER_BYTES + (uint64_t)n * DIR_ENTRY_BYTES;
    char what[96];
    *end_max = dir_end;
    for (unsigned i = 0; i < n; i++) {
        const unsigned char *e = raw + (size_t)i * DIR_ENTRY_BYTES;
        if (!valid_tag(e)) {
            snprintf(what, sizeof what, "table directory entry %u of %u has no valid table tag", i + 1, n);
            return report_damaged(lf, what, dl);
        }
        memcpy(out[i].tag, e, 4);
        out[i].tag[4] = '\0';
        out[i].offset = be32(e + 8);
        out[i].length = be32(e + 12);
        if (out[i].offset < dir_end) {
            snprintf(what, sizeof what, "the '%s' table lies inside the table directory", out[i].tag);
            return report_damaged(lf, what, dl);
        }
        for (unsigned j = 0; j < i; j++)
            if (memcmp(out[j].tag, out[i].tag, 4) == 0) {
                snprintf(what, sizeof what, "the table directory lists '%s' twice", out[i].tag);
                return report_damaged(lf, what, dl);
            }
        uint64_t end = (uint64_t)out[i].offset + out[i].length;
        if (end > *end_max)
            *end_max = end;
    }
    return true;
}

static const dir_entry *find_table(const dir_entry *dir, unsigned n, const char *tag)
{
    for (unsigned i = 0; i < n; i++)
        if (memcmp(dir[i].tag, tag, 4) == 0)
            return &dir[i];
    return NULL;
}

static bool check_required_tables(const layout_font *lf, const dir_entry *dir, unsigned n, diag_list *dl)
{
    for (size_t i = 0; i < sizeof required_tables / sizeof *required_tables; i++) {
        const dir_entry *t = find_table(dir, n, required_tables[i]);
        if (t && t->length > 0)
            continue;
        if (find_table(dir, n, "CFF ") || find_table(dir, n, "CFF2")) {
            diag_report(dl, D_FONT, lf->loc,
                        _("font file %s for role \"%s\" is OpenType/CFF; kumihan can only embed "
                        "TrueType (glyf) fonts"), lf->path, lf->name);
            diag_hint(dl, _("use the TrueType (.ttf) edition of the font"));
            return false;
        }
        diag_report(dl, D_FONT, lf->loc,
                    _("font file %s for role \"%s\" has no '%s' table, which embedding needs"),
                    lf->path, lf->name, required_tables[i]);
        diag_hint(dl, _("the file is not a complete TrueType font: use the font as its maker ships it"));
        return false;
    }
    return true;
}

/* The 'head' table: long enough and with its magic number, the one
 * checkable constant of a TrueType font. */
static bool check_head(const layout_font *lf, FILE *f, const dir_entry *head, diag_list *dl)
{
    unsigned char b[HEAD_MIN_BYTES];
    if (head->length < HEAD_MIN_BYTES || fseek(f, (long)head->offset, SEEK_SET) != 0 ||
        fread(b, 1, sizeof b, f) != sizeof b || be32(b + 12) != HEAD_MAGIC)
        return report_damaged(lf, "its 'head' table is not a TrueType font header", dl);
    return true;
}

/* Header, directory and required tables of an open regular file. */
static bool check_tables(const layout_font *lf, FILE *f, uint64_t size, diag_list *dl)
{
    unsigned char header[SFNT_HEADER_BYTES];
    size_t got = fread(header, 1, sizeof header, f);
    if (!check_signature(lf, header, got, dl))
        return false;
    if (got < SFNT_HEADER_BYTES)
        return report_cut_short(lf, size, SFNT_HEADER_BYTES, dl);
    unsigned n = be16(header + 4);
    if (n == 0)
        return report_damaged(lf, "its table directory lists no tables", dl);
    uint64_t dir_end = SFNT_HEADER_BYTES + (uint64_t)n * DIR_ENTRY_BYTES;
    if (dir_end > size)
        return report_cut_short(lf, size, dir_end, dl);
    unsigned char *raw = xmalloc((size_t)n * DIR_ENTRY_BYTES);
    dir_entry *dir = xcalloc(n, sizeof *dir);
    uint64_t end_max = 0;
    bool ok = fread(raw, DIR_ENTRY_BYTES, n, f) == n;
    if (!ok)
        report_cut_short(lf, size, dir_end, dl);
    ok = ok && parse_directory(lf, raw, n, dir, &end_max, dl);
    if (ok && end_max > size)
        ok = report_cut_short(lf, size, end_max, dl);
    ok = ok && check_required_tables(lf, dir, n, dl);
    ok = ok && check_head(lf, f, find_table(dir, n, "head"), dl);
    free(raw);
    free(dir);
    return ok;
}

bool font_file_check(const layout_font *lf, diag_list *dl)
{
    const char *why = NULL;
    FILE *f = input_file_open(lf->path, &why);
    if (!f) {
        report_unopenable(lf, why, dl);
        return false;
    }
    struct stat st;
    bool ok;
    if (fstat(fileno(f), &st) != 0) {
        report_unopenable(lf, strerror(errno), dl);
        ok = false;
    } else {
        ok = check_tables(lf, f, (uint64_t)st.st_size, dl);
    }
    fclose(f);
    return ok;
}
