#!/bin/sh
# tools/fuzz.sh — build the libFuzzer harnesses with clang in build-fuzz,
# replay the saved corpus and every regression input, then fuzz each target
# for a bounded time (FUZZ_SECONDS each, default 15: about a minute in all).
# A crash input is copied to tests/fuzz/regressions/<target>/ and the
# script fails.  New corpus entries stay in build-fuzz (not committed).
set -eu
export KUMIHAN_CACHE=off   # the pipeline fuzzer renders PDFs: keep ~/.cache out of it
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${FUZZ_BUILD:-$ROOT/build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-15}
JOBS=${JOBS:-2}
TARGETS="fuzz_content fuzz_layout fuzz_linebreak fuzz_pipeline"

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DKUMIHAN_FUZZ=ON >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target $TARGETS >/dev/null

status=0
for t in $TARGETS; do
    seeds="$ROOT/tests/fuzz/corpus/$t"
    regressions="$ROOT/tests/fuzz/regressions/$t"
    work="$BUILD/corpus/$t"
    artifacts="$BUILD/artifacts/$t/"
    mkdir -p "$work" "$artifacts" "$regressions"
    # Replay: every saved input once (a directory argument with -runs=0).
    "$BUILD/tests/fuzz/$t" -runs=0 -rss_limit_mb=2048 -timeout=5 "$seeds" "$regressions" \
        >"$BUILD/$t.replay.log" 2>&1 || { echo "fuzz: $t: replay failed, see $BUILD/$t.replay.log"; status=1; continue; }
    # Bounded fuzzing from the seeds plus what earlier runs found.
    # A fixed seed makes a run repeatable: CI explores what a developer did.
    if "$BUILD/tests/fuzz/$t" -seed="${FUZZ_SEED:-1}" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=5 \
           -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 "$work" "$seeds" \
           >"$BUILD/$t.log" 2>&1; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$BUILD/$t.log")
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$BUILD/$t.log")
        echo "fuzz: $t: ok, $execs runs in ${SECONDS_EACH}s ($rate/s)"
    else
        echo "fuzz: $t: FAILED, see $BUILD/$t.log; crash inputs copied to $regressions"
        for f in "$artifacts"*; do
            [ -f "$f" ] && cp "$f" "$regressions/"
        done
        status=1
    fi
done
exit $status
