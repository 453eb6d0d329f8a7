"""The one private writer (`checks/store/files.py`): owner-only, complete or not at all, never
through a planted link, pipes and devices written in place, inputs never overwritten, and (where
the system has O_TMPFILE) nothing left behind by a crash part-way through a revealed report."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from checks.records import Message
from checks.store import files
from checks.store.files import FileWriteError, write_private, write_private_bytes, write_private_text

ROOT = Path(__file__).resolve().parents[2]
SECRET = "42 Quillbrook Close, revealed"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes, links and FIFOs")


def _code(exc: pytest.ExceptionInfo[FileWriteError]) -> str:
    message = exc.value.message
    assert isinstance(message, Message)
    return message.code


@pytest.fixture(params=["anonymous", "named"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with O_TMPFILE (Linux) and with the exclusive named file used elsewhere."""
    if request.param == "named":
        monkeypatch.setattr(files, "_TMPFILE", 0)
    return str(request.param)


@posix_only
def test_a_new_file_is_owner_only_whatever_the_umask(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "report.json"
    old = os.umask(0)
    try:
        write_private_text(target, lambda fh: fh.write(SECRET))
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        target.chmod(0o644)  # an earlier, readable copy is replaced by an owner-only one
        write_private_bytes(target, b"again")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"again"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@posix_only
def test_a_link_at_the_target_is_replaced_never_followed(tmp_path: Path, mode: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "report.html"
    target.symlink_to(victim)
    write_private_text(target, lambda fh: fh.write(SECRET))
    assert victim.read_text() == "keep me"
    assert not target.is_symlink() and target.read_text() == SECRET


@posix_only
def test_a_link_planted_at_a_temporary_name_is_never_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             mode: str) -> None:
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("keep me")
    # the name the old writer always used, and the next random names this writer will draw
    names = iter(["aaaaaaaaaaaa", "aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"])
    monkeypatch.setattr(files.secrets, "token_hex", lambda _n: next(names))
    for planted in (".report.pdf.partial", ".report.pdf.aaaaaaaaaaaa.partial"):
        (tmp_path / planted).symlink_to(victim)
    write_private_bytes(tmp_path / "report.pdf", SECRET.encode())
    assert victim.read_text() == "keep me"
    assert (tmp_path / "report.pdf").read_text() == SECRET
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o600


@posix_only
def test_a_fifo_is_written_in_place_and_stays_a_fifo(tmp_path: Path, mode: str) -> None:
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo, 0o600)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_private_bytes(fifo, b"%PDF-1.4 revealed")
    reader.join(timeout=30)
    assert received == [b"%PDF-1.4 revealed"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link = tmp_path / "stdout-like"
    link.symlink_to(fifo)  # /dev/stdout is such a link: written through, not replaced
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_private_bytes(link, b"through the link")
    reader.join(timeout=30)
    assert received[-1] == b"through the link" and link.is_symlink()


@posix_only
def test_devices_are_written_in_place_and_others_refused(tmp_path: Path) -> None:
    write_private_bytes("/dev/null", b"nothing")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    with pytest.raises(FileWriteError) as raised:
        write_private_bytes(tmp_path, b"x")
    assert _code(raised) == "files.is_folder"
    fifo = tmp_path / "audit.offduty"
    os.mkfifo(fifo)
    with pytest.raises(FileWriteError) as raised:
        write_private_bytes(fifo, b"x", special=False)  # a saved audit must be a file
    assert _code(raised) == "files.not_a_file"


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a FIFO away")
def test_a_fifo_belonging_to_someone_else_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "theirs"
    os.mkfifo(fifo)
    os.chown(fifo, 65534, 65534)
    with pytest.raises(FileWriteError) as raised:
        write_private_bytes(fifo, SECRET.encode())
    assert _code(raised) == "files.not_a_file"


def test_an_input_being_read_is_never_overwritten(tmp_path: Path, mode: str) -> None:
    export = tmp_path / "twitter.zip"
    export.write_bytes(b"PK the export")
    folder = tmp_path / "facebook-export"
    folder.mkdir()
    (folder / "profile.json").write_text("{}")
    for target in (export, folder / "profile.json"):
        with pytest.raises(FileWriteError) as raised:
            write_private_bytes(target, b"report", protect=[export, folder])
        assert _code(raised) == "files.is_input"
    assert export.read_bytes() == b"PK the export" and (folder / "profile.json").read_text() == "{}"
    write_private_bytes(folder / "report.json", b"new file", protect=[export, folder])  # nothing overwritten
    if os.name == "posix":
        (tmp_path / "alias.zip").symlink_to(export)
        with pytest.raises(FileWriteError):
            write_private_bytes(tmp_path / "alias.zip", b"report", protect=[export])


def test_a_failure_part_way_leaves_the_earlier_file_and_nothing_else(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "report.json"
    target.write_text("earlier")

    def fail(stream: object) -> None:
        stream.write(SECRET.encode())  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    with pytest.raises(FileWriteError) as raised:
        write_private(target, fail)
    assert _code(raised) == "files.failed"
    assert target.read_text() == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    with pytest.raises(FileWriteError) as raised:
        write_private_bytes(tmp_path / "no-such-folder" / "x.json", b"x")
    assert _code(raised) == "files.no_folder"


_CRASH = textwrap.dedent("""
    import os, signal, sys
    from checks.store.files import write_private

    def write(stream):
        stream.write(b"%s" * 4096)
        stream.flush()
        os.kill(os.getpid(), signal.SIGKILL)  # the power goes, part-way through a revealed report

    write_private(sys.argv[1], write)
""")


def _has_tmpfile(folder: Path) -> bool:
    fd = files._anonymous(folder)
    if fd is None:
        return False
    os.close(fd)
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="O_TMPFILE is Linux's")
def test_a_crash_part_way_leaves_no_revealed_partial_file(tmp_path: Path) -> None:
    if not _has_tmpfile(tmp_path):
        pytest.skip("this file system has no O_TMPFILE")
    target = tmp_path / "revealed.json"
    code = _CRASH % SECRET
    result = subprocess.run([sys.executable, "-c", code, str(target)], cwd=ROOT, capture_output=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert list(tmp_path.iterdir()) == []  # no target, no ".partial", nothing with the revealed text
