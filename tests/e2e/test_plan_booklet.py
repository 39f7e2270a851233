"""The 2023 plan with the default layout: a 13-page A4 PDF with embedded
subset fonts, page numbers, running heads, and every text of the seed."""
import os
import re
import unittest
from kumihan_e2e import (BOOKLET, ROOT, TempDirTest, build, page_texts, pdffonts, pdfinfo, pdftotext, run,
                         squash)

EXPECTED = os.path.join(ROOT, "tests", "data", "plan-2023-expected.txt")
PART_TITLES = ["Ⅰ．重点事業", "Ⅱ．経営支援対策事業", "Ⅲ．地域経済活性化事業", "Ⅳ．商工会議所運営事業", "Ⅴ．特別事業"]


class BookletTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.pdf = build(self.tmp, layout=BOOKLET)
        self.info = pdfinfo(self.pdf)

    def test_thirteen_a4_pages(self):
        self.assertEqual(self.info["Pages"], "13")
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

    def test_every_seed_text_in_order(self):
        text = squash(pdftotext(self.pdf))
        pos = 0
        with open(EXPECTED, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                want = squash(line)
                if not want:
                    continue
                found = text.find(want, pos)
                self.assertGreaterEqual(found, 0, f"expected line {n} not found after offset {pos}: {line.strip()}")
                pos = found + len(want)

    def test_footer_and_running_head_on_every_page(self):
        texts = page_texts(self.pdf, 13)
        current = None
        for i, t in enumerate(texts, 1):
            lines = [l.strip() for l in t.splitlines() if l.strip()]
            self.assertIn(f"{i} / 13", lines, f"page {i} footer")
            starting = [p for p in PART_TITLES if p in squash(t)]
            if i > 1:
                head = lines[0]
                self.assertIn(head, PART_TITLES, f"page {i} running head")
                self.assertTrue(head == current or head in starting, f"page {i} shows {head}")
            if starting:
                current = starting[-1]


if __name__ == "__main__":
    unittest.main()
