"""Every message the user reads goes through the catalogue: a string
literal given as the message of diag_report, diag_hint, the YAML loader's
fail, or the command line's usage_message / usage_error must be wrapped in
_() (only a bare "%s", whose argument was translated where it was made, may
stand alone), and every usage synopsis ("usage: kumihan …") is marked N_()
or _().  A branch that adds an unwrapped message fails here."""
import os
import re
import unittest

ROOT = os.environ.get("KUMIHAN_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
# function -> index of its message argument
MESSAGE_ARG = {"diag_report": 3, "diag_hint": 1, "fail": 3, "usage_message": 1, "usage_error": 1}
LITERALS = re.compile(r'\s*("([^"\\]|\\.)*"\s*)+$', re.S)


def strip_comments(s):
    """Comments blanked (strings kept), so commented-out calls do not count."""
    out, i = [], 0
    pattern = re.compile(r'"([^"\\\n]|\\.)*"|\'([^\'\\\n]|\\.)*\'|/\*.*?\*/|//[^\n]*', re.S)
    for m in pattern.finditer(s):
        out.append(s[i:m.start()])
        t = m.group(0)
        out.append(t if t[0] in "\"'" else re.sub(r"[^\n]", " ", t))
        i = m.end()
    out.append(s[i:])
    return "".join(out)


def call_args(s, open_paren):
    """The (start, end) of each argument of the call whose '(' is at open_paren."""
    depth, start, j, args = 0, open_paren + 1, open_paren, []
    while j < len(s):
        c = s[j]
        if c in "\"'":
            j += 1
            while s[j] != c:
                j += 2 if s[j] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append((start, j))
                return args
        elif c == "," and depth == 1:
            args.append((start, j))
            start = j + 1
        j += 1
    return args


def sources():
    for dirpath, _, files in os.walk(os.path.join(ROOT, "src")):
        for f in sorted(files):
            if f.endswith(".c"):
                yield os.path.join(dirpath, f)


def unwrapped_messages(path, text):
    s = strip_comments(text)
    found = []
    for m in re.finditer(r"\b(%s)\s*\(" % "|".join(MESSAGE_ARG), s):
        args = call_args(s, m.end() - 1)
        k = MESSAGE_ARG[m.group(1)]
        if len(args) <= k:
            continue
        arg = s[args[k][0]:args[k][1]]
        if LITERALS.match(arg) and arg.strip() != '"%s"':
            line = s.count("\n", 0, m.start()) + 1
            found.append(f"{os.path.relpath(path, ROOT)}:{line}: {m.group(1)}({arg.strip()[:60]}) needs _()")
    for m in re.finditer(r'"usage: kumihan', s):
        before = s[:m.start()].rstrip()
        if not (before.endswith("N_(") or before.endswith("_(")):
            line = s.count("\n", 0, m.start()) + 1
            found.append(f"{os.path.relpath(path, ROOT)}:{line}: a usage synopsis needs N_()")
    return found


class MessagesTranslatable(unittest.TestCase):
    def test_every_message_wrapped(self):
        found = []
        for path in sources():
            with open(path, encoding="utf-8") as f:
                found += unwrapped_messages(path, f.read())
        self.assertEqual(found, [])

    def test_the_check_catches_an_unwrapped_message(self):
        bad = 'void f(void) { diag_report(dl, D_IO, loc, "cannot read %s", p);\n diag_hint(dl, "try " "again"); }'
        good = 'void f(void) { diag_report(dl, D_IO, loc, _("cannot read %s"), p); diag_hint(dl, "%s", h);\n' \
               '/* diag_hint(dl, "in a comment"); */ }'
        self.assertEqual(len(unwrapped_messages("x.c", bad)), 2)
        self.assertEqual(unwrapped_messages("x.c", good), [])
        self.assertEqual(len(unwrapped_messages("x.c", 'const char *u = "usage: kumihan x\\n";')), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
