"""Threads: read from its own export and from inside the Instagram export it usually comes in."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from checks.records import Audience, ItemKind, Platform, ProfileField, SettingName
from tests.builders._zipped import write_zip
from tests.builders.instagram import IgPost, InstagramExport
from tests.builders.threads import ThreadPost, ThreadsExport
from tests.readers._util import codes, note_codes, read_export

T0 = datetime(2025, 8, 6, 7, 54, tzinfo=UTC)


def sample(**kwargs: object) -> ThreadsExport:
    return ThreadsExport(posts=[
        ThreadPost("Late turn done, café on the way home ☕", T0),
        ThreadPost("agreed — see you at the gym", T0.replace(day=7), reply=True, reply_control="accounts_you_follow"),
        ThreadPost("Garden view", T0.replace(day=8), photo="garden.jpg", lat=51.4452, lon=-0.0471,
                   text_on_post=True)], **kwargs)  # type: ignore[arg-type]


def test_a_threads_only_export_is_read_as_threads(tmp_path: Path) -> None:
    items, ctx = read_export(sample().write_zip(tmp_path / "instagram-jo.invented-2025-08-24-AbCdEfGh.zip"),
                             "threads")
    assert {i.platform for i in items} == {Platform.THREADS}
    posts = [i for i in items if i.kind is ItemKind.POST]
    assert [p.text for p in posts] == ["Late turn done, café on the way home ☕", "Garden view"]  # mojibake fixed
    assert posts[0].source.pointer == "/text_post_app_text_posts/0/media/0/title"
    assert posts[0].source.timestamp == T0
    assert posts[1].source.pointer == "/text_post_app_text_posts/2/title"
    reply = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert reply.text == "agreed — see you at the gym"
    assert ("kind", "reply") in reply.details and ("reply_control", "accounts_you_follow") in reply.details
    assert all(i.audience is Audience.PUBLIC for i in posts)
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.location is not None and round(photo.location.lat, 4) == 51.4452
    assert photo.media is not None and photo.media.endswith("garden.jpg")
    assert not codes(ctx) and not note_codes(ctx)


def test_profile_fields_and_the_private_switch(tmp_path: Path) -> None:
    items, _ = read_export(sample(private=True, link="https://example.org/jo").write_zip(tmp_path / "t.zip"),
                           "threads")
    fields = {i.field: i.text for i in items if i.kind is ItemKind.PROFILE_FIELD}
    assert fields[ProfileField.USERNAME] == "jo.invented" and fields[ProfileField.BIO] == "Tea, dogs and long walks"
    assert fields[ProfileField.WEBSITE] == "https://example.org/jo"
    setting = next(i for i in items if i.kind is ItemKind.SETTING)
    assert (setting.field, setting.text) == (SettingName.PRIVATE_ACCOUNT, "true")
    assert {i.audience for i in items if i.kind is ItemKind.POST} == {Audience.FRIENDS}


def test_badge_flags_are_not_taken_for_the_private_switch(tmp_path: Path) -> None:
    # a real 2024 profile: "Private Account": "True", then "Is Eligible for Profile Activation
    # Badge": "False"; the badge flags are in a known language's block, so not guessed at
    items, _ = read_export(sample(private=True).write_zip(tmp_path / "t.zip"), "threads")
    settings = [(i.field, i.text) for i in items if i.kind is ItemKind.SETTING]
    assert settings == [(SettingName.PRIVATE_ACCOUNT, "true")]
    assert not [i for i in items if i.kind is ItemKind.PROFILE_FIELD and i.text in ("False", "false")]


def test_localised_labels_are_read_by_shape(tmp_path: Path) -> None:
    spanish = {"Username": "Nombre de usuario", "Name": "Nombre", "Email": "Correo electrónico",
               "Bio": "Biografía", "Private Account": "Cuenta privada"}
    items, _ = read_export(sample(labels=spanish).write_zip(tmp_path / "t.zip"), "threads")
    fields = {i.field: i.text for i in items if i.kind is ItemKind.PROFILE_FIELD}
    assert fields[ProfileField.EMAIL] == "jo@example.com" and fields[ProfileField.USERNAME] == "jo.invented"


def test_threads_inside_an_instagram_export_are_read_with_it(tmp_path: Path) -> None:
    files = InstagramExport(posts=[IgPost("Sunny garden", T0)]).files()
    files.update(sample().files())
    items, _ = read_export(write_zip(files, tmp_path / "instagram-jo.invented-2025-08-24-AbCdEfGh.zip"),
                           "instagram")
    threads = [i for i in items if i.platform is Platform.THREADS]
    assert next(i.text for i in threads if i.kind is ItemKind.POST).startswith("Late turn done")
    instagram = [i for i in items if i.platform is Platform.INSTAGRAM]
    # Threads' own personal_information.json is not read as Instagram's profile
    assert [i.text for i in instagram if i.field is ProfileField.BIO] == ["Coffee ☕ and running"]


def test_a_threads_file_given_alone(tmp_path: Path) -> None:
    path = tmp_path / "threads_and_replies.json"
    path.write_bytes(sample().files()["your_instagram_activity/threads/threads_and_replies.json"])
    items, _ = read_export(path, "threads")
    assert len([i for i in items if i.kind is ItemKind.POST]) == 2


def test_html_threads_ask_for_json(tmp_path: Path) -> None:
    files = {"your_instagram_activity/threads/threads_and_replies.html": b"<html><body>posts</body></html>"}
    items, ctx = read_export(write_zip(files, tmp_path / "t.zip"), "threads")
    assert items == [] and note_codes(ctx) == ["reader.threads.html_only"]


def test_damaged_threads_file_keeps_what_was_read(tmp_path: Path) -> None:
    files = sample().files()
    name = "your_instagram_activity/threads/threads_and_replies.json"
    files[name] = files[name][: files[name].index(b"agreed")]
    items, ctx = read_export(write_zip(files, tmp_path / "t.zip"), "threads")
    assert [i.text for i in items if i.kind is ItemKind.POST][:1] == ["Late turn done, café on the way home ☕"]
    assert codes(ctx) in (["reader.damaged.truncated"], ["reader.damaged.json"])
