"""The pages' interface (desktop/pages/base.py): the window and the screenshotter use nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.app import build_window
from desktop.pages.base import Page, PageKey, ScanRequest
from tests.desktop.conftest import HeldEngine

ROOT = Path(__file__).resolve().parents[2]
PAGE_ATTRIBUTES = {"welcome", "formats", "add", "stranger", "scan", "overview", "findings", "checklist", "output"}
# What a page offers: Page's interface, and the typed actions and signals each page declares.
INTERFACE = {
    "key", "title", "reset", "shown", "add_to_scan", "show_finding",
    "go_to", "finding_requested", "scan_requested", "open_requested", "notice",
    "mode_chosen", "described", "checked", "written", "scan_finished", "scan_cancelled", "scan_failed",
    "choose_files", "add_paths", "set_targets", "save_audit", "print_checklist", "start", "running",
}


def _page_uses(path: Path) -> list[str]:
    """`<page>.<name>` uses in a module (window.py: self.add.x; app.py: window.add.x), and `.click()` calls."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) \
                and node.value.attr in PAGE_ATTRIBUTES and isinstance(node.value.value, ast.Name | ast.Attribute):
            found.append(f"{node.value.attr}.{node.attr}")
        if isinstance(node, ast.Attribute) and node.attr == "click":
            found.append(f"line {node.lineno}: .click")
    return found


@pytest.mark.parametrize("module", ["desktop/window.py", "desktop/app.py"])
def test_the_window_uses_only_the_pages_interface(module: str) -> None:
    uses = _page_uses(ROOT / module)
    assert uses, "the check sees the window's use of its pages"
    assert [u for u in uses if u.split(".")[-1] not in INTERFACE] == []


def test_the_check_sees_a_reach_into_a_widget(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("def f(self):\n    self.findings.search.clear()\n    self.output.save_button.click()\n")
    assert sorted(_page_uses(source)) == ["findings.search", "line 3: .click", "output.save_button"]


def test_every_page_has_its_key_and_the_window_holds_them_in_order(qtbot, engine: HeldEngine) -> None:  # type: ignore[no-untyped-def]
    window = build_window(engine)
    qtbot.addWidget(window)
    assert list(window.pages) == [k.value for k in PageKey]
    for key, page in window.pages.items():
        assert isinstance(page, Page) and page.key == key and page.title
        assert getattr(window, key) is page


def test_ending_the_session_resets_every_page(qtbot, engine: HeldEngine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = build_window(engine)
    qtbot.addWidget(window)
    reset: list[str] = []
    for key, page in window.pages.items():
        monkeypatch.setattr(page, "reset", lambda k=key: reset.append(k))
    window.end_session()
    assert reset == list(window.pages)


def test_a_scan_request_gathers_every_pages_part(qtbot, engine: HeldEngine, x_export: tuple[Path, str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(HeldEngine, "ocr_available", lambda _self: True, raising=False)
    window = build_window(engine)
    qtbot.addWidget(window)
    assert window.scan_request().empty and window.start_scan() is None  # nothing to scan: nothing starts
    with qtbot.waitSignal(window.add.described, timeout=30_000):
        window.add.add_paths([x_export[0]])
    window.add.ocr.setChecked(True)
    assert window.scan_request() == ScanRequest(paths=(x_export[0],), ocr=True)
    assert window.scan_request().options() == {"ocr": True}


def test_a_finding_asked_for_is_shown_whatever_the_filters(qtbot, engine: HeldEngine,  # type: ignore[no-untyped-def]
                                                            x_export: tuple[Path, str]) -> None:
    window = build_window(engine)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.add.described, timeout=30_000):
        window.add.add_paths([x_export[0]])
    with qtbot.waitSignal(window.report_ready, timeout=30_000):
        window.start_scan()
    window.findings.search.setText("nothing matches this")
    with qtbot.waitSignal(window.checklist.finding_requested, timeout=5_000):
        window.checklist.finding_requested.emit("f-dob")
    assert window.current_page() == PageKey.FINDINGS
    assert window.findings.current is not None and window.findings.current.id == "f-dob"
    assert window.findings.search.text() == ""
