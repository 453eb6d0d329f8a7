"""The Instagram readers (JSON 2021–2025 layouts, HTML) against generated exports."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.exports.archive import open_export
from checks.exports.recognise import recognise
from checks.readers import ReadContext, reader_for
from checks.readers.instagram import InstagramReader
from checks.readers.instagram_html import InstagramHtmlReader
from checks.records import Item, ItemKind, Platform, ProfileField, SettingName
from tests.builders.instagram import FINNISH, ITALIAN, IgMedia, IgPost, InstagramExport, build_demo_instagram
from tests.readers._util import note_codes

T0 = datetime(2023, 11, 23, 8, 18, 43, tzinfo=UTC)


def read(path: Path, expect: str = "instagram") -> tuple[list[Item], ReadContext]:
    with open_export([path]) as export:
        rec = recognise(export)
        assert rec is not None and rec.format == expect, rec
        reader = reader_for(rec.format)
        assert reader is (InstagramReader if expect == "instagram" else InstagramHtmlReader)
        ctx = ReadContext(input_index=0, export=export)
        return list(reader().read(ctx)), ctx


def field_items(items: list[Item], fld: ProfileField | str) -> list[Item]:
    return [i for i in items if i.kind is ItemKind.PROFILE_FIELD and i.field == fld]


def rich(layout: str) -> InstagramExport:
    return InstagramExport(
        layout=layout, website="https://example.org/jo", private=False,
        privacy_changes=[("Private", T0), ("Public", T0 + timedelta(days=30))],
        profile_changes=[("Phone Number", "+447700900999", "+447700900123", T0)],
        autofill={"street_address": ["7 Invented Close"], "address_level2": ["London"],
                  "postal_code": ["BR3 9ZZ"], "tel": ["+447700900123"], "given_name": ["Jo"],
                  "family_name": ["Invented"]},
        based_in="London", interests=["Crystal Palace"],
        posts=[IgPost("Parkrun PB 🎉", T0, [IgMedia("1.jpg", T0, lat=51.4202, lon=-0.0707)]),
               IgPost("Two pics", T0 + timedelta(days=1),
                      [IgMedia("2.jpg", T0 + timedelta(days=1)),
                       IgMedia("3.mp4", T0 + timedelta(days=1), video=True)])],
        stories=[IgMedia("s1.jpg", T0 + timedelta(days=2), caption="Night shift ☕", lat=51.45, lon=-0.01)],
        reels=[IgPost("", T0, [IgMedia("r1.mp4", T0 + timedelta(days=3), caption="Reel time", video=True)])],
        comments=[("Congrats! 🎉", "friend_invented", T0 + timedelta(days=4))],
    )


@pytest.fixture(scope="module", params=["2021", "2023", "2025"])
def rich_read(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
              ) -> tuple[InstagramExport, list[Item]]:
    """The rich export in each layout, read once for the tests below."""
    export = rich(request.param)
    items, ctx = read(export.write_zip(tmp_path_factory.mktemp("ig") / f"instagram-jo-{request.param}.zip"))
    assert ctx.skipped == []
    assert all(i.platform is Platform.INSTAGRAM for i in items)
    return export, items


def test_every_layout_reads_the_profile(rich_read: tuple[InstagramExport, list[Item]]) -> None:
    export, items = rich_read
    email = field_items(items, ProfileField.EMAIL)[0]
    assert (email.text, email.source.file) == ("jo@example.com", export.personal_path)
    assert email.source.pointer == "/profile_user/0/string_map_data/Email/value"
    assert field_items(items, ProfileField.USERNAME)[0].text == "jo.invented"
    assert field_items(items, ProfileField.BIO)[0].text == "Coffee ☕ and running"
    assert field_items(items, ProfileField.BIRTH_DATE)[0].text == "1991-06-02"
    old_phone = next(i for i in items if i.detail("change") == "previous")
    assert (old_phone.field, old_phone.text) == (ProfileField.PHONE, "+447700900999")
    address = field_items(items, ProfileField.ADDRESS)[0]
    assert address.text.startswith("7 Invented Close")
    assert "BR3 9ZZ" in address.text
    assert address.source.pointer == "/ig_autofill_data/street_address/0"
    assert field_items(items, ProfileField.POSTCODE)[0].text == "BR3 9ZZ"
    assert "account based in" in [i.detail("source") for i in items if i.text == "London"]
    assert field_items(items, "location_of_interest")[0].text == "Crystal Palace"


def test_every_layout_reads_the_private_switch_and_its_history(
        rich_read: tuple[InstagramExport, list[Item]]) -> None:
    export, items = rich_read
    settings_ = [i for i in items if i.kind is ItemKind.SETTING]
    current = [(s.text, s.source.file) for s in settings_ if s.field == SettingName.PRIVATE_ACCOUNT]
    assert current == [("false", export.personal_path)]
    history = [(s.text, s.source.timestamp) for s in settings_ if s.field == "private_account_change"]
    assert history == [("true", T0), ("false", T0 + timedelta(days=30))]


def test_every_layout_reads_posts_and_photos(rich_read: tuple[InstagramExport, list[Item]]) -> None:
    _, items = rich_read
    caption = next(i for i in items if i.kind is ItemKind.POST and i.text == "Parkrun PB 🎉")
    assert (caption.source.pointer, caption.source.timestamp) == ("/0/media/0/title", T0)
    photo = next(i for i in items if i.kind is ItemKind.PHOTO and i.location is not None
                 and i.location.lat == 51.4202)
    assert photo.source.pointer == "/0/media/0/media_metadata/photo_metadata/exif_data/0"
    assert (photo.media, photo.detail("device_id")) == ("media/posts/202311/1.jpg", "android-1a2b3c4d5e6f7a8b")
    multi = next(i for i in items if i.kind is ItemKind.POST and i.text == "Two pics")
    assert multi.source.pointer == "/1/title"
    assert "media/posts/202311/3.mp4" in [i.media for i in items if i.kind is ItemKind.VIDEO]


def test_every_layout_reads_stories_reels_and_comments(rich_read: tuple[InstagramExport, list[Item]]) -> None:
    _, items = rich_read
    story = next(i for i in items if i.detail("kind") == "stories" and i.kind is ItemKind.PHOTO)
    assert story.location is not None
    assert story.source.pointer.startswith("/ig_stories/0/media_metadata")
    posts = {(i.text, i.detail("kind")) for i in items if i.kind is ItemKind.POST}
    assert "Night shift ☕" in {text for text, _ in posts}
    assert ("Reel time", "reels") in posts
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert (comment.text, comment.detail("media_owner")) == ("Congrats! 🎉", "friend_invented")
    assert comment.source.timestamp == T0 + timedelta(days=4)


def test_italian_labels_and_placeholder_birth_date(tmp_path: Path) -> None:
    export = InstagramExport(layout="2021", labels=ITALIAN, birth_date="1919-01-01", private=True)
    items, _ = read(export.write_zip(tmp_path / "ig.zip"))
    assert field_items(items, ProfileField.BIRTH_DATE) == []
    assert field_items(items, ProfileField.EMAIL)[0].source.pointer == \
        "/profile_user/0/string_map_data/Indirizzo e-mail/value"
    assert field_items(items, ProfileField.NAME)[0].text == "Jo Invented"
    setting = next(i for i in items if i.kind is ItemKind.SETTING)
    assert setting.text == "true" and setting.field == SettingName.PRIVATE_ACCOUNT


def test_unknown_language_is_read_by_shape_and_position(tmp_path: Path) -> None:
    export = InstagramExport(layout="2023", labels=FINNISH, website="https://example.org/jo", private=True)
    items, _ = read(export.write_zip(tmp_path / "ig.zip"))
    assert field_items(items, ProfileField.EMAIL)[0].text == "jo@example.com"
    assert field_items(items, ProfileField.PHONE)[0].text == "+447700900123"
    assert field_items(items, ProfileField.BIRTH_DATE)[0].text == "1991-06-02"
    assert field_items(items, ProfileField.WEBSITE)[0].text == "https://example.org/jo"
    # "Phone Confirmed" (True) must not be mistaken for the private-account switch
    assert [(i.field, i.text) for i in items if i.kind is ItemKind.SETTING] == [(SettingName.PRIVATE_ACCOUNT, "true")]


def test_html_variant(tmp_path: Path) -> None:
    export = rich("2023")
    export.fmt = "html"
    items, ctx = read(export.write_zip(tmp_path / "instagram-jo-html.zip"), expect="instagram-html")
    assert note_codes(ctx) == ["reader.instagram.html_only"]
    assert field_items(items, ProfileField.EMAIL)[0].text == "jo@example.com"
    assert field_items(items, ProfileField.PHONE)[0].text == "+447700900123"
    assert [(i.field, i.text) for i in items if i.kind is ItemKind.SETTING] == [(SettingName.PRIVATE_ACCOUNT, "false")]
    caption = next(i for i in items if i.kind is ItemKind.POST and i.text == "Parkrun PB 🎉")
    assert caption.source.timestamp == T0 and caption.source.pointer == ""
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.location is not None and (photo.location.lat, photo.location.lon) == (51.4202, -0.0707)
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert comment.text == "Congrats! 🎉" and comment.source.timestamp == T0 + timedelta(days=4)


def test_damaged_members_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    export = rich("2025")
    files = export.files()
    posts = f"{export.content_dir}/posts_1.json"
    files[posts] = files[posts][:-40]
    files[f"{export.content_dir}/stories.json"] = b"[1, 2, {"
    path = tmp_path / "ig.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    items, ctx = read(path)
    assert {s.file for s in ctx.skipped} == {posts, f"{export.content_dir}/stories.json"}
    assert any(i.text == "Parkrun PB 🎉" for i in items)
    assert field_items(items, ProfileField.EMAIL)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_members_never_raise(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    export = rich(data.draw(st.sampled_from(["2021", "2023", "2025"])))
    files = export.files()
    for name in data.draw(st.lists(st.sampled_from([n for n in files if n.endswith(".json")]), min_size=1,
                                   max_size=3, unique=True)):
        raw = bytearray(files[name])
        if data.draw(st.booleans()):
            pos = data.draw(st.integers(0, len(raw) - 1))
            raw[pos] = data.draw(st.integers(0, 255))
            raw = raw[: data.draw(st.integers(0, len(raw)))]
        else:
            raw = bytearray(json.dumps(data.draw(st.recursive(
                st.none() | st.booleans() | st.floats() | st.text(max_size=5),
                lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
                    st.sampled_from(["profile_user", "string_map_data", "media", "title", "value", "uri",
                                     "media_metadata", "ig_stories", "ig_autofill_data", "vec", "label_values"]),
                    kids, max_size=3), max_leaves=12))).encode())
        files[name] = bytes(raw)
    path = tmp_path_factory.mktemp("fuzz") / "ig.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, blob in files.items():
            zf.writestr(name, blob)
    with open_export([path]) as exp:
        items = list(InstagramReader().read(ReadContext(0, exp)))
    assert all(isinstance(i, Item) for i in items)


def test_demo_export(tmp_path: Path) -> None:
    items, ctx = read(build_demo_instagram(tmp_path))
    assert ctx.skipped == []
    assert any(i.field == ProfileField.POSTCODE and i.text == "SE23 9ZZ" for i in items)
    assert any(i.kind is ItemKind.PHOTO and i.location is not None for i in items)


def test_shared_sample(shared_samples: Path) -> None:
    folder = shared_samples / "instagram" / "humandataincome__hudi-packages-connectors" / "src" / "mock" / \
        "datasource" / "raw files" / "instagram"
    if not folder.is_dir():
        pytest.skip("the Instagram sample is not present")
    with open_export([folder]) as exp:
        ctx = ReadContext(0, exp)
        items = list(InstagramReader().read(ctx))
    assert ctx.skipped == []
    assert field_items(items, ProfileField.USERNAME)[0].text.endswith("😂")  # mojibake fixed
    assert field_items(items, ProfileField.BIRTH_DATE)
    assert [i.text for i in items if i.kind is ItemKind.SETTING] == ["true"]
    assert any(i.field == ProfileField.CITY and i.text == "Roma" for i in items)


def test_location_inference_files_with_varying_wrappers(tmp_path: Path) -> None:
    from tests.builders.facebook import meta_json

    export = InstagramExport(layout="2025")
    about = export.about_dir
    export.extra[f"{about}/profile_based_in.json"] = meta_json({"inferred_data_profile_based_in_v2": [
        {"title": "", "string_map_data": {"Città": {"href": "", "value": "Londra", "timestamp": 0}}}]})
    export.extra[f"{about}/last_known_location.json"] = meta_json({"last_known_location": [
        {"string_map_data": {"Precise Location": {"value": "51.4396, -0.0532", "timestamp": 1722542400}}}]})
    items, ctx = read(export.write_zip(tmp_path / "ig.zip"))
    assert ctx.skipped == []
    city = next(i for i in items if i.text == "Londra")
    assert city.field == ProfileField.CITY and city.detail("label") == "Città"
    assert city.source.pointer == "/inferred_data_profile_based_in_v2/0/string_map_data/Citt\u00c3\u00a0/value"
    fix_ = next(i for i in items if i.kind is ItemKind.LOCATION)
    assert fix_.location is not None and fix_.location.lat == 51.4396
    assert fix_.source.pointer == "/last_known_location/0/string_map_data/Precise Location/value"
    assert fix_.source.timestamp == datetime(2024, 8, 1, 20, 0, tzinfo=UTC)


def test_last_known_location_pairs_are_one_precise_and_one_imprecise_place(tmp_path: Path) -> None:
    # 2025: security_and_login_information/login_and_profile_creation/last_known_location.json
    # gives "Precise latitude"/"Precise longitude" and an imprecise pair, and "GPS time uploaded"
    export = InstagramExport(layout="2025", last_known=(51.439612, -0.053201))
    items, ctx = read(export.write_zip(tmp_path / "ig.zip"))
    assert ctx.skipped == []
    places = sorted((i for i in items if i.kind is ItemKind.LOCATION), key=lambda i: i.detail("precision"))
    assert [i.detail("precision") for i in places] == ["imprecise", "precise"]
    imprecise, precise = places
    assert precise.location is not None and (precise.location.lat, precise.location.lon) == (51.439612, -0.053201)
    assert precise.location.accuracy_m is None
    assert imprecise.location is not None and imprecise.location.accuracy_m == 3000.0
    assert precise.source.pointer.endswith("/string_map_data/Precise latitude/value")
    # neither the coordinates nor the upload time are taken for a city
    assert not [i for i in items if i.field == ProfileField.CITY]


def test_latest_privacy_change_stands_in_when_the_profile_does_not_say(tmp_path: Path) -> None:
    export = InstagramExport(layout="2023", private=None,
                             privacy_changes=[("Public", T0 + timedelta(days=30)), ("Private", T0)])
    items, _ = read(export.write_zip(tmp_path / "ig.zip"))
    current = [i for i in items if i.field == SettingName.PRIVATE_ACCOUNT]
    assert len(current) == 1
    assert current[0].text == "false" and current[0].source.timestamp == T0 + timedelta(days=30)
    assert current[0].source.pointer == "/account_history_account_privacy_history/0/title"


def test_cancel_stops_reading(tmp_path: Path) -> None:
    from checks.progress import Cancelled, CancelToken

    path = rich("2025").write_zip(tmp_path / "ig.zip")
    token = CancelToken()
    token.cancel()
    with open_export([path]) as exp, pytest.raises(Cancelled):
        list(InstagramReader().read(ReadContext(0, exp, cancel=token)))
