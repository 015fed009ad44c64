# Sourced by the screenshot scripts: packages, a release build (or COUNTERLINE_SHOT_PRESET's), a
# demo server with store S1 in a temporary directory (cleaned up on exit), and an Xvfb display.
#
#   source scripts/screenshot-common.sh
#   start_demo_server          # sets $work, $url and $token (terminal T1 of S1)
#   start_display :97 [1366x768] # exports DISPLAY
set -euo pipefail
source scripts/ensure-packages.sh
ensure_packages "${COUNTERLINE_BUILD_PACKAGES[@]}" xvfb xdotool imagemagick xauth x11-utils
# COUNTERLINE_SHOT_PRESET=dev takes them with the tree a developer has built already.
preset="${COUNTERLINE_SHOT_PRESET:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc)" \
    --target counterline counterline-cli counterline-server

bin="build/$preset/app"
work="$(mktemp -d -t counterline-shot.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

start_demo_server() {
    "$bin/counterline-server" --data-dir "$work/server" store add --id S1 --name "Demo Markt" \
        --currency EUR >/dev/null
    "$bin/counterline-server" --data-dir "$work/server" catalog import \
        resources/demo/catalog.csv --store S1 >/dev/null
    token="$("$bin/counterline-server" --data-dir "$work/server" terminal enroll --store S1 \
        --name T1 | tail -n 1)"
    "$bin/counterline-server" --data-dir "$work/server" --listen 127.0.0.1:0 \
        >"$work/server.out" &
    pids+=($!)
    for _ in $(seq 1 50); do grep -q ':' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
    url="http://127.0.0.1:$(head -n 1 "$work/server.out" | sed 's/.*://')"
}

start_display() { # DISPLAY [WIDTHxHEIGHT, 1280x800 unless given]
    Xvfb "$1" -screen 0 "${2:-1280x800}x24" -nolisten tcp &
    pids+=($!)
    export DISPLAY="$1"
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
}
