"""The window's view of the engine: one object the main window is given (composition root).

It wraps `checks` (describe, audit, formats, demo exports, saved audits) so that pages never
import engine modules directly and tests can hand the window a different engine. Parts of the
engine that are optional in this build (saved audits, the demo) are looked up when first used
and reported as unavailable in plain words.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from checks.errors import OffdutyError
from checks.pipeline import PlannedInput
from checks.progress import CancelToken, Progress
from checks.records import Report
from checks.store.audit_state import AuditState


class Unavailable(OffdutyError):
    """A feature this copy of Offduty does not have."""


def _optional(module: str) -> Any | None:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


class Engine:
    """The calls the window makes; all of them are safe to run on a worker thread."""

    def describe(self, paths: Sequence[Path]) -> list[PlannedInput]:
        from checks.pipeline import describe

        return describe(list(paths))

    def audit(self, paths: Sequence[Path], progress: Callable[[Progress], None], cancel: CancelToken,
              **options: Any) -> Report:
        """`checks.audit`; `options` are its keywords (`ocr`, `extra_items`, `extra_inputs`)."""
        from checks.pipeline import audit

        return audit(list(paths), progress=progress, cancel=cancel, **options)

    def ocr_available(self) -> bool:
        """Whether text in photos can be read (the optional OCR engine is installed)."""
        ocr = _optional("checks.readers.ocr")
        try:
            return bool(ocr is not None and ocr.available())
        except Exception:  # a broken optional engine is no engine
            return False

    def plan_profiles(self, targets: Sequence[str]) -> list[str]:
        """Exactly what the public-profile check would fetch, one line per request."""
        from checks.web.profile import plan

        return plan(list(targets))

    def check_profiles(self, targets: Sequence[str], on_result: Callable[[int, Any], None] | None = None,
                       ) -> tuple[list[Any], Callable[[int], Any]]:
        """Fetch the person's own profiles as a logged-out visitor: (inputs, items factory)."""
        from checks.web.profile import check_urls

        return check_urls(list(targets), on_result=on_result)

    def demo_paths(self) -> list[Path]:
        demo = _optional("checks.exports.demo")
        if demo is None:
            raise Unavailable("The demo export is not included in this copy of Offduty.")
        return [Path(p) for p in demo.demo_paths()]

    def formats(self) -> list[Any]:
        formats = _optional("checks.exports.formats")
        if formats is None:
            return []
        return list(formats.load_formats())

    @property
    def can_save(self) -> bool:
        return _optional("checks.store.vault") is not None

    def keyring_available(self) -> bool:
        """Whether an audit can be locked with a key kept in the system keyring (no passphrase)."""
        vault = _optional("checks.store.vault")
        backend = getattr(vault, "keyring_backend", None) if vault else None
        try:
            return bool(callable(backend) and backend() is not None)
        except Exception:  # a broken keyring is no keyring
            return False

    @property
    def min_passphrase(self) -> int:
        vault = _optional("checks.store.vault")
        return int(getattr(vault, "MIN_PASSPHRASE", 8)) if vault else 8

    def save(self, report: Report, path: Path, passphrase: str | None, state: AuditState,
             key_name: str | None = None) -> object:
        vault = _optional("checks.store.vault")
        if vault is None:
            raise Unavailable("Saving audits is not available in this copy of Offduty.")
        if passphrase is None and not self.keyring_available():
            # The vault would ask on a terminal; in the window the passphrase comes from the dialog.
            raise OffdutyError("This computer has no system keyring: choose a passphrase to save the audit.")
        if key_name:
            return vault.save_report(report, path, passphrase=passphrase, state=state, key_name=key_name)
        return vault.save_report(report, path, passphrase=passphrase, state=state)

    def load(self, path: Path, passphrase: str | None) -> tuple[Report, AuditState]:
        vault = _optional("checks.store.vault")
        if vault is None:
            raise Unavailable("Opening saved audits is not available in this copy of Offduty.")
        # None would make the vault ask on a terminal; the window has asked already ("" = none given).
        passphrase = passphrase if passphrase is not None else ""
        load_audit = getattr(vault, "load_audit", None)
        loaded = load_audit(path, passphrase=passphrase) if callable(load_audit) else \
            vault.load_report(path, passphrase=passphrase)
        return unpack_loaded(loaded)

    def needs_passphrase(self, path: Path) -> bool:
        """Whether a saved audit was locked with a passphrase (asked before opening)."""
        vault = _optional("checks.store.vault")
        check = getattr(vault, "needs_passphrase", None) if vault else None
        return bool(check(path)) if callable(check) else False

    def write_html(self, report: Report, path: Path, reveal: bool, name: str | None) -> None:
        html = _optional("checks.report.html_report")
        if html is None:
            raise Unavailable("The HTML checklist is not available in this copy of Offduty.")
        tmp = path.with_name(f".{path.name}.partial")
        try:
            with tmp.open("w", encoding="utf-8") as fh:
                html.write_html(report, fh, reveal=reveal, name=name)
            tmp.replace(path)
        finally:
            if tmp.exists():
                tmp.unlink()

    def write_pdf(self, report: Report, path: Path, reveal: bool, name: str | None) -> None:
        printing = _optional("desktop.printing")
        if printing is None:
            raise Unavailable("PDF output is not available in this copy of Offduty.")
        printing.write_pdf(report, path, reveal=reveal, name=name)


def unpack_loaded(loaded: object) -> tuple[Report, AuditState]:
    """Accept what `checks.store.vault.load_report` returns: a Report, a (report, state) pair or an object."""
    if isinstance(loaded, Report):
        return loaded, AuditState()
    if isinstance(loaded, tuple) and loaded and isinstance(loaded[0], Report):
        state = loaded[1] if len(loaded) > 1 else None
        return loaded[0], _as_state(state)
    report = getattr(loaded, "report", None)
    if isinstance(report, Report):
        return report, _as_state(getattr(loaded, "state", None))
    raise OffdutyError("This file is not an Offduty audit.")


def _as_state(state: object) -> AuditState:
    if isinstance(state, AuditState):
        return state
    if isinstance(state, dict):
        return AuditState.from_json(state)
    return AuditState()
