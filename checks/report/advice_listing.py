"""`offduty advice`: the advice catalogue listed as plain text or JSON, grouped by platform."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from checks.assess.advice import Advice
from checks.records import msg
from checks.report.checklist_model import platform_label
from checks.report.words import say


def advice_to_json(a: Advice) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id, "platform": a.platform, "kind": a.kind, "title": a.title, "why": a.why,
        "choose": a.choose, "steps": list(a.steps), "web_steps": list(a.web_steps),
        "risks": [r.value for r in a.risks], "side_effects": a.side_effects, "source": a.source,
        "checked": a.checked, "confidence": a.confidence, "fallback": a.fallback,
    }
    if a.setting:
        out["setting"] = a.setting
        out["done_when"] = list(a.done_when)
    return out


def write_advice_json(entries: Iterable[Advice], stream: TextIO) -> None:
    """The entries as a JSON list, in catalogue order."""
    json.dump([advice_to_json(a) for a in entries], stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent + "  ")


def write_advice_text(entries: Iterable[Advice], stream: TextIO) -> None:
    """The entries for reading on a terminal: grouped by platform, each with its steps."""
    groups: dict[str, list[Advice]] = {}
    for a in entries:
        groups.setdefault(a.platform, []).append(a)
    if not groups:
        stream.write(say(msg("listing.none")) + "\n")
        return
    stream.write(say(msg("listing.total", count=sum(len(v) for v in groups.values()))) + "\n")
    for platform, items in groups.items():
        stream.write(f"\n== {platform_label(platform)} ({len(items)}) ==\n")
        for a in items:
            stream.write("".join(_entry_lines(a)))


def _entry_lines(a: Advice) -> Iterator[str]:
    yield f"\n{a.title}  [{a.id}, {a.kind}]\n"
    yield _wrap(say(msg("listing.why", text=a.why)), "  ") + "\n"
    yield _wrap(say(msg("listing.choose", text=a.choose)), "  ") + "\n"
    yield from (_wrap(f"{n}. {step}", "    ") + "\n" for n, step in enumerate(a.steps, 1))
    if a.web_steps:
        yield "  " + say(msg("listing.on_a_computer")) + "\n"
        yield from (_wrap(f"{n}. {step}", "    ") + "\n" for n, step in enumerate(a.web_steps, 1))
    if a.side_effects:
        yield _wrap(say(msg("listing.good_to_know", text=a.side_effects)), "  ") + "\n"
    yield _wrap(say(msg("listing.cannot_find", text=a.fallback)), "  ") + "\n"
    source = a.source or say(msg("listing.general"))
    yield "  " + say(msg("listing.source", source=source, checked=a.checked, confidence=a.confidence)) + "\n"
