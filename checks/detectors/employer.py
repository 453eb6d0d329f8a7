"""Employer disclosure: says the person works for the police, a force, prisons, courts, probation or the CPS.

Finds: any text of the person's that ties a police or justice job to them, decided by the rules
and the text model together (`resources/rules/decisions.toml`): every UK force by full, short
and informal name ("the Met", "Hants Pol", "the polis"), the MoJ, HMPPS, prisons by name and
nickname, courts, probation, the CPS and NCA; ranks, roles, units and staff jobs with no force
named (detention officer, call handler, PCSO, special, usher, legal adviser, probation officer);
jargon told about one's own shifts ("refs at 3am", "B relief", "parade at 6"); collar and warrant
numbers; police and justice e-mail addresses; and any bio or job title that names a force, a
police role or a justice body, whatever else it says.

Why it matters: Scotland Yard's guidance is not to give away the profession online. Knowing that
someone is an officer makes them, their home and their family a target for the people they deal
with, and for anyone trying to pressure or corrupt them.

Example: "Proud to have joined the Metropolitan Police today" -> employer (high), key "employer:met".

Does not flag: other people's jobs ("my dad was a copper"), calling or thanking the police, being
arrested, burgled or on a jury, news about the police, TV, films and games, wishing to join one
day, denials ("I'm not a cop"), firefighters, paramedics, NHS 111 and ambulance call handlers,
nurses, guards and soldiers, idioms ("dance to the beat", "the job centre"), posts in other
languages, and reposts of other people's posts.

The title and reason never name the force, station or number found; the excerpt's mask covers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector
from checks.detectors.common import profile_field, where
from checks.detectors.decide import Verdict
from checks.detectors.signals import Signal, SignalHit
from checks.records import Category, Detection, Item, Message, ProfileField, Severity, msg

# What can be masked as "the employer": the names, numbers and words that give the job away.
NAMED = frozenset({Signal.FORCE, Signal.FORCE_SHORT, Signal.FORCE_ABBR, Signal.JUSTICE_BODY,
                   Signal.POLICE_EMAIL, Signal.POLICE_HANDLE, Signal.COLLAR_NUMBER, Signal.POLICE_HASHTAG})
JOB = frozenset({Signal.POLICE_ROLE, Signal.RANK, Signal.RANK_ABBR, Signal.POLICE_SLANG, Signal.UNIT,
                 Signal.JARGON, Signal.TRAINING, Signal.POLICE_TALK, Signal.POLICE_GENERIC, Signal.PRISON_TALK,
                 Signal.COURT_TALK})
WHY = frozenset({*NAMED, *JOB, Signal.SELF_POLICE, Signal.OWN_POLICE, Signal.WORK_VERB_POLICE, Signal.TENURE_POLICE,
                 Signal.SHIFT_POLICE, Signal.FIRST_PERSON_POLICE, Signal.KIND_BIO, Signal.KIND_JOB_FIELD,
                 Signal.SHIFT, Signal.FIRST_PERSON})
JUSTICE_IDS = frozenset({"moj", "hmpps", "hmcts", "cps", "justice", "probation", "courts", "yjb", "nca"})
REACH = 70  # a named force or number this close to the span is pulled into it (the excerpt shows 60 each side)


class EmployerDisclosure(TextDetector):
    id = "employer_disclosure"
    category = Category.EMPLOYER_DISCLOSURE
    severity = Severity.HIGH
    advice = ()

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        hits = analysis.hits(self.category, *NAMED, *JOB)
        named = [h for h in hits if h.signal in NAMED]
        anchor = named[0] if named else (hits[0] if hits else None)
        if anchor is not None:
            start, end = _widen(anchor, named + _stations(item.text, hits))
        else:
            words = [c for c in analysis.explain(self.category) if c.kind == "word"]
            start, end = (words[0].start, words[0].end) if words else (0, min(len(item.text), 40))
        body, justice = _body(named)
        justice = justice or (body == "" and any(h.signal in (Signal.JUSTICE_BODY, Signal.PRISON_TALK,
                                                                Signal.COURT_TALK) for h in hits))
        key = f"employer:{body}" if body else ("employer:justice" if justice else "employer:police-role")
        who = msg("employer.who.justice") if justice else msg("employer.who.police")
        pf = profile_field(item)
        if pf in (ProfileField.EMPLOYER, ProfileField.JOB_TITLE, ProfileField.BIO):
            title = msg("employer.title.profile", platform=item.platform)
            reason = msg("employer.reason.profile", who=who)
        else:
            title = msg("employer.title.text", where=where(item))
            reason = _reason(anchor, who)
        yield self.emit(item, analysis, verdict, start, end, title=title, reason=reason, key=key, why=WHY)


def _reason(anchor: SignalHit | None, who: Message) -> Message:
    signal = anchor.signal if anchor is not None else None
    if signal is Signal.COLLAR_NUMBER:
        return msg("employer.reason.number", who=who)
    if signal is Signal.POLICE_EMAIL:
        return msg("employer.reason.email", who=who)
    if signal is Signal.POLICE_HASHTAG:
        return msg("employer.reason.hashtag", who=who)
    if signal in (Signal.FORCE, Signal.FORCE_SHORT, Signal.FORCE_ABBR, Signal.JUSTICE_BODY):
        return msg("employer.reason.named", who=who)
    return msg("employer.reason.work", who=who)


def _body(named: list[SignalHit]) -> tuple[str, bool]:
    """The canonical id of the force or justice body named, if any ("met", "hmp-durham"), and
    whether it is a justice body rather than a police force."""
    for h in named:
        if h.entry is not None and h.signal in (Signal.FORCE, Signal.FORCE_SHORT, Signal.FORCE_ABBR,
                                                Signal.JUSTICE_BODY):
            ident = h.entry.value(0)
            return ident, h.signal is Signal.JUSTICE_BODY or ident in JUSTICE_IDS
    return "", False


_PLACE_BEFORE = re.compile(r"(?:[A-Z][\w'\-]*\s+){1,3}$")


def _stations(text: str, hits: list[SignalHit]) -> list[SignalHit]:
    """A station or nick with the place named before it ("Lewisham police station"), as one span."""
    out = []
    for h in hits:
        if h.signal is Signal.UNIT and text[h.start:h.end].lower().endswith(("station", "nick")):
            lead = _PLACE_BEFORE.search(text, max(0, h.start - 40), h.start)
            if lead is not None:
                out.append(SignalHit(Signal.UNIT, lead.start(), h.end))
    return out


def _widen(anchor: SignalHit, named: list[SignalHit]) -> tuple[int, int]:
    """From the first to the last force, station or number within reach of the anchor.

    The excerpt shows 60 characters each side of the span, so every named body within that
    reach is pulled into the span (repeatedly) and none is left readable beside it.
    """
    start, end = anchor.start, anchor.end
    grown = True
    while grown:
        grown = False
        for h in named:
            if h.start < start and h.end >= start - REACH:
                start, grown = h.start, True
            if h.end > end and h.start <= end + REACH:
                end, grown = h.end, True
    return start, end
