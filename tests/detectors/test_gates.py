"""Pattern gates found in one pass: a gate opens exactly when one of its substrings is in the text."""

from __future__ import annotations

from checks.detectors.gates import NO_GATE, GateIndex, make_gate
from checks.detectors.lexicon import scan


def test_a_gate_opens_on_any_of_its_substrings_in_lower_case() -> None:
    gate = make_gate(["Road", "st"])
    index = GateIndex([gate])
    assert index.opens(gate, scan("Meet me on Mill ROAD"))
    assert index.opens(gate, scan("the first one"))
    assert not index.opens(gate, scan("nothing here"))


def test_a_case_gate_needs_the_capitals() -> None:
    gate = make_gate(["PC", "DC"], case=True)
    index = GateIndex([gate])
    assert index.opens(gate, scan("new gaming PC"))
    assert not index.opens(gate, scan("a pc in lower case"))


def test_a_digit_gate_opens_on_any_digit_and_words_beside_it_still_count() -> None:
    gate = make_gate(["first", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    index = GateIndex([gate])
    assert gate.digits and gate.words == {"first"}
    assert index.opens(gate, scan("my 20th year"))
    assert index.opens(gate, scan("first shift"))
    assert not index.opens(gate, scan("last shift"))


def test_no_gate_always_opens() -> None:
    index = GateIndex([])
    assert NO_GATE.empty
    assert index.opens(NO_GATE, scan("anything at all"))
