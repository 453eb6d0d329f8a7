"""Photo metadata speed: Offduty's header reader vs plain Pillow vs exiftool, on generated JPEGs.

Usage: .venv/bin/python bench/bench_photos.py [COUNT]
Generates COUNT camera-sized JPEG files (GPS, time, owner, serial in EXIF) in a temporary
folder, then times reading GPS from every file three ways. Prints photos per second.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from checks.exports.archive import open_export
from checks.readers import ReadContext
from checks.readers.photos import PhotosReader
from tests.builders.photos import PhotoSpec, photo_bytes


def make(folder: Path, count: int) -> int:
    base = photo_bytes(PhotoSpec(51.4415, -0.0508, altitude=40.0, taken=datetime(2025, 6, 1, 8, 0), offset="+01:00",
                                 owner="Bench Person", serial="0123456789", size=(1600, 1200)))
    for i in range(count):
        (folder / f"IMG_{i:05d}.jpg").write_bytes(base)
    return len(base)


def offduty(folder: Path) -> int:
    with open_export([folder]) as export:
        return sum(1 for item in PhotosReader().read(ReadContext(0, export)) if item.location)


def pillow(folder: Path) -> int:
    found = 0
    for path in sorted(folder.glob("*.jpg")):
        with Image.open(path) as im:
            if im.getexif().get_ifd(0x8825):
                found += 1
    return found


def exiftool(folder: Path) -> int:
    out = subprocess.run(["exiftool", "-fast2", "-n", "-q", "-csv", "-GPSLatitude", "-GPSLongitude", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    return max(0, len(out.strip().splitlines()) - 1)


def timed(label: str, fn, folder: Path, count: int) -> None:  # type: ignore[no-untyped-def]
    fn(folder)  # warm the file cache
    start = time.perf_counter()
    found = fn(folder)
    elapsed = time.perf_counter() - start
    print(f"{label:<28} {count / elapsed:>10,.0f} photos/s   ({found} with GPS, {elapsed:.2f} s)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    folder = Path(tempfile.mkdtemp(prefix="offduty-bench-"))
    try:
        size = make(folder, count)
        print(f"{count} JPEGs of {size / 1024:.0f} KB (1600x1200) with EXIF GPS")
        timed("Offduty (PhotosReader)", offduty, folder, count)
        timed("Pillow open+getexif", pillow, folder, count)
        if shutil.which("exiftool"):
            timed("exiftool -fast2 -csv", exiftool, folder, count)
        else:
            print("exiftool not installed (apt-get install -y libimage-exiftool-perl)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
