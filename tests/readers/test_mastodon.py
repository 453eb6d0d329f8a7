"""Mastodon archive reader: outbox notes with audiences, actor fields and settings, attached photos."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.readers.mastodon import html_text
from checks.records import Audience, ItemKind, Platform, ProfileField, SettingName
from tests.builders._zipped import write_folder, write_zip
from tests.builders.mastodon import MastodonArchive, Toot, build_demo_mastodon
from tests.builders.photos import PhotoSpec
from tests.readers._util import read_export, read_with

T0 = datetime(2025, 1, 5, 9, 30, tzinfo=UTC)
HOME = (51.4415, -0.0508)


def archive() -> MastodonArchive:
    return MastodonArchive(
        fields=[("Work", "<a href=\"https://example.org\">Invented Ltd</a>"), ("Website", "https://example.org"),
                ("Lives in", "Forest Hill")], discoverable=False, indexable=True, locked=True,
        toots=[Toot("<p>Hello <b>world</b><br>second line</p><p>para two &amp; more</p>", T0),
               Toot("<p>for followers</p>", T0, visibility="followers"),
               Toot("<p>unlisted</p>", T0, visibility="unlisted"),
               Toot("<p>psst</p>", T0, visibility="direct"),
               Toot("<p>a reply</p>", T0, reply_to="https://other.example/statuses/1"),
               Toot("<p>garden</p>", T0, photo=PhotoSpec(*HOME), alt="My garden", content_warning="photo")])


def test_html_text() -> None:
    assert html_text("<p>Hello <b>world</b><br>next</p><p>two &amp; three</p>") == "Hello world\nnext\n\ntwo & three"


@pytest.mark.parametrize("as_zip", [False, True])
def test_outbox_audiences_and_kinds(tmp_path: Path, as_zip: bool) -> None:
    files = archive().files()
    path = write_zip(files, tmp_path / "archive-20250105093000-0123456789abcdef0123456789abcdef.zip") if as_zip \
        else write_folder(files, tmp_path / "archive")
    items, ctx = read_export(path, "mastodon")
    assert all(i.platform is Platform.MASTODON for i in items)
    notes = [i for i in items if i.kind in (ItemKind.POST, ItemKind.COMMENT, ItemKind.MESSAGE)]
    assert len(notes) == 6  # boosts are other people's posts
    first = notes[0]
    assert first.text == "Hello world\nsecond line\n\npara two & more"
    assert first.source.file == "outbox.json" and first.source.pointer == "/orderedItems/0/object/content"
    assert first.source.timestamp == T0 and first.source.url and first.source.url.startswith("https://")
    assert [n.audience for n in notes[:4]] == [Audience.PUBLIC, Audience.FRIENDS, Audience.PUBLIC, Audience.PRIVATE]
    assert notes[3].kind is ItemKind.MESSAGE and notes[4].kind is ItemKind.COMMENT
    garden = notes[5]
    assert garden.media is not None and garden.media.startswith("media_attachments/")
    assert garden.detail("alt_text") == "My garden" and garden.detail("content_warning") == "photo"
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.location is not None and photo.location.lat == pytest.approx(HOME[0], abs=1e-5)
    assert photo.source.file == garden.media
    assert not ctx.skipped


def test_actor_fields_and_settings(tmp_path: Path) -> None:
    items, _ = read_export(write_folder(archive().files(), tmp_path / "a"), "mastodon")
    fields = {(i.field, i.text) for i in items if i.kind is ItemKind.PROFILE_FIELD}
    assert (ProfileField.EMPLOYER, "Invented Ltd") in fields
    assert (ProfileField.WEBSITE, "https://example.org") in fields
    assert (ProfileField.CITY, "Forest Hill") in fields
    assert (ProfileField.BIO, "Just a person who likes walks.") in fields
    work = next(i for i in items if i.field is ProfileField.EMPLOYER)
    assert work.source.pointer == "/attachment/0/value" and work.detail("name") == "Work"
    assert work.audience is Audience.PUBLIC
    settings_ = {i.field: i.text for i in items if i.kind is ItemKind.SETTING}
    assert settings_ == {SettingName.DISCOVERABLE: "false", SettingName.SEARCH_ENGINE_INDEXING: "true",
                         SettingName.PRIVATE_ACCOUNT: "true"}


def test_damaged_outbox_keeps_actor_and_early_notes(tmp_path: Path) -> None:
    files = archive().files()
    files["outbox.json"] = files["outbox.json"][: len(files["outbox.json"]) // 2]
    items, ctx = read_export(write_folder(files, tmp_path / "a"), "mastodon")
    assert any(s.file == "outbox.json" for s in ctx.skipped)
    assert any(i.kind is ItemKind.POST for i in items) and any(i.field is ProfileField.BIO for i in items)


def test_demo(tmp_path: Path) -> None:
    items, _ = read_export(build_demo_mastodon(tmp_path), "mastodon")
    assert any(i.field is ProfileField.EMPLOYER and "Police" in i.text for i in items)
    assert any(i.kind is ItemKind.PHOTO and i.location for i in items)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.binary(max_size=12), which=st.sampled_from(
    ["outbox.json", "actor.json"]))
def test_fuzz_never_raises(tmp_path: Path, cut: int, junk: bytes, which: str) -> None:
    files = archive().files()
    doc = files[which]
    files[which] = doc[:cut] + junk + doc[cut + len(junk):]
    read_with("mastodon", write_folder(files, tmp_path / f"f{cut}"))


def test_shared_samples(shared_samples: Path) -> None:
    folder = shared_samples / "mastodon"
    if not folder.is_dir():
        pytest.skip("sample absent")
    # The shared Mastodon samples are import CSVs, not an account archive: not recognised as one.
    from checks.exports.archive import open_export
    from checks.exports.recognise import recognise

    with open_export([folder]) as export:
        rec = recognise(export)
    assert rec is None or rec.format != "mastodon"
