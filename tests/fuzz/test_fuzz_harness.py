"""Keeps the atheris harness working: its one-input function runs over a seed corpus built here,
plus every crash input found so far (rebuilt as bytes in code)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.fuzz import fuzz_archive
from tests.fuzz.fuzz_archive import exercise, one_input, seed_corpus


@pytest.fixture(autouse=True)
def _workdir_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness writes each input to a file: keep it inside the test's own folder."""
    monkeypatch.setattr(fuzz_archive, "_WORKDIR", tmp_path)


def empty_name_zip() -> bytes:
    """Fuzzer find 1: a directory entry with an empty name made ZipInfo.is_dir() raise IndexError."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data/account.js", "window.YTD.account.part0 = []")
        z.writestr("x", "y")
    raw = buf.getvalue()
    # rename "x" to "" in the directory by zeroing its name length (local header keeps it)
    cd = raw.rfind(b"PK\x01\x02")
    fixed = bytearray(raw)
    fixed[cd + 28:cd + 30] = b"\x00\x00"
    return bytes(fixed[:cd + 46] + fixed[cd + 47:])[:-22] + _eocd(raw, cd, removed=1)


def _eocd(raw: bytes, cd_last: int, removed: int) -> bytes:
    end = raw.rfind(b"PK\x05\x06")
    record = bytearray(raw[end:end + 22])
    size = int.from_bytes(record[12:16], "little") - removed
    record[12:16] = size.to_bytes(4, "little")
    return bytes(record)


CRASHES = [empty_name_zip]


@pytest.mark.parametrize("index", range(len(seed_corpus())))
def test_seed(index: int, tmp_path: Path) -> None:
    one_input(seed_corpus()[index])
    assert list(tmp_path.iterdir()) == []  # the input file is removed after each run


@pytest.mark.parametrize("build", CRASHES, ids=[c.__name__ for c in CRASHES])
def test_former_crash(build: object) -> None:
    one_input(build())  # type: ignore[operator]


def test_harness_reads_members_of_a_valid_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(seed_corpus()[1])
    assert exercise(path) == 3
