#!/usr/bin/env bash
# Takes docs/screenshots/large-cash-check.png and price-approval.png from the real cashier window
# under Xvfb (German, as a German till shows them): a standalone terminal with the demo catalog in a
# temporary directory, a sale paid with "20,50", then 2050 typed for a 3,99 sale (the slip of a
# separator the check exists for), then a price changed by F3 and waiting for the manager's PIN.
# Uses the dev tree (build/dev), which developers already have.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}" xvfb xdotool imagemagick xauth x11-utils
[ -d build/dev ] || cmake --preset dev >/dev/null
cmake --build --preset dev -j2 --target counterline counterline-cli

bin=build/dev/app
work="$(mktemp -d -t counterline-shot.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
cli() { "$bin/counterline-cli" --data-dir "$work/terminal" "$@" >/dev/null; }
cli init --store S1 --terminal T1 --currency EUR
cli catalog import resources/demo/catalog.csv
cli user add --name Anna --role cashier --pin 1234
cli user add --name Mia --role manager --pin 9999

Xvfb :96 -screen 0 1280x800x24 -nolisten tcp &
pids+=($!)
export DISPLAY=:96
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
LANG=de_DE.UTF-8 "$bin/counterline" --data-dir "$work/terminal" --receipts-dir "$work/receipts" \
    -geometry 1280x800+0+0 &
pids+=($!)
xdotool search --sync --name "Counterline" >/dev/null
sleep 1.5
type() { xdotool type --delay 40 "$1"; sleep 0.3; }
key() { xdotool key "$1"; sleep 0.5; }
type 1234; key Return
type 150; key Return # the opening float
for code in 4010146957249 4072928231855 SKU-00042; do type "$code"; key Return; done
key F12; type "20,50"; key Return # 12,27 due: 8,23 back
type 4010146957249; key Return
key F12; type 2050; key Return
sleep 1
import -window root docs/screenshots/large-cash-check.png
key Escape; key Escape # back to the payment, back to the sale
key F3; type "5,00"; key Return
sleep 1
import -window root docs/screenshots/price-approval.png
echo "docs/screenshots/large-cash-check.png and price-approval.png written"
