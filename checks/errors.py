"""Errors the engine raises: a stable code and values for the person (a Message), never a traceback.

Like Dangerzone's conversion errors, each error carries what a surface needs to say it: the
class decides the exit status of `offduty scan`, the Message (`exc.message`, a code under
`[error]` or the raising room's own table in `resources/words/en-GB.toml`) decides the words.
`str(exc)` is those words in the person's language, so a surface can show it as it is; tests
assert `exc.message.code` and its values, never the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.records import Message


def _say(message: Message | str) -> str:
    from checks.report.words import say  # the words layer reads records; imported when first needed

    return say(message)


class OffdutyError(Exception):
    """An error with words for the person; the command line prints it and exits 1."""

    exit_status = 1

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message: Message | str = message  # plain text only during the move to codes

    def __str__(self) -> str:
        return _say(self.message)


class UnreadableExport(OffdutyError):
    """One path could not be opened as an export (encrypted, damaged, not a zip, empty...).

    `reason` is a code under `[archive.export]` (`checks/exports/archive.py` raises it) with
    its values; the error's own Message is `error.unreadable_export` with the path and that reason.
    """

    exit_status = 3

    def __init__(self, path: str, reason: Message) -> None:
        from checks.records import msg

        super().__init__(msg("error.unreadable_export", path=path, reason=reason))
        self.path = path
        self.reason = reason


class NoReadableInput(OffdutyError):
    """None of the given paths could be read as an export (exit 3); each path says why.

    `problems` are (path, reason) with each reason a Message: an `UnreadableExport`'s reason or
    the pipeline's own (`pipeline.not_recognised`, `pipeline.cannot_read_yet`, ...).
    """

    exit_status = 3

    def __init__(self, problems: Sequence[tuple[str, Message]]) -> None:
        from checks.records import msg

        super().__init__(msg("error.no_readable_input", count=len(problems)))
        self.problems = list(problems)

    def __str__(self) -> str:
        from checks.records import msg

        lines = [_say(self.message)]
        lines.extend(_say(msg("error.problem", path=path, reason=reason)) for path, reason in self.problems)
        return "\n".join(lines)


class MemberTooLarge(OffdutyError):
    """A member exceeded a safety limit while being read."""
