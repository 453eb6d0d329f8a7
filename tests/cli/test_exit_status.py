"""The command line's exit statuses (contract): 0 the audit ran; 2 usage error; 3 no input
readable, naming each path and why; 1 anything else, one line, no traceback unless OFFDUTY_DEBUG=1."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from checks.records import msg
from checks.report.words import say
from desktop import cli

ACCOUNT = 'window.YTD.account.part0 = [ {\n  "account" : {\n    "username" : "invented_person"\n  }\n} ]'


def x_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("data/account.js", ACCOUNT)
    return path


def test_0_when_the_audit_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 interrupted")
    assert cli.main(["scan", "--quiet", str(x_zip(tmp_path / "x.zip")), str(bad)]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err


@pytest.mark.parametrize("argv", [
    ["scan"],
    ["scan", "--no-such-option", "x.zip"],
    ["formats", "--bogus"],
    ["--screenshot", "somewhere"],
    ["no-such-command-file-but-option", "--nope"],
])
def test_2_on_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err


def test_3_names_each_path_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"")
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes")
    missing = tmp_path / "missing.zip"
    assert cli.main(["scan", "--quiet", str(empty), str(notes), str(missing)]) == 3
    err = capsys.readouterr().err
    for path, reason in ((empty, "archive.export.empty_file"), (notes, "pipeline.not_recognised"),
                         (missing, "archive.export.no_such_path")):
        assert say(msg("error.problem", path=str(path), reason=msg(reason))) in err
    assert "Traceback" not in err


def test_1_on_unexpected_errors_one_line_without_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated fault")

    monkeypatch.setattr("checks.pipeline.audit", boom)
    monkeypatch.delenv("OFFDUTY_DEBUG", raising=False)
    assert cli.main(["scan", "--quiet", str(x_zip(tmp_path / "x.zip"))]) == 1
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0
    assert "RuntimeError: simulated fault" in err and "Traceback" not in err

    monkeypatch.setenv("OFFDUTY_DEBUG", "1")
    assert cli.main(["scan", "--quiet", str(x_zip(tmp_path / "y.zip"))]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_formats_exits_0_and_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["formats"]) == 0
    out = capsys.readouterr().out
    for fmt in ("x-archive", "facebook", "instagram", "linkedin-csv", "tiktok", "snapchat", "google-takeout",
                "google-timeline", "strava", "mastodon", "bluesky-car", "photos", "reddit-csv", "whatsapp-chat"):
        assert f"[{fmt};" in out
