"""Qt models over the engine's records: findings (with filtering) and the checklist (with ticks).

The table never shows evidence. Every text it shows of a finding comes from the disclosure policy
(`checks/report/disclosure.py`): the title with any quoted value masked, the town ("near
Croydon") only for a finding the person chose to show, never while its evidence is masked or
hidden. A search looks in those same words, so it cannot confirm hidden text. Dismissals and
ticks live in an `AuditState` the models share with the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from checks.records import ChecklistEntry, Finding, Report, Score, Severity, msg
from checks.report.checklist_model import platform_label
from checks.report.disclosure import Disclosure, disclosure, short_date
from checks.report.masking import mask
from checks.report.words import say
from checks.store.audit_state import AuditState
from desktop.qtcompat import emit

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


_SEVERITY = {Severity.HIGH: msg("severity.high"), Severity.MEDIUM: msg("severity.medium"),
             Severity.LOW: msg("severity.low")}


def severity_label(severity: Severity) -> str:
    return say(_SEVERITY[severity])


_ICONS: dict[tuple[int, Severity], Any] = {}


def severity_icon(severity: Severity) -> Any:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    style = app.style()
    key = (id(style), severity)  # made once per style: a table asks for it for every row it lays out
    if key in _ICONS:
        return _ICONS[key]
    pixmap = {
        Severity.HIGH: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.MEDIUM: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.LOW: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }[severity]
    icon = _ICONS[key] = style.standardIcon(pixmap)
    return icon




def hide_quoted(f: Finding, text: str, welfare: bool = False) -> str:
    """`text` (a title or reason) with the evidence's sensitive words hidden where it quotes them.

    Superseded by `Disclosure.title`/`reason` (which know every finding of the report); kept until
    every page asks the policy."""
    secret = (f.evidence[f.span[0]:f.span[1]] if f.span else f.evidence).strip()
    if len(secret) < 3 or secret not in text:
        return text
    return text.replace(secret, QCoreApplication.translate("models", "(hidden)") if welfare else mask(secret))


def policy_for(findings: Sequence[Finding], welfare: bool = False) -> Disclosure:
    """The disclosure policy over `findings` alone (for a model given no report's policy)."""
    report = Report("", datetime(1970, 1, 1), (), tuple(findings), Score(0, "low"), ())
    return disclosure(report, welfare=welfare)


def finding_date(finding: Finding) -> str:
    """"11 Feb 2024" (the month from the words catalogue), or "" when the item has no date."""
    ts = finding.source.timestamp
    return short_date(ts) if ts else ""


class FindingsModel(QAbstractTableModel):
    """One row per finding. Columns: severity, what, category, platform, date, times seen, status."""

    SEVERITY, TITLE, CATEGORY, PLATFORM, DATE, SEEN, STATUS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: tuple[Finding, ...] = ()
        self._dismissed: frozenset[str] = frozenset()
        self.welfare = False
        self._disclosure: Disclosure | None = None  # the page's policy; else one made over the findings
        self._made: tuple[tuple[Finding, ...], bool, Disclosure] | None = None
        self._sort_keys: dict[tuple[int, int], Any] = {}  # sorting asks for each key many times

    def headers(self) -> list[str]:
        return [self.tr("Severity"), self.tr("What was found"), self.tr("Kind"), self.tr("Platform"), self.tr("Date"),
                self.tr("Times seen"), self.tr("Status")]

    def set_findings(self, findings: Sequence[Finding], dismissed: frozenset[str] = frozenset(),
                     policy: Disclosure | None = None) -> None:
        """Show `findings`, said by `policy` (the page's disclosure for the report; else one of their own)."""
        self.beginResetModel()
        self._findings = tuple(findings)
        self._dismissed = dismissed
        self._disclosure = policy
        self._sort_keys = {}
        self.endResetModel()

    def set_disclosure(self, policy: Disclosure | None) -> None:
        """A new policy (the person showed or hid an item, or a welfare session began): rows say it."""
        self._disclosure = policy
        self._sort_keys = {}
        if self._findings:
            emit(self.dataChanged, self.index(0, 0), self.index(len(self._findings) - 1, self.columnCount() - 1))

    def disclosure(self) -> Disclosure:
        """What this model may show: the page's policy, or one over its findings (welfare as set)."""
        if self._disclosure is not None:
            return self._disclosure
        if self._made is None or self._made[0] is not self._findings or self._made[1] != self.welfare:
            self._made = (self._findings, self.welfare, policy_for(self._findings, self.welfare))
        return self._made[2]

    def set_dismissed(self, dismissed: frozenset[str]) -> None:
        changed = self._dismissed ^ dismissed
        self._dismissed = dismissed
        for row, f in enumerate(self._findings):
            if f.id in changed:
                emit(self.dataChanged, self.index(row, 0), self.index(row, self.columnCount() - 1))

    def finding(self, row: int) -> Finding | None:
        return self._findings[row] if 0 <= row < len(self._findings) else None

    def is_dismissed(self, finding: Finding) -> bool:
        return finding.id in self._dismissed

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 7:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        f = self._findings[index.row()]
        col = index.column()
        if role == FINDING_ROLE:
            return f
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(f, col)
        if role == SORT_ROLE:
            if col == self.STATUS:
                return self._sort_key(f, col)
            key = (index.row(), col)
            if key not in self._sort_keys:
                self._sort_keys[key] = self._sort_key(f, col)
            return self._sort_keys[key]
        if role == Qt.ItemDataRole.DecorationRole and col == self.SEVERITY:
            return severity_icon(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return self.disclosure().reason(f)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python in one go (much faster than a proxy asking for keys per comparison)."""
        if not 0 <= column < 7 or not self._findings:
            return
        emit(self.layoutAboutToBeChanged)
        old = list(self._findings)
        keyed = sorted(range(len(old)), key=lambda r: (self._sort_key(old[r], column), old[r].id),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self._findings = tuple(old[r] for r in keyed)
        self._sort_keys = {}
        new_row = {old_row: new for new, old_row in enumerate(keyed)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) if i.isValid() else i for i in persistent])
        emit(self.layoutChanged)

    def _display(self, f: Finding, col: int) -> str:
        if col == self.SEVERITY:
            return severity_label(f.severity)
        if col == self.TITLE:
            return row_title(f, self.disclosure())
        if col == self.CATEGORY:
            return f.category.label
        if col == self.PLATFORM:
            return f.platform.label
        if col == self.DATE:
            return finding_date(f)
        if col == self.SEEN:
            return str(f.occurrences)
        return self.tr("Not a problem") if f.id in self._dismissed else ""

    def _sort_key(self, f: Finding, col: int) -> Any:
        if col == self.SEVERITY:
            return f.severity.rank * 10 + f.confidence
        if col == self.DATE:
            return f.source.timestamp.timestamp() if f.source.timestamp else 0.0
        if col == self.SEEN:
            return f.occurrences
        return self._display(f, col).casefold()


def row_title(f: Finding, policy: Disclosure) -> str:
    """A finding's title in the table, with its town only when its evidence is shown."""
    title = policy.title(f)
    place = policy.place_line(f) if policy.shows(f) and f.place and f.place.near else None
    return f"{title} ({place})" if place else title


def _searchable(f: Finding, policy: Disclosure) -> str:
    """What a search looks in: the words the table and panel show, never hidden evidence or towns."""
    place = policy.place_line(f) if policy.shows(f) else ""
    return " ".join((policy.title(f), policy.reason(f), f.category.label, f.platform.label, policy.where(f),
                     policy.technical(f), place or "")).casefold()


class FindingsFilter(QSortFilterProxyModel):
    """Filters findings by category, platform, severity, words and whether dismissed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.category: str | None = None
        self.platform: str | None = None
        self.severity: str | None = None
        self.words: list[str] = []
        self.show_dismissed = True
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the findings model; this proxy only filters, keeping its order."""
        model = self.sourceModel()
        if isinstance(model, FindingsModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_filter(self, *, category: str | None = None, platform: str | None = None, severity: str | None = None,
                   text: str = "", show_dismissed: bool = True) -> None:
        self.category, self.platform, self.severity = category, platform, severity
        self.words = [w.casefold() for w in text.split() if w]
        self.show_dismissed = show_dismissed
        _refilter(self)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FindingsModel):
            return False
        f = model.finding(source_row)
        return f is not None and self.accepts(f, model.is_dismissed(f), model.disclosure())

    def accepts(self, f: Finding, dismissed: bool, policy: Disclosure | None = None) -> bool:
        chosen = ((self.category, f.category.value), (self.platform, f.platform.value),
                  (self.severity, f.severity.value))
        if any(want and want != value for want, value in chosen) or (dismissed and not self.show_dismissed):
            return False
        # Evidence is deliberately not searched: a search must not confirm hidden text.
        if not self.words:
            return True
        searchable = _searchable(f, policy or policy_for((f,)))
        return all(w in searchable for w in self.words)


class ChecklistModel(QAbstractTableModel):
    """The checklist: a tick box per step, its platform and title. Ticks go into the AuditState.

    Signals:
        ticked(str, bool): an advice id was ticked or unticked by the person.
    """

    DONE, PLATFORM, TITLE = range(3)
    ticked = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[ChecklistEntry, ...] = ()
        self._ticked: frozenset[str] = frozenset()

    def set_entries(self, entries: Sequence[ChecklistEntry], state: AuditState) -> None:
        self.beginResetModel()
        # Grouped per platform, each platform's steps by priority (the engine's order).
        order = {p: i for i, p in enumerate(dict.fromkeys(e.platform for e in entries))}
        self._entries = tuple(sorted(entries, key=lambda e: order[e.platform]))
        self._ticked = state.ticked
        self.endResetModel()

    def entry(self, row: int) -> ChecklistEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def is_done(self, entry: ChecklistEntry) -> bool:
        return entry.already_done or entry.advice in self._ticked

    def done_count(self) -> int:
        return sum(1 for e in self._entries if self.is_done(e))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return [self.tr("Done"), self.tr("Platform"), self.tr("What to do")][section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.DONE:
            entry = self.entry(index.row())
            if entry is not None and not entry.already_done:
                return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entry(index.row())
        if e is None:
            return None
        col = index.column()
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            return Qt.CheckState.Checked if self.is_done(e) else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.DONE:
                if e.already_done:
                    return self.tr("Already done")
                return self.tr("Done") if self.is_done(e) else self.tr("To do")
            if col == self.PLATFORM:
                return platform_label(e.platform)
            return e.title
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.DONE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        e = self.entry(index.row())
        if e is None or e.already_done:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self._ticked = self._ticked | {e.advice} if checked else self._ticked - {e.advice}
        emit(self.dataChanged, self.index(index.row(), self.DONE), self.index(index.row(), self.TITLE))
        emit(self.ticked, e.advice, checked)
        return True


class ChecklistFilter(QSortFilterProxyModel):
    """The checklist for one platform (or all), optionally without the steps already done."""

    def __init__(self, source: ChecklistModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.platform: str | None = None
        self.hide_done = False

    def set_filter(self, platform: str | None, hide_done: bool = False) -> None:
        self.platform, self.hide_done = platform, hide_done
        _refilter(self)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ChecklistModel):
            return True
        entry = model.entry(source_row)
        return entry is None or ((not self.platform or entry.platform == self.platform)
                                 and not (self.hide_done and model.is_done(entry)))


def _refilter(proxy: QSortFilterProxyModel) -> None:
    """Re-run a proxy's filter (Qt 6.9+ API where present, the older one otherwise)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - older PySide6
        proxy.invalidateFilter()
