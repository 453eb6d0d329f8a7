"""Official information: operations, raids, warrants, custody, suspects, victims, references, deployments.

Finds: operational or case detail told as the person's own work, decided by the rules and the
text model together: named operations, doors and warrants, cordons and scenes, interviews and
cells, charges and sentences of "our" cases, MAPPA, tags and breaches, intelligence, briefings and
deployments, crime, incident, CAD and URN references with their numbers (always), whether or not
a police word is in the post ("three in the cells and the suspect still outstanding").

Why it matters: posting about live operations, suspects, victims or deployments breaks the
Standards of Professional Behaviour (Confidentiality), can compromise investigations and
prosecutions, and tells criminals what the police know and where they will be.

Example: "Warrant executed at a flat in Peckham this morning, two in custody" -> official (high).

Does not flag: operations in the news or history, medical operations, gaming raids, custody
battles over children, a neighbour's post about a raid on their street, and reposts.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector
from checks.detectors.common import where
from checks.detectors.decide import Verdict
from checks.detectors.signals import Signal
from checks.records import Category, Detection, Item, Severity, msg

SPANS = (Signal.REFERENCE_NUMBER, Signal.OPERATION_NAME, Signal.OP_STRONG, Signal.OP_SECRET, Signal.OPERATIONAL,
         Signal.PRISON_TALK, Signal.COURT_TALK)
WHY = frozenset({*SPANS, Signal.FIRST_PERSON_POLICE, Signal.SHIFT_POLICE, Signal.FIRST_PERSON, Signal.SHIFT})


class OfficialInformation(TextDetector):
    id = "official_information"
    category = Category.OFFICIAL_INFORMATION
    severity = Severity.HIGH
    advice = ()

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        hits = analysis.hits(self.category, *SPANS)
        order = {s: i for i, s in enumerate(SPANS)}
        hits.sort(key=lambda h: (order[h.signal], h.start))
        if hits:
            first = hits[0]
            start, end = first.start, first.end
            for h in hits:  # mask every reference number and operation name in the post
                if h.signal in (Signal.REFERENCE_NUMBER, Signal.OPERATION_NAME):
                    start, end = min(start, h.start), max(end, h.end)
        else:
            words = [c for c in analysis.explain(self.category) if c.kind == "word"]
            start, end = (min(c.start for c in words), max(c.end for c in words)) if words else (0, len(item.text))
        operation = next((h for h in hits if h.signal is Signal.OPERATION_NAME), None)
        key = ("official:op:" + " ".join(item.text[operation.start:operation.end].lower().split()[1:])
               if operation is not None else
               "official:posts")
        if hits and hits[0].signal is Signal.REFERENCE_NUMBER:
            reason = msg("official.reason.reference")
        elif operation is not None:
            reason = msg("official.reason.operation")
        else:
            reason = msg("official.reason.work")
        yield self.emit(item, analysis, verdict, start, end, title=msg("official.title", where=where(item)),
                        reason=reason, key=key, why=WHY)
