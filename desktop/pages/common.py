"""Small building blocks the pages share: headings, wrapped text, sizes in words, rows of buttons,
choice lists that keep their choice, and selecting a table's first row without a slow layout."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)


class ScaledLabel(QLabel):
    """A label whose font is a multiple of the application font, kept so when that font changes
    (the system's text size, or a welfare session's larger text). Qt tells only top-level windows
    of an application font change, so the main window calls `refresh_font` on these."""

    def __init__(self, text: str = "", scale: float = 1.0, bold: bool = True) -> None:
        super().__init__(text)
        self.scale, self.bold = scale, bold
        self.refresh_font()

    def refresh_font(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self.scale)
        font.setBold(self.bold)
        self.setFont(font)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self.refresh_font()
        return super().event(event)


def heading(text: str, level: int = 1) -> QLabel:
    """A heading whose size follows the system font (no fixed point sizes)."""
    label = ScaledLabel(text, 1.6 if level == 1 else 1.25)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def paragraph(text: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def select_first_row(table: QAbstractItemView) -> None:
    """Select a table's first row without scrolling to it (scrolling would lay out every row now)."""
    model = table.model()
    if model is not None and model.rowCount() and not table.selectionModel().hasSelection():
        flags = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(model.index(0, 0), flags.ClearAndSelect | flags.Rows)


class FirstRowSelection:
    """Selects a table's first row after its page's content changed, then shows that row.

    Selecting lays the whole table out, so for a hidden page it waits for a later event-loop
    turn (or for the page to be shown); choosing a row meanwhile cancels it.
    """

    def __init__(self, page: QWidget, table: QAbstractItemView, then: Callable[[], None]) -> None:
        self.page, self.table, self.then = page, table, then
        self.pending = False

    def request(self) -> None:
        self.pending = True
        if self.page.isVisible():
            self.run()
        else:
            QTimer.singleShot(0, self.run)

    def run(self) -> None:
        if not self.pending:
            return
        self.pending = False
        select_first_row(self.table)
        self.then()

    def cancel(self) -> None:
        self.pending = False


def record_table(name: str, model: QAbstractItemModel, stretch: int) -> QTableView:
    """A table of records (findings, checklist steps): whole rows chosen one at a time, column
    widths from the first 100 rows (a big report stays quick), column `stretch` taking the room."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(100)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def refill_choices(combo: QComboBox, everything: str, choices: Iterable[tuple[str, str]]) -> None:
    """Replace a filter's choices (label, value) after "everything", keeping the current choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def button_row(*widgets: QWidget, end: bool = False) -> QHBoxLayout:
    """Buttons in a row: at the start of the line, or at its end (a page's main action)."""
    row = QHBoxLayout()
    if end:
        row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    if not end:
        row.addStretch(1)
    return row
