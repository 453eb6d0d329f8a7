"""Offduty on real exports that people published: what it reads and what it flags, as counts only.

    .venv/bin/python bench/real_exports.py FOLDER [--only ID ...] [--patterns [FILE]] [--json FILE]

FOLDER (kept outside the repository, never committed) holds one sub-folder per export and a
`manifest.json`: {"exports": [{"id", "platform", "layout_year", "path", "records_present",
"records": {kind: n}, ...}]}, where `records_present` is what an independent count found in the
files (posts, comments, visits...). Each export is audited in-process with `checks.audit`, and read
once more to count the items by kind. Standard output gets two Markdown tables of COUNTS ONLY
(never a word or value from an export): how each export was read (format recognised, items read
against records present, skipped files and Offduty's own skip reasons) and what was found
(findings per category and per detector, and how many are employer / official / conduct findings,
which are false alarms for people who are not police).

`--patterns` writes, to a file that must lie outside the repository (default
FOLDER/patterns.md), every matched term per detector before merging (a merged finding shows only
its first evidence) and every finding's title with its evidence, so that a developer can study the
false alarms privately. `--json` writes the counts as JSON (also outside the repository).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks import audit, describe  # noqa: E402
from checks.detectors import DETECTORS  # noqa: E402
from checks.errors import NoReadableInput, UnreadableExport  # noqa: E402
from checks.exports.archive import group_parts, open_export  # noqa: E402
from checks.exports.recognise import recognise  # noqa: E402
from checks.readers import ReadContext, reader_for  # noqa: E402
from checks.records import Category, Detection, Finding, InputSummary, Message, Report  # noqa: E402
from checks.report.words import say  # noqa: E402
from checks.version import __version__  # noqa: E402

FALSE_ALARM_CATEGORIES = (Category.EMPLOYER_DISCLOSURE, Category.OFFICIAL_INFORMATION, Category.CONDUCT_RISK)
SHORT = {
    "home_address": "home", "location_pattern": "pattern", "employer_disclosure": "employer",
    "identity_details": "identity", "family_details": "family", "photo_metadata": "photo",
    "official_information": "official", "conduct_risk": "conduct", "account_exposure": "account",
}


@dataclass
class Outcome:
    """The counts for one export (nothing in here comes from the export's text)."""

    id: str
    platform: str
    layout_year: int | str
    records_present: int
    recognised: bool = False
    format: str = "-"
    offduty_platform: str = "-"
    items: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    skip_reasons: Counter[str] = field(default_factory=Counter)
    findings: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    detectors: Counter[str] = field(default_factory=Counter)
    false_alarms: int = 0
    false_alarm_items: int = 0  # the posts behind them (a finding lists every post of its kind)
    seconds: float = 0.0
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        for key in ("kinds", "skip_reasons", "categories", "detectors"):
            out[key] = dict(sorted(out[key].items()))
        return out


def reason_words(reason: Message | str) -> str:
    """Offduty's words for a skip reason, with any string value (a file or member name) left out."""
    if isinstance(reason, str):
        return reason
    values = tuple((k, v if isinstance(v, int | float | Message) else "…") for k, v in reason.values)
    return say(Message(reason.code, values))


def second_pass(path: Path, detect: bool) -> tuple[Counter[str], list[Detection]]:
    """Read the export once more: count its items by kind (`post`, `checkin`, ...) and, when
    `detect`, keep every per-item detection (before merging) so the patterns file can show each
    matched term, not only the first evidence of a merged finding."""
    kinds: Counter[str] = Counter()
    detections: list[Detection] = []
    detectors = [cls() for cls in DETECTORS] if detect else []
    with open_export(group_parts([path])[0]) as export:
        rec = recognise(export)
        reader_cls = reader_for(rec.format) if rec else None
        if reader_cls is None:
            return kinds, detections
        try:
            for item in reader_cls().read(ReadContext(input_index=0, export=export)):
                kinds[item.kind.value] += 1
                for detector in detectors:
                    detections.extend(detector.detect(item))
        except Exception as exc:  # the audit records the same failure as a skip
            kinds[f"(stopped: {type(exc).__name__})"] += 1
    return kinds, detections


def summarise(outcome: Outcome, report: Report) -> None:
    summary: InputSummary = report.inputs[0]
    outcome.recognised = summary.readable
    outcome.format = summary.format
    outcome.offduty_platform = summary.platform.value
    outcome.items = summary.items
    outcome.skipped = len(summary.skipped)
    outcome.skip_reasons = Counter(reason_words(s.reason) for s in summary.skipped)
    outcome.findings = len(report.findings)
    outcome.categories = Counter(f.category.value for f in report.findings)
    outcome.detectors = Counter(f.detector for f in report.findings)
    outcome.false_alarms = sum(1 for f in report.findings if f.category in FALSE_ALARM_CATEGORIES)
    outcome.false_alarm_items = sum(f.occurrences for f in report.findings if f.category in FALSE_ALARM_CATEGORIES)


@dataclass
class Found:
    """What the patterns file needs of one export (personal data: kept in memory, written outside the repo)."""

    outcome: Outcome
    findings: list[Finding]
    detections: list[Detection]


def run_one(folder: Path, entry: dict[str, Any], kinds: bool, detect: bool) -> Found:
    outcome = Outcome(entry["id"], entry["platform"], entry.get("layout_year", "?"),
                      int(entry.get("records_present", 0)))
    path = folder / entry.get("path", entry["id"])
    began = time.perf_counter()
    findings: list[Finding] = []
    detections: list[Detection] = []
    try:
        report = audit([path])
        summarise(outcome, report)
        findings = list(report.findings)
        if (kinds or detect) and outcome.recognised:
            outcome.kinds, detections = second_pass(path, detect)
    except NoReadableInput as exc:
        outcome.error = "; ".join(reason_words(why) for _path, why in exc.problems)
        planned = describe([path])
        if planned and planned[0].recognition is not None:
            outcome.format = planned[0].recognition.format
            outcome.offduty_platform = planned[0].recognition.platform.value
    except UnreadableExport as exc:
        outcome.error = reason_words(exc.reason)
    except Exception as exc:  # a crash is a result too; its text is not printed
        outcome.error = f"crashed ({type(exc).__name__})"
    outcome.seconds = time.perf_counter() - began
    return Found(outcome, findings, detections)


def cell(counter: Counter[str], short: dict[str, str] | None = None) -> str:
    return ", ".join(f"{(short or {}).get(k, k)} {n}" for k, n in counter.most_common()) or "-"


def reading_table(outcomes: list[Outcome]) -> str:
    rows = ["| id | platform | layout | format recognised | items read | records present | items by kind "
            "| skipped | skip reasons |", "|---|---|---|---|---:|---:|---|---:|---|"]
    for o in outcomes:
        fmt = o.format if o.recognised else f"no ({o.format}{'; ' + o.error if o.error else ''})"
        reasons = "; ".join(f"{r} ×{n}" for r, n in o.skip_reasons.most_common()) or "-"
        rows.append(f"| {o.id} | {o.platform} | {o.layout_year} | {fmt} | {o.items} | {o.records_present} "
                    f"| {cell(o.kinds)} | {o.skipped} | {reasons} |")
    kinds: Counter[str] = Counter()
    for o in outcomes:
        kinds.update(o.kinds)
    recognised = sum(1 for o in outcomes if o.recognised)
    items, present = sum(o.items for o in outcomes), sum(o.records_present for o in outcomes)
    rows.append(f"| **total** | {len(outcomes)} exports | | {recognised} read | {items} | {present} "
                f"| {cell(kinds)} | {sum(o.skipped for o in outcomes)} | |")
    return "\n".join(rows)


def findings_table(outcomes: list[Outcome]) -> str:
    rows = ["| id | findings | per category | per detector | employer/official/conduct (posts) |",
            "|---|---:|---|---|---:|"]
    for o in outcomes:
        rows.append(f"| {o.id} | {o.findings} | {cell(o.categories, SHORT)} | {cell(o.detectors)} "
                    f"| {o.false_alarms} ({o.false_alarm_items}) |")
    total = Outcome("**total**", "", "", 0)
    for o in outcomes:
        total.findings += o.findings
        total.categories.update(o.categories)
        total.detectors.update(o.detectors)
        total.false_alarms += o.false_alarms
        total.false_alarm_items += o.false_alarm_items
    rows.append(f"| **total** | {total.findings} | {cell(total.categories, SHORT)} | {cell(total.detectors)} "
                f"| {total.false_alarms} ({total.false_alarm_items}) |")
    return "\n".join(rows)


def matched(evidence: str, span: tuple[int, int] | None) -> str:
    return evidence[span[0]:span[1]] if span else ""


def patterns_text(found: list[Found]) -> str:
    """Per export: every matched term per detector (before merging), then every finding's title and
    evidence. Personal data: written only outside the repository."""
    lines = ["# Findings on real exports, with their evidence (private: never commit or share)", ""]
    for entry in found:
        outcome, findings = entry.outcome, entry.findings
        if not findings and not entry.detections:
            continue
        lines.append(f"## {outcome.id} ({outcome.platform} {outcome.layout_year}): {len(findings)} findings")
        terms = Counter((d.category.value, d.detector, matched(d.evidence, d.span).lower())
                        for d in entry.detections if d.item_kind.value != "checkin")
        if terms:
            lines.append("")
            lines.append("matched terms before merging (detector: term x count), check-ins left out:")
            lines.extend(f"    {cat} / {det}: {term!r} x{n}" for (cat, det, term), n in terms.most_common())
            lines.append("")
        for f in sorted(findings, key=lambda f: (f.category.value, f.detector)):
            span = f" [match {matched(f.evidence, f.span)!r}]" if f.span else ""
            lines.append(f"- {f.category.value} / {f.detector} / {f.severity.value} / {f.item_kind.value} "
                         f"/ x{f.occurrences}: {say(f.title)} | {f.source.file}{f.source.pointer} "
                         f"| {f.evidence!r}{span}")
        lines.append("")
    return "\n".join(lines)


def outside_repo(path: Path) -> Path:
    resolved = path.expanduser().resolve()
    if resolved == ROOT or ROOT in resolved.parents:
        raise SystemExit(f"refusing to write {path} inside the repository: it would hold personal data")
    return resolved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with manifest.json and one sub-folder per export")
    parser.add_argument("--only", nargs="*", default=[], help="audit only these export ids")
    parser.add_argument("--patterns", nargs="?", const="", default=None, metavar="FILE",
                        help="write titles and evidence of every finding here (default FOLDER/patterns.md)")
    parser.add_argument("--json", type=Path, default=None, help="also write the counts as JSON here")
    parser.add_argument("--no-kinds", action="store_true", help="skip the second pass that counts item kinds")
    args = parser.parse_args(argv)

    logging.disable(logging.CRITICAL)  # reader errors could quote an export; the skips record them
    folder: Path = args.folder
    patterns = outside_repo(Path(args.patterns) if args.patterns else folder / "patterns.md") \
        if args.patterns is not None else None
    json_out = outside_repo(args.json) if args.json is not None else None
    entries = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["exports"]
    if args.only:
        entries = [e for e in entries if e["id"] in set(args.only)]
    found: list[Found] = []
    for entry in entries:
        result = run_one(folder, entry, kinds=not args.no_kinds, detect=patterns is not None)
        outcome = result.outcome
        print(f"{outcome.id}: {outcome.items} items, {outcome.findings} findings, {outcome.seconds:.1f} s",
              file=sys.stderr)
        found.append(result)
    outcomes = [f.outcome for f in found]

    print(f"Offduty {__version__}, {len(outcomes)} exports from {folder.name}/manifest.json\n")
    print("## How each export was read\n")
    print(reading_table(outcomes))
    print("\n## What was found\n")
    print(findings_table(outcomes))
    if patterns is not None:
        patterns.write_text(patterns_text(found), encoding="utf-8")
        print(f"\npatterns written to {patterns}", file=sys.stderr)
    if json_out is not None:
        json_out.write_text(json.dumps([o.to_json() for o in outcomes], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
