#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts Counterline.
#
# What exists so far is the terminal without a window: this sets up a demo terminal (store S1,
# terminal T1, EUR, 300 products) under build/demo, rings up a few sales through counterline-cli
# and shows the history and the journal check. The central server and the cashier window join
# this script as they are built (docs/architecture.md lists what exists).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-packages.sh

ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"

cli=build/release/app/counterline-cli
data=build/demo/terminal
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

if [ ! -f "$data/terminal.sqlite" ]; then
    say "Setting up the demo terminal in $data"
    "$cli" --data-dir "$data" init --store S1 --terminal T1 --currency EUR
    "$cli" --data-dir "$data" catalog import resources/demo/catalog.csv
fi

say "Three sales"
"$cli" --data-dir "$data" sale --sku SKU-00001:2 --sku SKU-00029 --tender cash
"$cli" --data-dir "$data" sale --sku SKU-00004 --sku SKU-00012:3 --tender card --cashier anna
"$cli" --data-dir "$data" sale --sku SKU-00030 --tender cash --customer C-1001

say "The latest orders"
"$cli" --data-dir "$data" orders --limit 10

say "The journal"
"$cli" --data-dir "$data" journal verify

say "Try it yourself"
echo "  $cli --data-dir $data --help"
