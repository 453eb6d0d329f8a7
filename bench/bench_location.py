"""Location History speed and memory: Google `Records.json` streamed by the Takeout reader.

Usage: .venv/bin/python bench/bench_location.py [FIXES]
Writes a Records.json of FIXES raw fixes (about 200 bytes each) in a temporary Takeout folder,
reads it with the Google Takeout reader and prints fixes per second, MB per second and the
growth of the process's peak memory (it must stay flat however large the file).
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.exports.archive import open_export
from checks.readers import ReadContext
from checks.readers.google_takeout import GoogleTakeoutReader
from tests.builders.google import record


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    folder = Path(tempfile.mkdtemp(prefix="offduty-bench-"))
    try:
        path = folder / "Takeout" / "Location History" / "Records.json"
        path.parent.mkdir(parents=True)
        t0 = datetime(2020, 1, 1, tzinfo=UTC)
        with path.open("w") as fh:
            fh.write('{"locations": [')
            for i in range(count):
                fix = record(51.4 + (i % 1000) * 1e-5, -0.05, t0 + timedelta(seconds=30 * i), legacy_ms=i % 2 == 0)
                fh.write(("," if i else "") + json.dumps(fix))
            fh.write("]}")
        size = path.stat().st_size
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        with open_export([folder / "Takeout"]) as export:
            read = sum(1 for _ in GoogleTakeoutReader().read(ReadContext(0, export)))
        elapsed = time.perf_counter() - start
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(f"Records.json {size / 1e6:.0f} MB, {read:,} fixes: {read / elapsed:,.0f} fixes/s, "
              f"{size / 1e6 / elapsed:.1f} MB/s, peak memory grew {grown / 1024:.1f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
