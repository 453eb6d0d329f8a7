"""Print and save: print the plan (the main action), write it as PDF or HTML (the same renderers as
the command line), save the audit encrypted, and open a saved one. The plan is short by default:
only the person's phone (asked here) and the steps the exports showed a need for; "print
everything" gives the whole catalogue. File work runs on the worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checks.records import Report
from checks.report.checklist_model import PlanOptions
from desktop import printing
from desktop.engine import Engine
from desktop.pages.base import Page, PageKey
from desktop.pages.common import heading, paragraph
from desktop.qtcompat import emit
from desktop.session import Session
from desktop.worker import Task, TaskRunner


class PassphraseDialog(QDialog):
    """Asks for a passphrase (twice when setting one). Never logged, never stored."""

    def __init__(self, parent: QWidget | None, confirm: bool, required: bool, minimum: int = 8) -> None:
        super().__init__(parent)
        self.minimum = minimum
        self.setWindowTitle(self.tr("Passphrase"))
        self.required = required
        lay = QVBoxLayout(self)
        lay.addWidget(paragraph(self.tr(
            "Choose a passphrase for this audit and keep it safe: without it the file cannot be opened, "
            "by you or anyone else.") if confirm else self.tr("Enter the passphrase for this audit.")))
        if confirm and not required:
            lay.addWidget(paragraph(self.tr(
                "Or leave it empty: the audit is then locked with a key kept in this computer’s keyring, and "
                "opens only on this computer, for you.")))
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("Passphrase:"), self.first)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Passphrase again"))
        if confirm:
            form.addRow(self.tr("Again:"), self.second)
        self.confirm = confirm
        lay.addLayout(form)
        self.problem = paragraph()
        lay.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _check(self) -> None:
        if self.confirm and self.first.text() != self.second.text():
            self.problem.setText(self.tr("The two passphrases are different."))
        elif self.confirm and (self.required or self.first.text()) and len(self.first.text()) < self.minimum:
            self.problem.setText(self.tr("Use at least %1 characters; a few words are easy to remember.").replace(
                "%1", str(self.minimum)))
        else:
            self.accept()

    def passphrase(self) -> str | None:
        return self.first.text() or None


class OutputPage(Page):
    """Printing and saving; `print_checklist()` and `save_audit()` are the File menu's too.

    Signals (beyond Page's): written(str): a file was written (its path); `notice` says so too.
    """

    key = PageKey.OUTPUT
    written = Signal(str)

    def __init__(self, engine: Engine, runner: TaskRunner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Print and save"), parent, intro=self.tr(
            "Print your checklist to work through it away from the screen, or keep it as a file. Evidence is "
            "masked in printouts unless you choose otherwise. Items you marked “not a problem” are left out."))
        self.engine, self.runner, self.session = engine, runner, session
        self.last_task: Task | None = None
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name for the printout (optional)"))
        self.name.setPlaceholderText(self.tr("Optional"))
        form.addRow(self.tr("Your name on the printout:"), self.name)
        self.reveal = QCheckBox(self.tr("Include the full text of each item (keep the printout safe)"))
        self.reveal.setAccessibleName(self.tr("Include the full evidence in the printout"))
        form.addRow("", self.reveal)
        self.phone = QComboBox()
        self.phone.setAccessibleName(self.tr("Your phone, so the plan has only its steps"))
        self.phone.addItem(self.tr("Not sure: print both"), None)
        self.phone.addItem(self.tr("iPhone"), "iphone")
        self.phone.addItem(self.tr("Android"), "android")
        form.addRow(self.tr("Your phone:"), self.phone)
        self.everything = QCheckBox(self.tr("Print everything: every step for every platform (many more pages)"))
        self.everything.setAccessibleName(self.tr("Print everything, the whole catalogue"))
        form.addRow("", self.everything)
        self.body.addLayout(form)

        grid = QGridLayout()
        self.print_button = self.add_main_action(self.tr("Print your plan…"), self.tr("Print your plan"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.html_button = QPushButton(self.tr("Save as a web page (HTML)…"))
        self.save_button = QPushButton(self.tr("Save the audit (encrypted)…"))
        self.open_button = QPushButton(self.tr("Open a saved audit…"))
        grid.addWidget(heading(self.tr("Your plan as a file"), 2), 0, 0, 1, 3)
        grid.addWidget(self.pdf_button, 1, 0)
        grid.addWidget(self.html_button, 1, 1)
        grid.addWidget(heading(self.tr("Your audit"), 2), 2, 0, 1, 3)
        grid.addWidget(self.save_button, 3, 0)
        grid.addWidget(self.open_button, 3, 1)
        for b in (self.pdf_button, self.html_button, self.save_button, self.open_button):
            b.setAccessibleName(b.text().rstrip("…"))
        self.body.addLayout(grid)
        self.save_note = paragraph(self.tr(
            "A saved audit is encrypted. Save it to compare next time: Offduty then tells you how many things "
            "you have fixed since."))
        self.body.addWidget(self.save_note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.body.addWidget(self.status)
        self.body.addStretch(1)

        self.print_button.clicked.connect(self.print_checklist)
        self.pdf_button.clicked.connect(lambda: self._choose_and_write("pdf"))
        self.html_button.clicked.connect(lambda: self._choose_and_write("html"))
        self.save_button.clicked.connect(self.save_audit)
        self.open_button.clicked.connect(lambda: emit(self.open_requested, ""))
        session.report_changed.connect(self.refresh)
        session.welfare_changed.connect(self.refresh)
        self.refresh()

    def reset(self) -> None:
        """No name and no full text left for the next person."""
        self.name.clear()
        self.reveal.setChecked(False)
        self.phone.setCurrentIndex(0)
        self.everything.setChecked(False)

    def refresh(self) -> None:
        has = self.session.report is not None
        for b in (self.print_button, self.pdf_button, self.html_button, self.save_button):
            b.setEnabled(has)
        if not has:
            self.status.setText(self.tr("Nothing to print yet. Scan your exports or open a saved audit."))
        else:
            self.status.setText("")
        if self.session.welfare:
            session_only = self.tr(
                " Without one it is locked with this session's own key and deleted, with the key, when the "
                "session ends.") if self.engine.keyring_available() else ""
            self.save_note.setText(self.tr(
                "In a welfare session nothing is kept unless you save it here: with a passphrase only you know, "
                "the audit is yours to keep.") + session_only + self.tr(
                " Printouts and files saved in this session are removed when the session ends."))

    def _options(self) -> QFileDialog.Option:
        return QFileDialog.Option.DontUseNativeDialog if self.session.welfare else QFileDialog.Option(0)

    def plan_options(self) -> PlanOptions:
        """What to print: only the chosen phone's steps, or everything."""
        return PlanOptions(everything=self.everything.isChecked(), phone=self.phone.currentData())

    def person_name(self) -> str | None:
        return self.name.text().strip() or None

    def _report(self) -> Report | None:
        return self.session.visible_report()

    def print_checklist(self) -> None:
        """Open the print dialog for the checklist (nothing to print before a scan)."""
        report = self._report()
        if report is None:
            return
        # The print dialog belongs on the GUI thread.
        printing.print_report(report, self, reveal=self.reveal.isChecked(), name=self.person_name(),
                              options=self.plan_options(), record=self.session.wrote)  # a file is recorded

    def _choose_and_write(self, kind: str) -> None:
        title = self.tr("Save the checklist as PDF") if kind == "pdf" else self.tr("Save the checklist as a web page")
        pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Web page (*.html)")
        name, _ = QFileDialog.getSaveFileName(self, title, f"offduty-checklist.{kind}", pattern,
                                              options=self._options())
        if name:
            path = Path(name)
            if path.suffix.lower() != f".{kind}":
                path = path.with_name(path.name + f".{kind}")
            self.write(kind, path)

    def write(self, kind: str, path: Path) -> Task | None:
        """Write the checklist as `kind` ("pdf" or "html") to `path` on the worker."""
        report = self._report()
        if report is None:
            return None
        reveal, name, options = self.reveal.isChecked(), self.person_name(), self.plan_options()
        writer = self.engine.write_pdf if kind == "pdf" else self.engine.write_html
        self.status.setText(self.tr("Writing…"))
        if self.session.welfare:  # on the session's list before it exists, so a crash still leaves a trace
            self.session.wrote(path)
        self.last_task = self.runner.start(f"write-{kind}",
                                           lambda _ctx: writer(report, path, reveal, name, options=options),
                                           on_finished=lambda _r: self._on_written(path),
                                           on_failed=self.status.setText)
        return self.last_task

    def _on_written(self, path: Path) -> None:
        self.session.wrote(path)
        self._said(self.tr("Saved to %1").replace("%1", str(path)), path)

    def _said(self, text: str, path: Path) -> None:
        self.status.setText(text)
        emit(self.notice, text)
        emit(self.written, str(path))

    def save_audit(self) -> None:
        """Ask where and how to lock the audit, then save it (nothing to save before a scan)."""
        if self.session.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the audit"), "my-audit.offduty",
                                              self.tr("Offduty audit (*.offduty)"), options=self._options())
        if not name:
            return
        keyring = self.engine.keyring_available()
        session_only = self.session.welfare and keyring and self.session.session_key is not None
        required = not keyring or (self.session.welfare and not session_only)
        dialog = PassphraseDialog(self, confirm=True, required=required, minimum=self.engine.min_passphrase)
        if session_only:
            dialog.problem.setText(self.tr(
                "Leave it empty to keep the audit for this session only: ending the session deletes it and "
                "its key. With a passphrase it is yours to keep."))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = Path(name)
        if path.suffix != ".offduty":
            path = path.with_name(path.name + ".offduty")
        self.save(path, dialog.passphrase())

    def save(self, path: Path, passphrase: str | None) -> Task | None:
        report, state = self.session.report, self.session.state
        if report is None:
            return None
        self.status.setText(self.tr("Saving…"))
        key_name = self.session.session_key if passphrase is None else None
        if key_name:  # recorded before writing, so a crash part-way still leaves it on the list
            self.session.wrote(path, encrypted=True)
        self.last_task = self.runner.start(
            "save", lambda _ctx: self.engine.save(report, path, passphrase, state, key_name),
            on_finished=lambda _r: self._on_saved(path, session_only=bool(key_name)), on_failed=self.status.setText)
        return self.last_task

    def _on_saved(self, path: Path, session_only: bool = False) -> None:
        if session_only:
            self._said(self.tr("Audit saved, encrypted with this session's key, to %1. Ending the "
                               "session deletes it.").replace("%1", str(path)), path)
            return
        self.session.wrote(path, keep=True)
        self._said(self.tr("Audit saved, encrypted, to %1").replace("%1", str(path)), path)
