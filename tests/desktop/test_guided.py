"""The guided flow: keyboard only from launch to a printed plan, a bottom bar with no dead ends,
a window that fits 1024x768 and 1366x768 at normal and 150 % text, and results that move."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from desktop.app import build_window
from desktop.models import FindingsModel
from desktop.pages.base import PageKey
from desktop.window import MainWindow
from tests.desktop.conftest import HeldEngine, make_report

TIMEOUT = 30_000
SCREENS = [(1024, 768), (1366, 768)]


def _window(qtbot, engine: HeldEngine) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(engine)
    qtbot.addWidget(window)
    with qtbot.waitActive(window, timeout=5000):
        window.show()
        window.activateWindow()  # the keyboard's focus goes to the active window
    return window


class Keys:
    """Presses keys on whatever has the keyboard focus, as a person would, and counts them."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.count = qtbot, 0

    def press(self, key: Qt.Key = Qt.Key.Key_Return) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None, "something always has the keyboard focus"
        QTest.keyClick(focused, key)
        self.count += 1
        self.qtbot.wait(150)  # the pressed button's short animation, then its click


def test_keyboard_only_from_launch_to_a_printed_plan(qtbot, x_export: tuple[Path, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    export, photo = x_export
    engine = HeldEngine(lambda _p: make_report(export, photo), steps=4)
    pdf = tmp_path / "plan.pdf"
    dialogs: list[str] = []

    def choose_export(*_args: object, **_kwargs: object) -> tuple[list[str], str]:
        dialogs.append("open")  # the person picks the file in the dialog (Enter)
        return [str(export)], ""

    def print_to_file(dialog: QPrintDialog) -> QDialog.DialogCode:
        dialogs.append("print")  # the person chooses "Print to file" and presses Enter
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(pdf))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose_export)
    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    window = _window(qtbot, engine)
    keys = Keys(qtbot)
    assert window.current_page() == PageKey.WELCOME
    keys.press()  # "On my own" has the focus
    assert window.current_page() == PageKey.FORMATS
    keys.press()  # Next
    assert window.current_page() == PageKey.ADD
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        keys.press()  # "Add files…" has the focus; the dialog opens
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        keys.press()  # Scan, now the default and focused
    assert window.current_page() == PageKey.OVERVIEW
    keys.press()  # Next
    assert window.current_page() == PageKey.FINDINGS
    keys.press()  # Next
    assert window.current_page() == PageKey.CHECKLIST
    keys.press()  # Print your plan: the main action
    assert dialogs == ["open", "print"]
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert keys.count == 7  # seven presses of Enter, plus one in each of the two dialogs
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Your privacy plan" in text and "Where to get help" in text


def test_the_focus_ring_is_drawn_and_every_step_has_a_way_on(qtbot, engine: HeldEngine) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, engine)
    assert ":focus" in window.styleSheet() and "palette(highlight)" in window.styleSheet()
    for key in window.PAGE_KEYS:
        window.show_page(key)
        default = window.default_button()
        assert default.isEnabled() and default.isVisible(), key  # Enter always does something
        assert window.back_button.isEnabled() or window.next_button.isEnabled(), key
        assert default.isDefault()
    window.show_page(PageKey.OUTPUT)
    assert not window.next_button.isEnabled() and window.back_button.isEnabled()
    window.show_page(PageKey.STRANGER)
    assert window.next_key() == PageKey.OVERVIEW  # Next passes over Scanning, shown when a scan runs
    window.show_page(PageKey.OVERVIEW)
    assert window.back_key() == PageKey.STRANGER


def test_enter_on_the_step_list_goes_into_the_step(qtbot, engine: HeldEngine) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, engine)
    window.nav.setFocus()
    QTest.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page() == PageKey.FORMATS and window.nav.hasFocus()  # arrows stay in the list
    QTest.keyClick(window.nav, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.default_button()


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        self.rect = QRect(0, 0, width, height - 32)  # less a panel

    def availableGeometry(self) -> QRect:
        return self.rect


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_window_sizes_itself_to_the_screen(qtbot, engine: HeldEngine, width: int, height: int,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, engine)
    monkeypatch.setattr(window, "screen", lambda: _Screen(width, height))
    window.fit_to_screen()
    assert window.width() <= width and window.height() + 40 <= height - 32


def _inside(widget: QWidget, window: MainWindow) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_page_fits_and_scrolls_at_laptop_sizes_and_large_text(qtbot, x_export: tuple[Path, str],  # type: ignore[no-untyped-def]
                                                                    qapp, width: int, height: int,
                                                                    scale: float) -> None:
    font = QFont(qapp.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    qapp.setFont(font)
    export, photo = x_export
    window = _window(qtbot, HeldEngine(lambda _p: make_report(export, photo), steps=4))
    window.resize(width, height - 72)  # the screen less a panel and the window's title bar
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([export])
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.start_scan()
    for key, page in window.pages.items():
        window.show_page(key)
        qtbot.wait(20)
        assert window.minimumSizeHint().width() <= width, key
        for button in (window.back_button, window.next_button, window.default_button()):
            assert _inside(button, window), (key, button.text())  # reachable without maximising
        bar = page.scroll_area.verticalScrollBarPolicy()
        assert bar != Qt.ScrollBarPolicy.ScrollBarAlwaysOff, key  # it scrolls when it must
        if page.scroll_area.widget().minimumSizeHint().height() > page.scroll_area.viewport().height():
            assert page.scroll_area.verticalScrollBar().maximum() > 0, key
    window.show_page(PageKey.FINDINGS)
    qtbot.wait(50)
    title = window.findings.table.columnWidth(FindingsModel.TITLE)
    assert title >= window.fontMetrics().averageCharWidth() * 24  # the title stays readable


def test_ticking_steps_moves_the_score_and_the_first_five_end_in_a_done_moment(qtbot, x_export: tuple[Path, str],  # type: ignore[no-untyped-def]
                                                                                 ) -> None:
    export, photo = x_export
    window = _window(qtbot, HeldEngine(lambda _p: make_report(export, photo), steps=4))
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([export])
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.start_scan()
    page = window.overview
    before = int(page.score.text())
    cards = [c for c in page.cards if c.isVisibleTo(window)]
    assert cards and not page.celebrate.isVisibleTo(window)
    cards[0].done_button.click()
    after = int(page.score.text())
    assert after < before and page.gauge.before == before
    assert str(before) in page.moved.text()
    for card in cards[1:]:
        card.done_button.click()
    assert page.celebrate.isVisibleTo(window)
    assert f"from {before} to {page.score.text()}" in page.celebrate_text.text()
    window.session.dismiss("f-work", True)  # "not a problem" lowers it too
    assert int(page.score.text()) <= int(page.celebrate_text.text().split(" to ")[1].split(".")[0])


def test_the_same_score_in_the_window_the_printout_and_a_reopened_audit(qtbot, x_export: tuple[Path, str],  # type: ignore[no-untyped-def]
                                                                          tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) missing")
    export, photo = x_export
    engine = HeldEngine(lambda _p: make_report(export, photo), steps=4)
    window = _window(qtbot, engine)
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([export])
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.start_scan()
    scanned = window.overview.score.text()
    window.overview.cards[0].done_button.click()
    shown = window.overview.score.text()
    assert int(shown) < int(scanned)

    task = window.output.write("pdf", tmp_path / "plan.pdf")
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    first = subprocess.run(["pdftotext", "-raw", "-f", "1", "-l", "1", str(tmp_path / "plan.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert f"\n{shown}\n" in f"\n{first}" and f"It was {scanned} when you scanned" in " ".join(first.split())

    saved = tmp_path / "audit.offduty"
    task = window.output.save(saved, "a long enough passphrase")
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=TIMEOUT):
        pass
    again = _window(qtbot, engine)
    with qtbot.waitSignal(again.report_ready, timeout=TIMEOUT):
        again.load_audit(saved, "a long enough passphrase")
    assert again.overview.score.text() == shown
