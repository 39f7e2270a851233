#!/bin/sh
# bench.sh — speed and memory figures for a built kumihan (issue 3 §7):
# the 2023 plan and a generated plan 100 times as long, each built
# repeatedly into a temporary directory; prints the median wall time, peak
# RSS, output size, pages, pages per second and ms per page next to the
# targets.  Then `kumihan diff` on the pairs of tools/gen_diff_bench.py
# (issue 13): 100,000 entries each edited by one word, the same reversed,
# a 1 MB paragraph rewritten; each must finish in a few seconds.  Builds nothing itself (`make bench` builds build-release first).
# Usage: tools/bench.sh path/to/kumihan [RUNS_SHORT=15] [RUNS_LONG=3]
set -eu
kumihan=${1:?usage: tools/bench.sh path/to/kumihan [runs-short] [runs-long]}
runs_short=${2:-15}
runs_long=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$kumihan" ] || { echo "bench: $kumihan is not an executable" >&2; exit 2; }
kumihan=$(cd "$(dirname "$kumihan")" && pwd)/$(basename "$kumihan")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kumihan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 "$root/tools/gen_long_plan.py" "$root/content/plan-2023.yaml" "$tmp/plan-x10.yaml" 10
python3 "$root/tools/gen_long_plan.py" "$root/content/plan-2023.yaml" "$tmp/plan-x100.yaml" 100
# A shape the plan does not have: one list of 100,000 entries (no step may
# look at every sibling for every item).
python3 "$root/tools/gen_diff_bench.py" "$tmp/diff" 100000
python3 - "$tmp/list-100k.yaml" <<'EOF'
import sys
lines = ["title: 長い一覧", "organization: kumihan bench", "parts:", "  - title: 一覧",
         "    sections:", "      - title: 団体", "        entries:"]
lines += [f"          - 苫小牧団体{i}" for i in range(100000)]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF

# Timing in python3: os.wait4 gives each child's own peak RSS, which
# neither the shell nor a fresh machine's missing GNU time can.
python3 - "$kumihan" "$root" "$tmp" "$runs_short" "$runs_long" <<'EOF'
import os, subprocess, sys, time

kumihan, root, tmp, runs_short, runs_long = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
layout = os.path.join(root, "layouts", "booklet-a4.yaml")


def one_run(args, ok_status=(0,), env=None):
    """(wall seconds, peak RSS in bytes) of one run of args."""
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode not in ok_status:
        sys.exit(f"bench: {' '.join(args)} failed ({p.returncode}):\n{err}")
    return wall, usage.ru_maxrss * 1024   # ru_maxrss is in KiB on Linux


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(l.split()[1] for l in out.splitlines() if l.startswith("Pages:")))


def median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def measure(name, content, runs, env=None):
    pdf = os.path.join(tmp, name + ".pdf")
    args = [kumihan, "build", content, "--layout", layout, "-o", pdf]
    one_run(args, env=env)   # warm-up: fonts and binary into the page cache
    results = [one_run(args, env=env) for _ in range(runs)]
    walls = [w for w, _ in results]
    return {"name": name, "runs": runs, "wall": median(walls), "min": min(walls), "max": max(walls),
            "rss": max(r for _, r in results), "size": os.path.getsize(pdf), "pages": pages_of(pdf)}


docs = [measure("plan-2023", os.path.join(root, "content", "plan-2023.yaml"), runs_short),
        measure("plan-x10", os.path.join(tmp, "plan-x10.yaml"), runs_long),
        measure("plan-x100", os.path.join(tmp, "plan-x100.yaml"), runs_long),
        measure("list-100k", os.path.join(tmp, "list-100k.yaml"), runs_long)]

print(f"kumihan bench: {kumihan}")
print(f"{'document':<16}{'runs':>5}{'pages':>7}{'size':>11}{'median':>11}{'min-max ms':>15}"
      f"{'peak RSS':>10}{'pages/s':>9}{'ms/page':>9}")
for d in docs:
    ms = d["wall"] * 1000
    print(f"{d['name']:<16}{d['runs']:>5}{d['pages']:>7}{d['size'] / 1024:>8.1f} KB{ms:>8.1f} ms"
          f"{d['min'] * 1000:>8.1f}-{d['max'] * 1000:<6.1f}{d['rss'] / 2**20:>7.1f} MB"
          f"{d['pages'] / d['wall']:>9.0f}{ms / d['pages']:>9.2f}")

short, long = docs[0], docs[2]
checks = [
    (f"{short['name']}: < 40 ms wall", short["wall"] < 0.040, f"{short['wall'] * 1000:.1f} ms"),
    (f"{short['name']}: < 40 MB peak RSS", short["rss"] < 40 * 2**20, f"{short['rss'] / 2**20:.1f} MB"),
    (f"{short['name']}: <= 300 KB", short["size"] <= 300 * 1024, f"{short['size'] / 1024:.1f} KB"),
    (f"{long['name']}: < 2 s wall", long["wall"] < 2.0, f"{long['wall']:.2f} s"),
]
# The cost of one more page, from the two longest documents: start-up
# cancels out, so a super-linear step would show as a rise here.
mid = docs[1]
marginal = (long["wall"] - mid["wall"]) / (long["pages"] - mid["pages"]) * 1000
print("targets:")
for what, ok, got in checks:
    print(f"  {'met ' if ok else 'MISSED'}  {what:<34} {got}")
print(f"  linearity: {marginal:.2f} ms per added page between {mid['pages']} and {long['pages']} pages,"
      f" against {mid['wall'] * 1000 / mid['pages']:.2f} ms/page overall at {mid['pages']}")

# `kumihan diff` (status 1: the files differ) on the generated pairs
# The cost of tagging the reading PDF (issue 12): the same plans built
# untagged (KUMIHAN_NO_TAGS=1, a switch only this bench uses: no structure
# tree, XMP, output intent or object streams) against the tagged builds.
untagged_env = dict(os.environ, KUMIHAN_NO_TAGS="1")
print("tagging cost (reading PDF, tagged against KUMIHAN_NO_TAGS=1):")
for tagged in (docs[0], docs[2]):
    content = os.path.join(root, "content", "plan-2023.yaml") if tagged is docs[0] else \
        os.path.join(tmp, "plan-x100.yaml")
    plain = measure(tagged["name"] + "-untagged", content, tagged["runs"], env=untagged_env)
    more_time = tagged["wall"] / plain["wall"] - 1
    more_bytes = tagged["size"] / plain["size"] - 1
    print(f"  {tagged['name']:<12} time {plain['wall'] * 1000:8.1f} -> {tagged['wall'] * 1000:8.1f} ms "
          f"({more_time:+.1%}, {'met ' if more_time <= 0.10 else 'MISSED'} <= +10%)   "
          f"size {plain['size'] / 1024:7.1f} -> {tagged['size'] / 1024:7.1f} KB "
          f"({more_bytes:+.1%}, {'met ' if more_bytes <= 0.15 else 'MISSED'} <= +15%)")

print("kumihan diff:")
print(f"{'pair':<34}{'wall':>9}{'peak RSS':>11}{'report':>10}")
for name, what in [("edited", "100,000 entries, one word each"), ("reversed", "100,000 entries reversed"),
                   ("rewrite", "1 MB paragraph rewritten")]:
    old, new = (os.path.join(tmp, "diff", f"{name}-{v}.yaml") for v in ("old", "new"))
    report = os.path.join(tmp, "diff", name + ".txt")
    with open(report, "w") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen([kumihan, "diff", old, new, "--layout", layout], stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 1:
        sys.exit(f"bench: kumihan diff {name} failed:\n{err}")
    lines = sum(1 for _ in open(report, encoding="utf-8"))
    verdict = "met " if wall < 5.0 else "MISSED"
    print(f"{what:<34}{wall:>7.2f} s{usage.ru_maxrss / 1024:>8.1f} MB{lines:>7} lines  {verdict} < 5 s")
EOF
