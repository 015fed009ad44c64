#!/usr/bin/env bash
# Takes docs/screenshots/large-cash-check.png and price-approval.png from the real cashier window
# under Xvfb (German, as a German till shows them): a standalone terminal with the demo catalog in a
# temporary directory, a sale paid with "20,50", then 2050 typed for a 3,99 sale (the slip of a
# separator the check exists for), then a price changed by F3 and waiting for the manager's PIN.
# Uses the dev tree (build/dev), which developers already have.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshot-till.sh
start_till :96 1280x800 Anna:cashier:1234 Mia:manager:9999
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
