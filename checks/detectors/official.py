"""Official information: operations, raids, warrants, custody, suspects, victims, references, deployments.

Finds: named operations ("Op Trident", "Operation Nightjar") when the text talks about them as
work; raids, warrants executed, scene guards, custody and cells, suspects and victims, briefings,
deployments and mutual aid; crime, incident, CAD and log reference numbers; "can't say more".
One police word is not enough (a "briefing" or a "suspect" appears in ordinary life): it takes a
strong phrase ("door went in", "warrant executed", "scene guard", a crime reference with its
number), or two operational words together ("briefing ... drugs raid"), or an operation's name
with work talk around it.

Why it matters: posting about live operations, suspects, victims or deployments breaks the
Standards of Professional Behaviour (Confidentiality), can compromise investigations and
prosecutions, and tells criminals what the police know and where they will be.

Example: "Warrant executed at a flat in Peckham this morning, two in custody" -> official (high).

Does not flag: operations in the news or history ("Operation Yewtree was all over the news");
medical operations; gaming raids ("raid boss", "guild raid night"); custody battles; warrant
officers; charity operations ("Operation Christmas Child"); a witness's post about something the
police did ("police raided a house on my street").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.base import Detector, snippet
from checks.detectors.common import is_text_item, where
from checks.detectors.lexicon import Hit, scan
from checks.records import Category, Detection, Item, Severity

OPERATION = re.compile(r"\b(?:Op|OP|Operation|operation)\.?\s+([A-Z][a-z]+)\b")
REFERENCE = re.compile(
    r"\b(?:crime\s+ref(?:erence)?(?:\s+number)?|incident\s+(?:number|no\.?|ref)|CAD|cad\s+(?:number|ref)|log\s+(?:number|no\.?)|"
    r"CRN|URN)\s*(?:is\s+|:\s*|#\s*)?([A-Z0-9][A-Z0-9/\-]{2,})",
    re.IGNORECASE)
_WING = re.compile(r"\b[A-H]\s?wing\b")


class OfficialInformation(Detector):
    id = "official_information"
    category = Category.OFFICIAL_INFORMATION
    severity = Severity.HIGH
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if not is_text_item(item):
            return
        sc = scan(item.text)
        hits = sc.of("official")
        if not hits and not (sc.has_digit and REFERENCE.search(sc.text)):
            return
        text, low = sc.text, sc.lower
        news = [h for h in hits if h.entry.value(0) == "news"]
        nots = [h for h in hits if h.entry.value(0) == "not"]
        ops = [h for h in hits if h.entry.value(0) in ("op", "strong", "secret") and not _covered(h, nots)]
        ops = _outermost(ops)
        strong = [h for h in ops if h.entry.value(0) == "strong"]
        secret = [h for h in ops if h.entry.value(0) == "secret"]
        names = [m for m in OPERATION.finditer(text)
                 if not any(n.start <= m.start() < n.end for n in nots)]
        refs = list(REFERENCE.finditer(text)) if sc.has_digit else []
        refs = [m for m in refs if any(c.isdigit() for c in m.group(1))]
        wings = list(_WING.finditer(text))
        first_person = re.search(r"\b(?:i|i'm|i've|me|my|we|we're|we've|our|us|the team)\b", low) is not None
        kinds = {h.entry.phrase for h in ops if h.entry.value(0) == "op" and h.entry.phrase not in ("operation", "op")}
        kinds.update(w.group(0) for w in wings)
        evidence_at: tuple[int, int] | None = None
        confidence = 0.0
        why = ""
        if refs:
            m = refs[0]
            evidence_at, confidence, why = (m.start(1), m.end(1)), 0.9, "gives a crime or incident reference number"
        elif strong and not news:
            h = strong[0]
            evidence_at, confidence, why = (h.start, h.end), 0.85, "describes police work in detail"
        elif names and (kinds or secret or first_person) and not news:
            m = names[0]
            evidence_at, confidence, why = (m.start(), m.end()), 0.8, "names an operation and talks about it as work"
        elif len(kinds) >= 2 and not news and not re.search(r"\bpolice (?:raided|arrested|say|said)\b", low):
            first = min((h for h in ops if h.entry.value(0) == "op"), key=lambda h: h.start, default=None)
            if first is not None:
                evidence_at, confidence, why = (first.start, first.end), 0.7, \
                    "talks about operational police work"
        if evidence_at is None:
            return
        if secret and confidence < 0.85:
            confidence += 0.1
        evidence, span = snippet(item.text, *evidence_at)
        key = "official:" + (names[0].group(1).lower() if names else
                             f"{item.source.file}:{item.source.pointer}:{item.source.timestamp}")
        yield self.found(
            item, title=f"Operational details in {where(item)}",
            reason=f"The text {why}. Posting about operations, suspects, victims or deployments can break "
                   "the Confidentiality standard and put investigations and colleagues at risk.",
            evidence=evidence, key=key, confidence=confidence, span=span)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside longer hits ("custody" inside "in custody"), in one sorted sweep."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if out and h.end <= out[-1].end:
            continue
        out.append(h)
    return out


def _covered(hit: Hit, others: list[Hit]) -> bool:
    return any(o.start <= hit.start and hit.end <= o.end for o in others)
