"""What masked means, decided once: the text rules every surface's masking comes from.

A masked text hides its sensitive parts and leaves the rest readable, so the person still
recognises the post: "My little girl A**** is 6 today", not "My l***** g*** A**** is 6 today".
Letters keep the first letter of each word; digits never keep anything ("**-**-**", not
"2*-4*-9*", so half a sort code is not left behind). Hidden, in every text a masked surface shows:

- every span of every finding of the report (its `span`, its `spans`), where the finding's own
  evidence holds it, and everywhere else the same words appear (`Secrets`): the whole phrase
  however it is written (case, accents, spacing: "07700900461" for "07700 900461", "sw1a1aa" for
  "SW1A 1AA"), and each identifying word of it on its own ("Laburnum" wherever it is, not
  "Close");
- any run of six or more digits, numbers of six or more digits written in groups (a phone
  number, "12-34-56"), dotted internet addresses, precise coordinates, full postcodes, e-mail
  addresses, the path of any web address (the handle in it), @handles, and a number cut off at an
  excerpt's edge ("ring 07842…": the rest cannot be checked);
- the postcode district after anything masked ("4* L******* C****, SE15" would narrow it down),
  and a ZIP code after a masked street and its town;
- a name beside a rank ("Skipper J****", "PC H*****");
- the answer of a security question ("first pet was B******");
- a number after a reference word ("CAD ****", "warrant no. ******");
- in an operational post (`operational=True`), the places it is about: names after "on", "at",
  "in", "near"... and before "estate", "road", "park"...

Text from an export is also made safe to print (`safe_text`): control characters (C0, C1),
bidirectional overrides and other invisible format characters never reach a terminal, a page
or a PDF. The Qt-free policy that applies these rules to each surface is
`checks/report/disclosure.py`; `mask()` and `conceal()` below are the older per-finding calls,
kept for detector tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import ahocorasick

from checks.records import Category, Report

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SPACE_LIKE = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")

# Glue words are never hidden outside their span; generic words say what kind of thing, not which.
GLUE = frozenset("""
a an the of on in at to my our your his her their is was are be been and or but for with by from me we i you
it its this that so as up out into onto over off near st no nr de la le van von mr mrs ms miss
""".split())
GENERIC = frozenset("""
road rd street st close avenue ave lane ln drive dr way court ct crescent place pl gardens grove terrace hill park
view square walk mews row rise green house flat flats cottage farm estate tower towers block lodge manor
police service constabulary force station school primary academy nursery college university church hospital
centre center department unit team home address post number phone birthday age day today tomorrow
daughter son wife husband partner mum dad mother father brother sister kids kid children child baby girl boy
little eldest youngest twins family friend friends grandad grandma nan aunt uncle cousin
""".split())


def fold(word: str) -> str:
    """A word as compared: case, accents and compatibility forms ignored ("Zoë" = "zoe", "０７" = "07")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _printable(ch: str) -> str | None:
    """What a character becomes on a surface: itself, a space, or nothing (controls, format marks)."""
    if ch in _SPACE_LIKE:
        return " "
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Cs"):  # C0/C1 controls, bidi overrides, zero-width and other marks
        return None
    return ch


def safe_text(text: str) -> str:
    """Text from an export made safe to show: no control, bidi-override or invisible format character."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(out for out in map(_printable, text) if out is not None)


def _clean_with_map(text: str) -> tuple[str, list[int]]:
    """`safe_text(text)` and where each position of `text` (and its end) lands in it."""
    out: list[str] = []
    where: list[int] = []
    for ch in text:
        where.append(len(out))
        shown = _printable(ch)
        if shown is not None:
            out.append(shown)
    where.append(len(out))
    return "".join(out), where


# -- the secrets of a report ----------------------------------------------------------------------


def _squash(text: str) -> str:
    return "".join(fold(t) for t in _TOKEN.findall(text))


@dataclass(frozen=True)
class Secrets:
    """Every sensitive part of a report's findings, to hide wherever it shows again."""

    phrases: frozenset[str] = frozenset()  # squashed, folded: "42laburnumclose", "07700900123"
    words: frozenset[str] = frozenset()  # folded identifying words: "laburnum", "42", "maisie"

    @classmethod
    def of(cls, parts: Iterable[str]) -> Secrets:
        phrases: set[str] = set()
        words: set[str] = set()
        for part in parts:
            tokens = [fold(t) for t in _TOKEN.findall(safe_text(part))]
            if not tokens:
                continue
            phrases.add("".join(tokens))
            words.update(t for t in tokens if len(t) >= 2 and t not in GLUE and t not in GENERIC)
        return cls(frozenset(phrases), frozenset(words))

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton | None:
        if not self.phrases:
            return None
        automaton = ahocorasick.Automaton()
        for phrase in self.phrases:
            automaton.add_word(phrase, len(phrase))
        automaton.make_automaton()
        return automaton

    def phrase_hits(self, tokens: Sequence[tuple[int, int, str]]) -> Iterable[tuple[int, int]]:
        """(start, end) in the text of each whole-token occurrence of a secret phrase."""
        automaton = self._automaton
        if automaton is None or not tokens:
            return
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 0
        for start, end, folded in tokens:
            starts[pos] = start
            pos += len(folded)
            ends[pos] = end
        squashed = "".join(t[2] for t in tokens)
        for last, length in automaton.iter(squashed):
            first, after = last - length + 1, last + 1
            if first in starts and after in ends:
                yield starts[first], ends[after]


def report_secrets(report: Report) -> Secrets:
    """The secrets of every finding of `report`: the text of each span it holds, and what the
    context rules find in its evidence (a security answer, a name beside a rank, an operation's
    place), so that "RIP Biscuit" is hidden too once "my first pet was Biscuit" was seen."""
    parts: list[str] = []
    for f in report.findings:
        parts.extend(finding_parts(f))
        operational = getattr(f, "category", None) is Category.OFFICIAL_INFORMATION
        parts.extend(context_parts(safe_text(f.evidence or ""), operational))
    return Secrets.of(parts)


def context_parts(text: str, operational: bool = False) -> Iterable[str]:
    """What the context rules hide in `text` that names someone or somewhere."""
    rules = (_RANK, _SECURITY, _PLACE_OF_ORIGIN, *(_OPERATIONAL[1:] if operational else ()))
    for rule in rules:
        for m in rule.finditer(text):
            yield m.group(1)


def finding_parts(f: object) -> Iterable[str]:
    """The sensitive parts of a finding's evidence (its span and spans)."""
    evidence: str = getattr(f, "evidence", "") or ""
    span = getattr(f, "span", None)
    spans = getattr(f, "spans", ())
    for a, b in (*((span,) if span else ()), *spans):
        a, b = max(0, a), min(len(evidence), b)
        if a < b:
            yield evidence[a:b]


# -- the rules ------------------------------------------------------------------------------------

_NUMBER_SEP = r"[ \-\u00a0]"
_GROUPED = re.compile(rf"\+?\(?\d+\)?(?:{_NUMBER_SEP}\(?\d+\)?)+")  # hidden when it holds 6+ digits
_ALWAYS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\d{6,}"),
    re.compile(r"\d{1,3}(?:\.\d{1,3}){3}"),  # an IPv4 address
    re.compile(r"-?\d{1,3}\.\d{4,}"),  # a precise coordinate
    re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b"),  # a full UK postcode
    re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"),  # an e-mail address
    re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,}"),  # an @handle
)
_URL_PATH = re.compile(r"(?i)\b(?:https?://|www\.)[^\s/]+(/[^\s]*)")
_RANKS = (r"PC|DC|PS|DS|TDC|TDS|SPC|PCSO|DCI|DI|DSU|ACC|DCC|Sgt|Sarge|Skip|Skipper|Serg[ea]ant|Insp|Inspector|"
          r"Supt|Superintendent|Chief|Commander|Cmdr|Constable|Detective|Guv|Guvnor|Gaffer|Officer|Warden|Governor")
_RANK = re.compile(rf"\b(?:(?:{_RANKS})\.?\s+)+(?!(?:{_RANKS})\b)((?:[A-Z][\w'’\-]*)(?:\s+[A-Z][\w'’\-]*)?)")
_SECURITY = re.compile(
    r"(?i)\b(?:(?:first|1st|childhood)\s+(?:pet|dog|cat|hamster|rabbit|pony|horse|school|car|teacher|job|street)"
    r"(?:'s|s)?(?:\s+name)?|maiden\s+name|(?:mum|mom|mother)'?s?\s+(?:maiden|family|surname|last\s+name)"
    r"(?:\s+name)?|favourite\s+(?:teacher|film|movie|book|food|band|colour|color|team))"
    r"\s*(?:was|is|were|:|-|=)?\s*(?:called\s+|named\s+)?(?:a\s+|an\s+|the\s+|my\s+)?"
    r"((?:[^\W_][\w'’\-]*)(?:\s+(?!and\b|but\b|so\b)[^\W_][\w'’\-]*){0,2})")
_PLACE_OF_ORIGIN = re.compile(r"(?i:\b(?:grew\s+up|born)\s+(?:in|on|at))\s+((?:[A-Z][\w'’\-]*\s?){1,3})")
_REFERENCE = re.compile(
    r"(?i)\b(?:CAD|ref(?:erence)?|crime\s+(?:no|number|ref)|CRN|URN|log|incident|occurrence|warrant|custody|"
    r"case|job|collar|shoulder|badge|serial)\.?\s*(?:no\.?|number|num|#)?\s*[:#]?\s*"
    r"((?=[\w/\-]*\d)[\w/\-]{2,})")
_OPERATIONAL = (
    re.compile(r"\b(?:on|at|in|near|outside|around|off|from|into|onto|across|behind|opposite|by|through|"
               r"along|round)\s+(?:the\s+)?((?:[A-Z][\w'’\-]*)(?:\s+[A-Z][\w'’\-]*){0,2})"),
    re.compile(r"((?:[A-Z][\w'’\-]*\s+){1,3})(?i:estate|road|rd|street|park|close|avenue|lane|way|drive|court|"
               r"tower|towers|flats|house|green|square|station|centre|center|hospital|school|arms|parade)\b"),
    re.compile(r"\b(?:Op|Operation)\.?\s+([A-Z][\w'’\-]*)"),
)
_DISTRICT = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\b")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


@dataclass(frozen=True)
class Masker:
    """Masks texts of one report by the rules above (one per report: its secrets are built once)."""

    secrets: Secrets = field(default_factory=Secrets)

    def mask(self, text: str, spans: Iterable[tuple[int, int]] = (), *, operational: bool = False,
             whole: bool = False, words: bool = True) -> str:
        """`text` safe to show, with its own `spans` and everything the rules hide masked.

        `whole`: mask every word (evidence with no known span). `operational`: the text is a post
        about police work, whose places are hidden too. `words=False` (the app's own sentences'
        values): a secret is hidden only where it shows whole, not word by word.
        """
        return self.mask_with_map(text, spans, operational=operational, whole=whole, words=words)[0]

    def mask_with_map(self, text: str, spans: Iterable[tuple[int, int]] = (), *, operational: bool = False,
                      whole: bool = False, words: bool = True) -> tuple[str, list[int]]:
        """`mask()`, and where each position of `text` (and its end) lands in the result."""
        clean, where = _clean_with_map(text)
        if not clean:
            return clean, where
        flags = bytearray(len(clean))
        if whole:
            flags[:] = b"\x01" * len(clean)
        for a, b in spans:
            a, b = where[max(0, min(a, len(text)))], where[max(0, min(b, len(text)))]
            flags[a:b] = b"\x01" * max(0, b - a)
        self._flag_rules(clean, flags, operational, words)
        return _render(clean, flags), where

    def _flag_rules(self, clean: str, flags: bytearray, operational: bool, words: bool) -> None:
        tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(clean)]
        for start, end, folded in tokens if words else ():
            if folded in self.secrets.words:
                flags[start:end] = b"\x01" * (end - start)
        for start, end in self.secrets.phrase_hits(tokens):
            flags[start:end] = b"\x01" * (end - start)
        for rule in _ALWAYS:
            for m in rule.finditer(clean):
                flags[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        for m in _GROUPED.finditer(clean):
            if _digits(m.group(0)) >= 6:
                flags[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        groups = [_URL_PATH, _RANK, _SECURITY, _PLACE_OF_ORIGIN, _REFERENCE]
        if operational:
            groups.extend(_OPERATIONAL)
        for rule in groups:
            for m in rule.finditer(clean):
                flags[m.start(1):m.end(1)] = b"\x01" * (m.end(1) - m.start(1))
        _flag_cut_numbers(clean, flags)
        _flag_whole_tokens(tokens, flags)
        _flag_districts(clean, flags)


def _flag_whole_tokens(tokens: Sequence[tuple[int, int, str]], flags: bytearray) -> None:
    """A word with any hidden character is hidden whole (a span ending mid-word hides the word)."""
    for start, end, _ in tokens:
        if any(flags[start:end]) and not all(flags[start:end]):
            flags[start:end] = b"\x01" * (end - start)


_CUT_END = re.compile(rf"\d(?:{_NUMBER_SEP}?\d)*{_NUMBER_SEP}?…$")
_CUT_START = re.compile(rf"^…{_NUMBER_SEP}?\d(?:{_NUMBER_SEP}?\d)*")


def _flag_cut_numbers(clean: str, flags: bytearray) -> None:
    """A number cut off by the excerpt's edge ("ring 07842…") is hidden: its rest cannot be checked."""
    for rule in (_CUT_END, _CUT_START):
        m = rule.search(clean)
        if m:
            flags[m.start():m.end()] = b"\x01" * (m.end() - m.start())


def _flag_districts(clean: str, flags: bytearray) -> None:
    """The postcode district after a masked part ("…C****, SE15") is masked too, and a ZIP code
    after a masked street and its town ("4*** M**** R**** D*, Columbus OH 43215")."""
    for m in _DISTRICT.finditer(clean):
        before = clean[:m.start()].rstrip(" ,")
        if before and flags[len(before) - 1] and any(ch.isalnum() for ch in before[-1:]):
            flags[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _ZIP.finditer(clean):
        reach = clean[max(0, m.start() - _ZIP_REACH):m.start()]
        masked_at = max((i for i, flag in enumerate(flags[m.start() - len(reach):m.start()]) if flag), default=-1)
        if masked_at >= 0 and _TOWN_TRAILER.fullmatch(reach[masked_at + 1:]):
            flags[m.start():m.end()] = b"\x01" * (m.end() - m.start())


_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\b")
_ZIP_REACH = 40  # characters between the masked street and the ZIP code: a town and a state
_TOWN_TRAILER = re.compile(r"[\s,.]*(?:[A-Z][\w'.\-]*[\s,]*){0,4}")


def _render(clean: str, flags: bytearray) -> str:
    """Hidden letters become `*` except each word's first; hidden digits all become `*`."""
    out = []
    previous_alnum = False
    for ch, hidden in zip(clean, flags, strict=True):
        alnum = ch.isalnum()
        if hidden and alnum:
            out.append(ch if ch.isalpha() and not previous_alnum else "*")
        else:
            out.append(ch)
        previous_alnum = alnum
    return "".join(out)


# -- the older per-finding calls (detector tests use them) ----------------------------------------


def mask_text(text: str) -> str:
    """Mask every word of `text` (letters keep their first, digits nothing)."""
    return Masker().mask(text, whole=True)


def mask(evidence: str, span: tuple[int, int] | None = None, spans: tuple[tuple[int, int], ...] = ()) -> str:
    """`evidence` masked inside `span` and `spans` and by the rules (all of it when no span is known).

    Only this text's own parts are known here; surfaces use `checks.report.disclosure`, which hides
    every finding's parts in every text of the report.
    """
    if not evidence:
        return evidence
    if span is None or span[0] >= span[1]:
        return mask_text(evidence)
    masker = Masker(Secrets.of(evidence[max(0, a):b] for a, b in (span, *spans)))
    return masker.mask(evidence, (span, *spans))


def conceal(report: Report) -> Report:
    """The report with every finding's sensitive parts masked in every finding's evidence.

    Lengths are kept, so each finding's spans still fit; masking twice changes nothing more.
    """
    secrets = report_secrets(report)
    if not secrets.phrases:
        return report
    masker = Masker(secrets)
    findings = []
    for f in report.findings:
        if not f.evidence:
            findings.append(f)
            continue
        masked = _same_length(f.evidence, masker)
        findings.append(f if masked == f.evidence else replace(f, evidence=masked))
    return replace(report, findings=tuple(findings))


def _same_length(text: str, masker: Masker) -> str:
    """`text` with the report's secrets masked, and its other characters where they were."""
    clean, where = _clean_with_map(text)
    flags = bytearray(len(clean))
    tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(clean)]
    for start, end, folded in tokens:
        if folded in masker.secrets.words:
            flags[start:end] = b"\x01" * (end - start)
    for start, end in masker.secrets.phrase_hits(tokens):
        flags[start:end] = b"\x01" * (end - start)
    rendered = _render(clean, flags)
    out = list(text)
    for i, ch in enumerate(text):
        j = where[i]
        if where[i + 1] > j and rendered[j] != ch:  # a kept character that was masked
            out[i] = rendered[j]
    return "".join(out)
