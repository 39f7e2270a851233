"""The man page (man/kumihan.1) and the README keep up with the command line:

1. every command and every option of the parser's tables (src/cli/cli_args.c)
   is documented in man/kumihan.1, and the page has an EXIT STATUS section;
2. groff (when installed) formats the page without a warning;
3. the README calls the program one way only: `build/kumihan …` in every
   command line (never a bare `kumihan build …` or `./kumihan`).

The self-test first checks that a missing option and a bare call are caught."""
import os
import re
import shutil
import subprocess
import unittest

ROOT = os.environ.get("KUMIHAN_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def parser_words(source):
    """Commands and option spellings from the two tables of cli_args.c."""
    commands = re.findall(r'\{CMD_\w+, "([a-z-]+)"', source)
    options = re.findall(r'\{CLI_\w+, "(-[-a-z]*)"', source)
    return commands, options


def undocumented(page, words):
    text = page.replace("\\-", "-")
    return [w for w in words if not re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text)]


CALL = re.compile(r"(?<![/\w.-])(?:\./)?kumihan (build|watch|check|dump|diff|new-year)\b")


def bare_calls(readme):
    """Command lines in code that call kumihan other than as build/kumihan."""
    bad = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", readme, re.S) + re.findall(r"`([^`\n]+)`", readme):
        for line in block.splitlines():
            if CALL.search(line):
                bad.append(line.strip())
    return bad


class ManPage(unittest.TestCase):
    def test_self_check(self):
        self.assertEqual(undocumented(".B \\-\\-layout\n.B build", ["--layout", "-o", "build"]), ["-o"])
        self.assertEqual(bare_calls("run `kumihan build x.yaml` or `build/kumihan check x`"),
                         ["kumihan build x.yaml"])

    def test_every_command_and_option_documented(self):
        commands, options = parser_words(read("src/cli/cli_args.c"))
        self.assertIn("watch", commands)
        self.assertIn("--quiet", options)
        page = read("man/kumihan.1")
        self.assertEqual(undocumented(page, commands + options + ["--help", "--version"]), [])
        self.assertIn(".SH EXIT STATUS", page)

    @unittest.skipUnless(shutil.which("groff"), "groff not installed")
    def test_groff_formats_without_warnings(self):
        p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", os.path.join(ROOT, "man", "kumihan.1")],
                           capture_output=True, text=True)
        self.assertEqual(p.stderr, "")

    def test_readme_calls_build_kumihan(self):
        self.assertEqual(bare_calls(read("README.md")), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
