"""Peers' UK PII strings (../shared/samples/peer-cases/uk_pii_cases.json): what is found and refused.

Vehicle registrations and passport numbers are flagged only with context ("my car reg", "passport"),
by design, so context-free strings are counted separately; NHS numbers and temporary tax reference
numbers are out of scope. The numbers are printed (pytest -s) and reported in the README.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from tests.detectors.conftest import categories, make_post

HOME = {"UK_POSTCODE", "postalcode", "address"}
OUT_OF_SCOPE = {"UK_NHS", "tax_reference_number"}
NEEDS_CONTEXT = {"UK_VEHICLE_REGISTRATION", "UK_PASSPORT"}


def test_peer_cases(shared_samples: Path) -> None:
    path = shared_samples / "peer-cases" / "uk_pii_cases.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # found, missed, false, refused
    for case in cases:
        want = "home_address" if case["entity"] in HOME else "identity_details"
        hit = want in categories(make_post(case["text"]))
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
