"""`audit(paths)`: the one call the command line and the window make.

open -> recognise -> read -> detect (per item) -> infer (across items) -> assess -> Report.
Progress is a plain callback and cancel a token checked between items; no Qt, no globals.
An export that cannot be read becomes an input with a message; a damaged member becomes
`skipped`; an unexpected error inside a reader ends that export's reading, is recorded, and
the rest of the audit goes on, so an audit is never lost to one bad file. An export that is
recognised and readable but gives nothing to read is said in one sentence, and the score is
then marked incomplete rather than shown as a reassuring "low".

`audit()` only orchestrates: reading one export is `_read_export`, the per-item work is
`_Sinks`, the text-in-photos pass lives in `checks/readers/ocr.py`, settings are keyed in
`checks/settings.py` and advice is attached by `checks/assess/advice.py`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from checks.assess.advice import Catalogue, attach_advice, build_checklist, default_catalogue
from checks.assess.crossref import cross_reference
from checks.assess.merge import merge
from checks.assess.scoring import score
from checks.detectors import ANALYZERS, DETECTORS
from checks.detectors.base import Analyzer
from checks.detectors.runner import DetectorRun
from checks.errors import NoReadableInput, UnreadableExport
from checks.exports.archive import DEFAULT_LIMITS, Export, Limits, export_label, group_parts, open_export
from checks.exports.recognise import Recognition, recognise
from checks.progress import Cancelled, CancelToken, Progress, ProgressCallback, Stage, no_progress
from checks.readers import FORMATS, ReadContext, reader_for
from checks.readers.ocr import PhotoTextPass
from checks.records import Detection, InputSummary, Item, Message, Platform, Report, Skipped, msg
from checks.settings import ReadsSettings, setting_of
from checks.version import __version__

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05
UNKNOWN_FORMAT = "unknown"


@dataclass(frozen=True)
class PlannedInput:
    """One export as recognised before reading (what the window shows on the Add page)."""

    paths: tuple[Path, ...]
    label: str
    recognition: Recognition | None
    readable: bool
    message: Message
    size_bytes: int


def describe(paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> list[PlannedInput]:
    """Open and recognise each export without reading it (fast)."""
    out = []
    for group in group_parts(list(paths)):
        try:
            with open_export(group, limits) as export:
                rec = recognise(export)
                readable, message = _readability(rec)
                out.append(PlannedInput(tuple(group), export_label(group), rec, readable, message, export.size_bytes))
        except UnreadableExport as exc:
            out.append(PlannedInput(tuple(group), export_label(group), None, False, exc.reason, 0))
    return out


def _readability(rec: Recognition | None) -> tuple[bool, Message]:
    if rec is None:
        return False, msg("pipeline.not_recognised")
    if reader_for(rec.format) is None:
        return False, msg("pipeline.cannot_read_yet", format=rec.title)
    return True, msg("pipeline.recognised", format=rec.title)


def expected_file(format_id: str) -> str | None:
    """The file the format's own declaration says its exports hold (`FormatSpec.expected_file`):
    what a recognised export that gave nothing was expected to hold."""
    spec = FORMATS.get(format_id)
    return spec.expected_file if spec else None


class _Throttle:
    def __init__(self, callback: ProgressCallback) -> None:
        self.callback = callback
        self.last = 0.0

    def __call__(self, progress: Progress, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last >= PROGRESS_INTERVAL_S:
            self.last = now
            self.callback(progress)


@dataclass
class _Sinks:
    """Where every item goes: each detector, each analyzer, and the settings seen."""

    detectors: DetectorRun = field(default_factory=lambda: DetectorRun([cls() for cls in DETECTORS]))
    analyzers: list[Analyzer] = field(default_factory=lambda: [cls() for cls in ANALYZERS])
    detections: list[Detection] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)

    def handle(self, item: Item) -> None:
        setting = setting_of(item)
        if setting is not None:
            self.settings[setting[0]] = setting[1]
        self.detections.extend(self.detectors.detect(item))  # a failing detector is logged, never fatal
        for analyzer in self.analyzers:
            try:
                analyzer.observe(item)
            except Exception:
                log.exception("analyzer %s failed", analyzer.id)

    def infer(self) -> None:
        """What the analyzers draw from everything seen (places, routines), each handed the
        settings gathered here when it reads them."""
        for analyzer in self.analyzers:
            try:
                if isinstance(analyzer, ReadsSettings):
                    analyzer.use_settings(dict(self.settings))
                self.detections.extend(analyzer.finish())
            except Exception:
                log.exception("analyzer %s failed", analyzer.id)


@dataclass(frozen=True)
class _Job:
    """What reading every export shares: limits, the cancel token, where items go, the OCR choice."""

    limits: Limits
    cancel: CancelToken
    sinks: _Sinks
    throttle: _Throttle
    total: int
    ocr: bool


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
    groups = group_parts([Path(p) for p in paths])
    job = _Job(limits, cancel or CancelToken(), _Sinks(), _Throttle(progress),
               max(1, len(groups) + (1 if extra_items else 0)), ocr)
    inputs, cancelled = _read_exports(job, groups)
    if not cancelled and extra_items is not None:
        inputs.extend(extra_inputs)
        cancelled = _read_extra(job, extra_items, len(inputs) - len(extra_inputs))
    if not cancelled and not any(i.readable for i in inputs):
        nothing = msg("pipeline.nothing_to_read")
        raise NoReadableInput([(i.path, i.message if isinstance(i.message, Message) else nothing) for i in inputs])
    job.throttle(Progress(-1, "", Stage.INFERRING, (job.total - 0.5) / job.total), force=True)
    if not cancelled:
        job.sinks.infer()
    job.throttle(Progress(-1, "", Stage.ASSESSING, (job.total - 0.2) / job.total), force=True)
    report = _assess(job.sinks, [export_label(g) for g in groups], inputs, cancelled, catalogue or default_catalogue(),
                     now)
    job.throttle(Progress(-1, "", Stage.DONE, 1.0, message=msg("stage.findings", count=len(report.findings))),
                 force=True)
    return report


def _assess(sinks: _Sinks, labels: list[str], inputs: list[InputSummary], cancelled: bool, catalogue: Catalogue,
            now: datetime | None) -> Report:
    """Merge, advise, score: the report. `labels` name the exports (the first inputs, in order)."""
    findings = cross_reference(attach_advice(merge(sinks.detections), catalogue))
    exports = inputs[:len(labels)]
    empty = any(i.readable and i.items == 0 for i in exports)
    return Report(
        tool_version=__version__,
        generated_at=now or datetime.now(UTC).replace(microsecond=0),
        inputs=tuple(inputs),
        findings=tuple(findings),
        score=score(findings, now, complete=not (cancelled or empty)),
        checklist=build_checklist(findings, catalogue, sinks.settings),
        cancelled=cancelled,
        notes=tuple(msg("audit.note", export=label, note=i.message)
                    for label, i in zip(labels, exports, strict=False) if i.readable and i.message),
    )


def _read_exports(job: _Job, groups: list[list[Path]]) -> tuple[list[InputSummary], bool]:
    """Each export in turn: (what each was, whether the person cancelled)."""
    inputs: list[InputSummary] = []
    for index, group in enumerate(groups):
        label = export_label(group)
        job.throttle(Progress(index, label, Stage.OPENING, index / job.total), force=True)

        def reading(frac: float, n: int, i: int = index, lab: str = label) -> None:
            job.throttle(Progress(i, lab, Stage.READING, (i + frac) / job.total, frac, items=n))

        try:
            inputs.append(_read_export(job, index, group, reading))
        except Cancelled:
            inputs.append(_unread(group, msg("pipeline.cancelled")))
            return inputs, True
    return inputs, False


def _read_extra(job: _Job, extra_items: Callable[[int], Iterable[Item]], first_input: int) -> bool:
    """Items not read from exports (the public-profile check); True when the person cancelled."""
    try:
        for item in extra_items(first_input):
            job.cancel.raise_if_cancelled()
            job.sinks.handle(item)
    except Cancelled:
        return True
    return False


def _unread(group: Sequence[Path], message: Message, rec: Recognition | None = None,
            export: Export | None = None) -> InputSummary:
    """An export that was not read, and why."""
    return InputSummary(
        path=str(group[0]), platform=rec.platform if rec else Platform.OTHER,
        format=rec.format if rec else UNKNOWN_FORMAT, items=0,
        skipped=tuple(export.refused) if export else (), readable=False, message=message,
        size_bytes=export.size_bytes if export else 0,
    )


def _read_export(job: _Job, index: int, group: list[Path], report: Callable[[float, int], None]) -> InputSummary:
    """Open, recognise and read one export, handing every item on; what it was and what was read."""
    try:
        export = open_export(group, job.limits)
    except UnreadableExport as exc:
        return _unread(group, exc.reason)
    with export:
        rec = recognise(export)
        readable, message = _readability(rec)
        if rec is None or not readable:
            return _unread(group, message, rec, export)
        count, ctx = _read_items(job, rec, export, index, report)
        report(1.0, count)
        skipped: tuple[Skipped, ...] = (*export.refused, *ctx.skipped)
        note: Message | str = ctx.note_message() or ""
        if count == 0:
            note = _nothing_read(rec)
        return InputSummary(path=str(group[0]), platform=rec.platform, format=rec.format, items=count,
                            skipped=skipped, readable=True, message=note, size_bytes=export.size_bytes)


def _nothing_read(rec: Recognition) -> Message:
    """One sentence for a recognised export that gave nothing to read, naming a file it should hold."""
    expected = expected_file(rec.format)
    if expected is None:
        return msg("pipeline.empty_export", format=rec.title)
    return msg("pipeline.empty_export_file", format=rec.title, file=expected)


def _read_items(job: _Job, rec: Recognition, export: Export, index: int,
                report: Callable[[float, int], None]) -> tuple[int, ReadContext]:
    """Run the format's reader (and the text-in-photos pass when asked): how many items, and its context."""
    reader_cls = reader_for(rec.format)
    assert reader_cls is not None
    count = 0
    ctx = ReadContext(input_index=index, export=export, cancel=job.cancel,
                      on_progress=lambda frac, _file: report(frac, count))
    photo_text = PhotoTextPass(export, rec.platform, index, job.sinks.handle, job.cancel) if job.ocr else None
    try:
        for item in reader_cls().read(ctx):
            count += 1
            job.sinks.handle(item)
            if photo_text is not None:
                photo_text.item(item)
            if count % 256 == 0:
                job.cancel.raise_if_cancelled()
                report(ctx.fraction, count)
    except Cancelled:
        raise
    except Exception as exc:  # an unexpected reader error ends this export, not the audit
        log.exception("reader %s failed on input %d", rec.format, ctx.input_index)
        ctx.skip("", msg("pipeline.reading_stopped", error=type(exc).__name__))
    if photo_text is not None:
        photo_text.rest()
    return count, ctx
