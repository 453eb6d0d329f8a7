"""Hostile JSON at scale: a big single-line X `tweets.js`, and deep nesting, through the whole audit.

Usage: .venv/bin/python bench/hostile_big_json.py [MEGABYTES]   (default 1024)

1. A 100,000-deep `[[[[...` tweets.js through `offduty scan`: time and peak RSS (without the guard
   ijson's memory grows with the square of the depth and the process is killed).
2. Writes (streamed, never held in memory) a zip holding `data/account.js` and a `data/tweets.js`
   of about MEGABYTES with every tweet on ONE line, then runs `offduty scan` on it in a child
   process: wall time, MB/s and the child's peak RSS (which must stay far below the file's size).
3. The JSON depth guard alone on the same bytes (MB/s): what watching every JSON member costs.
Files go to a temporary folder that is removed at the end.
"""

from __future__ import annotations

import io
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.exports.archive import _JsonDepthGuard  # noqa: E402

ACCOUNT = 'window.YTD.account.part0 = [ {"account" : {"username" : "invented_person"}} ]'
TWEET = ('{"tweet":{"id_str":"%d","created_at":"Tue Mar 05 14:02:11 +0000 2024","entities":{"hashtags":[],'
         '"urls":[]},"full_text":"an ordinary \\"day\\" out [walking] the dog in the park, nothing to see %d"}},')


def write_big(path: Path, megabytes: int) -> int:
    target = megabytes * 1024 * 1024
    count = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("data/account.js", ACCOUNT)
        with z.open("data/tweets.js", "w", force_zip64=True) as fh:
            fh.write(b"window.YTD.tweets.part0 = [")
            written = 0
            batch = []
            while written < target:
                batch.append(TWEET % (count, count))
                count += 1
                if len(batch) == 2000:
                    data = "".join(batch).encode()
                    fh.write(data)
                    written += len(data)
                    batch = []
            if batch:
                fh.write("".join(batch).encode())
            fh.write(b'{"tweet":{"id_str":"0","full_text":"end"}}]')
    return count


def scan(path: Path) -> tuple[float, float, int]:
    """Wall seconds, child peak RSS (MB) and exit status of `offduty scan --quiet` on path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "scan", "--quiet", "--json", str(path) + ".report.json",
                           str(path)], cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 3):
        print(proc.stderr[-2000:])
    return wall, max(peak, before) / 1024, proc.returncode


def guard_speed(path: Path) -> float:
    with zipfile.ZipFile(path) as z, z.open("data/tweets.js") as raw:
        start = time.perf_counter()
        guard = io.BufferedReader(_JsonDepthGuard(raw, 512, "tweets.js"), buffer_size=256 * 1024)
        size = 0
        while chunk := guard.read(256 * 1024):
            size += len(chunk)
        guarded = time.perf_counter() - start
    with zipfile.ZipFile(path) as z, z.open("data/tweets.js") as raw:
        start = time.perf_counter()
        while raw.read(256 * 1024):
            pass
        plain = time.perf_counter() - start
    print(f"  inflate only: {size / 1e6 / plain:.0f} MB/s; inflate + depth guard: {size / 1e6 / guarded:.0f} MB/s "
          f"(guard alone ~{size / 1e6 / max(guarded - plain, 1e-9):.0f} MB/s)")
    return guarded


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    folder = Path(tempfile.mkdtemp(prefix="offduty-bench-"))
    try:
        deep = folder / "twitter-2026-11-01-deep.zip"
        with zipfile.ZipFile(deep, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("data/account.js", ACCOUNT)
            z.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + "[" * 100_000)
        wall, rss, code = scan(deep)
        print(f"1. 100,000-deep tweets.js: exit {code}, {wall:.1f} s, peak RSS {rss:.0f} MB")
        big = folder / "twitter-2026-11-01-big.zip"
        count = write_big(big, megabytes)
        with zipfile.ZipFile(big) as z:
            size = z.getinfo("data/tweets.js").file_size
        print(f"2. single-line tweets.js: {size / 1e6:.0f} MB, {count:,} tweets, zip {big.stat().st_size / 1e6:.0f} MB")
        wall, rss, code = scan(big)
        print(f"  offduty scan: exit {code}, {wall:.1f} s, {size / 1e6 / wall:.1f} MB/s, peak RSS {rss:.0f} MB")
        print("3. depth guard")
        guard_speed(big)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
