"""Desktop test fixtures: a real X archive (built), a report of invented findings about it, and an
engine whose audit can be held part-way so tests can cancel it and watch the GUI stay live."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.assess.advice import build_checklist, default_catalogue
from checks.assess.scoring import score
from checks.pipeline import describe
from checks.progress import CancelToken, Progress, Stage
from checks.records import (
    Audience,
    Category,
    Finding,
    InputSummary,
    ItemKind,
    Place,
    Platform,
    Report,
    Severity,
    Source,
)
from desktop.engine import Engine
from tests.builders.x import Media, Tweet, XArchive

HOME = "42 Laburnum Close"


@pytest.fixture
def x_export(tmp_path: Path) -> tuple[Path, str]:
    """A real X archive zip of an invented person, with one photo; returns (zip, photo member)."""
    when = datetime(2025, 3, 2, 18, 30, tzinfo=UTC)
    archive = XArchive(tweets=[
        Tweet(f"Finally moved into {HOME}, come round!", when),
        Tweet("Night shift again at the nick", datetime(2025, 4, 1, 22, 0, tzinfo=UTC)),
        Tweet("Sunset from the garden", datetime(2025, 5, 1, 20, 0, tzinfo=UTC), media=(Media(),)),
    ])
    path = archive.write_zip(tmp_path / "twitter-2026-11-01-abc.zip")
    photo = next(n for n in archive.files() if n.startswith(archive.media_dir) and n.endswith(".jpg"))
    return path, photo


def make_report(export: Path, photo: str, *, when: datetime | None = None, drop: Sequence[str] = ()) -> Report:
    """An invented audit of `export`: a home address, an employer, a photo with a place, and more."""
    t = datetime(2025, 3, 2, 18, 30, tzinfo=UTC)
    findings = [
        Finding("f-home", "address", Category.HOME_ADDRESS, Severity.HIGH, 0.9, "Your home address in a post",
                "A street address you posted shows where you live.", f"Finally moved into {HOME}, come round!",
                Platform.X, Source(0, "data/tweets.js", "/0/tweet/full_text", t),
                related=(Source(0, "data/tweets.js", "/7/tweet/full_text", t),),
                place=Place(51.37, -0.1, 50.0, "near Croydon"), item_kind=ItemKind.POST,
                audience=Audience.PUBLIC, span=(19, 19 + len(HOME))),
        Finding("f-work", "employer", Category.EMPLOYER_DISCLOSURE, Severity.MEDIUM, 0.8,
                "You mention working for the police", "Posts show your employer.", "Night shift again at the nick",
                Platform.X, Source(0, "data/tweets.js", "/1/tweet/full_text", datetime(2025, 4, 1, tzinfo=UTC)),
                item_kind=ItemKind.POST, span=(22, 30)),
        Finding("f-photo", "photo-gps", Category.PHOTO_METADATA, Severity.MEDIUM, 0.7,
                "A photo taken at home", "The photo carries where it was taken.", "Sunset from the garden",
                Platform.X, Source(0, photo, "", datetime(2025, 5, 1, tzinfo=UTC)),
                place=Place(51.37, -0.1, 30.0, "near Croydon"), item_kind=ItemKind.PHOTO),
        Finding("f-dob", "dob", Category.IDENTITY_DETAILS, Severity.LOW, 0.6, "Your birthday",
                "Your date of birth helps identity theft.", "Born 14 November 1992", Platform.X,
                Source(0, "data/account.js", "/0/account/birthDate"), item_kind=ItemKind.PROFILE_FIELD,
                span=(5, 21)),
    ]
    findings = [f for f in findings if f.id not in drop]
    catalogue = default_catalogue()  # the real advice catalogue maps the findings to advice
    findings = [replace(f, advice=catalogue.ids_for(category=f.category, platform=f.platform, item_kind=f.item_kind,
                                                    detector=f.detector, key=f.key, severity=f.severity))
                for f in findings]
    return Report(
        tool_version="test", generated_at=when or datetime(2026, 3, 14, 10, 0, tzinfo=UTC),
        inputs=(InputSummary(str(export), Platform.X, "x-archive", 3, size_bytes=export.stat().st_size),),
        findings=tuple(findings), score=score(findings, datetime(2026, 3, 14, tzinfo=UTC)),
        checklist=build_checklist(findings, catalogue),
    )


class HeldEngine(Engine):
    """The real engine for recognising exports; `audit` reports progress in many small steps and
    can be held at a gate, so a test can cancel mid-scan. The report is `report_for(paths)`."""

    def __init__(self, report_for: Callable[[Sequence[Path]], Report], steps: int = 200) -> None:
        self.report_for = report_for
        self.steps = steps
        self.gate = threading.Event()
        self.gate.set()
        self.reached = threading.Event()  # the audit is half-way and waiting at the gate
        self.stopped_at: int | None = None
        self.saved: dict[Path, tuple[Report, object]] = {}
        self.options: dict[str, object] = {}  # the keywords the last audit was given (ocr, extra_items...)

    def describe(self, paths: Sequence[Path]) -> list:  # type: ignore[override]
        return describe(list(paths))

    def audit(self, paths: Sequence[Path], progress: Callable[[Progress], None], cancel: CancelToken,
              **options: object) -> Report:
        self.options = dict(options)
        for step in range(self.steps):
            if step == self.steps // 2:
                self.reached.set()
                while not self.gate.wait(0.01):
                    if cancel.cancelled:
                        break
            if cancel.cancelled:
                self.stopped_at = step
                return replace(self.report_for(paths), cancelled=True)
            progress(Progress(0, paths[0].name, Stage.READING, step / self.steps, step / self.steps, items=step))
        progress(Progress(-1, "", Stage.DONE, 1.0))
        return self.report_for(paths)


def printed_text(qtbot, window: object, pdf: Path, timeout: int = 120_000) -> str:  # type: ignore[no-untyped-def]
    """Write the window's checklist as a PDF (on its worker) and return the PDF's text (pdftotext)."""
    import subprocess

    task = window.output.write("pdf", pdf)  # type: ignore[attr-defined]
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=timeout):
        pass
    assert pdf.exists(), window.output.status.text()  # type: ignore[attr-defined]
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def engine(x_export: tuple[Path, str]) -> HeldEngine:
    export, photo = x_export
    return HeldEngine(lambda _paths: make_report(export, photo))


@pytest.fixture(autouse=True)
def _restore_app_font(qapp):  # type: ignore[no-untyped-def]
    """A welfare window enlarges the application font; put it back for the next test."""
    from PySide6.QtGui import QFont

    font = QFont(qapp.font())
    yield
    qapp.setFont(font)
