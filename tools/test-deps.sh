#!/usr/bin/env bash
# What the tests need from the system beyond what the kiosk needs (tools/system-deps.sh):
# a real X server and window manager for the lockdown tests (Xvfb, openbox, xdotool,
# xwininfo), Chromium for the managers' pages, and libfaketime for the simulated year's
# clock jumps (bench/bench_year.py, whose short run is a test). Installs what is missing when it can (root
# with apt-get); otherwise says what to install (those tests then skip, except under CI).
set -euo pipefail
missing=()
check_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
if [ "$(uname -s)" = Linux ]; then
    check_cmd Xvfb xvfb
    check_cmd openbox openbox
    check_cmd xdotool xdotool
    check_cmd xwininfo x11-utils
    check_cmd chromium chromium
    check_cmd faketime faketime
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing test packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "warning: some tests need: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
fi
