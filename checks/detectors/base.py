"""What every detector is, and the helpers they share.

A detector looks at one Item and yields Detections. It declares its id (stable: finding ids
and saved audits depend on it), category, default severity and the advice ids that reduce the
risk. Its module docstring says what it finds, why it matters, an example, and what it does
not flag: that docstring is the user documentation (`offduty detectors`).

An Analyzer sees every item of the audit (across exports) and reports at the end: places
inferred from many geotags, combinations of details.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from checks.detectors.analysis import TextAnalysis, analyse
from checks.detectors.common import is_text_item
from checks.detectors.signals import Signal

if TYPE_CHECKING:
    from checks.detectors.decide import Verdict

from checks.records import Basis, Category, Detection, Item, ItemKind, Message, Place, Severity, Source


class Detector(ABC):
    """Looks at one item at a time."""

    id: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    advice: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def detect(self, item: Item) -> Iterator[Detection]:
        """Yield what this item exposes (nothing, usually)."""

    def found(self, item: Item, *, title: Message | str, reason: Message | str, evidence: str, key: str,
              confidence: float, severity: Severity | None = None, span: tuple[int, int] | None = None,
              place: Place | None = None, advice: tuple[str, ...] = (),
              category: Category | None = None, source: Source | None = None,
              basis: Basis | None = None, spans: tuple[tuple[int, int], ...] = ()) -> Detection:
        """Build a Detection for `item` with this detector's defaults."""
        return Detection(
            detector=self.id,
            category=category or self.category,
            severity=severity or self.severity,
            confidence=max(0.0, min(1.0, confidence)),
            title=title,
            reason=reason,
            evidence=evidence,
            key=key,
            source=source or item.source,
            platform=item.platform,
            item_kind=item.kind,
            place=place,
            advice=advice or self.advice,
            audience=item.audience,
            span=span,
            spans=spans,
            basis=basis,
        )


class TextDetector(Detector):
    """A detector for one text category: the rules and the model decide, the detector says where.

    `detect` reads the item once (`checks.detectors.analysis`), asks for this category's verdict,
    and only when it is found calls `report` to build the findings: which part of the text to
    mask, the key that merges the same exposure across posts, the title and reason codes.
    """

    # Items this detector reads in its own way, overriding `detect` for them (a profile field, a
    # photo, a check-in; `reads_labels`: any item carrying a place label). Every other item is read
    # as text only, so `checks.detectors.runner` can read it once for all the text detectors.
    own_kinds: ClassVar[frozenset[ItemKind]] = frozenset()
    reads_labels: ClassVar[bool] = False

    def detect(self, item: Item) -> Iterator[Detection]:
        if not is_text_item(item):
            return
        analysis = analyse(item)
        if self.category not in analysis.candidates:
            return
        verdict = analysis.verdict(self.category)
        if verdict.found:
            yield from self.report(item, analysis, verdict)

    @abstractmethod
    def report(self, item: Item, analysis: TextAnalysis, verdict: Verdict) -> Iterator[Detection]:
        """The findings for a text in which this category was found."""

    def emit(self, item: Item, analysis: TextAnalysis, verdict: Verdict, start: int, end: int, *,
             title: Message, reason: Message, key: str, why: frozenset[Signal],
             severity: Severity | None = None) -> Detection:
        """A detection for text[start:end], its excerpt masked there and at every other sensitive part."""
        evidence, span = snippet(item.text, start, end)
        offset = span[0] - start
        return self.found(item, title=title, reason=reason, evidence=evidence, key=key,
                          confidence=verdict.confidence, span=span, severity=severity,
                          spans=sensitive_spans(analysis, offset, len(evidence)),
                          basis=analysis.basis(self.category, offset, len(evidence), why))


ALWAYS_HIDDEN = frozenset({
    Signal.GIVEN_NAME, Signal.UK_PLACE, Signal.NAMED_STREET, Signal.HOUSE_NUMBER_STREET, Signal.POSTCODE_SHAPE,
    Signal.EMAIL_SHAPE, Signal.PLATE_SHAPE, Signal.COLLAR_NUMBER, Signal.REFERENCE_NUMBER, Signal.OPERATION_NAME,
    Signal.FORCE, Signal.FORCE_SHORT, Signal.FORCE_ABBR, Signal.JUSTICE_BODY, Signal.POLICE_EMAIL, Signal.POLICE_HANDLE,
    Signal.SCHOOL_NAME, Signal.NAMED_PLACE, Signal.LONG_NUMBER,
})


def sensitive_spans(analysis: TextAnalysis, offset: int, length: int) -> tuple[tuple[int, int], ...]:
    """Every sensitive part of the text (names, places, numbers, forces) inside an excerpt of it.

    A finding masks more than the words it is about: a child's name beside the address, the town
    after the street, the estate in a post about a raid. Positions are the excerpt's
    (text position + `offset`), and only parts wholly inside it are kept.
    """
    out = []
    for h in analysis.signals.hits:
        if h.signal in ALWAYS_HIDDEN:
            a, b = h.start + offset, h.end + offset
            if 0 <= a < b <= length:
                out.append((a, b))
    for m in _NUMBER.finditer(analysis.item.text):  # a race bib, a ZIP code, part of a phone number
        a, b = m.start() + offset, m.end() + offset
        if 0 <= a < b <= length:
            out.append((a, b))
    return tuple(sorted(set(out)))


_NUMBER = re.compile(r"\d(?:[ \-]?\d){4,}")  # five digits or more: too specific to show beside a finding


class Analyzer(ABC):
    """Sees every item of the audit, reports across them when the reading is done."""

    id: ClassVar[str]

    @abstractmethod
    def observe(self, item: Item) -> None:
        """Take note of an item (keep only what is needed: memory must stay bounded)."""

    @abstractmethod
    def finish(self) -> Iterator[Detection]:
        """Yield detections drawn from everything observed."""


def snippet(text: str, start: int, end: int, context: int = 60) -> tuple[str, tuple[int, int]]:
    """A short excerpt around text[start:end], and the span's position inside the excerpt."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        if space != -1:
            left = space + 1
    if right < len(text):
        space = text.rfind(" ", end, right)
        if space != -1:
            right = space
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    excerpt = prefix + text[left:right].replace("\n", " ") + suffix
    offset = len(prefix) - left
    return excerpt, (start + offset, end + offset)
