"""What kumihan promises about the user's files (README, "What kumihan
promises about your files"), for the cases tests/errors/ cannot express:
hard links and symlinks to inputs, writing through a symlinked output,
permission bits, /dev/null, standard output, FIFOs (with a timeout, so a
hang fails the test), and the reading/print transaction.  Every test
works on copies in a temporary folder, never on the repository's files."""
import os
import shutil
import stat
import subprocess
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import KUMIHAN, PLAN, ROOT, TempDirTest  # noqa: E402

TIMEOUT = 60


def read(path):
    with open(path, "rb") as f:
        return f.read()


class FileSafety(TempDirTest):
    def setUp(self):
        super().setUp()
        # a private copy of the plan, the layout and its fonts
        for sub in ("content", "layouts", "fonts"):
            os.mkdir(os.path.join(self.tmp, sub))
        self.content = os.path.join(self.tmp, "content", "plan.yaml")
        shutil.copy(PLAN, self.content)
        shutil.copy(os.path.join(ROOT, "layouts", "booklet-a4.yaml"), os.path.join(self.tmp, "layouts"))
        for name in os.listdir(os.path.join(ROOT, "fonts")):
            if name.endswith(".ttf"):
                shutil.copy(os.path.join(ROOT, "fonts", name), os.path.join(self.tmp, "fonts"))
        self.layout = os.path.join(self.tmp, "layouts", "booklet-a4.yaml")
        self.font = os.path.join(self.tmp, "fonts", "BIZUDMincho-Regular.ttf")
        self.inputs = {p: read(p) for p in (self.content, self.layout, self.font)}

    def kumihan(self, *args, **kw):
        return subprocess.run([KUMIHAN, *args], capture_output=True, timeout=TIMEOUT, cwd=self.tmp, **kw)

    def build(self, *args, **kw):
        return self.kumihan("build", self.content, "--layout", self.layout, *args, **kw)

    def assert_inputs_intact(self):
        for path, data in self.inputs.items():
            self.assertEqual(read(path), data, f"{path} changed")

    def assert_no_temp_files(self, folder=None):
        folder = folder or self.tmp
        for dirpath, _, names in os.walk(folder):
            left = [n for n in names if n.startswith(".") and ".pdf." in n]
            self.assertEqual(left, [], f"temporary files left in {dirpath}")

    def assert_refused(self, p, *words):
        self.assertEqual(p.returncode, 2, p.stderr)
        err = p.stderr.decode()
        for w in words:
            self.assertIn(w, err)
        self.assertIn("choose another file name for", err)
        self.assert_inputs_intact()
        self.assert_no_temp_files()

    # -- 1. an input is never an output -----------------------------------
    def test_output_is_content_through_dotdot(self):
        p = self.build("-o", os.path.join(self.tmp, "layouts", "..", "content", "plan.yaml"))
        self.assert_refused(p, "is the content file")

    def test_output_is_content_through_hard_link(self):
        link = os.path.join(self.tmp, "hard.yaml")
        os.link(self.content, link)
        self.assert_refused(self.build("-o", link), "is the content file")

    def test_output_is_layout_through_symlink(self):
        link = os.path.join(self.tmp, "layout-link.pdf")
        os.symlink(self.layout, link)
        self.assert_refused(self.build("-o", link), "is the layout file")
        self.assertTrue(os.path.islink(link))

    def test_output_is_a_font(self):
        self.assert_refused(self.build("-o", self.font), "is a font the layout uses")
        p = self.build("--impose", "saddle", "-o", os.path.join(self.tmp, "ok.pdf"), "--print-output", self.font)
        self.assert_refused(p, "--print-output", "is a font the layout uses")

    def test_output_is_compare_old(self):
        old = os.path.join(self.tmp, "old.yaml")
        shutil.copy(PLAN, old)
        os.symlink(old, os.path.join(self.tmp, "old-link.pdf"))
        p = self.build("--compare", old, "-o", "old-link.pdf")
        self.assert_refused(p, "is the --compare file")
        self.assertEqual(read(old), read(PLAN))

    def test_same_output_twice_by_inode(self):
        out = os.path.join(self.tmp, "a.pdf")
        with open(out, "wb") as f:
            f.write(b"%PDF old")
        os.link(out, os.path.join(self.tmp, "b.pdf"))
        p = self.build("--impose", "saddle", "-o", out, "--print-output", "b.pdf")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"are the same file", p.stderr)
        self.assertEqual(read(out), b"%PDF old")

    # -- 2. special files are streams --------------------------------------
    def test_dev_null_stays_a_device(self):
        p = self.build("-o", "/dev/null")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(stat.S_ISCHR(os.lstat("/dev/null").st_mode))
        with open("/dev/null", "rb") as f:
            self.assertEqual(f.read(), b"")
        self.assertEqual([n for n in os.listdir("/dev") if n.startswith(".null.")], [])

    def test_dash_writes_the_pdf_to_stdout(self):
        file_pdf = os.path.join(self.tmp, "file.pdf")
        self.assertEqual(self.build("-o", file_pdf).returncode, 0)
        for name in ("-", "/dev/stdout"):
            p = self.build("-o", name)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout, read(file_pdf), name)   # the same bytes (deterministic)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "-")))

    def test_fifo_output_is_written_in_place(self):
        fifo = os.path.join(self.tmp, "pipe.pdf")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(read(fifo)), daemon=True)
        reader.start()
        p = self.build("-o", fifo)
        reader.join(TIMEOUT)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(got and got[0].startswith(b"%PDF-"))
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))

    # -- 3. a symlinked output is written through; permissions kept ---------
    def test_symlink_output_written_through(self):
        os.mkdir(os.path.join(self.tmp, "shared"))
        target = os.path.join(self.tmp, "shared", "plan.pdf")
        with open(target, "wb") as f:
            f.write(b"old")
        os.chmod(target, 0o640)
        link = os.path.join(self.tmp, "plan.pdf")
        os.symlink(os.path.join("shared", "plan.pdf"), link)
        p = self.build("-o", link)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), os.path.join("shared", "plan.pdf"))
        self.assertTrue(read(target).startswith(b"%PDF-"))
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o640)
        self.assert_no_temp_files()

    def test_new_file_gets_umask_mode(self):
        old = os.umask(0o027)
        try:
            out = os.path.join(self.tmp, "new.pdf")
            self.assertEqual(self.build("-o", out).returncode, 0)
        finally:
            os.umask(old)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o640)

    # -- 4. reading and print PDF: both or neither ---------------------------
    def test_print_folder_missing_keeps_reading_pdf(self):
        out = os.path.join(self.tmp, "plan.pdf")
        with open(out, "wb") as f:
            f.write(b"%PDF old")
        p = self.build("--impose", "saddle", "-o", out, "--print-output", os.path.join(self.tmp, "no", "p.pdf"))
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(read(out), b"%PDF old")
        self.assert_no_temp_files()

    def test_both_written_together(self):
        out, prn = os.path.join(self.tmp, "plan.pdf"), os.path.join(self.tmp, "print.pdf")
        p = self.build("--impose", "saddle", "-o", out, "--print-output", prn)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(read(out).startswith(b"%PDF-") and read(prn).startswith(b"%PDF-"))
        self.assertNotEqual(read(out), read(prn))

    # -- 5. an input that is not a file is refused at once -------------------
    def test_fifo_content_and_layout_do_not_hang(self):
        fifo = os.path.join(self.tmp, "content.fifo")
        os.mkfifo(fifo)
        p = self.kumihan("check", fifo, "--layout", self.layout)   # timeout: a hang fails
        self.assertEqual(p.returncode, 3)
        self.assertIn(b"it is a FIFO", p.stderr)
        p = self.kumihan("check", self.content, "--layout", fifo)
        self.assertEqual(p.returncode, 3)
        self.assertIn(b"it is a FIFO", p.stderr)
        p = self.kumihan("diff", fifo, self.content, "--layout", self.layout)
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"it is a FIFO", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
