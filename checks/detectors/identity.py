"""Identity details: date of birth, phone, personal e-mail, ID numbers, car registration, bank details.

Finds: the birth date on a profile; "34 today" posts (the post's own date gives the exact date of
birth); written dates next to "born", "birthday", "DOB"; phone numbers, UK and international
(the `phonenumbers` library finds and validates them; a number it cannot validate counts only
after "call me on", "text me", "my number"); personal e-mail addresses; National Insurance numbers
(prefix and suffix rules: not D, F, I, Q, U, V first; not O second; not BG, GB, KN, NK, NT, TN, ZZ;
suffix A-D); passport numbers and UK driving licence numbers (the DVLA 16-character pattern with
its date checks); vehicle registrations in the current (AB12 CDE), prefix (A123 BCD) and suffix
(ABC 123D) formats, when the text says it is a car or a plate; sort code and account number; and
answers to common security questions (mother's maiden name, first pet, first school, first car:
the "your stripper name is ..." quizzes).

Why it matters: these are what identity theft and account recovery run on, and a phone number or
car registration finds a person's address through lookups and data brokers.

Example: "34 today! Thanks for the messages" posted on 14 June 2025 -> date of birth 1991-06-14.

Does not flag: other people's birthdays and ages ("my son is 6 today", "happy birthday to my
wife"); dates that are not birthdays ("the meeting on 12/07/2025"); scores, flight, order and
invoice numbers; emergency and help lines (999, 101, 116 123) and free or business numbers (0800,
0845); role e-mail addresses (info@, bookings@); strings shaped like ID numbers that break the
issuing rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberType

from checks.detectors.analysis import TextAnalysis
from checks.detectors.base import TextDetector, snippet
from checks.detectors.common import profile_field, sentence_bounds, where
from checks.detectors.decide import Verdict
from checks.detectors.lexicon import Scan
from checks.detectors.signals import Signal, SignalHit
from checks.records import Audience, Category, Detection, Item, ItemKind, Message, ProfileField, Severity, msg

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
DATE_WORDS = re.compile(
    rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b"
    rf"|\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
    re.IGNORECASE)
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80})
AGE_TODAY = re.compile(r"\b(?:i'?m\s+|i am\s+|turned\s+|turning\s+|i turn\s+)?"
                       r"(\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)(?:[\s\-](?:one|two|three|four|five|"
                       r"six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                       r"\s+today\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b(?!\.?,?\s+\d{{4}})"
                       rf"|\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b")
NINO = re.compile(
    r"(?<![\w])([a-z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([a-d])(?![\w])"
    r"|(?<![\w])([a-z]{2})\s?(\d{3})\s?(\d{3})\s?([a-d])(?![\w])",
    re.IGNORECASE)
PASSPORT = re.compile(r"(?<![\w])(\d{9}|[a-z]{2}\d{7})(?![\w])", re.IGNORECASE)
LICENCE = re.compile(
    r"(?<![\w])([a-z][a-z9]{4})\s?(\d)\s?(\d{2})\s?(\d{2})\s?(\d)\s?([a-z9]{2})\s?(\d)\s?([a-z0-9]{2})(?:\s?\d{2})?(?![\w])",
    re.IGNORECASE)
REG_CURRENT = re.compile(r"(?<![\w])([a-z]{2})(\d{2})[\s\-]?([a-z]{3})(?![\w])", re.IGNORECASE)
REG_PREFIX = re.compile(r"(?<![\w])([a-z])(\d{1,3})\s?([a-z]{3})(?![\w])", re.IGNORECASE)
REG_SUFFIX = re.compile(r"(?<![\w])([a-z]{3})\s?(\d{1,3})\s?([a-z])(?![\w])", re.IGNORECASE)
SORT_CODE = re.compile(r"\b(\d{2})[\-\s](\d{2})[\-\s](\d{2})\b")
ACCOUNT = re.compile(r"\b\d{8}\b")
_SORT_CODE_SAID = re.compile(r"\bsort\s?code\b")
PHONE_CONTEXT = re.compile(r"\b(?:call|text|ring|phone|mobile|whatsapp|number|no\.?|tel|reach me|contact me|message me|"
                           r"dm me|get me on|contact|"
                           r"landline|cell|mob)\b", re.IGNORECASE)

PERSONAL_DOMAINS = frozenset("""
gmail.com googlemail.com hotmail.com hotmail.co.uk outlook.com outlook.co.uk live.com live.co.uk
msn.com yahoo.com yahoo.co.uk ymail.com icloud.com me.com mac.com aol.com aol.co.uk btinternet.com
sky.com talktalk.net virginmedia.com ntlworld.com blueyonder.co.uk protonmail.com proton.me tutanota.com
gmx.com gmx.co.uk mail.com zoho.com fastmail.com plus.net tiscali.co.uk
""".split())
ROLE_MAILBOXES = frozenset("""
info contact hello enquiries enquiry sales admin office support help bookings booking team press media
noreply no-reply donotreply news newsletter events tickets accounts billing jobs careers hr reception
webmaster postmaster marketing orders shop service customerservice feedback
""".split())
_ANY_DIGIT = re.compile(r"\d")
_NINO_HINT = re.compile(r"(?:\d\s?){6}[a-dA-D]\b")
_NOT_PHONE_BEFORE = re.compile(r"\b(?:order|invoice|ref|reference|flight|booking|tracking|account|acc)\b[\s:#no.]*$"
                               r"|\b(?:rang|rung|called|texted|phoned|messaged)\s+(?:me|us)\s+from\s*$"
                               r"|\bcame from\s*\(?\s*$")
# someone else's vehicle: "If you drive a white Transit KN19 VRT and you cut me up", "the driver of AB12 CDE"
_OTHERS_VEHICLE_BEFORE = re.compile(r"\b(?:if you (?:drive|own|were driving)|the (?:driver|owner) of"
                                    r"|whoever (?:was )?(?:driving|parked)|to whoever|dashcam|stolen|nicked)"
                                    r"\b[^.!?]{0,40}$")
_OTHERS_VEHICLE_AFTER = re.compile(r"^[^.!?,;]{0,40}\b(?:cut me up|you cut|nearly hit|hit my|keyed|undertook|tailgat|"
                                   r"parked across|blocked)")
Value = tuple[int, int, str, Message, Message, Severity | None]
Emit = Callable[..., Iterator[Value]]
NINO_BAD_FIRST = set("DFIQUV")
NINO_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
BUSINESS_TYPES = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
                  PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL}


IBAN = re.compile(r"(?<![\w])GB\d{2}\s?[A-Z]{4}\s?(?:\d{4}\s?){3}\d{2}(?![\w])", re.IGNORECASE)
NHS = re.compile(r"(?<![\w])\d{3}[\s\-]?\d{3}[\s\-]?\d{4}(?![\w])")


def valid_iban(compact: str) -> bool:
    """ISO 13616 check digits: the number, moved and read as digits, is 1 modulo 97."""
    moved = compact[4:] + compact[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


def valid_nhs(digits: str) -> bool:
    """NHS number check digit (modulus 11)."""
    if len(digits) != 10:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def valid_nino(prefix: str, suffix: str) -> bool:
    p = prefix.upper()
    return (p[0] not in NINO_BAD_FIRST and p[1] not in NINO_BAD_FIRST and p[1] != "O"
            and p not in NINO_BAD_PAIRS and suffix.upper() in "ABCD")


def valid_licence(m: re.Match[str]) -> bool:
    surname, _decade, month, day, _year, _initials, _digit, _check = m.groups()[:8]
    s = surname.upper()
    if not re.fullmatch(r"[A-Z]+9*", s):
        return False
    mm, dd = int(month), int(day)
    return (1 <= mm <= 12 or 51 <= mm <= 62) and 1 <= dd <= 31


def valid_registration(m: re.Match[str], kind: str) -> bool:
    a, digits, b = (g.upper() for g in m.groups())
    if kind == "current":
        age = int(digits)
        if not (2 <= age <= 27 or 51 <= age <= 77):
            return False
        return a[0] not in "IQZ" and a[1] not in "IQ" and not set(b) & set("IQ")
    if kind == "prefix":
        return a not in "IOQUZ" and not set(b) & set("IQ") and int(digits) > 0
    return not set(a) & set("IQ") and b not in "IOQUZ" and int(digits) > 0


def parse_date(text: str) -> date | None:
    m = DATE_WORDS.search(text)
    try:
        if m:
            if m.group(1):
                return date(int(m.group(3)), MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
            return date(int(m.group(6)), MONTHS[m.group(4).lower().rstrip(".")], int(m.group(5)))
        n = DATE_NUMERIC.search(text)
        if n:
            year = int(n.group(3))
            if year < 100:
                year += 1900 if year > 30 else 2000
            return date(year, int(n.group(2)), int(n.group(1)))
    except (ValueError, KeyError):
        return None
    return None


WHY = frozenset({Signal.SECURITY_QUESTION, Signal.VEHICLE_WORD, Signal.BIRTHDAY_WORD, Signal.ID_WORD, Signal.BANK_WORD,
                 Signal.AGE_WORDS, Signal.EMAIL_SHAPE, Signal.PLATE_SHAPE, Signal.FIRST_PERSON, Signal.POSSESSIVE})
FEDI = re.compile(r"(?<![\w])@[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+")


# a run of six or more digits, spaced or dashed as numbers are written, or a token of letters and
# digits (a plate, a document number): a value that did not pass its checks is not reported as an
# unnamed "detail"
_NUMBER_LIKE = re.compile(r"(?:\+\s?)?\d(?:[\s\-./]?\d){5,}|\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{4,}\b")

class IdentityDetails(TextDetector):
    id = "identity_details"
    category = Category.IDENTITY_DETAILS
    severity = Severity.MEDIUM
    advice = ()
    own_kinds = frozenset({ItemKind.PROFILE_FIELD})  # a birth date, phone or e-mail field

    def detect(self, item: Item) -> Iterator[Detection]:
        pf = profile_field(item)
        if pf is ProfileField.BIRTH_DATE and item.text.strip():
            yield self._profile_dob(item)
            return
        if pf is ProfileField.EMAIL and item.audience not in (Audience.PUBLIC, Audience.FRIENDS):
            return  # the sign-in address every account has; only flagged when the profile shows it
        if pf in (ProfileField.PHONE, ProfileField.EMAIL) and item.text.strip():
            yield from self._profile_contact(item, pf)
            return
        yield from super().detect(item)

    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        found = list(self._values(item, analysis.signals.scan))
        relations = analysis.signals.of(Signal.RELATION_CHILD, Signal.RELATION_FAMILY, Signal.RELATION_PARTNER,
                                        Signal.RELATION_OTHER)
        found += _stated_births(item, analysis.hits(self.category, Signal.DOB_STATED), found, relations)
        if not found and verdict.by == "model" and not _NUMBER_LIKE.search(item.text):
            # decided, but no value to key it by: the post itself ("Turned 27 yesterday"); a text with
            # a long number that failed its checks gives nothing (a number must pass its checks)
            words = [c for c in analysis.explain(self.category) if c.kind == "word"][:3]
            start, end = (min(c.start for c in words), max(c.end for c in words)) if words else (0, len(item.text))
            found = [(start, end, "identity:posts",
                      msg("identity.title.detail", where=where(item)), msg("identity.reason.detail"), None)]
        for start, end, key, title, reason, severity in found:
            yield self.emit(item, analysis, verdict, start, end, title=title, reason=reason, key=key, why=WHY,
                            severity=severity)

    def _values(self, item: Item, sc: Scan) -> Iterator[Value]:
        """Every identity value in the text that passes its own checks (format, check digits, issuing rules)."""
        text = sc.text
        seen: set[str] = set()

        def emit(start: int, end: int, key: str, title: Message, reason: Message, confidence: float,
                 severity: Severity | None = None) -> Iterator[Value]:
            if key in seen:
                return
            seen.add(key)
            del confidence  # the verdict decides how sure the finding is
            yield start, end, key, title, reason, severity

        ident = sc.of("identity")
        kinds = {h.entry.value(0) for h in ident}
        if "secq" in kinds:
            for h in ident:
                if h.entry.value(0) != "secq":
                    continue
                rest = text[h.end:h.end + 60]
                if re.search(r"\b(?:was|is|:|called|named|mine is|mine was)\b|[A-Z][a-z]+", rest):
                    yield from emit(h.start, min(len(text), h.end + len(rest.split(",")[0])),
                                    f"secq:{h.entry.value(0)}:{h.entry.phrase.lower()}",
                                    msg("identity.title.secq", where=where(item)), msg("identity.reason.secq"), 0.8)
                    break
        if "@" in text:
            handles = [(m.start(), m.end()) for m in FEDI.finditer(text)]
            for m in EMAIL.finditer(text):
                if any(a <= m.start() < b for a, b in handles):
                    continue  # @name@server is a fediverse handle, not an e-mail address
                local, _, domain = m.group(0).lower().partition("@")
                if local in ROLE_MAILBOXES or domain.endswith((".police.uk", ".gov.uk")) or domain == "police.uk":
                    continue
                yield from emit(m.start(), m.end(), f"email:{m.group(0).lower()}",
                                msg("identity.title.email", where=where(item)), msg("identity.reason.email"), 0.9)
        if "dob" in kinds or (sc.has_digit and AGE_TODAY.search(sc.lower)):
            yield from self._birth(item, sc, emit)
        if sc.has_digit:
            yield from self._numbers(item, sc, emit, kinds)

    # -- profile -------------------------------------------------------------------------------
    def _profile_dob(self, item: Item) -> Detection:
        text = item.text.strip()
        d = parse_date(text) or _iso_date(text)
        evidence, span = snippet(text, 0, len(text))
        full = d is not None
        return self.found(item, title=msg("identity.title.profile_dob", platform=item.platform),
                          reason=msg("identity.reason.dob"),
                          evidence=evidence, key=f"dob:{d.isoformat()}" if d else "dob:" + text.lower(),
                          confidence=0.95, span=span, severity=Severity.HIGH if full else Severity.MEDIUM)

    def _profile_contact(self, item: Item, pf: ProfileField) -> Iterator[Detection]:
        text = item.text.strip()
        evidence, span = snippet(text, 0, len(text))
        if pf is ProfileField.PHONE:
            key = "phone:" + _e164(text)
            title = msg("identity.title.profile_phone", platform=item.platform)
            reason = msg("identity.reason.phone")
        else:
            key = "email:" + text.lower()
            title = msg("identity.title.profile_email", platform=item.platform)
            reason = msg("identity.reason.email")
        yield self.found(item, title=title, reason=reason, evidence=evidence, key=key, confidence=0.9,
                         span=span, severity=Severity.MEDIUM)

    # -- birth dates -------------------------------------------------------------------------------
    def _birth(self, item: Item, sc: Scan, emit: Emit) -> Iterator[Value]:
        text, low = sc.text, sc.lower
        relations = sc.of("relations")
        for m in AGE_TODAY.finditer(low):
            age = _age(m.group(1))
            if age < 13 or age > 100 or low[m.end():m.end() + 1] == "?":
                continue
            s0, _s1 = sentence_bounds(low, m.start())
            before = low[s0:m.start()]
            if any(s0 <= r.start < m.start() for r in relations) or re.search(
                    r"\b(?:is|are|was|turns|he's|she's|he is|she is|they're)\s+$", before):
                continue
            when = item.time.date() if item.time else None
            if when is not None:
                born = _years_before(when, age)
                key, detail = f"dob:{born.isoformat()}", msg("identity.detail.full_date")
            else:
                key, detail = f"age:{age}", msg("identity.detail.none")
            yield from emit(m.start(), m.end(), key, msg("identity.title.age", where=where(item)),
                            msg("identity.reason.age", detail=detail), 0.85, Severity.HIGH)
            return
        for h in sc.of("identity"):
            if h.entry.value(0) != "dob" or h.entry.phrase in ("today", "turned"):
                continue
            s0, s1 = sentence_bounds(text, h.start)
            window = text[s0:min(len(text), s1 + 40)]
            d = parse_date(window)
            if d is None or not (1900 <= d.year <= date.today().year):
                continue
            m2 = DATE_WORDS.search(window) or DATE_NUMERIC.search(window)
            assert m2 is not None
            if any(s0 <= r.start < s0 + m2.start() for r in relations):
                continue  # "happy birthday to my son ... 12.03.2015": his, not the writer's
            yield from emit(s0 + m2.start(), s0 + m2.end(), f"dob:{d.isoformat()}",
                            msg("identity.title.dob", where=where(item)), msg("identity.reason.dob"), 0.9,
                            Severity.HIGH)
            return
        if "birthday" in low or "born" in low:
            for m in DAY_MONTH.finditer(text):
                when = _day_month(m)
                if when is None:
                    continue
                yield from emit(m.start(), m.end(), f"birthday:{when.strftime('%m-%d')}",
                                msg("identity.title.birthday", where=where(item)), msg("identity.reason.birthday"),
                                0.8)
                return

    # -- numbers ---------------------------------------------------------------------------------
    def _numbers(self, item: Item, sc: Scan, emit: Emit, kinds: set[str]) -> Iterator[Value]:
        """Official numbers, plates, bank details and phone numbers, each checked before it is reported;
        a part of the text taken by one kind of number is not read again as another."""
        digits = len(_ANY_DIGIT.findall(sc.text))
        taken: list[tuple[int, int]] = []
        yield from self._documents(item, sc, emit, kinds, digits, taken)
        yield from self._vehicles(item, sc, emit, kinds, taken)
        yield from self._money(item, sc, emit, kinds, taken)
        if digits >= 7:
            yield from self._phones(item, sc.text, sc.lower, emit, taken)

    def _documents(self, item: Item, sc: Scan, emit: Emit, kinds: set[str], digits: int,
                   taken: list[tuple[int, int]]) -> Iterator[Value]:
        """National Insurance, driving licence and passport numbers."""
        text = sc.text
        if "nino" in kinds or _NINO_HINT.search(text):
            for m in NINO.finditer(text):
                g = m.groups()
                prefix, suffix = (g[0], g[4]) if g[0] else (g[5], g[8])
                if not valid_nino(prefix, suffix):
                    continue
                taken.append((m.start(), m.end()))
                key = "nino:" + re.sub(r"\s", "", m.group(0)).upper()
                yield from emit(m.start(), m.end(), key, msg("identity.title.nino", where=where(item)),
                                msg("identity.reason.nino"), 0.95 if "nino" in kinds else 0.75, Severity.HIGH)
        if digits >= 6:
            for m in LICENCE.finditer(text):
                if not valid_licence(m):
                    continue
                taken.append((m.start(), m.end()))
                yield from emit(m.start(), m.end(), "licence:" + re.sub(r"\s", "", m.group(0)).upper()[:16],
                                msg("identity.title.licence", where=where(item)), msg("identity.reason.licence"),
                                0.9, Severity.HIGH)
        if "passport" in kinds:
            for m in PASSPORT.finditer(text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                yield from emit(m.start(), m.end(), "passport:" + m.group(0).upper(),
                                msg("identity.title.passport", where=where(item)), msg("identity.reason.passport"),
                                0.9, Severity.HIGH)

    def _vehicles(self, item: Item, sc: Scan, emit: Emit, kinds: set[str],
                  taken: list[tuple[int, int]]) -> Iterator[Value]:
        """Registrations: a bare current-format plate, or any format when the post says it is a car's."""
        text = sc.text
        # a bare current-format plate counts too: the verdict has already said the post is about the person
        for kind, rx in (("current", REG_CURRENT),) if "vehicle" not in kinds else ():
            for m in rx.finditer(text):
                if m.group(0).isupper() and valid_registration(m, kind) and \
                        not any(a < m.end() and m.start() < b for a, b in taken) and \
                        not _someone_elses_vehicle(sc.lower, m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    yield from emit(m.start(), m.end(), "vrm:" + re.sub(r"[\s\-]", "", m.group(0)).upper(),
                                    msg("identity.title.vrm", where=where(item)), msg("identity.reason.vrm"), 0.7)
        if "vehicle" in kinds:
            for kind, rx in (("current", REG_CURRENT), ("prefix", REG_PREFIX), ("suffix", REG_SUFFIX)):
                for m in rx.finditer(text):
                    if any(a < m.end() and m.start() < b for a, b in taken) or not valid_registration(m, kind) or \
                            _someone_elses_vehicle(sc.lower, m.start(), m.end()):
                        continue
                    if not any(c.isupper() for c in m.group(0)):
                        continue
                    taken.append((m.start(), m.end()))
                    yield from emit(m.start(), m.end(), "vrm:" + re.sub(r"[\s\-]", "", m.group(0)).upper(),
                                    msg("identity.title.vrm", where=where(item)), msg("identity.reason.vrm"), 0.85)

    def _money(self, item: Item, sc: Scan, emit: Emit, kinds: set[str],
               taken: list[tuple[int, int]]) -> Iterator[Value]:
        """A sort code with an account number, IBANs and NHS numbers (checksums checked)."""
        text, low = sc.text, sc.lower
        if "bank" in kinds:
            sort = SORT_CODE.search(text)
            acct = ACCOUNT.search(text)
            if sort and acct:
                start, end = min(sort.start(), acct.start()), max(sort.end(), acct.end())
                taken.append((start, end))
                yield from emit(start, end, f"bank:{sort.group(0)}:{acct.group(0)}",
                                msg("identity.title.bank", where=where(item)), msg("identity.reason.bank"), 0.9,
                                Severity.HIGH)
            elif sort and _SORT_CODE_SAID.search(low):  # "sort code 04-00-04": half of the pair, said as such
                taken.append((sort.start(), sort.end()))
                yield from emit(sort.start(), sort.end(), f"bank:{sort.group(0)}",
                                msg("identity.title.bank", where=where(item)), msg("identity.reason.sort_code"), 0.7)
        for m in IBAN.finditer(text) if "GB" in text.upper() else ():
            compact = re.sub(r"\s", "", m.group(0)).upper()
            if valid_iban(compact) and not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                yield from emit(m.start(), m.end(), "iban:" + compact, msg("identity.title.iban", where=where(item)),
                                msg("identity.reason.iban"), 0.9, Severity.HIGH)
        if "nhs" in low:
            for m in NHS.finditer(text):
                digits_only = re.sub(r"\D", "", m.group(0))
                if valid_nhs(digits_only) and not any(a < m.end() and m.start() < b for a, b in taken):
                    taken.append((m.start(), m.end()))
                    yield from emit(m.start(), m.end(), "nhs:" + digits_only,
                                    msg("identity.title.nhs", where=where(item)), msg("identity.reason.nhs"), 0.9,
                                    Severity.HIGH)

    def _phones(self, item: Item, text: str, low: str, emit: Emit,
                taken: list[tuple[int, int]]) -> Iterator[Value]:
        context = PHONE_CONTEXT.search(text) is not None
        found: list[tuple[int, int]] = []
        for leniency in (Leniency.VALID, Leniency.POSSIBLE):
            if leniency is Leniency.POSSIBLE and not context:
                break
            for pm in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=leniency):
                if any(a < pm.end and pm.start < b for a, b in taken + found):
                    continue
                num = pm.number
                valid = phonenumbers.is_valid_number(num)
                if valid and phonenumbers.number_type(num) in BUSINESS_TYPES:
                    continue
                raw_digits = sum(c.isdigit() for c in pm.raw_string)
                if raw_digits < 9:
                    continue
                if leniency is Leniency.POSSIBLE:
                    local = re.sub(r"\D", "", pm.raw_string)
                    if not (local.startswith(("07", "01", "02", "447", "441", "442")) or pm.raw_string.startswith("+")):
                        continue
                before = low[max(0, pm.start - 25):pm.start]
                if _NOT_PHONE_BEFORE.search(before):
                    continue
                found.append((pm.start, pm.end))
                e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
                yield from emit(pm.start, pm.end, f"phone:{e164}", msg("identity.title.phone", where=where(item)),
                                msg("identity.reason.phone"),
                                0.9 if valid and context else (0.8 if valid else 0.6))


def _someone_elses_vehicle(low: str, start: int, end: int) -> bool:
    """A plate the post gives as another driver's: one that cut the writer up, a stolen one, a dashcam's."""
    return _OTHERS_VEHICLE_BEFORE.search(low[max(0, start - 60):start]) is not None or \
        _OTHERS_VEHICLE_AFTER.search(low[end:end + 50]) is not None


def _age(words: str) -> int:
    """34 from "34", "thirty-four" or "thirty four"."""
    if words.isdigit():
        return int(words)
    return sum(NUMBER_WORDS.get(w, 0) for w in re.split(r"[\s\-]+", words))


def _e164(text: str) -> str:
    try:
        return phonenumbers.format_number(phonenumbers.parse(text, "GB"), PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", text)


def _iso_date(text: str) -> date | None:
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return (day - timedelta(days=1)).replace(year=day.year - years)


def _stated_births(item: Item, hits: list[SignalHit], found: list[Value], relations: list[SignalHit]) -> list[Value]:
    """A date given as a birth date or birthday ("🎂 02.11.94", "3 June 🎂", "est. 13.06.1979") that the
    words around birth dates did not already give; not one given after a relative in the same part of
    the text ("my son Alfie 🎂 12.03.2015" is his, "mum to Ava | 🎂 02.11.94" the writer's)."""
    out: list[Value] = []
    text = item.text
    for h in hits:
        if any(a < h.end and h.start < b for a, b, *_ in found):
            continue
        part = max((m.end() for m in _PART_END.finditer(text, 0, h.start)), default=0)
        if any(part <= r.start < h.start for r in relations):
            continue
        said = text[h.start:h.end]
        born = parse_date(said)
        if born is not None and 1900 <= born.year <= date.today().year:
            out.append((h.start, h.end, f"dob:{born.isoformat()}", msg("identity.title.dob", where=where(item)),
                        msg("identity.reason.dob"), Severity.HIGH))
            continue
        m = DAY_MONTH.search(said) or _DAY_MONTH_NUMERIC.search(said)
        when = _day_month(m) if m is not None else None
        if when is None:
            continue
        out.append((h.start, h.end, f"birthday:{when.strftime('%m-%d')}",
                    msg("identity.title.birthday", where=where(item)), msg("identity.reason.birthday"), None))
    return out


def _day_month(m: re.Match[str]) -> date | None:
    """The birthday (in the year 2000) a DAY_MONTH or _DAY_MONTH_NUMERIC match names, if it is a real day."""
    try:
        if m.re is DAY_MONTH:
            day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            return date(2000, MONTHS[month.lower().rstrip(".")], int(day))
        return date(2000, int(m.group(2)), int(m.group(1)))
    except (KeyError, ValueError):
        return None


_DAY_MONTH_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})\b")
_PART_END = re.compile(r"[|·\n!?]|\.(?=\s)")  # where one part of a bio or one sentence ends
