"""Property tests: opening and recognising never raise anything but UnreadableExport, on random
bytes and on mutated valid zips; reading members raises only READ_ERRORS; accepted members
always respect the limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.errors import UnreadableExport
from checks.exports.archive import READ_ERRORS, Limits, open_export
from checks.exports.recognise import recognise
from checks.records import Message
from checks.report.words import say

LIMITS = Limits(max_members=500, max_member_size=4 * 1024 * 1024, max_total_size=16 * 1024 * 1024,
                suspicious_min_size=256 * 1024)


def valid_zip(members: dict[str, bytes], method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


BASE = [
    valid_zip({"data/manifest.js": b"window.__THAR_CONFIG = {}", "data/account.js": b"window.YTD.account.part0 = []",
               "data/tweets.js": b"window.YTD.tweets.part0 = [" + b'{"tweet": {}},' * 50 + b"{}]"},
              zipfile.ZIP_DEFLATED),
    valid_zip({"wrap/json/account.json": b"{}", "wrap/memories/2024-01-01_ab-main.jpg": b"\xff\xd8\xff" * 30},
              zipfile.ZIP_STORED),
]


def check(folder: Path, data: bytes, name: str) -> None:
    path = folder / name
    path.write_bytes(data)
    try:
        _check(path)
    finally:
        path.unlink()


def _check(path: Path) -> None:
    try:
        export = open_export([path], LIMITS)
    except UnreadableExport as exc:
        assert isinstance(exc.reason, Message) and exc.reason.code.startswith("archive.export.")
        assert "\n" not in say(exc.reason)
        return
    with export:
        recognise(export)
        total = 0
        for member in export.members():
            total += member.size
            assert member.size <= LIMITS.max_member_size
            if member.compressed_size:
                assert member.size / member.compressed_size <= LIMITS.max_ratio
            got = 0
            try:
                with export.open(member.name) as stream:
                    while chunk := stream.read(65536):
                        got += len(chunk)
            except READ_ERRORS:
                pass
            assert got <= member.size or export.kind != "zip"
        assert total <= LIMITS.max_total_size


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.sampled_from(["export.zip", "tweets.js", "Records.json", "x.car", "a.jpg"]))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str) -> None:
    check(tmp_path_factory.getbasetemp(), data, name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(BASE))),
       st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=12),
       st.one_of(st.none(), st.integers(min_value=0)),
       st.binary(max_size=64))
def test_mutated_zips(tmp_path_factory: pytest.TempPathFactory, which: int, flips: list[tuple[int, int]],
                      cut: int | None, insert: bytes) -> None:
    data = bytearray(BASE[which])
    for at, value in flips:
        data[at % len(data)] = value
    if insert:
        at = (flips[0][0] if flips else 0) % len(data)
        data[at:at] = insert
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    check(tmp_path_factory.getbasetemp(), bytes(data), "export.zip")
