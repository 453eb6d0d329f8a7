#!/usr/bin/env bash
# Build the Linux bundle (dist/offduty/, one folder) and a tarball with the desktop entry,
# AppStream metadata and icons; validate the metadata. Run from anywhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/bootstrap.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.5"
desktop-file-validate packaging/linux/uk.offduty.Offduty.desktop
appstreamcli validate --no-net packaging/linux/uk.offduty.Offduty.metainfo.xml
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/offduty.spec
share="dist/offduty/share"
mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
cp packaging/linux/uk.offduty.Offduty.desktop "$share/applications/"
cp packaging/linux/uk.offduty.Offduty.metainfo.xml "$share/metainfo/"
cp packaging/icons/offduty.svg "$share/icons/hicolor/scalable/apps/uk.offduty.Offduty.svg"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "packaging/icons/offduty-$size.png" "$share/icons/hicolor/${size}x${size}/apps/uk.offduty.Offduty.png"
done
version="$(.venv/bin/python -c 'from checks.version import __version__; print(__version__)')"
tar -C dist -czf "dist/offduty-$version-linux-x86_64.tar.gz" offduty
echo "built dist/offduty/ and dist/offduty-$version-linux-x86_64.tar.gz"
