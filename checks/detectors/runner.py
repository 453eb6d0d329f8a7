"""Every registered detector on one item, with its text read once.

A detector can be asked alone (`detector.detect(item)`: tests and tools do), but an audit asks
them all about every item. Asked one by one, seven text detectors each check the item's kind,
fetch the cached analysis and ask whether their category could be found; most posts have no
candidate at all. `DetectorRun` reads the text once and asks only the detectors whose category the
analysis can find; the text detectors come first, in their order, then the others (the order they
are registered in), so findings come out as they would one by one (a test checks this over every
labelled text). Items a text detector reads in its own way (a profile field,
a photo, a check-in, a place the platform labelled) go to each detector's own `detect`, as before.

A failing detector is logged and the others go on: one bug never loses an audit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from checks.detectors.analysis import analyse
from checks.detectors.base import Detector, TextDetector
from checks.detectors.common import is_text_item
from checks.records import Detection, Item

log = logging.getLogger(__name__)


class DetectorRun:
    """Runs `detectors` on one item after another."""

    def __init__(self, detectors: Sequence[Detector]) -> None:
        self.detectors = tuple(detectors)
        self._text = tuple(d for d in self.detectors if isinstance(d, TextDetector))
        self._others = tuple(d for d in self.detectors if not isinstance(d, TextDetector))
        categories = [d.category for d in self._text]
        if len(set(categories)) != len(categories):
            raise ValueError("two text detectors for one category")
        self._own_kinds = frozenset().union(*(d.own_kinds for d in self._text))
        self._labels = any(d.reads_labels for d in self._text)

    def detect(self, item: Item) -> list[Detection]:
        """Every detection for `item`: the text detectors', then the others'."""
        out: list[Detection] = []
        self._text_detections(item, out)
        for detector in self._others:
            _guarded(detector, item, out)
        return out

    def _text_detections(self, item: Item, out: list[Detection]) -> None:
        if item.kind in self._own_kinds or (self._labels and item.label):
            for text_detector in self._text:
                _guarded(text_detector, item, out)
            return
        if not is_text_item(item):
            return
        try:
            analysis = analyse(item)
            candidates = analysis.candidates
        except Exception:  # a bug reading this text must not lose the audit
            log.exception("text analysis failed")
            return
        for detector in self._text:
            if detector.category in candidates:
                try:
                    verdict = analysis.verdict(detector.category)
                    if verdict.found:
                        out.extend(detector.report(item, analysis, verdict))
                except Exception:
                    log.exception("detector %s failed", detector.id)


def _guarded(detector: Detector, item: Item, out: list[Detection]) -> None:
    try:
        out.extend(detector.detect(item))
    except Exception:  # a detector bug must not lose the audit
        log.exception("detector %s failed", detector.id)
