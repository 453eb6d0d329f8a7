"""Check-ins and visits: a handful of findings per platform that still list every check-in.

The generated life (tests/places/checkin_life.py) has about 300 Facebook check-ins; the year of
photos, runs and location history of tests/places/scenario.py gives the home they are measured
against.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.assess.merge import finding_id, merge
from checks.places.analyzer import PlacesAnalyzer
from checks.places.checkins import is_whole_town
from checks.places.geo import haversine_m
from checks.records import (
    Audience,
    Category,
    Detection,
    GeoPoint,
    Item,
    ItemKind,
    Message,
    Platform,
    Severity,
    Source,
    msg,
)
from tests.places import checkin_life, infer, scenario
from tests.places.checkin_life import CheckinLife, Venue

Where = tuple[str, str]


def run(items: list[Item]) -> list[Detection]:
    return infer(PlacesAnalyzer(), items)


def where(d: Detection) -> set[Where]:
    return {(s.file, s.pointer) for s in (d.source, *d.related)}


def of(items: list[Item], *venues: Venue) -> set[Where]:
    names = {v.name for v in venues}
    return {(i.source.file, i.source.pointer) for i in items if i.text in names}


def life_with_home(seed: int) -> tuple[CheckinLife, list[Item], list[Detection]]:
    life = checkin_life.build(seed)
    checkins = life.items()
    others = scenario.build(seed, platforms=("instagram", "google")).items
    return life, checkins, run(others + checkins)


@pytest.fixture(scope="module", params=[3, 5])
def year(request: pytest.FixtureRequest) -> tuple[CheckinLife, list[Item], list[Detection]]:
    return life_with_home(request.param)


def test_three_hundred_check_ins_give_a_handful_of_findings_that_list_them_all(
        year: tuple[CheckinLife, list[Item], list[Detection]]) -> None:
    _, checkins, found = year
    assert len(checkins) >= 280
    facebook = [d for d in found if d.platform is Platform.FACEBOOK]
    assert 3 <= len(facebook) <= 10, [(d.detector, d.key) for d in facebook]
    every = {(i.source.file, i.source.pointer) for i in checkins}
    assert every <= set().union(*(where(d) for d in facebook))  # no check-in is lost
    own = [d for d in facebook if d.detector in ("checkins", "checkins_near_home", "frequent_place")]
    assert set().union(*(where(d) for d in own)) <= every  # and the pointers are exactly the check-ins'
    [overview] = [d for d in facebook if d.detector == "checkins"]
    assert where(overview) == every and overview.category is Category.LOCATION_PATTERN
    assert overview.title.code == "places.checkins.title.recorded"
    assert overview.title.value("things") == msg("places.count.checkin", count=len(checkins))
    assert overview.severity is Severity.LOW  # Facebook's export does not say who could see them


def test_check_ins_near_home_are_one_home_address_finding(
        year: tuple[CheckinLife, list[Item], list[Detection]]) -> None:
    _, checkins, found = year
    [near] = [d for d in found if d.detector == "checkins_near_home"]
    assert near.category is Category.HOME_ADDRESS and near.platform is Platform.FACEBOOK
    assert where(near) == of(checkins, *checkin_life.NEAR_HOME)  # with the name-only pub check-ins too
    assert near.title.code == "places.near_home.title"
    assert near.title.value("things") == msg("places.count.checkin", count=len(where(near)))
    distance = near.title.value("distance")
    assert isinstance(distance, int) and 300 <= distance <= 500
    assert near.reason.value("count") == 2  # the pub and the café
    assert near.place is not None and haversine_m(near.place.lat, near.place.lon, *scenario.HOME) < 150
    assert near.severity is Severity.HIGH and near.span == (0, len(near.evidence))


def test_places_checked_in_at_often_are_reported_once_each(
        year: tuple[CheckinLife, list[Item], list[Detection]]) -> None:
    life, checkins, found = year
    frequent = [d for d in found if d.detector == "frequent_place"]
    routines = [d for d in found if d.detector == "routine"]
    assert 1 <= len(frequent) <= 3
    for d in frequent:
        assert d.category is Category.LOCATION_PATTERN and d.title.code == "places.frequent.title"
        names = {i.text for i in checkins if (i.source.file, i.source.pointer) in where(d)}
        assert len(names) == 1  # one place, every check-in there
        [venue] = [v for v in {c.venue for c in life.checkins} if v.name in names]
        assert where(d) == of(checkins, venue)
        assert d.reason.value("count") == len({s.timestamp.date() for s in (d.source, *d.related) if s.timestamp})
        assert venue not in (*checkin_life.NEAR_HOME, *checkin_life.TOWNS, *checkin_life.HOLIDAY_VENUES)
        assert d.place is not None and not any(
            r.place and haversine_m(r.place.lat, r.place.lon, d.place.lat, d.place.lon) < 150 for r in routines)
    counts = [len(where(d)) for d in frequent]
    assert counts == sorted(counts, reverse=True)  # most often first


def test_a_weekly_place_is_a_routine_with_its_check_ins(year: tuple[CheckinLife, list[Item], list[Detection]]) -> None:
    _, checkins, found = year
    gym = of(checkins, checkin_life.GYM_VENUE)
    [routine] = [d for d in found if d.detector == "routine" and where(d) & gym]
    assert routine.category is Category.LOCATION_PATTERN and routine.platform is Platform.FACEBOOK
    day = routine.title.value("day")
    weekday = next(n for n, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday")) if day == Message(f"places.day.{name}"))
    on_that_day = {(i.source.file, i.source.pointer) for i in checkins if i.text == checkin_life.GYM_VENUE.name
                   and i.source.timestamp and i.source.timestamp.weekday() == weekday}
    assert on_that_day and on_that_day <= where(routine)


def test_whole_towns_are_check_ins_but_not_places(year: tuple[CheckinLife, list[Item], list[Detection]]) -> None:
    _, checkins, found = year
    towns = of(checkins, *checkin_life.TOWNS)
    assert towns
    [overview] = [d for d in found if d.detector == "checkins"]
    assert towns <= where(overview)
    for d in found:
        if d.detector != "checkins":
            assert not (where(d) & towns), d.detector
        for town in checkin_life.TOWNS:
            assert d.place is None or haversine_m(d.place.lat, d.place.lon, town.lat, town.lon) > 100


@pytest.mark.parametrize(("name", "address", "point", "town"), [
    ("London, England", "", None, True),
    ("Brighton, United Kingdom", "", None, True),
    ("Springfield, Illinois, US", "", None, True),
    ("Arona, Spain", "", None, True),
    ("London", "", GeoPoint(51.5074, -0.1278), True),
    ("Manchester", "", GeoPoint(53.4808, -2.2426), True),
    ("The Invented Oak", "Examplewood Parade, London", GeoPoint(51.4388, -0.0455), False),
    ("Invented Fields parkrun, London", "", GeoPoint(51.4581, -0.0241), False),
    ("The Golden Spoon", "", None, False),
    ("12 Example Road, London", "", None, False),
])
def test_a_whole_town_is_told_from_a_place(name: str, address: str, point: GeoPoint | None, town: bool) -> None:
    assert is_whole_town(name, address, point) is town


def test_the_same_input_gives_the_same_findings_in_any_order() -> None:
    life = checkin_life.build(4)
    items = life.items()
    shuffled = list(items)
    random.Random(1).shuffle(shuffled)
    first = {(d.detector, d.key, d.platform, d.title, d.source) for d in run(items)}
    again = {(d.detector, d.key, d.platform, d.title, d.source) for d in run(shuffled)}
    assert first == again
    assert {f.id for f in merge(run(items))} == {f.id for f in merge(run(shuffled))}


def test_a_new_check_in_elsewhere_keeps_the_ids_of_the_frequent_places() -> None:
    life = checkin_life.build(4)
    items = life.items()
    extra = Item(Platform.FACEBOOK, ItemKind.CHECKIN, Source(0, "your_facebook_activity/posts/check-ins.json",
                                                              "/999/label_values/0/dict/2/value",
                                                              datetime(2026, 1, 5, 12, tzinfo=timezone.utc)),
                 text="The Late Arrival", location=GeoPoint(51.52, -0.20))
    before = {finding_id(d) for d in run(items) if d.detector == "frequent_place"}
    after = {finding_id(d) for d in run([*items, extra]) if d.detector == "frequent_place"}
    assert before and before == after


def _checkin(n: int, name: str, point: GeoPoint | None, audience: Audience = Audience.UNKNOWN,
             days_apart: int = 9, hour: int = 12) -> Item:
    """A check-in on X every `days_apart` days (at noon: a weekday place may be taken as work)."""
    when = datetime(2025, 3, 3, hour, tzinfo=timezone.utc) + timedelta(days=days_apart * n)
    return Item(Platform.X, ItemKind.CHECKIN, Source(0, "data/tweets.js", f"/{n}/tweet/coordinates", when),
                text=name, location=point, audience=audience)


def test_who_can_see_the_check_ins_is_said_when_the_export_says() -> None:
    items = [_checkin(n, f"Sample Place {chr(65 + n)}", GeoPoint(51.50 + n / 100, -0.10),
                      Audience.PUBLIC if n < 4 else Audience.UNKNOWN) for n in range(6)]
    [overview] = [d for d in run(items) if d.detector == "checkins"]
    assert overview.title.code == "places.checkins.title.public"
    assert overview.title.value("count") == 4 and overview.title.value("things") == msg("places.count.checkin",
                                                                                          count=6)
    assert overview.severity is Severity.MEDIUM and overview.audience is Audience.PUBLIC
    assert overview.reason.code == "places.checkins.reason.public"
    friends = [_checkin(n, "Sample Place", GeoPoint(51.5, -0.1), Audience.FRIENDS) for n in range(2)]
    [seen] = [d for d in run(friends) if d.detector == "checkins"]
    assert seen.title.code == "places.checkins.title.friends" and seen.title.value("count") == 2


def test_check_ins_with_only_a_name_merge_by_name_into_one_place() -> None:
    items = [_checkin(n, "Invented Fields  Parkrun" if n % 2 else "invented fields parkrun", None) for n in range(6)]
    [frequent] = [d for d in run(items) if d.detector == "frequent_place"]
    assert len(where(frequent)) == 6 and frequent.place is None and frequent.points == ()
    assert frequent.key == "frequent:invented fields parkrun"


def test_a_fortnight_somewhere_is_travel_not_a_frequent_place() -> None:
    items = [_checkin(n, "Hotel Inventado", GeoPoint(28.0997, -16.6810), days_apart=2) for n in range(7)]
    found = run(items)
    assert not [d for d in found if d.detector == "frequent_place"]
    assert len([d for d in found if d.detector == "checkins"]) == 1


def test_three_check_ins_at_one_place_merge_into_one_finding() -> None:
    items = [Item(Platform.FACEBOOK, ItemKind.CHECKIN, Source(0, "your_places/check-ins.json", f"/{i}"),
                  text="PureGym Catford", location=GeoPoint(51.4452 + i * 1e-5, -0.0207)) for i in range(3)]
    [finding] = merge(run(items))
    assert finding.occurrences == 3 and finding.detector == "checkins"


def test_branches_of_a_chain_are_different_places() -> None:
    items = [_checkin(n, "Sample Coffee", GeoPoint(51.50, -0.10) if n % 2 else GeoPoint(51.55, -0.20), hour=19)
             for n in range(12)]
    keys = sorted(d.key for d in run(items) if d.detector == "frequent_place")
    assert keys == ["frequent:sample coffee@51.500,-0.100", "frequent:sample coffee@51.550,-0.200"]


def test_google_visits_are_counted_as_visits() -> None:
    items = [Item(Platform.GOOGLE, ItemKind.CHECKIN, Source(0, "Timeline.json", f"/semanticSegments/{n}/visit",
                                                            datetime(2025, 1, 6, tzinfo=timezone.utc)
                                                            + timedelta(days=8 * n)),
                  location=GeoPoint(51.47, -0.07), details=(("source", "timeline visit"),)) for n in range(5)]
    found = run(items)
    [overview] = [d for d in found if d.detector == "checkins"]
    assert overview.title.value("things") == msg("places.count.visit", count=5)


def test_labelled_places_and_privacy_zones_are_not_check_ins() -> None:
    t = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
    home = Item(Platform.GOOGLE, ItemKind.CHECKIN, Source(0, "Timeline.json", "/semanticSegments/3/visit", t),
                location=GeoPoint(53.4001, -2.9801, 20), label="HOME")
    zone = Item(Platform.STRAVA, ItemKind.CHECKIN, Source(0, "privacy_zones.csv", "/0/Address"),
                location=GeoPoint(53.4001, -2.9801), label="Privacy zone", details=(("source", "strava privacy zone"),))
    found = run([home, zone])
    assert not [d for d in found if d.detector in ("checkins", "frequent_place", "checkins_near_home")]
    assert {d.detector for d in found} == {"home_inference"}


def test_a_facebook_export_with_300_check_ins_reads_as_a_handful_of_findings(tmp_path: Path) -> None:
    """Through the whole audit: the export as Facebook writes it, read, detected, merged."""
    from checks.pipeline import audit

    life = checkin_life.build(5)
    report = audit([life.facebook_export().write_zip(tmp_path / "facebook-jo-2026-01-01.zip")])
    places = [f for f in report.findings if f.detector in (
        "checkins", "checkins_near_home", "frequent_place", "routine", "home_inference", "work_inference")]
    assert 3 <= len(places) <= 12, [(f.detector, f.key) for f in places]
    assert not [f for f in report.findings if f.detector == "location_pattern" and f.item_kind is ItemKind.CHECKIN]
    listed = {(s.file, s.pointer) for f in places for s in (f.source, *f.related)}
    checkins = {(f.source.file, f.source.pointer) for f in report.findings if f.detector == "checkins"}
    assert len(checkins) == 1
    [overview] = [f for f in report.findings if f.detector == "checkins"]
    assert overview.occurrences == len(life.checkins)
    assert len(listed) == len(life.checkins)
