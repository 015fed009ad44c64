#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts Counterline on this machine.
#
# It sets up, under build/demo, a central server on an embedded SQLite database with a demo store
# (300 products with EAN-13 barcodes) and a terminal enrolled with it, with a cashier (PIN 1234) and
# a manager (PIN 9999); starts the server on 127.0.0.1:8080 and the payment simulator on
# 127.0.0.1:8090, and opens the cashier window. Closing the window stops both. Without a display, the server keeps running until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-packages.sh

ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"

app=build/release/app/counterline
cli=build/release/app/counterline-cli
server=build/release/app/counterline-server
paysim=build/release/app/counterline-paysim
terminal_data=build/demo/terminal
server_data=build/demo/server
listen=127.0.0.1:8080
payments=127.0.0.1:8090
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

if [ ! -f "$server_data/server.sqlite" ]; then
    say "Setting up the demo server in $server_data"
    "$server" --data-dir "$server_data" store add --id S1 --name "Demo Markt" --currency EUR
    "$server" --data-dir "$server_data" catalog import resources/demo/catalog.csv --store S1
    "$server" --data-dir "$server_data" terminal enroll --store S1 --name T1 \
        | tail -n 1 >"$server_data/terminal-token"
    chmod 600 "$server_data/terminal-token"
fi
token="$(cat "$server_data/terminal-token")"

say "The central server on http://$listen"
"$server" --data-dir "$server_data" --listen "$listen" --payments "http://$payments" &
server_pid=$!
say "The payment simulator (counterline-paysim) on http://$payments"
"$paysim" --data-dir build/demo/paysim --listen "$payments" >/dev/null &
paysim_pid=$!
trap 'kill "$server_pid" "$paysim_pid" 2>/dev/null; wait "$server_pid" "$paysim_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/${listen##*:}") 2>/dev/null; then break; fi
    sleep 0.1
done

if [ ! -f "$terminal_data/terminal.sqlite" ]; then
    say "Setting up the demo terminal S1-T1 in $terminal_data"
    "$cli" --data-dir "$terminal_data" enroll --server "http://$listen" --token "$token"
    "$cli" --data-dir "$terminal_data" user add --name Anna --role cashier --pin 1234
    "$cli" --data-dir "$terminal_data" user add --name Mia --role manager --pin 9999
fi

cat <<HELP

  Cashier:  Anna, PIN 1234
  Manager:  Mia,  PIN 9999

  Scan by typing a barcode (e.g. 4010146957249) or a SKU (SKU-00001) and Enter; F12 pays.
  Cards are charged through the payment simulator (pick the card the customer presents, F8).
  The server: curl -s http://$listen/healthz
              curl -s -H "Authorization: Bearer $token" http://$listen/v1/orders
              curl -s -H "Authorization: Bearer $token" "http://$listen/v1/events?wait=25"
  Terminal commands: $cli --data-dir $terminal_data --help
HELP

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display here, so no window; the server keeps running until Ctrl-C."
    wait "$server_pid"
    exit 0
fi
say "Opening the cashier window"
"$app" --data-dir "$terminal_data" --paysim "http://$payments"
