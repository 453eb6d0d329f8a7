"""The short human summary `offduty scan` prints when no output file is asked for."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from checks.assess.scoring import band_words
from checks.records import Report
from checks.report.masking import mask
from checks.report.words import say


def write_summary(report: Report, out: TextIO, reveal: bool = False, top: int = 10) -> None:
    w = out.write
    w(f"Offduty {report.tool_version}: exposure score {report.score.value}/100 ({say(band_words(report.score))})\n")
    if report.cancelled:
        w("The audit was cancelled: this covers only what was read before.\n")
    for inp in report.inputs:
        state = f"{inp.items} items" if inp.readable else f"not read: {say(inp.message)}"
        w(f"  {inp.path}: {inp.platform.label}, {inp.format}, {state}\n")
        for s in inp.skipped[:5]:
            w(f"    skipped {s.file or '(part of the export)'}: {say(s.reason)}\n")
        if len(inp.skipped) > 5:
            w(f"    ... and {len(inp.skipped) - 5} more skipped\n")
    if report.score.drivers:
        w("\nWhat drives the score:\n")
        for d in report.score.drivers[:5]:
            w(f"  - {say(d.text)}\n")
    counts = Counter(f.category.label for f in report.findings)
    w(f"\n{len(report.findings)} findings")
    if counts:
        w(": " + ", ".join(f"{n} {c.lower()}" for c, n in counts.most_common()))
    w("\n")
    for f in report.findings[:top]:
        ev = f.evidence if reveal else mask(f.evidence, f.span)
        more = f" (+{len(f.related)} more)" if f.related else ""
        w(f"  [{f.severity.value:<6}] {say(f.title)} ({f.platform.label}, {f.source.file}){more}\n")
        if ev:
            w(f"           {ev[:110]}\n")
    if len(report.findings) > top:
        w(f"  ... and {len(report.findings) - top} more (use --json or --html for all)\n")
    todo = [c for c in report.checklist if not c.done]
    if todo:
        w("\nMost urgent things to do:\n")
        for c in todo[:3]:
            w(f"  [ ] {c.title} ({c.platform})\n")
    if not reveal:
        w("\nEvidence is masked; add --reveal to see it in full.\n")
