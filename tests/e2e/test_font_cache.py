"""The font cache (src/base/disk_cache.c, src/pdf/pdf_font_cache.c) never
changes a byte of the output: builds with the cache off, cold, warm, after
corrupting or truncating its entries, and several at once into one cold
cache all give the same PDF.  The cache lives in a temporary folder
(KUMIHAN_CACHE_DIR); every other test runs with KUMIHAN_CACHE=off."""
import glob
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import KUMIHAN, PLAN, TempDirTest  # noqa: E402


class FontCache(TempDirTest):
    def setUp(self):
        super().setUp()
        self.cache = os.path.join(self.tmp, "cache")
        self.env = {k: v for k, v in os.environ.items() if k != "KUMIHAN_CACHE"}
        self.env["KUMIHAN_CACHE_DIR"] = self.cache
        self.n = 0

    def start(self, cache_on=True):
        self.n += 1
        out = os.path.join(self.tmp, f"plan-{self.n}.pdf")
        env = dict(self.env)
        if not cache_on:
            env["KUMIHAN_CACHE"] = "off"
        p = subprocess.Popen([KUMIHAN, "build", PLAN, "-o", out], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return p, out

    def build(self, cache_on=True):
        p, out = self.start(cache_on)
        stdout, stderr = p.communicate()
        self.assertEqual(p.returncode, 0, stderr)
        with open(out, "rb") as f:
            return f.read()

    def entries(self):
        return sorted(glob.glob(os.path.join(self.cache, "font-*")))

    def test_off_writes_nothing(self):
        self.build(cache_on=False)
        self.assertFalse(os.path.exists(self.cache))

    def test_cold_warm_and_corrupt_give_the_same_bytes(self):
        reference = self.build(cache_on=False)
        self.assertEqual(self.build(), reference, "cold cache")
        entries = self.entries()
        self.assertEqual(len(entries), 3, "one entry per font role the plan draws")
        self.assertEqual(self.build(), reference, "warm cache")
        # a flipped byte in the middle of every entry: detected, recomputed, rewritten
        for e in entries + glob.glob(os.path.join(self.cache, "fileid-*")):
            with open(e, "r+b") as f:
                data = bytearray(f.read())
                data[len(data) // 2] ^= 0x55
                f.seek(0)
                f.write(data)
        corrupted = {e: open(e, "rb").read() for e in entries}
        self.assertEqual(self.build(), reference, "corrupted entries")
        for e in entries:
            self.assertNotEqual(open(e, "rb").read(), corrupted[e], f"{e} not rewritten")
        # torn entries (a writer killed half-way, had it written in place)
        for e in entries:
            with open(e, "r+b") as f:
                f.truncate(os.path.getsize(e) // 3)
        self.assertEqual(self.build(), reference, "truncated entries")
        self.assertEqual(self.build(), reference, "rewritten entries")

    def test_concurrent_cold_builds(self):
        reference = self.build(cache_on=False)
        runs = [self.start() for _ in range(4)]
        for p, out in runs:
            _, stderr = p.communicate()
            self.assertEqual(p.returncode, 0, stderr)
            with open(out, "rb") as f:
                self.assertEqual(f.read(), reference)
        self.assertEqual(len(self.entries()), 3)
        self.assertEqual(glob.glob(os.path.join(self.cache, "*.tmp.*")), [], "temporary files left")
        self.assertEqual(self.build(), reference, "warm after concurrent writers")


if __name__ == "__main__":
    unittest.main()
