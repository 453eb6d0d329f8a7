"""The declared signal patterns: a gate only ever skips texts its expression could not match."""

from __future__ import annotations

import pytest

from checks.detectors.lexicon import read_list, scan
from checks.detectors.signals import Pattern, signal_rules, text_signals
from checks.resources import resource_path
from training.dataset import load_all

# texts made to match patterns whose gates were once wrong ("Dr", "D.C.")
CRAFTED = [
    "We're at 14 Sycamore Dr now", "Harvey's U12s won 4-1 this morning", "First shift as a sergeant tomorrow",
    "at the Bullring rn if anyone's about", "Off to Washington D.C. next week", "New flat on Hyndland Cl",
    "Meet you on Mill Ln", "Booked PS5 and a new gaming PC", "Ellie-May turned 7",
]


def _texts() -> list[str]:
    return CRAFTED + [ex.text for ex in load_all()]


def _gated() -> list[Pattern]:
    return [p for p in signal_rules().patterns if not p.gate.empty]


@pytest.mark.parametrize("pattern", _gated(), ids=lambda p: p.signal.value)
def test_a_gate_holds_in_every_text_its_expression_matches(pattern: Pattern) -> None:
    gates = signal_rules().gates
    missed = []
    for text in _texts():
        sc = scan(text)
        subject = sc.text if pattern.case else sc.lower
        if pattern.regex.search(subject) is None:
            continue
        if not gates.opens(pattern.gate, sc):
            missed.append(text)
    assert not missed, f"{pattern.signal.value}: the gate would skip {missed[:3]}"


@pytest.mark.parametrize("text, signal", [
    ("We're at 14 Sycamore Dr now", "named_street"),
    ("Off to Washington D.C. next week", "not_police"),
    ("Harvey's U12s won 4-1 this morning", "school_name"),
    ("First shift as a sergeant tomorrow", "tenure"),
    ("at the Bullring rn if anyone's about", "named_place"),
])
def test_texts_once_skipped_by_a_gate_now_get_their_signal(text: str, signal: str) -> None:
    assert signal in {s.value for s in text_signals(text).kinds}


def test_every_kind_in_a_word_list_gives_a_signal() -> None:
    """A kind [lexicon] does not map (a typo such as "threat" for "harass") would be read and silently ignored."""
    rules = signal_rules()
    unmapped: list[str] = []
    for lst in sorted(rules.lists):
        if (lst, "") in rules.lexicon:
            continue  # the whole list is one signal
        column = rules.kind_column.get(lst, 0)
        for entry in read_list(resource_path("wordlists", f"{lst}.tsv"), lst):
            if (lst, entry.value(column)) not in rules.lexicon:
                unmapped.append(f"{lst}: {entry.phrase!r} has kind {entry.value(column)!r}")
    assert not unmapped, unmapped[:10]


def test_a_shared_fragment_is_written_into_every_pattern_that_names_it() -> None:
    from checks.detectors.signals import _with_fragments

    fragments = {"areas": "SE|LE"}
    assert _with_fragments(r"\b(?:<<areas>>)\d{1,2}\b", fragments) == r"\b(?:SE|LE)\d{1,2}\b"
    with pytest.raises(KeyError):
        _with_fragments("<<undeclared>>", fragments)
    assert not any("<<" in p.regex.pattern for p in signal_rules().patterns)
