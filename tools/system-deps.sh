#!/usr/bin/env bash
# What a bare Debian/Ubuntu machine may lack to set up, test and build the kiosk: make, Python's
# venv, binutils (PyInstaller reads binaries with objdump) and Qt's shared libraries.
# Installs what is missing only when it can (root with apt-get); otherwise says what to install.
set -euo pipefail
PYTHON="${PYTHON:-python3}"
missing=()
# Read the linker cache once: 'ldconfig -p | grep -q' fails at random under pipefail when grep
# exits early and ldconfig dies of SIGPIPE.
LIBS="$(ldconfig -p 2>/dev/null || true)"
have_lib() { grep -qF "$1" <<<"$LIBS"; }
check_lib() { have_lib "$1" || missing+=("$2"); }
check_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }

if [ "$(uname -s)" = Linux ]; then
    check_cmd make make
    check_cmd objdump binutils
    if command -v "$PYTHON" >/dev/null 2>&1; then
        "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=("python3-venv")
    else
        missing+=("python3" "python3-venv")
    fi
    check_lib 'libEGL.so.1' libegl1
    check_lib 'libGL.so.1' libgl1
    check_lib 'libfontconfig.so.1' libfontconfig1
    check_lib 'libxkbcommon.so.0' libxkbcommon0
    check_lib 'libdbus-1.so.3' libdbus-1-3
    check_lib 'libglib-2.0.so.0' libglib2.0-0
    check_lib 'libfreetype.so.6' libfreetype6
    # The xcb platform plugin (a real screen, not offscreen) needs these too.
    check_lib 'libxcb-cursor.so.0' libxcb-cursor0
    check_lib 'libxcb-icccm.so.4' libxcb-icccm4
    check_lib 'libxcb-keysyms.so.1' libxcb-keysyms1
    check_lib 'libxcb-image.so.0' libxcb-image0
    check_lib 'libxcb-randr.so.0' libxcb-randr0
    check_lib 'libxcb-render-util.so.0' libxcb-render-util0
    check_lib 'libxcb-shape.so.0' libxcb-shape0
    check_lib 'libxcb-xkb.so.1' libxcb-xkb1
    check_lib 'libX11-xcb.so.1' libx11-xcb1
    check_lib 'libxkbcommon-x11.so.0' libxkbcommon-x11-0
    # The central service's tests start a throwaway PostgreSQL (initdb, pg_ctl).
    if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        missing+=("postgresql")
    fi
    # The web pages' browser tests drive Debian's Chromium (Playwright cannot download one).
    if ! command -v chromium >/dev/null 2>&1; then
        missing+=("chromium")
    fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "warning: please install these system packages: ${missing[*]}" >&2
    echo "  (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
fi
