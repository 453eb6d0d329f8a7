"""Builders for synthetic items (invented people only) used by the detector tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.detectors import DETECTORS
from checks.detectors.base import Detector
from checks.records import Audience, Detection, GeoPoint, Item, ItemKind, Platform, ProfileField, Source

WHEN = datetime(2025, 6, 14, 9, 30, tzinfo=UTC)


def make_post(text: str, n: int = 0, *, when: datetime | None = WHEN, platform: Platform = Platform.X,
              kind: ItemKind = ItemKind.POST, audience: Audience = Audience.PUBLIC) -> Item:
    return Item(platform, kind, Source(0, "data/tweets.js", f"/{n}/tweet/full_text", when), text=text,
                audience=audience)


def make_field(field: ProfileField, text: str, *, details: tuple[tuple[str, str], ...] = (),
               platform: Platform = Platform.FACEBOOK) -> Item:
    return Item(platform, ItemKind.PROFILE_FIELD,
                Source(0, "profile_information/profile_information.json", f"/profile_v2/{field.value}"),
                text=text, field=field, details=details)


def make_place(label: str | None, lat: float, lon: float, *, kind: ItemKind = ItemKind.LOCATION,
               text: str = "", platform: Platform = Platform.GOOGLE) -> Item:
    return Item(platform, kind, Source(0, "Semantic Location History/2024/2024_MARCH.json", "/timelineObjects/0"),
                text=text, location=GeoPoint(lat, lon, 30.0), label=label)


def run(detector: type[Detector] | Detector, item: Item) -> list[Detection]:
    det = detector() if isinstance(detector, type) else detector
    return list(det.detect(item))


def run_all(item: Item) -> list[Detection]:
    return [d for cls in DETECTORS for d in cls().detect(item)]


def categories(item: Item) -> set[str]:
    return {d.category.value for d in run_all(item)}


@pytest.fixture
def post():  # type: ignore[no-untyped-def]
    return make_post
