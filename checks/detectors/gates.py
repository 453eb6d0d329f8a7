"""Pattern gates: which of the declared patterns can match a text, found in one pass.

Every `[[pattern]]` in signals.toml may name a gate: substrings of which at least one must be in
the text before its regular expression is run. Searching each gate as its own expression cost
more than the patterns it spared; here all gate substrings go into two Aho-Corasick automata (one
for the lower-cased text, one for gates matched with their capitals), so a text is read once and
each substring carries the numbers of the patterns it opens. A gate of digits needs only the
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


NO_GATE = Gate()


def make_gate(words: Iterable[str], case: bool = False) -> Gate:
    listed = list(words)
    digits = any(len(w) == 1 and w.isdigit() for w in listed)
    kept = frozenset(w if case else w.lower() for w in listed if not (len(w) == 1 and w.isdigit()))
    return Gate(kept, digits, case)


class GateIndex:
    """Every gate substring in one automaton per case; `open(scan)` lists the gates a text opens.

    The gates are numbered in the order given (a pattern's gate has its pattern's number), and each
    substring in the automata carries the numbers of the gates it opens, so a text costs one pass
    per automaton and a set union, however many patterns there are.
    """

    def __init__(self, gates: Iterable[Gate]) -> None:
        self._gates = tuple(gates)
        self._always = tuple(i for i, g in enumerate(self._gates) if g.empty)
        self._on_digit = tuple(i for i, g in enumerate(self._gates) if g.digits)
        self._lower = _automaton(self._gates, case=False)
        self._cased = _automaton(self._gates, case=True)

    def open(self, sc: Scan) -> list[int]:
        """The numbers of the gates this scan opens, in order."""
        opened: set[int] = set(self._always)
        if sc.has_digit:
            opened.update(self._on_digit)
        for automaton, text in ((self._lower, sc.lower), (self._cased, sc.text)):
            if automaton is not None:
                for _end, numbers in automaton.iter(text):
                    opened.update(numbers)
        return sorted(opened)

    def opens(self, gate: Gate, sc: Scan) -> bool:
        """Whether `gate` (empty, or one of those given) lets its pattern run on this scan."""
        return gate.empty or self._gates.index(gate) in self.open(sc)


def _automaton(gates: tuple[Gate, ...], case: bool) -> ahocorasick.Automaton | None:
    numbers: dict[str, list[int]] = {}
    for i, gate in enumerate(gates):
        if gate.case is case:
            for word in gate.words:
                numbers.setdefault(word, []).append(i)
    if not numbers:
        return None
    automaton = ahocorasick.Automaton()
    for word, found in numbers.items():
        automaton.add_word(word, tuple(found))
    automaton.make_automaton()
    return automaton
