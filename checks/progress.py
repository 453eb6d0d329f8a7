"""Progress reports and the cancel token passed into `checks.audit` (plain Python, no Qt)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


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


@dataclass(frozen=True)
class Progress:
    """Where an audit is: which export, which stage, how far overall (0..1)."""

    input_index: int  # -1 when not about one export (e.g. "assessing")
    input_label: str
    stage: str  # "opening", "reading", "inferring places", "assessing", "done"
    fraction: float  # overall, 0..1
    input_fraction: float = 0.0  # this export, 0..1
    message: str = ""
    items: int = 0  # items read so far in this export


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The default progress callback: ignore."""
