"""`offduty advice`: the advice catalogue listed as plain text or JSON, grouped by platform."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import Any, TextIO

from checks.assess.advice import Advice
from checks.report.checklist_model import platform_label


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
        stream.write("No advice matches. Platforms: facebook, instagram, x, linkedin, tiktok, snapchat, strava, "
                     "whatsapp, google, iphone, android, mastodon, bluesky, uk, household, general.\n")
        return
    total = sum(len(v) for v in groups.values())
    stream.write(f"{total} entries in the advice catalogue\n")
    for platform, items in groups.items():
        stream.write(f"\n== {platform_label(platform)} ({len(items)}) ==\n")
        for a in items:
            stream.write(f"\n{a.title}  [{a.id}, {a.kind}]\n")
            stream.write(_wrap(f"Why: {a.why}", "  ") + "\n")
            stream.write(_wrap(f"Choose: {a.choose}", "  ") + "\n")
            for n, step in enumerate(a.steps, 1):
                stream.write(_wrap(f"{n}. {step}", "    ") + "\n")
            if a.web_steps:
                stream.write("  On a computer:\n")
                for n, step in enumerate(a.web_steps, 1):
                    stream.write(_wrap(f"{n}. {step}", "    ") + "\n")
            if a.side_effects:
                stream.write(_wrap(f"Good to know: {a.side_effects}", "  ") + "\n")
            stream.write(_wrap(f"Cannot find it? {a.fallback}", "  ") + "\n")
            src = a.source or "general advice"
            stream.write(f"  Source: {src} (checked {a.checked}, confidence {a.confidence})\n")
