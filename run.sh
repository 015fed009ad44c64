#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts Counterline.
#
# Today that is the terminal's command line: it initialises a terminal database with a demo store
# under build/demo and shows what the terminal can do. The server and the cashier window join this
# script as they are built (docs/architecture.md lists what exists).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-packages.sh

ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"

cli=build/release/app/counterline-cli
echo
"$cli" --version
"$cli" --help
