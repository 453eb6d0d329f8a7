"""The command line's own words (help, prompts, its lines on standard error) come from the catalogue,
so a second language needs no change to desktop/cli.py or desktop/app.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.records import msg
from checks.report.words import say, words
from desktop import cli


@pytest.fixture
def welsh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few entries changed as a translation would change them."""
    for code, text in {"cli.help.ocr": "darllen testun mewn lluniau (100% yn arafach)",
                       "cli.help.scan": "Archwilio allforion heb ffenestr.",
                       "cli.prompt.open": "Cyfrinymadrodd: ", "cli.prompt.again": "Eto: ",
                       "cli.usage.passphrase_needs_save": "--passphrase gyda --save",
                       "cli.interrupted": "wedi torri ar draws"}.items():
        monkeypatch.setitem(words(None).entries, code, text)


def test_help_is_said_through_the_catalogue(welsh: None) -> None:
    scan = cli.build_parsers()["scan"]
    text = scan.format_help()
    assert "Archwilio allforion heb ffenestr." in text and "100% yn arafach" in text  # a % survives argparse
    english = say(msg("cli.help.passphrase", env=cli.PASSPHRASE_ENV))
    assert cli.PASSPHRASE_ENV in english and " ".join(english.split()[:4]) in " ".join(text.split())


def test_prompts_are_said_through_the_catalogue(welsh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "correct horse battery")
    assert cli.ask_passphrase(msg("cli.prompt.open"), confirm=True) == "correct horse battery"
    assert asked == ["Cyfrinymadrodd: ", "Eto: "]


def test_usage_errors_and_interruptions_are_said_through_the_catalogue(
        welsh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scan", str(tmp_path), "--passphrase"]) == 2
    assert "offduty: --passphrase gyda --save" in capsys.readouterr().err

    def interrupt(_args: list[str]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_dispatch", interrupt)
    assert cli.main(["formats"]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == "offduty: wedi torri ar draws\n"


def test_the_apps_terminal_lines_are_said_through_the_catalogue(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.app import _complain

    monkeypatch.setitem(words(None).entries, "cli.screenshot_folder", "methu defnyddio {path}: {error}")
    _complain(msg("cli.screenshot_folder", path="/tmp/shots", error="Permission denied"))
    assert capsys.readouterr().err == "offduty: methu defnyddio /tmp/shots: Permission denied\n"
