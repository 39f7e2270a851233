"""Japanese text as people type and paste it (issue 11): a content file with
IVS, format characters, a URL, an e-mail address, a long product code and
**emphasis** builds, and the PDF gives the characters back (pdftotext),
sets them where expected (pdftotext -bbox) and links the URL (qpdf --json)."""
import json
import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import BOOKLET, kumihan, pdffonts, pdftotext, run, squash  # noqa: E402

URL = "https://www.tomakomai-cci.or.jp/business/plan/2023/index.html"
MAIL = "info@tomakomai-cci.or.jp"
LONG_URL = "https://www.tomakomai-cci.or.jp/business/plan/2023/documents/appendix/detailed-schedule-of-events.pdf"
CODE = "TMK2023" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 3
KATSURA = "葛\U000E0100"     # 葛 + VS17: the variant of a registered name
TSUJI = "辻\U000E0100"

CONTENT = f"""title: 2023年度事業基本方針
organization: 苫小牧商工会議所
parts:
  - title: 重点事業
    sections:
      - title: 政策提言・要望活動
        lead: "{KATSURA}城市の{TSUJI}本氏、ゼロ幅\u200bスペース、語\u2060結合、ソフト\u00adハイフン、NO\u00a0BREAK、\ufeff入り。"
        items:
          - 詳しくは {URL} を御覧ください。問合せは {MAIL} まで。
          - 製品コード{CODE}の件
          - 今年度は**重点事業**として取り組みます。
          - 日程の詳細は {LONG_URL} にあります。
"""


class TextInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.content = os.path.join(cls.tmp.name, "text.yaml")
        with open(cls.content, "w", encoding="utf-8") as f:
            f.write(CONTENT)
        cls.pdf = os.path.join(cls.tmp.name, "text.pdf")
        cls.result = kumihan("build", cls.content, "--layout", BOOKLET, "-o", cls.pdf)
        cls.text = pdftotext(cls.pdf)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_builds_with_one_warning_for_the_product_code(self):
        warnings = [l for l in self.result.stderr.splitlines() if ": warning: " in l]
        self.assertEqual(len(warnings), 1, self.result.stderr)
        self.assertIn("text.yaml:10:", warnings[0])
        self.assertIn("wider than the line", warnings[0])

    def test_check_strict_fails_on_the_emergency_break(self):
        p = kumihan("check", self.content, "--layout", BOOKLET, "--strict", check=False)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("wider than the line", p.stderr)

    def test_text_comes_back(self):
        flat = squash(self.text)
        for want in ["城市の", "本氏、ゼロ幅スペース、語結合、ソフトハイフン、NO", "BREAK、入り。",
                     URL, MAIL, "製品コード" + CODE + "の件", "今年度は重点事業として取り組みます。"]:
            self.assertIn(squash(want), flat)
        self.assertNotIn("**", flat)           # the markup is not printed
        self.assertNotIn("\u00ad", self.text)  # the soft hyphen inside a line is invisible
        self.assertNotIn("\u200b", self.text)

    def test_ivs_comes_back(self):
        self.assertIn(KATSURA + "城市の" + TSUJI + "本氏", self.text)

    def test_emphasis_in_the_emphasis_font(self):
        fonts = " ".join(r["name"] for r in pdffonts(self.pdf))
        self.assertIn("BIZUDGothic-Bold", fonts)   # booklet-a4's emphasis font

    def test_url_and_code_stay_inside_the_measure(self):
        box = run(["pdftotext", "-bbox", self.pdf, "-"]).stdout
        words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', box)
        latin = [float(x1) for _, x1, w in words if "TMK" in w or "tomakomai" in w]
        self.assertGreaterEqual(len(latin), 3)   # the code and the URL, each on more than one line
        measure_right = (595.276 + 45 * 10.5) / 2 + 0.5   # booklet-a4: 45 chars of 10.5pt, centred
        for x1 in latin:
            self.assertLessEqual(x1, measure_right)

    def test_link_annotations(self):
        doc = json.loads(run(["qpdf", "--json", self.pdf]).stdout)
        uris = [v["value"]["/A"]["/URI"] for v in doc["qpdf"][1].values()
                if isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Link"]
        self.assertIn("u:" + URL, uris)
        self.assertIn("u:mailto:" + MAIL, uris)

    def test_links_are_link_elements_holding_their_text_and_annotation(self):
        # ISO 14289-1 7.18.5 (Matterhorn 28-011, 28-012): every link annotation
        # is nested in a Link element and has its alternate description in
        # /Contents; ISO 32000-1 14.8.4.4.2: the Link holds the link's text
        # (MCIDs) and an OBJR to the annotation, whose /StructParent keys the
        # Link in the ParentTree.  The MCIDs still reach the tree and back.
        from test_pdf_ua import check_mcids_reach_the_tree_and_back, kids_of, marked_content_ops, \
            mcid_of, number_tree, pikepdf, struct_type, walk
        with pikepdf.open(self.pdf) as pdf:
            check_mcids_reach_the_tree_and_back(self, pdf)
            tree = pdf.Root.StructTreeRoot
            parents_of = number_tree(tree.ParentTree)
            links = [e for e, _ in walk(tree.K) if struct_type(e) == "Link"]
            self.assertEqual(len(links), 3, "one Link element per URL / address")
            annots = [(n, a) for n, page in enumerate(pdf.pages) for a in page.obj.get("/Annots", [])
                      if a.get("/Subtype") == "/Link"]
            self.assertGreaterEqual(len(annots), 4)   # LONG_URL spans two lines: one Link, two annotations
            keys = set()
            for n, annot in annots:
                uri = str(annot.A.URI)
                self.assertEqual(str(annot.Contents), uri)
                key = int(annot.StructParent)
                self.assertNotIn(key, keys)
                keys.add(key)
                link = parents_of[key]
                self.assertEqual(struct_type(link), "Link")
                objrs = [k for k in kids_of(link) if isinstance(k, pikepdf.Dictionary)
                         and k.get("/Type") == "/OBJR"]
                self.assertIn(annot.objgen, [o.Obj.objgen for o in objrs])
                self.assertEqual(struct_type(link.P), "LBody")
            self.assertGreater(int(tree.ParentTreeNextKey), max(keys))
            # the Link's MCIDs show the URL's characters
            shown = {}
            for page in pdf.pages:
                for op, stack, operands in marked_content_ops(page):
                    if op == "BDC" and str(operands[0]) == "/Link":
                        shown[(page.obj.objgen, mcid_of(operands[1]))] = True
            for link in links:
                mcids = [k for k in kids_of(link) if isinstance(k, int) or
                         (isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR")]
                self.assertTrue(mcids, "a Link without its text")
                for k in mcids:
                    pg = link.Pg if isinstance(k, int) else k.Pg
                    self.assertIn((pg.objgen, int(k) if isinstance(k, int) else int(k.MCID)), shown)
        tagged = run(["pdfinfo", "-struct-text", self.pdf]).stdout
        self.assertIn("Link", tagged)


if __name__ == "__main__":
    unittest.main()
