"""What every reader is: a class that turns one recognised export into a stream of Items.

A reader knows a format and nothing about risks. It never raises for bad data: a member
that cannot be read is reported with `ctx.skip(file, reason)` and the reader moves on.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from checks.exports.archive import Export
from checks.progress import CancelToken
from checks.records import Item, Platform, Skipped, Source


@dataclass
class ReadContext:
    """What a reader gets besides the export: where to report skips, progress and cancel."""

    input_index: int
    export: Export
    cancel: CancelToken = field(default_factory=CancelToken)
    on_progress: Callable[[float, str], None] = lambda fraction, file: None
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fraction: float = 0.0  # how far through the export the reader is, 0..1

    def skip(self, file: str, reason: str) -> None:
        """Report a member (or a record in it) that could not be read, in plain words."""
        self.skipped.append(Skipped(file=file, reason=reason))

    def note(self, text: str) -> None:
        """A remark for the report, e.g. "only HTML was present; request JSON"."""
        self.notes.append(text)

    def progress(self, fraction: float, file: str = "") -> None:
        """Say how far through the export the reader is (by bytes or members), 0..1."""
        self.fraction = max(0.0, min(1.0, fraction))
        self.on_progress(self.fraction, file)

    def source(self, file: str, pointer: str = "", timestamp: datetime | None = None,
               url: str | None = None) -> Source:
        return Source(input=self.input_index, file=file, pointer=pointer, timestamp=timestamp, url=url)


class Reader(ABC):
    """A reader of one export format. Subclasses set the class attributes and `read`."""

    format: ClassVar[str]  # "x-archive": the report's `inputs[].format`
    platform: ClassVar[Platform]
    title: ClassVar[str]  # "X (Twitter) archive"

    @abstractmethod
    def read(self, ctx: ReadContext) -> Iterator[Item]:
        """Yield every item of the export; report unreadable parts with ctx.skip."""
