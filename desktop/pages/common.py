"""Small building blocks the pages share: a page with a heading, wrapped text, sizes in words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
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


class Page(QWidget):
    """A page: a heading and a body that scrolls when the text is large."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        self.heading = heading(title)
        self.body.addWidget(self.heading)
        self.scroll_area.setWidget(inner)

    def shown(self) -> None:
        """Called when the page is brought forward."""


def select_first_row(table: QAbstractItemView) -> None:
    """Select a table's first row without scrolling to it (scrolling would lay out every row now)."""
    model = table.model()
    if model is not None and model.rowCount() and not table.selectionModel().hasSelection():
        flags = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(model.index(0, 0), flags.ClearAndSelect | flags.Rows)
