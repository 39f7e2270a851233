/* figure_load.c — figure and logo mappings → doc_image (figure_load.h). */
#include "figure_load.h"

#include <stdlib.h>
#include <string.h>

#include "doc_image.h"
#include "file_path.h"
#include "i18n.h"
#include "xalloc.h"
#include "yschema.h"

const char *const figure_keys[] = {"file", "alt", "caption", "id", "notes", NULL};
const char *const logo_keys[] = {"file", "alt", NULL};

static src_loc loc_in(const char *doc_path, const ynode *n)
{
    return (src_loc){doc_path, n->loc.line, n->loc.col, n->loc.exact};
}


static bool load_file(doc_image *im, const ynode *map, const char *what, const char *doc_path, diag_list *dl)
{
    const ynode *n = ys_require(map, "file", what, dl);
    const char *file = n ? ys_text(n, "'file'", dl) : NULL;
    if (!file)
        return false;
    im->file = xstrdup(file);
    im->path = path_beside(doc_path, file);   /* beside the content file */
    im->file_loc = loc_in(doc_path, n);
    const char *why = NULL;
    if (image_probe_file(im->path, &im->info, &why))
        return true;
    diag_report(dl, D_IO, im->file_loc, _("cannot use the image '%s': %s"), im->path, _(why));
    diag_hint(dl, _("'file' is relative to the content file's folder; a figure must be a PNG or JPEG file"));
    return false;
}

/* PDF/UA-1 7.3: every figure has alternative text, which a screen reader
 * speaks instead of the picture. */
static bool load_alt(doc_image *im, const ynode *map, const char *what, const char *doc_path, diag_list *dl)
{
    const ynode *n = ynode_get(map, "alt");
    bool blank = n && n->kind == YN_SCALAR && strspn(n->value, " \t\n") == n->len;
    if (!n || blank) {
        diag_report(dl, D_MISSING_FIELD, loc_in(doc_path, n ? n : map),
                    n ? _("%s has an empty 'alt'") : _("%s has no 'alt' (its alternative text)"), _(what));
        diag_hint(dl, _("a screen reader says the 'alt' text instead of showing the image, so a reader who "
                      "cannot see it still learns what it shows: describe it in a sentence, e.g. 'alt: 苫小牧港周辺の地図'"));
        return false;
    }
    const char *alt = ys_text(n, "'alt'", dl);
    if (!alt)
        return false;
    im->alt = xstrdup(alt);
    im->alt_loc = loc_in(doc_path, n);
    return true;
}

static bool load_caption(block *b, const ynode *map, const char *doc_path, diag_list *dl)
{
    const ynode *n = ynode_get(map, "caption");
    if (!n)
        return true;
    const char *text = ys_text(n, "'caption'", dl);
    if (!text)
        return false;
    if (strchr(text, '\n')) {
        diag_report(dl, D_CONTROL_CHAR, loc_in(doc_path, n), _("a caption is one paragraph: it cannot hold a line break"));
        return false;
    }
    block *cap = block_add(b, BK_CAPTION, loc_in(doc_path, n));
    block_set_text(cap, text, loc_in(doc_path, n));
    return true;
}

bool figure_load(block *b, const ynode *map, const char *doc_path, diag_list *dl)
{
    bool logo = b->kind == BK_LOGO;
    const char *what = logo ? N_("the logo") : N_("a figure");
    if (!ys_expect(map, YN_MAPPING, what, dl))
        return false;
    size_t errors = dl->errors;
    ys_check_keys(map, logo ? logo_keys : figure_keys, what, dl);
    doc_image *im = b->image = xcalloc(1, sizeof *im);
    load_file(im, map, what, doc_path, dl);
    load_alt(im, map, what, doc_path, dl);
    if (!logo) {
        /* a figure's text is its alt: what the diff matches and reports it by */
        if (im->alt)
            block_set_text(b, im->alt, im->alt_loc);
        load_caption(b, map, doc_path, dl);
        const ynode *id = ynode_get(map, "id");
        if (id && ys_text(id, "'id'", dl))
            b->id = xstrdup(id->value);
    }
    return dl->errors == errors;
}
