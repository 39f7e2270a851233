"""The print PDF (--impose saddle / 2up / single, --print-output) is PDF/X-4:
the conditions of ISO 15930-7:2010 that kumihan's writer meets, each test
citing its clause, checked from the file alone with pikepdf (Debian
python3-pikepdf, qpdf's reader) and poppler, never with kumihan's code.
README.md lists which conditions are checked here and which are not."""
import os
import sys

import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import import_pikepdf, BOOKLET, ROOT, TempDirTest, build, pdffonts, pdftotext, squash  # noqa: E402

pikepdf = import_pikepdf()

MM = 72 / 25.4
A4 = (595.28, 841.89)
XMP_NS = {"pdfxid": "http://www.npes.org/pdfx/ns/id/"}
# colour operators and the colour spaces they imply (ISO 32000-1 8.6.8)
RGB_OPS = {"rg", "RG"}
CMYK_OPS = {"k", "K"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def print_layout(tmp, marks=True, bleed="3mm", double=False, colors=None):
    """The booklet layout with crop marks, a bleed and optionally other colours."""
    with open(BOOKLET, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("../fonts/", os.path.join(ROOT, "fonts") + "/")
    extra = f"\n  bleed: {bleed}\n  double_marks: {'true' if double else 'false'}"
    text = text.replace("crop_marks: false", f"crop_marks: {'true' if marks else 'false'}{extra}")
    for old, new in (colors or {}).items():
        text = text.replace(old, new)
    path = os.path.join(tmp, "print.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def box(page, key):
    return [float(v) for v in page.obj[key]] if key in page.obj else None


def inside(inner, outer, slack=0.001):
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and
            inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def color_spaces_used(pdf):
    """Every colour-space name the file's pages, images and shadings use:
    colour operators (rg/RG → DeviceRGB, k/K → DeviceCMYK, g/G →
    DeviceGray), cs/CS operands, image and shading /ColorSpace entries."""
    used = set()
    implied = {"rg": "DeviceRGB", "RG": "DeviceRGB", "k": "DeviceCMYK", "K": "DeviceCMYK",
               "g": "DeviceGray", "G": "DeviceGray"}
    for page in pdf.pages:
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in implied:
                used.add(implied[op])
            elif op in ("cs", "CS"):
                used.add(str(operands[0]).lstrip("/"))
            elif op == "INLINE IMAGE":
                used.add("inline image")
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            sub = obj.get("/Subtype")
            if (sub == "/Image" or "/ShadingType" in obj) and "/ColorSpace" in obj:
                cs = obj.ColorSpace
                used.add(str(cs[0] if isinstance(cs, pikepdf.Array) else cs).lstrip("/"))
            if "/ColorSpace" in obj and obj.get("/Type") is None and sub is None and "/ShadingType" not in obj:
                for name in obj.ColorSpace.keys():   # a /Resources /ColorSpace dictionary
                    cs = obj.ColorSpace[name]
                    used.add(str(cs[0] if isinstance(cs, pikepdf.Array) else cs).lstrip("/"))
    return used


def sheet_segments(page):
    """The line segments drawn on the sheet itself (outside every q … Q:
    the crop marks and bleed, never a placed page), in sheet coordinates."""
    depth, segs, cur = 0, [], None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "q":
            depth += 1
        elif op == "Q":
            depth -= 1
        elif depth == 0 and op == "m":
            cur = tuple(float(v) for v in operands)
        elif depth == 0 and op == "l" and cur:
            nxt = tuple(float(v) for v in operands)
            segs.append((cur, nxt))
            cur = nxt
    return segs


class PrintPdfTest(TempDirTest):
    """One saddle-stitched print PDF with marks and a 3mm bleed, one 2-up
    and one single-page one, each checked against the same conditions."""

    @classmethod
    def setUpClass(cls):
        import tempfile
        cls._dir = tempfile.TemporaryDirectory()
        tmp = cls._dir.name
        layout = print_layout(tmp)
        cls.files = {m: build(tmp, layout=layout, name=f"{m}.pdf", extra=("--impose", m))
                     for m in ("saddle", "2up", "single")}
        cls.plain = build(tmp, layout=BOOKLET, name="plain.pdf", extra=("--impose", "saddle"))
        cls.reading = build(tmp, layout=BOOKLET, name="reading.pdf")

    @classmethod
    def tearDownClass(cls):
        cls._dir.cleanup()

    def each(self):
        for method, path in {**self.files, "no-marks": self.plain}.items():
            with self.subTest(method=method), pikepdf.open(path) as pdf:
                yield method, path, pdf

    def test_header_is_pdf_1_6(self):
        # 6.1.2: a PDF/X-4 file is PDF 1.6 (header %PDF-1.6 or lower)
        for _, path, pdf in self.each():
            with open(path, "rb") as f:
                self.assertEqual(f.read(8), b"%PDF-1.6")
            self.assertEqual(pdf.pdf_version, "1.6")

    def test_trim_inside_bleed_inside_media(self):
        # 6.2.2: every page has a TrimBox (kumihan never writes an ArtBox),
        # and TrimBox ⊆ BleedBox ⊆ MediaBox
        for _, _, pdf in self.each():
            for i, page in enumerate(pdf.pages, 1):
                media, trim, bleed = box(page, "/MediaBox"), box(page, "/TrimBox"), box(page, "/BleedBox")
                self.assertIsNotNone(trim, f"page {i}: no TrimBox")
                self.assertNotIn("/ArtBox", page.obj)
                self.assertTrue(inside(trim, bleed or media), f"page {i}: {trim} not inside {bleed}")
                self.assertTrue(inside(bleed or trim, media), f"page {i}: {bleed} not inside {media}")

    def test_trim_is_the_page_or_the_spread(self):
        # the single print PDF: one A4 trim a page, 3mm bleed, marks beyond it
        with pikepdf.open(self.files["single"]) as pdf:
            self.assertEqual(len(pdf.pages), 13)
            for page in pdf.pages:
                x0, y0, x1, y1 = box(page, "/TrimBox")
                self.assertAlmostEqual(x1 - x0, A4[0], places=1)
                self.assertAlmostEqual(y1 - y0, A4[1], places=1)
                b = box(page, "/BleedBox")
                self.assertAlmostEqual(x0 - b[0], 3 * MM, places=2)
                self.assertAlmostEqual(b[3] - y1, 3 * MM, places=2)
                self.assertGreater(box(page, "/MediaBox")[2], b[2] + 5 * MM)
        with pikepdf.open(self.files["saddle"]) as pdf:   # the spread's outer trim
            x0, _, x1, _ = box(pdf.pages[0], "/TrimBox")
            self.assertAlmostEqual(x1 - x0, 2 * A4[0], places=0)

    def test_crop_marks_lie_outside_the_bleed(self):
        # marks are outside the trim and its bleed, so cutting never shows them
        for method in ("saddle", "single"):
            with self.subTest(method=method), pikepdf.open(self.files[method]) as pdf:
                for i, page in enumerate(pdf.pages, 1):
                    bx0, by0, bx1, by1 = box(page, "/BleedBox")
                    segs = sheet_segments(page)
                    self.assertGreaterEqual(len(segs), 12 if method == "single" else 10)
                    for (ax, ay), (cx, cy) in segs:
                        crosses = (min(ax, cx) < bx1 - 0.01 and max(ax, cx) > bx0 + 0.01 and
                                   min(ay, cy) < by1 - 0.01 and max(ay, cy) > by0 + 0.01)
                        self.assertFalse(crosses, f"page {i}: mark {(ax, ay)}–{(cx, cy)} inside the bleed")

    def test_no_device_rgb(self):
        # 6.2.4.2/6.2.4.3: the file's device colour must match the output
        # intent's gray profile: DeviceGray only, no DeviceRGB (or CMYK)
        for _, _, pdf in self.each():
            self.assertEqual(color_spaces_used(pdf), {"DeviceGray"})

    def test_text_black_is_gray_zero(self):
        # black text prints with the black ink alone, never RGB black
        # (four-colour black on a press)
        with pikepdf.open(self.files["saddle"]) as pdf:
            fill, fills = None, set()
            for operands, op in pikepdf.parse_content_stream(pdf.pages[1]):
                op = str(op)
                if op == "g":
                    fill = float(operands[0])
                elif op in TEXT_SHOWING:
                    fills.add(fill)
            self.assertIn(0.0, fills)

    def test_gray_output_intent_with_embedded_profile(self):
        # 6.2.3: one GTS_PDFX output intent, its DestOutputProfile embedded,
        # an output (prtr) profile whose colour space the file's DeviceGray
        # matches; OutputConditionIdentifier present
        for _, _, pdf in self.each():
            intents = [oi for oi in pdf.Root.OutputIntents if oi.S == "/GTS_PDFX"]
            self.assertEqual(len(intents), 1)
            oi = intents[0]
            self.assertTrue(str(oi.OutputConditionIdentifier))
            profile = oi.DestOutputProfile
            self.assertEqual(int(profile.N), 1)
            icc = profile.read_bytes()
            self.assertEqual(int.from_bytes(icc[:4], "big"), len(icc))
            self.assertEqual((icc[12:16], icc[16:20], icc[36:40]), (b"prtr", b"GRAY", b"acsp"))

    def test_pdfx_version_in_info_and_xmp(self):
        # 6.7.5: Info /GTS_PDFXVersion (PDF/X-4); 6.7.2: the XMP says the
        # same in pdfxid:GTS_PDFXVersion; 6.7.7: Info /Trapped is True or
        # False (kumihan traps nothing: False), and XMP pdf:Trapped agrees
        for _, _, pdf in self.each():
            self.assertEqual(str(pdf.docinfo["/GTS_PDFXVersion"]), "PDF/X-4")
            self.assertEqual(str(pdf.docinfo["/Trapped"]), "/False")
            with pdf.open_metadata() as meta:
                self.assertEqual(meta.get("pdfxid:GTS_PDFXVersion"), "PDF/X-4")
                self.assertEqual(meta.get("pdf:Trapped"), "False")
                # 6.7.3 (through PDF 1.6's metadata): title and dates in
                # both, and the same
                self.assertEqual(meta.get("dc:title"), str(pdf.docinfo["/Title"]))
                self.assertTrue(meta.get("xmp:CreateDate"))
                self.assertTrue(meta.get("xmp:ModifyDate"))
            for key in ("/Title", "/CreationDate", "/ModDate"):
                self.assertIn(key, pdf.docinfo)

    def test_id_and_fonts(self):
        # 6.1.3: the trailer has an /ID; 6.3.2: every font is embedded
        for _, path, pdf in self.each():
            self.assertEqual(len(pdf.trailer.ID), 2)
            for f in pdffonts(path):
                self.assertEqual(f["emb"], "yes", f["line"])

    def test_not_encrypted_and_no_transfer_functions(self):
        # 6.1.4 (no encryption) and 6.2.5 (no transfer functions / halftones
        # in ExtGState): kumihan writes none
        for _, _, pdf in self.each():
            self.assertFalse(pdf.is_encrypted)
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/ExtGState":
                    self.assertNotIn("/TR", obj)
                    self.assertNotIn("/HT", obj)

    def test_same_text_as_reading_pdf(self):
        printed = squash(pdftotext(self.files["single"]))
        self.assertEqual(sorted(squash(pdftotext(self.reading))), sorted(printed))


class PrintColoursTest(TempDirTest):
    def test_gray_and_cmyk_layout_colours(self):
        # the layout may give gray() and cmyk(): the print PDF still uses
        # DeviceGray only, by the documented luma formula (layouts/README.md)
        layout = print_layout(self.tmp, colors={'"#1f4e79"': '"cmyk(1, 0.6, 0, 0.4)"',
                                                '"#dde5ee"': '"gray(0.85)"'})
        printed = build(self.tmp, layout=layout, name="print.pdf", extra=("--impose", "single"))
        with pikepdf.open(printed) as pdf:
            self.assertEqual(color_spaces_used(pdf), {"DeviceGray"})
            grays = {round(float(o[0]), 3) for page in pdf.pages
                     for o, op in pikepdf.parse_content_stream(page) if str(op) == "g"}
            self.assertIn(0.85, grays)
            # cmyk(1, .6, 0, .4) → rgb (0, .24, .6) → luma .587·.24 + .114·.6
            self.assertIn(round(0.587 * 0.24 + 0.114 * 0.6, 3), grays)
        reading = build(self.tmp, layout=layout, name="reading.pdf")
        with pikepdf.open(reading) as pdf:
            rgbs = {tuple(round(float(v), 3) for v in o) for page in pdf.pages
                    for o, op in pikepdf.parse_content_stream(page) if str(op) in ("rg", "RG")}
            self.assertIn((0.0, 0.24, 0.6), rgbs)
            self.assertIn((0.85, 0.85, 0.85), rgbs)

    def test_bad_colour_is_reported(self):
        from kumihan_e2e import kumihan
        layout = print_layout(self.tmp, colors={'"#1f4e79"': '"cmyk(1, 0.6, 0)"'})
        p = kumihan("build", os.path.join(ROOT, "content", "plan-2023.yaml"), "--layout", layout,
                    "-o", os.path.join(self.tmp, "x.pdf"), check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("cmyk(1, 0.6, 0, 0.4)", p.stderr)

    def test_double_marks(self):
        # Japanese-style corner marks: twice the corner lines of simple ones
        single = build(self.tmp, layout=print_layout(self.tmp), name="s.pdf", extra=("--impose", "single"))
        double = build(self.tmp, layout=print_layout(self.tmp, double=True), name="d.pdf",
                       extra=("--impose", "single"))
        with pikepdf.open(single) as a, pikepdf.open(double) as b:
            self.assertEqual(len(sheet_segments(b.pages[0])) - len(sheet_segments(a.pages[0])), 8)


if __name__ == "__main__":
    unittest.main()
