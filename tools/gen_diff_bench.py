#!/usr/bin/env python3
"""gen_diff_bench.py — old/new content pairs for the diff figures of
`make bench` (issue 13): the matcher and the character diff must stay
near-linear whatever the input.

  edited    N items in one list, every item edited by one word
  reversed  the same N items in reverse order (every item moved)
  rewrite   one paragraph of about 1 MB, rewritten (an edit every few
            characters: far beyond Myers' cost cap, so reported replaced)

Deterministic (no random module): the texts come from a fixed word list.

Usage: gen_diff_bench.py OUT_DIR [N=100000]
writes OUT_DIR/{edited,reversed,rewrite}-{old,new}.yaml"""
import os
import sys

WORDS = ["事業", "推進", "支援", "連携", "協力", "開催", "実施", "強化", "促進", "整備", "調査", "研究",
         "地域", "企業", "経営", "相談", "制度", "活動", "会議", "団体"]
HEAD = "title: 差分の計測\norganization: kumihan bench\nfiscal_year: 2024\n"


def item(i):
    # short, so that 100,000 of them fit the loader's 4 MB file limit
    return f"第{i}号{WORDS[i % 20]}{WORDS[(i * 7) % 20]}"


def edited(i):
    # one word changed: the last one, for another
    return item(i)[:-2] + WORDS[(i * 7 + 3) % 20]


def plan(texts):
    lines = [HEAD + "parts:", "  - title: 一覧", "    sections:", "      - title: 項目", "        entries:"]
    lines += [f"          - {t}" for t in texts]
    return "\n".join(lines) + "\n"


def paragraph(text):
    # folded into lines of 1,000 characters (the loader's line limit is
    # 16 KB); folding joins Japanese lines without a space
    lines = [text[i:i + 1000] for i in range(0, len(text), 1000)]
    return HEAD + "preface:\n  - >-\n" + "".join(f"    {l}\n" for l in lines) + "parts:\n  - title: 本文\n"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) not in (2, 3):
        raise SystemExit(__doc__)
    out, n = argv[1], int(argv[2]) if len(argv) == 3 else 100000
    os.makedirs(out, exist_ok=True)
    old = [item(i) for i in range(n)]
    write(os.path.join(out, "edited-old.yaml"), plan(old))
    write(os.path.join(out, "edited-new.yaml"), plan([edited(i) for i in range(n)]))
    write(os.path.join(out, "reversed-old.yaml"), plan(old))
    write(os.path.join(out, "reversed-new.yaml"), plan(old[::-1]))
    # ~1 MB of UTF-8 (3 bytes a character); the rewrite changes one
    # character in every five, at a regular stride
    chars = (1 << 20) // 3
    base = "".join(WORDS[(i * 13 + i // 7) % 20] for i in range(chars // 2 + 1))[:chars]
    rewritten = "".join("改" if i % 5 == 2 else ch for i, ch in enumerate(base))
    write(os.path.join(out, "rewrite-old.yaml"), paragraph(base))
    write(os.path.join(out, "rewrite-new.yaml"), paragraph(rewritten))


if __name__ == "__main__":
    main(sys.argv)
