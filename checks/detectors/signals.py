"""Signals: the facts about a text that detection works from, declared as data.

A signal is a named fact with a position: "a police force is named here", "the writer speaks in
the first person", "this is a house number and street", "the text reads as a repost". They come
from the word lists (`checks.detectors.lexicon`), from regular expressions and from pairs of
signals in one sentence, all declared in `resources/rules/signals.toml`; the names are the
members of `Signal`. The same signals are features of the text model and the conditions of the
decisions in `resources/rules/decisions.toml`, so a rule and the model always see the same facts.

`text_signals(text)` is computed once per text (the last result is reused, as every detector
looks at the same item in turn); `item_signals(item)` adds what the item itself says (a profile
bio, a comment, a repost).
"""

from __future__ import annotations

import bisect
import enum
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from checks.detectors.gates import NO_GATE, Gate, GateIndex, make_gate
from checks.detectors.language import other_language
from checks.detectors.lexicon import Entry, Scan, scan
from checks.detectors.links import blank_links
from checks.records import Item, ItemKind, ProfileField
from checks.resources import resource_path


class Signal(enum.StrEnum):
    """Every fact a rule or the model can use (declared in resources/rules/signals.toml)."""

    # police and justice words (word lists)
    FORCE = "force"
    FORCE_SHORT = "force_short"
    FORCE_ABBR = "force_abbr"
    POLICE_GENERIC = "police_generic"
    JUSTICE_BODY = "justice_body"
    POLICE_ROLE = "police_role"
    RANK = "rank"
    RANK_ABBR = "rank_abbr"
    POLICE_SLANG = "police_slang"
    UNIT = "unit"
    JARGON = "jargon"
    TRAINING = "training"
    POLICE_TALK = "police_talk"
    POLICE_WEAK = "police_weak"
    POLICE_HASHTAG = "police_hashtag"
    OP_STRONG = "op_strong"
    OPERATIONAL = "operational"
    OP_SECRET = "op_secret"
    OP_NOT = "op_not"
    NEWS = "news"
    MEDIA = "media"
    # people and places (word lists)
    RELATION_CHILD = "relation_child"
    RELATION_FAMILY = "relation_family"
    RELATION_PARTNER = "relation_partner"
    RELATION_OTHER = "relation_other"
    SCHOOL = "school"
    CLUB = "club"
    CHILD_EVENT = "child_event"
    STREET_WORD = "street_word"
    HOUSE_WORD = "house_word"
    HOME_WORD = "home_word"
    VENUE = "venue"
    FAMOUS_PLACE = "famous_place"
    SECURITY_QUESTION = "security_question"
    VEHICLE_WORD = "vehicle_word"
    BIRTHDAY_WORD = "birthday_word"
    ID_WORD = "id_word"
    BANK_WORD = "bank_word"
    ROUTINE_WORD = "routine_word"
    ACTIVITY = "activity"
    AWAY = "away"
    HOUSE_EMPTY = "house_empty"
    LIVE_WORD = "live_word"
    FUTURE = "future"
    PAST_WORD = "past_word"
    SLUR = "slur"
    DEROGATORY = "derogatory"
    GROUP = "group"
    DEHUMANISING = "dehumanising"
    DEHUMANISING_WEAK = "dehumanising_weak"  # "animals", "disgusting": a sign only aimed at a group, the job, leaders
    LEADERSHIP = "leadership"
    THREAT = "threat"
    BUSINESS = "business"
    BUSINESS_WEAK = "business_weak"
    GIVEN_NAME = "given_name"
    UK_PLACE = "uk_place"
    # patterns
    FIRST_PERSON = "first_person"
    SELF_IDENTITY = "self_identity"
    SELF_WORK_VERB = "self_work_verb"
    WORK_VERB = "work_verb"
    SELF_START = "self_start"
    WORK_AT = "work_at"  # "work in", "working for": a workplace named right after it is one's own
    TENURE = "tenure"
    SHIFT = "shift"
    POSSESSIVE = "possessive"
    THIRD_PARTY_CALL = "third_party_call"
    WISH = "wish"
    DENIAL = "denial"
    OTHER_JOB = "other_job"
    PAST = "past"
    HYPOTHETICAL = "hypothetical"
    REPOST_TEXT = "repost_text"
    NOT_MINE = "not_mine"
    HOUSE_NUMBER_STREET = "house_number_street"
    POSTCODE_SHAPE = "postcode_shape"
    NAMED_STREET = "named_street"
    NAMED_PLACE = "named_place"
    SCHOOL_NAME = "school_name"
    LONG_NUMBER = "long_number"
    NAME_WITH_AGE = "name_with_age"
    LIVES_IN_DISTRICT = "lives_in_district"
    RESPONSE_WORD = "response_word"  # "response": a team only after a place ("Tameside response")
    NOT_AWAY = "not_away"  # "the house is empty without the dog": a feeling, not an empty house
    DOB_STATED = "dob_stated"  # "🎂 02.11.94", "Born 3 April 1983", "3 June 🎂"
    DISTRICT_PINNED = "district_pinned"  # "📍 LE4", "| CF14 |" in a bio, "DE21 raised"
    DAY_TIME = "day_time"
    CLOCK_TIME = "clock_time"  # a time of day: "0600", "7:15", "10am", "from 8"
    RIGHT_NOW = "right_now"
    TIME_AWAY = "time_away"
    AGE_WORDS = "age_words"
    EMAIL_SHAPE = "email_shape"
    FEDI_HANDLE = "fedi_handle"
    HANDLE = "handle"
    POLICE_HANDLE = "police_handle"
    POLICE_EMAIL = "police_email"
    COLLAR_NUMBER = "collar_number"
    REFERENCE_NUMBER = "reference_number"
    OPERATION_NAME = "operation_name"
    PRISON_TALK = "prison_talk"
    DRINK_ON_DUTY = "drink_on_duty"  # drink before or on a shift
    PRISON_NAME = "prison_name"  # a prison by its bare name ("Hewell"): a prison only beside a shift
    COURT_TALK = "court_talk"
    PLATE_SHAPE = "plate_shape"
    # pairs in one sentence
    SELF_POLICE = "self_police"
    OWN_POLICE = "own_police"
    WORK_VERB_POLICE = "work_verb_police"
    TENURE_POLICE = "tenure_police"
    SHIFT_POLICE = "shift_police"
    FIRST_PERSON_POLICE = "first_person_police"
    CALLED_POLICE = "called_police"
    MY_RELATION = "my_relation"
    RELATION_POLICE = "relation_police"
    NEWS_POLICE = "news_police"
    HOME_ADDRESS_WORDS = "home_address_words"
    ROUTINE_TIME = "routine_time"
    AWAY_FUTURE = "away_future"
    GROUP_DEHUMANISED = "group_dehumanised"
    GROUP_DEROGATED = "group_derogated"
    WORK_DEROGATED = "work_derogated"  # contempt beside the job: "'victims' who ring us", "gene pool ... #response"
    LEADERS_DEROGATED = "leaders_derogated"
    RELATION_SCHOOL = "relation_school"
    OWN_BUSINESS = "own_business"
    NOT_POLICE = "not_police"
    NOT_SLUR = "not_slur"  # a slur's letters in an idiom: "the chink in their armour", "a chink of light"
    DRUGS = "drugs"
    DRINK = "drink"
    DRIVE = "drive"
    DRINK_DRIVING = "drink_driving"
    SIDE_JOB = "side_job"
    OTHER_LANGUAGE = "other_language"  # the text is not in English (checks/detectors/language.py)
    POLICE_SUBJECT = "police_subject"  # the writer dealt with by the police or courts as a member of the public
    LONGER_POST = "longer_post"  # more than a short post's length (SHORT_POST characters)
    LONG_TEXT_PART = "long_text_part"  # a window of a long text (checks/detectors/analysis.py), not a whole post
    POLITICAL_ACTIVITY = "political_activity"  # canvassing, leafleting, campaigning for a party
    FORCE_USED = "force_used"  # force used on someone ("tasered", "took him to the floor")
    JOY = "joy"  # laughter or delight ("😂", "love it", "felt great")
    FORCE_LAUGHED_ABOUT = "force_laughed_about"  # force used, and laughed or delighted about
    WORK_LAUGHED_ABOUT = "work_laughed_about"  # an arrest, a cell, a sentence laughed about ("nicked him 😂")
    MISUSE = "misuse"  # the job's systems, powers or property used for oneself; dishonesty ("ran his plate")
    PERSONAL_SALE = "personal_sale"  # selling one's own used things once ("ono", "collection only"): not a business
    GENERALISING = "generalising"
    WORKPLACE_PLACE = "workplace_place"
    NOW_AT_PLACE = "now_at_place"
    # the item itself
    FEW_WORDS = "few_words"  # fewer than FEW_WORDS words of two or more letters: too little for the model alone
    KIND_BIO = "kind_bio"
    KIND_NAME = "kind_name"  # the person's own name or username: never a relative, a place or conduct
    KIND_JOB_FIELD = "kind_job_field"
    KIND_COMMENT = "kind_comment"
    KIND_MESSAGE = "kind_message"
    KIND_CAPTION = "kind_caption"
    REPOST = "repost"


class SignalHit(NamedTuple):
    """One signal at [start, end) of the text; `entry` is the word-list entry it came from, if any.

    A NamedTuple rather than a frozen dataclass: every post makes dozens, and building one is cheap.
    """

    signal: Signal
    start: int
    end: int
    entry: Entry | None = None


@dataclass(frozen=True)
class Pattern:
    signal: Signal
    regex: re.Pattern[str]
    gate: Gate = NO_GATE  # the text must hold one of the gate's substrings (no words and no digits: no gate)
    case: bool = False
    cancels: frozenset[Signal] = frozenset()  # hits of these signals it overlaps are not signals ("gaming PC")


@dataclass(frozen=True)
class Near:
    signal: Signal
    first: frozenset[Signal]
    then: frozenset[Signal]
    within: int
    ordered: bool = True


@dataclass(frozen=True)
class SignalRules:
    """Everything signals.toml declares, validated against `Signal`."""

    lexicon: Mapping[tuple[str, str], Signal]
    kind_column: Mapping[str, int]
    patterns: tuple[Pattern, ...]
    nears: tuple[Near, ...]
    groups: Mapping[str, frozenset[Signal]]
    classes: Mapping[Signal, str]
    near_firsts: frozenset[Signal] = frozenset()  # every signal that can start a pair
    cancels: Mapping[Signal, frozenset[Signal]] = field(default_factory=dict)  # look-alike signal -> what it cancels
    lists: frozenset[str] = frozenset()  # the word lists [lexicon] maps to signals
    gates: GateIndex = field(default_factory=lambda: GateIndex(()))  # every pattern's gate, in one pass
    # id(entry) -> (entry, the signal it gives), filled as entries are met; the entry is kept, so
    # its id cannot be reused while it is here
    entry_signals: dict[int, tuple[Entry, Signal | None]] = field(default_factory=dict, compare=False, hash=False)


def _signals(names: Iterable[str], groups: Mapping[str, frozenset[Signal]]) -> frozenset[Signal]:
    out: set[Signal] = set()
    for name in names:
        out |= groups[name] if name in groups else {Signal(name)}
    return frozenset(out)


_FRAGMENT = re.compile(r"<<(\w+)>>")


def _with_fragments(regex: str, fragments: dict[str, str]) -> str:
    """`regex` with each <<name>> replaced by its [fragments] text (a name not declared is an error)."""
    return _FRAGMENT.sub(lambda m: fragments[m.group(1)], regex)


@lru_cache(maxsize=1)
def signal_rules() -> SignalRules:
    """The declared signals (loaded once; a name that is not a Signal is an error)."""
    with resource_path("rules", "signals.toml").open("rb") as handle:
        data = tomllib.load(handle)
    lexicon: dict[tuple[str, str], Signal] = {}
    for key, name in data.get("lexicon", {}).items():
        lst, _, kind = key.partition(".")
        lexicon[(lst, kind)] = Signal(name)
    groups: dict[str, frozenset[Signal]] = {}
    for name, members in data.get("groups", {}).items():
        groups[name] = _signals(members, groups)
    fragments: dict[str, str] = dict(data.get("fragments", {}))
    patterns = tuple(
        Pattern(Signal(p["signal"]), re.compile(_with_fragments(p["regex"], fragments)),
                make_gate(p.get("gate", ()), bool(p.get("gate_case", False))),
                bool(p.get("case", False)), frozenset(Signal(c) for c in p.get("cancels", ())))
        for p in data.get("pattern", ()))
    nears = tuple(
        Near(Signal(n["signal"]), _signals(n["first"], groups), _signals(n["then"], groups), int(n["within"]),
             bool(n.get("ordered", True)))
        for n in data.get("near", ()))
    classes = {Signal(name): cls for cls, names in data.get("classes", {}).items() for name in names}
    cancels: dict[Signal, frozenset[Signal]] = {}
    for pattern in patterns:
        if pattern.cancels:
            cancels[pattern.signal] = cancels.get(pattern.signal, frozenset()) | pattern.cancels
    return SignalRules(lexicon, dict(data.get("kind_column", {})), patterns, nears, groups, classes,
                       frozenset().union(*(n.first for n in nears)), cancels, frozenset(lst for lst, _kind in lexicon),
                       GateIndex(p.gate for p in patterns))


_SENTENCE_END = re.compile(r"[.!?\n;|•]+(?:\s|$)|\n|\s[|•·]\s")  # bios split on pipes and bullets


@dataclass(frozen=True)
class TextSignals:
    """The signals of one text, in order of position."""

    text: str
    scan: Scan
    hits: tuple[SignalHit, ...]
    kinds: frozenset[Signal]  # every signal of the text: those of the hits and those of the whole text
    whole: frozenset[Signal] = frozenset()  # signals of the text as a whole, at no one place (its language)

    def of(self, *signals: Signal) -> list[SignalHit]:
        wanted = set(signals)
        return [h for h in self.hits if h.signal in wanted]

    def has(self, *signals: Signal) -> bool:
        return not self.kinds.isdisjoint(signals)

    def spans(self) -> list[tuple[str, int, int]]:
        """Classed spans for the text model: "Poppy" is a <name>, "GMP" a <force> (signals.toml [classes])."""
        classes = signal_rules().classes
        return [(classes[h.signal], h.start, h.end) for h in self.hits if h.signal in classes]


def _lexicon_hits(sc: Scan, rules: SignalRules) -> list[SignalHit]:
    out: list[SignalHit] = []
    known = rules.entry_signals
    for lst, hits in sc.hits.items():
        if lst not in rules.lists:
            continue  # a list read by detectors, not a source of signals (e.g. the language words)
        for h in hits:
            entry = h.entry
            cached = known.get(id(entry))
            if cached is None or cached[0] is not entry:
                cached = known[id(entry)] = (entry, _entry_signal(entry, rules))
            if cached[1] is not None:
                out.append(SignalHit(cached[1], h.start, h.end, entry))
    return out


def _entry_signal(entry: Entry, rules: SignalRules) -> Signal | None:
    """The signal a word-list entry gives ([lexicon] in signals.toml, by its list and kind column)."""
    lst = entry.list
    return rules.lexicon.get((lst, entry.value(rules.kind_column.get(lst, 0)))) or rules.lexicon.get((lst, ""))


def _pattern_hits(sc: Scan, rules: SignalRules) -> list[SignalHit]:
    out: list[SignalHit] = []
    low = sc.lower
    patterns = rules.patterns
    for i in rules.gates.open(sc):  # a pattern's gate has the pattern's number
        pattern = patterns[i]
        regex = pattern.regex
        group = "hit" if "hit" in regex.groupindex else 0
        out.extend(SignalHit(pattern.signal, m.start(group), m.end(group))
                   for m in regex.finditer(sc.text if pattern.case else low) if m.end(group) > m.start(group))
    return out


def _sentence_ids(text: str, positions: Iterable[int]) -> dict[int, int]:
    """For each position, the number of sentence ends at or before it (its sentence's index)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return {pos: bisect.bisect_right(ends, pos) for pos in positions}


def _near_hits(text: str, hits: list[SignalHit], rules: SignalRules) -> list[SignalHit]:
    """Pairs of signals in one sentence, in declared order (a later pair may use an earlier one)."""
    present = {h.signal for h in hits}
    if present.isdisjoint(rules.near_firsts):
        return []
    sentence: dict[int, int] | None = None  # worked out when a pair first needs it
    pool = list(hits)
    out: list[SignalHit] = []
    for near in rules.nears:
        if present.isdisjoint(near.first) or present.isdisjoint(near.then):
            continue
        if sentence is None:
            sentence = _sentence_ids(text, {h.start for h in hits} | {h.end for h in hits})
        found = _pair(near, pool, sentence)
        if found is not None:
            out.append(found)
            pool.append(found)
            present.add(found.signal)
    return out


def _pair(near: Near, pool: list[SignalHit], sentence: dict[int, int]) -> SignalHit | None:
    thens = [h for h in pool if h.signal in near.then]
    for a in (h for h in pool if h.signal in near.first):
        for b in thens:
            if a is b or sentence.get(a.start, -1) != sentence.get(b.start, -2):
                continue
            if b.start >= a.end:
                gap = b.start - a.end
            elif near.ordered:
                continue
            else:
                gap = max(0, a.start - b.end)
            if gap <= near.within:
                return SignalHit(near.signal, min(a.start, b.start), max(a.end, b.end))
    return None


def _cancelled(hits: list[SignalHit], rules: SignalRules) -> list[SignalHit]:
    """`hits` without those a look-alike pattern cancels where they overlap ("PC" in "gaming PC")."""
    cancelling = rules.cancels
    if not cancelling:
        return hits
    spans = [(h.start, h.end, cancelling[h.signal]) for h in hits if h.signal in cancelling]
    if not spans:
        return hits
    return [h for h in hits if not any(h.signal in gone and h.start < b and a < h.end for a, b, gone in spans)]


SHORT_POST = 140  # characters: the model alone finds conduct only in a post this short (decisions.toml)
# fewer words than this (of two letters or more, links not counted) and the model alone finds no
# employer, official information or conduct: on published exports it scored "Dddddddd", "TNSR Plano
# special", "Let them Know🙏" and "6 <link>" at 0.97-0.99, with almost nothing it knew to go on
FEW_WORDS = 4
FEW_WORDS_CHARS = 80  # a text longer than this has more words (checked first: counting costs)
_WORD = re.compile(r"[^\W\d_]{2,}")


class _LastText:
    """The signals of the last text seen (detectors look at one item after another)."""

    last: tuple[str, TextSignals] | None = None


def text_signals(text: str) -> TextSignals:
    """Every signal of `text` (cached for the last text)."""
    last = _LastText.last
    if last is not None and last[0] == text:
        return last[1]
    rules = signal_rules()
    blanked = blank_links(text)
    sc = scan(blanked)
    hits = _cancelled(_lexicon_hits(sc, rules) + _pattern_hits(sc, rules), rules)
    hits += _near_hits(sc.lower, hits, rules)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    whole = frozenset({Signal.OTHER_LANGUAGE}) if other_language(sc) else frozenset()
    if len(text) > SHORT_POST:
        whole |= {Signal.LONGER_POST}
    elif (len(text) <= FEW_WORDS_CHARS or blanked is not text) and len(_WORD.findall(blanked)) < FEW_WORDS:
        whole |= {Signal.FEW_WORDS}
    result = TextSignals(text, sc, tuple(hits), frozenset(h.signal for h in hits) | whole, whole)
    _LastText.last = (text, result)
    return result


def item_signals(item: Item) -> frozenset[Signal]:
    """What the item says about its own text: a bio or job field, a comment, a message, a repost."""
    out: set[Signal] = set()
    kind = item.kind
    if kind is ItemKind.PROFILE_FIELD:
        field = item.field
        if field in (ProfileField.EMPLOYER, ProfileField.JOB_TITLE):
            out.add(Signal.KIND_JOB_FIELD)
        elif field in (ProfileField.BIO, ProfileField.OTHER, ProfileField.NAME, ProfileField.USERNAME) or \
                (isinstance(field, str) and not isinstance(field, ProfileField)):
            out.add(Signal.KIND_BIO)
            if field in (ProfileField.NAME, ProfileField.USERNAME):
                out.add(Signal.KIND_NAME)
    elif kind is ItemKind.COMMENT:
        out.add(Signal.KIND_COMMENT)
    elif kind is ItemKind.MESSAGE:
        out.add(Signal.KIND_MESSAGE)
    elif kind in (ItemKind.PHOTO, ItemKind.VIDEO):
        out.add(Signal.KIND_CAPTION)
    if item.detail("repost") == "true" or item.detail("retweet") == "true":
        out.add(Signal.REPOST)
    return frozenset(out)
