"""YouTube in Google Takeout: comments in every layout and language, the channel, uploads and places."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.readers.youtube import comment_text, page_time
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName
from tests.builders._zipped import write_zip
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


def html_comments(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind is ItemKind.COMMENT and i.source.file.endswith(".html")]


def test_older_takeouts_comment_page(tmp_path: Path) -> None:
    """`my-comments.html` as Takeout wrote it: "You added a comment on a video at <date> <time> UTC."
    before a line break and the words (a real page of 8 comments was read as none)."""
    items, ctx = read_export(sample("html").write_zip(tmp_path / "takeout-20190101T101010Z-001.zip"), "youtube")
    comments = html_comments(items)
    assert [c.text for c in comments] == ["Great walk, I go past there on my way to work\nevery Tuesday", "thanks!"]
    assert [c.source.timestamp for c in comments] == [T0, T0.replace(day=4)]
    assert [c.source.pointer for c in comments] == ["/li/0", "/li/1"]
    assert comments[0].source.url == "https://www.youtube.com/watch?v=dQw4w9WgXcA&lc=Ugx0000AaABAg"
    assert [c.detail("reply") for c in comments] == [None, "true"]
    assert {c.detail("video_id") for c in comments} == {"dQw4w9WgXcA"}
    assert {c.audience for c in comments} == {Audience.PUBLIC}
    assert codes(ctx) == []


@pytest.mark.parametrize("zone", ["PDT", "CEST", "GMT+05:30"])
def test_comment_page_times_in_the_accounts_zone(tmp_path: Path, zone: str) -> None:
    items, _ = read_export(sample("html", html_zone=zone).write_zip(tmp_path / "takeout.zip"), "youtube")
    assert [c.source.timestamp for c in html_comments(items)] == [T0, T0.replace(day=4)]


@pytest.mark.parametrize("zone", ["CST", "XQT"])  # ambiguous (US Central or China), unknown
def test_a_comment_whose_time_cannot_be_read_is_read_without_one(tmp_path: Path, zone: str) -> None:
    items, ctx = read_export(sample("html", html_zone=zone).write_zip(tmp_path / "takeout.zip"), "youtube")
    comments = html_comments(items)
    assert [c.text for c in comments] == ["Great walk, I go past there on my way to work\nevery Tuesday", "thanks!"]
    assert [c.source.timestamp for c in comments] == [None, None]
    assert codes(ctx) == []


def test_a_comment_page_without_dates_or_words(tmp_path: Path) -> None:
    takeout = sample("html")
    takeout.comments.append(YtComment("", T0))  # Takeout lists comments that have no words left
    files = takeout.files()
    page = files.pop("Takeout/YouTube and YouTube Music/my-comments/my-comments.html").decode()
    page = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "2021-13-45 25:61:00", page, count=1)
    # the page's name is translated too
    files["Takeout/YouTube and YouTube Music/mis-comentarios/mis-comentarios.html"] = page.encode()
    items, ctx = read_export(write_zip(files, tmp_path / "takeout.zip"), "youtube")
    comments = html_comments(items)
    assert [(c.text, c.source.timestamp) for c in comments] == [
        ("Great walk, I go past there on my way to work\nevery Tuesday", None), ("thanks!", T0.replace(day=4))]
    assert codes(ctx) == []


@pytest.mark.parametrize(("heading", "moment"), [
    ("You added a comment on a video at 2025-03-03 07:30:12 UTC.", T0),
    ("at 2025-03-02 23:30:12 PST.", T0),
    ("am 2025-03-03 08:30:12 MEZ", T0),
    ("le 2025-03-03 09:30 GMT+2", T0.replace(second=0)),
    ("2025-03-03 07:30:12", T0),
    ("at 2025-03-03 07:30:12 IST.", None),
    ("at 2025-02-30 07:30:12 UTC.", None),
    ("You added a comment on a video.", None),
])
def test_page_times(heading: str, moment: datetime | None) -> None:
    assert page_time(heading) == moment


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


def test_a_lone_watch_history_is_recognised_and_said_to_hold_nothing_written(tmp_path: Path) -> None:
    from checks import audit
    path = tmp_path / "watch-history.json"
    path.write_text(json.dumps([{"header": "YouTube", "title": "Watched Invented video", "titleUrl":
                                 "https://www.youtube.com/watch?v=abc", "time": "2024-01-02T03:04:05.000Z",
                                 "products": ["YouTube"]}]), encoding="utf-8")
    report = audit([path])
    summary = report.inputs[0]
    assert summary.readable and summary.format == "youtube" and summary.items == 0
    assert summary.message and getattr(summary.message, "code", "") == "pipeline.empty_export_file"
