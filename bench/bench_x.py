"""X archive reader speed and memory on a generated big `tweets.js` (invented posts).

Usage: .venv/bin/python bench/bench_x.py [MEGABYTES]   (default 100)
Writes a `window.YTD.tweets.part0 = [...]` file of about MEGABYTES in X's own layout (one tweet in
50 geotagged), then reads it twice with the X reader: once timed (MB/s, tweets/s), once under
tracemalloc (the peak of Python allocations, which must stay far below the file's size).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.exports.archive import open_export
from checks.readers import ReadContext
from checks.readers.x import XArchiveReader
from tests.builders.x import Tweet, XArchive


def make(path: Path, megabytes: int) -> int:
    builder = XArchive()
    start = datetime(2020, 1, 1, tzinfo=UTC)
    count = 0
    with path.open("wb") as fh:
        fh.write(b"window.YTD.tweets.part0 = [")
        while fh.tell() < megabytes * 1024 * 1024:
            tweet = Tweet(f"Ordinary post number {count} about the football & the weather, nothing to see",
                          start + timedelta(minutes=count), coordinates=(51.4, -0.05) if count % 50 == 0 else None)
            fh.write((b"," if count else b"") + json.dumps({"tweet": builder.tweet_json(tweet)}, indent=2).encode())
            count += 1
        fh.write(b"]")
    return count


def read(path: Path) -> int:
    with open_export([path]) as export:
        return sum(1 for _ in XArchiveReader().read(ReadContext(0, export)))


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tweets.js"
        tweets = make(path, megabytes)
        size = path.stat().st_size
        began = time.perf_counter()
        items = read(path)
        elapsed = time.perf_counter() - began
        tracemalloc.start()
        read(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"x reader: {size / 1e6:.0f} MB, {tweets:,} tweets, {items:,} items in {elapsed:.2f} s "
          f"= {size / 1e6 / elapsed:.1f} MB/s, {tweets / elapsed:,.0f} tweets/s; "
          f"peak Python memory {peak / 1e6:.2f} MB ({peak / size:.2%} of the file)")


if __name__ == "__main__":
    main()
