"""The audit the window holds, and the session around it (on my own, or with a welfare officer).

`Session` keeps the current report, the person's ticks and dismissals (`AuditState`), the
earlier audit when one was reopened (for "7 of 12 fixed"), and every file the window wrote.
In a welfare session nothing is remembered between runs (no recent files, no settings) and
"End session" removes every file the session wrote, clears what it held, and says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from checks.audit_state import AuditState
from checks.paths import config_dir
from checks.records import Report
from desktop.compare import Comparison, compare
from desktop.qtcompat import emit

log = logging.getLogger(__name__)
MAX_RECENT = 5


@dataclass(frozen=True)
class EndResult:
    """What "End session" did, to tell the person plainly."""

    removed: tuple[Path, ...]
    kept: tuple[Path, ...]  # encrypted audits the person chose to keep
    failed: tuple[Path, ...]


class Session(QObject):
    """The current audit and what the window wrote.

    Signals:
        report_changed(): a new report (scan or reopen) or none.
        state_changed(): a tick or a "not a problem" mark changed.
    """

    report_changed = Signal()
    state_changed = Signal()

    def __init__(self, welfare: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.welfare = welfare
        self.report: Report | None = None
        self.state = AuditState()
        self.previous: Report | None = None
        self.previous_state: AuditState | None = None
        self.paths: list[Path] = []
        self.person_name = ""
        self._written: list[Path] = []
        self._kept: list[Path] = []

    # the audit -----------------------------------------------------------------------------

    def set_report(self, report: Report | None, state: AuditState | None = None) -> None:
        if report is not None and state is None:
            state = self.state.carried_to(report)
        self.report = report
        self.state = state or AuditState()
        emit(self.report_changed)

    def reopened(self, report: Report, state: AuditState) -> None:
        """A saved audit was opened: it is shown, and kept as "earlier" for a new scan."""
        self.previous, self.previous_state = report, state
        self.set_report(report, state)

    @property
    def comparison(self) -> Comparison | None:
        if self.previous is None or self.report is None or self.report is self.previous:
            return None
        return compare(self.previous, self.report, self.previous_state)

    def tick(self, advice_id: str, done: bool) -> None:
        self.state = self.state.tick(advice_id, done)
        emit(self.state_changed)

    def dismiss(self, finding_id: str, dismissed: bool) -> None:
        self.state = self.state.dismiss(finding_id, dismissed)
        emit(self.state_changed)

    def visible_report(self) -> Report | None:
        """The report as printed and exported: ticks applied, "not a problem" items left out."""
        return self.state.apply(self.report) if self.report else None

    # files ---------------------------------------------------------------------------------

    def wrote(self, path: Path, keep: bool = False) -> None:
        """Record a file the window wrote. `keep`: an encrypted audit the person chose to keep."""
        (self._kept if keep else self._written).append(Path(path))
        if keep and not self.welfare:
            self._remember_recent(Path(path))

    @property
    def written(self) -> tuple[Path, ...]:
        return tuple(self._written)

    def end(self) -> EndResult:
        """End a welfare session: remove what it wrote, forget the audit."""
        removed, failed = [], []
        for path in dict.fromkeys(self._written):
            try:
                if path.exists():
                    path.unlink()
                removed.append(path)
            except OSError:
                log.warning("a file written in the session could not be removed")
                failed.append(path)
        kept = tuple(p for p in dict.fromkeys(self._kept) if p.exists())
        self._written.clear()
        self._kept.clear()
        self.previous = self.previous_state = None
        self.paths = []
        self.person_name = ""
        self.set_report(None, AuditState())
        return EndResult(tuple(removed), kept, tuple(failed))

    # remembered between runs (never in a welfare session) ----------------------------------

    @staticmethod
    def settings() -> QSettings:
        return QSettings(str(config_dir() / "desktop.ini"), QSettings.Format.IniFormat)

    def recent_audits(self) -> list[Path]:
        if self.welfare:
            return []
        raw = self.settings().value("recent_audits", [])
        items: list[object] = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
        return [Path(p) for p in items if isinstance(p, str) and Path(p).exists()][:MAX_RECENT]

    def _remember_recent(self, path: Path) -> None:
        settings = self.settings()
        current = [str(p) for p in self.recent_audits() if p != path]
        settings.setValue("recent_audits", [str(path), *current][:MAX_RECENT])
        settings.sync()

    def forget_recent(self) -> None:
        settings = self.settings()
        settings.remove("recent_audits")
        settings.sync()
