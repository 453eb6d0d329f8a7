"""Merging detections into findings: stable ids, one finding per exposure, no duplicate rows."""

from __future__ import annotations

from checks.assess.merge import finding_id, merge
from checks.records import Category, Detection, ItemKind, Place, Platform, Severity, Source


def _det(detector: str, key: str, pointer: str, *, severity: Severity = Severity.HIGH, place: Place | None = None,
         related: tuple[Source, ...] = (), platform: Platform = Platform.X, category: Category = Category.HOME_ADDRESS,
         input_index: int = 0) -> Detection:
    return Detection(detector=detector, category=category, severity=severity, confidence=0.9, title="t", reason="r",
                     evidence="e", key=key, source=Source(input_index, "data/tweets.js", pointer), platform=platform,
                     item_kind=ItemKind.POST, place=place, related=related)


def test_the_same_exposure_in_many_posts_is_one_finding_with_every_source() -> None:
    found = merge([_det("home_address", "postcode:SE232QP", f"/{i}/tweet/full_text") for i in range(20)])
    assert len(found) == 1 and found[0].occurrences == 20
    assert {s.pointer for s in (found[0].source, *found[0].related)} == {f"/{i}/tweet/full_text" for i in range(20)}


def test_ids_do_not_depend_on_order_or_on_which_export_came_first() -> None:
    a = merge([_det("home_address", "postcode:SE232QP", "/1/tweet/full_text", input_index=0)])
    b = merge([_det("home_address", "postcode:SE232QP", "/9/tweet/full_text", input_index=3)])
    assert a[0].id == b[0].id == finding_id(_det("home_address", "postcode:SE232QP", "/5"))


def test_a_low_check_in_already_listed_by_the_home_finding_is_not_repeated() -> None:
    home_place = Place(51.44, -0.05, 30, "near Perry Vale")
    records = tuple(Source(0, "data/tweets.js", f"/{i}/tweet/coordinates") for i in range(1, 5))
    home = _det("home_inference", "home:x", "/0/tweet/coordinates", place=home_place, related=records)
    checkin = _det("location_pattern", "checkin:51.440,-0.050", "/3/tweet/coordinates", severity=Severity.LOW,
                   category=Category.LOCATION_PATTERN)
    elsewhere = _det("location_pattern", "checkin:51.460,-0.020", "/9/tweet/coordinates", severity=Severity.LOW,
                     category=Category.LOCATION_PATTERN)
    other_platform = _det("location_pattern", "checkin:51.440,-0.050", "/3/tweet/coordinates",
                          severity=Severity.LOW, category=Category.LOCATION_PATTERN, platform=Platform.FACEBOOK)
    found = merge([home, checkin, elsewhere, other_platform])
    keys = sorted((f.detector, f.key, f.platform.value) for f in found)
    assert keys == [("home_inference", "home:x", "x"),
                    ("location_pattern", "checkin:51.440,-0.050", "facebook"),
                    ("location_pattern", "checkin:51.460,-0.020", "x")]
