#!/bin/sh
# bench.sh — speed and memory figures for a built kumihan (issues 3 and 16):
# the 2023 plan, generated plans 10 and 100 times as long, one list of
# 100,000 entries, and a one-word rebuild of the plan with a warm font
# cache.  Each is built repeatedly into a temporary directory; prints the
# median wall time, instructions (valgrind --tool=callgrind totals, all
# threads: perf stat has no counters on this machine), peak RSS, output
# size, pages and per-page cost next to the targets.  The documents build
# with KUMIHAN_CACHE=off (the whole work), the "warm" rows with a font
# cache in a temporary folder; "plan as make" is the warm plan built
# without --layout, as `make` calls it.  Builds nothing itself (`make bench` builds
# build-release first).  BENCH_INSTRUCTIONS=short counts instructions only
# for the short documents (callgrind takes about a minute for each long one).
# Then `kumihan diff` on the pairs of tools/gen_diff_bench.py (issue 13):
# 100,000 entries each edited by one word, the same reversed, a 1 MB
# paragraph rewritten; each must finish in a few seconds.
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
python3 "$root/tools/gen_diff_bench.py" "$tmp/diff" 100000
# A shape the plan does not have: one list of 100,000 entries (no step may
# look at every sibling for every item).
python3 - "$tmp/list-100k.yaml" <<'EOF'
import sys
lines = ["title: 長い一覧", "organization: kumihan bench", "parts:", "  - title: 一覧",
         "    sections:", "      - title: 団体", "        entries:"]
lines += [f"          - 苫小牧団体{i}" for i in range(100000)]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
# Timing in python3: os.wait4 gives each child's own peak RSS, which
# neither the shell nor a fresh machine's missing GNU time can.
python3 - "$kumihan" "$root" "$tmp" "$runs_short" "$runs_long" "${BENCH_INSTRUCTIONS:-all}" <<'EOF'
import os, re, shutil, subprocess, sys, time

kumihan, root, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
runs_short, runs_long, instr_mode = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
layout = os.path.join(root, "layouts", "booklet-a4.yaml")
cache_dir = os.path.join(tmp, "cache")
have_valgrind = shutil.which("valgrind") is not None


def env_for(cache):
    env = dict(os.environ)
    env.pop("KUMIHAN_CACHE", None)
    if cache:
        env["KUMIHAN_CACHE_DIR"] = cache_dir
    else:
        env["KUMIHAN_CACHE"] = "off"
    return env


def one_run(args, env):
    """(wall seconds, peak RSS in bytes) of one run of args."""
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed ({p.returncode}):\n{err}")
    return wall, usage.ru_maxrss * 1024   # ru_maxrss is in KiB on Linux


def instructions(args, env):
    """Instructions of one run, all threads, by callgrind; None without valgrind."""
    if not have_valgrind:
        return None
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
                       capture_output=True, text=True, env=env)
    m = re.search(r"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if p.returncode == 0 and m else None


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(l.split()[1] for l in out.splitlines() if l.startswith("Pages:")))


def median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def measure(name, content, runs, cache=False, count=True, before=None, extra_env=None, given_layout=True):
    pdf = os.path.join(tmp, name.replace(" ", "-") + ".pdf")
    # given_layout=False: the call `make` makes, the layout found from the content
    args = [kumihan, "build", content, *(["--layout", layout] if given_layout else []), "-o", pdf]
    env = env_for(cache)
    env.update(extra_env or {})
    results = []
    for _ in range(runs + 1):   # the first run warms the page cache (and the font cache)
        if before:
            before()
        results.append(one_run(args, env))
    results = results[1:]
    if before:
        before()
    walls = [w for w, _ in results]
    return {"name": name, "runs": runs, "wall": median(walls), "min": min(walls), "max": max(walls),
            "rss": max(r for _, r in results), "size": os.path.getsize(pdf), "pages": pages_of(pdf),
            "instr": instructions(args, env) if count else None}


# The one-word edit: two characters of the title swapped, so the fonts'
# glyph sets stay the same; before each timed rebuild the original is
# built again, so each rebuild follows an edit, as under `kumihan watch`.
plan = os.path.join(root, "content", "plan-2023.yaml")
edited = os.path.join(tmp, "plan-edited.yaml")
text = open(plan, encoding="utf-8").read()
word = "title: 2023年度事業基本方針"
if word not in text:
    sys.exit("bench: the plan's title changed; pick another word to edit in tools/bench.sh")
open(edited, "w", encoding="utf-8").write(text.replace(word, "title: 2023年度業事基本方針", 1))


def build_the_original():
    one_run([kumihan, "build", plan, "--layout", layout, "-o", os.path.join(tmp, "orig.pdf")], env_for(True))


long_count = instr_mode != "short"
docs = [measure("plan-2023", plan, runs_short),
        measure("plan-x10", os.path.join(tmp, "plan-x10.yaml"), runs_long),
        measure("plan-x100", os.path.join(tmp, "plan-x100.yaml"), runs_long, count=long_count),
        measure("list-100k", os.path.join(tmp, "list-100k.yaml"), runs_long, count=long_count),
        measure("plan-2023 warm", plan, runs_short, cache=True),
        measure("rebuild 1 word", edited, runs_short, cache=True, before=build_the_original),
        measure("plan as make", plan, runs_short, cache=True, given_layout=False)]

print(f"kumihan bench: {kumihan}")
print(f"{'document':<16}{'runs':>5}{'pages':>7}{'size':>11}{'median':>11}{'min-max ms':>15}"
      f"{'instr':>10}{'peak RSS':>10}{'pages/s':>9}{'ms/page':>9}{'M instr/page':>13}")
for d in docs:
    ms = d["wall"] * 1000
    instr = f"{d['instr'] / 1e6:>8.1f} M" if d["instr"] else f"{'-':>10}"
    per_page = f"{d['instr'] / 1e6 / d['pages']:>13.2f}" if d["instr"] else f"{'-':>13}"
    print(f"{d['name']:<16}{d['runs']:>5}{d['pages']:>7}{d['size'] / 1024:>8.1f} KB{ms:>8.1f} ms"
          f"{d['min'] * 1000:>8.1f}-{d['max'] * 1000:<6.1f}{instr}{d['rss'] / 2**20:>7.1f} MB"
          f"{d['pages'] / d['wall']:>9.0f}{ms / d['pages']:>9.2f}{per_page}")

short, mid, long, lst, warm, rebuild, as_make = docs


def instr_check(d, limit_m):
    what = f"{d['name']}: <= {limit_m} M instructions"
    if d["instr"] is None:
        return (what, None, "not counted")
    return (what, d["instr"] <= limit_m * 1e6, f"{d['instr'] / 1e6:.1f} M")


checks = [
    (f"{short['name']}: <= 12 ms wall", short["wall"] <= 0.012, f"{short['wall'] * 1000:.1f} ms"),
    instr_check(short, 40),
    (f"{short['name']}: < 40 MB peak RSS", short["rss"] < 40 * 2**20, f"{short['rss'] / 2**20:.1f} MB"),
    (f"{short['name']}: <= 265,158 bytes (zlib's)", short["size"] <= 265158, f"{short['size']:,} bytes"),
    (f"{long['name']}: < 2 s wall", long["wall"] < 2.0, f"{long['wall']:.2f} s"),
    (f"{long['name']}: <= 30 MB peak RSS", long["rss"] <= 30 * 2**20, f"{long['rss'] / 2**20:.1f} MB"),
    (f"{lst['name']}: <= 30 MB peak RSS", lst["rss"] <= 30 * 2**20, f"{lst['rss'] / 2**20:.1f} MB"),
    (f"{warm['name']}: <= 12 ms wall", warm["wall"] <= 0.012, f"{warm['wall'] * 1000:.1f} ms"),
    instr_check(warm, 40),
    (f"{rebuild['name']}: <= 5 ms wall", rebuild["wall"] <= 0.005, f"{rebuild['wall'] * 1000:.1f} ms"),
    # without --layout, as `make` builds: the content is read once, so this
    # costs what the warm build with --layout costs
    instr_check(as_make, 40),
]
# The cost of one more page, from the two longest documents: start-up
# cancels out, so a super-linear step would show as a rise here.
marginal = (long["wall"] - mid["wall"]) / (long["pages"] - mid["pages"]) * 1000
print("targets:")
for what, ok, got in checks:
    mark = "  -   " if ok is None else ("met   " if ok else "MISSED")
    print(f"  {mark}  {what:<42} {got}")
print(f"  linearity: {marginal:.2f} ms per added page between {mid['pages']} and {long['pages']} pages,"
      f" against {mid['wall'] * 1000 / mid['pages']:.2f} ms/page overall at {mid['pages']}")

# The cost of tagging the reading PDF (issue 12): the same plans built
# untagged (KUMIHAN_NO_TAGS=1, a switch only this bench uses: no structure
# tree, XMP, output intent or object streams) against the tagged builds.
# The two alternate run by run, so that what else the machine does weighs
# on both alike; instructions too where the tagged build was counted (on
# a shared machine they are the steadier measure of the two).
def alternate(content, runs):
    args = lambda pdf: [kumihan, "build", content, "--layout", layout, "-o", pdf]
    plain_env = env_for(False)
    plain_env["KUMIHAN_NO_TAGS"] = "1"
    envs = {"tagged": env_for(False), "untagged": plain_env}
    walls = {"tagged": [], "untagged": []}
    for i in range(runs + 1):   # the first pair warms the page cache
        for kind in walls:
            wall, _ = one_run(args(os.path.join(tmp, f"tag-{kind}.pdf")), envs[kind])
            if i > 0:
                walls[kind].append(wall)
    return {kind: median(w) for kind, w in walls.items()}, envs, args


print("tagging cost (reading PDF, tagged against KUMIHAN_NO_TAGS=1, runs alternating):")
for tagged, content in ((short, plan), (long, os.path.join(tmp, "plan-x100.yaml"))):
    wall, envs, args = alternate(content, tagged["runs"])
    sizes = {k: os.path.getsize(os.path.join(tmp, f"tag-{k}.pdf")) for k in wall}
    more_time = wall["tagged"] / wall["untagged"] - 1
    more_bytes = sizes["tagged"] / sizes["untagged"] - 1
    instr = ""
    if tagged["instr"]:
        plain_instr = instructions(args(os.path.join(tmp, "tag-untagged.pdf")), envs["untagged"])
        if plain_instr:
            more_instr = tagged["instr"] / plain_instr - 1
            instr = (f"   instructions {plain_instr / 1e6:.1f} -> {tagged['instr'] / 1e6:.1f} M "
                     f"({more_instr:+.1%}, {'met ' if more_instr <= 0.10 else 'MISSED'} <= +10%)")
    print(f"  {tagged['name']:<12} time {wall['untagged'] * 1000:8.1f} -> {wall['tagged'] * 1000:8.1f} ms "
          f"({more_time:+.1%}, {'met ' if more_time <= 0.10 else 'MISSED'} <= +10%)   "
          f"size {sizes['untagged'] / 1024:7.1f} -> {sizes['tagged'] / 1024:7.1f} KB "
          f"({more_bytes:+.1%}, {'met ' if more_bytes <= 0.15 else 'MISSED'} <= +15%){instr}")

# `kumihan diff` (status 1: the files differ) on the generated pairs
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
