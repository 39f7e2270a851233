#!/bin/sh
# install-deps.sh — installs the Debian packages kumihan needs, only those
# missing.  Usage: tools/install-deps.sh build|test
# Uses sudo when not run as root.
set -eu
build_pkgs="cmake make gcc pkg-config libhpdf-dev libyaml-dev libfreetype-dev libharfbuzz-dev zlib1g-dev libdeflate-dev gettext"
test_pkgs="libcmocka-dev poppler-utils qpdf python3-pikepdf clang libclang-rt-14-dev valgrind python3 python3-yaml python3-jsonschema groff-base"

case "${1:-build}" in
  build) wanted="$build_pkgs" ;;
  test)  wanted="$build_pkgs $test_pkgs" ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=""
for p in $wanted; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "kumihan: installing missing Debian packages:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
