"""Camera identity is its own analyzer; every place finding speaks in Messages that name no place."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from checks.detectors import ANALYZERS
from checks.places.analyzer import PlacesAnalyzer
from checks.places.camera import CameraIdentity
from checks.places.drawing import Mark, relative_svg
from checks.places.geo import move
from checks.records import Category, Detection, Item, ItemKind, Message, Platform, Source
from checks.report.masking import mask
from checks.report.words import load_entries, say
from tests.places import checkin_life, infer, scenario

T = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


def camera_photos(n: int = 5) -> list[Item]:
    return [Item(Platform.PHOTOS, ItemKind.PHOTO, Source(0, f"DCIM/IMG_{i}.JPG", "", T),
                 details=(("owner", "D. Example"), ("serial", "0123456789"), ("body_serial", "0123456789")))
            for i in range(n)]


def run(analyzer: PlacesAnalyzer | CameraIdentity, items: list[Item]) -> list[Detection]:
    return infer(analyzer, items)


def test_camera_owner_and_serial_are_reported_once_each_by_their_own_analyzer() -> None:
    assert CameraIdentity in ANALYZERS and CameraIdentity.id == "camera_identity"
    found = run(CameraIdentity(), camera_photos())
    assert sorted(d.key for d in found) == ["owner:d. example", "serial:0123456789"]
    for d in found:
        assert d.detector == "camera_identity" and d.category is Category.PHOTO_METADATA
        assert len(d.related) == 4  # each photo once, though it names the serial twice
        assert d.reason.value("count") == 5
        assert d.span == (0, len(d.evidence)) and mask(d.evidence, d.span) != d.evidence
    titles = sorted(d.title.code for d in found)
    assert titles == ["places.camera.title.owner", "places.camera.title.serial"]


def test_the_places_analyzer_reports_no_camera_identity_and_keeps_no_camera_photos() -> None:
    analyzer = PlacesAnalyzer()
    assert not run(analyzer, camera_photos())
    assert analyzer.store.photos == []  # the camera_identity analyzer has them
    assert set(vars(analyzer)) == {"store", "checkins", "settings"}  # settings: handed over by the pipeline


def test_camera_identity_ignores_blank_values_and_other_items() -> None:
    items = [Item(Platform.PHOTOS, ItemKind.PHOTO, Source(0, "a.jpg"), details=(("owner", "  "), ("make", "Apple"))),
             Item(Platform.X, ItemKind.POST, Source(0, "t.js", "/0"), text="hi", details=(("serial", "123456"),))]
    assert run(CameraIdentity(), items) == []


def _messages(m: Message | str) -> list[Message]:
    assert isinstance(m, Message), m
    out = [m]
    for _, value in m.values:
        if isinstance(value, Message):
            out.extend(_messages(value))
    return out


def test_every_title_and_reason_is_a_message_with_words_and_names_no_place() -> None:
    items = scenario.build(5).items + checkin_life.build(5).items()
    found = run(PlacesAnalyzer(), items) + run(CameraIdentity(), camera_photos())
    entries = load_entries("en-GB")
    assert {d.detector for d in found} >= {"home_inference", "work_inference", "routine", "strava_privacy",
                                          "photo_metadata", "checkins", "checkins_near_home", "frequent_place",
                                          "camera_identity"}
    venue_names = {v.name for c in checkin_life.build(5).checkins for v in [c.venue]}
    for d in found:
        for m in (*_messages(d.title), *_messages(d.reason)):
            assert m.code in entries, m.code
        title, reason = say(d.title), say(d.reason)
        assert "{" not in title + reason and not re.search(r"\d+\.\d{2,}", title)  # no coordinate
        if d.place and d.place.near:
            town = d.place.near.removeprefix("near ").split(",")[0]
            assert town not in title and town not in reason
        assert not any(name in title for name in venue_names)
        assert not d.evidence or d.evidence not in title + reason


def test_the_drawing_speaks_through_the_words() -> None:
    svg = relative_svg(51.5, -0.1, 40, [Mark(*move(51.5, -0.1, 30, 40), "checkin")])
    assert say(Message("places.drawing.title")) in svg
    assert say(Message("places.drawing.mark", (("kind", Message("places.kind.checkin")), ("distance", 50)))) in svg
