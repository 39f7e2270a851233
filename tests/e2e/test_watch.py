"""kumihan watch: builds, rebuilds after an edit saved by rename (as most
editors save), reports a broken edit with its location and keeps the last
good PDF, and stops cleanly on SIGINT and SIGTERM (status 0, no temporary
file left).  Timeouts are generous and nothing is timed: the machine may
be loaded."""
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import BOOKLET, KUMIHAN, PLAN, TempDirTest, pdftotext, squash  # noqa: E402

TIMEOUT = 120
OLD_TEXT = "広域連携による要望活動の強化"
NEW_TEXT = "広域連携による要望活動の一層の強化"


class Watcher:
    """kumihan watch in the background, its stderr read line by line."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([KUMIHAN, "watch", *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     text=True)
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, test, what):
        """The next line for which test(line) holds; fails after TIMEOUT."""
        while True:
            try:
                line = self.lines.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no {what} within {TIMEOUT} s; stderr so far:\n{''.join(self.seen)}")
            if line is None:
                raise AssertionError(f"watch ended before {what}; stderr:\n{''.join(self.seen)}")
            self.seen.append(line)
            if test(line):
                return line

    def stop(self, sig=signal.SIGINT):
        """Sends sig; returns the exit status once all of stderr is read."""
        self.proc.send_signal(sig)
        status = self.proc.wait(timeout=TIMEOUT)
        while (line := self.lines.get(timeout=TIMEOUT)) is not None:
            self.seen.append(line)
        return status

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()


def replace_file(path, text):
    """Saves the way editors do: a new file renamed over the old one."""
    tmp = path + ".swp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def is_build_line(pdf):
    return lambda line: line.startswith(pdf + ": ") and " pages, " in line and line.rstrip().endswith(" ms")


class Watch(TempDirTest):
    def setUp(self):
        super().setUp()
        os.mkdir(os.path.join(self.tmp, "content"))
        self.content = os.path.join(self.tmp, "content", "plan.yaml")
        shutil.copy(PLAN, self.content)
        with open(self.content, encoding="utf-8") as f:
            self.text = f.read()
        self.assertIn(OLD_TEXT, self.text)
        # the default output of content/plan.yaml: out/plan.pdf in the project
        self.pdf = os.path.join(self.tmp, "out", "plan.pdf")
        self.watcher = Watcher(self.content, "--layout", BOOKLET)

    def tearDown(self):
        self.watcher.kill()
        super().tearDown()

    def pdf_text(self):
        return squash(pdftotext(self.pdf))

    def test_rebuilds_after_rename_keeps_good_pdf_on_error_and_stops_cleanly(self):
        w = self.watcher
        w.wait_for(is_build_line(self.pdf), "first build line")
        self.assertIn(OLD_TEXT, self.pdf_text())
        w.wait_for(lambda l: "watching" in l, "watching line")

        replace_file(self.content, self.text.replace(OLD_TEXT, NEW_TEXT))
        w.wait_for(is_build_line(self.pdf), "build line after the edit")
        self.assertIn(NEW_TEXT, self.pdf_text())
        with open(self.pdf, "rb") as f:
            good = f.read()

        broken = self.text.replace("title: 重点事業", "title: 重点事業\n   oops: [", 1)
        replace_file(self.content, broken)
        error = w.wait_for(lambda l: ": error: " in l, "error line after the broken edit")
        self.assertTrue(error.startswith(self.content + ":"), error)
        w.wait_for(lambda l: "still holds the last good build" in l, "the last good build kept")
        with open(self.pdf, "rb") as f:
            self.assertEqual(f.read(), good, "the last good PDF changed after a failed build")

        self.assertEqual(w.stop(signal.SIGINT), 0, "".join(w.seen))
        self.assertEqual(sorted(os.listdir(os.path.dirname(self.pdf))), ["plan.pdf"], "temporary files left")
        self.assertEqual(sorted(os.listdir(os.path.dirname(self.content))), ["plan.yaml"])
        self.assertNotIn("Sanitizer", "".join(w.seen))

    def test_sigterm_stops_with_status_0(self):
        w = self.watcher
        w.wait_for(lambda l: "watching" in l, "watching line")
        self.assertEqual(w.stop(signal.SIGTERM), 0, "".join(w.seen))
        self.assertNotIn("Sanitizer", "".join(w.seen))


class WatchUsage(unittest.TestCase):
    def test_takes_only_build_options(self):
        p = subprocess.run([KUMIHAN, "watch", PLAN, "--strict"], capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 2)
        self.assertIn("watch does not take --strict (it is an option of check)", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
