"""The findings and checklist models: Qt's model tester, filters, ticks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt

from checks.records import Category, Finding, Severity
from checks.store.audit_state import AuditState
from desktop.models import FINDING_ROLE, ChecklistModel, FindingsFilter, FindingsModel
from tests.desktop.conftest import make_report


def test_findings_model_passes_qt_model_tester(qtmodeltester, qapp, x_export: tuple[Path, str]) -> None:
    report = make_report(*x_export)
    model = FindingsModel()
    model.set_findings(report.findings)
    qtmodeltester.check(model, force_py=True)  # PySide6 6.12: the C++ tester fails to bind
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)  # PySide6 6.12: the C++ tester fails to bind


def test_checklist_model_passes_qt_model_tester(qtmodeltester, qapp, x_export: tuple[Path, str]) -> None:
    report = make_report(*x_export)
    model = ChecklistModel()
    model.set_entries(report.checklist, AuditState())
    qtmodeltester.check(model, force_py=True)  # PySide6 6.12: the C++ tester fails to bind


def _filtered(findings: Sequence[Finding]) -> FindingsFilter:
    model = FindingsModel()
    model.set_findings(findings)
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    return proxy


def test_filters_by_category_severity_and_words(x_export: tuple[Path, str]) -> None:
    report = make_report(*x_export)
    proxy = _filtered(report.findings)
    assert proxy.rowCount() == len(report.findings)

    proxy.set_filter(category=Category.HOME_ADDRESS.value)
    ids = {proxy.index(r, 0).data(FINDING_ROLE).id for r in range(proxy.rowCount())}
    assert ids == {f.id for f in report.findings if f.category is Category.HOME_ADDRESS}

    proxy.set_filter(severity=Severity.MEDIUM.value)
    assert proxy.rowCount() == sum(1 for f in report.findings if f.severity is Severity.MEDIUM)

    proxy.set_filter(text="croydon")  # the town goes with the evidence: hidden, so not searchable either
    assert proxy.rowCount() == 0
    proxy.set_filter(text="photo")  # the words shown are
    assert "f-photo" in {proxy.index(r, 0).data(FINDING_ROLE).id for r in range(proxy.rowCount())}


def test_search_never_matches_hidden_evidence(x_export: tuple[Path, str]) -> None:
    proxy = _filtered(make_report(*x_export).findings)
    proxy.set_filter(text="Laburnum")  # only in evidence
    assert proxy.rowCount() == 0


def test_dismissed_rows_can_be_hidden(x_export: tuple[Path, str]) -> None:
    report = make_report(*x_export)
    proxy = _filtered(report.findings)
    model = proxy.sourceModel()
    assert isinstance(model, FindingsModel)
    first = report.findings[0].id
    model.set_dismissed(frozenset({first}))
    proxy.set_filter(show_dismissed=False)
    shown = {proxy.index(r, 0).data(FINDING_ROLE).id for r in range(proxy.rowCount())}
    assert first not in shown and len(shown) == len(report.findings) - 1


def test_sorting_by_severity_puts_high_first(x_export: tuple[Path, str]) -> None:
    report = make_report(*x_export)
    proxy = _filtered(tuple(reversed(report.findings)))
    proxy.sort(FindingsModel.SEVERITY, Qt.SortOrder.DescendingOrder)
    ranks = [proxy.index(r, 0).data(FINDING_ROLE).severity.rank for r in range(proxy.rowCount())]
    assert ranks == sorted(ranks, reverse=True)


def test_ticking_emits_and_counts(qtbot, x_export: tuple[Path, str]) -> None:
    report = make_report(*x_export)
    model = ChecklistModel()
    model.set_entries(report.checklist, AuditState())
    index = model.index(0, ChecklistModel.DONE)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignal(model.ticked) as blocker:
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [model.entry(0).advice, True]
    assert model.done_count() == 1
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_checklist_filter_by_platform_and_done(qtmodeltester, qapp, x_export: tuple[Path, str]) -> None:
    from desktop.models import ChecklistFilter

    report = make_report(*x_export)
    model = ChecklistModel()
    model.set_entries(report.checklist, AuditState())
    proxy = ChecklistFilter(model)
    qtmodeltester.check(proxy, force_py=True)
    platforms = {e.platform for e in report.checklist}
    for platform in platforms:
        proxy.set_filter(platform)
        assert proxy.rowCount() == sum(1 for e in report.checklist if e.platform == platform)
    proxy.set_filter(None, hide_done=True)
    before = proxy.rowCount()
    model.setData(model.index(0, ChecklistModel.DONE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    proxy.set_filter(None, hide_done=True)
    assert proxy.rowCount() == before - 1


def test_sorting_keeps_persistent_indexes_on_the_same_finding(qapp, x_export: tuple[Path, str]) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    proxy = _filtered(make_report(*x_export).findings)
    low = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(FINDING_ROLE).severity is Severity.LOW)
    kept = QPersistentModelIndex(proxy.index(low, 1))
    before = kept.data(FINDING_ROLE).id
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        proxy.sort(FindingsModel.SEVERITY, order)
        assert kept.isValid() and kept.data(FINDING_ROLE).id == before
    first = proxy.index(0, 0).data(FINDING_ROLE)
    assert first.severity is Severity.LOW  # ascending: low first
