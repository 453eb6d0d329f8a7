"""Home, work and routine inference on realistic multi-platform scenarios (tests/places/scenario.py)."""

from __future__ import annotations

import tracemalloc
from datetime import datetime, timedelta, timezone

import pytest

from checks.places.analyzer import PlacesAnalyzer
from checks.places.geo import haversine_m, move
from checks.records import Category, Detection, GeoPoint, Item, ItemKind, Message, Platform, Severity, Source, msg
from tests.places import infer, scenario


def finding_count(d: Detection) -> int:
    return 1 + len(d.related)


def run(items: list[Item]) -> list[Detection]:
    return infer(PlacesAnalyzer(), items)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_home_is_found_within_150_m_across_platforms(seed: int) -> None:
    sc = scenario.build(seed)
    found = run(sc.items)
    homes = [d for d in found if d.detector == "home_inference"]
    assert homes, "the home must be inferred"
    for d in homes:
        assert d.category is Category.HOME_ADDRESS and d.place is not None
        assert haversine_m(d.place.lat, d.place.lon, *sc.truth_home) < 150
    platforms = {d.platform for d in homes}
    assert {Platform.INSTAGRAM, Platform.STRAVA} <= platforms, platforms


def test_home_finding_lists_exactly_the_items_that_reveal_it() -> None:
    sc = scenario.build(11, platforms=("instagram",), days=200)
    insta_home = [d for d in run(sc.items) if d.detector == "home_inference" and d.platform is Platform.INSTAGRAM]
    assert len(insta_home) == 1
    finding = insta_home[0]
    revealed = {(s.file, s.pointer) for s in (finding.source, *finding.related)}
    expected = {(i.source.file, i.source.pointer) for i in sc.items
                if i.location and haversine_m(i.location.lat, i.location.lon, *sc.truth_home) < 60}
    # Every photo taken at home is listed, and nothing taken far away is.
    assert expected <= revealed
    far = {(i.source.file, i.source.pointer) for i in sc.items
           if i.location and haversine_m(i.location.lat, i.location.lon, *sc.truth_home) > 400}
    assert not (far & revealed)
    assert finding.title.code == "places.home.title"
    assert finding.title.value("things") == msg("places.count.photo", count=finding_count(finding))
    assert finding.reason.code == "places.home.reason.plain"


def test_night_shifts_at_the_station_do_not_make_it_home() -> None:
    sc = scenario.build(21, platforms=("google",))
    found = run(sc.items)
    home = next(d for d in found if d.detector == "home_inference")
    assert home.place and haversine_m(home.place.lat, home.place.lon, *scenario.STATION) > 1000
    work = [d for d in found if d.detector == "work_inference"]
    assert work and work[0].place is not None
    assert haversine_m(work[0].place.lat, work[0].place.lon, *scenario.STATION) < 150


def test_weekly_parkrun_is_a_routine_and_the_holiday_is_not() -> None:
    sc = scenario.build(5)
    routines = [d for d in run(sc.items) if d.detector == "routine"]
    assert any(d.place and haversine_m(d.place.lat, d.place.lon, *scenario.PARKRUN) < 150
               and d.title.value("day") == Message("places.day.saturday")
               and d.title.value("time") == msg("places.time.am", hour=9) for d in routines), routines
    assert all(d.place and haversine_m(d.place.lat, d.place.lon, *scenario.HOLIDAY) > 10_000 for d in routines)


def test_a_platform_label_alone_gives_the_home() -> None:
    t = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
    item = Item(Platform.GOOGLE, ItemKind.CHECKIN, Source(0, "Timeline.json", "/semanticSegments/3/visit", t),
                location=GeoPoint(53.4001, -2.9801, 20), label="HOME")
    homes = [d for d in run([item]) if d.detector == "home_inference"]
    assert len(homes) == 1 and homes[0].confidence >= 0.9
    assert homes[0].place and haversine_m(homes[0].place.lat, homes[0].place.lon, 53.4001, -2.9801) < 30


def test_too_little_evidence_gives_no_home() -> None:
    t = datetime(2024, 5, 1, 23, tzinfo=timezone.utc)
    items = [Item(Platform.INSTAGRAM, ItemKind.PHOTO, Source(0, "p.json", f"/{i}", t + timedelta(days=30 * i)),
                  location=GeoPoint(*move(52.2, 0.12, 1000 * i, 0))) for i in range(4)]
    assert not [d for d in run(items) if d.detector == "home_inference"]


def test_strava_without_a_privacy_zone_is_high() -> None:
    found = run(scenario.build(9, platforms=("strava", "google")).items)
    strava = [d for d in found if d.detector == "strava_privacy"]
    assert len(strava) == 1 and strava[0].severity is Severity.HIGH
    assert strava[0].reason.code == "places.strava.reason.no_zone"
    assert strava[0].title.code == "places.strava.title.no_zone"
    assert strava[0].title.value("count") == 1 + len(strava[0].related)
    assert strava[0].place and haversine_m(strava[0].place.lat, strava[0].place.lon, *scenario.HOME) < 150


def test_a_small_strava_privacy_zone_is_called_out() -> None:
    found = run(scenario.build(9, platforms=("strava", "google"), strava_zone_m=200).items)
    strava = [d for d in found if d.detector == "strava_privacy"]
    assert strava and strava[0].title.code == "places.strava.title.small_zone"
    assert strava[0].reason.value("radius") == 200


def test_photos_with_gps_are_photo_metadata_and_high_at_home() -> None:
    found = run(scenario.build(3, platforms=("instagram", "google")).items)
    gps = [d for d in found if d.detector == "photo_metadata" and d.key == "gps:instagram"]
    assert len(gps) == 1 and gps[0].severity is Severity.HIGH
    assert gps[0].title.code == "places.photos.title.platform"
    assert gps[0].title.value("count") == 1 + len(gps[0].related)
    assert gps[0].reason.code == "places.photos.reason.home" and int(gps[0].reason.value("count") or 0) > 0
    [still] = [d for d in found if d.key == "camera-location-on"]
    assert still.title.code == "places.camera_on.title" and still.reason.value("count") == 1 + len(still.related)


def test_memory_is_bounded_by_places_not_by_the_number_of_raw_fixes() -> None:
    """Four years of fixes every ten minutes among a life's few places: the store holds places, not fixes."""
    analyzer = PlacesAnalyzer()
    base = datetime(2020, 1, 6, tzinfo=timezone.utc)
    places = [move(51.5, -0.1, 900 * (k % 5), 700 * (k // 5)) for k in range(20)]
    tracemalloc.start()
    peak_early = 0
    for i in range(200_000):
        when = base + timedelta(minutes=10 * i)
        lat, lon = places[(i // 30) % 20]  # five hours in each place, then the next
        lat, lon = move(lat, lon, (i * 7919) % 41 - 20, (i * 104729) % 37 - 18)  # GPS jitter
        analyzer.observe(Item(Platform.GOOGLE, ItemKind.LOCATION, Source(0, "Records.json", f"/locations/{i}", when),
                              location=GeoPoint(lat, lon, 10)))
        if i == 50_000:
            _, peak_early = tracemalloc.get_traced_memory()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert analyzer.store.kept == [] and analyzer.store.fixes == 200_000
    # 150,000 more fixes (three more years) add at most a few megabytes of per-place day counts.
    assert peak - peak_early < 8_000_000, (peak_early, peak)
    assert len(analyzer.store.cells) < 400


def test_place_findings_carry_their_points_for_a_local_drawing() -> None:
    from checks.places.drawing import Mark, relative_svg

    sc = scenario.build(2, platforms=("instagram",), days=200)
    home = next(d for d in run(sc.items) if d.detector == "home_inference")
    assert home.place is not None and len(home.points) == 1 + len(home.related)
    assert all(haversine_m(lat, lon, home.place.lat, home.place.lon) < 250 for lat, lon, _ in home.points)
    svg = relative_svg(home.place.lat, home.place.lon, home.place.radius_m,
                       [Mark(lat, lon, kind) for lat, lon, kind in home.points])
    assert svg.count("<circle") == 1 + len(home.points)
