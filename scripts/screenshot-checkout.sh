#!/usr/bin/env bash
# Takes docs/screenshots/checkout.png from the real cashier window under Xvfb: a demo server and a
# terminal enrolled with it in a temporary directory, the window logged in by PIN and a cart filled
# by typing barcodes with xdotool, as a cashier's scanner would.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}" xvfb xdotool imagemagick xauth x11-utils
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)" \
    --target counterline counterline-cli counterline-server

bin=build/release/app
work="$(mktemp -d -t counterline-shot.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/counterline-server" --data-dir "$work/server" store add --id S1 --name "Demo Markt" \
    --currency EUR >/dev/null
"$bin/counterline-server" --data-dir "$work/server" catalog import resources/demo/catalog.csv \
    --store S1 >/dev/null
token="$("$bin/counterline-server" --data-dir "$work/server" terminal enroll --store S1 \
    --name T1 | tail -n 1)"
"$bin/counterline-server" --data-dir "$work/server" --listen 127.0.0.1:0 >"$work/server.out" &
pids+=($!)
for _ in $(seq 1 50); do grep -q ':' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$(head -n 1 "$work/server.out" | sed 's/.*://')"
"$bin/counterline-cli" --data-dir "$work/terminal" enroll --server "$url" --token "$token"
"$bin/counterline-cli" --data-dir "$work/terminal" user add --name Anna --role cashier --pin 1234

display=:97
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
pids+=($!)
export DISPLAY="$display"
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
LANG=de_DE.UTF-8 "$bin/counterline" --data-dir "$work/terminal" -geometry 1280x800+0+0 &
pids+=($!)
xdotool search --sync --name "Counterline" >/dev/null
sleep 1
xdotool type --delay 40 "1234"; xdotool key Return
sleep 0.5
xdotool type --delay 40 "150"; xdotool key Return # the opening float
sleep 0.5
for code in 4010146957249 4072928231855 4010146957249 SKU-00042 SKU-00107 SKU-00230; do
    xdotool type --delay 15 "$code"; xdotool key Return
    sleep 0.2
done
sleep 2 # let a sync pass report the status
import -window root docs/screenshots/checkout.png
echo "docs/screenshots/checkout.png written"
