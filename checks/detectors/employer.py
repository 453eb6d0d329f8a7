"""Employer disclosure: says the person works for the police, a force, prisons, courts or the MoJ.

Finds: every UK police force by full name, short name, initials and slang (all 43 in England and
Wales, Police Scotland, PSNI, BTP, MDP, CNC, NCA; "the Met", "the Yard", "TVP", "GMP"); the Ministry
of Justice, HMPPS, prisons and young offender institutions (HMP/HMYOI names), HMCTS and courts,
probation, the CPS; ranks and their abbreviations (PC, PCSO, DC, PS/Sgt/skipper, DS, Insp, DI,
Supt, guv); roles and units (response, neighbourhood/SNT, CID, MIT, TSG, custody, traffic/RPU,
firearms/AFO, dog unit, prison officer, "screw"); training (Hendon, passing out, probationer,
warrant card, collar and shoulder numbers, PCDA/DHEP); police hashtags (#policefamily,
#thinblueline, #bluelightfamily, #999family ...); "X nick"; work e-mail domains (police.uk,
justice.gov.uk); the employer, job title and bio fields of a profile; everyday police talk ("refs
at 3am", "B relief", "in the job 12 years", "still a probie", "first week on response", "stab vest
on", "on a constant watch", "section 136 again"); and two police words together in a post about
the writer ("my tutor ... on the van tonight", "briefing at 6 ... first job a burglary").

A force or role named in a post counts only when the post ties it to the person: "I'm a PC",
"joined the Met", "10 years in the Met", "my response team", "nights at Durham Constabulary",
"Officer at HMP Belmarsh", a police hashtag, a collar number.

Why it matters: Scotland Yard's guidance is not to give away the profession online. Knowing that
someone is an officer makes them, their home and their family a target for the people they deal
with, and for anyone trying to pressure or corrupt them.

Example: "Proud to have joined the Metropolitan Police today" -> employer (high), key "employer:met".

Does not flag: TV, films, bands, songs and games (Line of Duty, The Bill, Happy Valley, Police
Academy, The Police and Sting, Sgt Pepper, Police Quest); calling the police ("called the police",
"police were called"); news about the police ("Met Police say ..."); other people's jobs ("my dad
was a copper", "my wife's a PC", "my brother just joined the Met": family, not the person - the
family detector and a welfare conversation deal with those); the everyday words that police slang
borrows ("met a friend", "gaming PC", "PS I love you", "Nintendo DS", "Washington DC", "the skipper
steered the boat", "screw this weather", "Nick and I", "refs at half time", "relief teacher", "job
centre", "first day on the job"); the army's or a club's sergeants; firefighters, paramedics,
security guards and soldiers, whose work shares the words ("probie firefighter").

The title and reason never name the force, station or number found; the excerpt's mask covers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.base import Detector, snippet
from checks.detectors.common import MAX_SENTENCE, is_text_item, profile_field, sentences, where
from checks.detectors.lexicon import Hit, Scan, scan
from checks.records import Category, Detection, Item, ProfileField, Severity

# Before a role: "I'm a", "as a", "I've been a", "been an", "became a" (+ up to two words: "proud serving")
_IDENTITY = re.compile(
    r"\b(?:i'?m|i am|im|i was|i'?ve been|ive been|i have been|i'?ll be|i will be|i became|became|been|being|"
    r"as|now|work as|working as|worked as|job as|to be|life of)\s+"
    r"(?:now\s+|just\s+|still\s+|finally\s+|officially\s+|also\s+)?"
    r"(?:a|an|the)?\s*(?:[\w'\-]+\s+){0,2}$"
)
_IDENTITY_START = re.compile(r"^\s*(?:ex-?|former\s+|retired\s+|proud\s+)(?:[\w'\-]+\s+)?$")
_VERBS = (r"work|works|worked|working|join|joined|joining|serve|served|serving|transferred|transfer|posted|"
          r"promoted|started|start|starting|sworn|attested|passed|passing|graduated|recruiting|retiring|retired|"
          r"stationed|based|volunteering|volunteer|finished|completed|made it|run|employed|trained|cross-trained|"
          r"seconded|accepted|moved|moving")
_SELF_VERB = re.compile(
    rf"\b(?:i|we|i'?ve|we'?ve|i'?m|we'?re|me|i'?ll|myself)\b[^.!?\n]{{0,40}}?\b(?:{_VERBS})\b"
    r"|^\s*(?:just\s+|finally\s+|today\s+i\s+|so\s+|\w+ly\s+)?(?:proud\s+to\s+(?:have\s+)?(?:be\s+)?|"
    r"honoured\s+to\s+(?:have\s+)?|delighted\s+to\s+(?:have\s+)?)?"
    rf"(?:{_VERBS}|back on|out on|back at|proud to be part of|part of)\b"
    r"|\bproud to (?:be|serve)\b"
    r"|\b(?:chuffed|excited|thrilled|proud|delighted|honoured|happy|buzzing|nervous|gutted)\s+to\s+be\s+"
    r"(?:joining|starting|moving|part of|going|back)\b"
    r"|^\s*anyone else (?:at|on|in|doing)\b"
)
_POSSESSIVE = re.compile(r"\b(?:my|our)\s+(?:[\w'\-]+\s+){0,2}$")
_TENURE = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+|thirty)\s+(?:years?|yrs|months?|weeks?|hours?)\s+(?:of\s+)?(?:service\s+)?"
    r"(?:(?:in|with|at|on|as|for|serving|serving with|serving in|service with)\s+)?(?:the\s+|a\s+|an\s+)?$"
)
_SHIFT = re.compile(
    r"\b(?:nights?|night shift|earlies|lates|early turn|late turn|night turn|set of nights|shift|"
    r"rest days|tour|first week|first day|first shift)\s+(?:done\s+|again\s+)?"
    r"(?:(?:at|with|on|in|for)\s+(?:the\s+)?)?$"
)
_VIEWS_OWN = re.compile(r"\b(?:views|tweets|posts|opinions)\s+(?:are\s+)?(?:my|all my)\s+own\b")
_ROLE_IN = re.compile(r"\b(?:my|our|new|a new)\s+(?:new\s+|current\s+|old\s+|first\s+)?(?:role|job|post|posting|"
                      r"secondment|attachment|placement|team)\s+(?:on|in|with|at|to|into)\s+(?:the\s+)?$"
                      r"|\b(?:long|another|busy|quiet|hard|tough|mad|first|last)\s+(?:week|day|shift|night|set|tour)\s+"
                      r"(?:in|on|at|with)\s+(?:the\s+)?$")
_ARRESTS = re.compile(r"\b(?:\d+|two|three|four|five|six) (?:arrests|arrested|in custody|charged)\b|\bmade an arrest\b")
_WORK_TALK = re.compile(r"\b(?:nights again|set of nights|night shift|earlies|lates|early turn|late turn|rest days|"
                        r"on the van|on shift|off shift|end of shift)\b")
_SHIFT_NEAR = re.compile(r"\b(?:night shift|nights|earlies|lates|early turn|late turn|night turn|set of nights|"
                         r"rest days|day shift|late shift|early shift)\b")
_COLLAR = re.compile(r"\b(?:PC|PS|DC|DS|Sgt|PCSO)\s?\d{3,5}\b")
_NICK = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) nick\b|\bthe nick\b")
_EMAIL = re.compile(r"@[\w.\-]*\b(police\.uk|justice\.gov\.uk|hmcts\.gov\.uk|cps\.gov\.uk|hmps\.gsi\.gov\.uk"
                    r"|nca\.gov\.uk)\b",
                    re.IGNORECASE)
# "@metpoliceuk", "@MPSLewisham": a police account named beside the job gives the force away too
_HANDLE = re.compile(r"(?<![\w.])@\w*(?:police|polis|constabulary|MPS|PSNI|BTP|GMP|TVP)\w*", re.IGNORECASE)
_THIRD = re.compile(
    r"\b(?:called|call|calling|ring|rang|phoned|phone|report(?:ed)? (?:it )?to|thanks to|thank you to|"
    r"shout ?out to|visiting|visit)\s+(?:the\s+)?$"
)
_NEWS_AFTER = re.compile(
    r"^\s*(?:police\s+)?(?:say|says|said|have|has|are|is|were|was|appeal|appealed|arrested|confirmed|"
    r"believe|want|investigat\w*|spokes\w*)\b"
)
_WISH = re.compile(r"\b(?:might|maybe|one day|someday|applied|applying|apply|application|would like to|want to|"
                   r"wants to|wanna|hope to|hoping to|when (?:s?he|i) grows? up|thinking about|thinking of|"
                   r"dream of)\b")
_MILITARY = re.compile(r"\b(?:army|navy|raf|marines|military|cadets|scouts|salvation army|regiment|platoon)\b")
_EXCLUDE = re.compile(r"\bcustody (?:battle|arrangements?|of|hearing|case)\b|\b(?:shared|joint) custody\b|"
                      r"\bresponse times?\b|\bwhen it comes to\b")

_THIRD_SUBJECT = re.compile(
    r"^\s*(?:the|a|an|that|this|our local|my local|your|his|her|their)\s+(?:[\w'\-]+\s+)?"
    r"(?:bobby|copper|cop|officer|police officer|pcso|constable|sergeant|inspector|detective|skipper|"
    r"custody sergeant|prison officer|police)\b")
_ROLE_AFTER = re.compile(r"^\s*(?:now\s+)?(?:at|with|for|in|by day|from (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                         r"from next|from tomorrow)\b")
_WE_AT = re.compile(r"\b(?:we'?re|we are|i'?m|i am|we|i)\b[^.!?]{0,30}\b(?:at|with|in|for)\s+(?:the\s+)?$")
_FEELING = re.compile(r"\b(?:angry|furious|fuming|disappointed|complain\w*|annoyed|upset|cross|mad|shout\w*|"
                      r"report\w*|call\w*|ring\w*|contact\w*|letter|email\w*|wrote|write|phoned)\b")
_ALONE_JARGON = frozenset({"the beat", "sudden death", "in the job", "commendation"})
# Work talk spotted by pattern rather than word list: "refs at 3am" (a meal break), "B relief",
# "in the job 12 years" (never "job centre" or "job market")
_OWN_PATTERNS = (
    (re.compile(r"\b[Rr]efs (?:at|till|until|by) \d{1,2}(?::\d\d)?(?:am|pm)?\b|"
                r"\b(?:before|after|no|my|our|missed|get|got|grab) refs\b"), "refs"),
    (re.compile(r"\b[A-F] [Rr]elief\b"), "relief"),
    (re.compile(r"\b(?:[Ii]n|[Jj]oined|[Ll]eft|[Ll]eaving|[Ll]eave) the job\b"
                r"(?! (?:centre|market|hunt|search|ad|offer))"), "in the job"),
)
# Someone else's job: firefighters, paramedics, guards, soldiers share the words of police work
_OTHER_JOBS = re.compile(r"\b(?:firefighters?|fire service|fire station|paramedics?|ambulance|security|helpdesk|"
                         r"bouncers?|soldiers?|teachers?|warehouse|supermarket|care worker|postman|building site|"
                         r"lifeguards?|traffic wardens?|air force|prison break)\b")
# sitting up with a poorly child or pet is a watch too
_CARE = re.compile(r"\b(?:toddler|baby|newborn|poorly|little one|kids?|puppy|dog|cat|nan|grandma|grandad)\b")
# two everyday words ("tutor", "the van") only count together when the post is about a shift
_WORK_TIME = re.compile(r"\b(?:shift|tonight|nights?|all night|on duty|late turn|early turn|night turn|refs)\b"
                        r"|\b(?:till|until|at|by) \d{1,2}(?::?\d\d)?(?:am|pm)?\b")
_WATCHES = frozenset({"constant watch", "hospital watch", "bed watch", "cordon"})
_OTHER_SUBJECT = re.compile(r"\b(?:he|she|they|his|her|their|he's|she's|they're)\b")
# police words that only count in pairs (the role, unit and jargon signals count too)
_PAIRED_KINDS = frozenset({"weak", "own", "role", "rank", "unit", "jargon", "training", "slang", "nick"})
# ... but not the words of a raid, which a neighbour or the news uses as much as an officer
_NOT_PAIRED = frozenset({"warrant", "arrests", "custody", "scene guard", "cordon", "on a cordon"})


class _Signal:
    __slots__ = ("end", "force", "force_name", "kind", "label", "start", "strength")

    def __init__(self, start: int, end: int, kind: str, label: str, force: str = "", force_name: str = "",
                 strength: str = "") -> None:
        self.start, self.end, self.kind, self.label = start, end, kind, label
        self.force, self.force_name, self.strength = force, force_name, strength


def _signals(sc: Scan) -> list[_Signal]:
    media = sc.of("media")
    out: list[_Signal] = []

    def blocked(h: Hit) -> bool:
        return any(m.start <= h.start and h.end <= m.end for m in media)

    for h in sc.of("forces"):
        if blocked(h):
            continue
        out.append(_Signal(h.start, h.end, "force", h.entry.value(1), h.entry.value(0), h.entry.value(1),
                           h.entry.value(2)))
    for h in sc.of("justice"):
        if blocked(h):
            continue
        out.append(_Signal(h.start, h.end, "justice", h.entry.value(1), h.entry.value(0), h.entry.value(1), "full"))
    for h in sc.of("police"):
        if blocked(h):
            continue
        out.append(_Signal(h.start, h.end, h.entry.value(0), h.entry.value(1)))
    for m in _COLLAR.finditer(sc.text):
        out.append(_Signal(m.start(), m.end(), "collar", "collar number"))
    for m in _NICK.finditer(sc.text):
        if m.group(1) and m.group(1).lower() in ("and", "the", "with", "i"):
            continue
        out.append(_Signal(m.start(), m.end(), "nick", "police station"))
    for rx, label in _OWN_PATTERNS:
        for m in rx.finditer(sc.text):
            out.append(_Signal(m.start(), m.end(), "own", label))
    if "@" in sc.text:
        for m in _HANDLE.finditer(sc.text):  # masked with the rest, never a finding on its own
            out.append(_Signal(m.start(), m.end(), "handle", "police account"))
    for m in _EMAIL.finditer(sc.text):
        dom = m.group(1).lower()
        fid = "police" if dom == "police.uk" else dom.split(".")[0]
        out.append(_Signal(m.start(), m.end(), "email", "work e-mail", fid, "a police or justice body", "full"))
    # drop signals inside longer signals ("custody" inside "custody sergeant")
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Signal] = []
    for s in out:
        if kept and s.start >= kept[-1].start and s.end <= kept[-1].end:
            continue
        kept.append(s)
    return kept


class EmployerDisclosure(Detector):
    id = "employer_disclosure"
    category = Category.EMPLOYER_DISCLOSURE
    severity = Severity.HIGH
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if not is_text_item(item):
            return
        sc = scan(item.text)
        if not (sc.any("forces", "justice", "police") or "@" in item.text or "nick" in sc.lower
                or (sc.has_digit and _COLLAR.search(sc.text)) or "refs" in sc.lower or "elief" in sc.lower
                or "the job" in sc.lower):
            return
        sigs = _signals(sc)
        if not sigs:
            return
        pf = profile_field(item)
        if pf in (ProfileField.EMPLOYER, ProfileField.JOB_TITLE):
            best = next((s for s in sigs if s.force), sigs[0])
            yield self._emit(item, best, 0.95, "profile", sigs)
            return
        bio = pf is ProfileField.BIO or _VIEWS_OWN.search(sc.lower) is not None
        relations = sc.of("relations")
        for s0, s1 in sentences(sc.lower):
            inside = [s for s in sigs if s.start >= s0 and s.end <= s1]
            if not inside or _EXCLUDE.search(sc.lower, s0, s1):
                continue
            decided = self._decide(sc, s0, s1, inside, relations, bio)
            if decided is not None:
                sig, confidence = decided
                yield self._emit(item, sig, confidence, "text", sigs)
                return
        paired = self._paired(sc, sigs)
        if paired is not None:
            yield self._emit(item, paired, 0.6, "text", sigs)

    @staticmethod
    def _paired(sc: Scan, sigs: list[_Signal]) -> _Signal | None:
        """Two different police words in a post about the writer: "my tutor ... on the van tonight"."""
        low = sc.lower
        work = [s for s in sigs if s.kind in _PAIRED_KINDS and s.label not in _NOT_PAIRED]
        if len({s.label for s in work}) < 2:
            return None
        if all(s.kind == "weak" for s in work) and not _WORK_TIME.search(low):
            return None
        if sc.of("relations") or sc.of("media") or _WISH.search(low) or _OTHER_JOBS.search(low) \
                or _MILITARY.search(low) or _EXCLUDE.search(low) or _THIRD_SUBJECT.match(low) \
                or any(_THIRD.search(low[max(0, s.start - 40):s.start]) for s in work):
            return None
        first_person = re.search(r"\b(?:i|i'm|im|i've|me|my|we|we're|our|us)\b", low) is not None
        if not first_person and _OTHER_SUBJECT.search(low):
            return None
        return next((s for s in work if s.kind != "weak"), work[0])

    def _decide(self, sc: Scan, s0: int, s1: int, inside: list[_Signal], relations: list[Hit],
                bio: bool) -> tuple[_Signal, float] | None:
        low = sc.lower
        sentence = low[s0:s1]
        rel = [r for r in relations if s0 <= r.start < s1]
        if _WISH.search(sentence):
            return None
        third = _THIRD_SUBJECT.match(sentence)
        if third and not re.search(r"\b(?:i|i'm|me|my)\b", sentence[third.end():]):
            return None
        if third:  # "The inspector signed off my tutorship": the inspector is someone else, the rest may be you
            inside = [s for s in inside if s.start >= s0 + third.end()]
        media_here = any(s0 <= m.start < s1 for m in sc.of("media"))
        force = next((s for s in inside if s.force and s.strength != "generic"), None)
        best: tuple[_Signal, float] | None = None

        def consider(sig: _Signal, conf: float) -> None:
            nonlocal best
            target = force if force is not None and sig.kind != "force" else sig
            if best is None or conf > best[1]:
                best = (target, conf)

        first_person = any(True for _ in re.finditer(
            r"\b(?:i|i'm|im|i've|me|my|we|we're|our|us)\b", sentence))
        self_verb = bool(_SELF_VERB.search(sentence))
        for sig in inside:
            before = low[max(s0, sig.start - 60):sig.start]
            after = low[sig.end:min(s1, sig.end + 40)]
            # someone else's job: "my dad was a copper", "my wife's a PC", "my brother just joined"
            rel_before = [r for r in rel if r.end <= sig.start]
            family = bool(rel_before) and not re.search(r"\b(?:me and|and i|we both|both (?:work|of us)|i'?m|i am)\b",
                                                        low[max(s0, sig.start - MAX_SENTENCE):sig.start])
            if family or _THIRD.search(before):
                continue
            if sig.kind in ("hashtag", "email", "collar"):
                consider(sig, 0.85 if sig.kind != "hashtag" else 0.75)
                continue
            if sig.kind in ("weakhashtag", "weak", "handle"):
                continue
            if sig.kind == "own":
                # watches and cordons are also what a neighbour sees: those need the writer in the post
                needs_me = sig.label in _WATCHES
                if needs_me and _CARE.search(sentence):
                    continue
                if not rel and not media_here and not _OTHER_JOBS.search(sentence) and \
                        (first_person or (not needs_me and not _OTHER_SUBJECT.search(low, s0, sig.start))):
                    consider(sig, 0.7)
                continue
            if sig.kind == "force" and _NEWS_AFTER.match(after) and not self_verb:
                continue
            if sig.kind in ("rank", "abbr", "slang") and _MILITARY.search(sentence):
                continue
            if media_here and sig.kind in ("role", "rank", "unit", "jargon", "slang", "abbr") and \
                    not self_verb and not _IDENTITY.search(before):
                continue
            identity = bool(_IDENTITY.search(before)) or (
                sig.start - s0 <= 60 and _IDENTITY_START.search(low[s0:sig.start]) is not None)
            possessive = bool(_POSSESSIVE.search(before))
            tenure = bool(_TENURE.search(before) or _ROLE_IN.search(before))
            shift = bool(_SHIFT.search(before) or _SHIFT_NEAR.search(before))
            at_start = sig.start - s0 <= 60 and low[s0:sig.start].strip(" \t:,-#\"'") == ""
            if sig.kind == "abbr":
                # rank initials only in "I'm a PC", "as a DC", "made up to Sgt" - never "my PC"
                if re.search(r"\b(?:i'?m|i am|im|as|been|became|being)\s+(?:a|an)\s+(?:[\w'\-]+\s+)?$", before) \
                        or re.search(r"\b(?:promoted to|made up to|passed my)\s+$", before):
                    consider(sig, 0.85)
                elif bio and not any(c.islower() for c in sc.text[sig.start:sig.end]):
                    consider(sig, 0.6)
                continue
            if sig.kind == "jargon" and at_start and _ARRESTS.search(sentence):
                consider(sig, 0.7)
                continue
            if sig.kind in ("slang", "rank", "unit") and _WORK_TALK.search(low) and \
                    re.search(r"\b(?:us|me|i|i'm|we|we're|my|our)\b", low) and not rel:
                consider(sig, 0.7)
                continue
            if sig.kind == "slang":
                if (identity and not at_start) or (possessive and re.search(r"\b(?:my|our)\s+$", before)) \
                        or (sig.label == "prison officer" and self_verb and force is not None):
                    consider(sig, 0.7)
                elif force is not None and first_person and sig.label == "prison officer":
                    consider(sig, 0.6)
                continue
            if sig.kind == "force":
                generic = sig.strength == "generic"
                if generic:
                    if self_verb and re.search(rf"\b(?:{_VERBS})\s+(?:for\s+|in\s+|with\s+|at\s+)?$", before):
                        consider(sig, 0.8)
                    elif tenure and sig.label == "the police" and not (
                            sc.text[sig.start:sig.end].lower() == "the job" and before.endswith("on ")):
                        # "first day on the job" is any job; "ten years in the job" is the police
                        consider(sig, 0.7)
                    continue
                if sig.strength == "short" and not (tenure or shift or self_verb or (identity and not at_start)):
                    continue
                if sig.strength == "abbr" and not (tenure or shift or self_verb):
                    continue
                own = possessive and re.search(r"\b(?:my|our)\s+(?:old\s+|own\s+)?$", before)
                if self_verb or tenure or shift or own:
                    consider(sig, 0.9)
                elif identity and not at_start:
                    consider(sig, 0.85)
                elif re.match(r"^\s*(?:ex-|ex |former |retired )$", low[max(s0, sig.start - 12):sig.start]):
                    consider(sig, 0.8)
                elif bio:
                    consider(sig, 0.75)
                elif _WE_AT.search(before) and not _FEELING.search(before):
                    consider(sig, 0.75)
                elif first_person and re.search(r"\b(?:with|at|for|in)\s+(?:the\s+)?$", before) and \
                        any(o.kind in ("role", "rank", "unit", "training", "jargon") for o in inside if o is not sig):
                    consider(sig, 0.8)
                continue
            if sig.kind == "justice":
                if self_verb or tenure or shift or (identity and not at_start) or \
                        (re.search(r"\b(?:officer|staff|nurse|teacher|governor|usher|clerk|legal adviser|"
                                  r"caseworker|paralegal)\s+(?:at|in|for)\s+(?:the\s+)?$", before) and \
                        (first_person or at_start or re.match(r"^\s*(?:\w+\s+){0,2}(?:officer|staff)", sentence))):
                    consider(sig, 0.85)
                elif first_person and any(o.kind in ("role", "slang") for o in inside if o is not sig) \
                        and not rel:
                    consider(sig, 0.7)
                continue
            # role, rank, unit, training, jargon, nick
            if sig.kind in ("role", "rank"):
                if identity and not at_start:
                    consider(sig, 0.85)
                elif possessive and sig.kind == "role" and re.search(r"\b(?:my|our)\s+(?:new\s+|old\s+)?$", before) \
                        and not rel:
                    consider(sig, 0.55)
                elif possessive and sig.kind == "rank" and re.search(r"\b(?:my|our)\s+(?:new\s+|old\s+)?$", before) \
                        and (force is not None or any(o.kind in ("unit", "jargon", "training") for o in inside)):
                    consider(sig, 0.75)
                elif self_verb and re.search(r"\b(?:as|to|promoted to|made)\s+(?:a|an)?\s*$", before):
                    consider(sig, 0.85)
                elif at_start and (_ROLE_AFTER.match(after) or after.strip() == "" or
                                   re.match(r"^\s*(?:life|here)\b", after)) and sig.kind in ("role", "rank"):
                    consider(sig, 0.75)
                elif tenure or ((shift) and force is not None):
                    consider(sig, 0.8)
                elif self_verb and force is not None:
                    consider(sig, 0.75)
                elif bio:
                    consider(sig, 0.65)
                continue
            if sig.kind == "training":
                if first_person or at_start or self_verb:
                    consider(sig, 0.8)
                continue
            if sig.kind in ("unit", "jargon", "nick"):
                own = possessive and re.search(r"\b(?:my|our)\s+(?:\w+\s+)?$", before)
                if own or tenure or shift or (self_verb and re.search(
                        r"\b(?:in|into|to|on|at|with|joined|joining|join|from|back|out|drive|driving|drove)\s+(?:the\s+)?$",
                        before)):
                    consider(sig, 0.8)
                elif sig.kind == "nick" and (first_person or self_verb or
                                             re.search(r"\b(?:life|night|day|shift)s? at\s+$", before)):
                    consider(sig, 0.75)
                elif at_start and sig.kind == "unit" and re.match(r"^\s*(?:sergeant|officer|team|life)\b", after):
                    consider(sig, 0.7)
                elif sig.kind == "jargon" and sig.label in _ALONE_JARGON and \
                        (first_person or at_start or "now" in sentence or
                         re.fullmatch(r"\s*[\w\-]+\s+", low[s0:sig.start]) is not None):  # "Fourteen years in the job"
                    consider(sig, 0.7)
                elif sig.kind == "jargon" and sig.label in ("early turn", "rest days", "nights") and \
                        any(o.kind in ("hashtag", "force", "nick") for o in inside if o is not sig):
                    consider(sig, 0.75)
                continue
        return best

    def _emit(self, item: Item, sig: _Signal, confidence: float, how: str,
              sigs: list[_Signal] | None = None) -> Detection:
        start, end = _widen(sig, sigs or [])
        if sig.label == "police station":  # "at Lewisham police station": the place names the station
            named = _PLACE_BEFORE.search(item.text, max(0, start - 40), start)
            if named is not None:
                start = named.start()
        evidence, span = snippet(item.text, start, end)
        if sig.force and sig.force != "police":
            key = f"employer:{sig.force}"
        else:
            key = "employer:police-role" if sig.kind != "justice" else "employer:justice"
        # Titles and reasons never quote what was found (the force, station or number): they are
        # shown unmasked everywhere, while the evidence itself is masked.
        justice = sig.kind == "justice" or sig.force in _JUSTICE_IDS
        who = "the justice system" if justice else "the police"
        if how == "profile":
            title = f"Your {item.platform.label} profile names a police or justice employer"
            reason = (f"The employer or job title on your profile says you work for {who}; anyone who looks "
                      "you up learns your job before anything else.")
        else:
            title = f"{where(item).capitalize()} says you work for {who}"
            what = {"force": "names your police force as where you work", "hashtag": "uses a police hashtag",
                    "collar": "gives a collar or shoulder number", "email": "shows a police or justice e-mail address",
                    "nick": "names the station you work at", "justice": "names the justice body you work for",
                    "training": "mentions police training"}.get(sig.kind, "describes your police work")
            if justice and sig.kind == "force":
                what = "names the justice body you work for"
            reason = (f"The text {what}. Police guidance is not to give away your profession online: it makes "
                      "you and your family a target.")
        return self.found(item, title=title, reason=reason, evidence=evidence, key=key,
                          confidence=confidence, span=span)


_SENSITIVE_KINDS = frozenset({"force", "justice", "collar", "nick", "email", "hashtag", "handle"})
_PLACE_BEFORE = re.compile(r"(?<=\s)(?:[A-Z][\w'\-]+\s+){1,3}$")
_JUSTICE_IDS = frozenset({"moj", "hmpps", "hmcts", "cps", "justice", "probation"})


def _widen(sig: _Signal, sigs: list[_Signal]) -> tuple[int, int]:
    """The span from the first to the last sensitive value (force, station, number) near `sig`.

    The excerpt shown reaches 60 characters each side of the span, so any force or station within
    that reach is pulled into the span too (repeatedly), and none is left readable beside it.
    """
    start, end = sig.start, sig.end
    grown = True
    while grown:
        grown = False
        for s in sigs:
            if s.kind not in _SENSITIVE_KINDS or s.strength == "generic":
                continue
            if s.start < start and s.end >= start - 70:
                start, grown = s.start, True
            if s.end > end and s.start <= end + 70:
                end, grown = s.end, True
    return start, end
