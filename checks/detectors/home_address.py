"""Home address: street addresses, full postcodes, places tied to home, home-labelled places.

Finds: a house number or name with a street ("14 Larkspur Close", "Flat 2, 88 Kingsley Avenue",
"Rose Cottage, Mill Lane"); a full UK postcode checked against the postcode format rules and the
list of postcode areas ("SE13 7PH", "eh12ng"); a street named next to words that tie it to home
("our house on Sycamore Drive", "outside ours on Marlborough Crescent", "got the keys to ..."); an
outward code after "I live in" ("live in SE13", weaker); the address and postcode fields of a
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

from checks.detectors.base import Detector, snippet
from checks.detectors.common import is_text_item, profile_field, sentence_bounds, where
from checks.detectors.lexicon import Hit, Scan, plain_list, read_list, scan, wordlist_dir
from checks.records import Category, Detection, Item, Place, ProfileField, Severity

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
OUTWARD = re.compile(r"\b(?:live in|living in|moved to|moving to|live near)\s+(?P<code>[A-Z]{1,2}\d[A-Z\d]?)\b")


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


class HomeAddress(Detector):
    id = "home_address"
    category = Category.HOME_ADDRESS
    severity = Severity.HIGH
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.label and item.label.strip().lower() in HOME_LABELS:
            yield from self._labelled(item)
        pf = profile_field(item)
        if pf in (ProfileField.ADDRESS, ProfileField.POSTCODE):
            yield from self._field(item, pf)
            return
        if not is_text_item(item):
            return
        sc = scan(item.text)
        if not sc.has_digit and not any(h.entry.value(1) == "strong" for h in sc.of("places")) \
                and not any(h.entry.value(0) == "house" for h in sc.of("streets")):
            return
        yield from self._text(item, sc)

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
            item, title=f"A place {item.platform.label} labels as your home",
            reason=f"{item.platform.label} has saved a place labelled as your home; anyone who sees "
                   "this account's data or location features can learn where you live.",
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
        what = "postcode" if pf is ProfileField.POSTCODE else "address"
        yield self.found(
            item, title=f"Your {what} is saved in your {item.platform.label} account",
            reason=f"Your {item.platform.label} account holds a home {what}; if the profile or a linked "
                   "service shows it, or the account is taken over, it leads to your door.",
            evidence=evidence, key=f"postcode:{code}" if code else "address:" + _norm(text),
            confidence=0.95, span=span)

    # -- free text -----------------------------------------------------------------------------
    def _text(self, item: Item, sc: Scan) -> Iterator[Detection]:
        address, house_name, street_only, _ = _patterns()
        text = sc.text
        places = sc.of("places")
        famous = [h for h in places if h.entry.value(0) == "famous"]
        seen: set[str] = set()
        taken: list[tuple[int, int]] = []
        pending: list[tuple[int, int, str, float, str, str, Severity | None]] = []

        def home_context(start: int, end: int) -> tuple[bool, bool, bool]:
            s0, s1 = sentence_bounds(text, start)
            near = [h for h in places if h.start >= s0 - 1 and h.end <= s1 + 1 and not (start <= h.start < end)]
            strong = any(h.entry.value(0) == "home" and h.entry.value(1) == "strong" for h in near)
            weak = any(h.entry.value(0) == "home" for h in near)
            venue = any(h.entry.value(0) == "venue" for h in near)
            return strong, weak, venue

        def emit(start: int, end: int, key: str, confidence: float, title: str, reason: str,
                 severity: Severity | None = None) -> Detection | None:
            if key in seen or any(a < end and start < b for a, b in taken):
                return None
            seen.add(key)
            taken.append((start, end))
            pending.append((start, end, key, confidence, title, reason, severity))
            return None  # emitted at the end, once every part of the address is known

        if sc.has_digit:
            for m in GIRO.finditer(text):
                det = emit(m.start(), m.end(), "postcode:GIR0AA", 0.8, f"Full postcode in {where(item)}",
                           "A full postcode narrows a home down to a handful of houses.")
                if det:
                    yield det
            for m in POSTCODE.finditer(text):
                if not valid_postcode(m.group("area"), m.group("district")):
                    continue
                if _inside(m.start(), m.end(), famous):
                    continue
                code = (m.group("area") + m.group("district") + m.group("sector") + m.group("unit")).upper()
                strong, _weak, venue = home_context(m.start(), m.end())
                if venue and not strong:
                    continue
                det = emit(m.start(), m.end(), f"postcode:{code}", 0.95 if strong else 0.85,
                           f"Full postcode in {where(item)}",
                           "A full postcode narrows a home down to a handful of houses.")
                if det:
                    yield det
            for m in address.finditer(text):
                words = m.group("name").split()
                if not words or any(w.lower() in _STOP for w in words if w != "The"):
                    continue
                if words[0].lower() == "the" and not words[0][0].isupper():
                    continue
                start, end = m.start(), m.end()
                if _inside(start, end, famous):
                    continue
                strong, weak, venue = home_context(start, end)
                if venue and not strong:
                    continue
                titled = all(w[0].isupper() for w in words)
                confidence = 0.92 if strong else (0.8 if weak or titled else 0.6)
                key = "address:" + _norm(
                    f"{m.group('flat') or ''} {m.group('num')} {m.group('name')} {m.group('suffix')}")
                det = emit(start, end, key, confidence, f"Street address in {where(item)}",
                           "A house number and street can lead someone to your door."
                           + (" The post ties it to your home." if strong else ""))
                if det:
                    yield det
        for m in house_name.finditer(text):
            strong, _weak, venue = home_context(m.start(), m.end())
            if venue and not strong:
                continue
            det = emit(m.start(), m.end(), "address:" + _norm(m.group(0)), 0.85 if strong else 0.7,
                       f"House name and street in {where(item)}",
                       "A house name with its street is as good as a full address.")
            if det:
                yield det
        anywhere_home = any(h.entry.value(0) == "home" and h.entry.value(1) == "strong" for h in places)
        for m in street_only.finditer(text) if anywhere_home else ():
            strong, _weak, venue = home_context(m.start("street"), m.end("street"))
            if venue and not strong:
                continue
            if _inside(m.start("street"), m.end("street"), famous):
                continue
            det = emit(m.start("street"), m.end("street"), "street:" + _norm(m.group("street")), 0.8,
                       f"Your street named in {where(item)}",
                       "The post ties a named street to your home; with a photo of the front door or "
                       "a house number elsewhere it gives your address.")
            if det:
                yield det
        for m in OUTWARD.finditer(text):
            code = m.group("code")
            if not valid_postcode(re.sub(r"\d.*", "", code), code[len(re.sub(r"\d.*", "", code)):]):
                continue
            det = emit(m.start("code"), m.end("code"), f"district:{code.upper()}", 0.5,
                       f"Your postcode district in {where(item)}",
                       "The first half of a postcode says which few streets you live among.",
                       severity=Severity.MEDIUM)
            if det:
                yield det
        for start, end, key, confidence, title, reason, severity in pending:
            # "9 Meadow Lane, SE22 8TL": the street and the postcode are one address, so each
            # finding masks both (they also stay separate findings, with their own keys)
            lo, hi = start, end
            grown = True
            while grown:
                grown = False
                for a, b, *_ in pending:
                    if a < lo and b >= lo - 12:
                        lo, grown = a, True
                    if b > hi and a <= hi + 12:
                        hi, grown = b, True
            evidence, span = snippet(item.text, lo, hi)
            yield self.found(item, title=title, reason=reason, evidence=evidence, key=key,
                             confidence=confidence, span=span, severity=severity)


def _inside(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)
