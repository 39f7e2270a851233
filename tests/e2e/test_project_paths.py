"""Paths from anywhere, the compare default and next year's plan: the
default layout is found from the content file whatever the working folder,
the default PDF goes to the project's out/, `build NEW --compare OLD`
without -o never touches out/NAME.pdf, and `new-year` writes next year's
plan that builds."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import KUMIHAN, PLAN, ROOT, TempDirTest, pdfinfo, pdftotext, squash  # noqa: E402


class Project(TempDirTest):
    """A project in a temporary folder: content/plan-2023.yaml, layouts/, fonts/."""

    def setUp(self):
        super().setUp()
        for shared in ("layouts", "fonts"):
            os.symlink(os.path.join(ROOT, shared), os.path.join(self.tmp, shared))
        os.mkdir(os.path.join(self.tmp, "content"))
        self.plan = os.path.join(self.tmp, "content", "plan-2023.yaml")
        shutil.copy(PLAN, self.plan)

    def run_in(self, cwd, *args):
        return subprocess.run([KUMIHAN, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


class ProjectPaths(Project):
    def test_build_from_inside_content_folder(self):
        p = self.run_in(os.path.join(self.tmp, "content"), "build", "plan-2023.yaml")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, p.stderr.strip() + "\n")
        self.assertRegex(p.stderr, r"^\.\./out/plan-2023\.pdf: 13 pages, \d+ KB\n$")
        self.assertEqual(pdfinfo(os.path.join(self.tmp, "out", "plan-2023.pdf"))["Pages"], "13")

    def test_build_from_another_folder(self):
        elsewhere = os.path.join(self.tmp, "elsewhere")
        os.mkdir(elsewhere)
        p = self.run_in(elsewhere, "build", "../content/plan-2023.yaml", "-q")
        self.assertEqual((p.returncode, p.stderr), (0, ""))
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "out", "plan-2023.pdf")))
        self.assertEqual(os.listdir(elsewhere), [])

    def test_compare_without_o_writes_changes_pdf(self):
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        clean = os.path.join(out, "plan-2024.pdf")
        with open(clean, "wb") as f:
            f.write(b"%PDF-1.7\n% the clean booklet\n%%EOF\n")
        new = os.path.join(self.tmp, "content", "plan-2024.yaml")
        with open(PLAN, encoding="utf-8") as f:
            text = f.read()
        with open(new, "w", encoding="utf-8") as f:
            f.write(text.replace("広域連携による要望活動の強化", "広域連携による要望活動の一層の強化"))
        p = self.run_in(self.tmp, "build", "content/plan-2024.yaml", "--compare", "content/plan-2023.yaml")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("out/plan-2024-changes.pdf: ", p.stderr)
        with open(clean, "rb") as f:
            self.assertEqual(f.read(), b"%PDF-1.7\n% the clean booklet\n%%EOF\n", "the clean PDF was overwritten")
        self.assertIn("一層の", squash(pdftotext(os.path.join(out, "plan-2024-changes.pdf"))))

    def test_missing_default_layout_says_so(self):
        lone = os.path.join(self.tmp, "a", "lone")   # no layouts/ in a/ nor in a/lone/
        os.makedirs(lone)
        shutil.copy(PLAN, os.path.join(lone, "plan.yaml"))
        p = self.run_in(lone, "check", "plan.yaml")
        self.assertEqual(p.returncode, 3)
        self.assertIn("no --layout given, and the default layout booklet-a4.yaml", p.stderr)
        self.assertIn("--layout LAYOUT.yaml", p.stderr)


class NewYear(Project):
    def test_new_year_builds_with_year_moved_on_and_marks_cleared(self):
        p = self.run_in(self.tmp, "new-year", "content/plan-2023.yaml", "content/plan-2024.yaml")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("content/plan-2024.yaml: written from content/plan-2023.yaml: 2023 moved on to 2024", p.stderr)
        with open(self.plan, encoding="utf-8") as f:
            old = f.read()
        with open(os.path.join(self.tmp, "content", "plan-2024.yaml"), encoding="utf-8") as f:
            new = f.read()
        self.assertIn("fiscal_year: 2024\n", new)
        self.assertIn("title: 2024年度事業基本方針  # corrected", new)  # the comment stays
        self.assertIn("date: 2024-04-01  # the start", new)
        self.assertNotRegex(new, r"(?m)^\s*new: true")
        # every other line is the old one: only year lines and new: lines differ
        kept = [l for l in old.splitlines() if l.strip() != "new: true"]
        changed = [(a, b) for a, b in zip(kept, new.splitlines()) if a != b]
        self.assertEqual(len(kept), len(new.splitlines()))
        self.assertTrue(all("2023" in a and "2024" in b for a, b in changed), changed)
        b = self.run_in(self.tmp, "build", "content/plan-2024.yaml")
        self.assertEqual(b.returncode, 0, b.stderr)
        text = squash(pdftotext(os.path.join(self.tmp, "out", "plan-2024.pdf")))
        self.assertIn("2024年度事業基本方針", text)
        self.assertNotIn("(新)", text)
        # refuses to overwrite, and leaves the file alone
        again = self.run_in(self.tmp, "new-year", "content/plan-2023.yaml", "content/plan-2024.yaml")
        self.assertEqual(again.returncode, 2)
        self.assertIn("exists already", again.stderr)
        with open(os.path.join(self.tmp, "content", "plan-2024.yaml"), encoding="utf-8") as f:
            self.assertEqual(f.read(), new)


if __name__ == "__main__":
    import unittest
    unittest.main(verbosity=2)
