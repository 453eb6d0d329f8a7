"""Facebook, Instagram and TikTok reader speed and memory on big generated exports (invented data).

Usage: .venv/bin/python bench/bench_meta.py [MEGABYTES]   (default 100)
Writes (1) a Facebook `your_posts__check_ins__photos_and_videos_1.json` of about MEGABYTES in Meta's
mojibake encoding, one post in 20 with a geotagged photo, (2) an Instagram `posts_1.json` of the same
size, (3) a TikTok `user_data_tiktok.json` whose watch history is about MEGABYTES. Each is read once
timed (MB/s, records/s) and once under tracemalloc (peak Python allocations, which must stay far
below the file's size: the readers stream).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.exports.archive import open_export
from checks.readers import ReadContext
from checks.readers.base import Reader
from checks.readers.facebook import FacebookReader
from checks.readers.instagram import InstagramReader
from checks.readers.tiktok import TikTokReader
from tests.builders.facebook import FacebookExport, FbMedia, FbPost, meta_json
from tests.builders.instagram import IgMedia, IgPost, InstagramExport
from tests.builders.tiktok import TikTokExport

T0 = datetime(2015, 1, 1, tzinfo=UTC)
WORDS = "café night shift garden run parkrun roast football weather rain sunshine 😂 ☕ school holiday".split()


def _text(k: int) -> str:
    return " ".join(WORDS[(k * 7 + j) % len(WORDS)] for j in range(12 + k % 20))


def facebook(folder: Path, megabytes: int) -> Path:
    fb = FacebookExport(posts=[])
    sample = meta_json([fb.post_json(FbPost(_text(1), T0))])
    count = megabytes * 1024 * 1024 // max(len(sample) - 4, 1)
    posts = [FbPost(_text(k), T0 + timedelta(hours=k),
                    media=[FbMedia(f"{k}.jpg", T0, lat=51.44, lon=-0.05, include_file=False)] if k % 20 == 0 else [])
             for k in range(count)]
    fb.posts = posts
    fb.write_folder(folder / "fb")
    return folder / "fb"


def instagram(folder: Path, megabytes: int) -> Path:
    ig = InstagramExport(layout="2025", posts=[])
    sample = meta_json([ig.post_json(IgPost(_text(1), T0, [IgMedia("x.jpg", T0)]), "posts")])
    count = megabytes * 1024 * 1024 // max(len(sample) - 4, 1)
    ig.posts = [IgPost(_text(k), T0 + timedelta(hours=k),
                       [IgMedia(f"{k}.jpg", T0 + timedelta(hours=k), lat=51.44 if k % 20 == 0 else None,
                                lon=-0.05 if k % 20 == 0 else None)]) for k in range(count)]
    files = ig.files()
    target = folder / "ig"
    for name, data in files.items():
        if name.startswith("media/"):
            continue  # the bench measures the JSON, not writing thousands of JPEGs
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    return target


def tiktok(folder: Path, megabytes: int) -> Path:
    tk = TikTokExport(watched=megabytes * 1024 * 1024 // 100)
    target = folder / "tk"
    target.mkdir()
    (target / tk.file_name).write_bytes(json.dumps(tk.tree(), indent=2).encode())
    return target


def measure(label: str, path: Path, reader: type[Reader]) -> None:
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    with open_export([path]) as export:
        start = time.perf_counter()
        count = sum(1 for _ in reader().read(ReadContext(0, export)))
        seconds = time.perf_counter() - start
    with open_export([path]) as export:
        tracemalloc.start()
        for _ in reader().read(ReadContext(0, export)):
            pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    mb = size / 1024 / 1024
    print(f"{label:10s} {mb:7.1f} MB  {count:8d} items  {seconds:6.2f} s  {mb / seconds:6.1f} MB/s  "
          f"{count / seconds:9.0f} items/s  peak {peak / 1024 / 1024:6.1f} MB")


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    makers: list[tuple[str, Callable[[Path, int], Path], type[Reader]]] = [
        ("facebook", facebook, FacebookReader), ("instagram", instagram, InstagramReader),
        ("tiktok", tiktok, TikTokReader)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, make, reader in makers:
            measure(label, make(Path(tmp), megabytes), reader)


if __name__ == "__main__":
    main()
