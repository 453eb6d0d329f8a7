"""Held-out batch 6: everyday police-job talk and its look-alikes (issue 4).

Written before the rules were changed; its first run (employer 0.98 precision / 0.41 recall) is in
the README. These floors keep what the fixes gained without letting look-alikes back in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.records import Category
from tests.detectors.conftest import run_all
from tests.detectors.corpus_eval import CORPUS, HELDOUT, evaluate, load, post, table

BATCH6 = Path(__file__).parent / "corpus" / "heldout6.jsonl"


def test_batch_is_big_balanced_and_new() -> None:
    rows = load(BATCH6)
    positives = [r for r in rows if Category.EMPLOYER_DISCLOSURE.value in r["expected"]]  # type: ignore[operator]
    negatives = [r for r in rows if not r["expected"]]
    assert len(positives) >= 100 and len(negatives) >= 100
    earlier = {r["text"] for r in load(CORPUS) + load(HELDOUT)}
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)) and not earlier & set(texts)


def test_employer_on_batch_6() -> None:
    scores = evaluate(BATCH6)
    cat = Category.EMPLOYER_DISCLOSURE.value
    assert scores.precision(cat) >= 0.95, table(scores)
    assert scores.recall(cat) >= 0.85, table(scores)


@pytest.mark.parametrize("text", [
    "Refs at half time? The referee needs glasses",
    "Relief teacher covering Year 6 this week, wish me luck",
    "I'm in the job centre queue again",
    "Probie firefighter on my first watch, the crew are brilliant",
    "My sister just got her warrant card, so proud of her",
    "First day on the job at the building site, knackered",
    "Constant watch on the toddler today, she's into everything",
    # written after the fixes, to check the new rules were not too loose
    "Our maths tutor picked us up in the van for the school trip",
    "Statements from the bank arrived, booked off work to sort them",
    "Stab vest wearing security at the festival was intense",
    "Booked on the 7am train, booked off work tomorrow",
    "Bed watch with my poorly toddler all night",
    "First week on response at the IT helpdesk, phones ringing",
    "My uniform and my tutor report both need sorting before term",
    "In the job market again after redundancy",
    "Roads policing documentary on Channel 5 was brilliant",
])
def test_look_alikes_stay_quiet(text: str) -> None:
    assert not [d for d in run_all(post(text)) if d.category is Category.EMPLOYER_DISCLOSURE]


@pytest.mark.parametrize("text", [
    "Refs at 2am again, the canteen's long gone",
    "D relief are the best relief in the borough",
    "In the job 9 years this week",
    "Crewed with my tutor on the van all night",
    "Fourteen years in the job and the paperwork only gets worse",
    "My tutor said I handled the domestic well tonight",
    "Section 136 at 4am, no beds anywhere in the county",
    "Another constant watch in custody, I've read every poster on the wall",
    "Booked on at 0700, booked off at 2230, long day",
])
def test_everyday_police_talk_is_found(text: str) -> None:
    found = [d for d in run_all(post(text)) if d.category is Category.EMPLOYER_DISCLOSURE]
    assert found
    assert all(text[d.span[0]:d.span[1]] not in d.title + d.reason for d in found if d.span)  # nothing quoted
