#!/usr/bin/env bash
# Renders packaging/icons/counterline.svg to the PNG sizes the desktop expects
# (packaging/icons/<size>/org.counterline.Counterline.png). Run after changing the SVG; the PNGs are
# committed so that builds need no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages librsvg2-bin
for size in 16 32 48 64 128 256; do
    mkdir -p "packaging/icons/$size"
    rsvg-convert -w "$size" -h "$size" packaging/icons/counterline.svg \
        -o "packaging/icons/$size/org.counterline.Counterline.png"
done
echo "icons rendered"
