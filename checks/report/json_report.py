"""The JSON report of `../shared/spec/cli-and-report.md` (schema `offduty.report/1`).

Fields of the contract are written exactly as specified; extra fields are added alongside
(`title`, `reason`, `detector`, `occurrences`, score drivers, `score.state`: "incomplete" when an
export gave nothing to read or the audit was stopped). Words are said in the catalogue's
language (`checks.report.words`). Evidence is masked unless `reveal=True`.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from checks.assess.advice import item_link
from checks.records import ChecklistEntry, Finding, InputSummary, Report, iso_utc
from checks.report.masking import mask
from checks.report.words import say

SCHEMA = "offduty.report/1"


def input_to_json(inp: InputSummary) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": inp.path,
        "platform": inp.platform.value,
        "format": inp.format,
        "items": inp.items,
        "skipped": [{"file": s.file, "reason": say(s.reason)} for s in inp.skipped],
        "readable": inp.readable,
    }
    if inp.message:
        out["message"] = say(inp.message)
    return out


def finding_to_json(f: Finding, reveal: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": f.id,
        "category": f.category.value,
        "severity": f.severity.value,
        "confidence": round(f.confidence, 3),
        "title": say(f.title),
        "evidence": f.evidence if reveal else mask(f.evidence, f.span, f.spans),
        "platform": f.platform.value,
        "source": f.source.to_json(),
        "related": [s.to_json() for s in f.related],
        "advice": list(f.advice),
        "detector": f.detector,
        "reason": say(f.reason),
        "occurrences": f.occurrences,
    }
    if f.place is not None:
        out["location"] = f.place.to_json()
    link = item_link(f)
    if link:
        out["item_link"] = link
    return out


def checklist_to_json(c: ChecklistEntry) -> dict[str, Any]:
    return {
        "advice": c.advice,
        "platform": c.platform,
        "title": c.title,
        "why": say(c.why),
        "steps": list(c.steps),
        "findings": list(c.findings),
        "source": c.source,
        "checked": c.checked,
        "done": c.done,
        "already_done": c.already_done,
        "web_steps": list(c.web_steps),
        "choose": c.choose,
    }


def report_to_json(report: Report, reveal: bool = False) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "offduty", "version": report.tool_version},
        "generated_at": iso_utc(report.generated_at),
        "inputs": [input_to_json(i) for i in report.inputs],
        "score": {
            "value": report.score.value,
            "band": report.score.band,
            "state": report.score.state,
            "drivers": [{"text": say(d.text), "points": d.points} for d in report.score.drivers],
        },
        "findings": [finding_to_json(f, reveal) for f in report.findings],
        "checklist": [checklist_to_json(c) for c in report.checklist],
        "cancelled": report.cancelled,
        "evidence": "revealed" if reveal else "masked",
    }


def write_json(report: Report, stream: TextIO, reveal: bool = False) -> None:
    json.dump(report_to_json(report, reveal), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
