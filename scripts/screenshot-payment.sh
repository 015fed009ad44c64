#!/usr/bin/env bash
# Takes docs/screenshots/payment-complete.png and parked-carts.png from the real cashier window
# under Xvfb at 1024x768 (German): a standalone terminal with the demo catalog in a temporary
# directory; "3*" before a scan, a line picked with the arrow keys, a sale paid with "20,5" (the
# change screen), then one cart parked while another is on screen and F9 opening the picker.
# Uses the dev tree (build/dev), which developers already have.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshot-till.sh
start_till :95 1024x768 Anna:cashier:1234 Mia:manager:9999
type 1234; key Return
type 100; key Return # the opening float
for code in 4010146957249 4072928231855; do type "$code"; key Return; done
type "3*"; key Return; type 4010146957249; key Return
key F12; type "20,5"; key Return
sleep 1.5
import -window root docs/screenshots/payment-complete.png
type 4010146957249; key Return # the next scan starts the next sale
key F8
type 4072928231855; key Return
key F9
sleep 1
import -window root docs/screenshots/parked-carts.png
echo "docs/screenshots/payment-complete.png and parked-carts.png written"
