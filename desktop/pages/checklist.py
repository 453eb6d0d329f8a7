"""Checklist: what to do, per platform, in order, with a tick box for each step (kept in the saved
audit), a button to the exact setting (or the help page where the platform has no stable address;
opened only when the person clicks), the items to delete in plain words, and Print as the main
action. Items' text comes from the disclosure policy (`checks/report/disclosure.py`)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from checks.assess.advice import default_catalogue
from checks.records import ChecklistEntry
from checks.report.disclosure import disclosure
from desktop.models import ENTRY_ROLE, ChecklistFilter, ChecklistModel, platform_label
from desktop.pages.base import Page, PageKey
from desktop.pages.common import FirstRowSelection, heading, paragraph, record_table, refill_choices
from desktop.qtcompat import emit
from desktop.session import Session


class ChecklistPage(Page):
    """The steps to take; choosing an item a step is about asks for it (finding_requested)."""

    key = PageKey.CHECKLIST

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your checklist"), parent, intro=self.tr(
            "Work down the list, one platform at a time. Tick each step when you have done it; your ticks "
            "are kept when you save the audit. The most important steps come first."))
        self.session = session
        self.current: ChecklistEntry | None = None
        self.link: str | None = None
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Steps done"))
        self.progress.setFormat(self.tr("%v of %m done"))
        self.body.addWidget(self.progress)
        filters = QHBoxLayout()
        self.platform = QComboBox()
        self.platform.setAccessibleName(self.tr("Show the steps for one platform"))
        self.platform.currentIndexChanged.connect(self._on_platform)
        self.hide_done = QCheckBox(self.tr("Hide steps that are done"))
        self.hide_done.toggled.connect(self._on_platform)
        filters.addWidget(self.platform)
        filters.addWidget(self.hide_done)
        filters.addStretch(1)
        self.body.addLayout(filters)
        self.model = ChecklistModel(self)
        self.proxy = ChecklistFilter(self.model, self)
        self.table = record_table(self.tr("Checklist"), self.proxy, ChecklistModel.TITLE)
        self.table.setMinimumHeight(200)
        self.toggle = QPushButton(self.tr("Mark as done"))
        self.toggle.setAccessibleName(self.tr("Mark this step as done or not done"))
        self.toggle.clicked.connect(self._on_toggle)

        detail_inner = QWidget()
        d = QVBoxLayout(detail_inner)
        d.setContentsMargins(0, 8, 0, 0)
        self.d_title = heading("", 2)
        d.addWidget(self.d_title)
        self.d_text = paragraph()
        self.d_text.setAccessibleName(self.tr("How to do this step"))
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        self.help = QPushButton(self.tr("Open the setting"))
        self.help.setAccessibleName(self.tr("Open the setting in your web browser"))
        self.help.clicked.connect(self._on_help)
        row.addWidget(self.help)
        self.open_item = QPushButton(self.tr("Open the chosen item"))
        self.open_item.setAccessibleName(self.tr("Open the chosen item on the platform in your web browser"))
        self.open_item.clicked.connect(self._on_open_item)
        row.addWidget(self.open_item)
        row.addStretch(1)
        d.addLayout(row)  # the buttons first: in reach without scrolling
        d.addWidget(self.d_text)
        self.d_items_label = paragraph(self.tr("The things to delete or change (Enter shows one in full):"))
        d.addWidget(self.d_items_label)
        self.d_items = QListWidget()
        self.d_items.setAccessibleName(self.tr("Items this step is about"))
        self.d_items.setMaximumHeight(120)
        self.d_items.itemActivated.connect(
            lambda item: emit(self.finding_requested, item.data(Qt.ItemDataRole.UserRole)))
        d.addWidget(self.d_items)
        d.addStretch(1)
        detail = QScrollArea()
        detail.setWidgetResizable(True)
        detail.setFrameShape(QFrame.Shape.NoFrame)
        detail.setWidget(detail_inner)
        self.detail = detail
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.body.addWidget(splitter, 1)
        # The table and its detail scroll on their own; the page scrolls too when the screen is small.
        self.table.setMinimumHeight(self.fontMetrics().height() * 7)
        detail.setMinimumHeight(self.fontMetrics().height() * 9)
        self.empty = paragraph(self.tr("No checklist yet. Add your exports and scan them."))
        self.body.addWidget(self.empty)
        self.print_button = self.add_main_action(self.tr("Print your plan…"), self.tr("Print your plan"))
        self.print_button.clicked.connect(lambda: emit(self.print_requested))

        self.first_row = FirstRowSelection(self, self.table, lambda: self._show(self.selected()))
        self.model.ticked.connect(self.session.tick)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        session.report_changed.connect(self.refresh)
        session.state_changed.connect(self._on_state)
        self.refresh()

    def refresh(self) -> None:
        report = self.session.report
        self.model.set_entries(report.checklist if report else (), self.session.state)
        platforms = dict.fromkeys(e.platform for e in (report.checklist if report else ()))
        refill_choices(self.platform, self.tr("All platforms"), ((platform_label(p), p) for p in platforms))
        self.proxy.set_filter(self.platform.currentData(), self.hide_done.isChecked())
        has = self.model.rowCount() > 0
        self.platform.setVisible(has)
        self.hide_done.setVisible(has)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self.print_button.setEnabled(report is not None)
        if report is not None and not has:
            self.empty.setText(self.tr("Nothing to do: Offduty found nothing that needs fixing."))
        self._update_progress()
        self.first_row.request()

    def shown(self) -> None:
        self.first_row.run()

    def _on_state(self) -> None:
        self._update_progress()
        if self.hide_done.isChecked():
            self._on_platform()

    def _on_platform(self) -> None:
        self.proxy.set_filter(self.platform.currentData(), self.hide_done.isChecked())
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show(self.selected())

    def _update_progress(self) -> None:
        self.progress.setRange(0, max(1, self.model.rowCount()))
        self.progress.setValue(self.model.done_count())
        self.progress.setVisible(self.model.rowCount() > 0)
        if self.current is not None:
            self._update_toggle(self.current)

    def selected(self) -> ChecklistEntry | None:
        rows = self.table.selectionModel().selectedRows()
        value = rows[0].data(ENTRY_ROLE) if rows else None
        return value if isinstance(value, ChecklistEntry) else None

    def _on_selection(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self._show(self.selected())

    def _update_toggle(self, e: ChecklistEntry) -> None:
        done = self.model.is_done(e)
        self.toggle.setEnabled(not e.already_done)
        self.toggle.setText(self.tr("Already done (your export shows it)") if e.already_done else
                            self.tr("Mark as not done") if done else self.tr("Mark as done"))

    def _show(self, e: ChecklistEntry | None) -> None:
        self.current = e
        self.detail.setVisible(e is not None)
        if e is None:
            return
        self.d_title.setText(f"{platform_label(e.platform)}: {e.title}")
        report = self.session.report
        policy = disclosure(report, welfare=self.session.welfare) if report is not None else None
        lines = [policy.text(e.why) if policy is not None else ""]
        if e.choose:
            lines += ["", self.tr("Choose: ") + e.choose]
        if e.steps:
            lines += ["", self.tr("In the app:")] + [f"{i}. {s}" for i, s in enumerate(e.steps, 1)]
        if e.web_steps:
            lines += ["", self.tr("On the website:")] + [f"{i}. {s}" for i, s in enumerate(e.web_steps, 1)]
        if e.side_effects:
            lines += ["", self.tr("Good to know: ") + e.side_effects]
        if e.fallback:
            lines += ["", self.tr("If you cannot find it: ") + e.fallback]
        advice = default_catalogue().get(e.advice)
        self.link = advice.link if advice else e.source
        checked = advice.link_checked if advice else e.checked
        lines += ["", self.tr("Steps checked %1; link checked %2.").replace("%1", e.checked).replace("%2", checked)]
        self.d_text.setText("\n".join(lines))
        self.help.setVisible(bool(self.link))
        self.help.setText(self.tr("Open the setting") if advice and advice.settings_url else
                          self.tr("Open the help page"))
        self.help.setToolTip(self.link or "")
        self._update_toggle(e)
        self.d_items.clear()
        by_id = {f.id: f for f in report.findings} if report else {}
        for fid in e.findings:
            f = by_id.get(fid)
            if f is None or policy is None or fid in self.session.state.dismissed:
                continue
            line = policy.checklist_item(f)
            self.d_items.addItem(line[:1].upper() + line[1:])
            self.d_items.item(self.d_items.count() - 1).setData(Qt.ItemDataRole.UserRole, fid)
        self.d_items.setVisible(self.d_items.count() > 0)
        self.d_items_label.setVisible(self.d_items.count() > 0)
        self.open_item.setVisible(self.d_items.count() > 0)
        if self.d_items.count():
            self.d_items.setCurrentRow(0)

    def _on_toggle(self) -> None:
        e = self.current
        if e is None:
            return
        for row in range(self.model.rowCount()):
            if self.model.entry(row) is e:  # ticks go to the source model, whatever the filter
                index = self.model.index(row, ChecklistModel.DONE)
                value = Qt.CheckState.Unchecked if self.model.is_done(e) else Qt.CheckState.Checked
                self.model.setData(index, value, Qt.ItemDataRole.CheckStateRole)
                break

    def _on_help(self) -> None:
        if self.current is not None and self.link and self.link.startswith("https://"):
            QDesktopServices.openUrl(QUrl(self.link))  # only on the person's click

    def _on_open_item(self) -> None:
        item, report = self.d_items.currentItem(), self.session.report
        if item is None or report is None:
            return
        fid = item.data(Qt.ItemDataRole.UserRole)
        finding = next((f for f in report.findings if f.id == fid), None)
        url = disclosure(report).open_url(finding) if finding is not None else None
        if url and url.startswith("https://"):
            QDesktopServices.openUrl(QUrl(url))  # only on the person's click
        elif isinstance(fid, str):
            emit(self.finding_requested, fid)  # no address to open: show it in the findings
