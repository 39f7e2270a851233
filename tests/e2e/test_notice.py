"""The one-page notice to members (content/notice-2023-koryukai.yaml, set
in its own layout, layouts/notice-a4.yaml, named by its `layout:` key):
read back with poppler and pikepdf, never with kumihan's code.  The
Japanese letter's order (文書番号 and date top right, 宛名 left, 発信者
right, the centred title, the body, 記, the record, 以上), the places of
its lines, one page, and its tags (P for the head lines, 記 and 以上;
Note for the ※ notes)."""
import html
import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import ROOT, import_pikepdf, kumihan, pdfinfo, pdftotext, run  # noqa: E402

pikepdf = import_pikepdf()

NOTICE = os.path.join(ROOT, "content", "notice-2023-koryukai.yaml")
A4_WIDTH = 595.28
MEASURE = 40 * 10.5          # the layout's chars_per_line × body size
LEFT = (A4_WIDTH - MEASURE) / 2
RIGHT = LEFT + MEASURE
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def lines_of(pdf):
    """The page's lines from poppler's word boxes: (text, x_min, x_max),
    top to bottom (words on one baseline form one line)."""
    rows = {}
    for x0, y0, x1, text in WORD.findall(run(["pdftotext", "-bbox", pdf, "-"]).stdout):
        row = rows.setdefault(round(float(y0)), [])
        row.append((float(x0), float(x1), html.unescape(text)))
    out = []
    for y in sorted(rows):
        words = sorted(rows[y])
        out.append(("".join(w[2] for w in words), words[0][0], words[-1][1]))
    return out


def line_with(lines, text):
    for line in lines:
        if text in line[0]:
            return line
    raise AssertionError(f"no line with {text!r} in {[l[0] for l in lines]}")


class NoticeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        cls.pdf = os.path.join(cls._tmp.name, "notice.pdf")
        kumihan("build", NOTICE, "-o", cls.pdf)   # no --layout: the content names its own
        cls.lines = lines_of(cls.pdf)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_one_page_in_its_own_layout(self):
        self.assertEqual(pdfinfo(self.pdf)["Pages"], "1")
        # the booklet would have put the organisation under the title and a footer
        self.assertNotIn("1 / 1", pdftotext(self.pdf))

    def test_letter_order(self):
        texts = [l[0] for l in self.lines]

        def index(s):   # "=記": the line that is 記 alone (the body says 下記)
            for i, t in enumerate(texts):
                if (t == s[1:]) if s.startswith("=") else (s in t):
                    return i
            self.fail(f"no line with {s!r} in {texts}")

        order = ["苫商発第45号", "令和5年5月10日", "会員各位", "苫小牧商工会議所", "会頭",
                 "会員交流会の開催について（ご案内）", "時下ますます", "=記", "令和5年6月15日",
                 "お一人様5,000円", "※定員", "=以上"]
        at = [index(s) for s in order]
        self.assertEqual(at, sorted(at), dict(zip(order, at)))
        self.assertEqual(len(set(at)), len(at), dict(zip(order, at)))
        self.assertEqual(texts[-1], "以上")
        self.assertEqual(texts[0], "苫商発第45号")

    def test_positions(self):
        for text in ("苫商発第45号", "令和5年5月10日", "苫小牧商工会議所", "会頭", "以上"):
            line = line_with(self.lines, text)
            self.assertAlmostEqual(line[2], RIGHT, delta=1.0, msg=f"{text} ends at the right margin")
        self.assertAlmostEqual(line_with(self.lines, "会員各位")[1], LEFT, delta=1.0)
        kigo = [l for l in self.lines if l[0] == "記"]
        self.assertEqual(len(kigo), 1)
        self.assertAlmostEqual((kigo[0][1] + kigo[0][2]) / 2, A4_WIDTH / 2, delta=1.0)
        title = line_with(self.lines, "ご案内")
        self.assertAlmostEqual((title[1] + title[2]) / 2, A4_WIDTH / 2, delta=1.0)
        # the ※ hangs: the note's text starts one em after it
        note = line_with(self.lines, "※定員")
        self.assertGreater(note[1], LEFT + 10)

    def test_tags(self):
        with pikepdf.open(self.pdf) as pdf:
            types, texts = [], {}

            def walk(elem):
                kids = elem.get("/K")
                kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
                for kid in kids:
                    if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                        types.append(str(kid.S))
                        walk(kid)

            walk(pdf.Root.StructTreeRoot)
        self.assertEqual(types.count("/Note"), 2)
        self.assertEqual(types.count("/H1"), 1)
        # 2 head lines + addressee + 2 issuer lines + 3 body paragraphs + 記 + 以上
        self.assertEqual(types.count("/P"), 10, types)
        self.assertNotIn("/L", types)
        # the record: a table of 日時 / 場所 / 会費 / 申込み under its 項目 / 内容 header
        self.assertEqual(types.count("/Table"), 1)
        self.assertEqual(types.count("/TH"), 2)
        self.assertEqual(types.count("/TD"), 8)


if __name__ == "__main__":
    unittest.main()
