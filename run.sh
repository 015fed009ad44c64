#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts Counterline on this machine.
#
# What exists so far: the central server on an embedded SQLite database with a demo store, and the
# terminal without a window (counterline-cli) with the same 300 demo products. This script sets
# both up under build/demo, rings up three sales on the terminal, then keeps the server running
# in the foreground until Ctrl-C. The cashier window and the sync engine join it as they are
# built (docs/architecture.md lists what exists).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-packages.sh

ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"

cli=build/release/app/counterline-cli
server=build/release/app/counterline-server
terminal_data=build/demo/terminal
server_data=build/demo/server
listen=127.0.0.1:8080
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

if [ ! -f "$server_data/server.sqlite" ]; then
    say "Setting up the demo server in $server_data"
    "$server" --data-dir "$server_data" store add --id S1 --name "Demo Markt" --currency EUR
    "$server" --data-dir "$server_data" catalog import resources/demo/catalog.csv --store S1
    "$server" --data-dir "$server_data" terminal enroll --store S1 --name T1 \
        | tail -n 1 >"$server_data/terminal-token"
    chmod 600 "$server_data/terminal-token"
fi
if [ ! -f "$terminal_data/terminal.sqlite" ]; then
    say "Setting up the demo terminal in $terminal_data"
    "$cli" --data-dir "$terminal_data" init --store S1 --terminal T1 --currency EUR
    "$cli" --data-dir "$terminal_data" catalog import resources/demo/catalog.csv
fi

say "Three sales on terminal S1-T1"
"$cli" --data-dir "$terminal_data" sale --sku SKU-00001:2 --sku SKU-00029 --tender cash
"$cli" --data-dir "$terminal_data" sale --sku SKU-00004 --sku SKU-00012:3 --tender card --cashier anna
"$cli" --data-dir "$terminal_data" sale --sku SKU-00030 --tender cash --customer C-1001
"$cli" --data-dir "$terminal_data" orders --limit 5
"$cli" --data-dir "$terminal_data" journal verify

token="$(cat "$server_data/terminal-token")"
say "The central server on http://$listen (Ctrl-C stops it)"
cat <<HELP
  curl -s http://$listen/healthz
  curl -s -H "Authorization: Bearer $token" "http://$listen/v1/catalog?limit=2"
  curl -s -H "Authorization: Bearer $token" http://$listen/v1/orders
  curl -s http://$listen/metrics
Terminal commands: $cli --data-dir $terminal_data --help
HELP
exec "$server" --data-dir "$server_data" --listen "$listen"
