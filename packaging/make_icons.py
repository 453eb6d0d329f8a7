"""Render the app icon (packaging/icons/offduty.svg) to PNG sizes, a Windows .ico and a macOS .icns.

Run from the repository root: `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py`.
Qt's SVG renderer draws the PNGs; Pillow writes the .ico and .icns containers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    svg = ROOT / "packaging" / "icons" / "offduty.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"cannot read {svg}", file=sys.stderr)
        return 1
    out = ROOT / "packaging" / "icons"
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"offduty-{size}.png"
        image.save(str(path))
        pngs.append(path)
    (ROOT / "resources" / "icons").mkdir(parents=True, exist_ok=True)
    Image.open(out / "offduty-256.png").save(ROOT / "resources" / "icons" / "offduty.png")
    (ROOT / "resources" / "icons" / "offduty.svg").write_bytes(svg.read_bytes())
    big = Image.open(out / "offduty-256.png")
    big.save(out / "offduty.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    Image.open(out / "offduty-512.png").save(out / "offduty.icns")
    del app
    print(f"wrote {len(pngs)} PNGs, offduty.ico and offduty.icns in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
