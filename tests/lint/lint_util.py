"""Shared by the lint tests' self-tests: a throwaway source tree, so each
rule can be shown to catch a bad file."""
import os
import tempfile
import unittest


class TreeTest(unittest.TestCase):
    def tree(self, files):
        """A temporary folder holding files ({relative path: text}),
        removed when the test ends; returns its path."""
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        for rel, text in files.items():
            path = os.path.join(tmp.name, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return tmp.name
