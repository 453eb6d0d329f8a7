"""The app's composition root: `run_app()` makes the QApplication, the engine, the worker and the
window, loads the translation for the system's language, and runs (or takes screenshots).

`offduty --demo --screenshot DIR` opens the window on the demo export, runs the scan to the end,
saves one PNG per page in DIR and quits with 0.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from checks.records import Message, msg
from checks.report.words import say
from checks.resources import resource_path
from checks.version import __version__
from desktop.engine import Engine
from desktop.pages.base import PageKey
from desktop.pages.overview import first_steps
from desktop.session import Session
from desktop.window import MainWindow
from desktop.worker import TaskRunner

log = logging.getLogger(__name__)
APP_ID = "uk.offduty.Offduty"
SMALLEST = QSize(1024, 768)


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt), named and translated."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv[:1]))
    QApplication.setApplicationName("Offduty")
    QApplication.setApplicationDisplayName("Offduty")
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("Offduty")
    QGuiApplication.setDesktopFileName(APP_ID)
    install_translators(app)
    return app


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Offduty's own strings and Qt's (buttons, dialogs) in the system's language, where shipped."""
    if getattr(app, "_offduty_translators", None):
        return list(app._offduty_translators)  # type: ignore[attr-defined]
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    try:
        folder = str(resource_path("translations"))
    except FileNotFoundError:
        folder = ""
    # UK English is the source language; its file also carries the plural forms ("%n minute(s)"),
    # so it is the fallback for any language Offduty has no translation for.
    if folder and (ours.load(locale, "offduty", "_", folder) or ours.load("offduty_en_GB", folder)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    app._offduty_translators = installed  # type: ignore[attr-defined]
    return installed


def build_window(engine: Engine | None = None, welfare: bool = False) -> MainWindow:
    """The window with its dependencies (tests call this with their own engine)."""
    engine = engine or Engine()
    session = Session(welfare=welfare)
    runner = TaskRunner()
    window = MainWindow(engine, runner, session)
    runner.setParent(window)
    session.setParent(window)
    return window


class Screenshotter:
    """Visits every page once the demo scan is done and saves `NN-<page>.png` in a folder."""

    def __init__(self, app: QApplication, window: MainWindow, folder: Path) -> None:
        self.app, self.window, self.folder = app, window, folder
        self.queue = list(window.PAGE_KEYS)
        self.status = 0
        self.saved: list[Path] = []

    def start(self) -> None:
        # The window fits its screen; a screen smaller than the smallest laptop's (as the offscreen
        # platform's 800x600) is shown at 1024x768, the size the pages are checked at.
        if self.window.width() < SMALLEST.width() or self.window.height() < SMALLEST.height() - 40:
            self.window.resize(SMALLEST.width(), SMALLEST.height() - 40)
        self.window.report_ready.connect(self._next)
        self.window.scan_stopped.connect(self._failed)

    def _failed(self, *_args: object) -> None:
        _complain(msg("cli.demo_not_finished"))
        self.status = 1
        self._next()

    def _next(self) -> None:
        if not self.queue:
            self.app.exit(self.status)
            return
        key = self.queue.pop(0)
        self.window.show_page(key)
        self._stage(key)
        # Let the layout settle (one event-loop turn), then grab.
        QTimer.singleShot(150, lambda k=key: self._grab(k))

    def _stage(self, key: str) -> None:
        """Show each new part doing its job: example profiles (never fetched), two of the first five
        ticked (the score moves), a place's drawing."""
        if key == PageKey.STRANGER:
            self.window.stranger.set_targets(["https://x.com/sam_h_se23", "@samh@mastodon.example"])
        elif key == PageKey.OVERVIEW and self.window.session.report is not None:
            for entry in first_steps(self.window.session.report)[:2]:  # the score moving as steps are done
                self.window.session.tick(entry.advice, True)
        elif key == PageKey.FINDINGS and self.window.session.report is not None:
            drawn = next((f for f in self.window.session.report.findings if f.place and f.points), None)
            if drawn is not None:
                self.window.show_finding(drawn.id)

    def _grab(self, key: str) -> None:
        index = self.window.PAGE_KEYS.index(key) + 1
        path = self.folder / f"{index:02d}-{key}.png"
        if not self.window.grab().save(str(path)):
            _complain(msg("cli.screenshot_not_written", path=str(path)))
            self.status = 1
        else:
            self.saved.append(path)
        self._next()


def _complain(message: Message | str) -> None:
    """One line on standard error, in the person's language."""
    sys.stderr.write(f"offduty: {say(message)}\n")


def run_app(paths: Sequence[Path] = (), demo: bool = False, screenshot_dir: str | None = None,
            welfare: bool = False) -> int:
    """Open the window (the `offduty` command without a subcommand). Returns the exit status."""
    app = make_application()
    engine = Engine()
    window = build_window(engine, welfare=welfare)
    window.show()
    if not screenshot_dir:
        QTimer.singleShot(0, window.offer_leftover_cleanup)
    start: list[Path] = list(paths)
    if demo:
        try:
            start = [*engine.demo_paths(), *start]
        except Exception as exc:
            _complain(str(exc))
            if screenshot_dir:
                return 1
    shooter: Screenshotter | None = None
    if screenshot_dir:
        folder = Path(screenshot_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _complain(msg("cli.screenshot_folder", path=str(folder), error=exc.strerror or type(exc).__name__))
            return 1
        shooter = Screenshotter(app, window, folder)
        shooter.start()
        window.add.described.connect(lambda: window.start_scan())  # scan the demo once it is recognised
    if start:
        window.show_page(PageKey.ADD)
        window.add.add_paths(start)
    status = app.exec()
    window.close()
    window.runner.wait(5000)
    # Delete the window while Qt is still up: left to interpreter shutdown, PySide 6.12 can crash.
    shiboken6.delete(window)
    return shooter.status if shooter else int(status)
