"""Page labels: a layout may name pages for PDF readers (a cover shown as
表紙, then 2, 3, …); without page_labels the PDF has none."""
import json
import os
import unittest
from kumihan_e2e import BOOKLET, ROOT, TempDirTest, build, run


def page_labels(pdf):
    out = run(["qpdf", "--json", "--json-key=pagelabels", pdf]).stdout
    return json.loads(out)["pagelabels"]


class PageLabelTest(TempDirTest):
    def layout_with_labels(self, labels_yaml):
        with open(BOOKLET, encoding="utf-8") as f:
            text = f.read().replace("../fonts/", os.path.join(ROOT, "fonts") + "/")
        path = os.path.join(self.tmp, "labels.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\npage_labels:\n" + labels_yaml)
        return path

    def test_cover_then_numbers(self):
        layout = self.layout_with_labels("  - {from: 1, style: none, prefix: 表紙}\n"
                                         "  - {from: 2, style: decimal, start: 2}\n")
        pdf = build(self.tmp, layout=layout)
        labels = page_labels(pdf)
        self.assertEqual([l["index"] for l in labels], [0, 1])
        self.assertEqual(labels[0]["label"].get("/P"), "u:表紙")
        self.assertNotIn("/S", labels[0]["label"])
        self.assertEqual(labels[1]["label"]["/S"], "/D")
        self.assertEqual(labels[1]["label"]["/St"], 2)
        self.assertIn("No syntax or stream encoding errors", run(["qpdf", "--check", pdf]).stdout)

    def test_none_by_default(self):
        pdf = build(self.tmp, layout=BOOKLET)
        self.assertEqual(page_labels(pdf), [])

    def test_first_label_must_start_at_page_one(self):
        layout = self.layout_with_labels("  - {from: 3, style: roman}\n")
        p = run([os.environ.get("KUMIHAN", "build/kumihan"), "build",
                 os.path.join(ROOT, "content", "plan-2023.yaml"), "--layout", layout,
                 "-o", os.path.join(self.tmp, "x.pdf")], check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("the first page label must start 'from: 1'", p.stderr)


if __name__ == "__main__":
    unittest.main()
