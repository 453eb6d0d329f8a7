"""Get your exports: per platform, how to ask for your data today and what to do when it arrives.

Generated from `checks.exports.formats.load_formats()` (the same data as `offduty formats`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.base import Page, PageKey


def _text(value: Any) -> str:
    return str(value).strip() if value else ""


def _steps(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable):
        return [str(s) for s in value if str(s).strip()]
    return []


def format_html(fmt: Any) -> str:
    """The page for one export format, as simple HTML (escaped; palette colours only)."""
    title = html.escape(_text(getattr(fmt, "title", "")))
    parts = [f"<h2>{title}</h2>"]
    read = _steps(getattr(fmt, "what_is_read", ()))
    if read:
        parts.append("<p><b>What Offduty reads in it:</b> " + html.escape(", ".join(read)) + "</p>")
    steps = _steps(getattr(fmt, "how_to_request", ()))
    if steps:
        parts.append("<h3>How to ask for it</h3><ol>")
        parts.extend(f"<li>{html.escape(s)}</li>" for s in steps)
        parts.append("</ol>")
    for label, attr in (("What to choose", "choose"), ("How long it takes", "arrives"),
                        ("When it arrives", "then_what")):
        value = getattr(fmt, attr, None)
        lines = _steps(value)
        if lines:
            parts.append(f"<h3>{label}</h3>")
            parts.extend(f"<p>{html.escape(line)}</p>" for line in lines)
    readable = getattr(fmt, "readable", True)
    if readable is False:
        parts.append("<p><i>Offduty recognises this export but cannot read it yet.</i></p>")
    return "".join(parts)


class FormatsPage(Page):
    """How to ask each platform for an export (help text only: it adds nothing to a scan)."""

    key = PageKey.FORMATS

    def __init__(self, formats: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Get your exports"), parent, intro=self.tr(
            "Ask each platform you use for a copy of your data. Choose JSON where it is offered, “all time”, "
            "and include photos and videos if you want their locations checked. Most exports arrive by "
            "email within a day or two; you can come back to Offduty when they do."))
        row = QHBoxLayout()
        self.platforms = QListWidget()
        self.platforms.setAccessibleName(self.tr("Platforms"))
        self.platforms.setMaximumWidth(300)
        self.platforms.setWordWrap(True)
        self.platforms.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("How to get this export"))
        self.detail.setOpenLinks(False)  # opening a browser is the person's choice, not a side effect
        self.detail.setMinimumHeight(320)
        row.addWidget(self.platforms)
        right = QVBoxLayout()
        right.addWidget(self.detail, 1)
        self.help = QPushButton(self.tr("Open the platform’s own help page"))
        self.help.setAccessibleName(self.tr("Open the platform's own help page in your web browser"))
        self.help.clicked.connect(self._on_help)
        right.addWidget(self.help, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(right, 1)
        self.body.addLayout(row, 1)
        self.formats = formats
        for fmt in formats:
            item = QListWidgetItem(_text(getattr(fmt, "title", "")) or "?")
            item.setData(Qt.ItemDataRole.UserRole, fmt)
            self.platforms.addItem(item)
        self.platforms.currentItemChanged.connect(self._on_current)
        if formats:
            self.platforms.setCurrentRow(0)
        else:
            self.platforms.hide()
            self.help.hide()
            self.detail.setPlainText(self.tr(
                "The step-by-step guides are not included in this copy of Offduty. In each app, look for "
                "“Download your information” or “Request your data” in the privacy or account settings."))

    def _on_current(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            fmt = item.data(Qt.ItemDataRole.UserRole)
            self.detail.setHtml(format_html(fmt))
            self.help.setVisible(bool(_text(getattr(fmt, "source", ""))))

    def _on_help(self) -> None:
        item = self.platforms.currentItem()
        source = _text(getattr(item.data(Qt.ItemDataRole.UserRole), "source", "")) if item else ""
        if source.startswith("https://"):
            QDesktopServices.openUrl(QUrl(source))  # only when the person clicks
