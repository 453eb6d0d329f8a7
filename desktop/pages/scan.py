"""Scan: the audit runs on a worker; this page shows progress per export and overall, the time
remaining, and a Cancel that really stops the engine (its CancelToken)."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QProgressBar, QPushButton, QTreeWidget, QTreeWidgetItem, QWidget

from checks.progress import Progress, Stage
from checks.records import Report
from checks.report.words import say
from desktop.engine import Engine
from desktop.pages.base import Page, PageKey, ScanRequest
from desktop.pages.common import button_row, paragraph
from desktop.qtcompat import emit
from desktop.worker import Task, TaskContext, TaskRunner


class ScanPage(Page):
    """Runs a ScanRequest (`start`) and shows how far it is; `running` while it does.

    Signals (beyond Page's):
    scan_finished(object): the Report.
    scan_cancelled(object): the partial Report or None.
    scan_failed(str): a plain message.
    """

    key = PageKey.SCAN
    scan_finished = Signal(object)
    scan_cancelled = Signal(object)
    scan_failed = Signal(str)

    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Scanning"), parent, intro=self.tr(
            "Offduty is reading your exports on this computer. You can keep using the window; "
            "nothing is sent anywhere."))
        self.engine, self.runner = engine, runner
        self.task: Task | None = None
        self.started = 0.0
        self.overall = QProgressBar()
        self.overall.setRange(0, 1000)
        self.overall.setAccessibleName(self.tr("Overall progress"))
        self.overall.setFormat("%p%")
        self.body.addWidget(self.overall)
        self.stage = paragraph(self.tr("Not started"))
        self.stage.setAccessibleName(self.tr("What is happening"))
        self.body.addWidget(self.stage)
        self.eta = paragraph("")
        self.eta.setAccessibleName(self.tr("Time remaining"))
        self.body.addWidget(self.eta)
        self.exports = QTreeWidget()
        self.exports.setAccessibleName(self.tr("Progress per export"))
        self.exports.setRootIsDecorated(False)
        self.exports.setHeaderLabels([self.tr("Export"), self.tr("Progress"), self.tr("Read so far")])
        self.exports.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.exports.setMinimumHeight(160)
        self.body.addWidget(self.exports, 1)
        self.cancel_button = QPushButton(self.tr("Cancel scan"))
        self.cancel_button.setAccessibleName(self.tr("Cancel scan"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.body.addLayout(button_row(self.cancel_button, end=True))
        self.rows: dict[int, QTreeWidgetItem] = {}

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, request: ScanRequest) -> Task:
        """Scan what the request holds (the exports, text in photos, public profiles)."""
        self.reset()
        for i, path in enumerate(request.paths):
            self.rows[i] = QTreeWidgetItem([path.name, self.tr("Waiting"), ""])
            self.exports.addTopLevelItem(self.rows[i])
        self.stage.setText(self.tr("Starting…"))
        self.started = time.monotonic()
        self.cancel_button.setEnabled(True)
        self.task = self.runner.start("scan", lambda ctx: self._work(ctx, request),
                                      on_progress=self._on_progress, on_finished=self._on_finished,
                                      on_cancelled=self._on_cancelled, on_failed=self._on_failed)
        return self.task

    def _work(self, ctx: TaskContext, request: ScanRequest) -> Report:
        return self.engine.audit(list(request.paths), progress=ctx.report, cancel=ctx.cancel, **request.options())

    def reset(self) -> None:
        """Empty rows and bars (a new scan, or the session ended)."""
        self.exports.clear()
        self.rows = {}
        self.overall.setValue(0)
        self.stage.setText(self.tr("Not started"))
        self.eta.setText("")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.stage.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)

    def _row_for(self, p: Progress) -> QTreeWidgetItem | None:
        if p.input_index < 0:
            return None
        row = self.rows.get(p.input_index)
        if row is None:
            row = QTreeWidgetItem([p.input_label, "", ""])
            self.rows[p.input_index] = row
            self.exports.addTopLevelItem(row)
        elif p.input_label:
            row.setText(0, p.input_label)
        return row

    def _on_progress(self, p: object) -> None:
        if not isinstance(p, Progress):
            return
        self.overall.setValue(int(max(0.0, min(1.0, p.fraction)) * 1000))
        stage = say(p.stage.message)
        self.stage.setText(f"{stage}: {p.input_label}" if p.input_label else stage)
        row = self._row_for(p)
        if row is not None:
            for i, other in self.rows.items():
                if i < p.input_index and other.text(1) != self.tr("Done"):
                    other.setText(1, self.tr("Done"))
            row.setText(1, f"{int(p.input_fraction * 100)}%" if p.stage is Stage.READING else stage)
            if p.items:
                row.setText(2, f"{p.items:,}")
        elapsed = time.monotonic() - self.started
        if p.fraction > 0.05 and elapsed > 2:
            self.eta.setText(self.remaining_text(elapsed * (1 - p.fraction) / p.fraction))

    def remaining_text(self, seconds: float) -> str:
        if seconds < 10:
            return self.tr("A few seconds left")
        if seconds < 90:
            return self.tr("About %1 seconds left").replace("%1", str(int(round(seconds / 10.0) * 10)))
        return self.tr("About %n minute(s) left", "", round(seconds / 60.0))

    def _finish_rows(self, text: str) -> None:
        for row in self.rows.values():
            if row.text(1) not in (self.tr("Done"),):
                row.setText(1, text)
        self.cancel_button.setEnabled(False)
        self.eta.setText("")

    def _on_finished(self, report: object) -> None:
        self._finish_rows(self.tr("Done"))
        if isinstance(report, Report):
            for i, summary in enumerate(report.inputs):
                row = self.rows.get(i)
                if row is not None:
                    row.setText(2, f"{summary.items:,}")
                    if not summary.readable:
                        row.setText(1, self.tr("Not read: ") + say(summary.message))
        self.overall.setValue(1000)
        self.stage.setText(self.tr("Finished."))
        emit(self.scan_finished, report)

    def _on_cancelled(self, report: object) -> None:
        self._finish_rows(self.tr("Stopped"))
        self.stage.setText(self.tr("Scan stopped. Nothing was saved."))
        emit(self.scan_cancelled, report)

    def _on_failed(self, message: str) -> None:
        self._finish_rows(self.tr("Not read"))
        self.stage.setText(message)
        emit(self.scan_failed, message)
