"""Reddit's data request export: posts, comments, messages sent, identity files, the search setting."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from checks.records import Audience, ItemKind, Message, Platform, ProfileField, SettingName
from tests.builders._zipped import write_folder, write_zip
from tests.builders.reddit import RedditExport, RedditPost
from tests.readers._util import codes, read_export

T0 = datetime(2025, 3, 3, 7, 30, tzinfo=UTC)


def sample(**kwargs: object) -> RedditExport:
    given: dict[str, object] = dict(
        phone="+447700900123", birthdate="1991-06-02", gender="female",
        posts=[RedditPost("Probationer question", "Two years in, Lewisham nick, is it worth it?", T0)],
        comments=[("Same, nights at the station all week", T0.replace(day=4))],
        messages=[("jo_invented", "sam_other", "see you at parkrun", T0),
                  ("sam_other", "jo_invented", "not yours", T0)],
        chats=[("jo_invented", "on my way", T0), ("sam_other", "theirs", T0)],
        drafts=[("Draft title", "Draft body")])
    given.update(kwargs)
    return RedditExport(**given)  # type: ignore[arg-type]


def test_posts_comments_and_messages_sent(tmp_path: Path) -> None:
    items, ctx = read_export(sample().write_zip(tmp_path), "reddit-csv")
    assert {i.platform for i in items} == {Platform.REDDIT}
    posts = [i for i in items if i.kind is ItemKind.POST and i.audience is Audience.PUBLIC]
    assert [(p.text, p.source.pointer) for p in posts] == [
        ("Probationer question", "/0/title"), ("Two years in, Lewisham nick, is it worth it?", "/0/body")]
    assert posts[0].source.timestamp == T0
    assert posts[0].source.url == "https://www.reddit.com/r/CasualUK/comments/1a0000/post/"
    assert ("subreddit", "CasualUK") in posts[0].details
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert comment.text == "Same, nights at the station all week" and comment.source.file == "comments.csv"
    sent = [i.text for i in items if i.kind is ItemKind.MESSAGE]
    assert "see you at parkrun" in sent and "on my way" in sent
    assert "not yours" not in sent and "theirs" not in sent  # other people's words are not read
    drafts = [i.text for i in items if i.audience is Audience.PRIVATE and i.kind is ItemKind.POST]
    assert drafts == ["Draft title", "Draft body"]
    assert codes(ctx) == []


def test_identity_files_and_the_search_setting(tmp_path: Path) -> None:
    items, _ = read_export(sample(preferences={"hide_from_robots": "true"}).write_zip(tmp_path), "reddit-csv")
    fields = {i.field: i.text for i in items if i.kind is ItemKind.PROFILE_FIELD}
    assert fields[ProfileField.USERNAME] == "jo_invented"
    assert fields[ProfileField.EMAIL] == "jo@example.com"
    assert fields[ProfileField.PHONE] == "+447700900123"
    assert fields[ProfileField.BIRTH_DATE] == "1991-06-02"
    assert fields[ProfileField.GENDER] == "female"
    setting = next(i for i in items if i.kind is ItemKind.SETTING)
    assert (setting.field, setting.text) == (SettingName.SEARCH_ENGINE_INDEXING, "false")  # hidden from robots


def test_messages_need_the_account_name(tmp_path: Path) -> None:
    items, ctx = read_export(sample(statistics=False).write_zip(tmp_path), "reddit-csv")
    assert not [i for i in items if i.kind is ItemKind.MESSAGE]
    assert sorted(codes(ctx)) == ["reader.reddit.messages_no_account"] * 2


def test_a_lone_posts_csv_is_recognised_and_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(sample().files()["posts.csv"])
    items, _ = read_export(path, "reddit-csv")
    assert [i.source.pointer for i in items] == ["/0/title", "/0/body"]


def test_a_damaged_csv_keeps_the_rows_before_the_damage(tmp_path: Path) -> None:
    files = sample(posts=[RedditPost(f"title {k}", "body", T0) for k in range(5)]).files()
    files["posts.csv"] += b'1zz,/r/x/,2025-01-01 00:00:00 UTC,,x,0,t,u,"' + b"x" * (2 << 20) + b'"\r\n'
    items, ctx = read_export(write_zip(files, tmp_path / "export_jo_invented_20260723.zip"), "reddit-csv")
    assert len([i for i in items if i.kind is ItemKind.POST and i.audience is Audience.PUBLIC]) == 10
    skip = next(s for s in ctx.skipped if s.file == "posts.csv")
    assert isinstance(skip.reason, Message) and skip.reason.code == "reader.stopped"
    assert skip.reason.value("count") == 5


def test_2023_layout_without_ip_column_given_as_a_folder(tmp_path: Path) -> None:
    folder = sample(layout="2023").write_folder(tmp_path / "reddit-data")
    items, _ = read_export(folder, "reddit-csv")
    assert [i.text for i in items if i.kind is ItemKind.COMMENT] == ["Same, nights at the station all week"]
    assert next(i for i in items if i.source.pointer == "/0/title").detail("ip") is None


def test_a_request_without_posts_or_comments_is_recognised_by_its_other_files(tmp_path: Path) -> None:
    files = {k: v for k, v in sample().files().items()
             if k in ("messages.csv", "statistics.csv", "checkfile.csv", "chat_history.csv")}
    items, _ = read_export(write_folder(files, tmp_path / "reddit"), "reddit-csv")
    assert [i.text for i in items if i.kind is ItemKind.MESSAGE] == ["re", "see you at parkrun", "on my way"]
