"""Pattern gates: which of the declared patterns can match a text, found in one pass.

Every `[[pattern]]` in signals.toml may name a gate: substrings of which at least one must be in
the text before its regular expression is run. Searching each gate as its own expression cost
more than the patterns it spared; here all gate substrings go into two Aho-Corasick automata (one
for the lower-cased text, one for gates matched with their capitals), so a text is read once and
each pattern then asks whether any of its substrings was seen. A gate of digits needs only the
scan's own "has a digit".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from checks.detectors.lexicon import Scan


@dataclass(frozen=True)
class Gate:
    """The substrings that open a pattern (with `case`, as written), and whether any digit opens it."""

    words: frozenset[str] = frozenset()
    digits: bool = False
    case: bool = False

    @property
    def empty(self) -> bool:
        """No gate: the pattern always runs."""
        return not self.words and not self.digits

    def opens(self, seen: frozenset[str] | set[str], has_digit: bool) -> bool:
        return self.empty or (self.digits and has_digit) or not self.words.isdisjoint(seen)


NO_GATE = Gate()


def make_gate(words: Iterable[str], case: bool = False) -> Gate:
    listed = list(words)
    digits = any(len(w) == 1 and w.isdigit() for w in listed)
    kept = frozenset(w if case else w.lower() for w in listed if not (len(w) == 1 and w.isdigit()))
    return Gate(kept, digits, case)


class GateIndex:
    """Every gate substring in one automaton per case; `seen(scan)` lists those a text holds."""

    def __init__(self, gates: Iterable[Gate]) -> None:
        gates = list(gates)
        self._lower = _automaton(w for g in gates if not g.case for w in g.words)
        self._cased = _automaton(w for g in gates if g.case for w in g.words)

    def seen(self, sc: Scan) -> tuple[set[str], set[str]]:
        """The gate substrings in the lower-cased text, and those matched with capitals in the text."""
        return _found(self._lower, sc.lower), _found(self._cased, sc.text)

    def opens(self, gate: Gate, sc: Scan) -> bool:
        """Whether `gate` lets its pattern run on this scan (for one pattern; `seen` serves many)."""
        lower, cased = self.seen(sc)
        return gate.opens(cased if gate.case else lower, sc.has_digit)


def _automaton(words: Iterable[str]) -> ahocorasick.Automaton | None:
    unique = sorted(set(words))
    if not unique:
        return None
    automaton = ahocorasick.Automaton()
    for word in unique:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _found(automaton: ahocorasick.Automaton | None, text: str) -> set[str]:
    if automaton is None:
        return set()
    return {word for _end, word in automaton.iter(text)}
