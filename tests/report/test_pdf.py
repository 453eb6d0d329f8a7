"""The A4 PDF, rendered by Qt from the same HTML, read back with pdftotext and pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from checks.records import Report
from checks.report.checklist_model import build_model
from desktop.printing import write_pdf
from tests.report.conftest import ADDRESS, SECRETS

pytestmark = [pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing"),
              pytest.mark.usefixtures("qapp")]


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True)
    # in drawing order (a step and the QR code beside it stay apart); ligatures (ﬁ) back to letters,
    # and one space between words whatever the line breaks
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


@pytest.fixture
def masked_pdf(tmp_path: Path, leaky_report: Report) -> tuple[Path, int]:
    path = tmp_path / "checklist.pdf"
    pages = write_pdf(leaky_report, path, name="Sam Invented")
    return path, pages


def test_pdf_is_a4_and_holds_the_checklist(masked_pdf: tuple[Path, int], leaky_report: Report) -> None:
    path, pages = masked_pdf
    assert path.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595 x 842 pts (A4)" in info
    assert f"Pages: {pages}" in " ".join(info.split()) and pages >= 3
    text = _text(path)
    assert "Your privacy plan" in text and "Prepared for Sam Invented" in text
    model = build_model(leaky_report)
    joined = "".join(text.split())  # a long address may wrap at any point
    for task in (t for s in model.sections for t in s.tasks):
        assert " ".join(task.title.split()) in text, task.advice
        if not (task.brief or task.done):  # a step already done is one line, ticked
            assert "".join(task.steps[0].split()) in joined, task.advice
    assert "Offline records in the UK" in text and "Next review" in text


def test_pdf_never_shows_evidence_unmasked(masked_pdf: tuple[Path, int]) -> None:
    text = _text(masked_pdf[0])
    for secret in SECRETS:
        assert secret not in text, secret
    assert "L******* C****" in text


def test_reveal_prints_the_evidence(tmp_path: Path, leaky_report: Report) -> None:
    path = tmp_path / "full.pdf"
    write_pdf(leaky_report, path, reveal=True)
    text = _text(path)
    assert ADDRESS in text
    assert "Prepared for" not in text


def test_pages_render_to_images(masked_pdf: tuple[Path, int], tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing")
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(masked_pdf[0]), str(tmp_path / "p")],
                   check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == 2 and all(p.stat().st_size > 1000 for p in pngs)


def test_a_failed_write_leaves_no_file(tmp_path: Path, leaky_report: Report) -> None:
    from checks.store.files import FileWriteError

    target = tmp_path / "missing-folder" / "x.pdf"
    with pytest.raises(FileWriteError):
        write_pdf(leaky_report, target)
    assert not target.exists()


def test_a_revealed_pdf_is_owner_only_and_never_follows_a_planted_link(tmp_path: Path, leaky_report: Report) -> None:
    import os
    import stat

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / ".revealed.pdf.partial").symlink_to(victim)  # the old writer's fixed temporary name
    target = tmp_path / "revealed.pdf"
    write_pdf(leaky_report, target, reveal=True)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert victim.read_text() == "keep me" and ADDRESS in _text(target)


def test_print_dialog_prints_the_same_checklist(tmp_path: Path, leaky_report: Report,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from desktop.printing import print_report

    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert print_report(leaky_report, None, printer=printer) is False
    assert not out.exists()
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    recorded: list[Path] = []

    def record(path: Path) -> None:
        assert not path.exists()  # recorded before it is written: a crash still leaves a trace
        recorded.append(path)

    assert print_report(leaky_report, None, printer=printer, record=record) is True
    del printer
    assert recorded == [out]  # printing to a file is a file the session knows about
    assert (out.stat().st_mode & 0o777) == 0o600  # written by the private writer, not by Qt
    text = _text(out)
    assert "Your privacy plan" in text
    assert leaky_report.checklist[0].title in text
    for secret in SECRETS:
        assert secret not in text
