"""The window end to end: add an export, scan, filter, reveal, photo, dismiss, tick, write, save,
reopen; cancel really stops; the GUI thread keeps running during a scan; welfare sessions."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QWidget

from checks.assess.advice import default_catalogue
from checks.records import Category, Message, Report, msg
from checks.report.words import say
from checks.store.audit_state import AuditState
from checks.store.paths import config_dir
from checks.store.vault import SavedAudit
from desktop.app import build_window
from desktop.models import ChecklistModel, FindingsModel
from desktop.pages.base import ScanRequest
from desktop.window import MainWindow
from tests.desktop.conftest import HOME, HeldEngine, make_report, printed_text

TIMEOUT = 30_000


class MemoryVaultEngine(HeldEngine):
    """HeldEngine that keeps saved audits in memory (the window's plumbing, not the vault's crypto)."""

    def save(self, report: Report, path: Path, passphrase: str | None, state: AuditState,
             key_name: str | None = None) -> Message:
        path.write_bytes(b"saved")  # a file really is written, so the session can account for it
        self.saved[path] = (report, (passphrase, state))
        return msg("vault.saved.passphrase")

    def load(self, path: Path, passphrase: str | None) -> SavedAudit:
        report, (expected, state) = self.saved[path]  # type: ignore[misc]
        if passphrase != expected:
            from checks.store.vault import WrongPassphrase

            raise WrongPassphrase(msg("vault.wrong_passphrase"))
        return SavedAudit(report, state, "passphrase")

    def needs_passphrase(self, path: Path) -> bool:
        return False


def open_window(qtbot, engine: HeldEngine, welfare: bool = False) -> MainWindow:
    window = build_window(engine, welfare=welfare)
    qtbot.addWidget(window)
    window.show()
    return window


def scan(qtbot, window: MainWindow, export: Path) -> None:
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([export])
    assert window.add.scan.isEnabled()
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        qtbot.mouseClick(window.add.scan, Qt.MouseButton.LeftButton)


def test_add_page_recognises_and_explains(qtbot, engine: HeldEngine, x_export: tuple[Path, str],
                                          tmp_path: Path) -> None:
    window = open_window(qtbot, engine)
    junk = tmp_path / "notes.txt"
    junk.write_text("shopping list", encoding="utf-8")
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([x_export[0], junk])
    rows = {window.add.list.topLevelItem(i).text(0): window.add.list.topLevelItem(i)
            for i in range(window.add.list.topLevelItemCount())}
    assert rows[x_export[0].name].text(1) == "X (Twitter)"
    assert rows[x_export[0].name].text(4).startswith("Yes")
    assert rows["notes.txt"].text(4).startswith("No: ")
    # Removing the unreadable one leaves the export ready to scan.
    rows["notes.txt"].setSelected(True)
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.remove.click()
    assert window.add.list.topLevelItemCount() == 1
    assert window.add.scan.isEnabled()


def test_the_whole_journey(qtbot, x_export: tuple[Path, str], tmp_path: Path) -> None:
    export, photo = x_export
    engine = MemoryVaultEngine(lambda _p: make_report(export, photo))
    window = open_window(qtbot, engine)
    scan(qtbot, window, export)
    report = window.session.report
    assert report is not None
    assert window.current_page() == "overview"
    assert window.overview.score.text() == str(report.score.value)
    assert report.checklist[0].title in window.overview.cards[0].title.text()  # the first of "your first five"

    # Findings: filter, then reveal one at a time.
    window.show_page("findings")
    page = window.findings
    assert page.proxy.rowCount() == len(report.findings)
    page.category.setCurrentIndex(page.category.findData(Category.HOME_ADDRESS.value))
    assert page.proxy.rowCount() == 1
    page.table.selectRow(0)
    assert page.current is not None and page.current.id == "f-home"
    assert HOME not in page.d_evidence.text()
    assert "Croydon" not in page.d_place.text()  # the town is shown with the evidence
    assert page.d_where.text() == "Your X (Twitter) post of 2 Mar 2025"  # plain words, with an Open button
    assert "data/tweets.js" in page.technical.text() and "/0/tweet/full_text" in page.technical.text()
    assert not page.technical.isVisibleTo(window)  # folded away until asked for
    assert page.d_related.count() == 1
    qtbot.waitUntil(lambda: page.reveal.height() > 0, timeout=TIMEOUT)  # the detail panel is laid out
    qtbot.mouseClick(page.reveal, Qt.MouseButton.LeftButton)
    assert HOME in page.d_evidence.text()
    assert "near Croydon" in page.d_place.text()
    page.category.setCurrentIndex(0)
    assert page.select_finding("f-work")
    assert page.revealed is None  # moving on hides it again
    assert page.select_finding("f-home")
    assert HOME not in page.d_evidence.text()

    # The photo comes out of the export, in memory, on request.
    assert page.select_finding("f-photo")
    assert page.photo_button.isVisibleTo(window)
    with qtbot.waitSignal(page.photo_shown, timeout=TIMEOUT):
        page.photo_button.click()
    assert page.photo.pixmap() is not None and not page.photo.pixmap().isNull()

    # "Not a problem" goes into the state.
    assert page.select_finding("f-dob")
    page.dismiss.setChecked(True)
    assert "f-dob" in window.session.state.dismissed
    assert all(f.id != "f-dob" for f in window.session.visible_report().findings)

    # Checklist: tick the first step.
    window.show_page("checklist")
    model = window.checklist.model
    first = model.entry(0)
    assert first is not None
    model.setData(model.index(0, ChecklistModel.DONE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert first.advice in window.session.state.ticked
    assert window.checklist.progress.value() == 1

    # Write the checklist through the worker.
    out = tmp_path / "checklist.html"
    task = window.output.write("html", out)
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    assert out.exists() and out in window.session.written
    assert HOME not in out.read_text(encoding="utf-8")  # masked unless asked

    # Save, then reopen: ticks and dismissals come back.
    saved = tmp_path / "me.offduty"
    task = window.output.save(saved, "correct horse battery")
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    assert saved.exists()
    fresh = open_window(qtbot, engine)
    with qtbot.waitSignal(fresh.report_ready, timeout=TIMEOUT):
        fresh.load_audit(saved, "correct horse battery")
    assert fresh.session.state.ticked == window.session.state.ticked
    assert "f-dob" in fresh.session.state.dismissed
    assert fresh.checklist.model.done_count() == 1


def test_wrong_passphrase_is_a_plain_message(qtbot, x_export: tuple[Path, str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    export, photo = x_export
    engine = MemoryVaultEngine(lambda _p: make_report(export, photo))
    window = open_window(qtbot, engine)
    scan(qtbot, window, export)
    saved = tmp_path / "a.offduty"
    task = window.output.save(saved, "right one")
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    shown: list[str] = []
    monkeypatch.setattr("desktop.window.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    task = window.load_audit(saved, "wrong one")
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    assert shown == [say(msg("vault.wrong_passphrase"))]


def test_reopen_then_rescan_says_what_was_fixed(qtbot, x_export: tuple[Path, str], tmp_path: Path) -> None:
    export, photo = x_export
    earlier = make_report(export, photo, when=datetime(2026, 3, 14, tzinfo=UTC))
    later = make_report(export, photo, drop=("f-home", "f-photo"))
    engine = MemoryVaultEngine(lambda _p: later)
    saved = tmp_path / "march.offduty"
    engine.saved[saved] = (earlier, (None, AuditState().dismiss("f-dob")))
    window = open_window(qtbot, engine)
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.load_audit(saved, None)
    assert not window.overview.compare.isVisibleTo(window)
    scan(qtbot, window, export)
    comparison = window.session.comparison
    assert comparison is not None
    # f-dob was "not a problem" in March, so 3 things were to fix, of which 2 are gone.
    assert (len(comparison.fixed), comparison.earlier_total) == (2, 3)
    assert window.overview.compare.text().startswith("2 of 3 things found on 14 March 2026 are fixed")
    assert "f-dob" in window.session.state.dismissed  # carried over to the new scan


def test_cancel_really_stops_the_engine(qtbot, engine: HeldEngine, x_export: tuple[Path, str]) -> None:
    window = open_window(qtbot, engine)
    engine.gate.clear()
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([x_export[0]])
    window.add.scan.click()
    qtbot.waitUntil(engine.reached.is_set, timeout=TIMEOUT)
    assert window.scan.running
    with qtbot.waitSignal(window.scan.scan_cancelled, timeout=TIMEOUT):
        qtbot.mouseClick(window.scan.cancel_button, Qt.MouseButton.LeftButton)
    assert engine.stopped_at is not None and engine.stopped_at < engine.steps
    assert window.session.report is None
    assert not window.scan.running
    assert "stopped" in window.scan.stage.text().lower()


def test_the_gui_thread_keeps_running_during_a_scan(qtbot, engine: HeldEngine, x_export: tuple[Path, str]) -> None:
    window = open_window(qtbot, engine)
    engine.gate.clear()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([x_export[0]])
    window.add.scan.click()
    qtbot.waitUntil(engine.reached.is_set, timeout=TIMEOUT)
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 5, timeout=TIMEOUT)  # the timer fires while the engine works
    assert window.scan.overall.value() > 0  # progress arrived through the worker's signals
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        engine.gate.set()
    timer.stop()


def test_welfare_hides_evidence_and_end_session_leaves_nothing(qtbot, x_export: tuple[Path, str],
                                                               tmp_path: Path) -> None:
    export, photo = x_export
    engine = MemoryVaultEngine(lambda _p: make_report(export, photo))
    window = open_window(qtbot, engine, welfare=True)
    assert window.banner.isVisibleTo(window)
    scan(qtbot, window, export)
    page = window.findings
    assert page.select_finding("f-home")
    assert "Hidden" in page.d_evidence.text()
    masked_first_letter = HOME.split()[1][0] + "*"
    assert masked_first_letter not in page.d_evidence.text()  # not even the masked form
    assert page.photo.pixmap() is None or page.photo.pixmap().isNull()
    page.reveal.click()
    assert HOME in page.d_evidence.text()

    written = tmp_path / "session-checklist.html"
    task = window.output.write("html", written)
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    kept = tmp_path / "kept.offduty"
    task = window.output.save(kept, "a long passphrase")
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    assert written.exists()

    with qtbot.waitSignal(window.session_ended, timeout=TIMEOUT) as ended:
        window.end_session()
    result = ended.args[0]
    assert not written.exists()
    assert written in result.removed
    assert kept in result.kept and kept.exists()  # the encrypted audit the person chose to keep
    assert window.session.report is None
    assert window.findings.model.rowCount() == 0
    assert window.add.list.topLevelItemCount() == 0
    text = window.end_text(result)
    assert str(written) in text and "Removed" in text
    # Nothing was remembered between runs.
    assert not (config_dir() / "desktop.ini").exists()
    assert window.session.recent_audits() == []


def test_welfare_mode_uses_larger_text(qtbot, engine: HeldEngine) -> None:
    normal = open_window(qtbot, engine)
    base = normal.base_font.pointSizeF()
    welfare = open_window(qtbot, engine, welfare=True)
    from PySide6.QtWidgets import QApplication

    assert QApplication.font().pointSizeF() > base
    welfare.set_welfare(False)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_saved_audits_are_remembered_only_outside_welfare(qtbot, engine: HeldEngine, tmp_path: Path) -> None:
    window = open_window(qtbot, engine)
    audit = tmp_path / "mine.offduty"
    audit.write_bytes(b"x")
    window.session.wrote(audit, keep=True)
    assert window.session.recent_audits() == [audit]
    window.welcome.refresh()
    assert window.welcome.recent.count() == 1


def test_every_control_has_an_accessible_name_and_takes_focus(qtbot, engine: HeldEngine,
                                                              x_export: tuple[Path, str]) -> None:
    window = open_window(qtbot, engine)
    scan(qtbot, window, x_export[0])
    missing = []
    controls = [w for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
                for w in window.findChildren(kind)]
    assert len(controls) > 20
    for widget in controls:
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip() and widget.isVisibleTo(window) and widget.objectName() != "qt_scrollarea_viewport":
            missing.append(type(widget).__name__)
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and widget.isVisibleTo(window):
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, type(widget).__name__
    assert missing == []


def test_the_window_follows_the_palette(qtbot, engine: HeldEngine) -> None:
    window = open_window(qtbot, engine)
    offenders = [w for w in window.findChildren(QWidget) if w.styleSheet()]
    assert offenders == []  # no style sheets with fixed colours: the system's dark mode and contrast apply


@pytest.mark.skipif(importlib.util.find_spec("desktop.printing") is None, reason="desktop.printing not there yet")
def test_pdf_has_the_checklist(qtbot, x_export: tuple[Path, str], tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    export, photo = x_export
    engine = HeldEngine(lambda _p: make_report(export, photo))
    window = open_window(qtbot, engine)
    scan(qtbot, window, export)
    out = tmp_path / "checklist.pdf"
    text = printed_text(qtbot, window, out, timeout=60_000)
    title = window.session.report.checklist[0].title
    assert " ".join(title.split()) in " ".join(text.split())


def test_reports_from_a_cancelled_scan_are_not_shown(qtbot, x_export: tuple[Path, str]) -> None:
    export, photo = x_export

    def cancelled(_p: Sequence[Path]) -> Report:
        return replace(make_report(export, photo), cancelled=True)

    engine = HeldEngine(cancelled)
    window = open_window(qtbot, engine)
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([export])
    with qtbot.waitSignal(window.scan.scan_cancelled, timeout=TIMEOUT):
        window.add.scan.click()
    assert window.session.report is None


def test_headings_grow_with_the_text_in_a_welfare_session(qtbot, engine: HeldEngine) -> None:
    window = open_window(qtbot, engine)
    before = window.findings.heading.font().pointSizeF()
    window.set_welfare(True)
    qtbot.waitUntil(lambda: window.findings.heading.font().pointSizeF() > before, timeout=TIMEOUT)
    window.set_welfare(False)
    qtbot.waitUntil(lambda: window.findings.heading.font().pointSizeF() == pytest.approx(before), timeout=TIMEOUT)


def test_the_uk_english_translation_loads() -> None:
    from PySide6.QtCore import QLocale, QTranslator

    from checks.resources import resource_path

    translator = QTranslator()
    assert translator.load(QLocale("en_GB"), "offduty", "_", str(resource_path("translations")))
    assert translator.translate("WelcomePage", "On my own") == "On my own"
    assert translator.translate("WelcomePage", "not a string in the app") == ""


def test_dropping_files_adds_them(qtbot, engine: HeldEngine, x_export: tuple[Path, str]) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = open_window(qtbot, engine)
    window.show_page("add")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(x_export[0]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.dropEvent(event)
    assert window.add.paths == [x_export[0]]
    assert window.add.list.topLevelItemCount() == 1


def test_a_scan_with_nothing_readable_says_so_plainly(qtbot, tmp_path: Path) -> None:
    from desktop.engine import Engine

    junk = tmp_path / "holiday.txt"
    junk.write_text("not an export", encoding="utf-8")
    window = build_window(Engine())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scan.scan_failed, timeout=TIMEOUT) as failed:
        window.start_scan(ScanRequest(paths=(junk,)))
    message = failed.args[0]
    assert "holiday.txt" in message and "Traceback" not in message
    assert window.scan.stage.text() == message
    assert window.session.report is None


def test_links_open_only_when_clicked(qtbot, x_export: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    export, photo = x_export
    url = "https://x.com/sam_example/status/1"

    def with_url(_p: Sequence[Path]) -> Report:
        report = make_report(export, photo)
        first = replace(report.findings[0], source=replace(report.findings[0].source, url=url))
        return replace(report, findings=(first, *report.findings[1:]))

    opened: list[str] = []
    monkeypatch.setattr("desktop.pages.findings.QDesktopServices.openUrl", lambda u: opened.append(u.toString()))
    monkeypatch.setattr("desktop.pages.checklist.QDesktopServices.openUrl", lambda u: opened.append(u.toString()))
    window = open_window(qtbot, HeldEngine(with_url))
    scan(qtbot, window, export)
    window.show_page("findings")
    window.show_page("checklist")
    assert opened == []  # browsing the pages opens nothing
    window.show_page("findings")
    assert window.findings.select_finding("f-home")
    assert window.findings.open_item.isVisibleTo(window)
    window.findings.open_item.click()
    assert opened == [url]
    window.show_page("checklist")
    window.checklist.table.selectRow(0)
    entry = window.checklist.current
    assert entry is not None
    link = default_catalogue().get(entry.advice).link  # type: ignore[union-attr]
    if link:
        window.checklist.help.click()
        assert opened[-1] == link  # the setting itself where it has a stable address, else the help page


def test_get_your_exports_is_generated_from_the_formats_data(qtbot, engine: HeldEngine) -> None:
    formats = engine.formats()
    if not formats:
        pytest.skip("checks.exports.formats is not available")
    window = open_window(qtbot, engine)
    page = window.formats
    assert page.platforms.count() == len(formats)
    for row in (0, page.platforms.count() - 1):
        page.platforms.setCurrentRow(row)
        fmt = formats[row]
        shown = page.detail.toPlainText()
        assert fmt.title in shown
        for step in fmt.how_to_request:
            assert " ".join(step.split()) in " ".join(shown.split())


def test_closing_a_welfare_session_removes_its_files(qtbot, x_export: tuple[Path, str], tmp_path: Path) -> None:
    export, photo = x_export
    window = open_window(qtbot, HeldEngine(lambda _p: make_report(export, photo)), welfare=True)
    scan(qtbot, window, export)
    written = tmp_path / "checklist.html"
    task = window.output.write("html", written)
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    assert written.exists()
    window.close()
    assert not written.exists()


def test_the_application_names_itself(qapp) -> None:
    from PySide6.QtGui import QGuiApplication

    from checks.version import __version__
    from desktop.app import APP_ID, make_application

    app = make_application()
    assert app is qapp
    assert QGuiApplication.desktopFileName() == APP_ID == "uk.offduty.Offduty"
    assert app.applicationName() == "Offduty" and app.applicationVersion() == __version__


def test_a_reason_that_quotes_the_evidence_is_hidden_too(qtbot, x_export: tuple[Path, str]) -> None:
    export, photo = x_export
    employer = "Metropolitan Police Service"

    def quoting(_p: Sequence[Path]) -> Report:
        report = make_report(export, photo)
        work = next(f for f in report.findings if f.id == "f-work")
        quoted = replace(work, evidence=f"Proud to serve with the {employer}", span=(24, 24 + len(employer)),
                         reason=f"Your post says you work for {employer}.",
                         title=f"A post says you work for {employer}")
        return replace(report, findings=tuple(quoted if f.id == "f-work" else f for f in report.findings))

    for welfare in (False, True):
        window = open_window(qtbot, HeldEngine(quoting), welfare=welfare)
        scan(qtbot, window, export)
        page = window.findings
        window.show_page("findings")
        assert page.select_finding("f-work")
        assert employer not in page.d_reason.text() and employer not in page.d_title.text()
        row = page.index_of("f-work").row()
        assert employer not in page.proxy.index(row, FindingsModel.TITLE).data()
        page.reveal.click()
        assert employer in page.d_reason.text() and employer in page.d_evidence.text()
        assert employer in page.d_title.text()


def test_print_sends_the_checklist_as_the_person_sees_it(qtbot, x_export: tuple[Path, str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("desktop.printing")
    export, photo = x_export
    window = open_window(qtbot, HeldEngine(lambda _p: make_report(export, photo)))
    scan(qtbot, window, export)
    window.session.dismiss("f-dob", True)
    sent: list[tuple[Report, object, bool, str | None]] = []
    monkeypatch.setattr("desktop.printing.print_report",
                        lambda report, parent, reveal=False, name=None, **_options: sent.append((report, parent, reveal,
                                                                                                  name)))
    window.output.name.setText("Sam Example")
    window.output.print_button.click()
    assert len(sent) == 1
    report, parent, reveal, name = sent[0]
    assert parent is window.output and reveal is False and name == "Sam Example"
    assert all(f.id != "f-dob" for f in report.findings)


def test_a_welfare_session_keeps_qts_own_memory_in_a_folder_it_removes(qtbot, engine: HeldEngine) -> None:
    from PySide6.QtCore import QSettings

    outside = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject").fileName()
    window = open_window(qtbot, engine, welfare=True)
    scratch = window.session.scratch
    assert scratch is not None and scratch.is_dir()
    qt_own = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    assert qt_own.fileName().startswith(str(scratch))  # e.g. the file dialog's history and last folder
    qt_own.setValue("FileDialog/history", ["/home/someone/exports"])
    qt_own.sync()
    result = window.end_session()
    assert scratch in result.removed and not scratch.exists()
    window.set_welfare(False)
    assert QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject").fileName() == outside


def test_the_keyboard_reaches_show_and_not_a_problem(qtbot, engine: HeldEngine, x_export: tuple[Path, str]) -> None:
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, engine)
    scan(qtbot, window, x_export[0])
    window.show_page("findings")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    window.findings.table.setFocus()
    reached = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert window.findings.reveal in reached
    assert window.findings.dismiss in reached
    assert window.nav in reached  # and round again to the list of steps
    # Space on the focused Show button reveals, as a click would.
    window.findings.reveal.setFocus()
    qtbot.keyClick(window.findings.reveal, Qt.Key.Key_Space)
    assert window.findings.current is not None and window.findings.current.id == "f-home"  # high comes first
    assert HOME in window.findings.d_evidence.text()
