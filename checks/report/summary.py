"""The short human summary `offduty scan` (and `offduty show`) prints when no output file is asked for.

Every line is said from the words catalogue (`[summary]`), in the person's language, and every
piece of a finding comes from the disclosure policy (`checks.report.disclosure`): masked unless
revealed, "your X (Twitter) post of 11 Feb 2024" rather than a file name. Every line is made safe
for a terminal: a file name or a skip reason from an export can carry no escape sequence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from checks.assess.scoring import band_words
from checks.records import InputSummary, Report, msg
from checks.report.disclosure import Disclosure, disclosure
from checks.report.masking import safe_text
from checks.report.words import say

MAX_SKIPPED = 5  # skipped files listed per export; the rest are counted
EVIDENCE_WIDTH = 110


def write_summary(report: Report, out: TextIO, reveal: bool = False, top: int = 10,
                  d: Disclosure | None = None) -> None:
    """The score, each export, what drives the score, the first `top` findings, the first things to do."""
    d = d or disclosure(report, reveal=reveal)
    lines = [say(msg("summary.score", version=report.tool_version, value=report.score.value,
                     band=band_words(report.score)))]
    if report.cancelled:
        lines.append(say(msg("summary.cancelled")))
    for inp in report.inputs:
        lines.extend(_input_lines(inp, d))
    if report.score.drivers:
        lines += ["", say(msg("summary.drivers"))]
        lines.extend(f"  - {d.text(driver.text)}" for driver in report.score.drivers[:5])
    lines += ["", *_finding_lines(report, d, top)]
    todo = [c for c in report.checklist if not c.done][:3]
    if todo:
        lines += ["", say(msg("summary.todo"))]
        lines.extend(f"  [ ] {c.title} ({c.platform})" for c in todo)
    if d.revealed is not None:
        lines += ["", say(msg("summary.masked"))]
    out.write("\n".join(safe_text(line) for line in lines) + "\n")


def _input_lines(inp: InputSummary, d: Disclosure) -> Iterator[str]:
    state = msg("summary.items", count=inp.items) if inp.readable else msg("summary.not_read", why=inp.message)
    yield f"  {d.plain(inp.path)}: {inp.platform.label}, {d.plain(inp.format)}, {d.text(state)}"
    if inp.readable and inp.message:  # a note, or why an export gave nothing to read
        yield f"    {d.text(inp.message)}"
    for s in inp.skipped[:MAX_SKIPPED]:
        yield "    " + d.text(msg("summary.skipped", file=s.file or say(msg("summary.part")), reason=s.reason))
    if len(inp.skipped) > MAX_SKIPPED:
        yield "    " + say(msg("summary.more_skipped", count=len(inp.skipped) - MAX_SKIPPED))


def _finding_lines(report: Report, d: Disclosure, top: int) -> Iterator[str]:
    counts = Counter(f.category for f in report.findings).most_common()
    kinds = ", ".join(f"{n} {c.label.lower()}" for c, n in counts)
    yield say(msg("summary.findings", count=len(report.findings), kinds=f": {kinds}" if kinds else ""))
    for f in report.findings[:top]:
        more = " " + say(msg("summary.more_sources", count=len(f.related))) if f.related else ""
        yield f"  [{f.severity.value:<6}] {d.title(f)} ({d.where(f)}){more}"
        evidence = d.evidence(f)
        if evidence:
            yield f"           {_cut(evidence)}"
    if len(report.findings) > top:
        yield "  " + say(msg("summary.more_findings", count=len(report.findings) - top))


def _cut(text: str) -> str:
    """The evidence cut to one line (after masking, so a cut never uncovers anything)."""
    return text if len(text) <= EVIDENCE_WIDTH else text[:EVIDENCE_WIDTH - 1] + "…"
