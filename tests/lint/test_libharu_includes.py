"""libharu stays behind its shim (src/pdf/pdf_hpdf_shim.c, see its header):

1. only src/pdf/pdf_hpdf_shim.c includes a libharu header other than hpdf.h
   (hpdf_objects.h, hpdf_doc.h, … : the private structs);
2. only the shim (.c and .h) includes <hpdf.h> itself: everyone else gets
   it through pdf_hpdf_shim.h, which makes libharu's handles opaque;
3. no file outside src/pdf/ sees hpdf.h at all, not even through another
   header (tests of the PDF writer, tests/unit/test_pdf*.c, may).

Run with no arguments to check the repository; the self-test first checks
that a tree breaking each rule is caught."""
import os
import re
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lint_util import TreeTest  # noqa: E402

ROOT = os.environ.get("KUMIHAN_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SHIM = {"src/pdf/pdf_hpdf_shim.c", "src/pdf/pdf_hpdf_shim.h"}


def is_libharu(name):
    return re.fullmatch(r"hpdf[a-z0-9_]*\.h", os.path.basename(name)) is not None


def sources(root):
    for top in ("src", "tests"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for f in files:
                if f.endswith((".c", ".h")):
                    path = os.path.join(folder, f)
                    yield os.path.relpath(path, root).replace(os.sep, "/")


def includes(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        return INCLUDE.findall(f.read())


def resolve(root, rel, name, headers):
    """The repository header a quoted include names, or None."""
    here = os.path.normpath(os.path.join(os.path.dirname(rel), name)).replace(os.sep, "/")
    if here in headers:
        return here
    matches = [h for h in headers if h.startswith("src/") and h.endswith("/" + name)]
    return matches[0] if matches else None


def sees_hpdf(root, rel, headers, graph, seen=None):
    """The chain of includes by which rel reaches <hpdf.h>, or None."""
    seen = set() if seen is None else seen
    if rel in seen:
        return None
    seen.add(rel)
    for kind, name in graph[rel]:
        if kind == "<" and name == "hpdf.h":
            return [rel, "hpdf.h"]
        if kind == '"':
            target = resolve(root, rel, name, headers)
            chain = target and sees_hpdf(root, target, headers, graph, seen)
            if chain:
                return [rel] + chain
    return None


def violations(root):
    files = sorted(sources(root))
    headers = {f for f in files if f.endswith(".h")}
    graph = {f: includes(root, f) for f in files}
    found = []
    for rel in files:
        for kind, name in graph[rel]:
            if is_libharu(name) and name != "hpdf.h" and rel != "src/pdf/pdf_hpdf_shim.c":
                found.append(f"{rel}: includes libharu's private {name}; only src/pdf/pdf_hpdf_shim.c may "
                             "(add what you need to the shim's API)")
            if name == "hpdf.h" and rel not in SHIM:
                found.append(f"{rel}: includes hpdf.h; include \"pdf_hpdf_shim.h\" instead")
        base = os.path.basename(rel)
        allowed = rel.startswith("src/pdf/") or \
                  (rel.startswith("tests/unit/") and base.startswith("test_pdf"))
        if not allowed:
            chain = sees_hpdf(root, rel, headers, graph)
            if chain:
                found.append(f"{rel}: sees libharu through {' -> '.join(chain)}; only src/pdf/ may")
    return found


class SelfTest(TreeTest):
    GOOD = {
        "src/pdf/pdf_hpdf_shim.h": "#include <hpdf.h>\n",
        "src/pdf/pdf_hpdf_shim.c": "#include <hpdf_objects.h>\n#include \"pdf_hpdf_shim.h\"\n",
        "src/pdf/pdf_font.h": "#include \"pdf_hpdf_shim.h\"\n",
        "src/pdf/pdf_write.h": "#include \"diag.h\"\n",
        "src/cli/pipeline.c": "#include \"pdf_write.h\"\n",
        "tests/unit/test_pdf_shim.c": "#include \"pdf_hpdf_shim.h\"\n",
    }

    def test_a_clean_tree_passes(self):
        self.assertEqual(violations(self.tree(self.GOOD)), [])

    def test_each_rule_is_caught(self):
        bad = dict(self.GOOD)
        bad["src/pdf/pdf_page.c"] = "#  include <hpdf_pages.h>\n"
        bad["src/pdf/pdf_meta.c"] = "#include <hpdf.h>\n"
        bad["src/typeset/compose.c"] = "#include \"pdf_font.h\"\n"
        found = violations(self.tree(bad))
        self.assertEqual(len(found), 3, found)
        self.assertIn("src/pdf/pdf_meta.c: includes hpdf.h", found[0])
        self.assertIn("src/pdf/pdf_page.c: includes libharu's private hpdf_pages.h", found[1])
        self.assertIn("src/typeset/compose.c -> src/pdf/pdf_font.h -> src/pdf/pdf_hpdf_shim.h -> hpdf.h", found[2])


class Repository(unittest.TestCase):
    def test_libharu_stays_behind_the_shim(self):
        self.assertTrue(os.path.exists(os.path.join(ROOT, "src/pdf/pdf_hpdf_shim.c")))
        found = violations(ROOT)
        self.assertEqual(found, [], "\n" + "\n".join(found))


if __name__ == "__main__":
    unittest.main()
