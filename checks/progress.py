"""Progress reports and the cancel token passed into `checks.audit` (plain Python, no Qt).

A report's `stage` is a `Stage`; surfaces say it with `say(stage.message)` (`[stage]` in the
words catalogue), never by matching strings.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass

from checks.records import Message


class Cancelled(Exception):
    """Raised inside the engine when the person cancelled the audit."""


class CancelToken:
    """A flag the caller sets from any thread; the engine checks it between records."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class Stage(enum.StrEnum):
    """Where an audit is. The values are stable (the command line prints them)."""

    OPENING = "opening"
    READING = "reading"
    INFERRING = "inferring places"
    ASSESSING = "assessing"
    DONE = "done"

    @property
    def message(self) -> Message:
        """The stage in the person's words ("Working out places")."""
        return Message(f"stage.{self.name.lower()}")  # every stage has words (tests/report/test_words.py)


@dataclass(frozen=True)
class Progress:
    """Where an audit is: which export, which stage, how far overall (0..1)."""

    input_index: int  # -1 when not about one export (e.g. "assessing")
    input_label: str
    stage: Stage
    fraction: float  # overall, 0..1
    input_fraction: float = 0.0  # this export, 0..1
    message: Message | str = ""  # at the end: how many findings ("stage.findings")
    items: int = 0  # items read so far in this export


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The default progress callback: ignore."""
