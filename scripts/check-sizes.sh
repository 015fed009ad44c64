#!/usr/bin/env bash
# Names the production files over 500 lines and the functions over 120 lines (STYLE.md: small
# files with one purpose). A function is counted from its signature to the closing brace in
# column 0 of a body whose opening brace stands alone in column 0, as clang-format writes every
# function outside a class; class bodies end in "};" and are not functions. Exits non-zero when
# it names anything.
#
#   scripts/check-sizes.sh [ROOT]
set -euo pipefail
root="${1:-$(dirname "$0")/..}"
cd "$root"
max_file=500
max_function=120
folders=()
for folder in domain sqlkit protocol httpkit store sync server paysim ui app; do
    [ -d "$folder" ] && folders+=("$folder")
done

mapfile -t files < <(find "${folders[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
status=0
for file in "${files[@]}"; do
    lines=$(wc -l <"$file")
    if [ "$lines" -gt "$max_file" ]; then
        echo "$file: $lines lines (at most $max_file)"
        status=1
    fi
done
if ! awk -v max="$max_function" '
    FNR == 1 { start = 0; previous = "" }
    /^\{$/ { start = FNR; signature = previous }
    /^\}$/ && start > 0 {
        length_ = FNR - start + 2
        if (length_ > max) {
            sub(/^[ \t]+/, "", signature)
            printf "%s:%d: %s is %d lines (at most %d)\n", FILENAME, start - 1, signature, length_, max
            found = 1
        }
        start = 0
    }
    { if ($0 !~ /^[ \t]*$/) previous = $0 }
    END { exit found ? 1 : 0 }
' "${files[@]}"; then
    status=1
fi
exit "$status"
