"""A zip with two different members of the same name: one is read, the other listed as skipped
(`archive.duplicate`), never dropped silently; an identical copy is the same file."""

from __future__ import annotations

import warnings
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from checks.pipeline import audit
from checks.records import Message
from tests.builders.x import Tweet, XArchive


def test_a_second_member_of_the_same_name_is_listed_as_skipped(tmp_path: Path) -> None:
    export = XArchive(tweets=[Tweet("Lovely walk today", datetime(2024, 2, 11, tzinfo=UTC))]).write_zip(
        tmp_path / "twitter.zip")
    with zipfile.ZipFile(export) as zf:
        name = next(n for n in zf.namelist() if n.endswith("/tweets.js"))
        original = zf.read(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
        with zipfile.ZipFile(export, "a") as zf:
            zf.writestr(name, original.replace(b"Lovely walk today", b"A different copy!"))
            zf.writestr(name, original)  # an identical copy: the same file, nothing to say
    [summary] = audit([export]).inputs
    codes = [s.reason.code for s in summary.skipped if isinstance(s.reason, Message)]
    assert codes.count("archive.duplicate") == 1
    assert summary.readable and summary.items >= 1
    assert original.replace(b"Lovely walk today", b"A different copy!") != original  # really different
