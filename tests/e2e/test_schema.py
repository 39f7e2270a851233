"""The JSON Schemas of content and layout files (schemas/), which editors
use to complete keys and flag mistakes as the user types:

1. the committed files are what `kumihan schema content|layout` writes
   from the loaders' tables (so they cannot drift from the loaders);
2. every shipped YAML file names its schema on its first line and
   validates against it, checked by an independent validator (Debian's
   python3-jsonschema, draft 7, on python3-yaml's reading of the file);
3. the tests/errors cases of schema mistakes fail validation, and no file
   under tests/ that `kumihan check` accepts is refused by the schema (it
   is never stricter than the loader)."""
import glob
import json
import os
import sys
import unittest

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import BOOKLET, ROOT, kumihan  # noqa: E402

SHIPPED = {"content": sorted(glob.glob(os.path.join(ROOT, "content", "*.yaml"))),
           "layout": sorted(glob.glob(os.path.join(ROOT, "layouts", "*.yaml")))}
PLAN = os.path.join(ROOT, "content", "plan-2023.yaml")


class Yaml12Dates(yaml.SafeLoader):
    """YAML as an editor's language server reads it: 2023-04-01 is a
    string (YAML 1.2 has no timestamps), as it is to kumihan."""


Yaml12Dates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def schema_path(which):
    return os.path.join(ROOT, "schemas", f"{which}.schema.json")


def validator(which):
    with open(schema_path(which), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def problems(which, path):
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=Yaml12Dates)
    return [e.message for e in validator(which).iter_errors(data)]


def files_under_tests(top_key):
    """YAML files under tests/ whose top level has top_key."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            if any(line.startswith(top_key + ":") for line in f):
                found.append(path)
    return found


class Schemas(unittest.TestCase):
    def test_committed_files_are_generated(self):
        for which in ("content", "layout"):
            with self.subTest(which=which):
                with open(schema_path(which), encoding="utf-8") as f:
                    self.assertEqual(kumihan("schema", which).stdout, f.read(),
                                     f"regenerate: build/kumihan schema {which} > schemas/{which}.schema.json")

    def test_unknown_schema_is_a_usage_error(self):
        p = kumihan("schema", "lay-out", check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("'content'", p.stderr)
        self.assertEqual(kumihan("schema", check=False).returncode, 2)

    def test_shipped_files_name_and_pass_their_schema(self):
        self.assertTrue(SHIPPED["content"] and SHIPPED["layout"])
        for which, paths in SHIPPED.items():
            for path in paths:
                with self.subTest(path=os.path.relpath(path, ROOT)):
                    with open(path, encoding="utf-8") as f:
                        first = f.readline().rstrip("\n")
                    self.assertEqual(first, f"# yaml-language-server: $schema=../schemas/{which}.schema.json")
                    self.assertEqual(problems(which, path), [])

    def test_schema_mistakes_fail(self):
        errors = os.path.join(ROOT, "tests", "errors")
        cases = [("content", os.path.join(d, "content.yaml")) for d in sorted(glob.glob(os.path.join(errors, "schema-*")))]
        cases.append(("layout", os.path.join(errors, "layout-unknown-key", "layout.yaml")))
        cases.append(("layout", os.path.join(errors, "layout-unknown-numbering-style", "layout.yaml")))
        self.assertGreaterEqual(len(cases), 6)
        for which, path in cases:
            with self.subTest(path=os.path.relpath(path, ROOT)):
                self.assertNotEqual(problems(which, path), [])

    def test_never_stricter_than_the_loader(self):
        checked = 0
        for which, top_key in (("content", "parts"), ("layout", "fonts")):
            for path in files_under_tests(top_key):
                args = [path, "--layout", BOOKLET] if which == "content" else [PLAN, "--layout", path]
                if kumihan("check", *args, check=False).returncode != 0:
                    continue
                with self.subTest(path=os.path.relpath(path, ROOT)):
                    self.assertEqual(problems(which, path), [])
                checked += 1
        self.assertGreaterEqual(checked, 10)


if __name__ == "__main__":
    unittest.main()
