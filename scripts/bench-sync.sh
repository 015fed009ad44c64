#!/usr/bin/env bash
# Builds the release preset and, in one run, drains a 10,000-order backlog to a SQLite server
# (bench/bench_drain) and measures the server's own ingest ceiling (bench/bench_ingest, SQLite).
# Figures go to docs/benchmarks.md by hand.
#
#   scripts/bench-sync.sh [repetitions]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}" "${COUNTERLINE_TEST_PACKAGES[@]}"
repetitions="${1:-3}"
cmake --preset release >/dev/null
cmake --build --preset release --target bench_drain bench_ingest --parallel "$(nproc)"
cd build/release
bench/bench_drain --benchmark_repetitions="$repetitions"
COUNTERLINE_BENCH_BACKEND=sqlite bench/bench_ingest --benchmark_filter='BM_Ingest' \
    --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only
