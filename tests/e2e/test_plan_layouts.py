"""The 2023 plan with each layout: A4 PDFs with embedded subset fonts, page
numbers, running heads, and the plan's text with its labels in reading
order (tests/data/plan-2023-expected.txt, written by hand).  The default
booklet has exactly the original's 13 pages."""
import unittest
from kumihan_e2e import (BOOKLET, LARGE, PART_TITLES, TempDirTest, build, page_texts, pdffonts, pdfinfo,
                         reading_order_mismatch, run, squash)


class PlanChecks:
    """Checks every layout of the plan must pass; subclasses set LAYOUT."""
    LAYOUT = None

    def setUp(self):
        super().setUp()
        self.pdf = build(self.tmp, layout=self.LAYOUT)
        self.info = pdfinfo(self.pdf)
        self.pages = int(self.info["Pages"])

    def test_a4_pages(self):
        self.assertRegex(self.info["Page size"], r"^595\.2\d* x 841\.8\d* pts \(A4\)")

    def test_fonts_embedded_as_subsets(self):
        fonts = pdffonts(self.pdf)
        self.assertGreaterEqual(len(fonts), 2)
        for f in fonts:
            self.assertEqual((f["emb"], f["sub"], f["uni"]), ("yes", "yes", "yes"), f["line"])
            self.assertRegex(f["name"], r"^[A-Z]{6}\+BIZUD")

    def test_structure_valid(self):
        p = run(["qpdf", "--check", self.pdf])
        self.assertIn("No syntax or stream encoding errors", p.stdout)

    def test_text_and_labels_in_reading_order(self):
        problem = reading_order_mismatch(self.pdf, self.pages)
        if problem:
            self.fail(problem)

    def test_footer_and_running_head_on_every_page(self):
        texts = page_texts(self.pdf, self.pages)
        current = None
        for i, t in enumerate(texts, 1):
            lines = [l.strip() for l in t.splitlines() if l.strip()]
            self.assertIn(f"{i} / {self.pages}", lines, f"page {i} footer")
            starting = [p for p in PART_TITLES if p in squash(t)]
            if i > 1:
                head = lines[0]
                self.assertIn(head, PART_TITLES, f"page {i} running head")
                self.assertTrue(head == current or head in starting, f"page {i} shows {head}")
            if starting:
                current = starting[-1]


class BookletTest(PlanChecks, TempDirTest):
    LAYOUT = BOOKLET

    def test_thirteen_pages_like_the_original(self):
        self.assertEqual(self.pages, 13)


class LargePrintTest(PlanChecks, TempDirTest):
    LAYOUT = LARGE

    def test_more_pages_than_the_booklet(self):
        self.assertGreater(self.pages, 13)


if __name__ == "__main__":
    unittest.main()
