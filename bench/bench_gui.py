"""The window's responsiveness: time to first show, and the longest event-loop stall during a scan.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py [EXPORT ...]

Without arguments it scans the big X archive from bench/generate.py (or the demo if that is
missing). A 5 ms QTimer runs on the GUI thread throughout; the largest gap between two of its
ticks is the longest the event loop was blocked (target: under 100 ms). "Shown" is measured from
the start of this process (before Qt is imported) to the window's first paint.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer  # noqa: E402


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() in (QEvent.Type.Paint, QEvent.Type.Expose):
            self.at = time.perf_counter()
        return False


def main() -> int:
    from desktop.app import build_window, make_application

    paths = [Path(p) for p in sys.argv[1:]]
    if not paths:
        paths = sorted((ROOT / "bench" / "data").glob("twitter-*.zip"))
    if not paths:
        from checks.exports.demo import demo_paths

        paths = demo_paths()
    app = make_application()
    window = build_window()
    painter = _FirstPaint()
    window.installEventFilter(painter)
    window.show()
    app.processEvents()
    shown_at = painter.at or time.perf_counter()

    clock = QElapsedTimer()
    gaps: list[int] = []
    ticker = QTimer()
    ticker.setInterval(5)

    stalls: list[tuple[float, int]] = []

    def tick() -> None:
        if clock.isValid():
            gap = clock.restart()
            gaps.append(gap)
            if gap > 100:
                stalls.append((round(time.perf_counter() - scan_started, 2), gap))
        else:
            clock.start()

    ticker.timeout.connect(tick)
    result: dict[str, object] = {}

    def finished(*_args: object) -> None:
        result["scan_s"] = round(time.perf_counter() - scan_started, 2)
        QTimer.singleShot(2000, lambda: (ticker.stop(), app.quit()))  # keep measuring while pages fill

    window.scan.scan_finished.connect(finished)
    window.scan.scan_failed.connect(finished)
    window.scan.scan_cancelled.connect(finished)
    scan_started = time.perf_counter()
    ticker.start()
    window.start_scan(paths)
    QTimer.singleShot(30 * 60 * 1000, app.quit)
    app.exec()
    gaps.sort()
    result.update({
        "window_shown_s": round(shown_at - STARTED, 2),
        "exports": [p.name for p in paths],
        "ticks": len(gaps),
        "longest_stall_ms": gaps[-1] if gaps else None,
        "p99_tick_ms": gaps[int(len(gaps) * 0.99)] if gaps else None,
        "stalls_over_100ms": sum(1 for g in gaps if g > 100),
        "stalls_at_s": stalls[:10],
    })
    print(json.dumps(result))
    window.close()
    window.runner.wait(5000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
