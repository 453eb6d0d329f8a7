"""What `offduty scan` and `show` write and print: revealed files owner-only whatever their kind,
never through a planted link or over an input, a PDF onto a FIFO written into it, no escape
sequence from an export reaching the terminal, and no evidence in debug output."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.cli import main
from tests.builders.photos import PhotoSpec, write_photo
from tests.builders.x import Tweet, XArchive

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2024, 2, 11, 9, 30, tzinfo=UTC)
ADDRESS = "42 Quillbrook Close"
# clear screen, set the window title, write the clipboard (OSC 52), a C1 CSI, a right-to-left override
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x9b31m\u202e"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, links and FIFOs")


@pytest.fixture
def export(tmp_path: Path) -> Path:
    tweets = [Tweet(f"Got the keys! Moving into {ADDRESS} on Saturday {HOSTILE} come round", WHEN),
              Tweet(f"Night shift again {HOSTILE}", WHEN)]
    return XArchive(tweets=tweets).write_zip(tmp_path / "twitter-2024-02-11.zip")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
@pytest.mark.usefixtures("qapp")
def test_every_revealed_output_is_owner_only(tmp_path: Path, export: Path) -> None:
    outputs = {kind: tmp_path / f"report.{kind}" for kind in ("json", "html", "pdf")}
    old = os.umask(0o022)
    try:
        args = ["scan", str(export), "--quiet", "--reveal"]
        for kind, path in outputs.items():
            args += [f"--{kind}", str(path)]
        assert main(args) == 0
    finally:
        os.umask(old)
    assert {kind: _mode(path) for kind, path in outputs.items()} == {"json": 0o600, "html": 0o600, "pdf": 0o600}
    assert ADDRESS in outputs["json"].read_text(encoding="utf-8")  # revealed: this is the case that matters


@posix_only
@pytest.mark.usefixtures("qapp")
def test_a_link_planted_at_the_old_temporary_name_catches_nothing(tmp_path: Path, export: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    for name in (".report.pdf.partial", ".report.json.partial"):
        (tmp_path / name).symlink_to(victim)
    assert main(["scan", str(export), "--quiet", "--reveal", "--pdf", str(tmp_path / "report.pdf"),
                 "--json", str(tmp_path / "report.json")]) == 0
    assert victim.read_text() == "keep me"


@posix_only
@pytest.mark.usefixtures("qapp")
def test_a_pdf_onto_a_fifo_is_written_into_it(tmp_path: Path, export: Path) -> None:
    fifo = tmp_path / "printer.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["scan", str(export), "--quiet", "--pdf", str(fifo)]) == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and received and received[0].startswith(b"%PDF")


def test_an_input_is_never_overwritten(tmp_path: Path, export: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = export.read_bytes()
    assert main(["scan", str(export), "--quiet", "--json", str(export)]) == 1
    assert export.read_bytes() == before
    assert "will not write over it" in capsys.readouterr().err
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "a long test passphrase")
    audit = tmp_path / "audit.offduty"
    assert main(["scan", str(export), "--quiet", "--save", str(audit)]) == 0
    saved = audit.read_bytes()
    assert main(["show", str(audit), "--html", str(audit)]) == 1  # the audit being shown
    assert audit.read_bytes() == saved


def _printed(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    return out + err


@pytest.mark.parametrize("reveal", [False, True], ids=["masked", "revealed"])
def test_no_escape_sequence_from_an_export_reaches_the_terminal(tmp_path: Path, export: Path, reveal: bool,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    flag = ["--reveal"] if reveal else []
    assert main(["scan", str(export), *flag]) == 0  # with progress on standard error too
    text = _printed(capsys)
    assert "Night shift" in text or "N****" in text or "Got the keys" in text
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "a long test passphrase")
    audit = tmp_path / "a.offduty"
    assert main(["scan", str(export), "--quiet", "--save", str(audit)]) == 0
    capsys.readouterr()
    assert main(["show", str(audit), *flag]) == 0
    text += _printed(capsys)
    assert main(["show", str(audit), "--json", "-", *flag]) == 0
    raw = _printed(capsys)
    json.loads(raw)  # still valid JSON: controls are escaped, not dropped from the data
    for ch in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert ch not in text and ch not in raw, repr(ch)


def test_debug_output_carries_no_evidence_even_from_pillow(tmp_path: Path) -> None:
    """OFFDUTY_DEBUG=1, as the README suggests after an error: Pillow's debug lines (which name the
    camera's owner and print raw GPS bytes) stay out; Offduty's own debug lines may appear."""
    photos = tmp_path / "photos"
    photos.mkdir()
    write_photo(photos / "IMG_0001.jpg", PhotoSpec(lat=51.371234, lon=-0.098765, owner="Quentin Marchbanks",
                                                    serial="SN4455667788"))
    env = {**os.environ, "OFFDUTY_DEBUG": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "scan", "--quiet", str(photos)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "Quentin" not in result.stderr and "Marchbanks" not in result.stderr
    assert "SN4455667788" not in result.stderr and "PIL" not in result.stderr


def test_a_debug_traceback_hides_the_values_in_error_messages(tmp_path: Path, export: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    value, number = ADDRESS, "07700 900461"  # as a reader's error would quote them

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError(f"invalid literal for int(): {value!r} near {number}")

    monkeypatch.setattr("checks.pipeline.audit", boom)
    monkeypatch.setenv("OFFDUTY_DEBUG", "1")
    assert main(["scan", "--quiet", str(export)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError" in err and "boom" in err  # what a developer needs
    assert "Quillbrook" not in err and "900461" not in err
