"""Location pattern (from text): routines, announced absence, live location, frequent check-ins.

Finds: routines - a repeating time with an activity or a named place ("every Saturday at Hilly
Fields parkrun", "gym at 6am every weekday", "school run at 8:30 ... every day"); announced
absence - away from home now or soon ("away for two weeks, house is empty", "off to Tenerife for a
fortnight", "at the airport now"); live location - being somewhere right now ("I'm at the Red Lion
right now", "here now at Greenwich Park", live-location sharing); check-ins (CHECKIN items), one
detection per place so repeated check-ins at the same place merge into one finding with every
visit as a source. Places inferred from coordinates are the places analyzer's job (checks/places).

Why it matters: a routine tells someone where to wait for you and when; an empty house is an
invitation; a live location is where you are before anyone could warn you.

Example: "Every Saturday at Hilly Fields parkrun, come and join me" -> routine (medium).

Does not flag: general remarks ("parkrun is a brilliant idea", "every day is a school day", "every
time I see this"); holidays in the past ("went away to Cornwall last year", "back from holiday");
"right now I'm feeling grateful", "I'm at a loss", "I'm at my wits' end".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.base import Detector, snippet
from checks.detectors.common import is_text_item, where
from checks.detectors.home_address import HOME_LABELS
from checks.detectors.lexicon import Hit, scan
from checks.records import Category, Detection, Item, ItemKind, Place, Severity

_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|morning|evening|night|day|week)"
EVERY = re.compile(rf"\bevery\s+(?:single\s+)?(?:other\s+)?{_DAYS}s?\b(?:\s+and\s+{_DAYS}s?\b)?"
                   rf"|\b(?:each|every)\s+(?:week|morning)\b|\bsame time\b|\bsame (?:place|course|loop)\b"
                   r"|\blike clockwork\b|\bmy usual\b|\bnever miss\b|\bweekly\b"
                   rf"|\b(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b"
                   rf"|\bevery\s+{_DAYS}\s+and\s+{_DAYS}\b|\bevery\s+tuesday and thursday\b")
CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b")
PLACE = re.compile(r"\b(?:at|in|round|around|on|to|along|from)\s+(?:the\s+)?((?:[A-Z][\w']+\s?){1,4})")
ABSENCE = re.compile(
    r"\b(?:away|abroad|off|in [A-Z]\w+|on holiday)\s+(?:for\s+)?(?:a|the|two|three|four|\d+|ten|a couple of)?\s*"
    r"(?:weeks?|fortnight|days|nights|month)\b"
    r"|\bfor\s+(?:a|two|three|\d+|ten)\s+(?:weeks?|fortnight|days)\b"
    r"|\bgoing away\b|\bleaving for (?:our|my|the)\b|\bat the airport\b|\ball of (?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\b|\b(?:two|three|\d+) weeks of sun\b"
    r"|\boff to [A-Z]\w+\b"
    r"|\b(?:two|three|four|\d+|a|ten|a couple of)\s+(?:weeks?|fortnight|days|nights)\s+(?:in|away|abroad|off)\b")
EMPTY = re.compile(r"\b(?:house|home|flat|place)\b[^.!?]{0,30}?\s(?:is|will be|'s|'ll be)\s+empty\b"
                   r"|\b(?:nobody|no one|no-one)(?:'s| is)?\s+(?:home|in)\b|\bempty house\b|\bhouse empty\b")
FUTURE = re.compile(r"\b(?:tomorrow|tonight|next week|from tomorrow|here we come|can't wait|till the|until the|"
                    r"back on the|now|today|this weekend|from (?:monday|tuesday|wednesday|thursday|friday|saturday|"
                    r"sunday)|for (?:two|three|\d+|ten) (?:weeks|days)|for a fortnight|so the house|keep an eye|"
                    r"feed the|water the|we'll be|we will be|i'll be|i will be|we're|i'm)\b|!")
PAST = re.compile(r"\b(?:last year|last summer|went|back from|home again|photos from|was|were|without the|"
                  r"planning|next year|any tips|in 20\d\d|in 19\d\d)\b")
LIVE = re.compile(
    r"\b(?i:i'?m|we'?re|i am|we are)\s+(?:at|in)\s+(?:the\s+)?([A-Z][\w']+(?:\s+[A-Z&][\w']*){0,3})"
    r"[^.!?]{0,30}?\b(?:right now|now)\b"
    r"|\b(?i:here now at)\s+([A-Z][\w']+(?:\s+[A-Z][\w']*){0,3})"
    r"|\b(?i:currently)\s+(?:sat|sitting|at|in)\s+(?:in\s+|at\s+)?([A-Z][\w']+(?:\s+[A-Z][\w']*){0,3})"
    r"|\b(?:sharing|shared|turned on)\s+(?:my|our)\s+(?:live\s+)?location\b"
    r"|\b(?:right now|now)\b[^.!?]{0,20}\b(?:at|in)\s+([A-Z][\w']+(?:\s+[A-Z][\w']*){0,3})")
ACTIVITY = re.compile(r"\b(?:parkrun|gym|spin class|class|swim(?:ming)?|school run|drop the kids|quiz night|quiz|"
                      r"sunday league|run club|loop|football|training|yoga|walk the dog|kick off|pilates|"
                      r"boxing|bootcamp|circuits|five-a-side|5-a-side|match|practice|long run|morning run|"
                      r"evening run|run along|ride|bike ride|cycle)\b")


_AREA_ONLY = re.compile(r"^[^,]+,\s*(?:England|Scotland|Wales|Northern Ireland|[^,]+),\s*[A-Z]{2}$")


_TRIP = re.compile(r"\b(?:tomorrow|next week|from (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                   r"for (?:a|two|three|\d+|ten)\b|"
                   r"holiday|here we come|can't wait|fortnight|weeks?\b|flight|airport|abroad)")


class LocationPattern(Detector):
    id = "location_pattern"
    category = Category.LOCATION_PATTERN
    severity = Severity.MEDIUM
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.kind is ItemKind.CHECKIN:
            yield from self._checkin(item)
            return
        if not is_text_item(item):
            return
        sc = scan(item.text)
        hits = sc.of("location")
        if not hits:
            return
        text, low = sc.text, sc.lower
        kinds = {h.entry.value(0) for h in hits}
        done = False
        if "empty" in kinds or "absent" in kinds:
            det = self._absence(item, text, low, hits)
            if det is not None:
                done = True
                yield det
        if "live" in kinds:
            m = LIVE.search(text) or LIVE.search(low)
            if m and not re.search(r"\b(?:a loss|my wits|feeling|dangerous|be careful)\b", low):
                place = next((g for g in m.groups() if g), "")
                evidence, span = snippet(item.text, m.start(), m.end())
                yield self.found(
                    item, title=f"Where you are right now, in {where(item)}",
                    reason="The text says where you are at this moment; anyone reading it knows where to "
                           "find you, and that you are not at home.",
                    evidence=evidence, key=f"live:{place.strip().lower() or 'location'}:{item.source.pointer}",
                    confidence=0.75, span=span)
                done = True
        if "when" in kinds and not done:
            det = self._routine(item, text, low)
            if det is not None:
                yield det

    def _routine(self, item: Item, text: str, low: str) -> Detection | None:
        m = EVERY.search(low)
        if m is None:
            return None
        act = ACTIVITY.search(low)
        place = None
        for p in PLACE.finditer(text):
            name = p.group(1).strip()
            if name.split()[0].lower() not in ("i", "i'm", "my", "the", "a", "every", "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday", "sunday"):
                place = p
                break
        if not act and not place:
            return None
        if not act and not CLOCK.search(low) and not re.search(rf"\bevery\s+{_DAYS}", low):
            return None
        if act is None and place is None:
            return None
        start = min(m.start(), (act.start() if act else m.start()), (place.start(1) if place else m.start()))
        end = max(m.end(), (act.end() if act else m.end()), (place.end(1) if place else m.end()))
        evidence, span = snippet(item.text, start, end)
        what = act.group(0) if act else "a place"
        key = "routine:" + (place.group(1).strip().lower() if place else what)
        return self.found(
            item, title=f"A routine in {where(item)}",
            reason="The text says you go to the same place or activity at the same time regularly; a routine "
                   "tells someone where and when to find you.",
            evidence=evidence, key=key, confidence=0.75 if place and act else 0.6, span=span)

    def _absence(self, item: Item, text: str, low: str, hits: list[Hit]) -> Detection | None:
        empty = EMPTY.search(low)
        absent = ABSENCE.search(text) or ABSENCE.search(low)
        m = empty or absent
        if m is None:
            return None
        if PAST.search(low) and not empty:
            return None
        if empty and re.search(r"\bwithout (?:the|him|her|them)\b", low):
            return None
        if not empty and not FUTURE.search(low):
            return None
        if not empty and absent is not None and absent.group(0).lower().startswith("off to") \
                and not _TRIP.search(low):
            return None  # "off to Brownies tonight" is an outing, not an empty house
        evidence, span = snippet(item.text, m.start(), m.end())
        return self.found(
            item, title=f"Your home left empty, announced in {where(item)}",
            reason="The text says you are away or about to be; an announced empty house is what burglars "
                   "and anyone with a grudge look for.",
            evidence=evidence, key=f"absence:{item.source.file}:{item.source.pointer}:{item.source.timestamp}",
            confidence=0.85 if empty else 0.7, span=span)

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
            item, title=f"Check-in on {item.platform.label}",
            reason="Check-ins record where you were and when; several at the same place show a routine.",
            evidence=evidence, key=key, confidence=0.7, span=span, place=place, severity=Severity.LOW)
