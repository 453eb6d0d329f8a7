"""Welcome: what Offduty does and does not do, and who is using it (alone, or with a welfare officer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QListWidget, QListWidgetItem, QPushButton, QWidget

from desktop.pages.base import Page, PageKey
from desktop.pages.common import button_row, heading, paragraph
from desktop.qtcompat import emit
from desktop.session import Session


class WelcomePage(Page):
    """Who is using Offduty, and earlier audits to open (open_requested).

    Signals (beyond Page's): mode_chosen(bool): True for a session with a welfare officer.
    """

    key = PageKey.WELCOME
    mode_chosen = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Welcome to Offduty"), parent, intro=self.tr(
            "Offduty looks through the data that social media sites let you download about yourself, and "
            "shows what a stranger could learn from it: where you live, that you work for the police, your "
            "family, your routines. Then it gives you a checklist to fix it, one platform at a time."))
        self.session = session
        self.body.addWidget(heading(self.tr("What it does not do"), 2))
        self.body.addWidget(paragraph(self.tr(
            "• Nothing leaves this computer. Offduty does not upload your data or send it anywhere.\n"
            "• It does not log in to your accounts or change anything for you.\n"
            "• It does not keep a copy of your exports. Your audit is only saved if you choose, "
            "and then it is encrypted.")))
        self.body.addWidget(heading(self.tr("Who is using Offduty?"), 2))
        self.alone = QCommandLinkButton(self.tr("On my own"), self.tr(
            "Go through the audit at your own pace. It takes about fifteen minutes once you have your exports."))
        self.alone.setAccessibleName(self.tr("On my own"))
        self.welfare = QCommandLinkButton(self.tr("In a session with a welfare officer"), self.tr(
            "Details stay hidden until you choose to show them, one at a time. Text is larger. Nothing is "
            "remembered, and “End session” removes everything the session wrote."))
        self.welfare.setAccessibleName(self.tr("In a session with a welfare officer"))
        for button in (self.alone, self.welfare):
            button.setCheckable(True)
            button.setAutoExclusive(True)
            self.body.addWidget(button)
        self.alone.clicked.connect(lambda: emit(self.mode_chosen, False))
        self.welfare.clicked.connect(lambda: emit(self.mode_chosen, True))

        self.recent_heading = heading(self.tr("Open an earlier audit"), 2)
        self.body.addWidget(self.recent_heading)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recently saved audits"))
        self.recent.setMaximumHeight(120)
        self.recent.itemActivated.connect(lambda item: emit(self.open_requested, item.text()))
        self.body.addWidget(self.recent)
        self.open_button = QPushButton(self.tr("Open a saved audit…"))
        self.open_button.setAccessibleName(self.tr("Open a saved audit"))
        self.open_button.clicked.connect(lambda: emit(self.open_requested, ""))
        self.body.addLayout(button_row(self.open_button))
        self.body.addStretch(1)
        session.welfare_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        (self.welfare if self.session.welfare else self.alone).setChecked(True)
        self.recent.clear()
        recent: list[Path] = self.session.recent_audits()
        for path in recent:
            QListWidgetItem(str(path), self.recent)
        self.recent.setVisible(bool(recent))

    def shown(self) -> None:
        self.refresh()
        # The keyboard starts on the chosen answer: Enter goes on with it.
        (self.welfare if self.session.welfare else self.alone).setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.refresh()
