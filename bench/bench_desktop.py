"""Desktop responsiveness: the window scanning the demo, and a findings table of many rows.

Usage: .venv/bin/python bench/bench_desktop.py [FINDINGS]   (default 5000)
Prints: seconds from "Scan" to results on screen for the demo; the longest gap between ticks of a
10 ms GUI timer during that scan (how long the window could have seemed frozen); and, for an
invented audit of FINDINGS findings, seconds to fill the findings table, filter it and sort it.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from checks.records import Category, Severity, Source
from desktop.app import build_window, make_application
from desktop.engine import Engine
from desktop.models import FindingsFilter, FindingsModel


def bench_scan() -> None:
    app = make_application()
    window = build_window(Engine())
    window.show()
    gaps: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()

    def tick() -> None:
        gaps.append(clock.restart())

    timer.timeout.connect(tick)
    started = [0.0]
    finished = [0.0]

    def scan() -> None:
        clock.start()
        timer.start(10)
        started[0] = time.perf_counter()
        window.add.scan.click()

    def done() -> None:
        finished[0] = time.perf_counter()
        timer.stop()
        app.quit()

    window.add.described.connect(scan)
    window.report_ready.connect(done)
    window.scan.scan_failed.connect(lambda m: (print("scan failed:", m), app.quit()))
    window.add.add_paths(Engine().demo_paths())
    app.exec()
    report = window.session.report
    n = len(report.findings) if report else 0
    print(f"demo scan in the window      {finished[0] - started[0]:7.2f} s  ({n} findings)")
    print(f"longest GUI timer gap        {max(gaps or [0]):7.0f} ms (timer every 10 ms, {len(gaps)} ticks)")


def bench_table(count: int) -> None:
    window = build_window(Engine())
    base = window.session.report
    import tempfile
    from datetime import UTC, datetime

    from tests.builders.x import Media, Tweet, XArchive
    from tests.desktop.conftest import make_report  # a real report shape, then many copies

    tmp = Path(tempfile.mkdtemp())
    archive = XArchive(tweets=[Tweet("Sunset", datetime(2025, 5, 1, tzinfo=UTC), media=(Media(),))])
    export = archive.write_zip(tmp / "x.zip")
    photo = next(n for n in archive.files() if n.endswith(".jpg"))
    template = make_report(export, photo)
    findings = tuple(
        replace(template.findings[i % len(template.findings)], id=f"f{i}", title=f"Finding {i}",
                severity=list(Severity)[i % 3], category=list(Category)[i % len(Category)],
                source=Source(0, "data/tweets.js", f"/{i}/tweet/full_text"))
        for i in range(count))
    model = FindingsModel()
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    start = time.perf_counter()
    model.set_findings(findings)
    fill = time.perf_counter() - start
    start = time.perf_counter()
    proxy.set_filter(category=Category.HOME_ADDRESS.value, text="finding 1")
    filt = time.perf_counter() - start
    proxy.set_filter()
    start = time.perf_counter()
    proxy.sort(FindingsModel.SEVERITY, Qt.SortOrder.DescendingOrder)
    srt = time.perf_counter() - start
    print(f"table of {count} findings: fill {fill:.3f} s, filter {filt:.3f} s, sort {srt:.3f} s")
    del base


if __name__ == "__main__":
    bench_scan()
    bench_table(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
    os._exit(0)
