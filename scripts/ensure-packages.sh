# Sourced by run.sh and test.sh. ensure_packages PKG... installs the Debian packages that are not
# installed yet: with apt-get as root, through sudo otherwise, or prints the exact command and
# fails when neither is possible. Nothing else on the machine is assumed.

ensure_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi

    local command=(apt-get install -y --no-install-recommends "${missing[@]}")
    echo "Installing missing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${command[@]}"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive "${command[@]}"
    else
        echo "error: these Debian packages are missing and I cannot install them without root." >&2
        echo "Run this, then start again:" >&2
        echo "  sudo apt-get update && sudo ${command[*]}" >&2
        return 1
    fi
}

# What building Counterline needs, on every machine.
COUNTERLINE_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config ccache git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql libgl-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev
    qt6-l10n-tools qt6-translations-l10n
    libssl-dev libsqlite3-dev libqrencode-dev libnats-dev
)

# What the tests need in addition.
COUNTERLINE_TEST_PACKAGES=(
    clang-format libbenchmark-dev sqlite3 postgresql openssl nats-server appstream
    desktop-file-utils dpkg-dev debootstrap
    clang-14 libclang-rt-14-dev
)

# ccache keeps its cache under the user's home, so repeated builds (and CI on this machine) are
# cheap without anything depending on the cache being warm.
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths inside the checkout are hashed relative to it, so a fresh clone elsewhere (CI) hits the
# cache that a developer's tree filled.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
# The layers compile with precompiled headers (cmake/CounterlineLayers.cmake); ccache caches
# those compiles only when it may ignore the header's time stamps and predefined macros.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-10G}"
