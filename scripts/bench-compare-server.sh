#!/usr/bin/env bash
# Compares the ingest and /healthz-under-load of two servers in the same run: this tree's release
# build against another commit's counterline-server, alternating (old, new) for ROUNDS rounds,
# one repetition each, on SQLite; prints the medians and the ratio.
#
#   scripts/bench-compare-server.sh /path/to/old/build/release/app/counterline-server [ROUNDS]
set -euo pipefail
old="${1:?give the counterline-server of the other commit}"
rounds="${2:-5}"
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="$here/build/release/bench/bench_ingest"
[ -x "$bench" ] || { echo "build the release preset first (bench_ingest)" >&2; exit 1; }
# The runs' JSON stays in BENCH_OUT when given (to look at each repetition), else goes.
if [ -n "${BENCH_OUT:-}" ]; then
    out="$BENCH_OUT"
    mkdir -p "$out"
else
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi
filter='BM_Ingest|BM_HealthzUnderLoad'
for round in $(seq "$rounds"); do
    COUNTERLINE_BENCH_BACKEND=sqlite COUNTERLINE_BENCH_SERVER="$old" "$bench" \
        --benchmark_filter="$filter" --benchmark_format=json >"$out/old-$round.json" 2>/dev/null
    COUNTERLINE_BENCH_BACKEND=sqlite "$bench" \
        --benchmark_filter="$filter" --benchmark_format=json >"$out/new-$round.json" 2>/dev/null
    echo "round $round of $rounds done" >&2
done
python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def load(side):
    runs = {}
    for r in range(1, rounds + 1):
        text = open(f"{out}/{side}-{r}.json").read()  # after the bench's own first line
        for b in json.loads(text[text.index("{"):])["benchmarks"]:
            runs.setdefault(b["name"].split("/iterations")[0], []).append(b)
    return runs
old, new = load("old"), load("new")
print(f"| Case | Measure | Before | Now | Now / before |")
print(f"|------|---------|-------:|----:|-------------:|")
for name in sorted(old):
    measures = ["items_per_second", "p50_ms", "p99_ms", "failed"] if "Ingest" in name else ["p50_ms", "p99_ms", "load_per_s", "failed"]
    for m in measures:
        a = statistics.median(b[m] for b in old[name] if m in b)
        b_ = statistics.median(b[m] for b in new[name] if m in b)
        ratio = f"{b_ / a:.2f}" if a else "-"
        print(f"| {name} | {m} | {a:.2f} | {b_:.2f} | {ratio} |")
PY
