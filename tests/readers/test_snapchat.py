"""Snapchat My Data reader: both location-history generations, home/work, memories, settings, HTML."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.readers.geo_parse import parse_pair
from checks.records import ItemKind, Platform, ProfileField, SettingName
from tests.builders._zipped import write_folder, write_zip
from tests.builders.snapchat import SnapExport, build_demo_snapchat, lat_long, old_pair
from tests.readers._util import note_codes, read_export, read_with

HOME = (51.4415, -0.0508)
WORK = (51.4613, -0.0094)
T0 = datetime(2023, 10, 12, 15, 30, tzinfo=UTC)


def export(generation: str = "new") -> SnapExport:
    e = SnapExport(generation=generation, home=lat_long(*HOME), work="Invented Station, London", ghost_mode=True,
                   phones=[(T0, "07700 900123")], friends=4)
    e.history = [(T0, *HOME), (T0 + timedelta(hours=1), *WORK)]
    e.daily = [(T0, *HOME)]
    e.places = [(T0, "Invented Café", "Forest Hill, London")]
    e.memories = [(T0, *HOME, True), (T0 + timedelta(days=1), 0.0, 0.0, False)]
    return e


@pytest.mark.parametrize("text", [
    "lat 51.4415 ± 4 meters, long -0.0508 ± 4 meters", "51.4415 ± 39.66 meters, -0.0508 ± 39.66 meters",
    "Latitude, Longitude: 51.4415, -0.0508"])
def test_coordinate_strings(text: str) -> None:
    p = parse_pair(text)
    assert p is not None and p.lat == pytest.approx(51.4415) and p.lon == pytest.approx(-0.0508)


@pytest.mark.parametrize("generation", ["old", "new"])
def test_generations_zip(tmp_path: Path, generation: str) -> None:
    path = write_zip(export(generation).files(), tmp_path / "mydata~1700000000000.zip")
    items, ctx = read_export(path, "snapchat")
    assert all(i.platform is Platform.SNAPCHAT for i in items)
    section = "Home & Work" if generation == "old" else "Home, School & Work"
    home = next(i for i in items if i.label == "Home")
    assert home.location is not None and home.location.lat == pytest.approx(HOME[0])
    assert home.location.accuracy_m == 4
    assert home.source.file == "json/location_history.json" and home.source.pointer == f"/{section}/Home"
    work = next(i for i in items if i.label == "Work")
    assert work.location is None and work.text == "Invented Station, London"
    fixes = [i for i in items if i.kind is ItemKind.LOCATION and i.detail("source") == "location history"]
    assert [f.source.timestamp for f in fixes] == [T0, T0 + timedelta(hours=1)]
    if generation == "old":
        area = next(i for i in items if i.detail("postal code"))
        assert area.detail("postal code") == "SE23" and area.kind is ItemKind.CHECKIN
        assert area.source.pointer == "/Areas you may have visited in the last two years/0"
        assert fixes[0].source.pointer == "/Location History/0/Latitude, Longitude"
        assert fixes[0].location is not None and fixes[0].location.accuracy_m == pytest.approx(39.66)
    else:
        assert fixes[0].source.pointer == "/Location History/0/1"
    daily = next(i for i in items if i.detail("source") == "daily top locations")
    assert daily.source.timestamp == T0.replace(hour=0, minute=0)
    assert daily.source.pointer == "/Daily Top Locations/0/Date: 2023-10-12 UTC"
    assert not ctx.skipped


def test_profile_phone_setting_friends_memories(tmp_path: Path) -> None:
    items, _ = read_export(write_folder(export().files(), tmp_path / "mydata"), "snapchat")
    fields = {(i.field, i.text) for i in items if i.kind is ItemKind.PROFILE_FIELD}
    assert (ProfileField.USERNAME, "invented.user") in fields and (ProfileField.PHONE, "07700 900123") in fields
    phone = next(i for i in items if i.field is ProfileField.PHONE)
    assert phone.source.pointer == "/Mobile Number Change/0/Mobile Number" and phone.source.timestamp == T0
    setting = next(i for i in items if i.kind is ItemKind.SETTING)
    assert setting.field is SettingName.LOCATION_SHARING and setting.text == "false"  # Ghost Mode on
    assert next(i for i in items if i.field == "friends_count").text == "4"
    memories = [i for i in items if i.detail("found_in") == "Snapchat memory"]
    assert len(memories) == 1  # 0,0 is no location
    assert memories[0].media is not None and memories[0].media.startswith("memories/2023-10-12_")
    assert memories[0].source.pointer == "/Saved Media/0/Location"
    place = next(i for i in items if i.detail("source") == "snap map places")
    assert place.text == "Invented Café" and place.source.timestamp == T0


def test_multi_part_exports_merge(tmp_path: Path) -> None:
    files = export().files()
    part1 = {k: v for k, v in files.items() if not k.startswith("memories/")}
    part2 = {k: v for k, v in files.items() if k.startswith("memories/")}
    paths = [write_zip(part1, tmp_path / "mydata~1700000000000.zip"),
             write_zip(part2, tmp_path / "mydata~1700000000000-2.zip")]
    items, _ = read_export(paths, "snapchat")
    assert any(i.media and i.media.startswith("memories/") for i in items)


def test_html_only(tmp_path: Path) -> None:
    items, ctx = read_export(write_folder(export().html_files(), tmp_path / "mydata"), "snapchat-html")
    assert any(i.kind is ItemKind.PHOTO and i.location for i in items)
    assert any(i.field is ProfileField.USERNAME for i in items)
    assert note_codes(ctx) == ["reader.snapchat.html_only"]


def test_damaged_member_is_skipped_others_read(tmp_path: Path) -> None:
    files = export().files()
    files["json/location_history.json"] = files["json/location_history.json"][:200]
    items, ctx = read_export(write_folder(files, tmp_path / "x"), "snapchat")
    assert any(s.file == "json/location_history.json" for s in ctx.skipped)
    assert any(i.field is ProfileField.USERNAME for i in items)


def test_demo(tmp_path: Path) -> None:
    items, _ = read_export(build_demo_snapchat(tmp_path), "snapchat")
    assert any(i.label == "Home" and i.location for i in items)
    assert next(i for i in items if i.kind is ItemKind.SETTING).text == "true"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=1500), junk=st.binary(max_size=12))
def test_fuzz_never_raises(tmp_path: Path, cut: int, junk: bytes) -> None:
    files = export("old").files()
    doc = files["json/location_history.json"]
    files["json/location_history.json"] = doc[:cut] + junk + doc[cut + len(junk):]
    files["json/memories_history.json"] = json.dumps({"Saved Media": [{"Location": old_pair(1, 2), "Date": cut}]
                                                      if cut % 2 else {"x": None}}).encode()
    read_with("snapchat", write_folder(files, tmp_path / f"f{cut}"))


def test_shared_samples(shared_samples: Path) -> None:
    folder = shared_samples / "snapchat" / "aidandenlinger__SnapchatMemoriesCaptionAdder" / "tests"
    if not folder.is_dir():
        pytest.skip("sample absent")
    items, ctx = read_export(folder, "snapchat")
    assert not ctx.skipped
    assert all(i.location for i in items if i.kind is ItemKind.PHOTO)  # the sample's memories are 0,0


@pytest.mark.parametrize("generation", ["old", "new"])
def test_saved_chats_the_account_holder_sent_are_messages(tmp_path: Path, generation: str) -> None:
    e = SnapExport(generation=generation, chats=[
        ("sam.other", "on nights again at the nick", T0, True), ("sam.other", "their words", T0, False),
        ("alex.other", "see you at the station", T0 + timedelta(hours=2), True)])
    items, ctx = read_export(write_zip(e.files(), tmp_path / "mydata~1.zip"), "snapchat")
    assert not ctx.skipped
    messages = [i for i in items if i.kind is ItemKind.MESSAGE]
    assert [(m.text, m.source.timestamp) for m in messages] == [
        ("on nights again at the nick", T0), ("see you at the station", T0 + timedelta(hours=2))]
    assert {m.source.file for m in messages} == {"json/chat_history.json"}
    key = "Text" if generation == "old" else "Content"
    first = "/Sent Saved Chat History/0" if generation == "old" else "/sam.other/0"
    assert messages[0].source.pointer == f"{first}/{key}"
    assert not [i for i in items if "their words" in i.text]  # what others sent is not read


def test_the_json_folder_chosen_on_its_own_is_read(tmp_path: Path) -> None:
    e = export()
    e.chats = [("sam.other", "on nights again at the nick", T0, True)]
    inside = {name.split("/", 1)[1]: data for name, data in e.files().items() if name.startswith("json/")}
    folder = write_folder(inside, tmp_path / "json")
    items, ctx = read_export(folder, "snapchat")
    assert not ctx.skipped
    assert [i.text for i in items if i.kind is ItemKind.MESSAGE] == ["on nights again at the nick"]
    assert any(i.kind is ItemKind.LOCATION for i in items)
