"""The annual report (content/report-2022.yaml, layouts/report-a4.yaml): its
images embedded once each and drawn where the page model put them, its
Figure elements with alternative text and a layout bounding box, its
table of contents numbered with the pages the headings really landed on
(read back with poppler, never with kumihan's code), the print PDF's
images colour-managed, and the whole reading PDF passing the tagged-PDF
checks of test_pdf_ua.py."""
import os
import re
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import ROOT, TempDirTest, build, import_pikepdf, kumihan, pdftotext, run  # noqa: E402
import test_pdf_ua  # noqa: E402  (its checks, run again on the report below)
import test_pdf_x  # noqa: E402

pikepdf = import_pikepdf()

REPORT = os.path.join(ROOT, "content", "report-2022.yaml")
REPORT_LAYOUT = os.path.join(ROOT, "layouts", "report-a4.yaml")


def build_report(out_dir, name="report.pdf", extra=()):
    return build(out_dir, content=REPORT, layout=REPORT_LAYOUT, name=name, extra=extra)


def struct_elems(node, found=None):
    """Every structure element under node, in tree order."""
    found = [] if found is None else found
    kids = node.get("/K")
    if kids is None:
        return found
    for k in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(k, pikepdf.Dictionary) and "/S" in k:
            found.append(k)
            struct_elems(k, found)
    return found


class ReportTest(TempDirTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tmp = tempfile.TemporaryDirectory(prefix="kumihan-report-")
        cls.pdf_path = build_report(cls._tmp.name)
        cls.pdf = pikepdf.open(cls.pdf_path)

    @classmethod
    def tearDownClass(cls):
        cls.pdf.close()
        cls._tmp.cleanup()
        super().tearDownClass()

    def test_table_crosses_a_page_with_its_header_on_both(self):
        """Table 1 starts on one page and ends on the next: its header row
        (行事名 … 参加者数) on both, the caption continued (（続き）) on the
        second, and its cells once each; the tree has one Table with one
        THead, the copy on the second page being an artifact."""
        n = len(self.pdf.pages)
        texts = [pdftotext(self.pdf_path, "-f", str(p), "-l", str(p), "-layout") for p in range(1, n + 1)]
        header = re.compile(r"行事名\s+実施時期\s+会場\s+参加者数")
        pages = [i for i, t in enumerate(texts) if header.search(t)]
        self.assertEqual(len(pages), 2, "the header row on two pages")
        self.assertEqual(pages[1], pages[0] + 1)
        self.assertIn("（続き）", texts[pages[1]])
        self.assertIn("とまこまい港まつり", texts[pages[0]])
        self.assertIn("1,286", texts[pages[1]])
        joined = "".join(texts)
        for cell in ["120,000", "とまこまい食のマルシェ", "検定試験"]:
            self.assertEqual(joined.count(cell), 1, cell)
        tables = [e for e in struct_elems(self.pdf.Root.StructTreeRoot) if str(e.S) == "/Table"]
        self.assertEqual(len(tables), 2)   # 表1 and 表2
        heads = [e for e in struct_elems(tables[0]) if str(e.S) == "/THead"]
        self.assertEqual(len(heads), 1)

    def test_images_listed(self):
        """pdfimages: the logo (RGB with an alpha mask) on the cover, the
        map (a JPEG, as it is) later; 8 bits each."""
        rows = [line.split() for line in run(["pdfimages", "-list", self.pdf_path]).stdout.splitlines()[2:]]
        kinds = [(int(r[0]), r[2], r[5], r[8]) for r in rows]
        self.assertIn((1, "image", "rgb", "image"), kinds)
        self.assertIn((1, "smask", "gray", "image"), kinds)
        self.assertTrue(any(k[1] == "image" and k[3] == "jpeg" and k[0] > 2 for k in kinds), kinds)
        self.assertTrue(all(r[6] == "3" or r[5] == "gray" for r in rows))
        self.assertTrue(all(r[7] == "8" for r in rows), rows)

    def test_figures_have_alt_and_bbox(self):
        """Figure elements: /Alt as the content says, a /Layout /BBox the
        image lies in, and a marked-content sequence holding the image's Do."""
        figures = [e for e in struct_elems(self.pdf.Root.StructTreeRoot) if e.S == "/Figure"]
        self.assertEqual(len(figures), 2)
        alts = [str(f.Alt) for f in figures]
        self.assertTrue(alts[0].startswith("苫小牧商工会議所のシンボルマーク"), alts[0])
        self.assertTrue(alts[1].startswith("苫小牧港西港区の周辺を示した略図"), alts[1])
        for f in figures:
            self.assertEqual(f.A.O, "/Layout")
            x0, y0, x1, y1 = [float(v) for v in f.A.BBox]
            self.assertTrue(0 < x0 < x1 < 595.3 and 0 < y0 < y1 < 841.9, (x0, y0, x1, y1))
            page = pikepdf.Page(f.Pg)
            mcid = int(f.K[0])
            dos = [op for op, stack, _ in test_pdf_ua.marked_content_ops(page)
                   if op == "Do" and stack and test_pdf_ua.mcid_of(stack[-1][1]) == mcid]
            self.assertEqual(len(dos), 1)

    def test_toc_structure(self):
        """TOC > TOCI > Link, one per heading, each Link with an OBJR to a
        link annotation whose destination is a page of the document."""
        elems = struct_elems(self.pdf.Root.StructTreeRoot)
        tocs = [e for e in elems if e.S == "/TOC"]
        self.assertEqual(len(tocs), 1)
        items = [k for k in tocs[0].K if k.S == "/TOCI"]
        self.assertEqual(len(items), 9)   # 3 parts, 6 sections
        pages = [p.obj.objgen for p in self.pdf.pages]
        for item in items:
            link = item.K[0]
            self.assertEqual(link.S, "/Link")
            objr = [k for k in link.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
            self.assertEqual(len(objr), 1)
            annot = objr[0].Obj
            self.assertEqual(annot.Subtype, "/Link")
            self.assertEqual(int(annot.F), 4)   # ISO 19005-2 6.3.2: printable
            self.assertIn(annot.Dest[0].objgen, pages)

    def test_toc_numbers_are_the_real_pages(self):
        """Every page number in the contents is the page whose text starts
        with that heading (as the footer numbers it: "N / M")."""
        n_pages = len(self.pdf.pages)
        texts = [pdftotext(self.pdf_path, "-f", str(p), "-l", str(p), "-layout") for p in range(1, n_pages + 1)]
        toc_page = next(i for i, t in enumerate(texts) if t.lstrip().startswith("目次"))
        entries = re.findall(r"^\s*(\S.*?)\s*…+\s*(\d+)\s*$", texts[toc_page], re.M)
        self.assertEqual(len(entries), 9, texts[toc_page])
        for title, number in entries:
            landed = [i + 1 for i, t in enumerate(texts) if i != toc_page and
                      re.search(r"^\s*" + re.escape(title.replace(" ", "")) + r"\s*$", t.replace(" ", ""), re.M)]
            self.assertTrue(landed, title)
            self.assertEqual(int(number), landed[0], title)
            footer = re.search(r"(\d+) / (\d+)\s*$", texts[landed[0] - 1])
            self.assertEqual(int(footer.group(1)), int(number))

    def test_print_pdf_images_are_colour_managed(self):
        """In the PDF/X-4 print PDF (gray output intent) no image is
        DeviceRGB: an RGB image's space is [/ICCBased sRGB]."""
        out = build_report(self._tmp.name, name="print.pdf", extra=("--impose", "saddle"))
        with pikepdf.open(out) as pdf:
            spaces = []
            for page in pdf.pages:
                for _, xo in page.Resources.get("/XObject", {}).items():
                    cs = xo.get("/ColorSpace")
                    spaces.append(str(cs) if isinstance(cs, pikepdf.Name) else str(cs[0]))
            self.assertEqual(sorted(spaces), ["/ICCBased", "/ICCBased"])
            # ISO 15930-7 6.2.4: no DeviceRGB anywhere, images included
            self.assertEqual(test_pdf_x.color_spaces_used(pdf), {"DeviceGray", "ICCBased"})
        run(["qpdf", "--check", out])


class ReportOwnLayoutTest(TempDirTest):
    def test_content_names_its_layout(self):
        """`make` builds the report without --layout: its `layout:` key
        names report-a4.yaml, so the contents follow the cover."""
        out = build(self.tmp, content=REPORT, name="own.pdf")
        self.assertTrue(pdftotext(out, "-f", "2", "-l", "2").lstrip().startswith("目次"))


class FigureChangesTest(TempDirTest):
    CASE = os.path.join(ROOT, "tests", "diff", "figure")

    def test_compare_reports_and_marks_a_changed_figure(self):
        """build --compare: the summary lists the figure whose alt, caption
        or file changed, and the marked page has a change bar (a filled
        /Artifact rectangle in the left margin) beside the image's lines."""
        out = build(self.tmp, content=os.path.join(self.CASE, "new.yaml"), layout=REPORT_LAYOUT, name="cmp.pdf",
                    extra=("--compare", os.path.join(self.CASE, "old.yaml")))
        summary = pdftotext(out, "-f", "1", "-l", "1").replace(" ", "").replace("\n", "")
        self.assertIn("図1edited:苫小牧港西港区{+と岸壁+}の略図", summary)
        self.assertIn("{+../../../content/images/logo.png+}", summary)
        with pikepdf.open(out) as pdf:
            page = next(p for p in pdf.pages if "/XObject" in p.Resources)
            bars = 0
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) == "re" and float(operands[0]) < 60 and float(operands[2]) < 5:
                    bars += 1
            self.assertGreaterEqual(bars, 10)   # one a line, beside two images and a caption


class SameImageTwiceTest(TempDirTest):
    def test_embedded_once(self):
        """The same file in two figures is one image XObject."""
        content = os.path.join(self.tmp, "twice.yaml")
        shutil.copy(os.path.join(ROOT, "content", "images", "map.jpg"), os.path.join(self.tmp, "map.jpg"))
        with open(content, "w", encoding="utf-8") as f:
            f.write("title: 二度\norganization: 会議所\nparts:\n  - title: 部\n    body:\n"
                    "      - figure: {file: map.jpg, alt: 地図}\n      - 本文\n"
                    "      - figure: {file: map.jpg, alt: 同じ地図}\n")
        out = build(self.tmp, content=content, layout=REPORT_LAYOUT, name="twice.pdf")
        rows = run(["pdfimages", "-list", out]).stdout.splitlines()[2:]
        self.assertEqual(len(rows), 2)   # drawn twice …
        self.assertEqual(len({tuple(r.split()[10:12]) for r in rows}), 1)   # … one object


# test_pdf_ua.py's checks that count or quote the plan's own text
PLAN_SPECIFIC = ["test_every_operator_is_tagged_or_an_artifact", "test_headings_start_at_h1_and_skip_no_level",
                 "test_item_numbers_read_before_their_text", "test_lists_are_l_li_lbl_lbody",
                 "test_lists_say_how_they_are_numbered", "test_new_mark_is_a_span_spoken_as_shinki",
                 "test_structure_order_is_reading_order", "test_xmp_agrees_with_info"]


class TaggedReportTest(test_pdf_ua.TaggedReadingPdfTest):
    """test_pdf_ua.py's checks on the report (figures, contents, notes),
    but for those written about the plan's text, which its own file runs."""
    @classmethod
    def setUpClass(cls):
        TempDirTest.setUpClass()
        cls._class_tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        cls.pdf_path = build_report(cls._class_tmp.name)
        cls.pdf = pikepdf.open(cls.pdf_path)
        cls.root = cls.pdf.Root
        cls.tree = cls.root.get("/StructTreeRoot")

    def test_every_operator_is_tagged_here_too(self):
        """Matterhorn 01-005 on the report: every painting operator (the
        images' Do among them) and every text-showing one in one sequence."""
        for page in self.pdf.pages:
            for op, stack, _ in test_pdf_ua.marked_content_ops(page):
                if op in test_pdf_ua.TEXT_SHOWING or op in test_pdf_ua.PAINTING:
                    self.assertEqual(len(stack), 1, op)


for _name in PLAN_SPECIFIC:
    setattr(TaggedReportTest, _name, unittest.skip("written about the plan's own text")(
        getattr(test_pdf_ua.TaggedReadingPdfTest, _name)))


if __name__ == "__main__":
    unittest.main()
