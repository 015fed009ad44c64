#!/usr/bin/env bash
# scripts/check-sizes.sh names what it should and nothing else: a file of 501 lines and a
# function of 121 are named; a file of 500 lines and a function of 120 are not.
set -euo pipefail
script="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/domain" "$work/server"
for _ in $(seq 1 501); do echo "// line"; done >"$work/domain/too_big.cpp"
for _ in $(seq 1 500); do echo "// line"; done >"$work/domain/just_fits.cpp"
function_of() { # name, total lines from signature to closing brace
    echo "void $1()"
    echo "{"
    for _ in $(seq 1 $(($2 - 3))); do echo "    work();"; done
    echo "}"
}
{ function_of tooLong 121; function_of fits 120; } >"$work/server/functions.cpp"
if output="$(bash "$script" "$work")"; then
    echo "check-sizes.sh passed a tree with offenders:"; echo "$output"; exit 1
fi
echo "$output"
grep -q "domain/too_big.cpp: 501 lines" <<<"$output"
grep -q "server/functions.cpp:1: void tooLong() is 121 lines" <<<"$output"
! grep -q "just_fits\|fits()" <<<"$output"
echo "check-sizes.sh names exactly the offenders"
