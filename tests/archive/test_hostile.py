"""Hostile and broken input, end to end: every case ends in exit 0 (the audit ran, the bad part
listed as skipped) or exit 3 (nothing readable, one clear sentence naming the path), never a
traceback, in bounded memory, writing nothing outside the test's own folder."""

from __future__ import annotations

import io
import json
import os
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from checks import audit
from checks.detectors.lexicon import lexicon
from checks.detectors.textmodel import text_model
from checks.errors import NoReadableInput, UnreadableExport
from checks.records import Message, msg
from checks.report.words import say
from desktop.cli import main
from tests.archive import crafted
from tests.readers._util import code

ACCOUNT = 'window.YTD.account.part0 = [ {\n  "account" : {\n    "username" : "invented_person"\n  }\n} ]'


def scan(capsys: pytest.CaptureFixture[str], tmp_path: Path, *paths: Path) -> tuple[int, dict | None, str]:
    out = tmp_path / "report.json"
    code = main(["scan", "--quiet", "--json", str(out), *map(str, paths)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    report = json.loads(out.read_text()) if code == 0 else None
    return code, report, err


def skipped(report: dict, index: int = 0) -> dict[str, str]:
    return {s["file"]: s["reason"] for s in report["inputs"][index]["skipped"]}


def x_zip(path: Path, extra: dict[str, bytes | str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/account.js", ACCOUNT)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


# -- bombs ----------------------------------------------------------------------------------

def test_quoted_overlap_bomb_inside_an_export_is_refused_and_the_rest_read(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = crafted.quoted_overlap(tmp_path, inner=ACCOUNT.encode(), outer_name="data/tweets.js",
                                  inner_name="data/account.js", file_name="twitter-2026-11-01-ab.zip")
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert report["inputs"][0]["format"] == "x-archive"
    assert "overlaps another entry" in skipped(report)["data/tweets.js"]


@pytest.mark.parametrize("build", [crafted.quoted_overlap, crafted.fifield_bomb, crafted.full_overlap,
                                   crafted.huge_compress_size, crafted.ratio_bomb])
def test_bombs_alone_end_in_exit_3(capsys: pytest.CaptureFixture[str], tmp_path: Path, build: object) -> None:
    path = build(tmp_path)  # type: ignore[operator]
    code, _, err = scan(capsys, tmp_path, path)
    assert code == 3
    assert str(path) in err and "No export could be read" in err


def test_bomb_members_are_listed_with_reasons(tmp_path: Path) -> None:
    from checks.exports.archive import open_export

    with open_export([crafted.fifield_bomb(tmp_path)]) as export:
        assert len(export.refused) == 199
        assert {code(s.reason) for s in export.refused} == {"archive.overlap"}
    with open_export([crafted.ratio_bomb(tmp_path)]) as export:
        assert export.names() == ["hello.txt"]
        assert code(export.refused[0].reason) == "archive.ratio"
    with pytest.raises(UnreadableExport) as info:
        open_export([crafted.huge_compress_size(tmp_path)])
    assert info.value.reason == msg("archive.export.none_readable", file="a.json",
                                    reason="it claims to be larger than the whole zip (damaged or hostile)")
    with pytest.raises(UnreadableExport) as info:
        open_export([crafted.full_overlap(tmp_path)])
    reason = info.value.reason
    assert isinstance(reason, Message) and reason.code == "archive.export.none_readable_more"
    assert (reason.value("file"), reason.value("count")) == ("x.txt", 1)
    assert reason.value("reason") == say(msg("archive.overlap")).split(": ", 1)[1]  # without "refused:"


def test_lying_size_never_delivers_more_than_declared(tmp_path: Path) -> None:
    from checks.exports.archive import READ_ERRORS, open_export

    with open_export([crafted.lying_size(tmp_path)]) as export:
        got = 0
        with pytest.raises(READ_ERRORS), export.open("data/bomb.json") as stream:
            while chunk := stream.read(65536):
                got += len(chunk)
        assert got <= 1024


def test_directory_claiming_millions_of_entries_is_refused_before_parsing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = scan(capsys, tmp_path, crafted.many_entries_claimed(tmp_path))
    assert code == 3 and "10,000,000 files" in err


# -- paths, links, devices ------------------------------------------------------------------

def test_traversal_absolute_symlink_and_device_entries(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = crafted.unix_entries(work)
    code, report, _ = scan(capsys, work, path)
    assert code == 0 and report is not None
    reasons = skipped(report)
    assert "symbolic link" in reasons["data/link_to_passwd"]
    assert "device or special file" in reasons["data/tty"]
    assert "device or special file" in reasons["data/pipe"]
    assert "leave the export" in reasons["../../escape.txt"]
    assert "absolute path" in reasons["/abs/escape2.txt"]
    assert "absolute path" in reasons["C:/windows/escape3.txt"]
    assert "leave the export" in reasons["data/..\\..\\escape4.txt"]
    assert any("control characters" in r and "\x1b" not in f for f, r in reasons.items())
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["work", "unix.zip", "report.json"])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_folder_symlinks_are_not_followed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    secret = tmp_path / "outside.js"
    secret.write_text('window.YTD.tweets.part0 = [ {"tweet": {"full_text": "outside the export"}} ]')
    root = tmp_path / "export" / "data"
    root.mkdir(parents=True)
    (root / "account.js").write_text(ACCOUNT)
    os.symlink(secret, root / "tweets.js")
    os.symlink(tmp_path, root / "loop")
    code, report, _ = scan(capsys, tmp_path, tmp_path / "export")
    assert code == 0 and report is not None
    assert "symbolic link" in skipped(report)["data/tweets.js"]
    assert "symbolic link" in skipped(report)["data/loop"]


# -- whole container unreadable ----------------------------------------------------------------

def test_encrypted_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = crafted.encrypted(tmp_path)
    code, _, err = scan(capsys, tmp_path, path)
    assert code == 3 and "password-protected" in err and str(path) in err


def test_partly_encrypted_zip_reads_the_rest(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = crafted.encrypted(tmp_path, names=("data/tweets.js",), plain=("data/account.js",))
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert "password-protected" in skipped(report)["data/tweets.js"]


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.1])
def test_truncated_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path, keep: float) -> None:
    whole = x_zip(tmp_path / "whole.zip", {"data/tweets.js": "window.YTD.tweets.part0 = []" + " " * 5000})
    data = whole.read_bytes()
    cut = tmp_path / "twitter-2026-11-01-cut.zip"
    cut.write_bytes(data[: int(len(data) * keep)])
    code, _, err = scan(capsys, tmp_path, cut)
    assert code == 3 and "damaged or incomplete" in err and str(cut) in err


def test_empty_file_and_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "export.zip"
    empty.write_bytes(b"")
    code, _, err = scan(capsys, tmp_path, empty, tmp_path / "nowhere.zip")
    assert code == 3
    assert f"{empty}: the file is empty" in err
    assert f"{tmp_path / 'nowhere.zip'}: there is no such file or folder" in err


def test_png_named_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "export.zip"
    buf = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buf, "PNG")
    fake.write_bytes(buf.getvalue())
    code, _, err = scan(capsys, tmp_path, fake)
    assert code == 3 and "PNG image, not a zip" in err


def test_zip_named_json_is_opened_as_a_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = x_zip(tmp_path / "tweets.json")
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None and report["inputs"][0]["format"] == "x-archive"


def test_tgz_is_explained(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "takeout-20260101T101010Z-001.tgz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
    code, _, err = scan(capsys, tmp_path, path)
    assert code == 3 and "Offduty reads .zip exports" in err


def test_invalid_utf8_member_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = scan(capsys, tmp_path, crafted.invalid_utf8_names(tmp_path))
    assert code == 3 and "names are not valid text" in err
    code, report, _ = scan(capsys, tmp_path, crafted.cp437_names(tmp_path))
    assert code == 0 and report is not None


def test_undecodable_folder_names_are_skipped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "export" / "data"
    root.mkdir(parents=True)
    (root / "account.js").write_text(ACCOUNT)
    try:
        open(os.path.join(os.fsencode(root), b"caf\xe9.js"), "wb").close()
    except OSError:
        pytest.skip("this file system refuses undecodable names")
    code, report, _ = scan(capsys, tmp_path, tmp_path / "export")
    assert code == 0 and report is not None
    assert any("not valid text" in r for r in skipped(report).values())


# -- damaged members inside a readable export ------------------------------------------------------

def test_bad_crc_member_becomes_a_skip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = crafted.bad_crc(tmp_path, good={"data/account.js": ACCOUNT.encode()})
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert "data/tweets.js" in skipped(report)


def test_corrupt_deflate_member_becomes_a_skip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = crafted.corrupt_deflate(tmp_path)
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert "data/tweets.js" in skipped(report)


def test_invalid_utf8_content(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = x_zip(tmp_path / "x.zip", {"data/tweets.js": b"window.YTD.tweets.part0 = [ {\"tweet\": {\"full_text\": \""
                                      + b"\xff\xfe\xc3(" * 100 + b"\"}} ]"})
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert "data/tweets.js" in skipped(report)


def test_deeply_nested_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # ijson's cost grows with the square of the depth: without archive's depth guard this
    # exhausts memory (the process was killed after 2 minutes)
    path = x_zip(tmp_path / "x.zip", {"data/tweets.js": "window.YTD.tweets.part0 = " + "[" * 100_000})
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert "data/tweets.js" in skipped(report)


def test_large_single_line_json_is_streamed(tmp_path: Path) -> None:
    """~7 MB of tweets on one line: Python-level memory stays far below the file's size.
    (bench/hostile_big_json.py measures 1 GB.)"""
    path = tmp_path / "twitter-2026-11-01-big.zip"
    tweet = ('{"tweet":{"id_str":"%d","created_at":"Tue Mar 05 14:02:11 +0000 2024",'
             '"full_text":"an ordinary day out walking the dog in the park ' + "x " * 800 + '"}},')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("data/account.js", ACCOUNT)
        with z.open("data/tweets.js", "w", force_zip64=True) as fh:
            fh.write(b"window.YTD.tweets.part0 = [")
            n = 4_000
            for i in range(n):
                fh.write((tweet % i).encode())
            fh.write(b'{"tweet":{"id_str":"0","full_text":"end"}}]')
    size = path.stat().st_size
    assert size > 6_000_000
    text_model(), lexicon()  # loaded once per process, whatever the file: not what this test measures
    tracemalloc.start()
    try:
        report = audit([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.inputs[0].items >= n
    assert peak < size / 2, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"


# -- photos -----------------------------------------------------------------------------------------

def png_bomb(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height pixels (no real pixel data needed to trip the check)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(
        b"IEND", b"")


def jpeg_with_broken_exif() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(buf, "JPEG")
    data = buf.getvalue()
    # an APP1 Exif segment whose TIFF header points far outside the segment
    tiff = b"II*\x00" + struct.pack("<I", 0xFFFFFF00) + b"\x00" * 20
    app1 = b"Exif\x00\x00" + tiff
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + data[2:]


def test_photo_bomb_and_broken_exif_become_skips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "Photos"
    folder.mkdir()
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG")
    (folder / "IMG_0001.jpg").write_bytes(buf.getvalue())
    (folder / "IMG_0002.jpg").write_bytes(jpeg_with_broken_exif())
    (folder / "IMG_0003.png").write_bytes(png_bomb(40_000, 40_000))
    (folder / "IMG_0004.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    code, report, _ = scan(capsys, tmp_path, folder)
    assert code == 0 and report is not None
    assert report["inputs"][0]["format"] == "photos"
    reasons = skipped(report)
    assert "large" in reasons["IMG_0003.png"]
    assert "IMG_0001.jpg" not in reasons


def test_audit_raises_no_readable_input_naming_each_path(tmp_path: Path) -> None:
    a = tmp_path / "a.zip"
    a.write_bytes(b"PK\x03\x04broken")
    b = tmp_path / "notes.txt"
    b.write_text("hello")
    with pytest.raises(NoReadableInput) as info:
        audit([a, b])
    problems = {path: say(reason) for path, reason in info.value.problems}
    assert "damaged or incomplete" in problems[str(a)]
    assert "not an export Offduty recognises" in problems[str(b)]


@pytest.mark.parametrize(("name", "opening", "fmt"), [
    ("Records.json", '{"locations": ' + "[" * 100_000, "google-takeout"),
    ("Timeline.json", '{"semanticSegments": ' + '[{"a":' * 50_000, "google-timeline"),
    ("user_data_tiktok.json", '{"Activity": ' + '{"a":' * 100_000, "tiktok"),
    ("outbox.json", '{"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection", '
                    '"orderedItems": ' + "[" * 100_000, "mastodon"),
])
def test_deeply_nested_single_files_are_recognised_and_skipped(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, opening: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(opening)
    code, report, _ = scan(capsys, tmp_path, path)
    assert code == 0 and report is not None
    assert report["inputs"][0]["format"] == fmt
    assert name in skipped(report)
