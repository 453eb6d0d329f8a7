"""The main window: a list of steps on the left, the current page on the right.

The window is given its engine, task runner and session (composition root in desktop/app.py);
pages talk to the session and to the runner, never to threads. The window drives the pages
through their interface only (`desktop/pages/base.py`: reset, shown, add_to_scan, show_finding
and their signals, plus the menus' typed actions), never through their widgets.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from checks.errors import OffdutyError
from checks.records import Report
from checks.store.vault import SavedAudit
from checks.version import __version__
from desktop.engine import Engine
from desktop.pages.add import AddPage
from desktop.pages.base import Page, PageKey, ScanRequest
from desktop.pages.checklist import ChecklistPage
from desktop.pages.common import ScaledLabel
from desktop.pages.findings import FindingsPage
from desktop.pages.formats import FormatsPage
from desktop.pages.output import OutputPage, PassphraseDialog
from desktop.pages.overview import OverviewPage
from desktop.pages.scan import ScanPage
from desktop.pages.stranger import StrangerPage
from desktop.pages.welcome import WelcomePage
from desktop.qtcompat import emit
from desktop.session import EndResult, Session
from desktop.worker import Task, TaskRunner

log = logging.getLogger(__name__)
WELFARE_FONT_SCALE = 1.25


class MainWindow(QMainWindow):
    """Signals:
    report_ready(): a report is on screen (after a scan or reopening).
    scan_stopped(str): a scan ended without a report (cancelled or failed), and why.
    session_ended(object): the EndResult of "End session".
    """

    report_ready = Signal()
    scan_stopped = Signal(str)
    session_ended = Signal(object)

    PAGE_KEYS = tuple(key.value for key in PageKey)

    def __init__(self, engine: Engine, runner: TaskRunner, session: Session) -> None:
        super().__init__()
        self.engine, self.runner, self.session = engine, runner, session
        self.setWindowTitle(self.tr("Offduty"))
        self.base_font = QFont(QApplication.font())
        self.open_task: Task | None = None

        self.welcome = WelcomePage(session)
        self.formats = FormatsPage(self._formats())
        self.add = AddPage(engine, runner, session)
        self.stranger = StrangerPage(engine, runner, session)
        self.scan = ScanPage(engine, runner)
        self.overview = OverviewPage(session)
        self.findings = FindingsPage(session, runner)
        self.checklist = ChecklistPage(session)
        self.output = OutputPage(engine, runner, session)
        self.pages: dict[str, Page] = {page.key.value: page for page in (
            self.welcome, self.formats, self.add, self.stranger, self.scan, self.overview, self.findings,
            self.checklist, self.output)}
        assert tuple(self.pages) == self.PAGE_KEYS, "every page once, in PageKey's order"

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QWidget()
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(12, 6, 12, 6)
        self.banner_text = QLabel(self.tr(
            "Welfare session: details stay hidden until shown; nothing is kept unless you save it."))
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("Welfare session"))
        self.end_button = QPushButton(self.tr("End session"))
        self.end_button.setAccessibleName(self.tr("End session and remove what it wrote"))
        self.end_button.clicked.connect(self.end_session_confirm)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.end_button)
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(self.banner.palette().ColorRole.AlternateBase)
        outer.addWidget(self.banner)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Steps of the audit"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(3)
        self.stack = QStackedWidget()
        for i, (_key, page) in enumerate(self.pages.items(), 1):
            QListWidgetItem(f"{i}. {page.title}", self.nav)
            self.stack.addWidget(page)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 48)
        self.nav.currentRowChanged.connect(self._on_nav)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)
        self._menus()

        for page in self.pages.values():
            page.go_to.connect(self.show_page)
            page.finding_requested.connect(self.show_finding)
            page.scan_requested.connect(self.start_scan)
            page.open_requested.connect(self.open_audit)
            page.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.welcome.mode_chosen.connect(self._on_mode_chosen)
        self.scan.scan_finished.connect(self._on_scan_finished)
        self.scan.scan_cancelled.connect(self._on_scan_cancelled)
        self.scan.scan_failed.connect(lambda message: emit(self.scan_stopped, message))
        self.set_welfare(session.welfare)
        self.nav.setCurrentRow(0)
        self.resize(1180, 780)

    def _formats(self) -> list[object]:
        try:
            return self.engine.formats()
        except Exception:  # the guides are help text; the audit works without them
            log.error("export guides could not be loaded", exc_info=True)  # data files, no evidence
            return []

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        add = QAction(self.tr("&Add exports…"), self)
        add.setShortcut(QKeySequence.StandardKey.New)
        add.triggered.connect(self._on_add_action)
        open_ = QAction(self.tr("&Open a saved audit…"), self)
        open_.setShortcut(QKeySequence.StandardKey.Open)
        open_.triggered.connect(lambda: self.open_audit(""))
        save = QAction(self.tr("&Save the audit…"), self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.output.save_audit)
        print_ = QAction(self.tr("&Print…"), self)
        print_.setShortcut(QKeySequence.StandardKey.Print)
        print_.triggered.connect(self.output.print_checklist)
        quit_ = QAction(self.tr("&Quit"), self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        for action in (add, open_, save, print_):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for i, key in enumerate(self.PAGE_KEYS, 1):
            action = QAction(self.pages[key].title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _c=False, k=key: self.show_page(k))
            go.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Offduty"), self)
        about.triggered.connect(lambda: QMessageBox.about(self, self.tr("About Offduty"), self.tr(
            "Offduty %1\nA private, offline check of what your own social media exports give away.\n"
            "Nothing leaves this computer.").replace("%1", __version__)))
        help_menu.addAction(about)

    def _on_add_action(self) -> None:
        self.show_page(PageKey.ADD)
        self.add.choose_files()

    # navigation ----------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.PAGE_KEYS.index(key))

    def current_page(self) -> str:
        return self.PAGE_KEYS[self.stack.currentIndex()]

    def _on_nav(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.stack.setCurrentIndex(row)
            page = self.stack.currentWidget()
            if isinstance(page, Page):
                page.shown()

    def show_finding(self, finding_id: str) -> bool:
        """Bring a finding forward on the page that shows findings."""
        for key, page in self.pages.items():
            if page.show_finding(finding_id):
                self.show_page(key)
                return True
        return False

    # modes ---------------------------------------------------------------------------------

    def _on_mode_chosen(self, welfare: bool) -> None:
        if welfare != self.session.welfare:
            self.set_welfare(welfare)
        nothing_yet = self.session.report is None and self.scan_request().empty
        self.show_page(PageKey.FORMATS if nothing_yet else PageKey.ADD)

    def set_welfare(self, welfare: bool) -> None:
        self.session.set_welfare(welfare)
        self.banner.setVisible(welfare)
        font = QFont(self.base_font)
        if welfare:
            font.setPointSizeF(self.base_font.pointSizeF() * WELFARE_FONT_SCALE)
        QApplication.setFont(font)
        self._refresh_fonts()
        self.setWindowTitle(self.tr("Offduty – welfare session") if welfare else self.tr("Offduty"))

    def _refresh_fonts(self) -> None:
        for label in self.findChildren(ScaledLabel):
            label.refresh_font()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # the system's text size changed
            self._refresh_fonts()
        return super().event(event)

    # scanning ------------------------------------------------------------------------------

    def scan_request(self) -> ScanRequest:
        """What the next scan would hold: each page adds its part."""
        request = ScanRequest()
        for page in self.pages.values():
            request = page.add_to_scan(request)
        return request

    def start_scan(self, request: ScanRequest | None = None) -> Task | None:
        """Scan `request`, or what the pages hold now; None when a scan runs or there is nothing."""
        request = request or self.scan_request()
        if self.scan.running or request.empty:
            return None
        self.session.paths = list(request.paths)
        self.show_page(PageKey.SCAN)
        return self.scan.start(request)

    def _on_scan_finished(self, report: object) -> None:
        if isinstance(report, Report):
            self.session.set_report(report)
            self.show_page(PageKey.OVERVIEW)
            emit(self.report_ready)

    def _on_scan_cancelled(self, _report: object) -> None:
        text = self.tr("Scan stopped. You can scan again whenever you like.")
        self.statusBar().showMessage(text, 8000)
        emit(self.scan_stopped, text)

    # saved audits --------------------------------------------------------------------------

    def open_audit(self, path_text: str) -> Task | None:
        path = Path(path_text) if path_text else None
        if path is None:
            options = QFileDialog.Option.DontUseNativeDialog if self.session.welfare else QFileDialog.Option(0)
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a saved audit"), "",
                                                  self.tr("Offduty audit (*.offduty);;All files (*)"),
                                                  options=options)
            if not name:
                return None
            path = Path(name)
        passphrase = None
        try:
            locked = self.engine.needs_passphrase(path)
        except OffdutyError as exc:
            QMessageBox.warning(self, self.tr("Open a saved audit"), str(exc))
            return None
        if locked:
            dialog = PassphraseDialog(self, confirm=False, required=False)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            passphrase = dialog.passphrase()
        return self.load_audit(path, passphrase)

    def load_audit(self, path: Path, passphrase: str | None) -> Task:
        self.statusBar().showMessage(self.tr("Opening the audit…"))
        task = self.runner.start("open", lambda _ctx: self.engine.load(path, passphrase))
        task.finished.connect(self._on_loaded)
        task.failed.connect(self._on_open_failed)
        self.open_task = task
        return task

    def _on_open_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Open a saved audit"), message)

    def _on_loaded(self, saved: object) -> None:
        if not isinstance(saved, SavedAudit):
            return
        self.session.reopened(saved.report, saved.state)
        self.statusBar().showMessage(self.tr("Audit opened. Scan new exports to see what you have fixed since."),
                                     10000)
        self.show_page(PageKey.OVERVIEW)
        emit(self.report_ready)

    # ending --------------------------------------------------------------------------------

    def end_session_confirm(self) -> None:
        answer = QMessageBox.question(self, self.tr("End session"), self.tr(
            "End the session? Files saved during it (printouts, PDF and web pages, audits kept for this session) "
            "are removed from this computer, the session's key is deleted and the results are cleared. Audits "
            "saved with a passphrase stay where you saved them."))
        if answer == QMessageBox.StandardButton.Yes:
            result = self.end_session()
            QMessageBox.information(self, self.tr("Session ended"), self.end_text(result))

    def end_session(self) -> EndResult:
        self.runner.cancel_all()
        result = self.session.end()
        for page in self.pages.values():
            page.reset()
        QApplication.clipboard().clear()
        self.show_page(PageKey.WELCOME)
        emit(self.session_ended, result)
        return result

    def end_text(self, result: EndResult) -> str:
        lines = [self.tr("The session has ended. The results have been cleared from the window.")]
        if result.removed:
            lines.append(self.tr("Removed from this computer:"))
            lines.extend(f"• {p}" for p in result.removed)
        else:
            lines.append(self.tr("The session wrote no files, so there was nothing to remove."))
        if result.failed:
            lines.append(self.tr("Could not be removed (please delete them yourself):"))
            lines.extend(f"• {p}" for p in result.failed)
        if result.key_removed:
            lines.append(self.tr("The session's key was deleted, so audits saved for this session can no longer "
                                 "be opened anywhere, even from a copy."))
        if result.not_wiped:
            lines.append(self.tr("Printed checklists (PDF and web pages) were deleted, but deleting does not wipe "
                                 "a disk: if you copied them elsewhere, delete those copies too."))
        if result.kept:
            lines.append(self.tr("Kept, encrypted, as you chose:"))
            lines.extend(f"• {p}" for p in result.kept)
        return "\n".join(lines)

    def offer_leftover_cleanup(self) -> list[object]:
        """Sessions left by a crash or power cut: offer to end them (remove their files and keys)."""
        from checks.store.welfare import leftover_sessions

        try:
            leftovers = leftover_sessions()
        except OSError:
            log.warning("earlier welfare sessions could not be looked for")
            return []
        if not leftovers:
            return []
        files = sum(len(s.files) for s in leftovers)
        answer = QMessageBox.question(self, self.tr("An earlier welfare session did not end"), self.tr(
            "A welfare session on this computer was not ended (Offduty may have closed unexpectedly). It left "
            "%1 file(s). Remove them now, with the session's key?").replace("%1", str(files)))
        if answer != QMessageBox.StandardButton.Yes:
            return []
        reports: list[object] = [s.end() for s in leftovers]
        removed = sum(len(getattr(r, "removed", ())) for r in reports)
        failed = [p for r in reports for p in getattr(r, "failed", ())]
        text = self.tr("Removed %1 file(s) left by the earlier session, and its key.").replace("%1", str(removed))
        if failed:
            text += "\n" + self.tr("Could not be removed (please delete them yourself):") + "\n" + "\n".join(
                f"• {p}" for p in failed)
        QMessageBox.information(self, self.tr("Earlier session ended"), text)
        return reports

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel_all()
        self.runner.wait(5000)
        if self.session.welfare:
            self.session.end()  # closing a welfare session ends it: its files go, as promised
            self.session.set_welfare(False)  # and Qt's settings go back where they were
        event.accept()


def focus_is_visible(widget: QWidget) -> bool:
    """Whether keyboard focus can reach a widget (used by the accessibility test)."""
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isEnabled()
