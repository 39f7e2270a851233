"""JLREQ in the built plan, read back with poppler's bounding boxes: no text
line starts with a character JLREQ forbids at a line start or ends with an
opening bracket, and every full body line ends exactly at the measure."""
import html
import re
import unittest
from kumihan_e2e import BOOKLET, LARGE, TempDirTest, build, run

# JLREQ 3.1.7 (strict): closing brackets, hyphens are allowed; these are not.
NO_LINE_START = set("）」』】〕］｝〉》〙〗’”、。，．・：；！？‼⁇ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]},.:;!?")
NO_LINE_END = set("（「『【〔［｛〈《〘〖‘“([{")
# A mark ending a justified line may give up its empty part (JLREQ 3.1.4):
# closing brackets and stops the half em after the glyph, middle dots the
# quarter em after it; poppler's box still spans the whole em.
SPACE_AFTER_GLYPH = {**{c: 0.5 for c in "）」』】〕］｝〉》、。，．"}, **{c: 0.25 for c in "・：；"}}

LINE_RE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD_RE = re.compile(r'<word[^>]*>(.*?)</word>')


def bbox_lines(pdf):
    """(page, x_min, x_max, size, text) of every text line poppler finds."""
    out = run(["pdftotext", "-bbox-layout", pdf, "-"]).stdout
    lines = []
    for page_no, page in enumerate(out.split("<page ")[1:], 1):
        for m in LINE_RE.finditer(page):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words = [html.unescape(w) for w in WORD_RE.findall(m.group(5))]
            lines.append((page_no, x0, x1, y1 - y0, "".join(words)))
    return lines


def type_area(layout_path):
    """Left and right edges of the type area, from the layout's own numbers."""
    with open(layout_path, encoding="utf-8") as f:
        y = f.read()
    chars = int(re.search(r"chars_per_line:\s*(\d+)", y).group(1))
    size = float(re.search(r"body:\s*\n(?:.*\n)*?\s*size:\s*([\d.]+)pt", y).group(1))
    measure = chars * size
    left = (595.28 - measure) / 2
    return left, left + measure, size


class JlreqLayoutTest(TempDirTest):
    def check_layout(self, layout):
        pdf = build(self.tmp, layout=layout)
        left, right, em = type_area(layout)
        lines = bbox_lines(pdf)
        self.assertGreater(len(lines), 300)
        full = 0
        previous_full = False
        for page, x0, x1, size, text in lines:
            where = f"page {page}: {text}"
            # ・ also marks bullets: only after a full line could it be a wrapped line's start
            if not (text[0] == "・" and not previous_full):
                self.assertNotIn(text[0], NO_LINE_START, "line starts with a prohibited character: " + where)
            self.assertNotIn(text[-1], NO_LINE_END, "line ends with an opening bracket: " + where)
            self.assertLessEqual(x1, right + 0.5 * em + 0.01, "text beyond the measure: " + where)
            self.assertGreaterEqual(x0, left - 0.01, "text left of the type area: " + where)
            # a justified line ending in 。 sets only its half-em glyph; a ragged last
            # line that happens to fill the measure keeps the whole em
            edge = x1 - SPACE_AFTER_GLYPH.get(text[-1], 0) * size
            previous_full = edge > right - 0.75 * em and abs(size - em) < 0.01
            if previous_full:
                full += 1
                flush = min(abs(edge - right), abs(x1 - right))
                self.assertLessEqual(flush, 0.1, f"full line ends {edge - right:+.2f}pt off the measure: " + where)
        self.assertGreaterEqual(full, 10, "expected the lead paragraphs to give full (justified) lines")

    def test_booklet(self):
        self.check_layout(BOOKLET)

    def test_large_print(self):
        self.check_layout(LARGE)


if __name__ == "__main__":
    unittest.main()
