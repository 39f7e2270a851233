"""Includes follow the pipeline: each folder of src/ is one stage, and a
stage may include only its own headers and those of the stages it reads
from.  The stages, in the order data flows through them:

  base     memory, growth, strings, UTF-8: used by everyone, uses no one
  jlreq    JLREQ character classes and line composition: pure computation,
           no layout, no fonts, no document
  input    YAML -> tree with positions -> document tree, layout rules,
           numbering, diagnostics
  fonts    FreeType metrics and coverage, hb-subset
  typeset  measured text -> flow of lines -> pages with furniture
  pdf      pages -> PDF (libharu), imposition, atomic output files
  changes  two documents compared; the change marks a composer decorates with
  cli      the command line and the pipeline that drives the stages

and the outside libraries each belong to one stage: only input/yaml_load.c
includes yaml.h, only fonts/ includes FreeType or HarfBuzz, only pdf/
includes libharu (test_libharu_includes.py narrows that to the shim) and
zlib.  Every source of src/ lives in one of these folders (CMake builds
no other).

Run with no arguments to check the repository; the self-test first checks
that a tree breaking each rule is caught."""
import os
import re
import unittest
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lint_util import TreeTest  # noqa: E402

ROOT = os.environ.get("KUMIHAN_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)

# What each stage may include besides itself.
MAY_INCLUDE = {
    "base": set(),
    "jlreq": {"base"},
    "input": {"base", "jlreq"},
    "fonts": {"base", "jlreq", "input"},
    "typeset": {"base", "jlreq", "input", "fonts"},
    "pdf": {"base", "jlreq", "input", "fonts", "typeset"},
    "changes": {"base", "jlreq", "input", "fonts", "typeset"},
    "cli": {"base", "jlreq", "input", "fonts", "typeset", "pdf", "changes"},
}

# Outside libraries: a pattern of the header and who may include it.
LIBRARIES = [
    (re.compile(r"yaml\.h"), lambda rel: rel == "src/input/yaml_load.c", "only src/input/yaml_load.c"),
    (re.compile(r"(ft2build\.h|freetype/.*|hb(-[a-z]+)?\.h)"), lambda rel: rel.startswith("src/fonts/"),
     "only src/fonts/"),
    (re.compile(r"hpdf[a-z0-9_]*\.h"), lambda rel: rel.startswith("src/pdf/"), "only src/pdf/"),
    (re.compile(r"zlib\.h"), lambda rel: rel.startswith("src/pdf/"), "only src/pdf/"),
    (re.compile(r"libdeflate\.h"), lambda rel: rel.startswith("src/pdf/"), "only src/pdf/"),
]


def sources(root):
    src = os.path.join(root, "src")
    for folder, _, files in os.walk(src):
        for f in files:
            if f.endswith((".c", ".h")):
                yield os.path.relpath(os.path.join(folder, f), root).replace(os.sep, "/")


def stage_of(rel):
    parts = rel.split("/")
    return parts[1] if len(parts) == 3 and parts[1] in MAY_INCLUDE else None


def violations(root):
    files = sorted(sources(root))
    where = {}
    for rel in files:
        where.setdefault(os.path.basename(rel), []).append(rel)
    found = []
    for rel in files:
        stage = stage_of(rel)
        if stage is None:
            found.append(f"{rel}: not in a stage folder ({', '.join('src/' + s for s in MAY_INCLUDE)})")
            continue
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for kind, name in INCLUDE.findall(text):
            for pattern, allowed, who in LIBRARIES:
                if kind == "<" and pattern.fullmatch(name) and not allowed(rel):
                    found.append(f"{rel}: includes <{name}>; {who} may")
            if kind != '"':
                continue
            targets = where.get(os.path.basename(name), [])
            if not targets:
                continue
            if len(targets) > 1:
                found.append(f"{rel}: \"{name}\" is ambiguous ({', '.join(targets)})")
                continue
            target_stage = stage_of(targets[0])
            if target_stage and target_stage != stage and target_stage not in MAY_INCLUDE[stage]:
                found.append(f"{rel}: includes {targets[0]}, but {stage}/ comes before {target_stage}/ "
                             "in the pipeline")
    return found


class SelfTest(TreeTest):
    GOOD = {
        "src/base/utf8.h": "#include <stdint.h>\n",
        "src/jlreq/linebreak.h": "#include \"utf8.h\"\n",
        "src/input/yaml_load.c": "#include <yaml.h>\n#include \"linebreak.h\"\n",
        "src/input/layout.h": "#include \"utf8.h\"\n",
        "src/fonts/fonts.c": "#include <ft2build.h>\n#include <hb-subset.h>\n#include \"layout.h\"\n",
        "src/typeset/compose.c": "#include \"layout.h\"\n#include \"linebreak.h\"\n",
        "src/pdf/pdf_write.c": "#include <hpdf.h>\n#include <zlib.h>\n",
        "src/cli/main.c": "#include \"layout.h\"\n#include <stdio.h>\n",
    }

    def test_a_clean_tree_passes(self):
        self.assertEqual(violations(self.tree(self.GOOD)), [])

    def test_each_rule_is_caught(self):
        bad = dict(self.GOOD)
        bad["src/jlreq/linebreak.h"] = "#include \"layout.h\"\n"      # jlreq needs no layout
        bad["src/typeset/compose.c"] = "#include <yaml.h>\n"          # yaml.h outside the loader
        bad["src/base/utf8.h"] = "#include <hb.h>\n"                  # HarfBuzz outside fonts/
        bad["src/typeset/pages.c"] = "#include \"main.h\"\n"
        bad["src/cli/main.h"] = ""                                    # typeset -> cli
        bad["src/stray.c"] = ""                                       # not in a stage
        found = violations(self.tree(bad))
        self.assertEqual(len(found), 5, found)
        joined = "\n".join(found)
        self.assertIn("src/base/utf8.h: includes <hb.h>; only src/fonts/ may", joined)
        self.assertIn("src/jlreq/linebreak.h: includes src/input/layout.h, but jlreq/ comes before input/", joined)
        self.assertIn("src/stray.c: not in a stage folder", joined)
        self.assertIn("src/typeset/compose.c: includes <yaml.h>; only src/input/yaml_load.c may", joined)
        self.assertIn("src/typeset/pages.c: includes src/cli/main.h, but typeset/ comes before cli/", joined)


class Repository(unittest.TestCase):
    def test_includes_follow_the_pipeline(self):
        self.assertTrue(os.path.exists(os.path.join(ROOT, "src/cli/main.c")))
        found = violations(ROOT)
        self.assertEqual(found, [], "\n" + "\n".join(found))


if __name__ == "__main__":
    unittest.main()
