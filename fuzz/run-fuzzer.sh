#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, from its seeds, keeping what it learns between
# runs of the same build tree. ctest calls it for each "fuzz:<target>" test.
#
#   run-fuzzer.sh BINARY WORK_DIR DICTIONARY|none SEED_DIR...
#
# COUNTERLINE_FUZZ_SECONDS   how long to run (default 15); a long run: 3600 or more.
# A crash or a broken property fails the test; the input is kept under WORK_DIR/artifacts and
# belongs in fuzz/regressions/<target>/ once the cause is fixed (the replay tests run it).
set -euo pipefail
binary="$1" work="$2" dictionary="$3"
shift 3
seconds="${COUNTERLINE_FUZZ_SECONDS:-15}"
name="$(basename "$binary")"

mkdir -p "$work/corpus" "$work/artifacts"
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
         -print_final_stats=1 -artifact_prefix="$work/artifacts/")
if [ "$dictionary" != none ]; then
    options+=(-dict="$dictionary")
fi

# The first directory is where libFuzzer adds what it finds; the seeds are only read.
status=0
"$binary" "${options[@]}" "$work/corpus" "$@" || status=$?
if [ "$status" -ne 0 ]; then
    echo "fuzz: $name failed (exit $status). The input that broke it:" >&2
    ls -t "$work/artifacts" | head -3 | sed "s|^|  $work/artifacts/|" >&2
    echo "Fix the cause, then add the input to fuzz/regressions/$name/." >&2
fi
exit "$status"
