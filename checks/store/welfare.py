"""Welfare-session bookkeeping (Qt-free): where a session's files go, and removing them at the end.

A welfare session (an officer and a welfare officer, one to one, often on a shared computer) gets
its own folder under Offduty's data folder (`sessions/<id>/`, owner-only, 0700) and its own key
in the OS keyring. Audits saved in the session are encrypted with that key; anything else the
person chooses to write (a PDF or HTML checklist saved elsewhere) is recorded too.
`end()` removes every recorded file and the folder and deletes the session's keyring key, so
even a copy of an encrypted audit left somewhere (a backup, an SSD's spare blocks) can no longer
be opened (crypto-erase). Deleting a file does not wipe it from an SSD: plaintext exports the
person chose to write are only removed, and the result says so.

The manifest (`session.json`, written by the private writer) lists the files recorded (paths
only, never evidence), so a session
that ended with a crash or a power cut can be found and ended on the next start
(`leftover_sessions()`).

The window: make a `WelfareSession()` when welfare mode starts; save audits with
`session.save_audit(report, state)` (or `vault.save_report(..., key_name=session.key_name)` and
`session.record(path)`); call `session.record(path)` after writing a PDF or HTML checklist; on
"End session" (and on quitting) call `session.end()` and show `EndReport.summary()` (Messages); at start,
offer to end each of `leftover_sessions()`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from checks.records import Message, Report, msg
from checks.store.audit_state import AuditState
from checks.store.files import write_private_text
from checks.store.paths import data_dir

log = logging.getLogger(__name__)

MANIFEST = "session.json"
KEY_PREFIX = "session-"


@dataclass(frozen=True)
class EndReport:
    """What ending a session did, to tell the person plainly."""

    removed: tuple[Path, ...]  # files deleted
    missing: tuple[Path, ...]  # recorded, already gone (moved or deleted by the person)
    failed: tuple[Path, ...]  # could not be deleted (open elsewhere, read-only media)
    key_removed: bool  # the session's keyring key is gone: its encrypted audits are unreadable
    folder_removed: bool
    plaintext_removed: tuple[Path, ...] = ()  # removed, but were unencrypted (PDF/HTML): not wiped

    @property
    def complete(self) -> bool:
        return not self.failed and self.folder_removed

    def summary(self) -> tuple[Message, ...]:
        """What was done, one sentence each (`[welfare]` in the words catalogue)."""
        parts = [msg("welfare.removed", count=len(self.removed))]
        if self.key_removed:
            parts.append(msg("welfare.key_removed"))
        if self.plaintext_removed:
            parts.append(msg("welfare.not_wiped"))
        parts.extend(msg("welfare.not_removed", path=str(p)) for p in self.failed)
        return tuple(parts)


def sessions_root() -> Path:
    root = data_dir() / "sessions"
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    return root


class WelfareSession:
    """One welfare session: its folder, its key name, the files it wrote."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            self.id = secrets.token_hex(8)
            self.folder = sessions_root() / self.id
            self.folder.mkdir(mode=0o700)
            os.chmod(self.folder, 0o700)  # mkdir's mode is reduced by the umask
            self._files: list[tuple[Path, bool]] = []
            self.started = time.time()
            self.pid = os.getpid()
            self._write_manifest()
        else:  # reopening a leftover session to end it
            self.folder = Path(folder)
            self.id = self.folder.name
            data = _read_manifest(self.folder)
            self._files = data[0]
            self.started, self.pid = data[1], data[2]
        self.ended = False

    @property
    def key_name(self) -> str:
        """The keyring entry this session's audits are encrypted with."""
        return f"{KEY_PREFIX}{self.id}"

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(p for p, _ in self._files)

    def path_for(self, name: str) -> Path:
        """A path inside the session folder for a file called `name` (recorded)."""
        clean = Path(name).name
        if not clean or clean in {".", "..", MANIFEST}:
            raise ValueError("not a usable file name")
        path = self.folder / clean
        self.record(path)
        return path

    def record(self, path: Path, *, encrypted: bool = False) -> None:
        """Remember a file the session wrote (anywhere), to remove at the end."""
        self._check_open()
        path = Path(path).absolute()
        if all(p != path for p, _ in self._files):
            self._files.append((path, encrypted or path.suffix == ".offduty"))
            self._write_manifest()

    def save_audit(self, report: Report, state: AuditState | None = None, *, name: str = "audit.offduty",
                   path: Path | None = None, passphrase: str | None = None) -> Path:
        """Save an encrypted audit with the session's key (in the session folder unless `path`)."""
        from checks.store.vault import save_report

        self._check_open()
        target = Path(path) if path is not None else self.folder / Path(name).name
        self.record(target, encrypted=True)
        save_report(report, target, state=state, passphrase=passphrase, key_name=self.key_name)
        return target

    def end(self) -> EndReport:
        """Remove every file the session wrote, its folder and its key; say what was done."""
        from checks.store.vault import forget_key

        removed, missing, failed, plain = [], [], [], []
        for path, encrypted in self._files:
            try:
                path.unlink()
            except FileNotFoundError:
                missing.append(path)
                continue
            except OSError:
                log.warning("a file written in the session could not be removed")
                failed.append(path)
                continue
            removed.append(path)
            if not encrypted:
                plain.append(path)
        key_removed = forget_key(self.key_name)
        folder_removed = False
        if not failed:
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(self.folder)
            folder_removed = not self.folder.exists()
        else:
            self._files = [(p, e) for p, e in self._files if p in failed]
            self._write_manifest()
        self.ended = folder_removed
        return EndReport(tuple(removed), tuple(missing), tuple(failed), key_removed, folder_removed, tuple(plain))

    def _check_open(self) -> None:
        if self.ended:
            raise RuntimeError("this session has ended")

    def _write_manifest(self) -> None:
        data = {"started": self.started, "pid": self.pid,
                "files": [{"path": str(p), "encrypted": e} for p, e in self._files]}
        write_private_text(self.folder / MANIFEST, lambda fh: json.dump(data, fh), special=False)


def _read_manifest(folder: Path) -> tuple[list[tuple[Path, bool]], float, int]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    files: list[tuple[Path, bool]] = []
    raw = data.get("files", []) if isinstance(data, dict) else []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            files.append((Path(entry["path"]), bool(entry.get("encrypted"))))
    # anything in the folder itself belongs to the session, recorded or not
    for child in folder.iterdir() if folder.is_dir() else []:
        if child.is_file() and child.name != MANIFEST and all(p != child for p, _ in files):
            files.append((child, child.suffix == ".offduty"))
    started = data.get("started", 0.0) if isinstance(data, dict) else 0.0
    pid = data.get("pid", 0) if isinstance(data, dict) else 0
    return files, float(started) if isinstance(started, int | float) else 0.0, pid if isinstance(pid, int) else 0


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows; age decides there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftover_sessions(max_age_s: float = 12 * 3600) -> list[WelfareSession]:
    """Sessions that were never ended (their program is gone, or they are older than `max_age_s`)."""
    out = []
    now = time.time()
    for folder in sorted(sessions_root().iterdir()):
        if not folder.is_dir():
            continue
        session = WelfareSession(folder)
        if session.pid == os.getpid() or (_alive(session.pid) and now - session.started < max_age_s):
            continue
        out.append(session)
    return out
