"""The TikTok reader against generated exports of all three key generations."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.exports.archive import open_export
from checks.readers import ReadContext
from checks.readers.tiktok import TikTokReader, setting_value
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName
from tests.builders.tiktok import TikTokExport, TkVideo, build_demo_tiktok
from tests.readers._util import fields, note_codes, read_export

T0 = datetime(2024, 7, 15, 22, 14, 44, tzinfo=UTC)


def read(path: Path) -> tuple[list[Item], ReadContext]:
    return read_export(path, "tiktok")


def rich(generation: str) -> TikTokExport:
    return TikTokExport(
        generation=generation, phone="+447700900123", linked_name="Joanna Invented",
        autofill={"PhoneNumber": "+447700900123", "Email": "jo@example.com", "FirstName": "Jo",
                  "LastName": "Invented", "Address": "7 Invented Close", "ZipCode": "BR3 9ZZ", "Unit": "None",
                  "City": "London", "State": "England", "Country": "United Kingdom"},
        videos=[TkVideo("Night shift vibes #police", T0, "Everyone", "Lewisham"),
                TkVideo("Garden party", T0.replace(day=16), "Friends", "51.4396, -0.0532"),
                TkVideo("Just for me", T0.replace(day=17), "Only me")],
        comments=[("So true 😂", T0)],
        shop_addresses=["7 Invented Close, London, BR3 9ZZ, GB"],
        gps="51.44, -0.05", reviews=[("Horniman Museum", T0)],
    )


@pytest.fixture(scope="module", params=["2022", "2024", "2025"])
def rich_read(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Item]]:
    """The rich export of each generation, read once for the tests below."""
    export = rich(request.param)
    items, ctx = read(export.write_zip(tmp_path_factory.mktemp("tk") / "TikTok_Data_1759132800.zip"))
    assert ctx.skipped == []
    assert all(i.platform is Platform.TIKTOK and i.source.file == export.file_name for i in items)
    return request.param, items


def test_every_generation_reads_the_profile(rich_read: tuple[str, list[Item]]) -> None:
    generation, items = rich_read
    base = {"2022": "/Profile/Profile Information/ProfileMap", "2024": "/Profile/Profile Info/ProfileMap",
            "2025": "/Profile And Settings/Profile Info/ProfileMap"}[generation]
    username = fields(items, ProfileField.USERNAME)[0]
    assert (username.text, username.source.pointer) == ("jo.invented", f"{base}/userName")
    assert fields(items, ProfileField.BIRTH_DATE)[0].text == "1991-06-02"
    assert fields(items, ProfileField.BIO)[0].text == "Dog mum 🐶 South London"
    names = {i.text: i for i in fields(items, ProfileField.NAME)}
    assert names["Joanna Invented"].detail("linked_platform") == "Google"
    assert names["Joanna Invented"].source.pointer == f"{base}/PlatformInfo/0/Name"
    assert "Jo Invented" in names


def test_every_generation_reads_addresses(rich_read: tuple[str, list[Item]]) -> None:
    _, items = rich_read
    by_source = {a.detail("source"): a for a in fields(items, ProfileField.ADDRESS)}
    # the "None" unit is dropped
    assert by_source["autofill"].text == "7 Invented Close, London, England, BR3 9ZZ, United Kingdom"
    assert by_source["TikTok Shop saved address"].source.pointer.endswith("/SavedAddress/0/adress_info")
    assert "BR3 9ZZ" in [p.text for p in fields(items, ProfileField.POSTCODE)]


def test_every_generation_reads_videos_and_comments(rich_read: tuple[str, list[Item]]) -> None:
    _, items = rich_read
    videos = [i for i in items if i.kind is ItemKind.VIDEO]
    assert [v.text for v in videos] == ["Night shift vibes #police", "Garden party", "Just for me"]  # not watched
    assert [v.audience for v in videos] == [Audience.PUBLIC, Audience.FRIENDS, Audience.PRIVATE]
    assert (videos[0].source.timestamp, videos[0].detail("place")) == (T0, "Lewisham")
    assert videos[0].source.url
    assert videos[0].source.pointer.endswith("/VideoList/0/Title")
    assert videos[1].location is not None
    assert videos[1].location.lat == 51.4396
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert (comment.text, comment.source.timestamp) == ("So true 😂", T0)
    assert not [i for i in items if "see you there" in i.text]  # messages are not read


def test_every_generation_reads_settings_and_places(rich_read: tuple[str, list[Item]]) -> None:
    _, items = rich_read
    settings_ = {i.field: i for i in items if i.kind is ItemKind.SETTING}
    assert settings_[SettingName.PRIVATE_ACCOUNT].text == "false"
    assert settings_[SettingName.SUGGEST_TO_CONTACTS].text == "true"
    assert settings_["who_can_view_videos_i_liked"].text == "only_me"
    assert settings_[SettingName.PRIVATE_ACCOUNT].source.pointer.endswith("/SettingsMap/Private Account")
    location = next(i for i in items if i.kind is ItemKind.LOCATION)
    assert location.location is not None
    assert (location.location.lat, location.location.lon) == (51.44, -0.05)
    assert location.source.pointer.endswith("/LocationData/GpsData")
    review = next(i for i in items if i.kind is ItemKind.CHECKIN)
    assert (review.text, review.source.timestamp) == ("Horniman Museum", T0)


@pytest.mark.parametrize(("generation", "changes", "expected"), [
    ("2022", {}, "true"),  # only the old "Allow Others to Find Me: Enabled"
    ("2024", {}, "true"),  # the real 2024 file: find-me "Disabled", the three suggest keys "enabled"
    ("2025", {"Suggest your account to contacts": "disabled"}, "true"),  # two of three still on
    ("2025", {"Suggest your account to contacts": "disabled", "Suggest your account to Facebook friends": "disabled",
              "Suggest your account to people who open or send links to you": "disabled"}, "false"),
])
def test_suggest_setting_is_done_only_when_every_key_says_so(tmp_path: Path, generation: str,
                                                              changes: dict[str, str], expected: str) -> None:
    export = TikTokExport(generation=generation)
    assert export.settings is not None
    export.settings.update(changes)
    items, _ = read(export.write_zip(tmp_path / "TikTok_Data_1.zip"))
    suggest = [i for i in items if i.kind is ItemKind.SETTING and i.field == SettingName.SUGGEST_TO_CONTACTS]
    assert [s.text for s in suggest] == [expected]
    if expected == "true" and generation != "2022":
        assert "Suggest your account to" in (suggest[0].detail("on") or "")
        assert "Suggest your account to" in suggest[0].source.pointer


def test_none_values_and_null_lists_are_empty(tmp_path: Path) -> None:
    export = TikTokExport(phone="None", email="N/A", settings={})
    items, ctx = read(export.write_zip(tmp_path / "TikTok_Data_1.zip"))
    assert ctx.skipped == []
    assert fields(items, ProfileField.PHONE) == [] and fields(items, ProfileField.EMAIL) == []
    assert not [i for i in items if i.kind in (ItemKind.COMMENT, ItemKind.VIDEO)]


@pytest.mark.parametrize("value,expected", [("Enabled", "true"), ("Disabled", "false"), ("Everyone", "everyone"),
                                            ("Friends", "followers"), ("Myself", "only_me"), ("No One", "only_me")])
def test_setting_values(value: str, expected: str) -> None:
    assert setting_value(value) == expected


def test_truncated_file_is_a_skip(tmp_path: Path) -> None:
    data = rich("2024").files()["user_data_tiktok.json"]
    path = tmp_path / "TikTok_Data_2.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("user_data_tiktok.json", data[: len(data) // 2])
    items, ctx = read(path)
    assert [s.file for s in ctx.skipped] == ["user_data_tiktok.json"]
    assert items == []


def test_large_sections_are_not_built(tmp_path: Path) -> None:
    import tracemalloc

    export = rich("2024")
    export.watched = 40_000
    path = export.write_zip(tmp_path / "TikTok_Data_3.zip")
    with open_export([path]) as exp:
        size = exp.member("user_data_tiktok.json").size  # type: ignore[union-attr]
        tracemalloc.start()
        items = list(TikTokReader().read(ReadContext(0, exp)))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert len([i for i in items if i.kind is ItemKind.VIDEO]) == 3
    assert peak < size / 2, "the watch history was held in memory"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_file_never_raises(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    keys = st.sampled_from(["Profile", "ProfileMap", "userName", "VideoList", "SettingsMap", "Autofill", "Date",
                            "Location", "SavedAddress", "LocationData", "GpsData", "CommentsList", "comment"])
    tree = data.draw(st.recursive(st.none() | st.booleans() | st.floats() | st.text(max_size=6) | st.integers(),
                                  lambda kids: st.lists(kids, max_size=3) | st.dictionaries(keys, kids, max_size=4),
                                  max_leaves=20))
    raw = json.dumps(tree).encode()
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path_factory.mktemp("fuzz") / "TikTok_Data_9.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("user_data_tiktok.json", raw)
    with open_export([path]) as exp:
        items = list(TikTokReader().read(ReadContext(0, exp)))
    assert all(isinstance(i, Item) for i in items)


def test_demo_export(tmp_path: Path) -> None:
    items, ctx = read(build_demo_tiktok(tmp_path))
    assert ctx.skipped == []
    assert any(i.field == ProfileField.POSTCODE and i.text == "SE23 9ZZ" for i in items)
    assert any(i.kind is ItemKind.SETTING and i.field == SettingName.PRIVATE_ACCOUNT and i.text == "false"
               for i in items)


def test_txt_format_export_gets_a_note(tmp_path: Path) -> None:
    path = tmp_path / "TikTok_Data_1759132800.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("TikTok_Data_1759132800/Activity/Follower.txt", "Date: 2024-01-01 10:00:00\nUsername: someone\n")
        zf.writestr("TikTok_Data_1759132800/Profile/Profile Info.txt", "Username: jo.invented\n")
    items, ctx = read(path)
    assert items == []
    assert note_codes(ctx) == ["reader.tiktok.no_file"]


def test_cancel_stops_reading(tmp_path: Path) -> None:
    from checks.progress import Cancelled, CancelToken

    path = rich("2024").write_zip(tmp_path / "TikTok_Data_4.zip")
    token = CancelToken()
    token.cancel()
    with open_export([path]) as exp, pytest.raises(Cancelled):
        list(TikTokReader().read(ReadContext(0, exp, cancel=token)))
