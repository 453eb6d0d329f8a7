"""The Facebook readers (JSON and HTML) against generated exports in the real structure."""

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
from checks.progress import Cancelled, CancelToken
from checks.readers import ReadContext, reader_for
from checks.readers.facebook import FacebookReader
from checks.readers.facebook_html import FacebookHtmlReader, parse_html_date
from checks.readers.meta_text import fix, fix_tree
from checks.records import Item, ItemKind, Platform, ProfileField
from tests.builders.facebook import (
    FacebookExport,
    FbCheckin,
    FbMedia,
    FbPlace,
    FbPost,
    build_demo_facebook,
    epoch,
    meta_json,
)
from tests.readers._util import code, fields, note_codes

T0 = datetime(2024, 3, 5, 14, 2, 11, tzinfo=UTC)


def read(path: Path, expect: str = "facebook", cancel: CancelToken | None = None) -> tuple[list[Item], ReadContext]:
    with open_export([path]) as export:
        rec = recognise(export)
        assert rec is not None and rec.format == expect
        reader = reader_for(rec.format)
        assert reader is (FacebookReader if expect == "facebook" else FacebookHtmlReader)
        ctx = ReadContext(input_index=0, export=export, cancel=cancel or CancelToken())
        return list(reader().read(ctx)), ctx


def rich() -> FacebookExport:
    return FacebookExport(
        full_name="Jo SSmith-Invented", birthday=(1991, 6, 2), current_city="Penge, London", hometown="Bromley",
        address={"street": "7 Invented Close", "city": "London", "zipcode": "BR3 9ZZ", "neighborhood": "",
                 "country": "United Kingdom", "country_code": "GB", "region": ""},
        places_lived=["Catford"],
        work=[{"employer": "Kent Police", "title": "Detective Constable", "location": "Maidstone",
               "start_timestamp": 1420070400, "timestamp": 1420070500}],
        education=["Université de Lille"], family=[("Léa Invented", "Sister")], partner="Chris Invented",
        phones=["+44 7700 900123"], emails=["jo@example.com"], websites=["https://example.org/jo"],
        posts=[
            FbPost("Café crème ☕ at last 😂", T0, tags=["Amy Made-Up"]),
            FbPost("Garden finally done", T0 + timedelta(days=1),
                   media=[FbMedia("1.jpg", T0 + timedelta(days=1), lat=51.4101, lon=-0.0560,
                                  taken=T0 + timedelta(hours=20), camera_make="Apple", camera_model="iPhone 13")]),
            FbPost("", T0 + timedelta(days=2), title="Jo was at The Invented Arms.",
                   place=FbPlace("The Invented Arms", 51.44, -0.06, "1 Pub Street, London")),
            FbPost("New job!", T0 + timedelta(days=3), life_event="Started a new job at Kent Police"),
        ],
        uncategorised=[FbMedia("u1.jpg", T0, lat=51.5, lon=-0.1)],
        videos=[FbMedia("v1.mp4", T0, video=True, title="Parade")],
        albums=[("Holiday", [FbMedia("a1.jpg", T0, lat=48.85, lon=2.35)])],
        checkins=[FbCheckin(T0, "Forest Hill Pools", "Dartmouth Road", 51.4379, -0.0537, "Swim!")],
        tagged_places=[("Horniman Museum", T0 + timedelta(days=9))],
        comments=[("Well done everyone 👏", T0 + timedelta(days=4), "Jo commented on Amy's post.")],
        location_history=[("Lewisham", 51.4577, -0.0125, T0 + timedelta(days=5))],
        primary_location=("London", "England", "SE23"),
    )


LAYOUTS = ["2024", "pre2024", "transitional"]


@pytest.fixture(scope="module", params=LAYOUTS)
def rich_read(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
              ) -> tuple[FacebookExport, list[Item]]:
    """The rich export in each layout, read once for the tests below."""
    export = rich()
    export.layout = request.param
    path = export.write_zip(tmp_path_factory.mktemp("fb") / f"facebook-jo-2026-3-11-{request.param}.zip")
    items, ctx = read(path)
    assert ctx.skipped == []
    assert all(i.platform is Platform.FACEBOOK and i.source.input == 0 for i in items)
    return export, items


def test_every_layout_reads_the_profile(rich_read: tuple[FacebookExport, list[Item]]) -> None:
    export, items = rich_read
    name = fields(items, ProfileField.NAME)[0]
    assert name.text == "Jo SSmith-Invented"
    assert (name.source.file, name.source.pointer) == (export.profile_path, "/profile_v2/name/full_name")
    assert fields(items, ProfileField.BIRTH_DATE)[0].text == "1991-06-02"
    address = fields(items, ProfileField.ADDRESS)[0]
    assert "7 Invented Close" in address.text
    assert "BR3 9ZZ" in address.text
    assert address.source.pointer == "/profile_v2/address/street"
    assert fields(items, ProfileField.POSTCODE)[0].source.pointer == "/profile_v2/address/zipcode"
    employer = fields(items, ProfileField.EMPLOYER)[0]
    assert (employer.text, employer.detail("title"), employer.detail("current")) == (
        "Kent Police", "Detective Constable", "true")
    assert fields(items, ProfileField.EDUCATION)[0].text == "Université de Lille"  # mojibake fixed
    family = fields(items, ProfileField.FAMILY_MEMBER)[0]
    assert (family.detail("relation"), family.text) == ("Sister", "Léa Invented")


def test_every_layout_reads_contact_fields(rich_read: tuple[FacebookExport, list[Item]]) -> None:
    _, items = rich_read
    assert fields(items, ProfileField.PARTNER)[0].text == "Chris Invented"
    assert fields(items, ProfileField.PHONE)[0].text == "+44 7700 900123"
    assert fields(items, ProfileField.EMAIL)[0].text == "jo@example.com"
    assert fields(items, ProfileField.WEBSITE)[0].text == "https://example.org/jo"
    assert {i.text for i in fields(items, ProfileField.CITY)} >= {"Penge, London", "Catford", "London"}
    assert "SE23" in [i.text for i in fields(items, ProfileField.POSTCODE)]


def test_every_layout_reads_posts_and_photos(rich_read: tuple[FacebookExport, list[Item]]) -> None:
    export, items = rich_read
    post = next(i for i in items if i.kind is ItemKind.POST and "Café" in i.text)
    assert post.text == "Café crème ☕ at last 😂"
    assert (post.source.file, post.source.pointer) == (export.posts_path(1), "/0/data/0/post")
    assert (post.source.timestamp, post.detail("tagged")) == (T0, "Amy Made-Up")

    photo = next(i for i in items if i.kind is ItemKind.PHOTO and i.location and i.location.lat == 51.4101)
    assert photo.source.pointer == "/1/attachments/0/data/0/media/media_metadata/photo_metadata/exif_data/0"
    assert photo.source.timestamp == T0 + timedelta(hours=20)  # taken time, not upload time
    assert (photo.detail("camera_model"), photo.detail("upload_ip")) == ("iPhone 13", "203.0.113.24")
    assert photo.media == f"{export.media_dir}/your_posts/1.jpg"
    life = next(i for i in items if i.detail("kind") == "life event")
    assert life.text == "Started a new job at Kent Police"


def test_every_layout_reads_other_media(rich_read: tuple[FacebookExport, list[Item]]) -> None:
    _, items = rich_read
    assert any(i.kind is ItemKind.PHOTO and i.source.pointer.startswith("/other_photos_v2/0") for i in items)
    video = next(i for i in items if i.kind is ItemKind.VIDEO)
    assert (video.source.pointer, video.text) == ("/videos_v2/0", "Parade")
    album = next(i for i in items if i.source.file.endswith("album/0.json"))
    assert album.location is not None
    assert album.source.pointer.startswith("/photos/0/media_metadata")
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert comment.text == "Well done everyone 👏"
    assert comment.source.pointer == "/comments_v2/0/data/0/comment/comment"


def test_every_layout_reads_places(rich_read: tuple[FacebookExport, list[Item]]) -> None:
    _, items = rich_read
    place = next(i for i in items if i.kind is ItemKind.CHECKIN and i.text == "The Invented Arms")
    assert place.location is not None and (place.location.lat, place.location.lon) == (0.44 + 51, -0.06)
    assert place.source.pointer == "/2/attachments/0/data/0/place/coordinate"
    assert place.detail("address") == "1 Pub Street, London"

    checkin = next(i for i in items if i.kind is ItemKind.CHECKIN and i.text == "Forest Hill Pools")
    assert checkin.location is not None and checkin.location.lat == 51.4379
    assert checkin.source.pointer == "/0/label_values/1/dict/2/value"
    assert (checkin.detail("address"), checkin.detail("message")) == ("Dartmouth Road", "Swim!")
    tagged = next(i for i in items if i.detail("kind") == "tagged place")
    assert (tagged.text, tagged.source.timestamp, tagged.location) == ("Horniman Museum", T0 + timedelta(days=9), None)
    fix_ = next(i for i in items if i.kind is ItemKind.LOCATION)
    assert fix_.source.pointer == "/location_history_v2/0/coordinate"
    assert fix_.source.timestamp == T0 + timedelta(days=5)


def test_posts_split_across_numbered_files_are_all_read_in_order(tmp_path: Path) -> None:
    export = FacebookExport(posts=[FbPost(f"post {k}", T0 + timedelta(hours=k)) for k in range(25)],
                            posts_per_file=10)
    items, _ = read(export.write_zip(tmp_path / "fb.zip"))
    posts = [i for i in items if i.kind is ItemKind.POST]
    assert [p.text for p in posts] == [f"post {k}" for k in range(25)]
    assert posts[24].source.file == export.posts_path(3) and posts[24].source.pointer == "/4/data/0/post"


def test_single_check_in_object_and_localised_labels(tmp_path: Path) -> None:
    export = FacebookExport(
        checkins=[FbCheckin(T0, "Piscine de Forest Hill", "Dartmouth Road", 51.4379, -0.0537, "Nage")],
        single_checkin_object=True,
        checkin_labels={"Name": "Nom", "Address": "Adresse", "Coordinates": "Coordonnées", "Message": "Message",
                        "Place tags": "Identifications de lieux"})
    items, _ = read(export.write_zip(tmp_path / "fb.zip"))
    checkin = next(i for i in items if i.kind is ItemKind.CHECKIN)
    assert checkin.text == "Piscine de Forest Hill" and checkin.detail("address") == "Dartmouth Road"
    assert checkin.location is not None and checkin.location.lon == -0.0537
    assert checkin.source.pointer == "/label_values/1/dict/2/value"
    assert checkin.source.timestamp == T0


def test_zero_coordinates_and_nonsense_times_are_not_locations(tmp_path: Path) -> None:
    media = FbMedia("z.jpg", T0, lat=0.0, lon=0.0)
    export = FacebookExport(posts=[FbPost("x", T0, media=[media])])
    files = export.files()
    posts = json.loads(files[export.posts_path(1)])
    posts[0]["attachments"][0]["data"][0]["media"]["media_metadata"]["photo_metadata"]["exif_data"][0][
        "taken_timestamp"] = -62169958800
    files[export.posts_path(1)] = meta_json(posts)
    path = tmp_path / "fb.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    items, _ = read(path)
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.location is None and photo.source.timestamp == T0


def test_mojibake_fix_leaves_correct_text_alone() -> None:
    assert fix("Universit\u00c3\u00a0") == "Università"
    assert fix("\u00f0\u009f\u0098\u0082") == "😂"
    assert fix("Università") == "Università"  # already right: not valid UTF-8 as bytes, unchanged
    assert fix("Zoë 😂") == "Zoë 😂"  # above U+00FF: left alone
    assert fix("plain") == "plain"
    assert fix_tree({"Citt\u00c3\u00a0": ["S\u00c3\u00a3o"]}) == {"Città": ["São"]}


def test_folder_with_wrapper_and_missing_media_file(tmp_path: Path) -> None:
    export = FacebookExport(posts=[FbPost("hi", T0, media=[FbMedia("gone.jpg", T0, include_file=False)])])
    folder = export.write_folder(tmp_path / "facebook-jo-2026-1-1-abc" / "inner")
    items, _ = read(folder.parent)
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.media is None and photo.source.timestamp == T0


def test_truncated_and_damaged_members_become_skips(tmp_path: Path) -> None:
    export = rich()
    files = export.files()
    whole = files[export.posts_path(1)]
    files[export.posts_path(1)] = whole[: len(whole) * 2 // 3]  # cut mid-way: earlier posts survive
    files[export.comments_path] = b"\xff\xfe not json at all"
    files[export.checkins_path] = b'{"label_values": 5}'  # wrong shape: nothing, no crash
    path = tmp_path / "fb.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    items, ctx = read(path)
    skipped = {s.file: code(s.reason) for s in ctx.skipped}
    assert skipped.get(export.posts_path(1)) == "reader.damaged.truncated"
    assert export.comments_path in skipped
    assert any(i.text.startswith("Café") for i in items)  # read before the break
    assert fields(items, ProfileField.NAME)  # other members still read
    assert not any(i.kind is ItemKind.COMMENT for i in items)


def test_crc_error_in_zip_is_a_skip(tmp_path: Path) -> None:
    export = FacebookExport(comments=[("a" * 5000, T0, "")])
    path = export.write_zip(tmp_path / "fb.zip")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(export.comments_path)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 5] ^= 0xFF
    path.write_bytes(bytes(data))
    items, ctx = read(path)
    assert any(s.file == export.comments_path for s in ctx.skipped)
    assert fields(items, ProfileField.NAME)


def test_cancel_stops_reading(tmp_path: Path) -> None:
    path = rich().write_zip(tmp_path / "fb.zip")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read(path, cancel=token)


def test_progress_reaches_one(tmp_path: Path) -> None:
    path = rich().write_zip(tmp_path / "fb.zip")
    seen: list[float] = []
    with open_export([path]) as export:
        ctx = ReadContext(0, export, on_progress=lambda f, _n: seen.append(f))
        list(FacebookReader().read(ctx))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3


def test_html_variant_reads_posts_profile_checkins_and_notes_json(tmp_path: Path) -> None:
    export = rich()
    export.fmt = "html"
    items, ctx = read(export.write_zip(tmp_path / "facebook-jo-html.zip"), expect="facebook-html")
    assert note_codes(ctx) == ["reader.facebook.html_only"]
    assert all(i.source.pointer == "" for i in items)
    assert fields(items, ProfileField.NAME)[0].text == "Jo SSmith-Invented"
    assert fields(items, ProfileField.EMPLOYER)[0].text == "Kent Police"
    assert fields(items, ProfileField.PHONE)[0].text == "+44 7700 900123"
    post = next(i for i in items if i.kind is ItemKind.POST and "Café" in i.text)
    assert post.text == "Café crème ☕ at last 😂" and post.source.timestamp == T0
    pub = next(i for i in items if i.kind is ItemKind.CHECKIN and i.text == "The Invented Arms")
    assert pub.location is not None and pub.location.lat == 51.44
    pool = next(i for i in items if i.kind is ItemKind.CHECKIN and i.text == "Forest Hill Pools")
    assert pool.location is not None and pool.detail("message") == "Swim!"
    assert any(i.kind is ItemKind.COMMENT and i.text == "Well done everyone 👏" for i in items)


@pytest.mark.parametrize("text,expected", [
    ("Aug 17, 2025 11:23 am", datetime(2025, 8, 17, 11, 23, tzinfo=UTC)),
    ("Sep 8, 2016, 4:36 PM", datetime(2016, 9, 8, 16, 36, tzinfo=UTC)),
    ("Oct 19, 2025 1:47:55 pm", datetime(2025, 10, 19, 13, 47, 55, tzinfo=UTC)),
    ("17 Aug 2025, 11:23", datetime(2025, 8, 17, 11, 23, tzinfo=UTC)),
    ("not a date", None),
])
def test_html_dates(text: str, expected: datetime | None) -> None:
    assert parse_html_date(text) == expected


_MUTATIONS = st.sampled_from(["truncate", "flip", "insert", "shape"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_members_never_raise(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    export = rich()
    files = export.files()
    targets = [n for n in files if n.endswith(".json")]
    for name in data.draw(st.lists(st.sampled_from(targets), min_size=1, max_size=3, unique=True)):
        raw = bytearray(files[name])
        how = data.draw(_MUTATIONS)
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if how == "truncate":
            raw = raw[:pos]
        elif how == "flip":
            raw[pos] = data.draw(st.integers(0, 255))
        elif how == "insert":
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            raw = bytearray(json.dumps(data.draw(st.recursive(
                st.none() | st.booleans() | st.floats() | st.text(max_size=5) | st.integers(),
                lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
                    st.sampled_from(["profile_v2", "data", "attachments", "label_values", "media", "place",
                                     "coordinate", "latitude", "timestamp", "comments_v2", "dict", "value"]),
                    kids, max_size=3), max_leaves=12))).encode())
        files[name] = bytes(raw)
    path = tmp_path_factory.mktemp("fuzz") / "fb.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, blob in files.items():
            zf.writestr(name, blob)
    with open_export([path]) as exp:
        ctx = ReadContext(0, exp)
        items = list(FacebookReader().read(ctx))
    assert all(isinstance(i, Item) for i in items)


def test_big_posts_file_is_streamed(tmp_path: Path) -> None:
    import tracemalloc

    export = FacebookExport(posts=[FbPost("x" * 400 + f" {k}", T0 + timedelta(minutes=k)) for k in range(6000)])
    path = export.write_zip(tmp_path / "fb.zip")
    with open_export([path]) as exp:
        size = exp.member(export.posts_path(1)).size  # type: ignore[union-attr]
        ctx = ReadContext(0, exp)
        tracemalloc.start()
        count = 0
        for item in FacebookReader().read(ctx):
            count += item.kind is ItemKind.POST
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert count == 6000
    assert peak < size / 2, "the posts file was held in memory at once"
    with open_export([path]) as exp:
        seen: list[float] = []
        ctx = ReadContext(0, exp, on_progress=lambda f, _n: seen.append(f))
        for _ in FacebookReader().read(ctx):
            pass
    inside = [f for f in seen if 0.0 < f < 1.0]
    assert len(inside) >= 2 and inside == sorted(inside), "progress moves while one big file is read"


def test_demo_export(tmp_path: Path) -> None:
    path = build_demo_facebook(tmp_path)
    items, ctx = read(path)
    assert ctx.skipped == []
    assert fields(items, ProfileField.EMPLOYER)[0].text == "Metropolitan Police Service"
    assert any(i.location and abs(i.location.lat - 51.4396) < 0.001 for i in items if i.kind is ItemKind.PHOTO)


def test_shared_sample_profile(shared_samples: Path) -> None:
    folder = shared_samples / "facebook" / "humandataincome__hudi-packages-connectors" / "src" / "mock" / \
        "datasource" / "raw files" / "facebook"
    if not folder.is_dir():
        pytest.skip("the Facebook sample is not present")
    with open_export([folder]) as exp:
        ctx = ReadContext(0, exp)
        items = list(FacebookReader().read(ctx))
    assert ctx.skipped == []
    assert fields(items, ProfileField.NAME)
    assert any("Università" in i.text for i in fields(items, ProfileField.EDUCATION))
    assert fields(items, ProfileField.ADDRESS) and fields(items, ProfileField.BIRTH_DATE)
    assert all(i.source.pointer.startswith("/profile_v2/") for i in items)


def test_2024_contact_info_label_values_by_shape(tmp_path: Path) -> None:
    export = FacebookExport(contact_info=[("Numéro de mobile", "+44 7700 900456"), ("E-mail", "jo2@example.com"),
                                          ("Adresse", "7 Invented Close, London BR3 9ZZ")])
    items, _ = read(export.write_zip(tmp_path / "fb.zip"))
    by_file = [i for i in items if i.source.file.endswith("contact_info.json")]
    assert [(i.field, i.text, i.source.pointer) for i in by_file] == [
        (ProfileField.PHONE, "+44 7700 900456", "/label_values/0/value"),
        (ProfileField.EMAIL, "jo2@example.com", "/label_values/1/value"),
        (ProfileField.ADDRESS, "7 Invented Close, London BR3 9ZZ", "/label_values/2/value"),
    ]
    assert by_file[0].detail("label") == "Numéro de mobile"  # mojibake fixed in labels too


def test_multi_part_export_and_odd_member_names(tmp_path: Path) -> None:
    from checks.exports.archive import group_parts

    export = rich()
    files = export.files()
    first = tmp_path / "facebook-jo-2026-3-11-Hl65Zstp.zip"
    second = tmp_path / "facebook-jo-2026-3-11-Qm83Rtvx.zip"  # Meta names each part with its own suffix
    names = sorted(files)
    with zipfile.ZipFile(first, "w") as a, zipfile.ZipFile(second, "w") as b:
        for k, name in enumerate(names):
            (a if k % 2 else b).writestr(name, files[name])
        a.writestr("comments.json", b"[]")  # a stray file at the root must not confuse the reader
    groups = group_parts([second, first])
    assert len(groups) == 1
    with open_export(groups[0]) as exp:
        ctx = ReadContext(0, exp)
        items = list(FacebookReader().read(ctx))
    assert ctx.skipped == []
    assert fields(items, ProfileField.NAME) and any(i.kind is ItemKind.COMMENT for i in items)
    assert any(i.kind is ItemKind.CHECKIN for i in items) and any(i.kind is ItemKind.LOCATION for i in items)


@settings(max_examples=200, deadline=None)
@given(name=st.text(alphabet="abcomentsjp_/.-0123456789ACDEFGHIJKLMNOPQRSTUVWXYZ", max_size=60))
def test_member_name_matchers_never_raise(name: str) -> None:
    from checks.readers import facebook, facebook_html, instagram, instagram_html, linkedin

    for matcher in (facebook._kind_of, facebook_html._kind_of, instagram._kind_of, instagram_html._kind_of,
                    linkedin._kind_of):
        matcher(name)
        matcher(name + ".json")
        matcher(name + "/comments.html")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 4000), junk=st.binary(max_size=40))
def test_fuzzed_html_never_raises(tmp_path_factory: pytest.TempPathFactory, cut: int, junk: bytes) -> None:
    export = rich()
    export.fmt = "html"
    files = export.files()
    for name in [n for n in files if n.endswith(".html")]:
        files[name] = files[name][:cut] + junk + files[name][cut:][: cut // 2]
    path = tmp_path_factory.mktemp("fuzz") / "fb.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, blob in files.items():
            zf.writestr(name, blob)
    with open_export([path]) as exp:
        items = list(FacebookHtmlReader().read(ReadContext(0, exp)))
    assert all(isinstance(i, Item) for i in items)


def test_stories_and_group_posts_and_comments(tmp_path: Path) -> None:
    export = FacebookExport()
    story_media = export.media_json(FbMedia("st.jpg", T0, lat=51.43, lon=-0.05))
    export.extra[export.path("stories", "archived_stories.json")] = meta_json({"archived_stories_v2": [story_media]})
    export.extra[export.path("groups", "your_posts_in_groups.json")] = meta_json({"group_posts_v2": [
        export.post_json(FbPost("Lost dog near Hilly Fields, please share", T0))]})
    export.extra[export.path("groups", "your_comments_in_groups.json")] = meta_json({"group_comments_v2": [
        {"timestamp": epoch(T0), "data": [{"comment": {"timestamp": epoch(T0), "comment": "Found him, thanks all",
                                                       "author": export.full_name, "group": "SE23 Neighbours"}}],
         "title": "Jo commented on a post."}]})
    items, ctx = read(export.write_zip(tmp_path / "fb.zip"))
    assert ctx.skipped == []
    story = next(i for i in items if i.source.file.endswith("archived_stories.json"))
    assert story.location is not None and story.source.pointer.startswith("/archived_stories_v2/0/media_metadata")
    post = next(i for i in items if i.kind is ItemKind.POST)
    assert post.source.pointer == "/group_posts_v2/0/data/0/post"
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert comment.detail("group") == "SE23 Neighbours"
    assert comment.source.pointer == "/group_comments_v2/0/data/0/comment/comment"


def test_html_2019_markup(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"/></head><body><div class="_4t5n" role="main">'
        '<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">'
        'Jo Invented updated her status.</div><div class="_3-96 _2let"><div><div class="_2pin"><div>'
        'Finally home after nights 😴</div></div></div></div><div class="_3-94 _2lem">Mar 5, 2019, 2:02 PM</div>'
        '</div></div></body></html>').encode()
    path = tmp_path / "facebook-jo-2019.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("posts/your_posts_1.html", page)
        zf.writestr("profile_information/profile_information.html", b"<html><body></body></html>")
    items, _ = read(path, expect="facebook-html")
    post = next(i for i in items if i.kind is ItemKind.POST)
    assert post.text == "Finally home after nights 😴"
    assert post.source.timestamp == datetime(2019, 3, 5, 14, 2, tzinfo=UTC)
    assert post.detail("title") == "Jo Invented updated her status."


def test_label_value_profile_page(tmp_path: Path) -> None:
    export = FacebookExport()
    export.extra[export.profile_path] = meta_json({"profile_v2": None, "label_values": [
        {"label": "Name", "value": "Jo Invented"},
        {"label": "Mobile phone", "value": "+44 7700 900123"},
        {"label": "Emails", "vec": [{"value": "jo@example.com"}]},
        {"label": "Current town", "value": "Forest Hill"}]})
    items, ctx = read(export.write_zip(tmp_path / "fb.zip"))
    assert ctx.skipped == []
    got = {(i.field, i.text, i.source.pointer) for i in items if i.source.file == export.profile_path}
    assert (ProfileField.PHONE, "+44 7700 900123", "/label_values/1/value") in got
    assert (ProfileField.EMAIL, "jo@example.com", "/label_values/2/vec/0/value") in got
    assert (ProfileField.CITY, "Forest Hill", "/label_values/3/value") in got


@pytest.mark.parametrize("which", ["posts", "profile"])
def test_single_file_taken_out_of_the_export(tmp_path: Path, which: str) -> None:
    export = rich()
    files = export.files()
    source = export.posts_path(1) if which == "posts" else export.profile_path
    target = tmp_path / source.rsplit("/", 1)[-1]
    target.write_bytes(files[source])
    items, ctx = read(target)
    assert ctx.skipped == [] and items
    assert all(i.source.file == target.name for i in items)
    if which == "posts":
        assert any(i.text == "Café crème ☕ at last 😂" and i.source.pointer == "/0/data/0/post" for i in items)
    else:
        assert fields(items, ProfileField.ADDRESS)


@given(text=st.text(max_size=40))
def test_mojibake_round_trip(text: str) -> None:
    encoded = json.loads(meta_json(text))  # what json.loads gives for Meta's escaped bytes
    assert fix(encoded) == text


@given(text=st.text(alphabet=st.characters(min_codepoint=0x100, max_codepoint=0x2FFF), min_size=1, max_size=20),
       prefix=st.text(max_size=5))
def test_correct_text_beyond_latin1_is_never_changed(text: str, prefix: str) -> None:
    assert fix(prefix + text) == prefix + text


def test_2019_layout_v1_keys_flat_photo_metadata_and_archived_stories(tmp_path: Path) -> None:
    export = FacebookExport(
        layout="2019", phones=["+44 7700 900123"],
        posts=[FbPost("Sunday walk", T0, media=[FbMedia("walk.jpg", T0, lat=51.4452, lon=-0.0471,
                                                        upload_ip="203.0.113.24")])],
        uncategorised=[FbMedia("garden.jpg", T0, upload_ip="203.0.113.24")],
        videos=[FbMedia("clip.mp4", T0, video=True, upload_ip="198.51.100.7")],
        stories=[FbMedia("story.jpg", T0, upload_ip="203.0.113.24")],
        location_history=[("Penge", 51.41, -0.06, T0)])
    items, ctx = read(export.write_zip(tmp_path / "facebook-jo-2019.zip"))
    assert not ctx.skipped
    assert fields(items, ProfileField.NAME)[0].source.pointer == "/profile/name/full_name"  # v1 "profile"
    assert next(i for i in items if i.kind is ItemKind.POST and i.text == "Sunday walk")
    photo = next(i for i in items if i.kind is ItemKind.PHOTO and i.location is not None)
    assert photo.source.pointer == "/status_updates/0/attachments/0/data/0/media/media_metadata/photo_metadata"
    media = {i.media for i in items if i.kind in (ItemKind.PHOTO, ItemKind.VIDEO)}
    assert {m.rsplit("/", 1)[-1] for m in media if m} == {"walk.jpg", "garden.jpg", "clip.mp4", "story.jpg"}
    ips = [i for i in items if i.field == ProfileField.IP_ADDRESS]
    assert [(i.text, i.kind) for i in ips] == [("203.0.113.24", ItemKind.OTHER), ("198.51.100.7", ItemKind.OTHER)]
    assert ips[0].source.pointer.endswith("/media_metadata/photo_metadata/upload_ip")  # once per address
    assert any(i.kind is ItemKind.LOCATION for i in items)  # v1 location_history


def test_upload_ips_of_2020_layout_are_items_once_each(tmp_path: Path) -> None:
    export = FacebookExport(layout="pre2024", posts=[
        FbPost(f"post {k}", T0 + timedelta(days=k), media=[FbMedia(f"p{k}.jpg", T0, upload_ip=ip)])
        for k, ip in enumerate(["192.0.2.1", "192.0.2.1", "192.0.2.9"])])
    items, _ = read(export.write_zip(tmp_path / "facebook-jo.zip"))
    ips = [i for i in items if i.field == ProfileField.IP_ADDRESS]
    assert [i.text for i in ips] == ["192.0.2.1", "192.0.2.9"]
    assert ips[0].source.pointer == "/0/attachments/0/data/0/media/media_metadata/photo_metadata/exif_data/0/upload_ip"
    assert ips[0].detail("kind") == "upload IP address"


def test_location_history_given_alone_is_recognised(tmp_path: Path) -> None:
    export = FacebookExport(layout="2019", location_history=[("Penge", 51.41, -0.06, T0)])
    files = {k: v for k, v in export.files().items() if k.startswith("location/")}
    folder = tmp_path / "facebook-location"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    items, _ = read(folder)
    assert [i.kind for i in items] == [ItemKind.LOCATION]


def test_a_place_named_in_a_checkin_takes_the_position_of_the_same_place_in_a_post(tmp_path: Path) -> None:
    export = FacebookExport(
        posts=[FbPost("Coffee", T0, place=FbPlace("Invented Café", 51.44, -0.05, "1 High St"))],
        checkins=[FbCheckin(T0 + timedelta(days=3), "Invented Café"), FbCheckin(T0, "Nowhere Known")])
    items, _ = read(export.write_zip(tmp_path / "facebook-jo.zip"))
    checkins = [i for i in items if i.kind is ItemKind.CHECKIN]
    by_name = {(c.text, c.source.file.rsplit("/", 1)[-1]): c for c in checkins}
    merged = by_name[("Invented Café", "check-ins.json")]
    assert merged.location is not None and (merged.location.lat, merged.location.lon) == (51.44, -0.05)
    assert merged.detail("position_from") == "another record of the same place"
    assert by_name[("Nowhere Known", "check-ins.json")].location is None


def test_the_same_place_at_the_same_time_is_reported_once(tmp_path: Path) -> None:
    export = FacebookExport(posts=[FbPost("Coffee", T0, place=FbPlace("Invented Café", 51.44, -0.05)),
                                   FbPost("Coffee again", T0, place=FbPlace("Invented Café", 51.44, -0.05))])
    items, _ = read(export.write_zip(tmp_path / "facebook-jo.zip"))
    assert len([i for i in items if i.kind is ItemKind.CHECKIN]) == 1
