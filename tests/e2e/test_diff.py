"""End-to-end tests of `kumihan diff` (the change report, against the
expected files of tests/diff/<case>/) and of `kumihan build --compare`
(the marked booklet, read back with pdftotext).  UPDATE_EXPECTED=1
rewrites a case's expected.txt and exit from what kumihan does; each case
it rewrote still fails (kumihan_e2e.check_golden)."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import (BOOKLET, ROOT, TempDirTest, check_golden, kumihan, page_texts, pdfinfo,  # noqa: E402
                         pdftotext, same_status, squash)

CASES = os.path.join(ROOT, "tests", "diff")


def case_dirs():
    return sorted(d for d in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, d)))


def diff(case):
    d = os.path.join(CASES, case)
    return kumihan("diff", os.path.join(d, "old.yaml"), os.path.join(d, "new.yaml"), "--layout", BOOKLET,
                   check=False)


class DiffReport(unittest.TestCase):
    def test_cases(self):
        self.assertGreaterEqual(len(case_dirs()), 7)
        for case in case_dirs():
            with self.subTest(case=case):
                d = os.path.join(CASES, case)
                p = diff(case)
                self.assertEqual(p.stderr, "")
                check_golden(self, os.path.join(d, "expected.txt"), p.stdout, f"{case}: report")
                check_golden(self, os.path.join(d, "exit"), f"{p.returncode}\n", f"{case}: exit status",
                             same=same_status)

    def test_renumbering_is_no_change(self):
        # the inserted item shifts ⑤ ⑥ ⑦ to ⑥ ⑦ ⑧: only the insertion is reported
        self.assertEqual(len(diff("insert").stdout.splitlines()), 1)

    def test_trouble_is_status_2(self):
        p = kumihan("diff", os.path.join(CASES, "edit", "old.yaml"), check=False)
        self.assertEqual(p.returncode, 2)
        p = kumihan("diff", os.path.join(CASES, "edit", "old.yaml"), "/nonexistent.yaml", "--layout", BOOKLET,
                    check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("nonexistent", p.stderr)


class MarkedBooklet(TempDirTest):
    def build(self, case, lang="C"):
        d = os.path.join(CASES, case)
        out = os.path.join(self.tmp, f"{case}-{lang}.pdf")
        kumihan("build", os.path.join(d, "new.yaml"), "--compare", os.path.join(d, "old.yaml"), "--layout",
                BOOKLET, "-o", out, lang=lang)
        return out

    def test_summary_in_both_languages(self):
        summary = squash(pdftotext(self.build("edit", "ja_JP.UTF-8"), "-f", "1", "-l", "1"))
        self.assertIn("変更の概要", summary)
        self.assertIn("p.2Ⅱ-1-⑵-①修正：中小企業者に対する金融[-円滑化-]{+支援+}の推進", summary)
        summary = squash(pdftotext(self.build("edit"), "-f", "1", "-l", "1"))
        self.assertIn("Summaryofchanges", summary)

    def test_edit_marked(self):
        pdf = self.build("edit")
        summary = squash(pdftotext(pdf, "-f", "1", "-l", "1"))
        # p.2: the page of the clean booklet (title page 1), not of this PDF
        self.assertIn("p.2Ⅱ-1-⑵-①edited:中小企業者に対する金融[-円滑化-]{+支援+}の推進", summary)
        body = squash(pdftotext(pdf, "-f", "2"))
        # deleted characters stay at their place, struck, before the inserted ones
        self.assertIn("中小企業者に対する金融円滑化支援の推進", body)

    def test_table_cells_marked(self):
        """A changed cell is named by its table, row and column and marked in
        its cell; an added row is one line of the summary."""
        pdf = self.build("table", "ja_JP.UTF-8")
        summary = squash(pdftotext(pdf, "-f", "1", "-l", "1"))
        self.assertIn("Ⅰ-1-表1-1行目-3列目修正：[-1,250-]{+1,252+}", summary)
        self.assertIn("Ⅰ-1-表1-3行目追加：団体会員|20|22|2", summary)
        self.assertNotIn("列目追加", summary)   # the added row's cells are its line
        body = squash(pdftotext(pdf, "-f", "2"))
        self.assertIn("1,2501,252", body)   # the old number struck before the new, in its cell

    def test_summary_in_japanese(self):
        summary = squash(pdftotext(self.build("metadata", "ja_JP.UTF-8"), "-f", "1", "-l", "1"))
        self.assertIn("表題修正：", summary)
        self.assertIn("日付修正：[-2023-04-01-]{+2023-03-20+}", summary)
        summary = squash(pdftotext(self.build("move", "ja_JP.UTF-8"), "-f", "1", "-l", "1"))
        self.assertIn("移動（旧Ⅰ-1-⑴-②）：広域連携による要望活動の強化", summary)
        summary = squash(pdftotext(self.build("identical", "ja_JP.UTF-8"), "-f", "1", "-l", "1"))
        self.assertIn("変更はありません", summary)
        summary = squash(pdftotext(self.build("identical"), "-f", "1", "-l", "1"))
        self.assertIn("nochanges", summary)

    def test_letter_marked(self):
        """A notice's changed addressee, issuer line, record line and note
        are marked where they stand (the old characters put back, struck),
        and named so in the summary, in Japanese too."""
        pdf = self.build("letter")
        summary = squash(pdftotext(pdf, "-f", "1", "-l", "1"))
        for entry in ("p.1addresseeedited:会員{+事業所+}各位", "p.1issuer2edited:[-会頭-]{+専務理事+}",
                      "p.1record-※1edited:定員（[-150-]{+120+}名）", "p.1dateedited:[-2023-05-10-]{+2023-05-12+}",
                      "p.1record-※3added:駐車場には限りがございますので"):
            self.assertIn(squash(entry), summary)
        body = squash(pdftotext(pdf, "-f", "2"))
        self.assertIn("会員事業所各位", body)
        self.assertIn("会頭専務理事", body)
        self.assertIn("定員（150120名）", body)
        self.assertIn("令和5年5月12日", body)     # the date as the layout writes it, not merged
        summary = squash(pdftotext(self.build("letter", "ja_JP.UTF-8"), "-f", "1", "-l", "1"))
        self.assertIn("宛名修正：会員{+事業所+}各位", summary)
        self.assertIn("記-※3追加：", summary)

    def test_deleted_block_shown(self):
        pdf = self.build("delete")
        body = squash(pdftotext(pdf, "-f", "2"))
        self.assertIn("経営発達支援計画に基づく伴走型小規模事業者支援事業の推進", body)

    def test_plan_30_edits(self):
        pdf = self.build("plan-30-edits")
        pages = int(pdfinfo(pdf)["Pages"])
        self.assertGreaterEqual(pages, 14)
        with open(os.path.join(CASES, "plan-30-edits", "expected.txt"), encoding="utf-8") as f:
            changes = f.read().splitlines()
        text = squash(pdftotext(pdf))
        summary = squash(pdftotext(pdf, "-f", "1", "-l", "2"))
        for line in changes:
            loc = line.split(" ")[0]
            self.assertIn(squash(loc), summary)
        self.assertIn("新規事業の調査・研究（第15項）", text)
        self.assertIn("経済センター貸会議室", text)   # deleted, shown struck

    def summary_entries(self, pdf):
        """(page, kind, text) of each line of the summary pages: the leading
        pages with "p.N" lines (the body has none), without their footers."""
        texts = []
        for text in page_texts(pdf, int(pdfinfo(pdf)["Pages"])):
            if not re.search(r"^p\.\d", text, re.M):
                break
            texts.append(re.sub(r"\d+/\d+$", "", squash(text)))
        entry = re.compile(r"p\.(\d+)\S+?(修正|追加|削除（旧[^）]*）|移動（旧[^）]*）)：(.*?)(?=p\.\d|$)")
        return [(int(m.group(1)), m.group(2)[:2], m.group(3)) for m in entry.finditer("".join(texts))]

    def test_summary_gives_the_clean_booklets_pages(self):
        # the deleted items, put back struck, push the marked body a page
        # ahead of the clean booklet; the board reads the clean one
        case = os.path.join(CASES, "many-deletions")
        marked = self.build("many-deletions", "ja_JP.UTF-8")
        clean = os.path.join(self.tmp, "clean.pdf")
        kumihan("build", os.path.join(case, "new.yaml"), "--layout", BOOKLET, "-o", clean)
        pages = [squash(t) for t in page_texts(clean, int(pdfinfo(clean)["Pages"]))]
        entries = self.summary_entries(marked)
        self.assertGreaterEqual(len(entries), 30)
        checked = 0
        for page, kind, text in entries:
            self.assertTrue(1 <= page <= len(pages), (page, text))
            if kind == "削除":
                continue
            new_text = re.sub(r"\[-.*?-\]", "", text).replace("{+", "").replace("+}", "")
            holders = [i + 1 for i, t in enumerate(pages) if new_text in t]
            self.assertEqual(holders, [page], new_text)
            checked += 1
        self.assertEqual(checked, 5)
        # in document order, the deleted ones at the page of their neighbours
        self.assertEqual([e[0] for e in entries], sorted(e[0] for e in entries))
        # and this PDF's body is indeed paginated differently
        marked_pages = page_texts(marked, int(pdfinfo(marked)["Pages"]))
        edited = next(e[2] for e in entries if e[1] == "修正")
        edited = re.sub(r"\[-.*?-\]", "", edited).replace("{+", "").replace("+}", "")
        summary_pages = next(i for i, t in enumerate(marked_pages) if not re.search(r"^p\.\d", t, re.M))
        body_page = next(i for i, t in enumerate(marked_pages) if edited in squash(t)) + 1 - summary_pages
        self.assertNotEqual(body_page, next(e[0] for e in entries if e[1] == "修正"))


if __name__ == "__main__":
    unittest.main()
