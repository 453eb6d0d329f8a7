"""Opening exports: zips, zip parts, folders (with and without a wrapper), single files."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from checks.errors import UnreadableExport
from checks.exports.archive import (
    READ_ERRORS,
    Limits,
    MemberTooLarge,
    display_name,
    export_id,
    group_parts,
    open_export,
)
from checks.records import Message, msg
from checks.report.words import say
from tests.readers._util import code


def make_zip(path: Path, members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_zip_members_are_streams_named_from_the_root(tmp_path: Path) -> None:
    body = b"window.YTD.tweets.part0 = [ ]" + b" " * 300_000
    zp = make_zip(tmp_path / "twitter-2026-11-01-abc.zip",
                  {"twitter-2026-11-01/data/tweets.js": body, "twitter-2026-11-01/Your archive.html": "<html>"})
    with open_export([zp]) as export:
        assert export.kind == "zip"
        assert sorted(export.names()) == ["Your archive.html", "data/tweets.js"]
        assert export.label == zp.name
        assert export.size_bytes == zp.stat().st_size
        member = export.member("DATA/Tweets.JS")  # case-insensitive lookup
        assert member is not None and member.size == len(body)
        with export.open("data/tweets.js") as stream:
            assert stream.read(11) == b"window.YTD."
            assert stream.seekable()
            stream.seek(0)
            assert stream.read() == body
        assert export.read_head("data/tweets.js", 6) == b"window"
        assert export.read_head("no/such/file") == b""
        with pytest.raises(KeyError):
            export.open("no/such/file")
        assert [m.name for m in export.find("tweets.js")] == ["data/tweets.js"]
        assert export.find("a/tweets.js") == []
        assert export.any_name(r"^data/[^/\n]+\.js$")
    assert not list(tmp_path.glob("*/"))  # nothing extracted


def test_platform_top_folder_is_not_stripped(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "x.zip", {"data/tweets.js": "window.YTD.tweets.part0 = []",
                                       "data/account.js": "window.YTD.account.part0 = []"})
    with open_export([zp]) as export:
        assert sorted(export.names()) == ["data/account.js", "data/tweets.js"]


def test_takeout_folder_kept_and_double_wrapper_stripped(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "t.zip", {"Takeout/Location History/Records.json": '{"locations": []}'})
    with open_export([zp]) as export:
        assert export.names() == ["Takeout/Location History/Records.json"]
    meta = make_zip(tmp_path / "meta.zip", {
        "meta-2026-Jan-10/instagram-someone-2026-01-09-abc/your_instagram_activity/media/posts_1.json": "[]",
        "meta-2026-Jan-10/instagram-someone-2026-01-09-abc/personal_information/personal_information/x.json": "{}",
    })
    with open_export([meta]) as export:
        assert sorted(export.names())[1].startswith("your_instagram_activity/")


def test_mac_clutter_is_ignored(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "mac.zip", {"export/activities.csv": "a", "export/profile.csv": "b",
                                         "__MACOSX/export/._activities.csv": "junk", "export/.DS_Store": "junk"})
    with open_export([zp]) as export:
        assert sorted(export.names()) == ["activities.csv", "profile.csv"]
        assert export.refused == []


def test_folder_with_and_without_wrapper(tmp_path: Path) -> None:
    root = tmp_path / "unpacked"
    (root / "twitter-2026" / "data").mkdir(parents=True)
    (root / "twitter-2026" / "data" / "tweets.js").write_text("window.YTD.tweets.part0 = []")
    (root / "twitter-2026" / "data" / "account.js").write_text("window.YTD.account.part0 = []")
    with open_export([root]) as export:
        assert export.kind == "folder"
        assert sorted(export.names()) == ["data/account.js", "data/tweets.js"]
        with export.open("data/tweets.js") as fh:
            assert fh.read().startswith(b"window.YTD.tweets")
    with open_export([root / "twitter-2026"]) as export:
        assert sorted(export.names()) == ["data/account.js", "data/tweets.js"]


def test_photo_folder_keeps_its_layout(tmp_path: Path) -> None:
    root = tmp_path / "Photos"
    (root / "2024").mkdir(parents=True)
    (root / "2024" / "IMG_0001.jpg").write_bytes(b"\xff\xd8\xff\xe0fake")
    (root / "2024" / "IMG_0002.jpg").write_bytes(b"\xff\xd8\xff\xe0fake")
    with open_export([root]) as export:
        assert sorted(export.names()) == ["2024/IMG_0001.jpg", "2024/IMG_0002.jpg"]


def unreadable(paths: list[Path], limits: Limits | None = None) -> Message:
    """The reason `open_export` refuses `paths` (a Message: tests assert its code and values)."""
    with pytest.raises(UnreadableExport) as info:
        open_export(paths, limits) if limits else open_export(paths)
    assert info.value.message == msg("error.unreadable_export", path=str(paths[0]), reason=info.value.reason)
    assert isinstance(info.value.reason, Message)
    return info.value.reason


def test_empty_folder_and_empty_zip_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert unreadable([tmp_path / "empty"]) == msg("archive.export.empty_folder")
    zp = make_zip(tmp_path / "nothing.zip", {})
    assert unreadable([zp]) == msg("archive.export.empty_zip")
    (tmp_path / "nothing.json").write_bytes(b"")
    assert unreadable([tmp_path / "nothing.json"]) == msg("archive.export.empty_file")
    assert unreadable([tmp_path / "missing.zip"]) == msg("archive.export.no_such_path")


def test_a_path_the_system_will_not_open_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    part = make_zip(tmp_path / "mydata~1700000000000.zip", {"json/a.json": "{}"})
    folder = tmp_path / "mydata~1700000000000-2.zip"
    folder.mkdir()  # a folder named like the second part, given with the first
    with open_export([part, folder]) as export:
        (refused,) = export.refused
        assert refused.reason == msg("archive.part_not_read", reason=msg("archive.export.folder_among_parts"))
    locked = tmp_path / "locked.json"
    locked.write_text("{}")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    assert unreadable([locked]) == msg("archive.export.permission")


@pytest.mark.parametrize(("head", "name", "reason"), [
    (b"\x1f\x8b\x08\x00rest", "takeout.tgz", msg("archive.export.archive_given", what=msg("archive.kind.gzip"))),
    (b"ustar-ish bytes", "takeout.tar", msg("archive.export.archive_given",
                                            what=msg("archive.kind.suffix", suffix=".tar"))),
    (b"\xff\xd8\xff\xe0photo", "export.zip", msg("archive.export.not_a_zip_but", what=msg("archive.kind.jpeg"))),
    (b"Rar!\x1a\x07rest", "export.zip", msg("archive.export.other_archive", what=msg("archive.kind.rar"))),
    (b"just some text", "export.zip", msg("archive.export.not_a_zip")),
    (b"PK\x03\x04cut short", "export.zip", msg("archive.export.incomplete_zip")),
])
def test_what_a_file_is_instead_of_a_zip_is_said_in_codes(tmp_path: Path, head: bytes, name: str,
                                                          reason: Message) -> None:
    (tmp_path / name).write_bytes(head)
    assert unreadable([tmp_path / name]) == reason
    assert "\n" not in say(reason) and "{" not in say(reason)


def test_single_file(tmp_path: Path) -> None:
    f = tmp_path / "tweets.js"
    f.write_text("window.YTD.tweets.part0 = []")
    with open_export([f]) as export:
        assert export.kind == "file"
        assert export.names() == ["tweets.js"]
        assert export.read_head("tweets.js", 10) == b"window.YTD"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_folder_links_are_refused_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the export")
    root = tmp_path / "export"
    (root / "data").mkdir(parents=True)
    (root / "data" / "tweets.js").write_text("window.YTD.tweets.part0 = []")
    os.symlink(outside / "secret.txt", root / "data" / "link.js")
    os.symlink(outside, root / "data" / "linked_dir")
    os.mkfifo(root / "data" / "pipe.js")
    with open_export([root]) as export:
        assert export.names() == ["data/tweets.js"]
        refused = {s.file: code(s.reason) for s in export.refused}
        assert refused["data/link.js"] == "archive.link"
        assert refused["data/linked_dir"] == "archive.link"
        assert refused["data/pipe.js"] == "archive.special"


def test_member_swapped_for_a_link_after_listing_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "export"
    (root / "data").mkdir(parents=True)
    target = root / "data" / "tweets.js"
    target.write_text("window.YTD.tweets.part0 = []")
    (tmp_path / "secret").write_text("secret")
    with open_export([root]) as export:
        target.unlink()
        os.symlink(tmp_path / "secret", target)
        with pytest.raises(READ_ERRORS):
            export.open("data/tweets.js")


@pytest.mark.parametrize(("names", "expected"), [
    (["takeout-20260101T101010Z-001.zip", "takeout-20260101T101010Z-002.zip"], 1),
    (["takeout-20260101T101010Z-3-001.zip", "takeout-20260101T101010Z-3-002.zip"], 1),
    (["mydata~1700000000000.zip", "mydata~1700000000000-2.zip", "mydata~1700000000000-10.zip"], 1),
    (["instagram_part_1.zip", "instagram_part_2.zip"], 1),
    (["facebook-someone-2026-3-11-Hl65Zstp.zip", "facebook-someone-2026-3-11-Qw3rTy12.zip"], 1),
    (["instagram-someone-2026-03-11-YOudpLi7.zip", "instagram-someone-2026-03-11-Abcdef12.zip"], 1),
    (["takeout-20260101T101010Z-001.zip", "mydata~1700000000000.zip"], 2),
    (["facebook-someone-2026-3-11-Hl65Zstp.zip", "facebook-other-2026-3-11-Hl65Zstp.zip"], 2),
    (["a.zip", "b.zip"], 2),
    (["takeout-20260101T101010Z-001 (1).zip", "takeout-20260101T101010Z-002.zip"], 1),  # downloaded twice
])
def test_group_parts(tmp_path: Path, names: list[str], expected: int) -> None:
    paths = []
    for name in names:
        paths.append(make_zip(tmp_path / name, {f"{name}.txt": "x"}))
    groups = group_parts([*reversed(paths), paths[0]])  # any order, one repeated
    assert len(groups) == expected
    assert sum(len(g) for g in groups) == len(names)


def test_parts_sort_naturally(tmp_path: Path) -> None:
    names = ["mydata~17-10.zip", "mydata~17-2.zip", "mydata~17.zip"]
    paths = [make_zip(tmp_path / n, {n: "x"}) for n in names]
    (group,) = group_parts(paths)
    assert [p.name for p in group] == ["mydata~17.zip", "mydata~17-2.zip", "mydata~17-10.zip"]
    assert export_id(Path("README.md")) is None


def test_parts_read_as_one_export(tmp_path: Path) -> None:
    p1 = make_zip(tmp_path / "mydata~1700000000000.zip", {"json/account.json": "{}", "memories/a.jpg": "1"})
    p2 = make_zip(tmp_path / "mydata~1700000000000-2.zip", {"memories/b.jpg": "2", "json/account.json": "dup"})
    (group,) = group_parts([p2, p1])
    with open_export(group) as export:
        assert export.kind == "zip-parts"
        assert export.label == say(msg("archive.parts", name="mydata~1700000000000.zip", count=1))
        assert sorted(export.names()) == ["json/account.json", "memories/a.jpg", "memories/b.jpg"]
        assert export.member("memories/b.jpg").part == 1  # type: ignore[union-attr]
        assert export.open("json/account.json").read() == b"{}"  # the first part's copy wins
        assert export.size_bytes == p1.stat().st_size + p2.stat().st_size


def test_a_damaged_part_is_listed_and_the_others_read(tmp_path: Path) -> None:
    p1 = make_zip(tmp_path / "takeout-20260101T101010Z-001.zip", {"Takeout/a.json": "{}"})
    p2 = tmp_path / "takeout-20260101T101010Z-002.zip"
    p2.write_bytes(b"PK\x03\x04" + b"\x00" * 100)  # an interrupted download
    with open_export([p1, p2]) as export:
        assert export.names() == ["Takeout/a.json"]
        assert [s.file for s in export.refused] == [p2.name]
        assert code(export.refused[0].reason) == "archive.part_not_read"
        assert "damaged or incomplete" in say(export.refused[0].reason)
    p1.write_bytes(b"not a zip at all")
    with pytest.raises(UnreadableExport):
        open_export([p1, p2])


def test_member_larger_than_declared_stops(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "a.zip", {"a.txt": "hello"})
    with open_export([zp]) as export:
        stream = export.open("a.txt")
        inner = stream.raw  # type: ignore[attr-defined]
        inner._limit = 2  # pretend the directory said 2 bytes
        with pytest.raises(MemberTooLarge):
            stream.read()


def test_total_size_limit_skips_members_beyond_it(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "a.zip", {"a.txt": "a" * 1000, "b.txt": "b" * 1000, "c.txt": "c" * 10})
    with open_export([zp], Limits(max_total_size=1500)) as export:
        assert sorted(export.names()) == ["a.txt", "c.txt"]
        assert [code(s.reason) for s in export.refused] == ["archive.total_too_large"]


def test_member_count_limit(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "a.zip", {f"{i}.txt": "x" for i in range(20)})
    reason = unreadable([zp], Limits(max_members=10))
    assert reason.code in ("archive.export.too_many_files", "archive.export.claims_too_many_files")
    assert (reason.value("count"), reason.value("limit")) == (20, 10)
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(20):
        (folder / f"{i}.txt").write_text("x")
    assert unreadable([folder], Limits(max_members=10)) == msg("archive.export.folder_too_many_files", limit=10)


def test_per_member_size_limit(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "a.zip", {"big.json": "x" * 5000, "small.json": "{}"})
    with open_export([zp], Limits(max_member_size=1000)) as export:
        assert export.names() == ["small.json"]
        assert code(export.refused[0].reason) == "archive.member_too_large"


def test_display_name_masks_control_characters() -> None:
    assert display_name("a\x1b[31mb\udcff.js") == "a?[31mb?.js"


def test_stored_and_bzip2_and_lzma_members_read(tmp_path: Path) -> None:
    data = b'{"k": "' + b"v" * 10_000 + b'"}'
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        zp = make_zip(tmp_path / f"m{method}.zip", {"a.json": data}, method)
        with open_export([zp]) as export:
            assert export.open("a.json").read() == data


def test_stream_wraps_unexpected_decoder_errors(tmp_path: Path) -> None:
    zp = make_zip(tmp_path / "l.zip", {"a.json": b"x" * 100_000}, zipfile.ZIP_LZMA)
    raw = bytearray(zp.read_bytes())
    with zipfile.ZipFile(zp) as z:
        info = z.getinfo("a.json")
    start = info.header_offset + 30 + len("a.json") + 9
    raw[start:start + 40] = b"\xff" * 40
    zp.write_bytes(bytes(raw))
    with open_export([zp]) as export, pytest.raises(READ_ERRORS):
        with export.open("a.json") as stream:
            while stream.read(io.DEFAULT_BUFFER_SIZE):
                pass


def test_zips_inside_a_zip_or_folder_get_advice(tmp_path: Path) -> None:
    inner = make_zip(tmp_path / "takeout-20260101T101010Z-001.zip", {"Takeout/a.json": "{}"})
    outer = make_zip(tmp_path / "everything.zip", {"takeout-20260101T101010Z-001.zip": inner.read_bytes()})
    assert unreadable([outer]) == msg("archive.export.only_zips_inside")
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / inner.name).write_bytes(inner.read_bytes())
    assert unreadable([folder]) == msg("archive.export.only_zips_in_folder")


class _Unseekable(io.RawIOBase):
    """A write-only stream that cannot seek: zipfile then writes data descriptors (flag bit 3),
    as servers that stream exports do."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def test_streamed_zip_with_data_descriptors_reads(tmp_path: Path) -> None:
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/account.js", "window.YTD.account.part0 = []")
        with z.open("data/tweets.js", "w") as fh:
            fh.write(b"window.YTD.tweets.part0 = [" + b"{}," * 10_000 + b"{}]")
    path = tmp_path / "streamed.zip"
    path.write_bytes(bytes(sink.data))
    with zipfile.ZipFile(path) as z:
        assert all(i.flag_bits & 0x08 for i in z.infolist())
    with open_export([path]) as export:
        assert export.refused == []
        assert export.open("data/tweets.js").read().endswith(b"{}]")
