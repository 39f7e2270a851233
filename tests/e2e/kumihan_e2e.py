"""Shared helpers for kumihan's end-to-end tests: run the built kumihan, and
read its PDFs back with independent tools (poppler-utils, qpdf)."""
import os
import re
import subprocess
import tempfile
import unittest

ROOT = os.environ.get("KUMIHAN_ROOT", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
KUMIHAN = os.environ.get("KUMIHAN", os.path.join(ROOT, "build", "kumihan"))
PLAN = os.path.join(ROOT, "content", "plan-2023.yaml")
BOOKLET = os.path.join(ROOT, "layouts", "booklet-a4.yaml")
LARGE = os.path.join(ROOT, "layouts", "large-print.yaml")


def run(args, check=True, **kw):
    """Runs a command; returns CompletedProcess with text output."""
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


def kumihan(*args, check=True):
    return run([KUMIHAN, *args], check=check)


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


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()
