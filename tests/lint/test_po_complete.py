"""Every message kumihan prints has its Japanese translation: po/ja.po
holds every msgid that xgettext finds in src/ (tools/update-po.sh's
keywords), none untranslated or fuzzy, and msgfmt --check accepts it (the
printf formats of each translation match its msgid's).  A branch that adds
a message and forgets ja.po fails here: run tools/update-po.sh, translate."""
import os
import re
import subprocess
import tempfile
import unittest

ROOT = os.environ.get("KUMIHAN_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
PO = os.path.join(ROOT, "po", "ja.po")


def keywords():
    """The -k options of tools/update-po.sh: one list of what is extracted."""
    with open(os.path.join(ROOT, "tools", "update-po.sh"), encoding="utf-8") as f:
        return re.findall(r"(?<!\S)(-k\S+)", f.read())


def msgids(po_text):
    ids = set()
    for block in po_text.split("\n\n"):
        if re.search(r"^#~", block, re.M):
            continue
        m = re.search(r'^msgid ((?:".*"\n)+)msgstr', block + "\n", re.M)
        if m:
            ids.add("".join(re.findall(r'"(.*)"', m.group(1))))
    ids.discard("")
    return ids


class PoComplete(unittest.TestCase):
    def test_every_message_translated(self):
        p = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, PO],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("untranslated", p.stderr, p.stderr)
        self.assertNotIn("fuzzy", p.stderr, p.stderr)

    def test_ja_po_has_every_msgid_of_the_sources(self):
        sources = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(ROOT, "src"))
                         for f in fs if f.endswith(".c"))
        with tempfile.TemporaryDirectory() as tmp:
            pot = os.path.join(tmp, "kumihan.pot")
            subprocess.run(["xgettext", "--from-code=UTF-8", "--language=C", "--no-wrap", *keywords(),
                            "-o", pot, *sources], check=True, capture_output=True)
            with open(pot, encoding="utf-8") as f:
                wanted = msgids(f.read())
        with open(PO, encoding="utf-8") as f:
            have = msgids(f.read())
        self.assertGreater(len(wanted), 200)
        self.assertEqual(sorted(wanted - have), [], "messages missing from po/ja.po: run tools/update-po.sh")


if __name__ == "__main__":
    unittest.main(verbosity=2)
