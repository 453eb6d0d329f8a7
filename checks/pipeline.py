"""`audit(paths)`: the one call the command line and the window make.

open -> recognise -> read -> detect (per item) -> infer (across items) -> assess -> Report.
Progress is a plain callback and cancel a token checked between items; no Qt, no globals.
An export that cannot be read becomes an input with a message; a damaged member becomes
`skipped`; an unexpected error inside a reader ends that export's reading, is recorded, and
the rest of the audit goes on, so an audit is never lost to one bad file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from checks.assess.advice import Catalogue, build_checklist, default_catalogue
from checks.assess.crossref import cross_reference
from checks.assess.merge import merge
from checks.assess.scoring import score
from checks.detectors import ANALYZERS, DETECTORS
from checks.detectors.base import Analyzer, Detector
from checks.errors import NoReadableInput, UnreadableExport
from checks.exports.archive import DEFAULT_LIMITS, Export, Limits, group_parts, open_export
from checks.exports.recognise import Recognition, recognise
from checks.progress import Cancelled, CancelToken, Progress, ProgressCallback, no_progress
from checks.readers import ReadContext, reader_for
from checks.records import (
    Detection,
    Finding,
    InputSummary,
    Item,
    ItemKind,
    Message,
    Platform,
    Report,
    Skipped,
    Source,
    msg,
)
from checks.version import __version__

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05


@dataclass(frozen=True)
class PlannedInput:
    """One export as recognised before reading (what the window shows on the Add page)."""

    paths: tuple[Path, ...]
    label: str
    recognition: Recognition | None
    readable: bool
    message: Message | str
    size_bytes: int


def describe(paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> list[PlannedInput]:
    """Open and recognise each export without reading it (fast)."""
    out = []
    for group in group_parts(list(paths)):
        label = group[0].name if len(group) == 1 else f"{group[0].name} (+{len(group) - 1} parts)"
        try:
            with open_export(group, limits) as export:
                rec = recognise(export)
                readable, message = _readability(rec)
                out.append(PlannedInput(tuple(group), label, rec, readable, message, export.size_bytes))
        except UnreadableExport as exc:
            out.append(PlannedInput(tuple(group), label, None, False, exc.reason, 0))
    return out


def _readability(rec: Recognition | None) -> tuple[bool, str]:
    if rec is None:
        return False, "not an export Offduty recognises"
    if reader_for(rec.format) is None:
        return False, f"{rec.title} recognised; this version of Offduty cannot read it yet"
    return True, f"{rec.title}"


class _Throttle:
    def __init__(self, callback: ProgressCallback) -> None:
        self.callback = callback
        self.last = 0.0

    def __call__(self, progress: Progress, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last >= PROGRESS_INTERVAL_S:
            self.last = now
            self.callback(progress)


def audit(
    paths: Sequence[Path | str],
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    limits: Limits = DEFAULT_LIMITS,
    catalogue: Catalogue | None = None,
    extra_items: Callable[[int], Iterable[Item]] | None = None,
    extra_inputs: Sequence[InputSummary] = (),
    now: datetime | None = None,
    ocr: bool = False,
) -> Report:
    """Audit exports together: one report, one score, one checklist.

    `extra_items(first_input_index)` may add items not read from exports (the public-profile
    check), described by `extra_inputs`. Raises NoReadableInput when nothing could be read.
    Cancelling returns the report of what was read so far, with `cancelled=True`.
    `ocr=True` also reads text in photos (slow; needs the optional OCR engine, see checks/readers/ocr.py).
    """
    cancel = cancel or CancelToken()
    catalogue = catalogue or default_catalogue()
    throttle = _Throttle(progress)
    groups = group_parts([Path(p) for p in paths])
    detectors: list[Detector] = [cls() for cls in DETECTORS]
    analyzers: list[Analyzer] = [cls() for cls in ANALYZERS]
    detections: list[Detection] = []
    settings: dict[str, str] = {}
    inputs: list[InputSummary] = []
    notes: list[Message | str] = []
    problems: list[tuple[str, Message | str]] = []
    cancelled = False
    total = max(1, len(groups) + (1 if extra_items else 0))

    def handle(item: Item) -> None:
        if item.kind is ItemKind.SETTING and isinstance(item.field, str):
            settings[f"{item.platform.value}.{item.field}"] = item.text
        for detector in detectors:
            try:
                detections.extend(detector.detect(item))
            except Exception:  # a detector bug must not lose the audit
                log.exception("detector %s failed", detector.id)
        for analyzer in analyzers:
            try:
                analyzer.observe(item)
            except Exception:
                log.exception("analyzer %s failed", analyzer.id)

    for index, group in enumerate(groups):
        label = group[0].name if len(group) == 1 else f"{group[0].name} (+{len(group) - 1} parts)"
        throttle(Progress(index, label, "opening", index / total), force=True)

        def reading(frac: float, n: int, i: int = index, lab: str = label) -> None:
            throttle(Progress(i, lab, "reading", (i + frac) / total, frac, items=n))

        try:
            summary = _read_one(index, group, label, limits, cancel, handle, reading, ocr)
        except Cancelled:
            cancelled = True
            inputs.append(InputSummary(str(group[0]), Platform.OTHER, "unknown", 0, (), False, "cancelled"))
            break
        inputs.append(summary)
        if not summary.readable:
            problems.append((str(group[0]), summary.message))
        elif summary.message:
            notes.append(msg("audit.note", export=label, note=summary.message))

    if not cancelled and extra_items is not None:
        start = len(inputs)
        inputs.extend(extra_inputs)
        try:
            for item in extra_items(start):
                cancel.raise_if_cancelled()
                handle(item)
        except Cancelled:
            cancelled = True

    if not any(i.readable for i in inputs) and not cancelled:
        raise NoReadableInput(problems or [(str(p), "nothing to read") for p in paths])

    throttle(Progress(-1, "", "inferring places", (total - 0.5) / total), force=True)
    if not cancelled:
        for analyzer in analyzers:
            try:
                detections.extend(analyzer.finish())
            except Exception:
                log.exception("analyzer %s failed", analyzer.id)

    throttle(Progress(-1, "", "assessing", (total - 0.2) / total), force=True)
    findings = cross_reference(_attach_advice(merge(detections), catalogue))
    report = Report(
        tool_version=__version__,
        generated_at=now or datetime.now(UTC).replace(microsecond=0),
        inputs=tuple(inputs),
        findings=tuple(findings),
        score=score(findings, now),
        checklist=build_checklist(findings, catalogue, settings),
        cancelled=cancelled,
        notes=tuple(notes),
    )
    throttle(Progress(-1, "", "done", 1.0, message=f"{len(findings)} findings"), force=True)
    return report


def _attach_advice(findings: list[Finding], catalogue: Catalogue) -> list[Finding]:
    out = []
    for f in findings:
        ids = catalogue.ids_for(category=f.category, platform=f.platform, item_kind=f.item_kind,
                                detector=f.detector, declared=f.advice, key=f.key, severity=f.severity)
        if not ids:
            ids = catalogue.ids_for(category=f.category, platform=Platform.OTHER, item_kind=f.item_kind,
                                    detector=f.detector, declared=())
        out.append(replace(f, advice=ids))
    return out


def _read_one(index: int, group: list[Path], label: str, limits: Limits, cancel: CancelToken,
              handle: Callable[[Item], None], report: Callable[[float, int], None],
              ocr: bool = False) -> InputSummary:
    try:
        export: Export = open_export(group, limits)
    except UnreadableExport as exc:
        return InputSummary(str(group[0]), Platform.OTHER, "unknown", 0, (), False, exc.reason)
    with export:
        rec = recognise(export)
        readable, message = _readability(rec)
        if rec is None or not readable:
            return InputSummary(str(group[0]), rec.platform if rec else Platform.OTHER,
                                rec.format if rec else "unknown", 0, tuple(export.refused), False, message,
                                export.size_bytes)
        reader_cls = reader_for(rec.format)
        assert reader_cls is not None
        count = 0
        ctx = ReadContext(input_index=index, export=export, cancel=cancel,
                          on_progress=lambda frac, _file: report(frac, count))
        photo_reader = _PhotoText(export, rec.platform, index, handle, cancel) if ocr else None
        try:
            for item in reader_cls().read(ctx):
                count += 1
                handle(item)
                if photo_reader is not None:
                    photo_reader.item(item)
                if count % 256 == 0:
                    cancel.raise_if_cancelled()
                    report(ctx.fraction, count)
        except Cancelled:
            raise
        except Exception as exc:  # an unexpected reader error ends this export, not the audit
            log.exception("reader %s failed on %s", rec.format, label)
            ctx.skip("", f"reading stopped early because of an unexpected error ({type(exc).__name__}); "
                         "what was read before it is included")
        if photo_reader is not None:
            photo_reader.rest()
        report(1.0, count)
        skipped: tuple[Skipped, ...] = (*export.refused, *ctx.skipped)
        note = " ".join(ctx.notes)
        return InputSummary(str(group[0]), rec.platform, rec.format, count, skipped, True, note,
                            export.size_bytes)


class _PhotoText:
    """The optional OCR pass: text inside every photo of an export, read once per photo."""

    def __init__(self, export: Export, platform: Platform, index: int, handle: Callable[[Item], None],
                 cancel: CancelToken) -> None:
        self.export, self.platform, self.index, self.handle, self.cancel = export, platform, index, handle, cancel
        self.done: set[str] = set()

    def item(self, item: Item) -> None:
        """A photo a reader described (keeps its source: the post or record it belongs to)."""
        from checks.readers.ocr import text_item

        if item.kind is not ItemKind.PHOTO or not item.media or item.media in self.done:
            return
        self.done.add(item.media)
        seen = text_item(item, self.export)
        if seen is not None:
            self.handle(seen)
        self.cancel.raise_if_cancelled()

    def rest(self) -> None:
        """Every other image in the export (photos no reader described)."""
        from checks.readers.ocr import IMAGE_SUFFIXES

        for member in self.export.members():
            if member.name in self.done or not member.name.lower().endswith(IMAGE_SUFFIXES):
                continue
            photo = Item(self.platform, ItemKind.PHOTO, Source(self.index, member.name, ""), media=member.name)
            self.item(photo)
