# Sourced by the screenshot scripts of a standalone till (no server): packages, the dev tree,
# a terminal with the demo catalog in a temporary directory (removed on exit), and the cashier
# window in German (or TILL_LANG) under Xvfb, driven with xdotool.
#
#   source scripts/screenshot-till.sh
#   start_till :96 1280x800 Anna:cashier:1234 Mia:manager:9999
#   type 1234; key Return
set -euo pipefail
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

# start_till DISPLAY WIDTHxHEIGHT NAME:ROLE:PIN...
start_till() {
    local display="$1" size="$2"
    shift 2
    cli init --store S1 --terminal T1 --currency EUR
    cli catalog import resources/demo/catalog.csv
    local user
    for user in "$@"; do
        IFS=: read -r name role pin <<<"$user"
        cli user add --name "$name" --role "$role" --pin "$pin"
    done
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp &
    pids+=($!)
    export DISPLAY="$display"
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
    LANG="${TILL_LANG:-de_DE.UTF-8}" "$bin/counterline" --data-dir "$work/terminal" \
        --receipts-dir "$work/receipts" -geometry "${size}+0+0" &
    pids+=($!)
    xdotool search --sync --name "Counterline" >/dev/null
    sleep 1.5
}

type() { xdotool type --delay 40 "$1"; sleep 0.3; }
key() { xdotool key "$1"; sleep 0.5; }
