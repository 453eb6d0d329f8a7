"""Peers' UK PII strings (../shared/samples/peer-cases/uk_pii_cases.json): values recognised and refused.

These are bare strings with no post around them, so they test the value checks, not the decision
(whether a post shows the person's own details is for the rules and the model, on posts): every
valid postcode, NI, driving licence, NHS number, IBAN and phone is recognised by its extractor, and
the invalid ones (a postcode area that does not exist, an NI prefix never issued) are refused.
Registrations in the older formats, passport and NHS numbers need words saying what they are ("my reg",
"passport", "NHS number"), by design, so the bare strings are counted apart; temporary tax references are out of
scope. The counts are printed (pytest -s) and reported in the README.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from checks.detectors.home_address import HomeAddress
from checks.detectors.identity import IdentityDetails
from checks.detectors.lexicon import scan
from checks.detectors.signals import Signal, text_signals
from tests.detectors.conftest import make_post

HOME = {"UK_POSTCODE", "postalcode", "address"}
OUT_OF_SCOPE = {"tax_reference_number"}
NEEDS_CONTEXT = {"UK_VEHICLE_REGISTRATION", "UK_PASSPORT", "UK_NHS"}


def recognised(entity: str, text: str) -> bool:
    item = make_post(text)
    if entity in HOME:
        districts = text_signals(text).of(Signal.LIVES_IN_DISTRICT, Signal.DISTRICT_PINNED)
        return bool(HomeAddress._text(item, scan(text), districts))
    return bool(list(IdentityDetails()._values(item, scan(text))))


def test_peer_cases(shared_samples: Path) -> None:
    path = shared_samples / "peer-cases" / "uk_pii_cases.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # found, missed, false, refused
    for case in cases:
        hit = recognised(case["entity"], case["text"])
        row = counts[case["entity"]]
        row[(0 if hit else 1) if case["expected"] else (2 if hit else 3)] += 1
    for entity, (found, missed, false, refused) in sorted(counts.items()):
        print(f"{entity}: found {found}, missed {missed}, false alarms {false}, refused {refused}")
    false_alarms = sum(c[2] for c in counts.values())
    assert false_alarms == 0
    in_scope = [c for e, c in counts.items() if e not in OUT_OF_SCOPE | NEEDS_CONTEXT]
    found = sum(c[0] for c in in_scope)
    positives = sum(c[0] + c[1] for c in in_scope)
    assert found / positives >= 0.95
