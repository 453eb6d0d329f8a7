"""Word lists and gazetteers, loaded once and matched in one pass with pyahocorasick.

Every list lives in `resources/wordlists/<name>.tsv` (phrase, then optional tab-separated
values; `#` starts a comment). All lists go into ONE automaton, so a post is scanned once
however many lists the detectors use. Matches are checked for word boundaries (so "pc" does
not match inside "npc") and, for entries marked `case` in their last column, for the exact
capitalisation ("PC" the rank, not "pc" the computer in lower case).

`scan(text)` returns a `Scan` (the lowered text and the hits grouped by list). The detectors
all look at the same item one after another, so the last scan is kept and reused: the text of
an item is scanned once per item, not once per detector.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from checks.resources import resource_path

# Apostrophes and dashes people type in many forms; mapped one-to-one so offsets stay valid.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-",
                       "\u00a0": " ", "\u2009": " ", "\u202f": " "})


@dataclass(frozen=True)
class Entry:
    """One phrase of one list, with the values given after it in the file."""

    list: str
    phrase: str  # as written in the file (the form checked when `case` is set)
    values: tuple[str, ...] = ()
    case: bool = False

    def value(self, index: int, default: str = "") -> str:
        return self.values[index] if index < len(self.values) else default


class Hit(NamedTuple):
    """A phrase found in a text at [start, end). (A NamedTuple: posts make many, and it is cheap to build.)"""

    start: int
    end: int
    entry: Entry

    @property
    def list(self) -> str:
        return self.entry.list


@dataclass
class Scan:
    """The result of scanning one text: its folded forms and the hits, grouped by list."""

    text: str  # the original text with apostrophes and dashes folded (same length)
    lower: str  # `text` in lower case (same length)
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    has_digit: bool = False

    def of(self, name: str) -> list[Hit]:
        return self.hits.get(name, [])

    def any(self, *names: str) -> bool:
        return any(name in self.hits for name in names)


def fold(text: str) -> str:
    """Fold typographic apostrophes, dashes and spaces (same length as `text`)."""
    return text.translate(_FOLD)


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping every character's position (a few letters lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Lexicon:
    """Many word lists in one automaton."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        grouped: dict[str, list[Entry]] = {}
        for entry in entries:
            key = _boundaries(lower_same_length(fold(entry.phrase.strip())))
            if key.strip():
                grouped.setdefault(key, []).append(entry)
        self._automaton = ahocorasick.Automaton()
        for key, group in grouped.items():
            # Spaces around every key: a key can only match a whole word or phrase in the
            # space-separated text, so "st" is never even reported inside "first".
            padded = f" {key} "
            self._automaton.add_word(padded, (len(padded), tuple(group)))
        self.size = len(grouped)
        if grouped:
            self._automaton.make_automaton()
        self._last: tuple[str, Scan] | None = None

    def scan(self, text: str) -> Scan:
        """Find every list phrase in `text` (cached for the last text scanned)."""
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        folded = fold(text)
        lower = lower_same_length(folded)
        result = Scan(text=folded, lower=lower, has_digit=_DIGIT.search(lower) is not None)
        if self.size:
            hits = result.hits
            # padded coordinates: phrase = padded[start + 1:end_idx] = text[start:end_idx - 1]
            for end_idx, (length, group) in self._automaton.iter(f" {_boundaries(lower)} "):
                start = end_idx - length + 1
                end = end_idx - 1
                for entry in group:
                    if entry.case and folded[start:end] != entry.phrase:
                        continue
                    hits.setdefault(entry.list, []).append(Hit(start, end, entry))
        self._last = (text, result)  # one tuple assignment: safe across threads
        return result


_DIGIT = re.compile(r"\d")
_PUNCT = str.maketrans({c: " " for c in "!\"$%()*+,./:;<=>?@[\\]^_`{|}~\t\n\r\x0b\x0c\u2026\u00ab\u00bb\u201c\u201d"})
_EX = re.compile(r"\bex-(?=\w)")
_POSSESSIVE = re.compile(r"'s(?!\w)")
_EDGE = re.compile(r"(?<!\w)['\-]|['\-](?!\w)")
_OTHER = re.compile(r"[^\w\s'#&\-]")


def _boundaries(lower: str) -> str:
    """Punctuation as spaces (same length); apostrophes and hyphens are kept only inside words."""
    out = lower.translate(_PUNCT)
    if "'" in out or "-" in out:
        out = _EDGE.sub(" ", _POSSESSIVE.sub("  ", out))  # "custody's" matches "custody"
        out = _EX.sub("ex ", out)  # "ex-West Midlands Police" matches the force
    if not out.isascii():
        out = _OTHER.sub(" ", out)  # emoji and other symbols next to words
    return out


def read_list(path: Path, name: str | None = None) -> list[Entry]:
    """Entries of one `.tsv`/`.txt` list: phrase [TAB value ...] [TAB case]; "# " starts a comment."""
    name = name or path.stem
    out = []
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            stripped = line.strip()
            if not stripped or stripped == "#" or stripped.startswith(("# ", "#\t")):
                continue
            parts = [p.strip() for p in line.split("\t")]
            case = len(parts) > 1 and parts[-1] == "case"
            if case:
                parts = parts[:-1]
            out.append(Entry(name, parts[0], tuple(parts[1:]), case))
    return out


def wordlist_dir() -> Path:
    return resource_path("wordlists")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The automaton of every list in resources/wordlists (built once per process)."""
    entries: list[Entry] = []
    for path in sorted(wordlist_dir().glob("*.tsv")):
        entries.extend(read_list(path))
    return Lexicon(entries)


@cache
def plain_list(name: str) -> tuple[Entry, ...]:
    """A list used for lookups rather than matching (e.g. postcode areas), by file name."""
    return tuple(read_list(wordlist_dir() / name))


def scan(text: str) -> Scan:
    """Scan `text` with every word list."""
    global _scan
    if _scan is None:
        _scan = lexicon().scan
    return _scan(text)


_scan: Callable[[str], Scan] | None = None


def overlaps(hit: Hit, others: Iterable[Hit]) -> bool:
    """True when `hit` lies inside or across any of `others` (e.g. a TV title)."""
    return any(o.start < hit.end and hit.start < o.end for o in others)
