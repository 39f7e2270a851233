"""The PDF that readers and the print shop trust (issue 3, points 1–6),
checked with independent tools only: pdffonts, pdftotext, pdfinfo (poppler)
and qpdf.  Size, embedded subsets, text round trip without warnings,
metadata, outline, byte-identical rebuilds, atomic failure, validity, A4."""
import json
import os
import re
import tempfile
import unittest

from kumihan_e2e import (BOOKLET, PART_TITLES, PLAN, TempDirTest, body_lines, build, kumihan, pdffonts, pdfinfo,
                         pdftotext, reading_order_mismatch, run, squash)

PAGES = 13
MAX_BYTES = 300 * 1024
A4 = (595.28, 841.89)   # 210 × 297 mm in points, as pdfinfo rounds them
SECTIONS = 20
DATE_RE = re.compile(rb"D:\d{14}[^)]*")
XMP_DATE_RE = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def qpdf_json(pdf, *keys):
    args = ["qpdf", "--json"] + [f"--json-key={k}" for k in keys] + [pdf]
    return json.loads(run(args).stdout)


def catalog(pdf):
    """The /Root dictionary from qpdf's JSON (v2) object table."""
    data = qpdf_json(pdf, "qpdf")
    objects = data["qpdf"][1]
    root = objects["trailer"]["value"]["/Root"]
    return objects[f"obj:{root}"]["value"]


def uncompressed(tmp, pdf):
    """The PDF's bytes with every stream and object stream expanded."""
    out = os.path.join(tmp, os.path.basename(pdf) + ".qdf")
    # --static-id: qpdf would give the rewritten file a new second /ID
    run(["qpdf", "--qdf", "--object-streams=disable", "--static-id", pdf, out])
    return read(out)


def trailer_id(pdf):
    return qpdf_json(pdf, "qpdf")["qpdf"][1]["trailer"]["value"]["/ID"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def plan_text():
    with open(PLAN, encoding="utf-8") as f:
        return f.read()


class BuiltPlanTest(unittest.TestCase):
    """Checks on one build of the plan with the booklet layout."""

    @classmethod
    def setUpClass(cls):
        cls._dir = tempfile.TemporaryDirectory(prefix="kumihan-quality-")
        cls.pdf = build(cls._dir.name, layout=BOOKLET)

    @classmethod
    def tearDownClass(cls):
        cls._dir.cleanup()

    def test_size_at_most_300_kb(self):
        size = os.path.getsize(self.pdf)
        self.assertLessEqual(size, MAX_BYTES, f"{size} bytes")

    def test_every_font_embedded_subset_unicode(self):
        fonts = pdffonts(self.pdf)
        self.assertGreater(len(fonts), 0)
        for f in fonts:
            self.assertEqual((f["emb"], f["sub"], f["uni"]), ("yes", "yes", "yes"), f["line"])

    def test_pdftotext_silent(self):
        p = run(["pdftotext", "-enc", "UTF-8", self.pdf, "-"])
        self.assertEqual(p.stderr, "")
        self.assertTrue(p.stdout.strip())

    def test_text_round_trip(self):
        """The page bodies, in page order, are the plan's text in reading
        order with its labels, as tests/data/plan-2023-expected.txt writes
        it by hand (whitespace aside: line breaks are the typesetter's)."""
        problem = reading_order_mismatch(self.pdf, PAGES)
        if problem:
            self.fail(problem)

    def test_info(self):
        info = pdfinfo(self.pdf)
        self.assertEqual(info["Title"], "2023年度事業基本方針")
        self.assertEqual(info["Author"], "苫小牧商工会議所")
        self.assertEqual(info["Subject"], "事業基本方針")
        for word in ["事業基本方針", "苫小牧商工会議所", "2023年度"]:
            self.assertIn(word, info["Keywords"])
        self.assertEqual(info["Creator"], "kumihan 0.1.0")
        self.assertRegex(info["CreationDate"], r"Apr\s+1 00:00:00 2023")

    def test_catalog_lang_and_page_mode(self):
        root = catalog(self.pdf)
        self.assertEqual(root.get("/Lang"), "u:ja-JP")
        self.assertEqual(root.get("/PageMode"), "/UseOutlines")
        self.assertIn("/Outlines", root)

    def test_outline_parts_and_sections_on_their_pages(self):
        outline = qpdf_json(self.pdf, "outlines")["outlines"]
        self.assertEqual([o["title"] for o in outline], PART_TITLES)
        bodies = [squash("".join(body_lines(self.pdf, p, PAGES))) for p in range(1, PAGES + 1)]
        sections = 0
        for part in outline:
            self.assertGreater(len(part["kids"]), 0, part["title"])
            for kid in part["kids"]:
                self.assertEqual(kid["kids"], [], f"{kid['title']!r} is a section: no children")
            for item in [part] + part["kids"]:
                page = item["destpageposfrom1"]
                title = squash(item["title"])
                first = next((i + 1 for i, b in enumerate(bodies) if title in b), None)
                self.assertEqual(page, first, f"bookmark {item['title']!r} opens page {page}; "
                                              f"pdftotext finds it first on page {first}")
            sections += len(part["kids"])
        self.assertEqual(sections, SECTIONS)
        self.assertTrue(all(re.match(r"^[１-９][０-９]*．", k["title"]) for p in outline for k in p["kids"]))

    def test_qpdf_check_clean(self):
        p = run(["qpdf", "--check", self.pdf])
        self.assertIn("No syntax or stream encoding errors", p.stdout)
        self.assertNotRegex(p.stdout + p.stderr, r"(?i)warning|error:")

    def test_every_page_exactly_a4(self):
        out = run(["pdfinfo", "-f", "1", "-l", str(PAGES), self.pdf]).stdout
        sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
        self.assertEqual([int(s[0]) for s in sizes], list(range(1, PAGES + 1)))
        for n, w, h in sizes:
            self.assertAlmostEqual(float(w), A4[0], delta=0.01, msg=f"page {n} width")
            self.assertAlmostEqual(float(h), A4[1], delta=0.01, msg=f"page {n} height")


class RebuildTest(TempDirTest):
    """Byte-identical rebuilds; dates only from the content or the epoch."""

    def test_two_builds_equal(self):
        a = build(self.tmp, layout=BOOKLET, name="a.pdf")
        b = build(self.tmp, layout=BOOKLET, name="b.pdf")
        self.assertEqual(read(a), read(b))

    def test_content_date_wins_over_source_date_epoch(self):
        a = build(self.tmp, layout=BOOKLET, name="a.pdf")
        os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
        try:
            b = build(self.tmp, layout=BOOKLET, name="b.pdf")
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
        self.assertEqual(read(a), read(b))

    def test_source_date_epoch_changes_only_the_dates(self):
        """Without a date in the content, SOURCE_DATE_EPOCH gives the
        dates, and two epochs give files equal but for the date strings."""
        content = os.path.join(self.tmp, "undated.yaml")
        text, n = re.subn(r"(?m)^date:.*\n", "", plan_text())
        self.assertEqual(n, 1)
        write_text(content, text)
        pdfs = []
        for i, epoch in enumerate(["1700000000", "1600000000"]):
            os.environ["SOURCE_DATE_EPOCH"] = epoch
            try:
                pdfs.append(build(self.tmp, content=content, layout=BOOKLET, name=f"e{i}.pdf"))
            finally:
                del os.environ["SOURCE_DATE_EPOCH"]
        self.assertRegex(pdfinfo(pdfs[0])["CreationDate"], r"Nov 14 22:13:20 2023")
        self.assertRegex(pdfinfo(pdfs[1])["CreationDate"], r"Sep 13 12:26:40 2020")
        self.assertNotEqual(read(pdfs[0]), read(pdfs[1]))
        self.assertEqual(trailer_id(pdfs[0]), trailer_id(pdfs[1]))
        # the Info dictionary sits in a compressed object stream: compare
        # the files' objects uncompressed (qpdf's QDF form)
        a, b = (uncompressed(self.tmp, pdf) for pdf in pdfs)
        self.assertEqual(len(a), len(b))
        self.assertEqual(XMP_DATE_RE.sub(b"", DATE_RE.sub(b"D:", a)),
                         XMP_DATE_RE.sub(b"", DATE_RE.sub(b"D:", b)))


class FailedBuildTest(TempDirTest):
    """A failing build leaves the previous PDF as it was, and no temporary
    file behind."""

    def setUp(self):
        super().setUp()
        self.out_dir = os.path.join(self.tmp, "out")
        os.mkdir(self.out_dir)
        self.pdf = build(self.out_dir, layout=BOOKLET)
        self.before = read(self.pdf)

    def assert_untouched(self, p):
        self.assertNotEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertTrue(p.stderr.strip(), "a failure must say why")
        self.assertEqual(read(self.pdf), self.before)
        self.assertEqual(os.listdir(self.out_dir), ["plan.pdf"])

    def test_unknown_content_key(self):
        content = os.path.join(self.tmp, "bad.yaml")
        write_text(content, plan_text() + "\nno_such_key: 1\n")
        self.assert_untouched(kumihan("build", content, "--layout", BOOKLET, "-o", self.pdf, check=False))

    def test_missing_font_file(self):
        layout = os.path.join(self.tmp, "layout.yaml")
        with open(BOOKLET, encoding="utf-8") as f:
            text = f.read()
        fonts_dir = os.path.join(os.path.dirname(BOOKLET), "..", "fonts")
        text = text.replace("../fonts/", os.path.abspath(fonts_dir) + "/")
        text, n = re.subn(r"BIZUDGothic-Bold\.ttf", "NoSuchFont-Bold.ttf", text)
        self.assertEqual(n, 1)
        write_text(layout, text)
        self.assert_untouched(kumihan("build", PLAN, "--layout", layout, "-o", self.pdf, check=False))

    def test_good_build_leaves_only_the_pdf(self):
        """Control: a good build into the same place replaces the file and
        still leaves only the PDF in the directory."""
        build(self.out_dir, layout=BOOKLET)
        self.assertEqual(read(self.pdf), self.before)
        self.assertEqual(os.listdir(self.out_dir), ["plan.pdf"])


if __name__ == "__main__":
    unittest.main()
