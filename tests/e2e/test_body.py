"""Body lists, notes, page breaks and keep_together, as a reader of the
PDF sees them (poppler): paragraphs in their place, a page break starting
a page, notes last under their block with their ※, a kept section moved
whole to the next page."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import BOOKLET, TempDirTest, kumihan, page_texts, pdfinfo, squash  # noqa: E402

CONTENT = """title: 本文と注記の試験
organization: 苫小牧商工会議所
preface: 前文の段落です。
body:
  - 本文の第一段落です。
  - page_break: true
  - 改ページ後の段落です。
parts:
  - title: 重点事業
    body: [部の本文です。]
    notes: 部の注記です。
    sections:
      - title: 会員交流
        items:
          - text: 会員交流会の開催
            notes: [参加費は当日受付にてお支払いください。]
            bullets: [立食形式]
"""


def kept(keep):
    """A part whose body fills most of a page, then a section of eight
    items, kept together or not."""
    lines = ["title: t", "organization: o", "parts:", "  - title: 部", "    body:"]
    lines += [f"      - 段落{i}" for i in range(24)]
    lines += ["    sections:", "      - title: 保持する節"]
    if keep:
        lines.append("        keep_together: true")
    lines.append("        items:")
    lines += [f"          - 項目{i}" for i in range(8)]
    return "\n".join(lines) + "\n"


class BodyTest(TempDirTest):
    def build(self, text, name):
        src = os.path.join(self.tmp, name + ".yaml")
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        pdf = os.path.join(self.tmp, name + ".pdf")
        kumihan("build", src, "--layout", BOOKLET, "-o", pdf)
        return [squash(t) for t in page_texts(pdf, int(pdfinfo(pdf)["Pages"]))]

    def test_body_order_page_break_and_notes(self):
        pages = self.build(CONTENT, "body")
        self.assertIn("前文の段落です。本文の第一段落です。", pages[0])
        self.assertNotIn("改ページ後", pages[0])
        # (the running head above it already names the part that starts on the page)
        self.assertTrue(0 <= pages[1].find("改ページ後の段落です。") < pages[1].find("Ⅰ．重点事業部の本文"), pages[1])
        p = pages[1]
        order = ["部の本文です。", "会員交流", "①会員交流会の開催", "・立食形式", "※参加費は当日受付", "※部の注記です。"]
        at = [p.find(s) for s in order]
        self.assertNotIn(-1, at, dict(zip(order, at)))
        self.assertEqual(at, sorted(at), dict(zip(order, at)))

    def test_keep_together_moves_the_section(self):
        loose = self.build(kept(False), "loose")
        self.assertIn("保持する節", loose[0])
        whole = self.build(kept(True), "kept")
        self.assertNotIn("保持する節", whole[0])
        self.assertIn("段落23", whole[0])
        self.assertIn("保持する節", whole[1])
        self.assertIn("項目0", whole[1])
        self.assertIn("項目7", whole[1])


if __name__ == "__main__":
    unittest.main()
