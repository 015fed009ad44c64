#!/usr/bin/env bash
# Takes docs/screenshots/follow-ups.png from the real head-office back office under Xvfb: a demo
# server and a till enrolled with it, sales made and synced with counterline-cli, two of them
# cancelled by head office (their money is owed back: one in cash, one on the card reader), a note
# added to one, a sale sent by hand with the till's token at a price and tax rate that are not the
# catalog's (flagged per line), and the back office opened on its Follow-ups tab.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshot-common.sh
start_demo_server
office="$("$bin/counterline-server" --data-dir "$work/server" user add --name Petra \
    --role backoffice | tail -n 1)"
cli=("$bin/counterline-cli" --data-dir "$work/terminal")
"${cli[@]}" enroll --server "$url" --token "$token" >/dev/null
sell() { "${cli[@]}" sale "$@" | grep -o '[0-9a-f]\{8\}-[0-9a-f-]\{27\}' | head -n 1; }
cash="$(sell --sku SKU-00001:2 --sku SKU-00003 --tender cash --cashier Anna)"
card="$(sell --sku SKU-00042 --tender card --cashier Ben)"
sell --sku SKU-00107 --tender cash --cashier Anna >/dev/null
"${cli[@]}" sync --once >/dev/null || true
api() { curl -s -H "Authorization: Bearer $office" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" "$@"; }
for order in "$cash" "$card"; do
    api -d '{"reason":"customer called head office","restock":true,"refund_tenders":true}' \
        "$url/v1/orders/$order/cancel" >/dev/null
done
first="$(api "$url/v1/follow-ups" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)"
api -d '{"note":"left a message with the customer","settle":false}' \
    "$url/v1/follow-ups/$first/notes" >/dev/null
# Vollkornbrot is 3.99 at 7 % in the catalog: sold at 0.39 at 0 % with no approver.
curl -s -H "Authorization: Bearer $token" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d "{\"id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"receipt_no\":\"S1-T1-000900\",
         \"store_id\":\"S1\",\"terminal_id\":\"T1\",\"cashier_id\":\"Ben\",\"currency\":\"EUR\",
         \"created_at\":\"$(date -u +%Y-%m-%dT%H:%M:%S.000Z)\",\"status\":\"PAID\",\"version\":2,
         \"total\":78,\"lines\":[{\"line_no\":1,\"sku\":\"SKU-00001\",\"name\":\"Vollkornbrot 500 g\",
         \"unit_price\":39,\"quantity\":2,\"tax_rate_ppm\":0,\"discount\":0,\"total\":78}],
         \"tenders\":[{\"kind\":\"cash\",\"amount\":78}]}" "$url/v1/orders" >/dev/null

start_display :95
"$bin/counterline" --back-office --server "$url" --token "$office" -geometry 1280x800+0+0 &
pids+=($!)
xdotool search --sync --name "Counterline[- ][Bb]ack ?office" >/dev/null
sleep 1
xdotool mousemove 112 12 click 1 # the Follow-ups tab
sleep 1.5
import -window root docs/screenshots/follow-ups.png
echo "docs/screenshots/follow-ups.png written"
