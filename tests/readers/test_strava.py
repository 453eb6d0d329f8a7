"""Strava bulk export reader: activities.csv by header, GPX/TCX/FIT (+gz) tracks, profile, zones, visibility."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.readers import ReadContext
from checks.records import Item, ItemKind, Platform, ProfileField, SettingName
from tests.builders._zipped import write_folder, write_zip
from tests.builders.strava import Activity, StravaExport, build_demo_strava, route
from tests.readers._util import code, read_export, read_with

HOME = (51.4415, -0.0508)
PARK = (51.45795, -0.02360)
T0 = datetime(2025, 3, 1, 8, 15, tzinfo=UTC)


def export() -> StravaExport:
    e = StravaExport(privacy_zones=[("1 Invented Road, London", 400), ("2 Other Road", 200)],
                     activity_visibility="followers")
    kinds = [("gpx", False), ("gpx", True), ("tcx", False), ("tcx", True), ("fit", False), ("fit", True)]
    for i, (kind, gz) in enumerate(kinds):
        e.activities.append(Activity(1000 + i, T0 + timedelta(days=i), route(HOME, PARK, 80), kind=kind, gz=gz,
                                     description="Lovely loop" if i == 0 else ""))
    return e


def _read_every_kind(tmp_path: Path, as_zip: bool) -> tuple[list[Item], ReadContext]:
    files = export().files()
    path = write_zip(files, tmp_path / "export.zip") if as_zip else write_folder(files, tmp_path / "export_1")
    items, ctx = read_export(path, "strava")
    assert all(i.platform is Platform.STRAVA for i in items)
    assert not ctx.skipped
    return items, ctx


@pytest.mark.parametrize("as_zip", [False, True])
def test_activities_every_file_kind(tmp_path: Path, as_zip: bool) -> None:
    items, _ = _read_every_kind(tmp_path, as_zip)
    acts = [i for i in items if i.kind is ItemKind.ACTIVITY and i.source.file != "activities.csv"]
    assert sorted(a.source.file for a in acts) == sorted([
        "activities/1000.gpx", "activities/1001.gpx.gz", "activities/1002.tcx", "activities/1003.tcx.gz",
        "activities/1004.fit", "activities/1005.fit.gz"])
    assert {(a.source.pointer, a.detail("activity_type"), a.text) for a in acts} == {
        ("/track/0/point/0", "Run", "Morning Run")}  # the name is text detectors read
    # the second (precise, metres) Distance column wins
    assert {a.detail("distance_m") for a in acts} == {"5210"}
    starts = [a.location for a in acts]
    ends = [a.end_location for a in acts]
    assert all(p is not None and p.lat == pytest.approx(HOME[0], abs=1e-5) for p in starts)
    assert all(p is not None and p.lat == pytest.approx(PARK[0], abs=1e-5) for p in ends)
    first = next(a for a in acts if a.source.file == "activities/1000.gpx")
    assert first.source.timestamp == T0


@pytest.mark.parametrize("as_zip", [False, True])
def test_routes_descriptions_and_rows_without_a_file(tmp_path: Path, as_zip: bool) -> None:
    items, _ = _read_every_kind(tmp_path, as_zip)
    track = [i for i in items if i.kind is ItemKind.LOCATION and i.source.file == "activities/1000.gpx"]
    assert 5 <= len(track) <= 20  # thinned: about every 200 m of a ~2.3 km route
    assert all(t.source.pointer.startswith("/track/0/point/") for t in track)
    post = next(i for i in items if i.kind is ItemKind.POST)
    assert (post.text, post.source.pointer) == ("Lovely loop", "/0/Activity Description")
    # the builder's manual activity (no file) is read from its activities.csv row, without a route
    manual = [i for i in items if i.kind is ItemKind.ACTIVITY and i.source.file == "activities.csv"]
    assert [(m.location, m.detail("route")) for m in manual] == [(None, "none in the export")]
    assert manual[0].source.pointer.endswith("/Activity Name")


def test_profile_zones_visibility(tmp_path: Path) -> None:
    items, _ = read_export(write_folder(export().files(), tmp_path / "e"), "strava")
    city = next(i for i in items if i.field is ProfileField.CITY and i.detail("column") == "City")
    assert city.text == "London" and city.source.file == "profile.csv" and city.source.pointer == "/0/City"
    settings_ = {i.field: i.text for i in items if i.kind is ItemKind.SETTING}
    assert settings_[SettingName.PRIVACY_ZONES] == "2"
    assert settings_[SettingName.PRIVACY_ZONE_RADIUS_M] == "400"
    assert settings_[SettingName.ACTIVITY_VISIBILITY] == "followers"
    zones = [i for i in items if i.label == "Privacy zone"]
    assert len(zones) == 2 and zones[0].source.pointer == "/0/Address"


def test_missing_and_damaged_files_are_skipped(tmp_path: Path) -> None:
    files = export().files()
    del files["activities/1002.tcx"]
    files["activities/1001.gpx.gz"] = files["activities/1001.gpx.gz"][:40]
    files["activities/1004.fit"] = files["activities/1004.fit"][:300]
    items, ctx = read_export(write_folder(files, tmp_path / "e"), "strava")
    skipped = {s.file for s in ctx.skipped}
    assert {"activities/1002.tcx", "activities/1001.gpx.gz", "activities/1004.fit"} <= skipped
    assert any(i.source.file == "activities/1004.fit" and i.kind is ItemKind.ACTIVITY for i in items)  # partial
    assert any(i.source.file == "activities/1000.gpx" for i in items)


def test_no_zones_means_zero(tmp_path: Path) -> None:
    e = export()
    e.privacy_zones = []
    items, _ = read_export(write_folder(e.files(), tmp_path / "e"), "strava")
    zones = [i for i in items if i.field is SettingName.PRIVACY_ZONES]
    assert [z.text for z in zones] == ["0"]


def test_xml_entities_refused(tmp_path: Path) -> None:
    files = export().files()
    files["activities/1000.gpx"] = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
                                    b'<gpx><trk><trkseg><trkpt lat="1" lon="1"/></trkseg></trk></gpx>')
    _, ctx = read_export(write_folder(files, tmp_path / "e"), "strava")
    assert any(s.file == "activities/1000.gpx" for s in ctx.skipped)


def test_demo(tmp_path: Path) -> None:
    items, _ = read_export(build_demo_strava(tmp_path), "strava")
    acts = [i for i in items if i.kind is ItemKind.ACTIVITY and i.location is not None]
    assert len(acts) == 7
    assert next(i for i in items if i.field is SettingName.PRIVACY_ZONES).text == "0"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=3000), junk=st.binary(max_size=12), which=st.sampled_from(
    ["activities.csv", "activities/1000.gpx", "activities/1002.tcx", "activities/1004.fit", "privacy_zones.csv"]))
def test_fuzz_never_raises(tmp_path: Path, cut: int, junk: bytes, which: str) -> None:
    files = export().files()
    doc = files[which]
    files[which] = doc[:cut] + junk + doc[cut + len(junk):]
    read_with("strava", write_folder(files, tmp_path / f"f{cut}"))


def test_shared_samples(shared_samples: Path) -> None:
    folder = shared_samples / "strava" / "HzaCode__Athlytics" / "inst" / "extdata"
    if not folder.is_dir():
        pytest.skip("sample absent")
    items, _ = read_export(folder, "strava")
    acts = [i for i in items if i.kind is ItemKind.ACTIVITY]
    tracked = [a for a in acts if a.source.file != "activities.csv"]
    assert tracked and all(a.location and a.end_location for a in tracked)
    # rows whose Filename is empty are activities without a route
    assert all(a.location is None for a in acts if a.source.file == "activities.csv")


def test_2018_export_lower_case_columns_and_metres(tmp_path: Path) -> None:
    old = StravaExport(generation="2018", activities=[
        Activity(1988225457, T0, route(HOME, PARK, 40), kind="fit", gz=True, name="Evening Ride", activity_type="Ride",
                 description="Home from the station", commute=True),
        Activity(1988225458, T0 + timedelta(days=1), route(HOME, PARK, 40), name="Morning Ride")])
    items, ctx = read_export(write_folder(old.files(), tmp_path / "export_2018"), "strava")
    acts = sorted((i for i in items if i.kind is ItemKind.ACTIVITY), key=lambda a: a.source.file)
    assert [a.detail("activity_id") for a in acts] == ["1988225457", "1988225458"]
    assert [a.detail("distance_m") for a in acts] == ["6075", "6075"]  # metres already, not km
    assert acts[0].detail("activity_type") == "Ride" and acts[0].detail("commute") == "true"
    assert acts[0].source.timestamp == T0  # "2025-03-01 08:15:00" read as UTC
    post = next(i for i in items if i.kind is ItemKind.POST)
    assert post.text == "Home from the station" and post.source.pointer == "/0/description"
    fields = [(i.field, i.text) for i in items if i.kind is ItemKind.PROFILE_FIELD]
    assert (ProfileField.EMAIL, "invented@example.com") in fields and (ProfileField.CITY, "London") in fields
    assert not ctx.skipped and not ctx.messages


@pytest.mark.parametrize("generation", ["2018", "2020"])
def test_a_lone_activities_csv_gives_one_note_not_a_skip_per_activity(tmp_path: Path, generation: str) -> None:
    full = StravaExport(generation=generation, activities=[
        Activity(100 + i, T0 + timedelta(days=i), route(HOME, PARK, 10)) for i in range(12)])
    path = tmp_path / "activities.csv"
    path.write_bytes(full.files()["activities.csv"])
    items, ctx = read_export(path, "strava")
    assert not ctx.skipped
    assert [(m.code, m.value("count")) for m in ctx.messages] == [("reader.strava.files_not_given", 12)]
    # each row is still an activity (its name, time, type and distance), without a route
    acts = [i for i in items if i.kind is ItemKind.ACTIVITY]
    assert {a.location for a in acts} == {None}
    ids = {a.detail("activity_id") for a in acts} - {"900"}  # 900: the 2020 builder's manual activity
    assert ids == {str(100 + i) for i in range(12)}


def test_activity_files_missing_from_a_whole_export_are_each_skipped(tmp_path: Path) -> None:
    files = export().files()
    del files["activities/1002.tcx"]
    items, ctx = read_export(write_zip(files, tmp_path / "export_1.zip"), "strava")
    assert [(s.file, code(s.reason)) for s in ctx.skipped] == [("activities/1002.tcx", "reader.strava.file_missing")]
    acts = [i for i in items if i.kind is ItemKind.ACTIVITY]
    assert len([a for a in acts if a.location is not None]) == 5
    assert [a.detail("activity_id") for a in acts if a.location is None] == ["1002", "900"]  # missing, manual
