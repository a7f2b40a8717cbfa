#!/usr/bin/env bash
# The portal's browser tests drive Debian's Chromium (a test tool's own browser download cannot work
# on the build machines): install it when it is missing. EVSETTLE_CHROMIUM names another binary.
set -euo pipefail
chromium="${EVSETTLE_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$chromium" ]]; then
  exit 0
fi
echo "Chromium is missing at $chromium: installing Debian's package chromium ..."
sudo=""
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null; then sudo="sudo -n"; else
    echo "Cannot install chromium without root: run 'apt-get install -y chromium' as root, or set EVSETTLE_CHROMIUM" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q chromium || { $sudo apt-get update -q && $sudo apt-get install -y -q chromium; }
[[ -x "$chromium" ]] || { echo "Chromium is still missing at $chromium after installing it" >&2; exit 1; }
