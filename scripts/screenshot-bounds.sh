#!/usr/bin/env bash
# Takes docs/screenshots/sale-too-large.png from the real cashier window under Xvfb at 1024x768,
# in German: a standalone terminal with the demo catalog in a temporary directory, a manager who
# changes two prices to 600.000.000,00 € each, and the till refusing the second (a sale comes to at
# most 1.000.000.000,00 € before discounts; the cart stays as it was). Uses the dev tree.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshot-till.sh
start_till :94 1024x768 Mia:manager:9999
type 9999; key Return
type 150; key Return # the opening float
type 4010146957249; key Return
key F3; type "600000000"; key Return
type 4072928231855; key Return
key F3; type "600000000"; key Return
sleep 1
import -window root docs/screenshots/sale-too-large.png
echo "docs/screenshots/sale-too-large.png written"
