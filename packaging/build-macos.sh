#!/usr/bin/env bash
# Build Offduty.app on macOS (PyInstaller BUNDLE with bundle id uk.offduty.Offduty) and a .dmg.
# Run from the repository root with Python 3.11+. Signing and notarisation need the team's
# Developer ID: set OFFDUTY_SIGN_ID to sign (codesign) before the disk image is made.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e . "pyinstaller>=6.5"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/offduty.spec
if [ -n "${OFFDUTY_SIGN_ID:-}" ]; then
  codesign --deep --force --options runtime --sign "$OFFDUTY_SIGN_ID" dist/Offduty.app
fi
version="$(.venv/bin/python -c 'from checks.version import __version__; print(__version__)')"
hdiutil create -volname Offduty -srcfolder dist/Offduty.app -ov -format UDZO "dist/Offduty-$version.dmg"
echo "built dist/Offduty.app and dist/Offduty-$version.dmg"
