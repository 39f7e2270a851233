"""Shared helpers for kumihan's end-to-end tests: run the built kumihan, and
read its PDFs back with independent tools (poppler-utils, qpdf)."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = os.environ.get("KUMIHAN_ROOT", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
KUMIHAN = os.environ.get("KUMIHAN", os.path.join(ROOT, "build", "kumihan"))
PLAN = os.path.join(ROOT, "content", "plan-2023.yaml")
BOOKLET = os.path.join(ROOT, "layouts", "booklet-a4.yaml")
LARGE = os.path.join(ROOT, "layouts", "large-print.yaml")
# The plan's text as the PDF must read, written by hand (not by kumihan).
PLAN_EXPECTED = os.path.join(ROOT, "tests", "data", "plan-2023-expected.txt")
PART_TITLES = ["Ⅰ．重点事業", "Ⅱ．経営支援対策事業", "Ⅲ．地域経済活性化事業", "Ⅳ．商工会議所運営事業", "Ⅴ．特別事業"]


def run(args, check=True, **kw):
    """Runs a command; returns CompletedProcess with text output."""
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


def language_env(lang="C"):
    """The environment with LANG=lang and nothing else that picks kumihan's
    language (LC_ALL, LC_MESSAGES, LANGUAGE): tests do not depend on the
    machine's locale."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = lang
    return env


def kumihan(*args, check=True, lang="C"):
    return run([KUMIHAN, *args], check=check, env=language_env(lang))


def build(out_dir, content=PLAN, layout=None, name="plan.pdf", extra=()):
    out = os.path.join(out_dir, name)
    args = ["build", content, "-o", out, *extra]
    if layout:
        args += ["--layout", layout]
    kumihan(*args)
    return out


def pdftotext(pdf, *opts):
    """Text of the PDF; fails if poppler prints any warning or error."""
    p = run(["pdftotext", "-enc", "UTF-8", *opts, pdf, "-"])
    if p.stderr.strip():
        raise AssertionError(f"pdftotext warned: {p.stderr.strip()}")
    return p.stdout


def pdfinfo(pdf):
    info = {}
    for line in run(["pdfinfo", pdf]).stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdffonts(pdf):
    """Rows of pdffonts as dicts: name, type, encoding, emb, sub, uni."""
    lines = run(["pdffonts", pdf]).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3],
                     "line": line})
    return rows


def squash(text):
    """Text without any whitespace: extraction puts line breaks and spaces
    where the typesetter broke lines; the characters must be the same."""
    return re.sub(r"\s+", "", text)


def page_texts(pdf, pages):
    return [pdftotext(pdf, "-f", str(i), "-l", str(i)) for i in range(1, pages + 1)]


def body_lines(pdf, page, pages):
    """The lines of one page without its furniture: the footer "N / pages"
    and, after the first page, the running head (the current part's title,
    always the page's first line)."""
    lines = [l.strip() for l in pdftotext(pdf, "-f", str(page), "-l", str(page)).splitlines() if l.strip()]
    footer = f"{page} / {pages}"
    if footer not in lines:
        raise AssertionError(f"page {page}: no footer {footer!r}")
    del lines[len(lines) - 1 - lines[::-1].index(footer)]
    if page > 1 and lines and lines[0] in PART_TITLES:
        del lines[0]
    return lines


def expected_blocks(path=PLAN_EXPECTED):
    """(line number, text) of each block of a hand-written expected text;
    lines starting with # are comments."""
    with open(path, encoding="utf-8") as f:
        return [(n, l.strip()) for n, l in enumerate(f, 1) if l.strip() and not l.startswith("#")]


def reading_order_mismatch(pdf, pages, path=PLAN_EXPECTED):
    """None if the page bodies, in page order, read exactly as the expected
    text (labels included, whitespace aside) and every expected block
    starts a line of pdftotext's output; else what went wrong, naming the
    expected file's line."""
    got, starts = "", set()
    for page in range(1, pages + 1):
        for line in body_lines(pdf, page, pages):
            starts.add(len(got))
            got += squash(line)
    want, offsets = "", []
    for n, text in expected_blocks(path):
        offsets.append((len(want), n, text))
        want += squash(text)
    if got != want:
        at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        n, text = next(((n, t) for off, n, t in reversed(offsets) if off <= at), (0, ""))
        return (f"text differs at character {at}, in expected line {n} ({text[:30]}…):\n"
                f" pdf:      …{got[max(0, at - 20):at + 30]}\n expected: …{want[max(0, at - 20):at + 30]}")
    for off, n, text in offsets:
        if off not in starts:
            return f"expected line {n} does not start a line in the PDF: {text[:40]}"
    return None


UPDATE_EXPECTED = os.environ.get("UPDATE_EXPECTED") == "1"


def check_golden(test, path, got, what, same=lambda a, b: a == b):
    """Asserts that the file at path holds got (same(got, file text), exact
    equality unless given).  With
    UPDATE_EXPECTED=1 a differing file is rewritten from got, and the test
    still fails (rerun to see it pass): updating never hides a change.
    Under CI=true, UPDATE_EXPECTED is refused outright."""
    if UPDATE_EXPECTED and os.environ.get("CI") == "true":
        test.fail("UPDATE_EXPECTED=1 is refused under CI=true: expected files are never rewritten in CI")
    try:
        with open(path, encoding="utf-8") as f:
            want = f.read()
    except FileNotFoundError:
        want = None
    if want is not None and same(got, want):
        return
    if UPDATE_EXPECTED:
        with open(path, "w", encoding="utf-8") as f:
            f.write(got)
        test.fail(f"{what}: differed from {os.path.relpath(path, ROOT)}; rewritten (UPDATE_EXPECTED=1), "
                  f"review the change with git diff")
    test.assertEqual(got, want, f"{what} ({os.path.relpath(path, ROOT)})")


def same_status(got, want):
    """An exit-status file ("1\\n") against the status written as text."""
    return got.strip() == want.strip()


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()


def import_pikepdf():
    """pikepdf, Debian's python3-pikepdf: it serves the system interpreter,
    so a test run by another python3 earlier on the PATH (pyenv) runs
    itself again under /usr/bin/python3."""
    try:
        import pikepdf
        return pikepdf
    except ImportError:
        if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != "/usr/bin/python3":
            os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
        raise
