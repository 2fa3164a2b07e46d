#!/usr/bin/env bash
# Set up everything OC Desktop needs on a Debian machine. Safe to run again: it only
# does what is missing. Used by ./run.sh and ./test.sh; nothing is installed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt's xcb and offscreen platforms and its print support load, a virtual screen
# for machines without one, poppler to look at printed pages, and strace, with which the
# installer's smoke test (tests/installer/) sees every file the bundled program opens.
PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libcups2 xvfb xauth poppler-utils strace)
if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the declared dependencies change.
stamp=.venv/.oc-desktop-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$wanted" > "$stamp"
fi
.venv/bin/python scripts/catalogs.py compile >/dev/null
