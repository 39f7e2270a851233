"""Every error class of issue 5, as data: tests/errors/<case>/ holds the
input files, `cmd` (kumihan's arguments), `expected` (the exact stderr in
English, LANG=C), `expected.ja` (the same in Japanese, LANG=ja_JP.UTF-8:
every case runs in both languages) and `exit` (the expected status); an optional `changes` lists files the run
may write (a successful build).  Each case runs in a fresh copy of its folder,
from that folder, so messages show short relative paths.  A pre-existing
OUT pdf and every input file must come out byte-identical, no other file may
appear, and the shared fonts, layouts and plan must not be touched.

UPDATE_EXPECTED=1 rewrites `expected` and `exit` from what kumihan does;
each case whose files it rewrote still fails (kumihan_e2e.check_golden),
and under CI=true it is refused.
KUMIHAN_WRAPPER (e.g. "valgrind -q --error-exitcode=99") prefixes each run
(tools/valgrind.sh)."""
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import KUMIHAN, ROOT, check_golden, same_status  # noqa: E402

CASES = os.path.join(ROOT, "tests", "errors")
OLD_PDF = b"%PDF-1.7\n% the previous, good PDF: must survive any error\n%%EOF\n"
WRAPPER = shlex.split(os.environ.get("KUMIHAN_WRAPPER", ""))
OUT_NAME = "out.pdf"
META = {"cmd", "expected", "expected.ja", "exit", "changes"}
# The environment of each language: everything else that picks a language removed.
LANGUAGES = {"expected": "C", "expected.ja": "ja_JP.UTF-8"}


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def generate_big_file(case_dir):
    """A content file just over the 4 MiB limit (too big to commit)."""
    with open(os.path.join(case_dir, "content.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 2023年度事業基本方針\norganization: 苫小牧商工会議所\n")
        f.write("# padding\n" * (4 * 1024 * 1024 // 10 + 1))
        f.write("parts:\n  - title: 重点事業\n")


def generate_fifo_font(case_dir):
    """A FIFO where the layout names a font (git cannot hold one)."""
    os.mkfifo(os.path.join(case_dir, "fifo.ttf"))


GENERATORS = {"limit-file-size": generate_big_file, "font-is-fifo": generate_fifo_font}


def snapshot(top):
    """Every file under top (relative path -> bytes), symlinks not followed;
    a FIFO is recorded as such, never read (reading would wait for a writer)."""
    files = {}
    for dirpath, dirnames, filenames in os.walk(top):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            if os.path.islink(path):
                files[rel] = os.readlink(path)
            elif stat.S_ISFIFO(os.lstat(path).st_mode):
                files[rel] = "fifo"
            else:
                files[rel] = read(path, "rb")
    return files


SHARED = ("fonts", "layouts", "content")


def shared_stat():
    """The shared input files every case reaches through a symlink (fonts,
    layouts, the plan): size, mtime and inode, which any write changes."""
    stats = {}
    for shared in SHARED:
        for dirpath, _, filenames in os.walk(os.path.join(ROOT, shared)):
            for name in filenames:
                st = os.stat(os.path.join(dirpath, name))
                stats[os.path.join(dirpath, name)] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return stats


def language_env(lang):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = lang
    return env


def run_case(name, lang="C"):
    """Copies the case into <tmp>/tests/errors/<name> (so ../../../fonts and
    ../../../layouts resolve), runs it there; returns (status, stderr,
    before, after)."""
    src = os.path.join(CASES, name)
    with tempfile.TemporaryDirectory(prefix="kumihan-err-") as tmp:
        for shared in SHARED:
            os.symlink(os.path.join(ROOT, shared), os.path.join(tmp, shared))
        work = os.path.join(tmp, "tests", "errors", name)
        shutil.copytree(src, work, ignore=shutil.ignore_patterns(*META))
        if name in GENERATORS:
            GENERATORS[name](work)
        with open(os.path.join(work, OUT_NAME), "wb") as f:
            f.write(OLD_PDF)
        args = shlex.split(read(os.path.join(src, "cmd")))
        before = snapshot(tmp)
        p = subprocess.run([*WRAPPER, KUMIHAN, *args], cwd=work, capture_output=True, timeout=300,
                           env=language_env(lang))
        after = snapshot(tmp)
        return p.returncode, p.stderr.decode("utf-8", "replace"), before, after


SIZE = re.compile(r"^(.*: \d+ pages?), \d+(?:\.\d)? (?:bytes|KB|MB)$", re.M)


def normalize(stderr):
    """The usage synopsis after a usage error grows with every new option;
    it is kept as one line "usage: …" so that the cases test the message.
    The size in a successful build's line ("out.pdf: 1 page, 24 KB")
    changes with every change to the PDF writer; it is kept as "SIZE"."""
    stderr = SIZE.sub(r"\1, SIZE", stderr)
    for usage in ("\nusage: kumihan ", "\n使い方: kumihan "):
        at = stderr.find(usage)
        if at >= 0:
            return stderr[:at] + usage.rstrip().rsplit(" ", 1)[0] + " …\n"
    return stderr


def case_names():
    return sorted(d for d in os.listdir(CASES) if os.path.isfile(os.path.join(CASES, d, "cmd")))


class ErrorCases(unittest.TestCase):
    def test_cases_present(self):
        self.assertGreaterEqual(len(case_names()), 30)

    def check_case(self, name):
        for expected, lang in LANGUAGES.items():
            with self.subTest(language=lang):
                self.check_case_in(name, expected, lang)

    def check_case_in(self, name, expected, lang):
        shared_before = shared_stat()
        status, stderr, before, after = run_case(name, lang)
        self.assertEqual(shared_stat(), shared_before, f"{name}: a shared font, layout or content file changed")
        stderr = normalize(stderr)
        src = os.path.join(CASES, name)
        self.assertNotIn("Sanitizer", stderr, f"{name}: sanitizer report")
        with self.subTest(check="exit"):
            check_golden(self, os.path.join(src, "exit"), f"{status}\n", f"{name}: exit status ({lang})\n{stderr}",
                         same=same_status)
        with self.subTest(check="stderr"):
            check_golden(self, os.path.join(src, expected), stderr, f"{name}: stderr ({lang})")
        may_change = set()
        changes = os.path.join(src, "changes")
        if os.path.exists(changes):
            prefix = os.path.join("tests", "errors", name)
            may_change = {os.path.join(prefix, n) for n in read(changes).split()}
        self.assertEqual(sorted(after), sorted(before), f"{name}: files created or removed")
        for rel, data in before.items():
            if rel in may_change:
                self.assertTrue(after[rel].startswith(b"%PDF-") and after[rel] != data, f"{name}: {rel} not rebuilt")
            else:
                self.assertEqual(after[rel], data, f"{name}: {rel} changed")


def add_case_tests():
    for name in case_names():
        def test(self, name=name):
            self.check_case(name)
        setattr(ErrorCases, "test_" + name.replace("-", "_"), test)


add_case_tests()

if __name__ == "__main__":
    unittest.main(verbosity=2)
