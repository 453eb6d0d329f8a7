"""Printable checklist speed: HTML and A4 PDF for the demo audit and for a large invented audit.

Usage: .venv/bin/python bench/bench_printing.py [FINDINGS]   (default 2000)
Prints seconds for building the checklist, the HTML page and the PDF (Qt, offscreen), the page
count and file sizes. The large audit has FINDINGS findings spread over several platforms.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from checks.assess.advice import build_checklist, default_catalogue
from checks.records import Category, ItemKind, Platform, Report
from checks.report.html_report import write_html
from desktop.printing import write_pdf
from tests.advice.factory import NOW, finding, report


def _time(label: str, fn: object) -> object:
    start = time.perf_counter()
    out = fn()  # type: ignore[operator]
    print(f"{label:<28} {time.perf_counter() - start:7.2f} s")
    return out


def _measure(name: str, rep: Report) -> None:
    print(f"\n{name}: {len(rep.findings)} findings, {len(rep.checklist)} checklist entries")
    buf = io.StringIO()
    _time("HTML", lambda: write_html(rep, buf))
    print(f"{'HTML size':<28} {len(buf.getvalue()) / 1024:7.0f} KiB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.pdf"
        pages = _time("PDF (Qt)", lambda: write_pdf(rep, path))
        print(f"{'PDF pages / size':<28} {pages!s:>7} / {path.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    from checks.exports.demo import demo_paths
    from checks.pipeline import audit

    if demo_paths():
        demo = audit(demo_paths())
        _measure("demo", demo)
    platforms = [Platform.X, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.STRAVA, Platform.TIKTOK]
    cats = list(Category)
    findings = [finding(i, category=cats[i % len(cats)], platform=platforms[i % len(platforms)],
                        kind=ItemKind.POST, evidence=f"invented post number {i} at 12 Example Road", span=(24, 39))
                for i in range(count)]
    big = _time("build checklist", lambda: report(findings))
    assert isinstance(big, Report)
    _time("build checklist again", lambda: build_checklist(findings, default_catalogue()))
    _measure(f"invented ({NOW:%Y})", big)


if __name__ == "__main__":
    main()
