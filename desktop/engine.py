"""The window's view of the engine: one object the main window is given (composition root).

It wraps `checks` (describe, audit, formats, demo exports, saved audits, the public-profile
check) so that pages never import engine modules directly and tests can hand the window a
different engine. Every call is safe to run on a worker thread. Passphrases come from the
window's dialog; the engine never asks for one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from checks.exports import demo, formats
from checks.pipeline import PlannedInput, audit, describe
from checks.progress import CancelToken, Progress
from checks.readers import ocr
from checks.records import InputSummary, Item, Message, Report
from checks.report.html_report import write_html
from checks.report.words import say
from checks.store import vault
from checks.store.audit_state import AuditState
from checks.store.files import write_private_text
from checks.store.vault import SavedAudit
from checks.web.profile import CheckResult, check_urls, plan


class Engine:
    """The calls the window makes; all of them are safe to run on a worker thread.

    Files are written by the one private writer, never over an export the last audit read.
    """

    _inputs: tuple[Path, ...] = ()  # the exports of the last audit: never written over

    def describe(self, paths: Sequence[Path]) -> list[PlannedInput]:
        return describe(list(paths))

    def audit(self, paths: Sequence[Path], progress: Callable[[Progress], None], cancel: CancelToken,
              **options: Any) -> Report:
        """`checks.audit`; `options` are its keywords (`ocr`, `extra_items`, `extra_inputs`)."""
        self._inputs = tuple(Path(p) for p in paths)
        return audit(list(paths), progress=progress, cancel=cancel, **options)

    def ocr_available(self) -> bool:
        """Whether text in photos can be read (the optional OCR engine is installed)."""
        return ocr.available()

    def plan_profiles(self, targets: Sequence[str]) -> list[str]:
        """Exactly what the public-profile check would fetch, one line per request, in words."""
        return [say(line) for line in plan(list(targets))]

    def check_profiles(self, targets: Sequence[str], on_result: Callable[[int, CheckResult], None] | None = None,
                       ) -> tuple[list[InputSummary], Callable[[int], Iterable[Item]]]:
        """Fetch the person's own profiles as a logged-out visitor: (inputs, items factory)."""
        return check_urls(list(targets), on_result=on_result)

    def demo_paths(self) -> list[Path]:
        return [Path(p) for p in demo.demo_paths()]

    def formats(self) -> list[formats.ExportFormat]:
        return list(formats.load_formats())

    def keyring_available(self) -> bool:
        """Whether an audit can be locked with a key kept in the system keyring (no passphrase)."""
        return vault.keyring_backend() is not None

    @property
    def min_passphrase(self) -> int:
        return vault.MIN_PASSPHRASE

    def save(self, report: Report, path: Path, passphrase: str | None, state: AuditState,
             key_name: str | None = None) -> Message:
        """Save the audit encrypted; without a passphrase its key goes in the keyring (entry `key_name`)."""
        return vault.save_report(report, path, passphrase=passphrase, state=state,
                                 key_name=key_name or vault.DEFAULT_KEY_NAME, protect=self._inputs)

    def load(self, path: Path, passphrase: str | None) -> SavedAudit:
        """Open a saved audit (PassphraseNeeded when it is locked with one and none was given)."""
        return vault.load_audit(path, passphrase=passphrase)

    def needs_passphrase(self, path: Path) -> bool:
        """Whether a saved audit was locked with a passphrase (asked before opening)."""
        return vault.needs_passphrase(path)

    def write_html(self, report: Report, path: Path, reveal: bool, name: str | None, **options: Any) -> None:
        """The printable plan as HTML (`options`: `write_html`'s keywords), owner-only."""
        write_private_text(path, lambda fh: write_html(report, fh, reveal=reveal, name=name, **options),
                           protect=self._inputs)

    def write_pdf(self, report: Report, path: Path, reveal: bool, name: str | None, **options: Any) -> None:
        """The printable plan as PDF (`options`: `write_pdf`'s keywords), owner-only."""
        from desktop.printing import write_pdf

        write_pdf(report, path, reveal=reveal, name=name, protect=self._inputs, **options)
