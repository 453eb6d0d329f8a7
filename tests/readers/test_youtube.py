"""YouTube in Google Takeout: comments in every layout and language, the channel, uploads and places."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.readers.youtube import comment_text
from checks.records import Audience, ItemKind, Platform, ProfileField, SettingName
from tests.builders.google import record
from tests.builders.youtube import YouTubeTakeout, YtComment
from tests.readers._util import codes, read_export

T0 = datetime(2025, 3, 3, 7, 30, 12, tzinfo=UTC)


def sample(layout: str = "2025", **kwargs: object) -> YouTubeTakeout:
    return YouTubeTakeout(
        layout=layout,
        comments=[YtComment("Great walk, I go past there on my way to work|\n|every Tuesday", T0),
                  YtComment("thanks!", T0.replace(day=4), parent="Ugx0000AaABAg")],
        chats=[("hello from Forest Hill", T0)],
        videos=[("vid0000001", "Parkrun PB", "Saturday at Hilly Fields with the kids", T0)],
        recorded_at=(51.4452, -0.0471), default_location=(51.4613, -0.0094), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", ["2023", "2024", "2025", "es"])
def test_comments_in_every_layout(tmp_path: Path, layout: str) -> None:
    items, ctx = read_export(sample(layout).write_zip(tmp_path / "takeout-20260101T101010Z-001.zip"), "youtube")
    assert {i.platform for i in items} == {Platform.YOUTUBE}
    comments = [i for i in items if i.kind is ItemKind.COMMENT and not i.detail("kind")]
    assert [c.text for c in comments] == ["Great walk, I go past there on my way to work\nevery Tuesday", "thanks!"]
    assert comments[0].source.timestamp == T0
    assert comments[0].audience is Audience.PUBLIC
    assert comments[0].source.url is not None and "watch?v=dQw4w9WgXcA" in comments[0].source.url
    assert comments[1].detail("reply") == ("true" if layout != "es" else None)
    assert codes(ctx) == []


def test_channel_about_handle_and_visibility(tmp_path: Path) -> None:
    items, _ = read_export(sample().write_zip(tmp_path / "takeout-20260101T101010Z-001.zip"), "youtube")
    fields = {i.field: i.text for i in items if i.kind is ItemKind.PROFILE_FIELD}
    assert fields[ProfileField.NAME] == "Jo Invented"
    assert fields[ProfileField.BIO] == "Dog walks around Forest Hill"  # the channel's About text
    assert fields[ProfileField.USERNAME] == "jo.invented"
    setting = next(i for i in items if i.kind is ItemKind.SETTING)
    assert (setting.field, setting.text) == (SettingName.PROFILE_VISIBILITY, "everyone")


def test_uploads_where_they_were_recorded_and_the_default_location(tmp_path: Path) -> None:
    items, _ = read_export(sample().write_zip(tmp_path / "takeout-20260101T101010Z-001.zip"), "youtube")
    uploads = [i for i in items if i.kind is ItemKind.POST]
    assert [u.text for u in uploads] == ["Parkrun PB", "Saturday at Hilly Fields with the kids"]
    assert uploads[0].audience is Audience.PUBLIC and uploads[0].source.url == \
        "https://www.youtube.com/watch?v=vid0000001"
    recorded = next(i for i in items if i.kind is ItemKind.VIDEO)
    assert recorded.location is not None and round(recorded.location.lat, 4) == 51.4452
    default = next(i for i in items if i.kind is ItemKind.CHECKIN)
    assert default.location is not None and round(default.location.lon, 4) == -0.0094
    live = next(i for i in items if i.detail("kind") == "live chat")
    assert live.text == "hello from Forest Hill"


def test_older_takeouts_comment_page(tmp_path: Path) -> None:
    items, _ = read_export(sample("html").write_zip(tmp_path / "takeout-20190101T101010Z-001.zip"), "youtube")
    comments = [i for i in items if i.kind is ItemKind.COMMENT and not i.detail("kind")]
    assert [c.text for c in comments] == ["Great walk, I go past there on my way to work\nevery Tuesday", "thanks!"]
    assert comments[0].source.timestamp == T0.replace(microsecond=0)


def test_youtube_inside_a_whole_takeout_is_read_with_it(tmp_path: Path) -> None:
    records = {"locations": [record(51.4452, -0.0471, T0)]}
    takeout = sample()
    takeout.other_products = {"Takeout/Location History (Timeline)/Records.json": json.dumps(records).encode()}
    items, _ = read_export(takeout.write_zip(tmp_path / "takeout-20260101T101010Z-001.zip"), "google-takeout")
    assert any(i.platform is Platform.YOUTUBE and i.kind is ItemKind.COMMENT for i in items)
    assert any(i.platform is Platform.GOOGLE for i in items)


def test_a_lone_comments_csv(tmp_path: Path) -> None:
    path = tmp_path / "comments.csv"
    path.write_bytes(sample().files()["Takeout/YouTube and YouTube Music/comments/comments.csv"])
    items, _ = read_export(path, "youtube")
    assert len(items) == 2


@pytest.mark.parametrize(("cell", "text"), [
    ('{"takeoutSegments":[{"text":"old style"}]}', "old style"),
    ('{"text":"a "},{"text":"5:02","videoLink":{"externalVideoId":"x"}},{"text":"?"}', "a 5:02?"),
    ('{"text":"@someone","mention":{"externalChannelId":"UCx"}},{"text":" thanks"}', "@someone thanks"),
    ("plain words", "plain words"),
    ('{"text": "unclosed', '{"text": "unclosed'),
])
def test_comment_text_cells(cell: str, text: str) -> None:
    assert comment_text(cell) == text
