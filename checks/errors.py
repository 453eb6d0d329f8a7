"""Errors the engine raises with a message meant for the person, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.records import Message


class OffdutyError(Exception):
    """An error with a plain-language message; the CLI prints it and exits 1."""

    exit_status = 1


class UnreadableExport(OffdutyError):
    """One path could not be opened as an export (encrypted, damaged, not a zip, empty...)."""

    exit_status = 3

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoReadableInput(OffdutyError):
    """None of the given paths could be read as an export (exit 3)."""

    exit_status = 3

    def __init__(self, problems: list[tuple[str, Message | str]]) -> None:
        from checks.report.words import say

        lines = [f"{path}: {say(reason)}" for path, reason in problems]
        super().__init__("No export could be read.\n" + "\n".join(lines))
        self.problems = problems


class MemberTooLarge(OffdutyError):
    """A member exceeded a safety limit while being read."""
