"""One header per module, matching its file (issue 15): every function
declared in src/.../foo.h is defined in src/.../foo.c, so that a header
says what its file owns and a reader finds a function where its header
says it is.

Allowed:
- header-only helpers: `static inline` functions defined in the header;
- the modules listed in MODULE_FILES, each with its reason: a module of
  several files behind one header (linebreak.h and lb_internal.h for
  linebreak.c and lb_*.c), or a header named after the data it declares
  whose one file is named after the job that builds it (ytree.h and
  yaml_load.c).

A declaration that no file defines is reported too: a stale declaration.

Files are matched by base name anywhere under src/ (the sources may move
into folders).  Run with no arguments to check the repository; the
self-test first checks that a tree breaking the rule is caught."""
import os
import re
import unittest
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lint_util import TreeTest  # noqa: E402

ROOT = os.environ.get("KUMIHAN_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

# header -> the .c files (by base name; '*' matches any run of characters)
# that may define what it declares, when that is not just foo.h -> foo.c.
MODULE_FILES = {
    # the line breaker: one public header and one internal one for its files
    # (linebreak.c drives, lb_break.c / lb_space.c / lb_justify.c are its rules)
    "linebreak.h": ("linebreak.c", "lb_*.c"),
    "lb_internal.h": ("linebreak.c", "lb_*.c"),
    # headers named after the data they declare, each built by one loader
    # named after its job (the loaders are the only readers of the YAML)
    "content.h": ("content_load.c",),
    "layout.h": ("layout_load.c",),
    "ytree.h": ("yaml_load.c",),
}

NOT_NAMES = {"if", "while", "for", "switch", "return", "sizeof", "__attribute__", "_Static_assert",
             "defined", "_Alignas", "alignof", "_Alignof", "typeof", "__typeof__"}


def strip(text):
    """Text without comments, string and character literals, and
    preprocessor lines (continuations included)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\\n])*'", "''", text)
    text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)
    return text


def top_level(text):
    """The top-level statements of a C file, each as (text, ender) where
    ender is ';' or '{' (a body follows, skipped)."""
    out, depth, start, paren = [], 0, 0, 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "(":
            paren += 1
        elif c == ")":
            paren -= 1
        elif depth == 0 and paren == 0 and c in ";{":
            out.append((text[start:i], c))
            if c == "{":
                depth = 1
                i += 1
                while i < n and depth:
                    depth += {"{": 1, "}": -1}.get(text[i], 0)
                    i += 1
                # "struct x { … } name;" or "= { … };": the rest is part of it
                start = i
                continue
            start = i + 1
        i += 1
    return out


def function_name(stmt):
    """The name of the function a top-level statement declares or
    defines, or None (a variable, a type, a function pointer)."""
    s = " ".join(stmt.split())
    if not s or s.startswith(("typedef", "struct ", "union ", "enum ")) and "(" not in s.split("{")[0]:
        return None
    if s.startswith("typedef"):
        return None
    if "=" in s.split("(")[0]:
        return None   # an initialised variable
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", s):
        name = m.group(1)
        if name in NOT_NAMES:
            continue
        before = s[:m.start()]
        if before.rstrip().endswith("(*") or re.search(r"\(\s*\*\s*$", before):
            return None
        return name if before.strip() else None
    return None


def declarations(text):
    """Functions a header declares: (name, is_inline_definition)."""
    found = []
    for stmt, ender in top_level(strip(text)):
        name = function_name(stmt)
        if not name:
            continue
        words = stmt.split()
        inline = ender == "{" and ("inline" in words or "static" in words)
        if ender == ";" and "static" in words:
            continue
        found.append((name, inline or ender == "{"))
    return found


def definitions(text):
    """Functions a .c file defines with external linkage."""
    names = []
    for stmt, ender in top_level(strip(text)):
        if ender != "{" or "static" in stmt.split():
            continue
        name = function_name(stmt)
        if name:
            names.append(name)
    return names


def files_under(root):
    for folder, _, files in os.walk(os.path.join(root, "src")):
        for f in files:
            if f.endswith((".c", ".h")):
                yield os.path.join(folder, f)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def allowed_files(header):
    stem = header[:-2]
    return MODULE_FILES.get(header, (stem + ".c",))


def matches(c_file, patterns):
    return any(re.fullmatch(re.escape(p).replace(r"\*", ".*"), c_file) for p in patterns)


def violations(root):
    paths = sorted(files_under(root))
    defined_in = {}
    for p in paths:
        if p.endswith(".c"):
            for name in definitions(read(p)):
                defined_in.setdefault(name, []).append(os.path.basename(p))
    found = []
    for p in paths:
        if not p.endswith(".h"):
            continue
        header = os.path.basename(p)
        ok_files = allowed_files(header)
        for name, header_only in declarations(read(p)):
            if header_only:
                continue
            where = defined_in.get(name, [])
            if any(matches(c, ok_files) for c in where):
                continue
            rel = os.path.relpath(p, root).replace(os.sep, "/")
            if where:
                found.append(f"{rel}: declares {name}(), defined in {', '.join(sorted(where))}, "
                             f"not in {' or '.join(ok_files)}: move the declaration to that file's header")
            else:
                found.append(f"{rel}: declares {name}(), defined in no file: a stale declaration")
    return found


class SelfTest(TreeTest):
    GOOD = {
        "src/base/pages.h": (
            "/* pages.h — a comment with f(x); in it */\n"
            "#define PG_MAX(a, b) ((a) > (b) ? (a) : (b))\n"
            "typedef struct pg_doc { int n; } pg_doc;\n"
            "typedef bool (*pg_visit)(int page);\n"
            "extern const char pg_names[];\n"
            "void pg_doc_init(pg_doc *d,\n                 float w);\n"
            "char *pg_describe(const pg_doc *d, const char *fmt, ...)\n"
            "    __attribute__((format(printf, 2, 3)));\n"
            "static inline int pg_count(const pg_doc *d) { return d->n; }\n"),
        "src/base/pages.c": (
            "#include \"pages.h\"\n"
            "static int helper(void) { return 1; }\n"
            "void pg_doc_init(pg_doc *d, float w)\n{\n    d->n = helper() + (int)w;\n}\n"
            "char *pg_describe(const pg_doc *d, const char *fmt, ...) { return 0; }\n"),
        "src/typeset/lb_internal.h": "void lb_emit_line(int x);\n",
        "src/typeset/lb_justify.c": "void lb_emit_line(int x) { if (x) { } }\n",
    }

    def test_a_clean_tree_passes(self):
        self.assertEqual(violations(self.tree(self.GOOD)), [])

    def test_a_function_defined_in_another_file_is_caught(self):
        bad = dict(self.GOOD)
        bad["src/typeset/paginate.h"] = "bool paginate(void);\nbool draw_furniture(int page);\n"
        bad["src/typeset/paginate.c"] = "bool paginate(void) { return true; }\n"
        bad["src/typeset/furniture.c"] = "bool draw_furniture(int page) { return page > 0; }\n"
        found = violations(self.tree(bad))
        self.assertEqual(len(found), 1, found)
        self.assertIn("src/typeset/paginate.h: declares draw_furniture(), defined in furniture.c", found[0])

    def test_a_stale_declaration_is_caught(self):
        bad = dict(self.GOOD)
        bad["src/base/pages.h"] += "int jp_class(unsigned cp);\n"
        found = violations(self.tree(bad))
        self.assertEqual(len(found), 1, found)
        self.assertIn("declares jp_class(), defined in no file", found[0])

    def test_a_module_header_outside_its_module_is_caught(self):
        bad = dict(self.GOOD)
        bad["src/typeset/lb_internal.h"] += "void lb_helper(void);\n"
        bad["src/typeset/compose.c"] = "void lb_helper(void) { }\n"
        found = violations(self.tree(bad))
        self.assertEqual(len(found), 1, found)
        self.assertIn("lb_helper(), defined in compose.c", found[0])


class Repository(unittest.TestCase):
    def test_every_header_matches_its_file(self):
        self.assertTrue(os.path.isdir(os.path.join(ROOT, "src")))
        found = violations(ROOT)
        self.assertEqual(found, [], "\n" + "\n".join(found))


if __name__ == "__main__":
    unittest.main()
