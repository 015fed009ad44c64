#!/usr/bin/env bash
# Fails when a source string has no translation or a translation is obsolete: runs lupdate over
# the window's sources into copies of translations/*.ts and counts what it marks unfinished (new
# or untranslated) or vanished/obsolete (no longer in the code), and calls lupdate cannot see.
# Names the files and strings.
#
#   check_translations.sh LUPDATE SOURCES_LIST TS_FILE...
set -euo pipefail
lupdate="$1"
sources="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
# lupdate reads only literal contexts: a translate() whose context is a variable is never offered
# for translation, and no .ts file shows it missing.
while read -r file; do
    [[ "$file" == -* ]] && continue # lupdate options such as -I
    if hidden="$(grep -nE 'translate\(\s*[A-Za-z_]' -- "$file")"; then
        failed=1
        echo "$file: translate() with a context lupdate cannot read (use a string literal):" >&2
        echo "$hidden" >&2
    fi
done <"$sources"
for ts in "$@"; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -locations none "@$sources" -ts "$copy" >/dev/null
    problems="$(grep -cE 'type="(unfinished|vanished|obsolete)"' "$copy" || true)"
    if [ "$problems" != "0" ]; then
        failed=1
        echo "$(basename "$ts"): $problems entries unfinished or obsolete:" >&2
        grep -B2 -E 'type="(unfinished|vanished|obsolete)"' "$copy" | grep '<source>' | head -20 >&2
    fi
done
# Qt's own texts (Cancel, OK in dialog buttons) come from qtbase_*.qm (qt6-translations-l10n).
for ts in "$@"; do
    lang="$(basename "$ts" .ts)"
    lang="${lang#counterline_}"
    if [ ! -f "$QT_TRANSLATIONS_DIR/qtbase_$lang.qm" ]; then
        failed=1
        echo "$QT_TRANSLATIONS_DIR/qtbase_$lang.qm is missing: Qt's own buttons stay English" >&2
    fi
done
[ "$failed" = 0 ] && echo "translations: every string translated in $#, none obsolete"
exit "$failed"
