#!/usr/bin/env bash
# Builds the Debian packages from a build tree with cpack and checks what they hold: the programs,
# the systemd units, the system user, the default configuration as a conffile, the maintainer
# scripts, the desktop file, icons and AppStream metainfo, and dependencies found by shlibdeps.
#
#   check_packages.sh BUILD_DIR
set -euo pipefail
build="$1"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >/dev/null
server="$(ls "$out"/counterline-server_*.deb)"
terminal="$(ls "$out"/counterline_*.deb)"
fail() { echo "check_packages: $*" >&2; exit 1; }
holds() { dpkg-deb -c "$1" | awk '{print $6}' | grep -qx "./$2" || fail "$(basename "$1") lacks /$2"; }

for path in usr/bin/counterline-server usr/bin/counterline-paysim etc/counterline/server.env \
    usr/lib/systemd/system/counterline-server.service \
    usr/lib/systemd/system/counterline-paysim.service usr/lib/sysusers.d/counterline.conf \
    usr/share/doc/counterline-server/operations.md; do
    holds "$server" "$path"
done
for path in usr/bin/counterline usr/bin/counterline-cli \
    usr/share/applications/org.counterline.Counterline.desktop \
    usr/share/metainfo/org.counterline.Counterline.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.counterline.Counterline.svg \
    usr/share/icons/hicolor/48x48/apps/org.counterline.Counterline.png \
    usr/share/icons/hicolor/256x256/apps/org.counterline.Counterline.png; do
    holds "$terminal" "$path"
done
control="$out/control"
mkdir -p "$control"
dpkg-deb -e "$server" "$control"
grep -qx /etc/counterline/server.env "$control/conffiles" || fail "server.env is no conffile"
grep -q systemd-sysusers "$control/postinst" || fail "postinst does not create the user"
[ -x "$control/prerm" ] || fail "no prerm"
depends="$(dpkg-deb -f "$server" Depends)"
for lib in libqt6httpserver6 libnats3.4 libqt6sql6-psql; do
    grep -q "$lib" <<<"$depends" || fail "counterline-server does not depend on $lib: $depends"
done
grep -q libqt6widgets6 <<<"$(dpkg-deb -f "$terminal" Depends)" || fail "counterline lacks Qt Widgets"
# The unit runs the server as its own user with its data in /var/lib/counterline.
unit="$(dpkg-deb --fsys-tarfile "$server" | tar -xO ./usr/lib/systemd/system/counterline-server.service)"
grep -qx "User=counterline" <<<"$unit" || fail "the unit does not run as counterline"
grep -qx "StateDirectory=counterline" <<<"$unit" || fail "the unit has no state directory"
grep -qE "^LimitNOFILE=[0-9]{5,}$" <<<"$unit" || fail "the unit leaves the descriptor limit at its default"
echo "packages: $(basename "$server") $(basename "$terminal") hold what they should"
