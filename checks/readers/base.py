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
from checks.readers.spec import FormatSpec
from checks.records import Item, Message, Platform, Skipped, Source, msg


@dataclass
class ReadContext:
    """What a reader gets besides the export: where to report skips, progress and cancel."""

    input_index: int
    export: Export
    cancel: CancelToken = field(default_factory=CancelToken)
    on_progress: Callable[[float, str], None] = lambda fraction, file: None
    skipped: list[Skipped] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)  # the notes, as the engine's codes
    fraction: float = 0.0  # how far through the export the reader is, 0..1
    seen: set[tuple[str, str]] = field(default_factory=set)

    def skip(self, file: str, reason: Message | str) -> None:
        """Report a member (or a record in it) that could not be read, and why (a `reader.*` code;
        plain text is still accepted from the pipeline during the move to Messages)."""
        self.skipped.append(Skipped(file=file, reason=reason))

    def note(self, message: Message) -> None:
        """A remark for the report, e.g. "only HTML was present; request JSON"."""
        if message not in self.messages:
            self.messages.append(message)

    def once(self, kind: str, key: str) -> bool:
        """True the first time (kind, key) is met in this export: one phone number, one upload IP,
        reported once per account however many files hold it."""
        if (kind, key) in self.seen:
            return False
        self.seen.add((kind, key))
        return True

    def note_message(self) -> Message | None:
        """Every note as one Message (for `InputSummary.message`), or None when there is none."""
        if not self.messages:
            return None
        combined = self.messages[0]
        for message in self.messages[1:]:
            combined = msg("reader.notes.both", first=combined, second=message)
        return combined

    @property
    def notes(self) -> list[str]:
        """The notes in words, for callers that still join plain text (use `note_message`)."""
        from checks.report.words import say

        return [say(m) for m in self.messages]

    def progress(self, fraction: float, file: str = "") -> None:
        """Say how far through the export the reader is (by bytes or members), 0..1."""
        self.fraction = max(0.0, min(1.0, fraction))
        self.on_progress(self.fraction, file)

    def source(self, file: str, pointer: str = "", timestamp: datetime | None = None,
               url: str | None = None) -> Source:
        return Source(input=self.input_index, file=file, pointer=pointer, timestamp=timestamp, url=url)


class Reader(ABC):
    """A reader of one export format. Subclasses declare `spec` (their format: id, platform, title,
    how it is recognised) and implement `read`; `format` and `platform` follow from the spec."""

    spec: ClassVar[FormatSpec]
    format: ClassVar[str]  # "x-archive": the report's `inputs[].format`
    platform: ClassVar[Platform]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        spec = cls.__dict__.get("spec")
        if isinstance(spec, FormatSpec):
            cls.format = spec.id
            cls.platform = spec.platform

    @abstractmethod
    def read(self, ctx: ReadContext) -> Iterator[Item]:
        """Yield every item of the export; report unreadable parts with ctx.skip."""
