#!/usr/bin/env bash
# Builds the release preset and runs bench/bench_ingest on SQLite, then on a throwaway PostgreSQL
# cluster (started and removed like test.sh does). Figures go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
source scripts/test-postgres.sh
ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}" "${COUNTERLINE_TEST_PACKAGES[@]}"
cmake --preset release >/dev/null
cmake --build --preset release --target bench_ingest --parallel "$(nproc)"
start_test_postgres
cd build/release
for backend in sqlite postgres; do
    COUNTERLINE_BENCH_BACKEND=$backend bench/bench_ingest "$@"
done
