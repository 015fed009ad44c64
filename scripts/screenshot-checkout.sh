#!/usr/bin/env bash
# Takes docs/screenshots/checkout.png from the real cashier window under Xvfb: a demo server and a
# terminal enrolled with it in a temporary directory, the window logged in by PIN and a cart filled
# by typing barcodes with xdotool, as a cashier's scanner would.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshot-common.sh
start_demo_server
"$bin/counterline-cli" --data-dir "$work/terminal" enroll --server "$url" --token "$token"
"$bin/counterline-cli" --data-dir "$work/terminal" user add --name Anna --role cashier --pin 1234

start_display :97
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
