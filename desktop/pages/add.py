"""Add exports: drop or pick files and folders; each is recognised off the GUI thread and listed
with its platform, date and size, or with the reason it cannot be read, in plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from checks.pipeline import PlannedInput
from checks.report.checklist_model import short_date
from checks.report.words import say
from desktop.engine import Engine
from desktop.pages.base import Page, PageKey, ScanRequest
from desktop.pages.common import button_row, human_size, paragraph
from desktop.qtcompat import emit
from desktop.session import Session
from desktop.worker import TaskRunner


class AddPage(Page):
    """Adds the readable exports and the text-in-photos choice to a scan; `choose_files()` for the menu.

    Signals (beyond Page's): described(): the list was (re)recognised (tests wait for it).
    """

    key = PageKey.ADD
    described = Signal()

    def __init__(self, engine: Engine, runner: TaskRunner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add your exports"), parent, intro=self.tr(
            "Drag the files or folders you downloaded onto this window, or choose them below. Zip files can "
            "stay zipped. If an export came in several parts, add all of them."))
        self.engine, self.runner, self.session = engine, runner, session
        self.paths: list[Path] = []
        self.planned: list[PlannedInput] = []
        self.setAcceptDrops(True)
        self.add_files = QPushButton(self.tr("Add files…"))
        self.add_folder = QPushButton(self.tr("Add a folder…"))
        self.demo = QPushButton(self.tr("Try the demo export"))
        self.remove = QPushButton(self.tr("Remove from list"))
        for button in (self.add_files, self.add_folder, self.demo, self.remove):
            button.setAccessibleName(button.text().rstrip("…"))
        self.body.addLayout(button_row(self.add_files, self.add_folder, self.demo, self.remove))

        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Exports to scan"))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels([self.tr("Export"), self.tr("Platform"), self.tr("Date"), self.tr("Size"),
                                   self.tr("Can Offduty read it?")])
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 320)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setMinimumHeight(220)
        self.body.addWidget(self.list, 1)
        self.status = paragraph(self.tr("No exports added yet. You can add them now, or come back when they arrive."))
        self.status.setAccessibleName(self.tr("Status"))
        self.body.addWidget(self.status)
        self.ocr = QCheckBox(self.tr(
            "Also read text in photos (house numbers, street signs, number plates) — slower"))
        self.ocr.setAccessibleName(self.tr("Also read text in photos"))
        self.ocr.setChecked(False)
        if engine.ocr_available():
            self.ocr.setToolTip(self.tr("Reads words in your photos on this computer. It takes much longer."))
        else:
            self.ocr.setEnabled(False)
            self.ocr.setToolTip(self.tr("This copy of Offduty cannot read text in photos: the optional "
                                        "text-reading part (rapidocr) is not installed."))
        self.body.addWidget(self.ocr)
        self.scan = self.add_main_action(self.tr("Scan these exports"), self.tr("Scan these exports"))

        self.add_files.clicked.connect(self.choose_files)
        self.add_folder.clicked.connect(self._on_add_folder)
        self.demo.clicked.connect(self._on_demo)
        self.remove.clicked.connect(self._on_remove)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self._on_remove)
        self.scan.clicked.connect(self._on_scan)

    def _dialog_options(self) -> QFileDialog.Option:
        # Native dialogs may add the chosen files to the desktop's "recent files"; not in a welfare session.
        return QFileDialog.Option.DontUseNativeDialog if self.session.welfare else QFileDialog.Option(0)

    def choose_files(self) -> None:
        """Ask for export files (the File menu's "Add exports…" too)."""
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose export files"), "",
                                                self.tr("Exports (*.zip *.json *.js *.csv *.html *.gpx *.fit "
                                                        "*.jpg *.jpeg *.heic *.png);;All files (*)"),
                                                options=self._dialog_options())
        self.add_paths([Path(n) for n in names])

    def _on_add_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose an export folder"), "",
                                                self._dialog_options() | QFileDialog.Option.ShowDirsOnly)
        if name:
            self.add_paths([Path(name)])

    def _on_demo(self) -> None:
        try:
            self.add_paths(self.engine.demo_paths())
        except Exception as exc:
            self.status.setText(str(exc))

    def _on_remove(self) -> None:
        chosen = {id(item) for item in self.list.selectedItems()}
        keep: list[Path] = []
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and id(item) not in chosen:
                keep.extend(item.data(0, Qt.ItemDataRole.UserRole) or [])
        self.paths = keep
        self._describe()

    def shown(self) -> None:
        """With nothing added yet, the keyboard starts on "Add files…"."""
        if not self.paths:
            self.add_files.setFocus(Qt.FocusReason.OtherFocusReason)

    def readable_paths(self) -> list[Path]:
        return [p for plan in self.planned if plan.readable for p in plan.paths]

    def _on_scan(self) -> None:
        if self.readable_paths():
            emit(self.scan_requested)

    def add_to_scan(self, request: ScanRequest) -> ScanRequest:
        """The readable exports, and whether to read text in photos."""
        return replace(request, paths=(*request.paths, *self.readable_paths()),
                       ocr=request.ocr or (self.ocr.isChecked() and self.ocr.isEnabled()))

    def add_paths(self, paths: list[Path]) -> None:
        new = [p for p in paths if p not in self.paths]
        if not new:
            return
        self.paths.extend(new)
        self._describe()

    def reset(self) -> None:
        self.paths = []
        self.planned = []
        self.list.clear()
        self._update_status()

    def _describe(self) -> None:
        paths = list(self.paths)
        self.status.setText(self.tr("Looking at your exports…"))
        self.scan.setEnabled(False)
        def described(result: object) -> None:
            self._on_described(paths, cast("list[PlannedInput]", result))

        self.runner.start("describe", lambda _ctx: self.engine.describe(paths),
                          on_finished=described, on_failed=self._on_failed)

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)
        emit(self.described)

    def _on_described(self, paths: list[Path], planned: list[PlannedInput]) -> None:
        if paths != self.paths:  # the list changed while recognising; a newer result follows
            return
        self.planned = planned
        self.list.clear()
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        ok = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        for plan in planned:
            rec = plan.recognition
            try:
                date = datetime.fromtimestamp(plan.paths[0].stat().st_mtime)
                date_text = short_date(date)
            except OSError:
                date_text = ""
            said = say(plan.message)
            status = self.tr("Yes") + f" ({said})" if plan.readable else self.tr("No: ") + said
            item = QTreeWidgetItem([self.export_label(plan), rec.platform.label if rec else self.tr("Not recognised"),
                                    date_text, human_size(plan.size_bytes) if plan.size_bytes else "", status])
            item.setIcon(4, ok if plan.readable else warn)
            item.setToolTip(0, str(plan.paths[0]))
            item.setData(0, Qt.ItemDataRole.UserRole, list(plan.paths))
            self.list.addTopLevelItem(item)
        self.session.paths = [p for plan in planned if plan.readable for p in plan.paths]
        self._update_status()
        if self.scan.isEnabled() and self.isVisible():
            self.scan.setFocus(Qt.FocusReason.OtherFocusReason)  # the next step is to scan: Enter does it
        emit(self.described)

    def export_label(self, plan: PlannedInput) -> str:
        """The export's file name, and how many more parts it came in ("... and 2 more parts")."""
        if len(plan.paths) < 2:
            return plan.label
        return self.tr("%1 and %n more part(s)", "", len(plan.paths) - 1).replace("%1", plan.paths[0].name)

    def _update_status(self) -> None:
        readable = sum(1 for p in self.planned if p.readable)
        self.scan.setEnabled(readable > 0)
        if not self.planned:
            self.status.setText(self.tr("No exports added yet. You can add them now, or come back when they arrive."))
        elif readable == len(self.planned):
            self.status.setText(self.tr("1 export ready to scan.") if readable == 1 else
                                self.tr("%1 exports ready to scan.").replace("%1", str(readable)))
        else:
            self.status.setText(self.tr("%1 of %2 can be read. The others say why above; they are left out of "
                                        "the scan.").replace("%1", str(readable)).replace("%2", str(len(self.planned))))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
