"""Google readers: Takeout Location History, Semantic history, Maps, Photos sidecars; on-device Timeline."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.exports.archive import open_export
from checks.progress import Cancelled, CancelToken
from checks.readers import ReadContext
from checks.readers.geo_parse import from_e7, parse_pair
from checks.readers.google_takeout import GoogleTakeoutReader, sidecar_media
from checks.readers.google_timeline import GoogleTimelineReader
from checks.records import Audience, ItemKind, Platform
from tests.builders.google import (
    activity_segment,
    android_timeline,
    build_demo_google,
    ios_timeline,
    labelled_places,
    place_visit,
    record,
    reviews,
    sidecar,
    write_json,
)
from tests.builders.photos import PhotoSpec, write_photo
from tests.readers._util import code, codes, read_export, read_with, zip_folder

HOME = (51.4415, -0.0508)
WORK = (51.4613, -0.0094)
T0 = datetime(2024, 2, 1, 7, 15, 0, tzinfo=UTC)


def test_e7_overflow_and_degree_strings() -> None:
    p = from_e7(e := round(-33.86 * 1e7) + 2**32, round(151.2 * 1e7))
    assert e > 900_000_000 and p is not None and abs(p.lat + 33.86) < 1e-6
    assert parse_pair("51.4415000°, -0.0508000°") is not None
    assert parse_pair("geo:51.441500,-0.050800").lon == pytest.approx(-0.0508)  # type: ignore[union-attr]
    assert parse_pair("0.0°, 0.0°") is None


def test_records_timestamp_forms_and_overflow(tmp_path: Path) -> None:
    root = tmp_path / "Takeout" / "Location History"
    fixes = [record(*HOME, T0), record(*HOME, T0 + timedelta(minutes=5), legacy_ms=True),
             record(-33.86, -70.6, T0 + timedelta(minutes=10), overflow=True),
             {"latitudeE7": 0, "longitudeE7": 0, "timestamp": "2024-02-01T00:00:00Z"}]
    write_json(root / "Records.json", {"locations": fixes})
    items, ctx = read_export(tmp_path / "Takeout", "google-takeout")
    locs = [i for i in items if i.kind is ItemKind.LOCATION]
    assert len(locs) == 3
    assert locs[0].source.file == "Location History/Records.json"
    assert locs[0].source.pointer == "/locations/0"
    assert locs[0].source.timestamp == T0
    assert locs[1].source.timestamp == T0 + timedelta(minutes=5)
    assert locs[2].location is not None and locs[2].location.lat == pytest.approx(-33.86)
    assert locs[2].location.lon == pytest.approx(-70.6)
    assert locs[0].location is not None and locs[0].location.accuracy_m == 15
    assert not ctx.skipped


def test_semantic_history_labels_and_activities(tmp_path: Path) -> None:
    history = tmp_path / "Takeout" / "Standortverlauf (Zeitachse)" / "Semantischer Standortverlauf"
    month = history / "2024" / "2024_FEBRUARY.json"
    write_json(month, {"timelineObjects": [
        place_visit(*HOME, T0, "Home", "1 Invented Road, London", "TYPE_HOME"),
        place_visit(*WORK, T0 + timedelta(hours=2), "Example Station", "2 Made Up St", ms=True),
        activity_segment(HOME, WORK, T0 + timedelta(hours=1))]}, bom=True)
    items, _ = read_export(tmp_path / "Takeout", "google-takeout")
    visits = [i for i in items if i.kind is ItemKind.CHECKIN]
    assert [v.label for v in visits] == ["Home", None]
    assert visits[0].detail("semantic_type") == "TYPE_HOME"
    assert visits[0].detail("address") == "1 Invented Road, London"
    assert visits[0].source.pointer == "/timelineObjects/0/placeVisit/location"
    assert visits[1].source.timestamp == T0 + timedelta(hours=2)
    act = next(i for i in items if i.kind is ItemKind.ACTIVITY)
    assert act.location is not None and act.end_location is not None
    assert act.end_location.lat == pytest.approx(WORK[0])
    assert act.source.pointer == "/timelineObjects/2/activitySegment"


def test_semantic_fallbacks_waypoints_candidates_and_time_forms(tmp_path: Path) -> None:
    month = tmp_path / "2024_MARCH.json"
    write_json(month, {"timelineObjects": [
        {"placeVisit": {"otherCandidateLocations": [{"latitudeE7": 514415000, "longitudeE7": -508000}],
                        "duration": {"startTimestamp": "2025-03-24 20:25:02 +0100"}}},
        {"activitySegment": {"waypointPath": {"waypoints": [{"latE7": 514415000, "lngE7": -508000},
                                                            {"latE7": 514613000, "lngE7": -94000}]},
                             "duration": {"startTimestamp": "1742844302585"}}},
        {"placeVisit": {"location": {}, "duration": {"startTimestamp": "2025-03-24T20:25:02Z"}}}]})
    items, ctx = read_export(month, "google-takeout")
    assert len(items) == 2 and not ctx.skipped
    visit, trip = items
    assert visit.source.pointer == "/timelineObjects/0/placeVisit/otherCandidateLocations/0"
    assert visit.source.timestamp == datetime(2025, 3, 24, 19, 25, 2, tzinfo=UTC)
    assert trip.end_location is not None and trip.end_location.lat == pytest.approx(51.4613)
    assert trip.source.timestamp == datetime(2025, 3, 24, 19, 25, 2, 585000, tzinfo=UTC)


def test_my_activity_location_infos(tmp_path: Path) -> None:
    entries = [
        {"header": "Search", "title": "Searched for invented pizza", "titleUrl": "https://www.google.com/search?q=x",
         "time": "2024-02-01T07:15:00.000Z", "products": ["Search"],
         "locationInfos": [{"name": "At this general area",
                            "url": "https://www.google.com/maps/@?api=1&map_action=map&center=51.441500,-0.050800"
                                   "&zoom=12", "source": "From your places (Home)",
                            "sourceUrl": "https://support.google.com/websearch/answer/1"}]},
        {"header": "Search", "title": "Searched for weather", "time": "2024-02-02T07:15:00.000Z",
         "products": ["Search"]}]
    write_json(tmp_path / "Takeout" / "Mein Aktivitäten" / "Suche" / "MeineAktivitäten.json", entries)
    items, ctx = read_export(tmp_path, "google-takeout")
    assert len(items) == 1 and not ctx.skipped
    info = items[0]
    assert info.label == "Home" and info.kind is ItemKind.LOCATION
    assert info.location is not None and info.location.lat == pytest.approx(51.4415)
    assert info.location.accuracy_m is not None and 1000 < info.location.accuracy_m < 5000
    assert info.source.pointer == "/0/locationInfos/0/url" and info.source.timestamp == T0


def test_maps_labelled_places_and_reviews(tmp_path: Path) -> None:
    takeout = tmp_path / "Takeout"
    write_json(takeout / "Maps" / "My labelled places" / "Labelled places.json",
               labelled_places([("Home", *HOME, "1 Invented Road"), ("Work", *WORK, "Station")]))
    write_json(takeout / "Maps (your places)" / "Reviews.json",
               reviews([("Invented Café", *WORK, "3 Street", "Great coffee near the nick", 5)]))
    items, _ = read_export(tmp_path, "google-takeout")
    labelled = [i for i in items if i.kind is ItemKind.CHECKIN]
    assert {i.label for i in labelled} == {"Home", "Work"}
    review = next(i for i in items if i.kind is ItemKind.POST)
    assert review.audience is Audience.PUBLIC and "coffee" in review.text
    assert review.source.pointer == "/features/0/properties/review_text_published"


def test_saved_places_older_shape_and_album_metadata_ignored(tmp_path: Path) -> None:
    takeout = tmp_path / "Takeout"
    saved_file = takeout / "Maps (vos adresses)" / "Adresses enregistrées.json"
    write_json(saved_file, {"type": "FeatureCollection", "features": [
        {"geometry": {"coordinates": [0, 0], "type": "Point"}, "type": "Feature",
         "properties": {"Google Maps URL": "http://maps.google.com/?cid=2", "Published": "2023-04-01T09:00:00Z",
                        "Title": "Invented Gym", "Updated": "2023-04-01T09:00:00Z",
                        "Location": {"Address": "5 Fake Lane, London", "Business Name": "Invented Gym",
                                     "Geo Coordinates": {"Latitude": "51.4500", "Longitude": "-0.0400"},
                                     "Country Code": "GB"}}}]})
    write_json(takeout / "Google Photos" / "Holiday" / "métadonnées.json",
               {"title": "Holiday", "description": "", "access": "protected", "date": {"timestamp": "1"},
                "geoData": {"latitude": 51.0, "longitude": -1.0}})
    items, ctx = read_export(tmp_path, "google-takeout")
    assert len(items) == 1 and not ctx.skipped
    saved = items[0]
    assert saved.kind is ItemKind.CHECKIN and saved.label is None and saved.text == "Invented Gym"
    assert saved.location is not None and saved.location.lat == pytest.approx(51.45)
    assert saved.detail("address") == "5 Fake Lane, London" and saved.detail("source") == "maps saved place"
    assert saved.source.timestamp == datetime(2023, 4, 1, 9, 0, tzinfo=UTC)
    assert saved.source.url == "http://maps.google.com/?cid=2"


def test_photos_sidecars_truncated_names_and_exif(tmp_path: Path) -> None:
    album = tmp_path / "Takeout" / "Google Fotos" / "Photos from 2024"
    long_name = "PXL_20240201_071500123_with_a_long_invented_name.jpg"
    write_photo(album / long_name, PhotoSpec())
    write_json(album / (long_name[:46] + ".json"), sidecar(long_name, T0, *HOME))
    write_photo(album / "IMG_0001.jpg", PhotoSpec(*WORK, taken=datetime(2024, 2, 1, 9, 0), offset="+00:00"))
    write_json(album / "IMG_0001.jpg.supplemental-metadata.json", sidecar("IMG_0001.jpg", T0, *HOME))
    write_photo(album / "IMG_0002(1).jpg", PhotoSpec())
    write_json(album / "IMG_0002.jpg.supplemental-me(1).json", sidecar("IMG_0002.jpg", T0, 0.0, 0.0, *WORK,
                                                                        people=("Invented Child",)))
    write_photo(album / "IMG_0003.jpg", PhotoSpec(*HOME))  # no sidecar: EXIF alone
    (album / "VID_0004.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    write_json(album / "VID_0004.mp4.supplemental-metadata.json", sidecar("VID_0004.mp4", T0, *WORK))
    items, ctx = read_export(tmp_path, "google-takeout")
    photos = {i.media: i for i in items if i.kind is ItemKind.PHOTO}
    base = "Takeout/Google Fotos/Photos from 2024/"
    assert set(photos) == {base + long_name, base + "IMG_0001.jpg", base + "IMG_0002(1).jpg", base + "IMG_0003.jpg"}
    truncated = photos[base + long_name]
    assert truncated.source.file.endswith(".json") and truncated.source.pointer == "/geoData"
    assert truncated.source.timestamp == T0
    exif_wins = photos[base + "IMG_0001.jpg"]
    assert exif_wins.source.file == base + "IMG_0001.jpg"
    assert exif_wins.location is not None and exif_wins.location.lat == pytest.approx(WORK[0], abs=1e-5)
    dup = photos[base + "IMG_0002(1).jpg"]
    assert dup.source.pointer == "/geoDataExif" and dup.detail("person") == "Invented Child"
    video = next(i for i in items if i.kind is ItemKind.VIDEO)
    assert video.media == base + "VID_0004.mp4" and video.location is not None
    assert not ctx.skipped


def test_sidecar_matching_rules() -> None:
    media = {"a": {"img_1.jpg": "a/IMG_1.jpg", "img_1(2).jpg": "a/IMG_1(2).jpg"}}
    assert sidecar_media("a/IMG_1.jpg.json", "IMG_1.jpg", media) == "a/IMG_1.jpg"
    assert sidecar_media("a/IMG_1.jpg.supp.json", "", media) == "a/IMG_1.jpg"
    assert sidecar_media("a/IMG_1.jpg.s(2).json", "", media) == "a/IMG_1(2).jpg"
    assert sidecar_media("b/IMG_1.jpg.json", "IMG_1.jpg", media) is None


def test_android_timeline(tmp_path: Path) -> None:
    write_json(tmp_path / "Zeitachse.json", android_timeline(HOME, WORK, T0))
    items, ctx = read_export(tmp_path / "Zeitachse.json", "google-timeline")
    labels = {(i.kind, i.label) for i in items}
    assert (ItemKind.CHECKIN, "Home") in labels and (ItemKind.CHECKIN, "Work") in labels
    visit = items[0]
    assert visit.source.pointer == "/semanticSegments/0/visit/topCandidate/placeLocation"
    assert visit.source.timestamp == T0
    act = next(i for i in items if i.kind is ItemKind.ACTIVITY)
    assert act.end_location is not None and act.end_location.lat == pytest.approx(WORK[0])
    raw = next(i for i in items if i.source.pointer == "/rawSignals/0/position")
    assert raw.location is not None and raw.location.accuracy_m == 12
    freq = [i for i in items if i.source.pointer.startswith("/userLocationProfile/frequentPlaces/")]
    assert [f.label for f in freq] == ["Home", "Work", None]
    assert [f.detail("semantic_type") for f in freq] == ["HOME", "WORK", None]
    assert not ctx.skipped


def test_ios_timeline(tmp_path: Path) -> None:
    write_json(tmp_path / "location-history.json", ios_timeline(HOME, WORK, T0))
    items, _ = read_export(tmp_path / "location-history.json", "google-timeline")
    assert items[0].label == "Home" and items[0].location is not None
    path = next(i for i in items if i.kind is ItemKind.LOCATION)
    assert path.source.timestamp == T0 + timedelta(minutes=10)
    assert path.source.pointer == "/2/timelinePath/0"


def test_truncated_timeline_keeps_items_and_skips(tmp_path: Path) -> None:
    data = json.dumps(android_timeline(HOME, WORK, T0)).encode()
    target = tmp_path / "Timeline.json"
    target.write_bytes(data[: int(len(data) * 0.6)])
    items, ctx = read_export(target, "google-timeline")
    assert items and codes(ctx)[:1] in (["reader.damaged.json"], ["reader.damaged.truncated"])


def _peak_reading_records(root: Path, n: int) -> int:
    path = root / "Takeout" / "Location History" / "Records.json"
    path.parent.mkdir(parents=True)
    with path.open("w") as fh:
        fh.write('{"locations": [')
        for i in range(n):
            fh.write(("," if i else "") + json.dumps(record(51.4 + i * 1e-6, -0.05, T0 + timedelta(seconds=i))))
        fh.write("]}")
    tracemalloc.start()
    count = 0
    with open_export([root / "Takeout"]) as export:
        for _ in GoogleTakeoutReader().read(ReadContext(0, export)):
            count += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == n
    return peak


def test_records_stream_in_bounded_memory(tmp_path: Path) -> None:
    small = _peak_reading_records(tmp_path / "small", 2_000)
    large = _peak_reading_records(tmp_path / "large", 20_000)  # ten times the file
    assert large < small * 1.5 + 256 * 1024, (small, large)


def _peak_reading_timeline(root: Path, copies: int) -> int:
    doc = android_timeline(HOME, WORK, T0)
    doc["semanticSegments"] = doc["semanticSegments"] * copies
    doc["rawSignals"] = doc["rawSignals"] * copies
    write_json(root / "Timeline.json", doc)
    tracemalloc.start()
    with open_export([root / "Timeline.json"]) as export:
        count = sum(1 for _ in GoogleTimelineReader().read(ReadContext(0, export)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == copies * 4 + 3
    return peak


def test_timeline_streams_in_bounded_memory(tmp_path: Path) -> None:
    small = _peak_reading_timeline(tmp_path / "small", 200)
    large = _peak_reading_timeline(tmp_path / "large", 2_000)
    assert large < small * 1.5 + 256 * 1024, (small, large)


def test_cancel_stops_a_long_read(tmp_path: Path) -> None:
    write_json(tmp_path / "Takeout" / "Location History" / "Records.json",
               {"locations": [record(*HOME, T0 + timedelta(seconds=i)) for i in range(12_000)]})
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_export(tmp_path / "Takeout", "google-takeout", cancel=token)


def test_zip_and_demo(tmp_path: Path) -> None:
    root = build_demo_google(tmp_path / "demo")
    archive = zip_folder(root / "Takeout", tmp_path / "takeout-20250901T120000Z-001.zip")
    items, _ = read_export(archive, "google-takeout")
    assert all(i.platform is Platform.GOOGLE for i in items)
    assert any(i.label == "Home" and i.detail("semantic_type") == "TYPE_HOME" for i in items)
    assert any(i.kind is ItemKind.PHOTO and i.location for i in items)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=3000), junk=st.binary(max_size=20))
def test_fuzz_never_raises(tmp_path: Path, cut: int, junk: bytes) -> None:
    doc = json.dumps(android_timeline(HOME, WORK, T0)).encode()
    target = tmp_path / "Timeline.json"
    target.write_bytes(doc[:cut] + junk + doc[cut + len(junk):])
    read_with("google-timeline", target)
    sem = tmp_path / "fz" / "Semantic Location History" / "2024" / "2024_MAY.json"
    sem.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"timelineObjects": [place_visit(*HOME, T0, "x", "y", "TYPE_HOME")]}).encode()
    sem.write_bytes(body[: cut % (len(body) + 1)] + junk)
    read_with("google-takeout", tmp_path / "fz")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=2000), junk=st.binary(max_size=16), which=st.sampled_from(
    ["sidecar", "places", "reviews", "activity"]))
def test_fuzz_takeout_members_never_raise(tmp_path: Path, cut: int, junk: bytes, which: str) -> None:
    album = tmp_path / f"t{cut}" / "Takeout" / "Google Photos" / "Album"
    write_photo(album / "IMG_1.jpg", PhotoSpec(*HOME))
    docs = {
        "sidecar": (album / "IMG_1.jpg.supplemental-metadata.json", sidecar("IMG_1.jpg", T0, *HOME)),
        "places": (album.parent.parent / "Maps" / "Labelled places.json", labelled_places([("Home", *HOME, "x")])),
        "reviews": (album.parent.parent / "Maps" / "Reviews.json", reviews([("x", *HOME, "y", "z", 4)])),
        "activity": (album.parent.parent / "My Activity" / "MyActivity.json", [
            {"header": "Maps", "title": "t", "time": "2024-01-01T00:00:00Z", "locationInfos": [
                {"url": "https://www.google.com/maps/@?api=1&center=51.4,-0.05&zoom=12", "source": "(Home)"}]}]),
    }
    target, doc = docs[which]
    body = json.dumps(doc).encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body[:cut] + junk + body[cut + len(junk):])
    read_with("google-takeout", tmp_path / f"t{cut}")


def test_shared_samples(shared_samples: Path) -> None:
    base = shared_samples / "google-location"
    takeout = base / "purarue__google_takeout_parser" / "tests" / "testdata" / "RecentTakeout_ger"
    if takeout.is_dir():
        items, ctx = read_export(takeout, "google-takeout")  # its location files are empty
        assert all(i.location for i in items)
        assert any(code(s.reason) == "reader.empty" and s.file.endswith("Records.json") for s in ctx.skipped)
    timeline = base / "Freika__dawarich" / "spec" / "fixtures" / "files" / "google" / "timeline_new_format.json"
    if timeline.is_file():
        items, _ = read_export(timeline, "google-timeline")
        assert {"Home", "Work"} <= {i.label for i in items if i.label}
    photos = shared_samples / "google-photos" / "simulot__immich-go" / "app" / "upload" / "TEST_DATA" / "Takeout2"
    if photos.is_dir():
        items, _ = read_export(photos, "google-takeout")
        assert any(i.kind is ItemKind.PHOTO and i.location for i in items)


@pytest.mark.parametrize(("semantic", "label", "inferred"), [
    ("HOME", "Home", False), ("INFERRED_HOME", "Home", True), ("Inferred Home", "Home", True),
    ("WORK", "Work", False), ("Inferred Work", "Work", True), ("TYPE_WORK", "Work", False),
    ("Searched Address", None, False), ("ALIASED_LOCATION", None, False), ("Unknown", None, False),
])
def test_timeline_labels_of_android_and_iphone(tmp_path: Path, semantic: str, label: str | None,
                                              inferred: bool) -> None:
    data = ios_timeline(HOME, WORK, T0)
    data[0]["visit"]["topCandidate"]["semanticType"] = semantic
    write_json(tmp_path / "location-history.json", data)
    items, _ = read_export(tmp_path / "location-history.json", "google-timeline")
    visit = items[0]
    assert visit.label == label
    assert (visit.detail("inferred") == "true") is inferred


def test_a_place_google_labels_work_is_work_not_where_you_sleep(tmp_path: Path) -> None:
    """A night worker: Google labels the station WORK and the person is there most nights; home is
    labelled once (a frequent place) and visited by day. Home stays home; the station is work."""
    from checks import audit

    days = [T0 + timedelta(days=d) for d in range(28)]
    segments: list[dict[str, object]] = []
    for day in days:
        night = day.replace(hour=22, minute=0)
        morning = (day + timedelta(days=1)).replace(hour=8, minute=30)
        segments.append({"startTime": night.isoformat(), "endTime": (night + timedelta(hours=9)).isoformat(),
                         "visit": {"topCandidate": {"placeId": "ChIJwork", "semanticType": "WORK",
                                                    "placeLocation": {"latLng": f"{WORK[0]}°, {WORK[1]}°"}}}})
        segments.append({"startTime": morning.isoformat(), "endTime": (morning + timedelta(hours=10)).isoformat(),
                         "visit": {"topCandidate": {"placeId": "ChIJhome", "semanticType": "UNKNOWN",
                                                    "placeLocation": {"latLng": f"{HOME[0]}°, {HOME[1]}°"}}}})
    write_json(tmp_path / "Timeline.json", {"semanticSegments": segments, "userLocationProfile": {"frequentPlaces": [
        {"placeId": "ChIJhome", "placeLocation": f"{HOME[0]}, {HOME[1]}", "label": "HOME"},
        {"placeId": "ChIJwork", "placeLocation": f"{WORK[0]}, {WORK[1]}", "label": "WORK"}]}})
    report = audit([tmp_path / "Timeline.json"], now=T0 + timedelta(days=60))
    places = {f.detector: f.place for f in report.findings if f.detector in ("home_inference", "work_inference")}
    home, work = places["home_inference"], places["work_inference"]
    assert home is not None and abs(home.lat - HOME[0]) < 0.002 and abs(home.lon - HOME[1]) < 0.002
    assert work is not None and abs(work.lat - WORK[0]) < 0.002 and abs(work.lon - WORK[1]) < 0.002
