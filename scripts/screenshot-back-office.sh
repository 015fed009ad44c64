#!/usr/bin/env bash
# Takes docs/screenshots/back-office.png from the real back office under Xvfb: a demo server and a
# terminal enrolled with it in a temporary directory, sales made with counterline-cli (some sent
# to the server, some still waiting), one item of a sale taken back (a partial return), and the
# window opened with a manager's PIN typed by xdotool. The newest order — the return, linked to
# its sale — is shown in full beside the history.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshot-common.sh
start_demo_server
cli=("$bin/counterline-cli" --data-dir "$work/terminal")
"${cli[@]}" enroll --server "$url" --token "$token" >/dev/null
"${cli[@]}" user add --name Mia --role manager --pin 9999 >/dev/null
sell() { "${cli[@]}" sale "$@" >/dev/null; }
sell --sku SKU-00001:2 --sku SKU-00003 --tender cash --cashier Anna --customer K-1042
sell --sku SKU-00042 --tender card --cashier Anna
sell --sku SKU-00107:3 --sku SKU-00230 --tender cash --cashier Ben
sell --sku SKU-00011 --sku SKU-00012 --sku SKU-00013 --tender card --cashier Ben --customer K-0007
"${cli[@]}" sync --once >/dev/null || true
sell --sku SKU-00150:2 --tender cash --cashier Anna
sell --sku SKU-00001 --sku SKU-00042 --sku SKU-00230:2 --tender card --cashier Anna \
    --customer K-2210
# A customer brings one of Ben's three items back: the newest order is that return.
"${cli[@]}" return --receipt S1-T1-000003 --item 1:1 --cashier Mia >/dev/null

# A laptop's 1366x768 unless BACK_OFFICE_SCREEN says otherwise (1024x768: the smallest it fits);
# the window picks its own size within the screen.
screen_size="${BACK_OFFICE_SCREEN:-1366x768}"
shot="${BACK_OFFICE_SHOT:-docs/screenshots/back-office.png}"
start_display :96 "$screen_size"
LANG=de_DE.UTF-8 "$bin/counterline" --back-office --data-dir "$work/terminal" &
pids+=($!)
# The manager's PIN is asked for by the approval dialog ("Freigabe durch Marktleitung").
xdotool search --sync --name "Freigabe|approval" >/dev/null
sleep 0.5
xdotool type --delay 40 "9999"; xdotool key Return
xdotool search --sync --name "Counterline[- ][Bb]ack ?office" >/dev/null
sleep 1.5
import -window root "$shot"
echo "$shot written"
