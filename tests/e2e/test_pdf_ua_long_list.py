"""A tagged reading PDF of a list longer than libharu's array cap
(HPDF_LIMIT_MAX_ARRAY, 8191 or 32767 by build): one L element with
12,000 LI kids must still be written, pass qpdf --check, and tie every
MCID to its element through the ParentTree.  The ParentTree's /Kids
form (more than 2048 pages) is too slow to build here; the 100,000-entry
list of the bug report exercises it by hand."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_pdf_ua as ua  # noqa: E402  (a module: its test classes do not run twice)
from kumihan_e2e import TempDirTest, build, run  # noqa: E402

pikepdf = ua.pikepdf
ENTRIES = 12000
LAYOUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "layouts",
                      "booklet-a4.yaml")


def write_long_list(path, entries):
    lines = ["title: 長い一覧", "organization: kumihan bench", "parts:", "  - title: 一覧",
             "    sections:", "      - title: 団体", "        entries:"]
    lines += [f"          - 苫小牧団体{i}" for i in range(entries)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


class LongListTaggedPdf(TempDirTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._class_tmp = tempfile.TemporaryDirectory()
        content = os.path.join(cls._class_tmp.name, "long-list.yaml")
        write_long_list(content, ENTRIES)
        cls.pdf_path = build(cls._class_tmp.name, content=content, layout=LAYOUT,
                             name="long-list.pdf")
        cls.pdf = pikepdf.open(cls.pdf_path)

    @classmethod
    def tearDownClass(cls):
        cls.pdf.close()
        cls._class_tmp.cleanup()
        super().tearDownClass()

    def test_qpdf_check(self):
        p = run(["qpdf", "--check", self.pdf_path])
        self.assertIn("No syntax or stream encoding errors", p.stdout)

    def test_one_list_holds_every_entry(self):
        """The entries stay one L (list semantics), not split siblings."""
        lists = [e for e, _ in ua.walk(self.pdf.Root.StructTreeRoot.K)
                 if ua.struct_type(e) == "L"]
        self.assertEqual(len(lists), 1)
        items = [k for k in ua.kids_of(lists[0]) if ua.is_elem(k)]
        self.assertEqual(len(items), ENTRIES)
        self.assertTrue(all(ua.struct_type(k) == "LI" for k in items))

    def test_every_mcid_reaches_the_tree_and_back(self):
        ua.check_mcids_reach_the_tree_and_back(self, self.pdf)


if __name__ == "__main__":
    unittest.main()
