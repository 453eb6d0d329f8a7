"""What every page offers the window, and what it announces: the pages' one interface.

The window, the screenshotter (`desktop/app.py`) and any flow built over the pages (a bottom bar
with Back, Next and the page's main action) use only this: a page's `key` and `title`,
`reset()`, `shown()`, `add_to_scan()`, `show_finding()` and the signals below, plus the few
typed actions a page declares for the menus (documented on the page). They never reach into
a page's widgets.

A scan is asked for with a `ScanRequest`: each page adds its part (the exports and the
text-in-photos choice from the Add page, the public profiles from the Stranger page), so the
window gathers one request without knowing which page holds what.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from checks.records import InputSummary, Item
from desktop.pages.common import heading, paragraph


class PageKey(enum.StrEnum):
    """The pages, in the order the person meets them."""

    WELCOME = "welcome"
    FORMATS = "formats"
    ADD = "add"
    STRANGER = "stranger"
    SCAN = "scan"
    OVERVIEW = "overview"
    FINDINGS = "findings"
    CHECKLIST = "checklist"
    OUTPUT = "output"


@dataclass(frozen=True)
class PublicProfiles:
    """What the public-profile check saw: the report's inputs, and a factory of their items."""

    inputs: tuple[InputSummary, ...]
    items: Callable[[int], Iterable[Item]]


@dataclass(frozen=True)
class ScanRequest:
    """Everything one scan needs: the exports, whether to read text in photos, public profiles."""

    paths: tuple[Path, ...] = ()
    ocr: bool = False
    profiles: PublicProfiles | None = None

    @property
    def empty(self) -> bool:
        return not self.paths and not (self.profiles and self.profiles.inputs)

    def options(self) -> dict[str, Any]:
        """The keywords of `checks.audit` beyond the paths (only those asked for)."""
        out: dict[str, Any] = {}
        if self.ocr:
            out["ocr"] = True
        if self.profiles is not None and self.profiles.inputs:
            out["extra_items"] = self.profiles.items
            out["extra_inputs"] = list(self.profiles.inputs)
        return out


class Page(QWidget):
    """A page: a heading and a body that scrolls when the text is large.

    Signals:
        go_to(str): show another page (a PageKey value).
        finding_requested(str): show this finding (its id) wherever findings are shown.
        scan_requested(): scan now, with what every page adds to the request.
        open_requested(str): open a saved audit ("" to choose one).
        print_requested(): print the plan now (the window hands it to the page that prints).
        notice(str): a short message for the status bar.

    `main_button` (from `add_main_action`) is the page's main action; the window shows it in its
    bottom bar beside Back and Next, and Enter presses it when it can act.
    """

    key: ClassVar[PageKey]

    go_to = Signal(str)
    finding_requested = Signal(str)
    scan_requested = Signal()
    open_requested = Signal(str)
    print_requested = Signal()
    notice = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None, intro: str = "") -> None:
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
        if intro:
            self.body.addWidget(paragraph(intro))
        self.scroll_area.setWidget(inner)
        self.main_button: QPushButton | None = None

    def add_main_action(self, text: str, accessible_name: str) -> QPushButton:
        """The page's main action (scan, print): off until it can act.

        Kept as `main_button`: the window's bottom bar shows it beside Back and Next.
        """
        button = QPushButton(text)
        button.setAccessibleName(accessible_name)
        button.setDefault(True)
        button.setEnabled(False)
        self.main_button = button  # not in the page's body: the window's bottom bar holds it
        return button

    def shown(self) -> None:
        """The page was brought forward."""

    def reset(self) -> None:
        """Forget what the person gave or saw on this page (the session ended)."""

    def add_to_scan(self, request: ScanRequest) -> ScanRequest:
        """This page's part of the next scan (most pages add nothing)."""
        return request

    def show_finding(self, finding_id: str) -> bool:
        """Bring a finding forward; True when this page shows it (most pages show none)."""
        return False
