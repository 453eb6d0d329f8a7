"""Conduct risk: posts that could be read as discreditable, discriminatory, threatening, or a business.

Finds, decided by the rules and the text model together: contempt for one's own force, its
leaders or Professional Standards, in any words; remarks that run down or dehumanise a group of
people, with or without a slur (stereotypes, "all scum", mocking victims); threats and cheering
violence; and a side business or paid work of any kind (nails, tutoring, DJ sets, personal
training, lettings, an online shop), which officers must register with their force.

The wording is neutral and supportive: a finding is "worth a second look" and says what the post
could be read as and which standard that touches (College of Policing Code of Ethics, Standards of
Professional Behaviour), so the person can decide; it never repeats the words in its title. A
repost of someone else's post is a low note that the person shared it.

Why it matters: officers and staff are held to the Standards on and off duty; private posts and
group chats have ended careers, and screenshots travel.

Example: "Our Chief Constable is an absolute joke" -> conduct (high), "could be read as running
down your force or its leaders".

Does not flag: ordinary grumbles, fair criticism in polite words, kind mentions of groups,
recommending someone else's business, the same words about things rather than people.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector
from checks.detectors.common import where
from checks.detectors.decide import Verdict
from checks.detectors.signals import Signal, SignalHit
from checks.records import Category, Detection, Item, Message, Severity, msg

GROUP = (Signal.SLUR, Signal.GROUP_DEHUMANISED, Signal.GROUP_DEROGATED, Signal.DEHUMANISING, Signal.GROUP,
         Signal.DEHUMANISING_WEAK)
LEADERS = (Signal.LEADERS_DEROGATED, Signal.LEADERSHIP)
THREAT = (Signal.THREAT,)
BUSINESS = (Signal.OWN_BUSINESS, Signal.BUSINESS, Signal.SIDE_JOB, Signal.BUSINESS_WEAK)
BEHAVIOUR = (Signal.DRINK_DRIVING, Signal.DRINK_ON_DUTY, Signal.DRUGS)
PREJUDICE = (Signal.GENERALISING,)
WHY = frozenset({*GROUP, *LEADERS, *THREAT, *BUSINESS, *BEHAVIOUR, *PREJUDICE, Signal.DEROGATORY, Signal.REPOST,
                 Signal.REPOST_TEXT})


class ConductRisk(TextDetector):
    id = "conduct_risk"
    category = Category.CONDUCT_RISK
    severity = Severity.HIGH
    advice = ()

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        kind, hits = _kind(analysis)
        if hits:
            start, end = min(h.start for h in hits), max(h.end for h in hits)
        else:
            words = [c for c in analysis.explain(self.category) if c.kind == "word"]
            start, end = (min(c.start for c in words), max(c.end for c in words)) if words else (0, len(item.text))
        shared = not analysis.present.isdisjoint((Signal.REPOST, Signal.REPOST_TEXT))
        severity = Severity.LOW if shared else (Severity.MEDIUM if kind == "business" else Severity.HIGH)
        title = msg("conduct.title.shared", where=where(item)) if shared else \
            msg("conduct.title.own", where=where(item))
        yield self.emit(item, analysis, verdict, start, end, title=title, reason=_reason(kind), why=WHY,
                        key=f"conduct:{kind}:shared" if shared else f"conduct:{kind}",
                        severity=severity)


def _kind(analysis: TextAnalysis) -> tuple[str, list[SignalHit]]:
    """What the post could be read as, and the words that say so."""
    def of(*signals: Signal) -> list[SignalHit]:
        return analysis.hits(Category.CONDUCT_RISK, *signals)

    for kind, signals in (("group", GROUP), ("leaders", LEADERS), ("threat", THREAT), ("behaviour", BEHAVIOUR),
                          ("prejudice", PREJUDICE), ("business", BUSINESS)):
        hits = of(*signals)
        if hits:
            if kind == "group":  # mask the group and the words about it
                hits += of(Signal.DEROGATORY, Signal.DEHUMANISING, Signal.DEHUMANISING_WEAK, Signal.SLUR)
            if kind == "leaders":
                hits += of(Signal.DEROGATORY)
            return kind, hits
    return "general", of(Signal.DEROGATORY)


_REASONS = {
    "group": msg("conduct.reason.group"), "leaders": msg("conduct.reason.leaders"),
    "threat": msg("conduct.reason.threat"), "business": msg("conduct.reason.business"),
    "behaviour": msg("conduct.reason.behaviour"), "prejudice": msg("conduct.reason.prejudice"),
}


def _reason(kind: str) -> Message:
    return _REASONS.get(kind) or msg("conduct.reason.general")
