"""Conduct risk: posts that could be seen as discreditable, discriminatory, harassing or a business.

Finds: derogatory remarks about the force or its leadership ("the top brass are useless
clowns"); offensive, discriminatory or dehumanising language about groups of people (a curated
lexicon: slurs on their own; dehumanising words such as "vermin", "scum", "a plague" only when
aimed at a group); threats and harassment ("I know where you live", "paying her a visit");
advertising a business ("side hustle", "DM for prices", "taking bookings") which, for officers,
must be registered with the force as a business interest.

The wording of a finding is neutral: it says which standard the text touches (College of
Policing Code of Ethics and Standards of Professional Behaviour: "Discreditable conduct",
"Equality and diversity", "Authority, respect and courtesy", business interests under the Police
Regulations) so the person can decide; it never repeats the offensive word in its title.

Why it matters: officers and staff are held to the Standards on and off duty; private posts and
group chats have ended careers, and screenshots travel.

Example: "Our Chief Constable is an absolute joke" -> conduct risk (high), "Discreditable conduct".

Does not flag: the same words about things rather than people ("vermin control came for the rats",
"a plague on both their houses", "animals at the zoo"); groups mentioned kindly ("refugees welcome
here", "Muslims and Christians came together"); praise of management; buying from a local business.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checks.detectors.base import Detector, snippet
from checks.detectors.common import is_text_item, sentences, where
from checks.detectors.lexicon import Hit, scan
from checks.records import Category, Detection, Item, Severity

HARASS = re.compile(
    r"\bi know where (?:you|she|he|they|that \w+|the \w+|your \w+) (?:lives?|works?)\b(?!\s+is\s+(?:a|the)\b)"
    r"|\bi know your (?:address|home|house)\b"
    r"|\b(?:pay|paying|pop|popping) (?:you|her|him|them|round|over) (?:a )?(?:little )?visit\b"
    r"|\b(?:keep|carry on)\b[^.!?]{0,40}\bsee what happens\b"
    r"|\bwatch your back\b|\byou'?ll regret (?:it|this)\b|\bi'?ll find you\b"
)
_FILM = re.compile(r"\b(?:film|movie|show|series|episode|book|song)\b")
_BUSINESS_MINE = re.compile(r"\bmy (?:[\w\-]+ ){0,3}business\b|\bbusiness (?:now )?open\b")
_KIND_WORDS = re.compile(r"\b(?:welcome|support|love|respect|together|celebrat\w*|solidarity|stand with|"
                         r"volunteer\w*|interfaith|pride)\b")

STANDARDS = {
    "leader": ("Discreditable conduct", "Derogatory remarks about the force or its leadership, posted "
               "where others can see them, can be treated as discreditable conduct."),
    "slur": ("Equality and diversity", "The text uses a word that is widely seen as a slur; offensive or "
             "discriminatory language breaks the Equality and diversity standard on or off duty."),
    "group": ("Equality and diversity", "The text describes a group of people in dehumanising or "
              "derogatory terms; this breaks the Equality and diversity standard and can be "
              "discreditable conduct."),
    "harass": ("Authority, respect and courtesy", "The text reads as a threat or harassment of a person; "
               "it can be a criminal matter and is discreditable conduct."),
    "business": ("Business interests", "The text advertises a business or paid work; police officers must "
                 "register business interests with their force and have them approved."),
}


class ConductRisk(Detector):
    id = "conduct_risk"
    category = Category.CONDUCT_RISK
    severity = Severity.HIGH
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if not is_text_item(item):
            return
        sc = scan(item.text)
        hits = sc.of("conduct")
        if not hits:
            return
        low = sc.lower
        media = sc.of("media")
        found: dict[str, tuple[int, int, float]] = {}
        spans = sentences(low)
        leaders = [h for h in hits if h.entry.value(0) == "leader" and not _in(h, media)]
        derogs = [h for h in hits if h.entry.value(0) == "derog" and not _in(h, media)]
        for a in leaders:
            near = [b for b in derogs if abs(_index(spans, b.start) - _index(spans, a.start)) <= 1]
            if near:
                b = near[0]
                found["leader"] = (min(a.start, b.start), max(a.end, b.end), 0.75)
                break
        for s0, s1 in spans:
            inside = [h for h in hits if s0 <= h.start and h.end <= s1 and not _in(h, media)]
            if not inside:
                continue
            by = _by_kind(inside)
            sentence = low[s0:s1]
            if by.get("slur"):
                h = by["slur"][0]
                found.setdefault("slur", (h.start, h.end, 0.85))
            derog = by.get("derog", [])
            dehuman = by.get("dehuman", [])
            groups = by.get("group", [])
            if groups and (dehuman or derog) and not _KIND_WORDS.search(sentence):
                a = groups[0]
                b = (dehuman or derog)[0]
                found.setdefault("group", (min(a.start, b.start), max(a.end, b.end), 0.8))
            elif len({h.entry.phrase for h in dehuman}) >= 2 and re.search(r"\b(?:these|those|they|them)\b", sentence):
                a, b = dehuman[0], dehuman[-1]
                found.setdefault("group", (min(a.start, b.start), max(a.end, b.end), 0.7))
        m = HARASS.search(low)
        if m and not _FILM.search(low, m.end(), m.end() + 30):
            found.setdefault("harass", (m.start(), m.end(), 0.75))
        business = [h for h in hits if h.entry.value(0) in ("business", "businessweak")]
        strong = [h for h in business if h.entry.value(0) == "business"]
        mine = _BUSINESS_MINE.search(low)
        score = 2 * len({h.entry.phrase for h in strong}) + len({h.entry.phrase for h in business if h not in strong})
        if mine:
            score += 2
        if score >= 3 and business:
            h = (strong or business)[0]
            found.setdefault("business", (h.start, h.end, 0.7 if score < 4 else 0.8))
        for kind, (start, end, confidence) in found.items():
            standard, reason = STANDARDS[kind]
            evidence, span = snippet(item.text, start, end)
            yield self.found(
                item, title=f"{standard}: {where(item)} to review",
                reason=reason + " (College of Policing Code of Ethics, Standards of Professional Behaviour.)",
                evidence=evidence,
                key=f"conduct:{kind}:{item.source.file}:{item.source.pointer}:{item.source.timestamp}",
                confidence=confidence, span=span,
                severity=Severity.MEDIUM if kind == "business" else Severity.HIGH)


def _by_kind(hits: list[Hit]) -> dict[str, list[Hit]]:
    out: dict[str, list[Hit]] = {}
    for h in hits:
        out.setdefault(h.entry.value(0), []).append(h)
    return out


def _index(spans: list[tuple[int, int]], pos: int) -> int:
    return bisect.bisect_right([s1 for _s0, s1 in spans], pos)


def _in(hit: Hit, spans: list[Hit]) -> bool:
    return any(s.start <= hit.start and hit.end <= s.end for s in spans)
