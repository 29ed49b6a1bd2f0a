#!/usr/bin/env bash
# Qt's shared libraries that a bare Debian/Ubuntu machine may lack. Installs them only when
# missing and only when we can (root with apt-get); otherwise says what to install.
set -euo pipefail
missing=()
check() { ldconfig -p 2>/dev/null | grep -q "$1" || missing+=("$2"); }
check 'libEGL.so.1' libegl1
check 'libGL.so.1' libgl1
check 'libfontconfig.so.1' libfontconfig1
check 'libxkbcommon.so.0' libxkbcommon0
check 'libdbus-1.so.3' libdbus-1-3
check 'libglib-2.0.so.0' libglib2.0-0
check 'libfreetype.so.6' libfreetype6
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Qt runtime libraries: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "warning: Qt needs these system packages: ${missing[*]}" >&2
fi
