"""The real engine in the window: the bundled demo opens and its findings appear; `--screenshot`
writes one PNG per page; a real encrypted save and reopen keeps ticks and dismissals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from checks.errors import OffdutyError
from desktop.app import build_window
from desktop.engine import Engine
from desktop.models import ChecklistModel
from desktop.window import MainWindow
from tests.desktop.conftest import printed_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_paths() -> list[Path]:
    try:
        return Engine().demo_paths()
    except OffdutyError:
        pytest.skip("the demo export is not built (scripts/make_demo.py)")


def scan_demo(qtbot, demo_paths: list[Path], welfare: bool = False) -> MainWindow:
    window = build_window(Engine(), welfare=welfare)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.add.described, timeout=60_000):
        window.add.add_paths(demo_paths)
    with qtbot.waitSignal(window.report_ready, timeout=120_000):
        window.add.scan.click()
    return window


def test_the_demo_opens_and_its_findings_appear(qtbot, demo_paths: list[Path]) -> None:
    window = scan_demo(qtbot, demo_paths)
    report = window.session.report
    assert report is not None and report.findings
    assert window.findings.model.rowCount() == len(report.findings)
    assert window.overview.score.text() == str(report.score.value)
    # Nothing of the evidence shows unmasked until asked.
    window.show_page("findings")
    window.findings.table.selectRow(0)
    f = window.findings.current
    assert f is not None
    if f.span:
        assert f.evidence[f.span[0]:f.span[1]] not in window.findings.d_evidence.text()


def test_a_real_saved_audit_keeps_ticks_and_dismissals(qtbot, demo_paths: list[Path], tmp_path: Path) -> None:
    pytest.importorskip("checks.store.vault")
    window = scan_demo(qtbot, demo_paths)
    report = window.session.report
    assert report is not None and report.checklist
    window.session.dismiss(report.findings[0].id, True)
    model = window.checklist.model
    model.setData(model.index(0, ChecklistModel.DONE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    saved = tmp_path / "demo.offduty"
    task = window.output.save(saved, "a passphrase for tests")
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert saved.exists(), window.output.status.text()
    assert b"Laburnum" not in saved.read_bytes()
    again = build_window(Engine())
    qtbot.addWidget(again)
    assert again.engine.needs_passphrase(saved)
    with qtbot.waitSignal(again.report_ready, timeout=60_000):
        again.load_audit(saved, "a passphrase for tests")
    assert again.session.state == window.session.state
    assert len(again.session.report.findings) == len(report.findings)


def test_screenshot_mode_writes_one_png_per_page(demo_paths: list[Path], tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--demo", "--screenshot", str(tmp_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert shots == [f"{i:02d}-{k}.png" for i, k in enumerate(MainWindow.PAGE_KEYS, 1)]
    for name in shots:
        with Image.open(tmp_path / name) as img:
            assert img.width >= 800 and img.height >= 600
            assert len(img.convert("L").getcolors(1 << 16) or []) > 8  # not a blank page


def test_the_whole_journey_on_the_demo(qtbot, demo_paths: list[Path], tmp_path: Path) -> None:
    """Add the demo, scan, filter, reveal, tick, PDF, save, reopen: the real engine throughout."""
    import shutil

    pytest.importorskip("checks.store.vault")
    pytest.importorskip("desktop.printing")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from checks.records import Category

    window = scan_demo(qtbot, demo_paths)
    report = window.session.report
    assert report is not None
    page = window.findings
    window.show_page("findings")
    page.category.setCurrentIndex(page.category.findData(Category.HOME_ADDRESS.value))
    homes = [f for f in report.findings if f.category is Category.HOME_ADDRESS]
    assert page.proxy.rowCount() == len(homes) > 0
    page.table.selectRow(0)
    f = page.current
    assert f is not None and f.category is Category.HOME_ADDRESS
    page.reveal.click()
    assert page.d_evidence.text() == f.evidence

    window.show_page("checklist")
    model = window.checklist.model
    model.setData(model.index(0, ChecklistModel.DONE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.session.state.ticked

    text = " ".join(printed_text(qtbot, window, tmp_path / "checklist.pdf").split())
    first_to_do = next(c for c in window.session.visible_report().checklist if not c.done)
    assert " ".join(first_to_do.title.split())[:40] in text

    saved = tmp_path / "journey.offduty"
    task = window.output.save(saved, "journey passphrase")
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    again = build_window(Engine())
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.report_ready, timeout=60_000):
        again.load_audit(saved, "journey passphrase")
    assert again.session.state.ticked == window.session.state.ticked
    assert again.checklist.model.done_count() == window.checklist.model.done_count()
