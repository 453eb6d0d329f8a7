"""The main window: a list of steps on the left, the current page on the right, and a bottom bar
with Back, the page's main action (Scan, Print) and Next.

The window is given its engine, task runner and session (composition root in desktop/app.py);
pages talk to the session and to the runner, never to threads. The window drives the pages
through their interface only (`desktop/pages/base.py`: reset, shown, add_to_scan, show_finding,
main_button and their signals, plus the menus' typed actions), never through their widgets.

It fits the screen it opens on (sized to the available area, every page scrolls), Enter presses
the focused button or else the bar's default (the main action when it can act, else Next), and
the keyboard focus is drawn as a thick ring in the palette's highlight colour.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
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
from checks.exports.formats import ExportFormat
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
PREFERRED_SIZE = QSize(1440, 900)
MINIMUM_SIZE = QSize(640, 480)
# Pages Next passes over: Scanning is shown when a scan starts, never stepped into.
SKIPPED_BY_NEXT = frozenset({PageKey.SCAN.value})
# A clearly visible keyboard focus, in the palette's own colours (light, dark, high contrast).
FOCUS_STYLE = """
QPushButton, QToolButton { padding: 5px 14px; border: 1px solid palette(mid); border-radius: 4px;
    background: palette(button); color: palette(button-text); min-height: 1.4em; }
QPushButton:hover, QToolButton:hover { border: 1px solid palette(highlight); }
QPushButton:default { border: 2px solid palette(dark); }
QPushButton:disabled { color: palette(mid); }
QPushButton:focus, QToolButton:focus, QCommandLinkButton:focus { border: 3px solid palette(highlight);
    padding: 3px 12px; }
QCommandLinkButton { border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }
QCheckBox:focus, QRadioButton:focus { border: 3px solid palette(highlight); border-radius: 3px; padding: 2px; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListView:focus, QTreeView:focus, QTableView:focus,
QTextBrowser:focus, QScrollArea:focus { border: 3px solid palette(highlight); }
"""


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
        outer.addWidget(self._bottom_bar())
        self.setCentralWidget(central)
        self.setStyleSheet(FOCUS_STYLE)
        self._menus()

        for page in self.pages.values():
            page.go_to.connect(self.show_page)
            page.finding_requested.connect(self.show_finding)
            page.scan_requested.connect(self.start_scan)
            page.open_requested.connect(self.open_audit)
            page.print_requested.connect(self.output.print_checklist)
            page.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.welcome.mode_chosen.connect(self._on_mode_chosen)
        self.scan.scan_finished.connect(self._on_scan_finished)
        self.scan.scan_cancelled.connect(self._on_scan_cancelled)
        self.scan.scan_failed.connect(lambda message: emit(self.scan_stopped, message))
        self.set_welfare(session.welfare)
        self.nav.setCurrentRow(0)
        self.fit_to_screen()

    def _formats(self) -> list[ExportFormat]:
        try:
            return self.engine.formats()
        except Exception:  # the guides are help text; the audit works without them
            log.error("export guides could not be loaded", exc_info=True)  # data files, no evidence
            return []

    def _bottom_bar(self) -> QWidget:
        """Back, the page's main action (each page's own button, shown for its page) and Next."""
        bar = QFrame()
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAccessibleName(self.tr("Move through the audit"))
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(12, 6, 12, 6)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous step"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.clicked.connect(self.go_next)
        self.step_label = QLabel()
        self.step_label.setAccessibleName(self.tr("Where you are in the audit"))
        lay.addWidget(self.back_button)
        lay.addWidget(self.step_label, 1, Qt.AlignmentFlag.AlignCenter)
        self.main_actions: dict[str, QPushButton] = {}
        for key, page in self.pages.items():
            button = page.main_button
            if button is not None:
                button.setAutoDefault(False)
                button.installEventFilter(self)  # its enabled state decides what Enter does
                lay.addWidget(button)
                self.main_actions[key] = button
        lay.addWidget(self.next_button)
        return bar

    def fit_to_screen(self) -> None:
        """Open at a comfortable size that fits the screen's free area, whatever its size."""
        # typed as never None, but a window not yet shown on a headless session can have no screen
        screen = cast("QScreen | None", self.screen()) or cast("QScreen | None", QGuiApplication.primaryScreen())
        self.setMinimumSize(MINIMUM_SIZE)
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        free = screen.availableGeometry()
        frame = 40  # room for the window's own title bar and border, drawn outside the client area
        width = max(MINIMUM_SIZE.width(), min(PREFERRED_SIZE.width(), free.width() - 16))
        height = max(MINIMUM_SIZE.height(), min(PREFERRED_SIZE.height(), free.height() - frame))
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2, free.y() + max(0, (free.height() - height - frame) // 2))

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
            self._update_bar()
            if not self.nav.hasFocus():  # arrowing through the list keeps the focus in the list
                self.default_button().setFocus(Qt.FocusReason.OtherFocusReason)
            page = self.stack.currentWidget()
            if isinstance(page, Page):
                page.shown()

    def next_key(self) -> str | None:
        """The page Next leads to (None on the last)."""
        index = self.PAGE_KEYS.index(self.current_page()) + 1
        while index < len(self.PAGE_KEYS) and self.PAGE_KEYS[index] in SKIPPED_BY_NEXT:
            index += 1
        return self.PAGE_KEYS[index] if index < len(self.PAGE_KEYS) else None

    def back_key(self) -> str | None:
        index = self.PAGE_KEYS.index(self.current_page()) - 1
        while index >= 0 and self.PAGE_KEYS[index] in SKIPPED_BY_NEXT:
            index -= 1
        return self.PAGE_KEYS[index] if index >= 0 else None

    def go_next(self) -> None:
        key = self.next_key()
        if key is not None:
            self.show_page(key)

    def go_back(self) -> None:
        key = self.back_key()
        if key is not None:
            self.show_page(key)

    def main_action(self) -> QPushButton | None:
        """The current page's main action, when it has one."""
        return self.main_actions.get(self.current_page())

    def default_button(self) -> QPushButton:
        """What Enter presses: the page's main action when it can act, else Next (else Back)."""
        main = self.main_action()
        if main is not None and main.isEnabled():
            return main
        return self.next_button if self.next_button.isEnabled() else self.back_button

    def _update_bar(self) -> None:
        current = self.current_page()
        for key, button in self.main_actions.items():
            button.setVisible(key == current)
        self.back_button.setEnabled(self.back_key() is not None)
        self.next_button.setEnabled(self.next_key() is not None)
        default = self.default_button()
        for button in (self.back_button, self.next_button, *self.main_actions.values()):
            button.setDefault(button is default)
        index = self.PAGE_KEYS.index(current) + 1
        self.step_label.setText(self.tr("Step %1 of %2: %3").replace("%1", str(index)).replace(
            "%2", str(len(self.PAGE_KEYS))).replace("%3", self.pages[current].title))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and watched in self.main_actions.values():
            self._update_bar()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, or else the bar's default (widgets that use Enter
        themselves, such as a list or a text box, have it first)."""
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focused = QApplication.focusWidget()
            if focused is self.nav:  # chose a step in the list: go into it
                self.default_button().setFocus(Qt.FocusReason.OtherFocusReason)
                event.accept()
                return
            target = focused if isinstance(focused, QAbstractButton) and focused.isEnabled() else self.default_button()
            if target.isEnabled() and target.isVisible():
                target.animateClick()
                event.accept()
                return
        super().keyPressEvent(event)

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
        # Widgets under a style sheet keep the font they were polished with: hand the window the
        # application's font (children inherit it) and polish again, so larger text reaches them all.
        self.setFont(QApplication.font())
        self.setStyleSheet(FOCUS_STYLE)
        for label in self.findChildren(ScaledLabel):
            label.refresh_font()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # the system's text size changed
            QTimer.singleShot(0, self, self._refresh_fonts)  # after this event: polishing sends events of its own
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
            "%n file(s). Remove them now, with the session's key?", "", files))
        if answer != QMessageBox.StandardButton.Yes:
            return []
        reports: list[object] = [s.end() for s in leftovers]
        removed = sum(len(getattr(r, "removed", ())) for r in reports)
        failed = [p for r in reports for p in getattr(r, "failed", ())]
        text = self.tr("Removed %n file(s) left by the earlier session, and its key.", "", removed)
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
