#!/bin/sh
# tools/valgrind.sh — memcheck on a plain build (no sanitizers: valgrind
# and ASan do not mix).  Builds build-plain, then runs under valgrind:
# every unit test, `kumihan build` and `kumihan check` of the plan, and
# every error case of tests/errors.  Any leak or memory error fails.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${PLAIN_BUILD:-$ROOT/build-plain}
JOBS=${JOBS:-2}
# No run depends on the font cache, but one pair checks it (cold, warm).
export KUMIHAN_CACHE=off
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99"

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DKUMIHAN_SANITIZE=OFF >/dev/null
cmake --build "$BUILD" -j"$JOBS" >/dev/null

cd "$ROOT"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    KUMIHAN_ROOT="$ROOT" CMOCKA_MESSAGE_OUTPUT=stdout $VG "$t" >"$out/unit.log" 2>&1 ||
        { cat "$out/unit.log"; echo "valgrind: $(basename "$t") failed"; exit 1; }
done
echo "valgrind: unit tests clean"
$VG "$BUILD/kumihan" build -q content/plan-2023.yaml -o "$out/plan.pdf"
$VG "$BUILD/kumihan" check content/plan-2023.yaml
echo "valgrind: build and check of the plan clean"
for pass in cold warm; do
    KUMIHAN_CACHE=on KUMIHAN_CACHE_DIR="$out/cache" $VG "$BUILD/kumihan" build content/plan-2023.yaml -o "$out/plan-$pass.pdf"
    cmp "$out/plan.pdf" "$out/plan-$pass.pdf"
done
echo "valgrind: builds with a cold and a warm font cache clean, same bytes"
KUMIHAN="$BUILD/kumihan" KUMIHAN_ROOT="$ROOT" KUMIHAN_WRAPPER="$VG" \
    python3 tests/e2e/test_errors.py >"$out/errors.log" 2>&1 ||
    { cat "$out/errors.log"; echo "valgrind: error cases failed"; exit 1; }
echo "valgrind: error cases clean"
