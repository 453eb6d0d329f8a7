#!/usr/bin/env bash
# Make a working environment on this machine: system libraries for Qt (apt-get when missing and
# allowed), a virtual environment in .venv, and Offduty installed into it with its test extra.
# Sourced by run-app.sh and run-tests.sh; safe to run again (it only does what is missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

SYSTEM_PACKAGES=(
  # Qt offscreen/xcb runtime (PySide6 wheels), fonts so text renders
  libegl1 libgl1 libglvnd0 libglx0 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3
  libx11-6 libxcb1 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  xvfb xauth
  # PDF checks (pdftotext, pdftoppm), the real OS keyring for tests (Secret Service)
  poppler-utils gnome-keyring dbus-daemon dbus-x11 libsecret-tools
  # packaging checks
  desktop-file-utils appstream
  # python venv
  python3-venv
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing system packages: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "bootstrap: these system packages are missing (install them as root): ${missing[*]}" >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "bootstrap: creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.offduty-installed"
want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: installing Offduty and its test tools into $VENV" >&2
  "$VENV/bin/python" -m pip install -q --upgrade pip >&2
  "$VENV/bin/python" -m pip install -q -e "$ROOT[test]" >&2
  echo "$want" > "$stamp"
fi
