"""`offduty scan --save` / `offduty show`: keyring or passphrase, asked before the scan, clear errors."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.records import msg
from checks.report.words import say
from checks.store import vault
from desktop.cli import main
from tests.builders.x import Tweet, XArchive
from tests.security.conftest import MemoryKeyring

PASS = "correct horse battery"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A terminal where the person types PASS whenever asked; the prompts, in order."""
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASS)
    return asked


@pytest.fixture
def export(tmp_path: Path) -> Path:
    when = datetime(2026, 5, 2, 18, 30, tzinfo=UTC)
    return XArchive(tweets=[Tweet(text="Lovely walk today", created_at=when)]).write_folder(tmp_path / "x")


def test_save_uses_the_keyring_by_default(export: Path, tmp_path: Path, memory_keyring: MemoryKeyring,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a.offduty"
    assert main(["scan", str(export), "--save", str(target)]) == 0
    assert say(msg("vault.saved.keyring", keyring=msg("vault.keyring.other", name="MemoryKeyring"))) \
        in capsys.readouterr().err
    assert not vault.needs_passphrase(target) and memory_keyring.store


def test_passphrase_flag_locks_with_a_passphrase(export: Path, tmp_path: Path, memory_keyring: MemoryKeyring,
                                                 terminal: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    asked = terminal
    target = tmp_path / "p.offduty"
    assert main(["scan", str(export), "--quiet", "--save", str(target), "--passphrase"]) == 0
    assert len(asked) == 2 and vault.needs_passphrase(target) and not memory_keyring.store
    assert main(["show", str(target), "--json", "-"]) == 0  # asks once to open
    assert len(asked) == 3 and '"findings"' in capsys.readouterr().out


def test_passphrase_needs_save(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(export), "--passphrase"]) == 2
    assert "--passphrase goes with --save" in capsys.readouterr().err


def test_no_keyring_no_terminal_fails_before_scanning(export: Path, tmp_path: Path, no_keyring: None,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO())
    scanned: list[object] = []
    monkeypatch.setattr("checks.pipeline.audit", lambda *a, **k: scanned.append(1))
    assert main(["scan", str(export), "--save", str(tmp_path / "a.offduty")]) == 1
    err = capsys.readouterr().err
    assert "OFFDUTY_PASSPHRASE" in err and err.count("\n") == 1
    assert scanned == []  # the person is told before minutes of scanning, not after


def test_short_passphrase_fails_before_scanning(export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "short")
    assert main(["scan", str(export), "--save", str(tmp_path / "a.offduty")]) == 1
    assert capsys.readouterr().err == f"offduty: {say(msg('vault.passphrase_too_short', minimum=8))}\n"
    assert not (tmp_path / "a.offduty").exists()


def test_show_errors(tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]) -> None:
    not_audit = tmp_path / "notes.txt"
    not_audit.write_text("hello")
    assert main(["show", str(not_audit)]) == 1
    assert capsys.readouterr().err == f"offduty: {say(msg('vault.not_an_audit'))}\n"
    missing = tmp_path / "missing.offduty"
    assert main(["show", str(missing)]) == 1
    assert capsys.readouterr().err == f"offduty: {say(msg('vault.no_such_file', path=str(missing)))}\n"


def test_show_applies_the_saved_ticks_and_dismissals(tmp_path: Path, memory_keyring: MemoryKeyring,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from checks.store.audit_state import AuditState
    from tests.security.conftest import make_report

    report = make_report(3)
    state = AuditState().tick("x.delete_posts").dismiss(report.findings[0].id)
    target = tmp_path / "ticked.offduty"
    vault.save_report(report, target, state=state)
    assert main(["show", str(target), "--json", "-"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in shown["findings"]] == [f.id for f in report.findings[1:]]
    assert [c["done"] for c in shown["checklist"]] == [True]


def test_the_passphrase_comes_from_the_environment(export: Path, tmp_path: Path, memory_keyring: MemoryKeyring,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", PASS)
    target = tmp_path / "env.offduty"
    assert main(["scan", str(export), "--quiet", "--save", str(target)]) == 0
    assert vault.needs_passphrase(target) and not memory_keyring.store
    assert main(["show", str(target), "--json", "-"]) == 0 and '"findings"' in capsys.readouterr().out
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "something else entirely")
    assert main(["show", str(target)]) == 1
    assert capsys.readouterr().err == f"offduty: {say(msg('vault.wrong_passphrase'))}\n"


def test_no_keyring_asks_on_the_terminal_twice_then_once_to_open(export: Path, tmp_path: Path, no_keyring: None,
                                                                 terminal: list[str]) -> None:
    asked = terminal
    target = tmp_path / "asked.offduty"
    assert main(["scan", str(export), "--quiet", "--save", str(target)]) == 0
    assert len(asked) == 2 and vault.needs_passphrase(target)  # chosen and confirmed
    assert main(["show", str(target), "--json", "-"]) == 0
    assert len(asked) == 3


def test_mismatched_confirmation_saves_nothing(export: Path, tmp_path: Path, no_keyring: None,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([PASS, PASS + "x"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["scan", str(export), "--quiet", "--save", str(tmp_path / "x.offduty")]) == 1
    assert capsys.readouterr().err == f"offduty: {say(msg('vault.passphrase_mismatch'))}\n"
    assert not (tmp_path / "x.offduty").exists()
