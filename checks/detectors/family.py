"""Family details: children's names, ages, schools and clubs; partners and relatives by name.

Finds, in text where the rules and the text model together find family details: a relative named
next to the relation ("my daughter Poppy", "my husband Mark", "Grandma
Pat", "our Alfie"); names with ages ("Lily (6) and Oscar (4)", "Poppy, 9,"); a child's school,
nursery or club ("Maisie's first day at St Saviour's Primary", "picking Jacob up from Oakfield
Academy", "my boy Tyler ... at Lewisham Judo Club"); the family and partner fields of a profile;
photos whose record says a child is in them (tags or people named with a relation).

Why it matters: people who want to hurt or pressure an officer go for the family; a child's name
and school tells a stranger where that child will be at 3 o'clock every weekday.

Example: "Maisie's first day at St Saviour's Primary" -> family details (high), key "child:maisie".

Does not flag: relations without a name ("love my family", "happy birthday to my wonderful
wife"); famous people and characters with family words nearby ("Harry Potter", "Prince George");
schools and children in general ("primary schools need funding"); ages of pets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector, snippet
from checks.detectors.common import NOT_NAMES, profile_field, sentence_bounds, title_word_after, where
from checks.detectors.decide import Verdict
from checks.detectors.lexicon import Hit, Scan, scan
from checks.detectors.signals import Signal
from checks.records import Category, Detection, Item, ItemKind, Message, ProfileField, Severity, msg

_NAME = r"(?<![\w\-])[A-Z][a-z']+(?:-[A-Z][a-z']+)?"
_AGE_BRACKET = re.compile(rf"\b({_NAME})\s*\((\d{{1,2}})\)")
_AGE_COMMA = re.compile(rf"\b({_NAME}),\s*(\d{{1,2}}),")
_AGE_TODAY = re.compile(rf"\b({_NAME})(?:\s+and\s+({_NAME}))?\s+(?:is|are|turns|turned|turning)\s+"
                        r"(\d{1,2})\s+today\b")
_POSSESSIVE_NAME = re.compile(rf"\b({_NAME})'s\s+(?:[\w]+\s+){{0,2}}(?:day|class|nativity|show|play|"
                              r"assembly|sports day|school|recital|match|party|ballet|swimming|football|graduation)\b")
_PICKUP = re.compile(rf"\b(?i:picking(?: up)?|pick(?:ed)?(?: up)?|collecting|dropping(?: off)?|drop(?:ped)?(?: off)?)"
                     rf"\s+({_NAME})\b"
                     rf"|\b(?i:with|walking|walked|taking|took|take)\s+({_NAME})\s+(?i:to|at|from|into)\b")
_PROUD = re.compile(rf"\b(?i:proud of|well done|congrats(?:ulations)? to|good luck)\s+"
                    rf"(?:(?i:my|our|little)\s+)?({_NAME})\b")
_BIRTHDAY_TO = re.compile(rf"\b(?i:happy)\s+(\d{{1,2}})(?:st|nd|rd|th)\s+(?i:birthday)\s+(?i:to)\s+(?i:my|our)\s+"
                          rf"(?:[a-z]+\s+){{0,2}}({_NAME})\b")
_BIRTHDAY_AGE = re.compile(rf"\b({_NAME})'s\s+(\d{{1,2}})(?:st|nd|rd|th)\s+birthday\b")
_OUR_NAME = re.compile(rf"\b(?i:our|my)\s+({_NAME})\b(?=\s+(?!(?:of|and|the|in|on|at|for|to)\b)[a-z]{{2,}})"
                       r"(?=\s+(?:is|was|has|had|passed|got|scored|turned|turns|started|lost|loves|loved|learned|"
                       r"learnt|took|said|asked|drew|made|wants|can|can't|won't|will|starts|starting|goes|joined|joins|"
                       r"won|just|loved|did|came|finished|made)\b)")
_OUR_CAPITAL = re.compile(r"\b(?:[Oo]ur|[Mm]y) [A-Z]")
_YEAR_OLD = re.compile(rf"\b(?:my|our)\s+(\d{{1,2}})[\s\-]year[\s\-]old,?\s+({_NAME})\b")
_RELATION_BEFORE = re.compile(r"\b(?:my|our|his|her)\s+(?:(?:little|big|eldest|youngest|gorgeous|beautiful|amazing|"
                              r"wonderful|lovely|baby|darling|clever|cheeky|proud)\s+){0,2}$")
CHILD_GROUPS = frozenset({"child"})
# Title-case words (and "St", "of", "&") just before a school or club word: the school's own name.
_LEADING_NAME = re.compile(r"(?:(?:[A-Z][\w'\.\-]*|of|the|and|&)\s+)*[A-Z][\w'\.\-]*\s+$")
PHOTO_DETAIL_KEYS = ("tags", "tagged", "people", "person", "faces", "labels", "subjects")


WHY = frozenset({Signal.RELATION_CHILD, Signal.RELATION_FAMILY, Signal.RELATION_PARTNER, Signal.SCHOOL, Signal.CLUB,
                 Signal.CHILD_EVENT, Signal.RELATION_SCHOOL, Signal.AGE_WORDS, Signal.POSSESSIVE})


class FamilyDetails(TextDetector):
    id = "family_details"
    category = Category.FAMILY_DETAILS
    severity = Severity.MEDIUM
    advice = ()
    own_kinds = frozenset({ItemKind.PROFILE_FIELD, ItemKind.PHOTO, ItemKind.VIDEO})  # family fields, tagged photos

    def detect(self, item: Item) -> Iterator[Detection]:
        pf = profile_field(item)
        if pf in (ProfileField.FAMILY_MEMBER, ProfileField.PARTNER) and item.text.strip():
            yield self._profile(item, pf)
            return
        if item.kind in (ItemKind.PHOTO, ItemKind.VIDEO):
            yield from self._photo(item)
        yield from super().detect(item)

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        found = list(self._text(item, analysis.signals.scan))
        if not found:  # decided, but no name to key it by: one finding for the post
            hits = analysis.hits(self.category, Signal.RELATION_CHILD, Signal.RELATION_FAMILY,
                                 Signal.RELATION_PARTNER, Signal.SCHOOL, Signal.CLUB)
            words = [c for c in analysis.explain(self.category) if c.kind == "word"]
            spans = [(h.start, h.end) for h in hits] + [(c.start, c.end) for c in words[:2]]
            start, end = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (0, len(item.text))
            child = any(h.signal in (Signal.RELATION_CHILD, Signal.SCHOOL) for h in hits)
            found = [(start, end, "posts",
                      msg("family.reason.named"), child)]
        for start, end, name, reason, child in found:
            key = f"{'child' if child else 'relative'}:{name.lower()}"
            title = msg("family.title.child", where=where(item)) if child else \
                msg("family.title.relative", where=where(item))
            yield self.emit(item, analysis, verdict, start, end, title=title, reason=reason, key=key, why=WHY,
                            severity=Severity.HIGH if child else Severity.MEDIUM)

    def _profile(self, item: Item, pf: ProfileField) -> Detection:
        text = item.text.strip()
        relation = (item.detail("relation") or ("partner" if pf is ProfileField.PARTNER else "family member")).lower()
        evidence, span = snippet(text, 0, len(text))
        child = relation.lower() in ("son", "daughter", "child", "stepson", "stepdaughter")
        return self.found(
            item, title=msg("family.title.profile", relation=relation, platform=item.platform),
            reason=msg("family.reason.profile", relation=relation),
            evidence=evidence, key=f"relative:{relation.lower()}:{text.lower()}", confidence=0.9, span=span,
            severity=Severity.HIGH if child else Severity.MEDIUM)

    def _photo(self, item: Item) -> Iterator[Detection]:
        for key in PHOTO_DETAIL_KEYS:
            value = item.detail(key)
            if not value:
                continue
            sc = scan(value)
            kids = [h for h in sc.of("relations") if h.entry.value(0) == "child"]
            if kids or re.search(r"\b(?:child|children|kid|kids|baby|toddler|boy|girl)\b", sc.lower):
                evidence, span = snippet(value, 0, len(value))
                yield self.found(
                    item, title=msg("family.title.photo", platform=item.platform),
                    reason=msg("family.reason.photo"),
                    evidence=evidence, key="photo-child:" + (item.media or item.source.file), confidence=0.7,
                    span=span, severity=Severity.HIGH)
                return

    def _text(self, item: Item, sc: Scan) -> Iterator[Named]:
        """Each person named: (start, end, name, reason, is a child), with their school masked too."""
        people = _People(sc)
        yield from _by_relation(people)
        yield from _by_age(people)
        yield from _by_school(people)


Named = tuple[int, int, str, Message, bool]  # start, end, the name, why, is a child


class _People:
    """The people named in one text, each said once, with the school beside them masked too."""

    def __init__(self, sc: Scan) -> None:
        self.sc = sc
        self.text = sc.text
        self.schools = sc.of("schools")
        self.seen: set[str] = set()

    def emit(self, start: int, end: int, name: str, why: Message, child: bool) -> Iterator[Named]:
        key = f"{'child' if child else 'relative'}:{name.lower()}"
        if key in self.seen:
            return
        self.seen.add(key)
        school = _school_span(self.text, start, self.schools)
        if school is not None:  # the school is as sensitive as the name: mask from first to last
            start, end = min(start, school[0]), max(end, school[1])
            why = msg("family.reason.school")
        yield start, end, name, why, child


def _by_relation(people: _People) -> Iterator[Named]:
    """"my daughter Poppy", "Our Lily", "twins Oscar and Ruby"."""
    sc, text = people.sc, people.text
    for r in sc.of("relations"):
        group = r.entry.value(0)
        if group == "other":
            continue
        before = sc.lower[max(0, r.start - 40):r.start]
        sentence_start = sentence_bounds(text, r.start)[0]
        capital = text[r.start].isupper()
        if not (_RELATION_BEFORE.search(before) or (capital and r.start - sentence_start < 25)
                or re.search(r"\b(?:twins|to)\s+$", before)):
            continue
        span = title_word_after(text, r.end)
        if span is None:
            continue
        child = group in CHILD_GROUPS or "girl" in r.entry.phrase or "boy" in r.entry.phrase
        yield from people.emit(r.start, span[1], text[span[0]:span[1]],
                               msg("family.reason.relation", relation=r.entry.phrase), child)


def _young(name: str, age: str) -> bool:
    return name.lower() not in NOT_NAMES and int(age) < 18


def _by_age(people: _People) -> Iterator[Named]:
    """A name with a child's age: "Lily (6)", "Poppy, 9,", "Alfie is 5 today", "happy 7th birthday to Max"."""
    sc, text, low = people.sc, people.text, people.sc.lower
    age = msg("family.reason.age")
    for m in _YEAR_OLD.finditer(text) if "year" in low else ():
        yield from people.emit(m.start(), m.end(), m.group(2), age, True)
    for rx in (_AGE_BRACKET, _AGE_COMMA) if sc.has_digit else ():
        for m in rx.finditer(text):
            if _young(m.group(1), m.group(2)):
                yield from people.emit(m.start(), m.end(), m.group(1), age, True)
    for m in _AGE_TODAY.finditer(text) if "today" in low else ():
        if m.group(1).lower() in NOT_NAMES or re.search(r"[A-Z][a-z]+\s+$", text[max(0, m.start() - 20):m.start()]):
            continue
        yield from people.emit(m.start(), m.end(), m.group(1), age, int(m.group(3)) < 18)
    for m in _OUR_NAME.finditer(text) if ("our " in low or "my " in low) else ():
        if m.group(1).lower() not in NOT_NAMES:
            yield from people.emit(m.start(), m.end(), m.group(1), msg("family.reason.named"), True)
    for m in _BIRTHDAY_TO.finditer(text) if "birthday" in low else ():
        if _young(m.group(2), m.group(1)):
            yield from people.emit(m.start(), m.end(), m.group(2), age, True)
    for m in _BIRTHDAY_AGE.finditer(text) if "birthday" in low else ():
        if _young(m.group(1), m.group(2)):
            yield from people.emit(m.start(), m.end(), m.group(1), age, True)


def _by_school(people: _People) -> Iterator[Named]:
    """A name beside a school or club: "Maisie's first day at St Saviour's", "Josh won at Rovers U10s"."""
    sc, text, schools = people.sc, people.text, people.schools
    if not schools:
        return
    why = msg("family.reason.school")
    for rx in (_POSSESSIVE_NAME, _PICKUP, _PROUD):
        for m in rx.finditer(text):
            name = m.group(1) or m.group(2) if rx is _PICKUP else m.group(1)
            if name.lower() not in NOT_NAMES and _school_span(text, m.start(), schools) is not None:
                yield from people.emit(m.start(), m.end(), name, why, True)
    for h in schools:
        if h.entry.value(0) != "club" or not h.entry.phrase[0].isalpha():
            continue
        s0, s1 = sentence_bounds(text, h.start)
        m2 = re.search(rf"\b({_NAME})\s+(?:got|won|passed|earned|gained|received)\b", text[s0:h.start])
        if m2 and m2.group(1).lower() not in NOT_NAMES and re.search(r"\b(?:proud|my|our)\b", sc.lower[s0:s1]):
            yield from people.emit(s0 + m2.start(), h.end, m2.group(1), why, True)


def _school_span(text: str, pos: int, schools: list[Hit]) -> tuple[int, int] | None:
    """Where the named schools or clubs in the sentence at `pos` are ("St Saviour's Primary"), if any."""
    s0, s1 = sentence_bounds(text, pos)
    named: list[tuple[int, int]] = []
    loose: tuple[int, int] | None = None
    for h in schools:
        if not (s0 <= h.start <= s1 and h.entry.value(0) in ("school", "club")):
            continue
        # a named school: Title-case words before it ("St Saviour's Primary", "Oakfield Academy")
        lead = _LEADING_NAME.search(text, max(s0, h.start - 60), h.start)
        if text[h.start].isupper() or h.entry.value(0) == "club":
            named.append((lead.start() if lead else h.start, h.end))
        elif lead is not None and loose is None:
            loose = (lead.start(), h.end)
    if named:
        return min(a for a, _ in named), max(b for _, b in named)
    return loose
