"""Routines and places: routines, where the person is right now, an empty house announced.

Finds, in text decided by the rules and the text model together: routines given as days and
times ("every Saturday at 9 at Hilly Fields parkrun", "Tues and Thurs 6pm spin"), where the
person is at this moment ("sat in Derriford A&E", "stuck at Crewe station"), time away from home
in any wording ("Meribel for a week from Saturday", "abroad till the 3rd", "house sitter
sorted"), and where they work as a place. Check-ins are the places analyzer's (a handful of
findings per platform, checks/places/checkins.py).

Why it matters: a routine tells someone where and when to find you; an announced empty house is
what burglars and anyone with a grudge look for.

Example: "Two weeks in Tenerife from Saturday, house is empty" -> location pattern (medium).

Does not flag: holidays that are over, routines that used to be ("used to swim every Monday"),
idioms ("I'm at a loss"), check-ins, reposts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector
from checks.detectors.common import where
from checks.detectors.decide import Verdict
from checks.detectors.signals import Signal, SignalHit
from checks.records import Category, Detection, Item, ItemKind, Severity, msg


class LocationPattern(TextDetector):
    id = "location_pattern"
    category = Category.LOCATION_PATTERN
    severity = Severity.MEDIUM
    advice = ()
    own_kinds = frozenset({ItemKind.CHECKIN})  # left to the places analyzer

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.kind is ItemKind.CHECKIN:
            return  # check-ins and visits are the places analyzer's (checks/places/checkins.py)
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
        if kind == "away":
            title, reason = msg("location.title.away", where=where(item)), msg("location.reason.away")
        elif kind == "now":
            title, reason = msg("location.title.now", where=where(item)), msg("location.reason.now")
        else:
            title, reason = msg("location.title.routine", where=where(item)), msg("location.reason.routine")
        yield self.emit(item, analysis, verdict, start, end, title=title, reason=reason, why=WHY,
                        key=f"{kind}:posts")


AWAY = (Signal.AWAY_FUTURE, Signal.HOUSE_EMPTY, Signal.TIME_AWAY, Signal.AWAY)
NOW = (Signal.RIGHT_NOW, Signal.LIVE_WORD)
ROUTINE = (Signal.ROUTINE_TIME, Signal.ROUTINE_WORD, Signal.ACTIVITY, Signal.DAY_TIME)
WHY = frozenset({*AWAY, *NOW, *ROUTINE, Signal.FUTURE})
_PLACE = re.compile(r"\b(?:at|in|on|outside|near|to|from)\s+(?:the\s+)?((?:[A-Z][\w'&\-]*\s?){1,4})")
_NOT_PLACE = frozenset("I I'm My The A Every Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _kind(analysis: TextAnalysis) -> tuple[str, list[SignalHit]]:
    for kind, signals in (("away", AWAY), ("now", NOW), ("routine", ROUTINE)):
        hits = analysis.hits(Category.LOCATION_PATTERN, *signals)
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
