"""Home address: street addresses, full postcodes, places tied to home, home-labelled places.

Finds, in text where the rules and the text model together find a home address: a house number or
name with a street ("14 Larkspur Close", "Flat 2, 88 Kingsley Avenue",
"Rose Cottage, Mill Lane"); a full UK postcode checked against the postcode format rules and the
list of postcode areas ("SE13 7PH", "eh12ng"); a street named next to words that tie it to home
("our house on Sycamore Drive", "outside ours on Marlborough Crescent", "got the keys to ..."); an
outward code after "I live in" ("live in SE13", weaker) or given as where one is ("📍 LE4" or
"| CF14 |" in a bio, "DE21 raised"); the address and postcode fields of a
profile or an autofill record; places a platform labels as home (Google "Home", Snapchat "HOME").

Why it matters: an address is the one thing that takes someone from a grudge online to a front
door. It is the first thing anyone targeting an officer or their family looks for.

Example: "Finally got the keys to 14 Larkspur Close!" -> home address (high), key "14 larkspur close".

Does not flag: well-known addresses that are nobody's home in a post (10 Downing Street, 221B Baker
Street: a famous address is not the person's home); addresses next to words that make them a
business or venue ("the new cafe at 14 High Street", "the venue is 12 Victoria Road") unless the
post also ties them to home; street names in titles ("Coronation Street", "Abbey Road"); numbers
that are not house numbers ("3 goals in the park", "5 miles down the road", "4-2 at the Lane");
motorways and road numbers (M25, A1); strings shaped like postcodes from an area that does not
exist ("PX12 9ZZ").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector, snippet
from checks.detectors.common import profile_field, where
from checks.detectors.decide import Verdict
from checks.detectors.lexicon import Hit, Scan, plain_list, read_list, wordlist_dir
from checks.detectors.signals import Signal, SignalHit
from checks.records import Category, Detection, Item, ItemKind, Message, Place, ProfileField, Severity, msg

HOME_LABELS = frozenset({"home", "type_home", "inferred_home", "house", "my home"})

_STOP = frozenset("""
the a an in on at of to and or but for from by with down up along across into onto past near
goals goal miles mile km k lanes times hours mins minutes days weeks years pints people points
tbsp cups cup eggs is are was were my our your his her their this that it we i you he she they
me us them top best all more less than over under about around behind through between away
every each morning evening night then last next loop round lap laps route runs run walk
""".split())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    entries = read_list(wordlist_dir() / "streets.tsv")
    streets = sorted({e.phrase for e in entries if e.value(0) == "street"}, key=len, reverse=True)
    houses = sorted({e.phrase for e in entries if e.value(0) == "house"}, key=len, reverse=True)
    suffix = "|".join(re.escape(s) for s in streets)
    address = re.compile(
        r"(?<![\w.£$/:\-])"
        r"(?P<flat>(?:flat|apartment|apt|unit)\s*\d{1,4}[a-h]?(?:/\d{1,2})?\s*,?\s*)?"
        r"(?P<num>\d{1,4}[a-h]?)\s*,?\s+"
        r"(?P<name>(?:[a-z][a-z'\-]*\s+){1,3}?)"
        rf"(?P<suffix>{suffix})\b(?!['\-])",
        re.IGNORECASE,
    )
    title_suffix = "|".join(re.escape(s.title()) for s in streets)
    house = "|".join(re.escape(h.title()) for h in houses)
    house_name = re.compile(
        rf"\b(?P<house>[A-Z][a-z]+ (?:{house})),\s+(?P<street>(?:[A-Z][a-z'\-]+\s+){{1,3}}?(?:{title_suffix}))\b"
    )
    street_only = re.compile(
        r"\b(?:on|at|in|to|into)\s+(?:the\s+)?"
        rf"(?P<street>(?:[A-Z][a-z'\-]+\s+){{1,3}}?(?:{title_suffix}))\b(?!['\-])"
    )
    areas = frozenset(plain_list("postcode_areas.txt")[0].phrase.split())
    return address, house_name, street_only, areas


POSTCODE = re.compile(
    r"(?<![\w\-])(?P<area>[a-z]{1,2})(?P<district>\d[a-z\d]?)\s?(?P<sector>\d)(?P<unit>[abd-hjlnp-uw-z]{2})(?![\w\-])",
    re.IGNORECASE,
)
GIRO = re.compile(r"(?<![\w\-])GIR\s?0AA(?![\w\-])", re.IGNORECASE)  # the one postcode outside the rules
# the district inside a "lives in" or "pinned" signal (signals.toml finds where one is given)
DISTRICT_CODE = re.compile(r"(?<![A-Za-z0-9])(?P<code>[A-Z]{1,2}\d[A-Z\d]?)(?![A-Za-z0-9])")


def valid_postcode(area: str, district: str) -> bool:
    """Outward code checks: a real postcode area, and a district of the allowed shapes."""
    area = area.upper()
    district = district.upper()
    if area not in _patterns()[3]:
        return False
    if len(district) == 2 and district[1].isalpha():
        # A letter after the district digit only in central London areas (W1A, EC1A, SW1A, WC2H, E1W, N1C, NW1W)
        return area in {"E", "EC", "N", "NW", "SE", "SW", "W", "WC"}
    return True


def normal_postcode(text: str) -> str | None:
    m = POSTCODE.fullmatch(text.strip())
    if m and valid_postcode(m.group("area"), m.group("district")):
        return (m.group("area") + m.group("district") + m.group("sector") + m.group("unit")).upper()
    if text.strip().upper().replace(" ", "") == "GIR0AA":
        return "GIR0AA"
    return None


def _norm(s: str) -> str:
    return " ".join(s.lower().replace(",", " ").split())


WHY = frozenset({Signal.HOUSE_NUMBER_STREET, Signal.POSTCODE_SHAPE, Signal.HOME_WORD, Signal.HOME_ADDRESS_WORDS,
                 Signal.STREET_WORD, Signal.HOUSE_WORD, Signal.FIRST_PERSON, Signal.POSSESSIVE})


class HomeAddress(TextDetector):
    id = "home_address"
    category = Category.HOME_ADDRESS
    severity = Severity.HIGH
    advice = ()
    own_kinds = frozenset({ItemKind.PROFILE_FIELD})  # an address or postcode field
    reads_labels = True  # a place the platform labelled "Home"

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.label and item.label.strip().lower() in HOME_LABELS:
            yield from self._labelled(item)
        pf = profile_field(item)
        if pf in (ProfileField.ADDRESS, ProfileField.POSTCODE):
            yield from self._field(item, pf)
            return
        yield from super().detect(item)

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        districts = analysis.signals.of(Signal.LIVES_IN_DISTRICT, Signal.DISTRICT_PINNED)
        parts = self._text(item, analysis.signals.scan, districts)
        if not parts:  # decided, but no address shape to key it by (a house name, "round ours on ...")
            words = [c for c in analysis.explain(self.category) if c.kind == "word"]
            start, end = (min(c.start for c in words[:3]), max(c.end for c in words[:3])) if words else \
                (0, len(item.text))
            parts = [(start, end, "home:posts",
                      msg("home.title.text", where=where(item)), msg("home.reason.text"), None)]
        for lo, hi, key, title, reason, severity in _joined(parts):
            yield self.emit(item, analysis, verdict, lo, hi, title=title, reason=reason, key=key, why=WHY,
                            severity=severity)

    # -- places labelled home ---------------------------------------------------------------
    def _labelled(self, item: Item) -> Iterator[Detection]:
        place = None
        if item.location is not None:
            radius = item.location.accuracy_m or 100.0
            place = Place(item.location.lat, item.location.lon, max(25.0, min(radius, 2000.0)))
            key = f"label:{item.location.lat:.3f},{item.location.lon:.3f}"
        else:
            key = "label:" + _norm(item.text or item.label or "home")
        shown = item.text or item.detail("place") or item.detail("name") or item.label or "Home"
        evidence, span = snippet(shown, 0, len(shown))
        yield self.found(
            item, title=msg("home.title.labelled", platform=item.platform),
            reason=msg("home.reason.labelled", platform=item.platform),
            evidence=evidence, key=key, confidence=0.9, span=span, place=place)

    # -- profile fields ------------------------------------------------------------------------
    def _field(self, item: Item, pf: ProfileField) -> Iterator[Detection]:
        text = item.text.strip()
        if not text:
            return
        code = None
        for m in POSTCODE.finditer(text):
            if valid_postcode(m.group("area"), m.group("district")):
                code = normal_postcode(m.group(0))
        if pf is ProfileField.POSTCODE:
            code = normal_postcode(text)
            if code is None:
                return
        evidence, span = snippet(text, 0, len(text))
        if pf is ProfileField.POSTCODE:
            title, reason = msg("home.title.saved_postcode", platform=item.platform), \
                msg("home.reason.saved", platform=item.platform)
        else:
            title, reason = msg("home.title.saved_address", platform=item.platform), \
                msg("home.reason.saved", platform=item.platform)
        yield self.found(
            item, title=title, reason=reason,
            evidence=evidence, key=f"postcode:{code}" if code else "address:" + _norm(text),
            confidence=0.95, span=span)

    # -- free text -----------------------------------------------------------------------------
    @staticmethod
    def _text(item: Item, sc: Scan, districts: list[SignalHit]) -> list[Part]:
        """Every address-shaped part of the text: postcodes, house numbers with streets, house names."""
        address, house_name, street_only, _ = _patterns()
        text = sc.text
        famous = [h for h in sc.of("places") if h.entry.value(0) == "famous"]
        taken: list[tuple[int, int]] = []
        parts: list[Part] = []

        def add(start: int, end: int, key: str, title: Message, reason: Message,
                severity: Severity | None = None) -> None:
            if any(k == key for _a, _b, k, *_ in parts) or any(a < end and start < b for a, b in taken):
                return
            if _inside(start, end, famous):
                return
            taken.append((start, end))
            parts.append((start, end, key, title, reason, severity))

        if sc.has_digit:
            for m in GIRO.finditer(text):
                add(m.start(), m.end(), "postcode:GIR0AA", msg("home.title.postcode", where=where(item)),
                    msg("home.reason.postcode"))
            for m in POSTCODE.finditer(text):
                if valid_postcode(m.group("area"), m.group("district")):
                    code = (m.group("area") + m.group("district") + m.group("sector") + m.group("unit")).upper()
                    add(m.start(), m.end(), f"postcode:{code}", msg("home.title.postcode", where=where(item)),
                        msg("home.reason.postcode"))
            for m in address.finditer(text):
                words = m.group("name").split()
                if not words or any(w.lower() in _STOP for w in words if w != "The"):
                    continue
                if words[0].lower() == "the" and not words[0][0].isupper():
                    continue
                key = "address:" + _norm(
                    f"{m.group('flat') or ''} {m.group('num')} {m.group('name')} {m.group('suffix')}")
                add(m.start(), m.end(), key, msg("home.title.street", where=where(item)), msg("home.reason.street"))
        for m in house_name.finditer(text):
            add(m.start(), m.end(), "address:" + _norm(m.group(0)), msg("home.title.house", where=where(item)),
                msg("home.reason.house"))
        for m in street_only.finditer(text) if not parts else ():  # a street alone only when nothing fuller
            add(m.start("street"), m.end("street"), "street:" + _norm(m.group("street")),
                msg("home.title.street_only", where=where(item)), msg("home.reason.street_only"))
        for h in districts:
            found = DISTRICT_CODE.search(text, h.start, h.end)
            if found is None:
                continue
            code = found.group("code")
            area = re.sub(r"\d.*", "", code)
            if valid_postcode(area, code[len(area):]):
                add(found.start(), found.end(), f"district:{code.upper()}",
                    msg("home.title.district", where=where(item)), msg("home.reason.district"), Severity.MEDIUM)
        return parts


Part = tuple[int, int, str, Message, Message, Severity | None]


def _joined(parts: list[Part]) -> list[Part]:
    """Each part's span grown over its neighbours: "9 Meadow Lane, SE22 8TL" is one address, so each
    finding masks both (they stay separate findings, with their own keys)."""
    out = []
    for start, end, key, title, reason, severity in parts:
        lo, hi = start, end
        grown = True
        while grown:
            grown = False
            for a, b, *_ in parts:
                if a < lo and b >= lo - 12:
                    lo, grown = a, True
                if b > hi and a <= hi + 12:
                    hi, grown = b, True
        out.append((lo, hi, key, title, reason, severity))
    return out


def _inside(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)
