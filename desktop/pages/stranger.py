"""What a stranger sees: the person's own public profiles, fetched as a logged-out visitor.

Optional. The person lists their profile addresses or handles; the page shows exactly what would
be fetched (`checks.web.profile.plan`) and fetches nothing until they confirm. The fetch runs on
the worker; each profile's result is listed in plain words. What was visible joins the next
scan (platform "web"), next to the exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from checks.records import InputSummary
from checks.report.words import say
from desktop.engine import Engine
from desktop.pages.base import Page, PageKey, PublicProfiles, ScanRequest
from desktop.pages.common import button_row, paragraph
from desktop.qtcompat import emit
from desktop.session import Session
from desktop.worker import Task, TaskContext, TaskRunner


class StrangerPage(Page):
    """Adds what the person's public profiles show to a scan; `set_targets()` lists profiles to check.

    Signals (beyond Page's): checked(): the profiles were fetched (results listed; tests wait for it).
    """

    key = PageKey.STRANGER
    checked = Signal()

    def __init__(self, engine: Engine, runner: TaskRunner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What a stranger sees"), parent, intro=self.tr(
            "Optional. Offduty can look at your own profiles the way a stranger would: logged out, from this "
            "computer. List your profile addresses or handles, one per line: X, Instagram, Facebook, LinkedIn, "
            "TikTok, Mastodon (@you@server), Bluesky (you.bsky.social) or your own website. You can skip this."))
        self.engine, self.runner, self.session = engine, runner, session
        self.profiles: PublicProfiles | None = None
        self.task: Task | None = None
        self.rows: list[QTreeWidgetItem] = []
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("e.g. https://x.com/yourname or @you@mastodon.social"))
        self.entry.setAccessibleName(self.tr("A profile address or handle"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add this profile to the list"))
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        self.body.addLayout(row)
        self.targets_edit = QPlainTextEdit()
        self.targets_edit.setAccessibleName(self.tr("Profiles to check, one per line"))
        self.targets_edit.setPlaceholderText(self.tr("Your profiles, one per line"))
        self.targets_edit.setTabChangesFocus(True)
        self.targets_edit.setMaximumHeight(120)
        self.body.addWidget(self.targets_edit)
        self.plan_text = paragraph()
        self.plan_text.setAccessibleName(self.tr("What Offduty would fetch"))
        self.body.addWidget(self.plan_text)
        self.check_button = QPushButton(self.tr("Check these profiles…"))
        self.check_button.setAccessibleName(self.tr("Check these profiles as a logged-out visitor"))
        self.check_button.setEnabled(False)
        self.body.addLayout(button_row(self.check_button))
        self.results = QTreeWidget()
        self.results.setAccessibleName(self.tr("What each profile shows to a stranger"))
        self.results.setRootIsDecorated(False)
        self.results.setHeaderLabels([self.tr("Profile"), self.tr("What a stranger sees")])
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.results.header().resizeSection(0, 300)
        self.results.header().setStretchLastSection(True)
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(140)
        self.body.addWidget(self.results, 1)
        self.status = paragraph(self.tr("Nothing has been fetched. Nothing is, until you say so."))
        self.status.setAccessibleName(self.tr("Status"))
        self.body.addWidget(self.status)
        self.scan_button = self.add_main_action(self.tr("Scan my exports with these"),
                                                self.tr("Scan my exports with these profiles"))

        self.add_button.clicked.connect(self._on_add)
        self.entry.returnPressed.connect(self._on_add)
        self.targets_edit.textChanged.connect(self._on_targets_changed)
        self.check_button.clicked.connect(self.check)
        self.scan_button.clicked.connect(lambda: emit(self.scan_requested))

    def set_targets(self, targets: list[str]) -> None:
        """List these profiles to check (nothing is fetched until the person confirms)."""
        self.targets_edit.setPlainText("\n".join(targets))

    def targets(self) -> list[str]:
        """The profiles listed, in order, without blanks or repeats."""
        lines = (line.strip() for line in self.targets_edit.toPlainText().splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def _on_add(self) -> None:
        text = self.entry.text().strip()
        if text and text not in self.targets():
            current = self.targets_edit.toPlainText().rstrip("\n")
            self.targets_edit.setPlainText(f"{current}\n{text}" if current else text)
        self.entry.clear()

    def _on_targets_changed(self) -> None:
        targets = self.targets()
        self.check_button.setEnabled(bool(targets) and not self.busy)
        lines: list[str] = []
        if targets:
            try:
                lines = self.engine.plan_profiles(targets)
            except Exception:  # made from what was typed; an odd line is not worth a crash
                lines = []
        self.plan_text.setText(self.tr("Offduty would fetch, and only when you say so:") + "\n" + "\n".join(
            f"• {line}" for line in lines) if lines else "")

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def confirm_text(self) -> str:
        return self.tr("Offduty will contact these sites as a logged-out visitor. Nothing from your exports is sent.")

    def confirm(self, lines: list[str]) -> bool:
        """Ask before any request: what will be fetched, and that nothing else is sent."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Check your public profiles"),
                          self.confirm_text(), QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Offduty will fetch:") + "\n" + "\n".join(f"• {line}" for line in lines))
        go = box.addButton(self.tr("Fetch these"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def check(self) -> Task | None:
        """Show the plan, ask, and only then fetch (off the GUI thread)."""
        targets = self.targets()
        if not targets or self.busy:
            return None
        try:
            lines = self.engine.plan_profiles(targets)
        except Exception as exc:  # the plan is made from what was typed; say so plainly
            self.status.setText(self.tr("These could not be understood: %1").replace("%1", type(exc).__name__))
            return None
        if not self.confirm(lines):
            self.status.setText(self.tr("Nothing was fetched."))
            return None
        self.results.clear()
        rows = []
        for given in targets:
            row = QTreeWidgetItem([given, self.tr("Waiting…")])
            row.setToolTip(0, given)
            self.results.addTopLevelItem(row)
            rows.append(row)
        self.rows = rows
        self.status.setText(self.tr("Checking your profiles as a logged-out visitor…"))
        self.check_button.setEnabled(False)
        self.scan_button.setEnabled(False)
        self.task = self.runner.start("profiles", lambda ctx: self._work(ctx, targets),
                                      on_progress=self._on_progress, on_finished=self._on_finished,
                                      on_failed=self._on_failed, on_done=self._on_targets_changed)
        return self.task

    def _work(self, ctx: TaskContext, targets: list[str]) -> tuple[list[Any], Callable[[int], Any]]:
        return self.engine.check_profiles(targets, on_result=lambda i, r: ctx.report((i, r.summary)))

    def _on_progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], InputSummary):
            index, summary = value
            if 0 <= index < len(self.rows):
                self._fill(self.rows[index], summary)

    def _fill(self, row: QTreeWidgetItem, summary: InputSummary) -> None:
        text = say(summary.message)
        row.setText(1, text)
        row.setToolTip(1, text)
        row.setData(1, Qt.ItemDataRole.AccessibleTextRole, text)

    def _on_finished(self, result: object) -> None:
        if not isinstance(result, tuple) or len(result) != 2:
            return
        inputs, items = result
        summaries = tuple(s for s in inputs if isinstance(s, InputSummary))
        self.profiles = PublicProfiles(summaries, items) if callable(items) else None
        for row, summary in zip(self.rows, summaries, strict=False):
            self._fill(row, summary)
        visible = sum(s.items for s in summaries)
        self.status.setText(self.tr("Done. %1 things are visible to anyone; they are checked with your exports "
                                    "when you scan.").replace("%1", str(visible)))
        self.scan_button.setEnabled(bool(self.session.paths) or bool(visible))
        emit(self.checked)

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)
        emit(self.checked)

    def add_to_scan(self, request: ScanRequest) -> ScanRequest:
        """What the profiles showed, checked with the exports (nothing when none were fetched)."""
        return replace(request, profiles=self.profiles) if self.profiles is not None else request

    def reset(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.profiles, self.task = None, None
        self.targets_edit.clear()
        self.entry.clear()
        self.results.clear()
        self.rows = []
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Nothing has been fetched. Nothing is, until you say so."))
