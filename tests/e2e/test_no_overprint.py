"""No ink over ink, no ink off the paper (issue 10 parts 3 and 4): the plan
set with long lists — 60 items (① … ㊿ then (51) …), 25 subsections (⑴ …
⒇ then (21) …), items numbered in kanji (十一、 is three characters wide)
— and a part title longer than the measure, read back with poppler's
`pdftotext -bbox-layout`.  On every page:

- a numbered label is a word of its own, and its box ends before its
  text's first glyph box begins (poppler joins glyphs that touch or
  overlap into one word, so a label drawn over its text shows as one word
  "(51)第");
- no two words overlap;
- no word leaves the paper.

The content is written here from a template of the plan's own structure,
so the test does not depend on the plan's text."""
import os
import re
import unittest
import xml.etree.ElementTree as ET

from kumihan_e2e import BOOKLET, KUMIHAN, TempDirTest, run

NS = "{http://www.w3.org/1999/xhtml}"
EPS = 0.01   # pt: poppler prints 6 decimals of float coordinates
# Generated labels: ⑴…⒇ ①…⑳ ㉑…㉟ ㊱…㊿, (n), n）, kanji + 、
LABEL = re.compile(r"^(?:[\u2474-\u2487]|[\u2460-\u2473]|[\u3251-\u325f]|[\u32b1-\u32bf]|\(\d+\)|\d+）"
                   r"|[一二三四五六七八九十百千]+、)")
OPENING = "「『（［〔【〈《"
HEAD = """title: 2023年度事業基本方針
organization: 苫小牧商工会議所
fiscal_year: 2023
parts:
  - title: {part}
    sections:
      - title: 政策提言・要望活動
        subsections:
"""
LONG_PART = ("地域経済の持続的な発展と中小企業・小規模事業者の経営基盤の強化に向けた総合的な支援事業の推進及び"
             "関係機関・団体との連携強化による広域的な地域振興施策の展開")


def item_text(i):
    """Texts of varied length: some wrap, so hanging lines are checked too."""
    return f"第{i}項目の事業を推進し地域経済の発展に寄与する取組" + ("を関係機関と連携して着実に実施します" * (i % 3))


def list_of_items(n, part="重点事業"):
    lines = [HEAD.format(part=part), "          - title: 多くの項目をもつ小項目\n            items:\n"]
    lines += [f"              - {item_text(i)}\n" for i in range(1, n + 1)]
    return "".join(lines)


def list_of_subsections(n):
    lines = [HEAD.format(part="重点事業")]
    for i in range(1, n + 1):
        lines.append(f"          - title: 第{i}の小項目として関係団体との政策懇談会を開催する\n"
                     f"            items:\n              - {item_text(i)}\n")
    return "".join(lines)


def words_by_page(pdf):
    """[(page width, page height, [(xMin, yMin, xMax, yMax, text, row)])]: the
    row is the word's baseline (yMax) rounded, since poppler may put a label
    set apart from its text into a line or flow of its own."""
    xml = run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-"]).stdout
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter(NS + "page"):
        words = []
        for w in page.iter(NS + "word"):
            box = tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            words.append((*box, w.text or "", round(box[3], 1)))
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def overlap(a, b):
    return a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS


def problems(pdf, strict=True):
    """Every overprint and every word off the paper, as readable lines.
    strict=False lets a label join a text that starts with an opening
    bracket (the generated lists have none, so they are checked strictly)."""
    found = []
    for p, (width, height, words) in enumerate(words_by_page(pdf), 1):
        for w in words:
            if w[0] < -EPS or w[1] < -EPS or w[2] > width + EPS or w[3] > height + EPS:
                found.append(f"page {p}: {w[4]!r} leaves the paper at {w[:4]}")
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if overlap(a, b):
                    found.append(f"page {p}: {a[4]!r} {a[:4]} overlaps {b[4]!r} {b[:4]}")
        found += label_problems(p, words, strict)
    return found


def label_problems(p, words, strict):
    """A row starting with a label: the label alone, before its text."""
    found = []
    firsts = {}
    for w in words:
        firsts.setdefault(w[5], []).append(w)
    for line in firsts.values():
        first = min(line, key=lambda w: w[0])
        m = LABEL.match(first[4])
        if not m:
            continue
        rest = first[4][len(m.group(0)):]
        if rest[:1] in OPENING and not strict:
            continue   # JLREQ sets a line-initial 「 half-width: its blank half touches the label's box
        if rest:
            found.append(f"page {p}: label {m.group(0)!r} touches or overprints its text: {first[4]!r}")
            continue
        after = [w for w in line if w is not first and w[0] >= first[0]]
        if not after:
            found.append(f"page {p}: label {first[4]!r} has no text after it")
            continue
        text = min(after, key=lambda w: w[0])
        if first[2] > text[0] + EPS:
            found.append(f"page {p}: label {first[4]!r} ends at {first[2]:.2f}, over its text {text[4]!r} "
                         f"starting at {text[0]:.2f}")
    return found


class NoOverprint(TempDirTest):
    def build(self, name, content, layout=BOOKLET, extra=()):
        path = os.path.join(self.tmp, name + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        pdf = os.path.join(self.tmp, name + ".pdf")
        p = run([KUMIHAN, "build", path, "--layout", layout, "-o", pdf, *extra], check=False)
        self.assertEqual(p.returncode, 0, p.stderr)
        return pdf, p.stderr

    def assert_clean(self, pdf, labels):
        found = problems(pdf)
        self.assertEqual(found, [], "\n".join(found[:20]))
        text = run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout
        for label in labels:
            self.assertIn(label, text)

    def test_the_plan_in_both_layouts(self):
        from kumihan_e2e import LARGE, PLAN
        for layout in (BOOKLET, LARGE):
            pdf = os.path.join(self.tmp, "plan.pdf")
            p = run([KUMIHAN, "build", PLAN, "--layout", layout, "-o", pdf], check=False)
            self.assertEqual(p.returncode, 0, p.stderr)
            found = problems(pdf, strict=False)
            self.assertEqual(found, [], "\n".join(found[:20]))

    def test_sixty_items(self):
        pdf, _ = self.build("items60", list_of_items(60))
        self.assert_clean(pdf, ["①", "⑳", "㉑", "㊿", "(51)", "(60)"])

    def test_twenty_five_subsections(self):
        pdf, _ = self.build("subs25", list_of_subsections(25))
        self.assert_clean(pdf, ["⑴", "⒇", "(21)", "(25)"])

    def test_kanji_items(self):
        with open(BOOKLET, encoding="utf-8") as f:
            layout = f.read()
        layout = layout.replace("numbering: circled", 'numbering: kanji\n    format: "{n}、"')
        layout = layout.replace("../fonts/", os.path.join(os.path.dirname(BOOKLET), "..", "fonts") + "/")
        path = os.path.join(self.tmp, "kanji.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(layout)
        pdf, _ = self.build("items-kanji", list_of_items(25), layout=path)
        self.assert_clean(pdf, ["一、", "十、", "十一、", "二十五、"])

    def test_long_part_title_stays_on_the_paper(self):
        pdf, stderr = self.build("long-part", list_of_items(60, part=LONG_PART))
        self.assert_clean(pdf, ["(60)"])
        self.assertIn("running head", stderr)
        self.assertEqual(stderr.count("running head"), 1, stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
