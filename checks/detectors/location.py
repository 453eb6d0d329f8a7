"""Routines and places: routines, where the person is right now, an empty house announced, check-ins.

Finds, in text decided by the rules and the text model together: routines given as days and
times ("every Saturday at 9 at Hilly Fields parkrun", "Tues and Thurs 6pm spin"), where the
person is at this moment ("sat in Derriford A&E", "stuck at Crewe station"), time away from home
in any wording ("Meribel for a week from Saturday", "abroad till the 3rd", "house sitter
sorted"), and where they work as a place. Check-ins (items of kind check-in) are one low finding
per place.

Why it matters: a routine tells someone where and when to find you; an announced empty house is
what burglars and anyone with a grudge look for.

Example: "Two weeks in Tenerife from Saturday, house is empty" -> location pattern (medium).

Does not flag: holidays that are over, routines that used to be ("used to swim every Monday"),
idioms ("I'm at a loss"), whole-town check-ins, reposts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector, snippet
from checks.detectors.common import where
from checks.detectors.decide import Verdict
from checks.detectors.home_address import HOME_LABELS
from checks.detectors.signals import Signal, SignalHit
from checks.records import Category, Detection, Item, ItemKind, Place, Severity, msg

_AREA_ONLY = re.compile(r"^[^,]+,\s*(?:England|Scotland|Wales|Northern Ireland|[^,]+),\s*[A-Z]{2}$")


class LocationPattern(TextDetector):
    id = "location_pattern"
    category = Category.LOCATION_PATTERN
    severity = Severity.MEDIUM
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.kind is ItemKind.CHECKIN:
            yield from self._checkin(item)
            return
        yield from super().detect(item)

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        kind, hits = _kind(analysis)
        place = _named_place(item.text)
        spans = [(h.start, h.end) for h in hits]
        if place is not None:
            spans.append(place)
        if spans:
            start, end = min(a for a, _ in spans), max(b for _, b in spans)
        else:
            words = [c for c in analysis.explain(self.category) if c.kind == "word"]
            start, end = (min(c.start for c in words), max(c.end for c in words)) if words else (0, len(item.text))
        evidence, span = snippet(item.text, start, end)
        if kind == "away":
            title, reason = msg("location.title.away", where=where(item)), msg("location.reason.away")
        elif kind == "now":
            title, reason = msg("location.title.now", where=where(item)), msg("location.reason.now")
        else:
            title, reason = msg("location.title.routine", where=where(item)), msg("location.reason.routine")
        yield self.found(
            item, title=title, reason=reason, evidence=evidence,
            key=f"{kind}:{item.source.file}:{item.source.pointer}:{item.source.timestamp}",
            confidence=verdict.confidence, span=span,
            basis=analysis.basis(self.category, span[0] - start, len(evidence), WHY))

    def _checkin(self, item: Item) -> Iterator[Detection]:
        if item.label and item.label.strip().lower() in HOME_LABELS:
            return  # a place labelled home is the home_address detector's
        name = item.text or item.detail("place") or item.detail("name") or ""
        if _AREA_ONLY.match(name):
            return  # "London, England, GB": a whole town, not a place anyone can wait at
        if item.location is not None:
            key = f"checkin:{item.location.lat:.3f},{item.location.lon:.3f}"
            place = Place(item.location.lat, item.location.lon, max(50.0, item.location.accuracy_m or 100.0))
        elif name:
            key = "checkin:" + " ".join(name.lower().split())
            place = None
        else:
            return
        shown = name or f"{item.location.lat:.4f}, {item.location.lon:.4f}" if item.location else name
        evidence, span = snippet(shown, 0, len(shown))
        yield self.found(
            item, title=msg("location.title.checkin", platform=item.platform),
            reason=msg("location.reason.checkin"),
            evidence=evidence, key=key, confidence=0.7, span=span, place=place, severity=Severity.LOW)


AWAY = (Signal.AWAY_FUTURE, Signal.HOUSE_EMPTY, Signal.TIME_AWAY, Signal.AWAY)
NOW = (Signal.RIGHT_NOW, Signal.LIVE_WORD)
ROUTINE = (Signal.ROUTINE_TIME, Signal.ROUTINE_WORD, Signal.ACTIVITY, Signal.DAY_TIME)
WHY = frozenset({*AWAY, *NOW, *ROUTINE, Signal.FUTURE})
_PLACE = re.compile(r"\b(?:at|in|on|outside|near|to|from)\s+(?:the\s+)?((?:[A-Z][\w'&\-]*\s?){1,4})")
_NOT_PLACE = frozenset("I I'm My The A Every Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _kind(analysis: TextAnalysis) -> tuple[str, list[SignalHit]]:
    sig = analysis.signals
    for kind, signals in (("away", AWAY), ("now", NOW), ("routine", ROUTINE)):
        hits = sig.of(*signals)
        if hits:
            return kind, hits
    return "routine", []


def _named_place(text: str) -> tuple[int, int] | None:
    """The first Title-case place after "at", "in", "on"... ("at Hilly Fields"), as a span."""
    for m in _PLACE.finditer(text):
        name = m.group(1).strip()
        if name and name.split()[0] not in _NOT_PLACE:
            return m.start(1), m.start(1) + len(name)
    return None
