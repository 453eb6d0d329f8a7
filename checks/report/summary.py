"""The short human summary `offduty scan` prints when no output file is asked for.

Every line is said from the words catalogue (`[summary]`), in the person's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from checks.assess.scoring import band_words
from checks.records import InputSummary, Report, msg
from checks.report.masking import mask
from checks.report.words import say

MAX_SKIPPED = 5  # skipped files listed per export; the rest are counted


def write_summary(report: Report, out: TextIO, reveal: bool = False, top: int = 10) -> None:
    """The score, each export, what drives the score, the first `top` findings, the first things to do."""
    lines = [say(msg("summary.score", version=report.tool_version, value=report.score.value,
                     band=band_words(report.score)))]
    if report.cancelled:
        lines.append(say(msg("summary.cancelled")))
    for inp in report.inputs:
        lines.extend(_input_lines(inp))
    if report.score.drivers:
        lines += ["", say(msg("summary.drivers"))]
        lines.extend(f"  - {say(d.text)}" for d in report.score.drivers[:5])
    lines += ["", *_finding_lines(report, reveal, top)]
    todo = [c for c in report.checklist if not c.done][:3]
    if todo:
        lines += ["", say(msg("summary.todo"))]
        lines.extend(f"  [ ] {c.title} ({c.platform})" for c in todo)
    if not reveal:
        lines += ["", say(msg("summary.masked"))]
    out.write("\n".join(lines) + "\n")


def _input_lines(inp: InputSummary) -> Iterator[str]:
    state = msg("summary.items", count=inp.items) if inp.readable else msg("summary.not_read", why=inp.message)
    yield f"  {inp.path}: {inp.platform.label}, {inp.format}, {say(state)}"
    if inp.readable and inp.message:  # a note, or why an export gave nothing to read
        yield f"    {say(inp.message)}"
    for s in inp.skipped[:MAX_SKIPPED]:
        yield "    " + say(msg("summary.skipped", file=s.file or say(msg("summary.part")), reason=s.reason))
    if len(inp.skipped) > MAX_SKIPPED:
        yield "    " + say(msg("summary.more_skipped", count=len(inp.skipped) - MAX_SKIPPED))


def _finding_lines(report: Report, reveal: bool, top: int) -> Iterator[str]:
    counts = Counter(f.category for f in report.findings).most_common()
    kinds = ", ".join(f"{n} {c.label.lower()}" for c, n in counts)
    yield say(msg("summary.findings", count=len(report.findings), kinds=f": {kinds}" if kinds else ""))
    for f in report.findings[:top]:
        more = " " + say(msg("summary.more_sources", count=len(f.related))) if f.related else ""
        yield f"  [{f.severity.value:<6}] {say(f.title)} ({f.platform.label}, {f.source.file}){more}"
        evidence = f.evidence if reveal else mask(f.evidence, f.span, f.spans)
        if evidence:
            yield f"           {evidence[:110]}"
    if len(report.findings) > top:
        yield "  " + say(msg("summary.more_findings", count=len(report.findings) - top))
