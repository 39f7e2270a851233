#!/usr/bin/env python3
"""gen_long_plan.py — writes a plan N times as long as the given one, for
`make bench`: the metadata and preface once, then the plan's parts repeated
N times, each copy's part titles made distinct ("重点事業（第7回）"), so that
headings, bookmarks and running heads all differ as in a real long document.

Works on the YAML text (no YAML library needed): the parts are the items of
the top-level `parts:` list, each starting with "  - title: ".

Usage: gen_long_plan.py CONTENT.yaml OUT.yaml [TIMES=100]"""
import re
import sys

PART_START = re.compile(r"^  - title:\s*(.*?)\s*(#.*)?$")
TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*:")


def split_plan(text):
    """(head, parts, tail): lines before the parts, the parts (each a list
    of lines), and any top-level keys after them."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, l in enumerate(lines) if l.rstrip() == "parts:"), None)
    if start is None:
        raise SystemExit("gen_long_plan: no top-level 'parts:' list in the content")
    end = next((i for i in range(start + 1, len(lines)) if TOP_KEY.match(lines[i])), len(lines))
    parts, current = [], None
    for line in lines[start + 1:end]:
        if PART_START.match(line):
            current = [line]
            parts.append(current)
        elif current is not None:
            current.append(line)
    if not parts:
        raise SystemExit("gen_long_plan: the 'parts:' list has no '  - title:' items")
    return lines[:start + 1], parts, lines[end:]


def retitle(part, copy):
    m = PART_START.match(part[0])
    title = m.group(1).strip("\"'")
    return [f"  - title: \"{title}（第{copy}回）\"\n"] + part[1:]


def main(argv):
    if len(argv) not in (3, 4):
        raise SystemExit(__doc__)
    times = int(argv[3]) if len(argv) == 4 else 100
    with open(argv[1], encoding="utf-8") as f:
        head, parts, tail = split_plan(f.read())
    with open(argv[2], "w", encoding="utf-8") as out:
        out.writelines(head)
        for copy in range(1, times + 1):
            for part in parts:
                out.writelines(retitle(part, copy))
        if tail and not tail[0].startswith("\n"):
            out.write("\n")
        out.writelines(tail)


if __name__ == "__main__":
    main(sys.argv)
