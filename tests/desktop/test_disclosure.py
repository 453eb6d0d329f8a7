"""The window never shows a place while its evidence is hidden (masked, or hidden in a welfare session).

Every visible text of the window is read (labels, buttons, item views' cells and tooltips, the
window title, the drawing) with each finding selected in turn: "Croydon" (the town of the home
address and of the photo) must be nowhere until the person presses "Show" on that finding, and
then it must be there (so the test can fail). A search for the town finds nothing while hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QWidget

from desktop.app import build_window
from desktop.window import MainWindow
from tests.desktop.conftest import HOME, HeldEngine, make_report

TOWN = "Croydon"
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)

pytestmark = pytest.mark.gui


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: it has one
        return 1


def _cells(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> Iterator[str]:  # noqa: B008
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in ROLES:
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and not isinstance(model, QAbstractListModel) and model.hasChildren(index):
                yield from _cells(model, index)


def visible_texts(window: MainWindow) -> str:
    """Everything the person can read in the window now."""
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.extend(_cells(widget.model()))
    texts.append(getattr(window.findings, "svg", ""))
    return "\n".join(texts)


def open_report(qtbot, engine: HeldEngine, welfare: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(engine, welfare=welfare)
    qtbot.addWidget(window)
    window.show()
    report = engine.report_for([])
    assert any(f.place and f.place.near and TOWN in f.place.near for f in report.findings)  # a town to hide
    window.session.set_report(report)
    window.show_page("findings")
    return window


@pytest.mark.parametrize("welfare", [False, True], ids=["masked", "welfare"])
def test_no_place_is_shown_while_its_evidence_is_hidden(qtbot, engine: HeldEngine, welfare: bool) -> None:  # type: ignore[no-untyped-def]
    window = open_report(qtbot, engine, welfare)
    page = window.findings
    placed = [f.id for f in engine.report_for([]).findings if f.place is not None]
    for finding in engine.report_for([]).findings:
        assert page.show_finding(finding.id)
        qtbot.wait(10)
        assert TOWN not in visible_texts(window), finding.id
    for finding_id in placed:
        assert page.show_finding(finding_id)
        page.reveal.setChecked(True)  # the person presses "Show"
        qtbot.wait(10)
        assert TOWN in visible_texts(window), finding_id  # shown now: the check above could fail
        page.show_finding(next(f.id for f in engine.report_for([]).findings if f.id != finding_id))
        qtbot.wait(10)
        assert TOWN not in visible_texts(window)  # moving on hides it again


def test_a_search_cannot_confirm_a_hidden_town_or_street(qtbot, engine: HeldEngine) -> None:  # type: ignore[no-untyped-def]
    window = open_report(qtbot, engine, welfare=False)
    page = window.findings
    for probe in (TOWN, HOME.split()[1]):
        page.search.setText(probe)
        assert page.proxy.rowCount() == 0, probe
    page.search.setText("address")
    assert page.proxy.rowCount() >= 1  # the search itself works


@pytest.fixture
def engine(x_export: tuple[Path, str]) -> HeldEngine:
    export, photo = x_export
    return HeldEngine(lambda _paths: make_report(export, photo))
