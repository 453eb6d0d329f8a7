"""Atheris harness for safe opening and recognition: any bytes, as a file, must give either an
Export (whose members read or fail with READ_ERRORS only) or UnreadableExport. Anything else
is a crash.

Run standalone (atheris is not a dependency: `.venv/bin/pip install atheris`):

    .venv/bin/python tests/fuzz/fuzz_archive.py -atheris_runs=100000 -timeout=5 -rss_limit_mb=2048 [CORPUS_DIR]

`one_input` is also run by tests/fuzz/test_fuzz_harness.py over a seed corpus built in code.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent.parent.parent))

MAX_READ = 1024 * 1024
_WORKDIR: Path | None = None
_M: dict[str, Any] = {}


def _load() -> dict[str, Any]:
    """Import the code under test (inside atheris.instrument_imports when fuzzing)."""
    if not _M:
        import zipfile

        from checks.errors import UnreadableExport
        from checks.exports.archive import READ_ERRORS, Limits, open_export
        from checks.exports.recognise import recognise

        # Small limits so the fuzzer explores the refusal paths and never allocates much.
        limits = Limits(max_members=2_000, max_member_size=8 * 1024 * 1024, max_total_size=64 * 1024 * 1024,
                        suspicious_min_size=1024 * 1024, max_directory_bytes=4 * 1024 * 1024)
        _M.update(READ_ERRORS=READ_ERRORS, open_export=open_export, UnreadableExport=UnreadableExport,
                  recognise=recognise, limits=limits, zipfile=zipfile)
    return _M


def _workdir() -> Path:
    # The system's temporary folder itself, not a folder in it: libFuzzer ends the process with
    # _exit(), so nothing made here could be cleaned up afterwards. Each input file is removed.
    return _WORKDIR if _WORKDIR is not None else Path(tempfile.gettempdir())


def exercise(path: Path) -> int:
    """Open, recognise and read every member of one input (bounded); returns the members read."""
    m = _load()
    try:
        export = m["open_export"]([path], m["limits"])
    except m["UnreadableExport"]:
        return 0
    read = 0
    with export:
        m["recognise"](export)
        for member in export.members()[:200]:
            try:
                with export.open(member.name) as stream:
                    got = 0
                    while got < MAX_READ:
                        chunk = stream.read(64 * 1024)
                        if not chunk:
                            break
                        got += len(chunk)
                read += 1
            except m["READ_ERRORS"]:
                pass
    return read


def one_input(data: bytes) -> None:
    """The fuzz target: `data` written as a file named like an export."""
    name = "export.zip" if data[:2] == b"PK" or len(data) % 3 else "tweets.js"
    path = _workdir() / f"offduty-fuzz-{os.getpid()}-{name}"
    path.write_bytes(data)
    try:
        exercise(path)
    finally:
        path.unlink(missing_ok=True)


def seed_corpus() -> list[bytes]:
    """Small valid and nearly valid inputs to start from (invented content only)."""
    zipfile = _load()["zipfile"]
    seeds: list[bytes] = []
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", method) as z:
            z.writestr("data/manifest.js", "window.__THAR_CONFIG = {}")
            z.writestr("data/account.js", 'window.YTD.account.part0 = [{"account": {"username": "invented"}}]')
            z.writestr("wrapper/json/account.json", "{}")
        seeds.append(buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("Takeout/Location History/Records.json", '{"locations": []}')
        z.writestr("IMG_0001.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    seeds.append(buf.getvalue())
    seeds.append(b"window.YTD.tweets.part0 = [ ]")
    seeds.append(b'{"semanticSegments": []}')
    seeds.append(b"PK\x05\x06" + b"\x00" * 18)
    seeds.append(b"")
    return seeds


def main() -> None:
    import atheris

    logging.disable(logging.CRITICAL)
    with atheris.instrument_imports(include=["checks", "zipfile"]):
        _load()
    atheris.Setup(sys.argv, lambda data: one_input(bytes(data)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
