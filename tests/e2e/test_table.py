"""Tables (issue 14), read back with poppler and pikepdf, never with
kumihan's code: tests/data/table-long.yaml holds one table of 44 rows (one empty)
that crosses two page breaks.

- every page the table is on opens it with its header row (区分 … 増減),
  a continuation page with the caption and （続き） above it, and both are
  tagged once: the copies are /Artifact /Pagination;
- the numbers of a column share their right edge (flush right), on every
  page;
- no word overprints another, none leaves the paper;
- the structure is Table > Caption, THead > TR > TH (/Scope /Column),
  TBody > TR > TD, one TR per row (the empty row too), one TD per cell;
- every operator is tagged or an artifact, and every MCID reaches the
  tree and back (the PDF/UA checks of test_pdf_ua)."""
import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import BOOKLET, ROOT, TempDirTest, build, import_pikepdf  # noqa: E402
from test_no_overprint import problems, words_by_page  # noqa: E402
from test_pdf_ua import PAINTING, TEXT_SHOWING, check_mcids_reach_the_tree_and_back, kids_of, is_elem, \
    marked_content_ops, mcid_of, struct_type, walk  # noqa: E402

pikepdf = import_pikepdf()

CONTENT = os.path.join(ROOT, "tests", "data", "table-long.yaml")
HEADER = ["区分", "主な業種・事業内容", "令和3年度", "令和4年度", "増減"]
ROWS = 44   # one of them empty
NUMBER = re.compile(r"^[△\d][\d,]*$")


class TableTest(TempDirTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        cls.pdf_path = build(cls._tmp.name, content=CONTENT, layout=BOOKLET, name="table.pdf")
        cls.pages = words_by_page(cls.pdf_path)
        cls.pdf = pikepdf.open(cls.pdf_path)

    @classmethod
    def tearDownClass(cls):
        cls.pdf.close()
        cls._tmp.cleanup()
        super().tearDownClass()

    def header_rows(self, words):
        """The y of each line of words that reads as the header row."""
        rows = {}
        for w in words:
            rows.setdefault(w[5], []).append(w)
        found = []
        for y, line in sorted(rows.items()):
            text = "".join(w[4] for w in sorted(line))
            if text.replace(" ", "") == "".join(HEADER):
                found.append(y)
        return found

    @staticmethod
    def row_numbers(words):
        """The numbers of the table's rows: the number words of lines that
        hold three of them (the folio and the title's year hold fewer)."""
        lines = {}
        for w in words:
            if NUMBER.match(w[4]):
                lines.setdefault(w[5], []).append(w)
        return [w for line in lines.values() if len(line) == 3 for w in line]

    def test_crosses_pages_with_header_on_each(self):
        self.assertGreaterEqual(len(self.pages), 3)
        for p, (_, _, words) in enumerate(self.pages, 1):
            heads = self.header_rows(words)
            self.assertEqual(len(heads), 1, f"page {p}: header rows {heads}")
            body = self.row_numbers(words)
            self.assertTrue(body, f"page {p}: no rows")
            self.assertLess(heads[0], min(w[3] for w in body), f"page {p}: the header is not above the rows")

    def test_continued_caption(self):
        """The booklet's continued: a continuation page repeats the caption
        with （続き） above the header; the first page has the caption alone."""
        for p, (_, _, words) in enumerate(self.pages, 1):
            text = "".join(w[4] for w in words)
            self.assertEqual(text.count("（続き）"), 0 if p == 1 else 1, f"page {p}")
            self.assertEqual(text.count("業種別会員数の推移"), 1, f"page {p}")

    def test_numbers_flush_right(self):
        for p, (_, _, words) in enumerate(self.pages, 1):
            rights = sorted({round(w[2], 1) for w in self.row_numbers(words)})
            self.assertEqual(len(rights), 3, f"page {p}: right edges of the numbers {rights}")

    def test_no_overprint(self):
        self.assertEqual(problems(self.pdf_path), [])

    def tables(self):
        return [e for e, _ in walk(self.pdf.Root.StructTreeRoot.K) if struct_type(e) == "Table"]

    def test_structure(self):
        tables = self.tables()
        self.assertEqual(len(tables), 1)
        kinds = [struct_type(k) for k in kids_of(tables[0]) if is_elem(k)]
        self.assertEqual(kinds, ["Caption", "THead", "TBody"])
        thead, tbody = [k for k in kids_of(tables[0]) if is_elem(k)][1:]
        head_rows = [k for k in kids_of(thead) if is_elem(k)]
        self.assertEqual([struct_type(r) for r in head_rows], ["TR"])
        ths = [k for k in kids_of(head_rows[0]) if is_elem(k)]
        self.assertEqual([struct_type(c) for c in ths], ["TH"] * 5)
        for th in ths:
            self.assertEqual(str(th.A.O), "/Table")
            self.assertEqual(str(th.A.Scope), "/Column")
        rows = [k for k in kids_of(tbody) if is_elem(k)]
        self.assertEqual(len(rows), ROWS)
        for r in rows:
            self.assertEqual([struct_type(c) for c in kids_of(r) if is_elem(c)], ["TD"] * 5)
        # one header in the tree however many pages show it
        self.assertEqual(sum(1 for e, _ in walk(self.pdf.Root.StructTreeRoot.K) if struct_type(e) == "TH"), 5)

    def test_repeated_header_is_an_artifact(self):
        for n, page in enumerate(self.pdf.pages, 1):
            if n == 1:
                continue
            artifact_text = 0
            for op, stack, _ in marked_content_ops(page):
                if op in ("Tj", "TJ") and stack and stack[-1][0] == "/Artifact" \
                        and str(stack[-1][1].get("/Type")) == "/Pagination":
                    artifact_text += 1
            # the running head, the folio and the five header cells
            self.assertGreaterEqual(artifact_text, 5, f"page {n}")

    def test_every_operator_is_tagged_or_an_artifact(self):
        """The rules, the header's tint and every cell's text: an MCID or an
        /Artifact (/Layout for rules and tint), never neither, never both."""
        for n, page in enumerate(self.pdf.pages, 1):
            for op, stack, _ in marked_content_ops(page):
                if op not in TEXT_SHOWING and op not in PAINTING:
                    continue
                self.assertTrue(stack, f"page {n}: {op} outside marked content")
                tags = [t for t, _ in stack]
                self.assertFalse("/Artifact" in tags and any(mcid_of(p) is not None for _, p in stack), f"page {n}")
                self.assertTrue(tags[-1] == "/Artifact" or mcid_of(stack[-1][1]) is not None, f"page {n}")

    def test_mcids(self):
        check_mcids_reach_the_tree_and_back(self, self.pdf)


if __name__ == "__main__":
    unittest.main()
