"""The JSON report of `../shared/spec/cli-and-report.md` (schema `offduty.report/1`).

Fields of the contract are written exactly as specified; extra fields are added alongside
(`title`, `reason`, `detector`, `occurrences`, score drivers, `score.state`: "incomplete" when an
export gave nothing to read or the audit was stopped). Words are said in the catalogue's
language (`checks.report.words`). Every text a finding shows comes from the disclosure policy
(`checks.report.disclosure`): evidence masked unless revealed, the town (`location.near`), the
post's address (`source.url`, `item_link`) and other personal links only when revealed, and a
plain `where` ("your X (Twitter) post of 11 Feb 2024") always. The contract's machine fields
(`id`, `source.file`, `source.pointer`, `source.timestamp`, `location` coordinates) are kept as
they are: programs match findings by them. Characters that could drive a terminal (C0 and C1
controls, bidirectional overrides) are written as `\\uXXXX` escapes, so the data is intact and
`--json -` never sends them raw.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from typing import Any, TextIO

from checks.records import ChecklistEntry, Finding, InputSummary, Report, Score, Source, iso_utc
from checks.report.disclosure import Disclosure, disclosure
from checks.report.words import say

SCHEMA = "offduty.report/1"


def input_to_json(inp: InputSummary, d: Disclosure | None = None) -> dict[str, Any]:
    say_ = d.text if d is not None else say
    out: dict[str, Any] = {
        "path": inp.path,
        "platform": inp.platform.value,
        "format": inp.format,
        "items": inp.items,
        "skipped": [{"file": s.file, "reason": say_(s.reason)} for s in inp.skipped],
        "readable": inp.readable,
    }
    if inp.message:
        out["message"] = say_(inp.message)
    return out


def _source(source: Source, shown: bool) -> dict[str, object]:
    out = source.to_json()
    if not shown:
        out.pop("url", None)  # a post's address names the account
    return out


def finding_to_json(f: Finding, reveal: bool = False, d: Disclosure | None = None) -> dict[str, Any]:
    """One finding as the contract writes it (`d`: the report's disclosure; else one for this finding)."""
    if d is None:
        d = disclosure(Report("", _EPOCH, (), (f,), _NO_SCORE, ()), reveal=reveal)
    shown = d.shows(f)
    out: dict[str, Any] = {
        "id": f.id,
        "category": f.category.value,
        "severity": f.severity.value,
        "confidence": round(f.confidence, 3),
        "title": d.title(f),
        "evidence": d.evidence(f),
        "platform": f.platform.value,
        "source": _source(f.source, shown),
        "related": [_source(s, shown) for s in f.related],
        "advice": list(f.advice),
        "detector": f.detector,
        "reason": d.reason(f),
        "occurrences": f.occurrences,
        "where": d.where(f),
    }
    if f.place is not None:
        location = f.place.to_json()
        if not shown:
            location.pop("near", None)  # the town goes with the evidence
        out["location"] = location
    link = d.link(f)
    if link:
        out["item_link"] = link
    return out


def checklist_to_json(c: ChecklistEntry, d: Disclosure | None = None) -> dict[str, Any]:
    return {
        "advice": c.advice,
        "platform": c.platform,
        "title": c.title,
        "why": d.text(c.why) if d is not None else say(c.why),
        "steps": list(c.steps),
        "findings": list(c.findings),
        "source": c.source,
        "checked": c.checked,
        "done": c.done,
        "already_done": c.already_done,
        "web_steps": list(c.web_steps),
        "choose": c.choose,
    }


def report_to_json(report: Report, reveal: bool = False, d: Disclosure | None = None) -> dict[str, Any]:
    """The whole report as the contract's JSON (`d` decides what is shown; else `reveal` does)."""
    d = d or disclosure(report, reveal=reveal)
    state = "revealed" if d.revealed is None else "partly revealed" if d.revealed else "masked"
    return {
        "schema": SCHEMA,
        "tool": {"name": "offduty", "version": report.tool_version},
        "generated_at": iso_utc(report.generated_at),
        "inputs": [input_to_json(i, d) for i in report.inputs],
        "score": {
            "value": report.score.value,
            "band": report.score.band,
            "state": report.score.state,
            "drivers": [{"text": d.text(driver.text), "points": driver.points} for driver in report.score.drivers],
        },
        "findings": [finding_to_json(f, d=d) for f in report.findings],
        "checklist": [checklist_to_json(c, d) for c in report.checklist],
        "cancelled": report.cancelled,
        "evidence": state,
    }


_EPOCH = datetime(1970, 1, 1)
_NO_SCORE = Score(0, "low")


def _escaped(ch: str) -> str:
    if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf"):  # newlines: the layout's own
        return ch
    return json.dumps(ch, ensure_ascii=True)[1:-1]


def _escape_controls(text: str) -> str:
    """JSON text with C1 controls and invisible format characters as \\uXXXX escapes (the same data)."""
    return text if text.isascii() else "".join(map(_escaped, text))


def write_json(report: Report, stream: TextIO, reveal: bool = False, d: Disclosure | None = None) -> None:
    """The report as JSON on `stream` (`d`: what to show; else masked unless `reveal`)."""
    text = json.dumps(report_to_json(report, reveal, d), ensure_ascii=False, indent=2)
    stream.write(_escape_controls(text))
    stream.write("\n")
