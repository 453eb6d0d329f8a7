"""The detector run (text read once for all text detectors) finds exactly what each detector finds alone."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from checks.detectors import DETECTORS
from checks.detectors.base import TextDetector
from checks.detectors.runner import DetectorRun
from checks.records import Category, Detection, Item, ItemKind, ProfileField
from tests.detectors.conftest import make_field, make_place, make_post
from training.dataset import load_all


def one_by_one(item: Item) -> list[Detection]:
    return [d for cls in DETECTORS for d in cls().detect(item)]


def special_items() -> list[Item]:
    """Items the text detectors read in their own ways, beside plain posts."""
    return [
        make_field(ProfileField.ADDRESS, "14 Larkspur Close, Leeds LS6 2AB"),
        make_field(ProfileField.BIRTH_DATE, "1987-03-14"),
        make_field(ProfileField.PHONE, "07700 900123"),
        make_field(ProfileField.BIO, "Mum of 2 | West Yorkshire Police | Otley"),
        make_field(ProfileField.GENDER, "Female"),
        make_field(ProfileField.FAMILY_MEMBER, "Poppy Hartley (daughter)"),
        make_place("Home", 53.8, -1.55),
        make_place(None, 53.8, -1.55, kind=ItemKind.CHECKIN, text="Every Tuesday at the gym"),
        make_post("My daughter Poppy, 9, at Oakfield Primary", kind=ItemKind.PHOTO),
    ]


def test_the_run_finds_what_each_detector_finds_alone_over_the_labelled_texts() -> None:
    examples = [ex for ex in load_all() if ex.source.startswith("batch-")]
    items = [ex.item(n) for n, ex in enumerate(examples)] + special_items()
    run = DetectorRun([cls() for cls in DETECTORS])
    found = 0
    for item in items:
        together = run.detect(item)
        assert together == one_by_one(item), item.text
        found += len(together)
    assert found > 1000  # the comparison covered texts with findings, not just empty ones


class Exploding(TextDetector):
    id = "exploding"
    category = Category.CONDUCT_RISK
    severity = DETECTORS[0].severity

    def report(self, item, analysis, verdict) -> Iterator[Detection]:  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")
        yield


def test_a_failing_detector_is_logged_and_the_others_still_report(caplog: pytest.LogCaptureFixture) -> None:
    others = [cls() for cls in DETECTORS if getattr(cls, "category", None) is not Category.CONDUCT_RISK]
    run = DetectorRun([*others, Exploding()])
    item = make_post("Text me on 07700 900123. The scum on that estate all deserve a good kicking")
    assert Category.CONDUCT_RISK in {d.category for d in one_by_one(item)}  # so the exploding one is asked
    with caplog.at_level(logging.ERROR):
        got = run.detect(item)
    assert {d.category for d in got} >= {Category.IDENTITY_DETAILS}
    assert "detector exploding failed" in caplog.text


def test_two_text_detectors_for_one_category_are_refused() -> None:
    first = next(cls() for cls in DETECTORS if issubclass(cls, TextDetector))
    with pytest.raises(ValueError):
        DetectorRun([first, type(first)()])


def test_every_text_detector_that_reads_items_its_own_way_says_which() -> None:
    for cls in DETECTORS:
        if issubclass(cls, TextDetector) and cls.detect is not TextDetector.detect:
            assert cls.own_kinds or cls.reads_labels, cls.id
