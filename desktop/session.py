"""The audit the window holds, and the session around it (on my own, or with a welfare officer).

`Session` keeps the current report, the person's ticks and dismissals (`AuditState`), the
earlier audit when one was reopened (for "7 of 12 fixed"), and every file the window wrote.
In a welfare session nothing is remembered between runs (no recent files, no settings) and
"End session" removes every file the session wrote, clears what it held, and says so. The files
are recorded in a `checks.store.welfare.WelfareSession` as they are written (so a crash leaves a list
to clean up on the next start), and audits kept only for the session are encrypted with the
session's own keyring key, which ending the session deletes (crypto-erase). A checklist printed
to a file from the print dialog is recorded the same way (`printing.print_report(record=
session.wrote)`), so "End session" removes it too.

`disclosure()` is the one policy every page asks for the current report's text (masked; hidden
in a welfare session; built once per report and shared, so pages agree).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from checks.records import Report
from checks.report.disclosure import Disclosure, disclosure
from checks.store.audit_state import AuditState
from checks.store.paths import config_dir
from checks.store.welfare import WelfareSession
from desktop.compare import Comparison, compare
from desktop.qtcompat import emit

log = logging.getLogger(__name__)
MAX_RECENT = 5


def _user_settings_dirs() -> dict[QSettings.Format, str]:
    """Where Qt keeps per-user settings now, per format (to put back after a welfare session)."""
    return {fmt: str(Path(QSettings(fmt, QSettings.Scope.UserScope, "offduty-probe").fileName()).parent)
            for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)}



@dataclass(frozen=True)
class EndResult:
    """What "End session" did, to tell the person plainly."""

    removed: tuple[Path, ...]
    kept: tuple[Path, ...]  # encrypted audits the person chose to keep
    failed: tuple[Path, ...]
    key_removed: bool = False  # the session's key is gone: its audits can no longer be opened
    not_wiped: tuple[Path, ...] = ()  # unencrypted files deleted (deleting does not wipe a disk)


class Session(QObject):
    """The current audit and what the window wrote.

    Signals:
        report_changed(): a new report (scan or reopen) or none.
        state_changed(): a tick or a "not a problem" mark changed.
        welfare_changed(bool): a welfare session started (True) or ended (False).
    """

    report_changed = Signal()
    state_changed = Signal()
    welfare_changed = Signal(bool)

    def __init__(self, welfare: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.welfare = False
        self.scratch: Path | None = None  # where Qt's own settings go during a welfare session
        self._saved_dirs: dict[QSettings.Format, str] | None = None
        self.report: Report | None = None
        self.state = AuditState()
        self.previous: Report | None = None
        self.previous_state: AuditState | None = None
        self.paths: list[Path] = []
        self.person_name = ""
        self._written: list[Path] = []
        self._kept: list[Path] = []
        self.store: WelfareSession | None = None  # the welfare session's record of its files and key
        self._policy: Disclosure | None = None
        self.set_welfare(welfare)

    def set_welfare(self, welfare: bool) -> None:
        """Enter or leave welfare mode. In it, Qt's own remembered state (the file dialog's
        history and last folder) goes to a scratch folder that ending the session deletes."""
        changed = welfare != self.welfare
        self.welfare = welfare
        self._settings_folder(welfare)
        if changed:
            emit(self.welfare_changed, welfare)

    def _settings_folder(self, welfare: bool) -> None:
        if welfare and self.scratch is None:
            if self._saved_dirs is None:
                self._saved_dirs = _user_settings_dirs()
            if self.store is None:
                try:
                    self.store = WelfareSession()
                except OSError:
                    log.warning("the welfare session's folder could not be made; files are tracked in memory")
            self.scratch = self._new_scratch()
            targets = dict.fromkeys(self._saved_dirs, str(self.scratch))
        elif not welfare and self.scratch is not None:
            self._remove_scratch()
            if self.store is not None and not self.store.files:  # nothing written: leave no trace
                self.store.end()
                self.store = None
            targets = self._saved_dirs or {}
        else:
            return
        for fmt, folder in targets.items():
            QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)

    def _new_scratch(self) -> Path:
        """Where Qt keeps its own memory in a welfare session: inside the session's owner-only folder,
        so a crash leaves it where the next start finds and ends the session."""
        if self.store is not None:
            scratch = self.store.folder / "qt-settings"
            scratch.mkdir(mode=0o700, exist_ok=True)
            return scratch
        return Path(tempfile.mkdtemp(prefix="offduty-session-"))  # 0700; removed when the session ends

    def _remove_scratch(self) -> bool:
        scratch, self.scratch = self.scratch, None
        if scratch is None:
            return False
        had_files = any(scratch.rglob("*"))
        shutil.rmtree(scratch, ignore_errors=True)
        return had_files

    # the audit -----------------------------------------------------------------------------

    def disclosure(self, revealed: tuple[str, ...] = ()) -> Disclosure | None:
        """What the window may show of the current report (None without one): evidence masked, in a
        welfare session hidden, towns only with the evidence; `revealed`: ids the person chose to show."""
        if self.report is None:
            return None
        policy = self._policy
        if policy is None or policy.report is not self.report or policy.welfare != self.welfare:
            policy = self._policy = disclosure(self.report, welfare=self.welfare)
        return policy.revealing(revealed) if revealed else policy

    def set_report(self, report: Report | None, state: AuditState | None = None) -> None:
        if report is not None and state is None:
            state = self.state.carried_to(report)
        self._policy = None
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

    @property
    def session_key(self) -> str | None:
        """The keyring entry for audits kept only for this welfare session (None outside one)."""
        return self.store.key_name if self.welfare and self.store is not None else None

    def wrote(self, path: Path, keep: bool = False, encrypted: bool = False) -> None:
        """Record a file the window wrote. `keep`: an encrypted audit the person chose to keep;
        `encrypted`: an audit locked with the session's key (removed, and unreadable, at the end)."""
        (self._kept if keep else self._written).append(Path(path))
        if not keep and self.welfare and self.store is not None:
            self.store.record(Path(path), encrypted=encrypted)
        if keep and not self.welfare:
            self._remember_recent(Path(path))

    @property
    def written(self) -> tuple[Path, ...]:
        return tuple(self._written)

    def end(self) -> EndResult:
        """End a welfare session: remove what it wrote, forget the audit."""
        removed: list[Path] = []
        failed: list[Path] = []
        key_removed = False
        not_wiped: tuple[Path, ...] = ()
        scratch = self.scratch  # Qt's memory: said as removed when it held anything
        scratch_used = scratch is not None and any(scratch.rglob("*"))
        if self.store is not None:
            report = self.store.end()
            removed.extend(report.removed)
            failed.extend(report.failed)
            key_removed, not_wiped = report.key_removed, report.plaintext_removed
            done = {p.absolute() for p in (*report.removed, *report.missing, *report.failed)}
            self._written = [p for p in self._written if p.absolute() not in done]
            self.store = None
        for path in dict.fromkeys(self._written):
            try:
                if path.exists():
                    path.unlink()
                removed.append(path)
            except OSError:
                log.warning("a file written in the session could not be removed")
                failed.append(path)
        kept = tuple(p for p in dict.fromkeys(self._kept) if p.exists())
        if self.welfare:
            self._remove_scratch()
            if scratch_used and scratch is not None:
                removed.append(scratch)
            self.set_welfare(True)  # a fresh scratch folder for whoever comes next
        self._written.clear()
        self._kept.clear()
        self.previous = self.previous_state = None
        self.paths = []
        self.person_name = ""
        self.set_report(None, AuditState())
        return EndResult(tuple(removed), kept, tuple(failed), key_removed, not_wiped)

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
