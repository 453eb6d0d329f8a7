"""Welfare sessions: owner-only folder, every file recorded, all of it gone at the end, key deleted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from checks.records import msg
from checks.store import vault
from checks.store.audit_state import AuditState
from checks.store.paths import data_dir
from checks.store.welfare import MANIFEST, WelfareSession, leftover_sessions, sessions_root
from tests.security.conftest import MemoryKeyring, make_report


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_session_folder_is_owner_only_under_the_data_dir() -> None:
    old = os.umask(0o022)
    try:
        session = WelfareSession()
    finally:
        os.umask(old)
    assert session.folder.parent == data_dir() / "sessions"
    assert stat.S_IMODE(session.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((session.folder / MANIFEST).stat().st_mode) & 0o077 == 0


def test_end_removes_everything_the_session_wrote(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    session = WelfareSession()
    audit = session.save_audit(make_report(), AuditState().tick("x.delete_posts"))
    assert audit.parent == session.folder
    assert vault.load_audit(audit).state.ticked == {"x.delete_posts"}
    assert (vault.SERVICE, session.key_name) in memory_keyring.store
    pdf = tmp_path / "Desktop" / "checklist.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.7 invented")
    session.record(pdf)
    html = session.path_for("checklist.html")
    html.write_text("<html></html>")
    unrelated = tmp_path / "Desktop" / "holiday.jpg"
    unrelated.write_bytes(b"not the session's")

    result = session.end()
    assert set(result.removed) == {audit, pdf.absolute(), html}
    assert set(result.plaintext_removed) == {pdf.absolute(), html}
    assert result.key_removed and result.folder_removed and result.complete and not result.failed
    assert not session.folder.exists() and not pdf.exists() and unrelated.exists()
    assert (vault.SERVICE, session.key_name) not in memory_keyring.store
    assert result.summary() == (msg("welfare.removed", count=3), msg("welfare.key_removed"), msg("welfare.not_wiped"))
    with pytest.raises(RuntimeError):
        session.record(tmp_path / "late.pdf")


def test_copies_of_session_audits_are_unreadable_after_the_end(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    session = WelfareSession()
    audit = session.save_audit(make_report(1))
    copy = tmp_path / "backup.offduty"
    copy.write_bytes(audit.read_bytes())
    assert vault.load_report(copy) == make_report(1)
    session.end()
    with pytest.raises(vault.KeyMissing):
        vault.load_report(copy)


def test_files_the_person_already_removed_are_reported_as_missing(tmp_path: Path,
                                                                   memory_keyring: MemoryKeyring) -> None:
    session = WelfareSession()
    gone = tmp_path / "moved.pdf"
    gone.write_bytes(b"x")
    session.record(gone)
    gone.unlink()
    result = session.end()
    assert result.missing == (gone.absolute(),) and result.removed == ()


def test_a_file_that_cannot_be_removed_is_reported(tmp_path: Path, memory_keyring: MemoryKeyring,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    stuck = tmp_path / "checklist.pdf"  # e.g. open in a PDF viewer on Windows, or on read-only media
    stuck.write_bytes(b"x")
    session = WelfareSession()
    session.record(stuck)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = session.end()
    assert result.failed == (stuck,) and not result.complete
    assert msg("welfare.not_removed", path=str(stuck)) in result.summary()
    assert session.folder.exists()  # kept, with its manifest, so the file can be dealt with later
    monkeypatch.setattr(Path, "unlink", real_unlink)
    again = WelfareSession(session.folder).end()
    assert again.removed == (stuck,) and again.complete


def test_a_crashed_session_is_found_and_ended_on_the_next_start(tmp_path: Path, memory_keyring: MemoryKeyring,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    session = WelfareSession()
    audit = session.save_audit(make_report(1))
    export = tmp_path / "checklist.html"
    export.write_text("x")
    session.record(export)
    (session.folder / "unrecorded.tmp").write_bytes(b"left by a crash")
    current = WelfareSession()  # this run's own session is never "left over"
    assert leftover_sessions() == []  # the first session's program (this one) is alive and recent

    manifest = session.folder / MANIFEST
    manifest.write_text(manifest.read_text().replace(f'"pid": {os.getpid()}', '"pid": 999999999'))
    leftovers = leftover_sessions()
    assert [s.id for s in leftovers] == [session.id]
    result = leftovers[0].end()
    assert audit in result.removed and export.absolute() in result.removed
    assert session.folder / "unrecorded.tmp" in result.removed
    assert result.key_removed and not session.folder.exists()
    assert current.folder.exists()
    assert sorted(p.name for p in sessions_root().iterdir()) == [current.id]


def test_damaged_manifest_still_ends_the_session(memory_keyring: MemoryKeyring) -> None:
    session = WelfareSession()
    session.save_audit(make_report(1))
    (session.folder / MANIFEST).write_text("{not json")
    reopened = WelfareSession(session.folder)
    result = reopened.end()
    assert result.folder_removed and len(result.removed) == 1


def test_path_for_stays_inside_the_session_folder() -> None:
    session = WelfareSession()
    assert session.path_for("../../escape.pdf").parent == session.folder
    for bad in ("", "..", MANIFEST):
        with pytest.raises(ValueError):
            session.path_for(bad)


@pytest.mark.usefixtures("qapp")
def test_a_checklist_printed_to_a_file_in_a_welfare_session_is_removed_at_the_end(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    """The print dialog's "print to file" goes through a file the session records before it exists."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from desktop.printing import print_report
    from desktop.session import Session

    session = Session(welfare=True)
    printed = tmp_path / "printed-plan.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))  # what the person chose in the dialog
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert print_report(make_report(), None, printer=printer, record=session.wrote)
    assert printed.exists() and stat.S_IMODE(printed.stat().st_mode) == 0o600
    assert session.store is not None and printed.absolute() in session.store.files  # a crash leaves it listed
    result = session.end()
    assert not printed.exists() and printed in result.removed and printed in result.not_wiped
