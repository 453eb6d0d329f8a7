"""Printing the checklist: an A4 PDF (`offduty scan --pdf`) and the print dialog of the app.

Both render the HTML of `checks/report/html_report.py` with Qt's QTextDocument, so the PDF and
the printed page match the HTML page and no browser is needed. `write_pdf` works without a
display: when no Qt application exists it makes one on the offscreen platform.

A PDF is rendered in memory and written by the one private writer (`checks/store/files.py`:
owner-only, complete or not at all, never through a planted link, never over an input). "Print to
file" in the print dialog goes the same way, and is recorded first (`record`), so a welfare
session knows the file and "End session" removes it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from checks.records import Report
from checks.report.checklist_model import PlanOptions
from checks.report.html_report import render_html
from checks.store.files import write_private_bytes

MARGINS_MM = QMarginsF(15, 15, 15, 17)
_APP: QCoreApplication | None = None  # kept alive for the process when made here


def _ensure_app() -> None:
    global _APP
    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication (not just a QGuiApplication), so the print dialog and widgets work later too.
    from PySide6.QtWidgets import QApplication

    _APP = QApplication(sys.argv[:1] or ["offduty"])


def _document(report: Report, reveal: bool, name: str | None, options: PlanOptions | None = None) -> QTextDocument:
    doc = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(11.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(render_html(report, reveal=reveal, name=name, options=options))
    return doc


def _layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def render_to(device: QPagedPaintDevice, report: Report, reveal: bool = False, name: str | None = None,
              options: PlanOptions | None = None) -> int:
    """Print the plan on `device` (a PDF writer or a printer); returns the number of pages."""
    device.setPageLayout(_layout())
    doc = _document(report, reveal, name, options)
    # Lay out in points (1/72 inch) on the printable area; print_() scales to the device.
    rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    doc.setPageSize(QSizeF(rect.width() * 96 / 72, rect.height() * 96 / 72))
    doc.print_(device)
    return doc.pageCount()


def pdf_bytes(report: Report, reveal: bool = False, name: str | None = None,
              options: PlanOptions | None = None) -> tuple[bytes, int]:
    """The printable plan as an A4 PDF in memory, and its number of pages."""
    _ensure_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("printing", "Privacy checklist"))
    writer.setCreator("Offduty")
    pages = render_to(writer, report, reveal, name, options)
    del writer  # flushes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    if not data:
        raise OSError("the PDF could not be made")
    return data, pages


def write_pdf(report: Report, path: Path | str, reveal: bool = False, name: str | None = None,
              options: PlanOptions | None = None, protect: Iterable[Path | str] = ()) -> int:
    """Write the printable plan as an A4 PDF at `path`; returns the number of pages.

    Made in memory, then written by the private writer: a failure leaves no half file.
    """
    data, pages = pdf_bytes(report, reveal, name, options)
    write_private_bytes(path, data, protect=protect)
    return pages


def print_report(report: Report, parent: object = None, reveal: bool = False, name: str | None = None,
                 printer: object = None, options: PlanOptions | None = None,
                 record: Callable[[Path], None] | None = None, protect: Iterable[Path | str] = ()) -> bool:
    """Open the system print dialog for the checklist; True when it was sent to the printer.

    `printer` (a QPrinter) may be given, for example one set to print to a PDF file. When the
    person prints to a file, `record(path)` is called before it is written (a welfare session
    passes `Session.wrote`) and the file is written by the private writer, never by Qt.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog, QWidget

    if not isinstance(printer, QPrinter):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_layout())
    printer.setDocName(QCoreApplication.translate("printing", "Privacy checklist"))
    dialog = QPrintDialog(printer, parent if isinstance(parent, QWidget) else None)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print your checklist"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    target = printer.outputFileName()
    if target:
        if record is not None:
            record(Path(target))  # on the session's list before it exists: a crash still leaves a trace
        write_pdf(report, Path(target), reveal, name, options, protect)
        return True
    render_to(printer, report, reveal, name, options)
    return True
