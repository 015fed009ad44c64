#!/usr/bin/env bash
# Label slow: the Debian packages installed into a fresh Debian 12 root made by debootstrap, as on
# a new machine: apt resolves their dependencies, the maintainer scripts create the system user,
# and inside the root `counterline-server --version`, `counterline --version` (offscreen) and a
# server started as the counterline user answering /healthz.
#
#   install_in_chroot.sh BUILD_DIR        (as root; needs the network to a Debian mirror)
set -euo pipefail
build="$1"
mirror="${COUNTERLINE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
root="$(mktemp -d /var/tmp/counterline-root.XXXXXX)"
chmod 755 "$root"
cleanup() {
    pkill -TERM -f "counterline-server --data-dir /var/lib/counterline --listen 127.0.0.1:18181" || true
    umount -l "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
fail() { echo "install_in_chroot: $*" >&2; exit 1; }

debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 ||
    { tail -20 "$root.log" >&2; fail "debootstrap failed"; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
mkdir -p "$root/tmp/debs"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$root/tmp/debs" >/dev/null
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }
debs=()
for deb in "$root"/tmp/debs/*.deb; do debs+=("/tmp/debs/$(basename "$deb")"); done
[ "${#debs[@]}" -eq 2 ] || fail "cpack made ${#debs[@]} packages, not 2"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${debs[@]}" curl >/dev/null

in_root getent passwd counterline >/dev/null || fail "the package made no counterline user"
[ -f "$root/etc/counterline/server.env" ] || fail "no /etc/counterline/server.env"
server_version="$(in_root counterline-server --version)"
app_version="$(in_root env QT_QPA_PLATFORM=offscreen counterline --version)"
echo "in the root: $server_version / $app_version"
grep -q "0\.1\.0" <<<"$server_version" || fail "counterline-server --version said: $server_version"
grep -q "0\.1\.0" <<<"$app_version" || fail "counterline --version said: $app_version"

in_root install -d -o counterline -g counterline /var/lib/counterline
in_root su -s /bin/sh counterline -c \
    "counterline-server --data-dir /var/lib/counterline --listen 127.0.0.1:18181" \
    >"$root/tmp/server.out" 2>&1 &
server=$!
healthy=""
for _ in $(seq 1 100); do
    if in_root curl -fsS http://127.0.0.1:18181/healthz 2>/dev/null | grep -q '"ok"'; then
        healthy=yes
        break
    fi
    sleep 0.2
done
kill "$server" 2>/dev/null || true
pkill -TERM -f "counterline-server --data-dir /var/lib/counterline --listen 127.0.0.1:18181" || true
wait "$server" 2>/dev/null || true
[ -n "$healthy" ] || { cat "$root/tmp/server.out" >&2; fail "the server did not answer /healthz"; }
[ -f "$root/var/lib/counterline/server.sqlite" ] || fail "no database in /var/lib/counterline"
echo "installed into a fresh Debian 12 root; the server answered /healthz as user counterline"
