"""The print shop's PDF: the 2023 plan imposed for saddle stitching on A3
sheets (and 2-up for proof reading), read back with poppler and qpdf."""
import os
import re
import unittest
from kumihan_e2e import BOOKLET, PLAN, ROOT, TempDirTest, build, kumihan, pdffonts, pdfinfo, pdftotext, run, squash

A3_LANDSCAPE = (1190.55, 841.89)
# Sides of the 4 sheets (front, back, …): the page whose footer shows on
# the left and the right half, 0 for a blank.  Booklet positions 16 | 1,
# 2 | 15, 14 | 3, 4 | 13, …; with a back cover (back_cover: true in the
# content) positions 13–15 blank, page 13 at 16; without one the blanks
# follow page 13.
SADDLE = [(13, 1), (2, 0), (0, 3), (4, 0), (12, 5), (6, 11), (10, 7), (8, 9)]
SADDLE_END = [(0, 1), (2, 0), (0, 3), (4, 13), (12, 5), (6, 11), (10, 7), (8, 9)]


def page_sizes(pdf, n):
    out = run(["pdfinfo", "-f", "1", "-l", str(n), pdf]).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def crop_text(pdf, page, x, y, w, h):
    return pdftotext(pdf, "-f", str(page), "-l", str(page), "-x", str(int(x)), "-y", str(int(y)),
                     "-W", str(int(w)), "-H", str(int(h))).strip()


def footers(pdf, sides, width, height, slug=0.0):
    """The page numbers in the footer strip of each half of each side."""
    half = (width - 2 * slug) / 2
    got = []
    for side in range(1, sides + 1):
        pair = []
        for x in (slug, slug + half):
            t = crop_text(pdf, side, x, height - slug - 50, half, 50)
            m = re.fullmatch(r"(\d+) / 13", t)
            if not m and t:
                raise AssertionError(f"side {side}: unexpected footer text {t!r}")
            pair.append(int(m.group(1)) if m else 0)
        got.append(tuple(pair))
    return got


def back_cover_plan(tmp):
    """The plan, declaring that its last page is a back cover."""
    with open(PLAN, encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(tmp, "plan-back-cover.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\nback_cover: true\n")
    return path


def marks_layout(tmp, pad="before-last"):
    """The booklet layout with crop marks and the given padding rule."""
    with open(BOOKLET, encoding="utf-8") as f:
        text = f.read()
    fonts = os.path.join(ROOT, "fonts") + "/"
    text = text.replace("../fonts/", fonts).replace("crop_marks: false", "crop_marks: true")
    text = text.replace("pad: before-last", f"pad: {pad}")
    path = os.path.join(tmp, "marks.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


class SaddleTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.pdf = build(self.tmp, content=back_cover_plan(self.tmp), layout=BOOKLET, name="print.pdf",
                         extra=("--impose", "saddle"))

    def test_eight_a3_landscape_sides(self):
        self.assertEqual(pdfinfo(self.pdf)["Pages"], "8")   # ceil(13 / 4) × 2
        for w, h in page_sizes(self.pdf, 8):
            self.assertAlmostEqual(w, A3_LANDSCAPE[0], places=1)
            self.assertAlmostEqual(h, A3_LANDSCAPE[1], places=1)

    def test_saddle_stitch_sequence(self):
        self.assertEqual(footers(self.pdf, 8, *A3_LANDSCAPE), SADDLE)

    def test_blank_pages_have_no_text(self):
        half = A3_LANDSCAPE[0] / 2
        for side, pair in enumerate(SADDLE, 1):
            for i, page in enumerate(pair):
                if page == 0:
                    self.assertEqual(crop_text(self.pdf, side, i * half, 0, half, A3_LANDSCAPE[1]), "",
                                     f"side {side} half {i} should be blank")

    def test_back_cover_running_head_on_outside_edge(self):
        # page 13 moved to position 16, a left-hand page: its head is on the left
        half = A3_LANDSCAPE[0] / 2
        left = crop_text(self.pdf, 1, 0, 0, half / 2, 60)
        self.assertIn("Ⅴ．特別事業", left)

    def test_structure_valid(self):
        p = run(["qpdf", "--check", self.pdf])
        self.assertIn("No syntax or stream encoding errors", p.stdout)

    def test_fonts_embedded_once(self):
        fonts = pdffonts(self.pdf)
        names = [f["name"].split("+")[-1] for f in fonts]
        self.assertEqual(len(names), len(set(names)), names)
        for f in fonts:
            self.assertEqual((f["emb"], f["sub"], f["uni"]), ("yes", "yes", "yes"), f["line"])

    def test_text_extractable(self):
        reading = build(self.tmp, layout=BOOKLET, name="reading.pdf")
        imposed = squash(pdftotext(self.pdf))
        for part in ["2023年度事業基本方針", "Ⅰ．重点事業", "Ⅱ．経営支援対策事業", "Ⅴ．特別事業"]:
            self.assertIn(part, imposed)
        self.assertEqual(sorted(squash(pdftotext(reading))), sorted(imposed))


class OptionsTest(TempDirTest):
    def test_pad_end(self):
        layout = marks_layout(self.tmp, pad="end")
        pdf = build(self.tmp, layout=layout, name="end.pdf", extra=("--impose", "saddle"))
        sizes = page_sizes(pdf, 8)
        slug = (sizes[0][0] - A3_LANDSCAPE[0]) / 2
        self.assertAlmostEqual(slug, 28.35, places=1)   # 10mm
        self.assertEqual(footers(pdf, 8, *sizes[0], slug=slug), SADDLE_END)

    def test_no_back_cover_pads_at_the_end(self):
        # the layout says before-last, but the plan declares no back cover:
        # Part Ⅴ's last page stays after page 12, the blanks follow it
        pdf = build(self.tmp, layout=BOOKLET, name="plain.pdf", extra=("--impose", "saddle"))
        self.assertEqual(footers(pdf, 8, *A3_LANDSCAPE), SADDLE_END)

    def test_crop_marks_grow_the_sheet(self):
        pdf = build(self.tmp, layout=marks_layout(self.tmp), name="marks.pdf", extra=("--impose", "saddle"))
        for w, h in page_sizes(pdf, 8):
            self.assertGreater(w, A3_LANDSCAPE[0])
            self.assertGreater(h, A3_LANDSCAPE[1])
            self.assertAlmostEqual(w - A3_LANDSCAPE[0], h - A3_LANDSCAPE[1], places=1)
        self.assertIn("No syntax or stream encoding errors", run(["qpdf", "--check", pdf]).stdout)

    def test_2up(self):
        pdf = build(self.tmp, layout=BOOKLET, name="2up.pdf", extra=("--impose", "2up"))
        self.assertEqual(pdfinfo(pdf)["Pages"], "7")
        want = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12), (13, 0)]
        self.assertEqual(footers(pdf, 7, *A3_LANDSCAPE), want)

    def test_print_output_writes_both(self):
        reading = os.path.join(self.tmp, "plan.pdf")
        printed = os.path.join(self.tmp, "plan-print.pdf")
        kumihan("build", os.path.join(ROOT, "content", "plan-2023.yaml"), "--layout", BOOKLET,
                "-o", reading, "--print-output", printed)
        self.assertEqual(pdfinfo(reading)["Pages"], "13")
        self.assertEqual(pdfinfo(printed)["Pages"], "8")

    def test_impose_none_is_the_reading_pdf(self):
        pdf = build(self.tmp, layout=BOOKLET, name="none.pdf", extra=("--impose", "none"))
        self.assertEqual(pdfinfo(pdf)["Pages"], "13")

    def test_bad_method_is_a_usage_error(self):
        p = kumihan("build", os.path.join(ROOT, "content", "plan-2023.yaml"), "--impose", "booklet",
                    "-o", os.path.join(self.tmp, "x.pdf"), check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--impose", p.stderr)


if __name__ == "__main__":
    unittest.main()
