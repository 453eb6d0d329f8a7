"""Findings: every exposure in a sortable, filterable table, with a detail panel.

Every piece of a finding's text comes from the disclosure policy (`checks/report/disclosure.py`):
evidence masked across findings (a post giving both an address and a phone number never shows
either in clear), the town only once shown; "Show" reveals one item's full evidence at a time
(choosing another item hides it again). Where an item is is said in plain words ("your X post of
11 Feb 2024") with an Open button; the file and place in it are in a "technical details" fold.
A place's items are drawn relative to each other, locally, with no map (in a welfare session
only once the item is shown).
In a welfare session evidence is hidden completely until shown. Photos are read from the
export only when asked for, in memory. A finding can be marked "not a problem"; the mark is
kept in the saved audit.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checks.places.drawing import Mark, relative_svg
from checks.records import Category, Finding, Platform, Severity, Source
from checks.report.checklist_model import short_date
from checks.report.disclosure import Disclosure, disclosure, where_words
from desktop.models import (
    FINDING_ROLE,
    FindingsFilter,
    FindingsModel,
    finding_date,
    severity_label,
)
from desktop.pages.base import Page, PageKey
from desktop.pages.common import FirstRowSelection, heading, paragraph, record_table, refill_choices
from desktop.photos import export_paths, load_preview, photo_source
from desktop.qtcompat import emit
from desktop.session import Session
from desktop.worker import TaskRunner


def where_text(source: Source) -> str:
    """The file and the place in it, for the technical details fold (never the main line)."""
    where = source.file or "?"
    if source.pointer:
        where += f" → {source.pointer}"
    if source.timestamp:
        where += f"  ({short_date(source.timestamp)})"
    return where


# The narrow columns, each as wide as a sample of its longest usual text (the title takes the rest).
COLUMN_SAMPLES = {FindingsModel.SEVERITY: "Severity  ", FindingsModel.CATEGORY: "Home address",
                  FindingsModel.PLATFORM: "X (Twitter)", FindingsModel.DATE: "28 Sep 2026"}


class FindingsPage(Page):
    """Every finding; `show_finding()` brings one forward whatever the filters.

    Signals (beyond Page's): photo_shown() (tests wait for the preview).
    """

    key = PageKey.FINDINGS
    photo_shown = Signal()

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What was found"), parent)
        self.session, self.runner = session, runner
        self.revealed: str | None = None
        self.current: Finding | None = None
        self.disclosure: Disclosure | None = None  # what the page may show of the report's findings
        self.svg = ""

        filters = QHBoxLayout()
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Filter by kind"))
        self.category.addItem(self.tr("All kinds"), None)
        for c in Category:
            self.category.addItem(c.label, c.value)
        self.platform = QComboBox()
        self.platform.setAccessibleName(self.tr("Filter by platform"))
        self.platform.addItem(self.tr("All platforms"), None)
        self.severity = QComboBox()
        self.severity.setAccessibleName(self.tr("Filter by severity"))
        self.severity.addItem(self.tr("Any severity"), None)
        for s in (Severity.HIGH, Severity.MEDIUM, Severity.LOW):
            self.severity.addItem(severity_label(s), s.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and places"))
        self.search.setAccessibleName(self.tr("Search findings"))
        self.search.setClearButtonEnabled(True)
        self.show_dismissed = QCheckBox(self.tr("Show “not a problem”"))
        self.show_dismissed.setChecked(True)
        for w in (self.category, self.platform, self.severity):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_dismissed)
        self.body.addLayout(filters)
        self.count = paragraph()
        self.count.setAccessibleName(self.tr("How many findings are shown"))
        self.body.addWidget(self.count)

        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table(self.tr("Findings"), self.proxy, FindingsModel.TITLE)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FindingsModel.SEVERITY, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # The title keeps the room: the other columns are narrow (their text shows on hover), and
        # "times seen" and "status" live in the detail panel, so larger text never squeezes it.
        for column in COLUMN_SAMPLES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        for column in (FindingsModel.SEEN, FindingsModel.STATUS):
            self.table.setColumnHidden(column, True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # No alarm symbols (a red cross on every high row reads like a disciplinary notice): the
        # severity is said in words, in the same calm tone on its own and in a welfare session.
        self.table.setIconSize(QSize(1, 1))

        self.detail = self._build_detail()
        detail_scroll = QScrollArea()  # the detail scrolls on its own: the page fits any screen
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        detail_scroll.setMinimumHeight(self.fontMetrics().height() * 8)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.body.addWidget(splitter, 1)
        self.scroll_area.setWidgetResizable(True)

        for combo in (self.category, self.platform, self.severity):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.show_dismissed.toggled.connect(self._apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.first_row = FirstRowSelection(self, self.table, lambda: self._show(self.selected()))
        session.report_changed.connect(self.refresh)
        session.welfare_changed.connect(self.refresh)
        session.state_changed.connect(self._on_state)
        self.refresh()

    def _build_detail(self) -> QWidget:
        box = QWidget()
        columns = QHBoxLayout(box)
        columns.setContentsMargins(0, 8, 0, 0)
        outer = QVBoxLayout()
        columns.addLayout(outer, 1)
        self.d_title = heading("", 2)
        outer.addWidget(self.d_title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.d_about = paragraph()
        self.d_reason = paragraph()
        self.d_evidence = paragraph()
        self.d_evidence.setAccessibleName(self.tr("Evidence"))
        self.d_where = paragraph()
        self.d_place = paragraph()
        form.addRow(self.tr("About:"), self.d_about)
        form.addRow(self.tr("Why it matters:"), self.d_reason)
        ev_row = QHBoxLayout()
        ev_row.addWidget(self.d_evidence, 1)
        self.reveal = QPushButton(self.tr("Show"))
        self.reveal.setAccessibleName(self.tr("Show the evidence for this item"))
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._on_reveal)
        ev_row.addWidget(self.reveal, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("What it says:"), ev_row)
        where_row = QHBoxLayout()
        where_row.addWidget(self.d_where, 1)
        self.open_item = QPushButton(self.tr("Open"))
        self.open_item.setAccessibleName(self.tr("Open this item on the platform in your web browser"))
        self.open_item.clicked.connect(self._on_open_item)
        where_row.addWidget(self.open_item, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Where it is:"), where_row)
        form.addRow(self.tr("Place:"), self.d_place)
        outer.addLayout(form)
        self.d_related_label = paragraph()
        outer.addWidget(self.d_related_label)
        self.d_related = QListWidget()
        self.d_related.setAccessibleName(self.tr("Other places in your exports where this appears"))
        self.d_related.setMaximumHeight(100)
        outer.addWidget(self.d_related)
        self.technical_button = QToolButton()
        self.technical_button.setText(self.tr("Technical details"))
        self.technical_button.setAccessibleName(self.tr("Show the technical details: the file and the place in it"))
        self.technical_button.setCheckable(True)
        self.technical_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_button.setArrowType(Qt.ArrowType.RightArrow)
        self.technical = paragraph()
        self.technical.setAccessibleName(self.tr("Technical details"))
        self.technical.setVisible(False)
        self.technical_button.toggled.connect(self._on_technical)
        outer.addWidget(self.technical_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.technical)
        photo_row = QHBoxLayout()
        self.photo_button = QPushButton(self.tr("Show photo"))
        self.photo_button.setAccessibleName(self.tr("Show the photo from your export"))
        self.photo_button.clicked.connect(self._on_show_photo)
        self.photo = QLabel()
        self.photo.setAccessibleName(self.tr("Photo preview"))
        photo_row.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignTop)
        photo_row.addWidget(self.photo, 1)
        outer.addLayout(photo_row)
        self.drawing_box = QWidget()
        drawing = QVBoxLayout(self.drawing_box)
        drawing.setContentsMargins(0, 0, 0, 0)
        self.drawing_caption = paragraph(self.tr(
            "Where these items were, relative to each other (no map: nothing is sent anywhere)"))
        self.drawing_near = paragraph()
        self.drawing = QSvgWidget()
        self.drawing.setAccessibleName(self.tr("Drawing of where these items were, relative to each other"))
        self.drawing.setFixedSize(280, 280)
        self.drawing_caption.setVisible(False)  # the policy's caption (below) says it, with the town when shown
        drawing.addWidget(self.drawing_caption)
        drawing.addWidget(self.drawing_near)
        drawing.addWidget(self.drawing, 0, Qt.AlignmentFlag.AlignLeft)
        self.drawing_box.setVisible(False)
        self.drawing_box.setMaximumWidth(300)
        columns.addWidget(self.drawing_box, 0, Qt.AlignmentFlag.AlignTop)
        self.dismiss = QCheckBox(self.tr("This is not a problem (keep it, but leave it out of the printout)"))
        self.dismiss.setAccessibleName(self.tr("Mark as not a problem"))
        self.dismiss.toggled.connect(self._on_dismiss)
        outer.addWidget(self.dismiss)
        self.d_advice = paragraph()
        self.d_advice.setAccessibleName(self.tr("What to do about it"))
        outer.addWidget(self.d_advice)
        outer.addStretch(1)
        return box

    # data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        report = self.session.report
        findings = report.findings if report else ()
        self.disclosure = disclosure(report, welfare=self.session.welfare) if report else None
        self.model.welfare = self.session.welfare
        self.model.set_findings(findings, self.session.state.dismissed)
        present = {f.platform for f in findings}
        refill_choices(self.platform, self.tr("All platforms"), ((p.label, p.value) for p in Platform if p in present))
        self.photo.clear()
        self._apply_filter()
        self.first_row.request()

    def shown(self) -> None:
        self._size_columns()  # the text may have grown (a welfare session, the system's text size)
        self.first_row.run()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 24)

    def reset(self) -> None:
        """Nothing stays revealed, no photo stays on screen."""
        self.revealed = None
        self.photo.clear()

    def _on_state(self) -> None:
        self.model.set_dismissed(self.session.state.dismissed)
        self._update_count()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(category=self.category.currentData(), platform=self.platform.currentData(),
                              severity=self.severity.currentData(), text=self.search.text(),
                              show_dismissed=self.show_dismissed.isChecked())
        self._update_count()
        if self.selected() is None:
            self._show(None)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            report = self.session.report
            self.count.setText(self.tr("Nothing found in these exports.") if report else
                               self.tr("No results yet. Add your exports and scan them."))
        elif shown == total:
            self.count.setText(self.tr("%1 things found. Choose one to see the details.").replace("%1", str(total)))
        else:
            self.count.setText(self.tr("Showing %1 of %2.").replace("%1", str(shown)).replace("%2", str(total)))

    def selected(self) -> Finding | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(FINDING_ROLE)
        return value if isinstance(value, Finding) else None

    def show_finding(self, finding_id: str) -> bool:
        """Clear every filter (a finding asked for by id must be visible), then select it."""
        self.search.clear()
        self.category.setCurrentIndex(0)
        self.platform.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self.show_dismissed.setChecked(True)
        return self.select_finding(finding_id)

    def select_finding(self, finding_id: str) -> bool:
        """Select a finding among those the filters show."""
        self.first_row.cancel()
        for row in range(self.proxy.rowCount()):
            f = self.proxy.index(row, 0).data(FINDING_ROLE)
            if isinstance(f, Finding) and f.id == finding_id:
                self.table.selectRow(row)
                return True
        return False

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.selected())

    # the detail panel ----------------------------------------------------------------------

    def shown_policy(self) -> Disclosure | None:
        """The disclosure policy with the one item the person chose to show revealed."""
        if self.disclosure is None:
            return None
        return self.disclosure.revealing((self.revealed,) if self.revealed else ())

    def evidence_text(self, f: Finding) -> str:
        d = self.shown_policy()
        if d is None:
            return ""
        if self.session.welfare and not d.shows(f):
            return self.tr("Hidden. Press “Show” when you are ready to see it.")
        return d.evidence(f)

    def reason_text(self, f: Finding) -> str:
        d = self.shown_policy()
        return d.reason(f) if d is not None else ""

    def title_text(self, f: Finding) -> str:
        d = self.shown_policy()
        return d.title(f) if d is not None else ""

    def _show(self, f: Finding | None) -> None:
        if self.current is None or f is None or f.id != self.current.id:
            self.revealed = None  # one at a time: moving on hides the last one again
            self.photo.clear()
        self.current = f
        self.detail.setVisible(f is not None)
        if f is None:
            return
        self.d_title.setText(self.title_text(f))
        bits = [severity_label(f.severity), f.category.label, f.platform.label]
        if finding_date(f):
            bits.append(finding_date(f))
        self.d_about.setText(" · ".join(bits))
        self.d_reason.setText(self.reason_text(f))
        self.d_evidence.setText(self.evidence_text(f))
        self.reveal.blockSignals(True)
        self.reveal.setChecked(self.revealed == f.id)
        self.reveal.setText(self.tr("Hide") if self.revealed == f.id else self.tr("Show"))
        self.reveal.blockSignals(False)
        self.reveal.setEnabled(bool(f.evidence))
        d = self.shown_policy()
        where = d.where(f) if d is not None else ""
        self.d_where.setText(where[:1].upper() + where[1:])
        self.technical.setText("\n".join((d.technical(f), *d.sources(f)[:200])) if d is not None else "")
        place = d.place_line(f) if d is not None else None
        self.d_place.setText(place or self.tr("–"))
        self._show_drawing(f)
        self.d_related.clear()
        self.d_related.addItems([where_words(f.platform, f.item_kind, s.timestamp) for s in f.related[:200]])
        self.d_related.setVisible(bool(f.related))
        self.d_related_label.setVisible(bool(f.related))
        self.d_related_label.setText(self.tr("Also in %n other place(s) in your exports:", "", len(f.related)))
        self.photo_button.setVisible(photo_source(f) is not None)
        self.open_item.setVisible(bool(d.open_url(f)) if d is not None else False)
        self.open_item.setToolTip(self.tr("Open it on %1, to delete or change it").replace("%1", f.platform.label))
        self.photo_button.setEnabled(True)
        self.dismiss.blockSignals(True)
        self.dismiss.setChecked(f.id in self.session.state.dismissed)
        self.dismiss.blockSignals(False)
        report = self.session.report
        titles = []
        if report:
            by_id = {c.advice: c.title for c in report.checklist}
            titles = [by_id[a] for a in f.advice if a in by_id]
        self.d_advice.setText(self.tr("What to do: ") + "; ".join(titles[:4]) if titles else "")

    def _on_technical(self, on: bool) -> None:
        self.technical.setVisible(on)
        self.technical_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _on_reveal(self, on: bool) -> None:
        f = self.current
        if f is None:
            return
        self.revealed = f.id if on else None
        self.reveal.setText(self.tr("Hide") if on else self.tr("Show"))
        self.d_evidence.setText(self.evidence_text(f))
        self.d_reason.setText(self.reason_text(f))
        self.d_title.setText(self.title_text(f))
        d = self.shown_policy()
        self.d_place.setText((d.place_line(f) if d is not None else None) or self.tr("–"))
        self._show_drawing(f)

    def drawing_allowed(self, f: Finding) -> bool:
        d = self.shown_policy()
        return d is not None and d.draws(f)

    def _show_drawing(self, f: Finding) -> None:
        """The local drawing of a place's items (never a map), when there is one to show."""
        if not self.drawing_allowed(f) or f.place is None:
            self.drawing_box.setVisible(False)
            self.drawing.load(QByteArray())
            self.svg = ""
            return
        marks = [Mark(lat, lon, kind) for lat, lon, kind in f.points]
        self.svg = relative_svg(f.place.lat, f.place.lon, f.place.radius_m, marks, size=280,
                                title=self.tr("Where these items were, around the place"))
        ink = self.palette().color(self.foregroundRole()).name()  # readable in dark mode too
        self.drawing.load(QByteArray(self.svg.replace('"#000"', f'"{ink}"').encode("utf-8")))
        d = self.shown_policy()
        self.drawing_near.setText(d.caption(f) if d is not None else "")
        self.drawing_box.setVisible(True)

    def _on_open_item(self) -> None:
        d = self.shown_policy()
        url = d.open_url(self.current) if d is not None and self.current is not None else None
        if url and url.startswith("https://"):
            QDesktopServices.openUrl(QUrl(url))  # only when the person clicks

    def _on_dismiss(self, on: bool) -> None:
        if self.current is not None:
            self.session.dismiss(self.current.id, on)

    def _on_show_photo(self) -> None:
        f, report = self.current, self.session.report
        source = photo_source(f) if f else None
        if f is None or report is None or source is None:
            return
        known = list(self.session.paths)
        self.photo_button.setEnabled(False)
        self.photo.setText(self.tr("Opening the photo…"))
        finding_id = f.id

        def work(_ctx: object) -> QImage:
            return load_preview(export_paths(report, source, known), source.file)

        task = self.runner.start("photo", work)
        task.finished.connect(lambda image: self._on_photo(finding_id, image))
        task.failed.connect(lambda message: self._on_photo_failed(finding_id, message))

    def _on_photo(self, finding_id: str, image: object) -> None:
        if self.current is None or self.current.id != finding_id or not isinstance(image, QImage):
            return
        self.photo.setPixmap(QPixmap.fromImage(image))
        emit(self.photo_shown)

    def _on_photo_failed(self, finding_id: str, message: str) -> None:
        if self.current is not None and self.current.id == finding_id:
            self.photo.setText(message)
            self.photo_button.setEnabled(True)

    def index_of(self, finding_id: str) -> QModelIndex:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            f = index.data(FINDING_ROLE)
            if isinstance(f, Finding) and f.id == finding_id:
                return index
        return QModelIndex()
