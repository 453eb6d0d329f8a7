"""Logging that never lets evidence through, and a process that leaves no core dumps.

`configure_logging()` installs a log-record factory that redacts each record as it is made (so
even a library's own handler never sees evidence) and sends warnings (or, verbose, everything)
to standard error, never to a file unless asked. Redaction (`EvidenceFilter`): every record is
formatted, then anything that looks like
evidence is replaced by `[hidden]` before it reaches a handler: values registered as sensitive
during an audit (`SENSITIVE.add(...)`, matched with Aho-Corasick), e-mail addresses, phone
numbers, UK postcodes, precise coordinates, and quoted values inside exception messages
(Python puts the offending text there: `invalid literal for int(): '07700 900123'`). Tracebacks
are reduced to the exception type and where it happened.

Debug output (`OFFDUTY_DEBUG=1`) is Offduty's own: only loggers under `checks`, `desktop` and
`offduty` go down to DEBUG; every other library stays at WARNING (Pillow's debug lines name a
camera's owner and print raw GPS values), and a handler filter drops any library's debug or info
record that gets through anyway. `debug_traceback()` gives a developer every frame of an error
with the values hidden the same way.

`harden_process()` turns core dumps off (`RLIMIT_CORE` 0) and, on Linux, marks the process
non-dumpable (`prctl(PR_SET_DUMPABLE, 0)`), as KeePassXC does, so a crash does not write the
findings held in memory to disk and other processes of the same user cannot attach to read it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import re
import sys
import threading
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import ahocorasick
import phonenumbers

from checks.records import Report

HIDDEN = "[hidden]"
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_COORD = re.compile(r"-?\d{1,3}\.\d{4,}")
_LONG_NUMBER = re.compile(r"\+?\d[\d \-()]{7,}\d")
_QUOTED = re.compile(r"""(['"])(?:(?!\1).){2,}\1""")


class SensitiveValues:
    """Strings that must never appear in a log line (evidence found by the running audit)."""

    MIN_LENGTH = 4

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, values: Iterable[str]) -> None:
        with self._lock:
            for value in values:
                value = value.strip().casefold()
                if len(value) >= self.MIN_LENGTH:
                    self._values.add(value)
            self._automaton = None

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._automaton = None

    def redact(self, text: str) -> str:
        with self._lock:
            if not self._values:
                return text
            if self._automaton is None:
                automaton = ahocorasick.Automaton()
                for value in self._values:
                    automaton.add_word(value, len(value))
                automaton.make_automaton()
                self._automaton = automaton
            automaton = self._automaton
        folded = text.casefold()
        if len(folded) != len(text):  # casefolding changed lengths: redact on the folded text
            text = folded
        spans = [(end - length + 1, end + 1) for end, length in automaton.iter(folded)]
        if not spans:
            return text
        spans.sort()
        out, pos = [], 0
        for start, end in spans:
            if start < pos:
                pos = max(pos, end)
                continue
            out.append(text[pos:start])
            out.append(HIDDEN)
            pos = end
        out.append(text[pos:])
        return "".join(out)


SENSITIVE = SensitiveValues()


def redact(text: str, sensitive: SensitiveValues = SENSITIVE) -> str:
    """`text` with anything that looks like evidence replaced by [hidden]."""
    text = sensitive.redact(text)
    text = _EMAIL.sub(HIDDEN, text)
    for match in reversed(list(phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID))):
        text = text[: match.start] + HIDDEN + text[match.end:]
    text = _LONG_NUMBER.sub(HIDDEN, text)
    text = _POSTCODE.sub(HIDDEN, text)
    return _COORD.sub(HIDDEN, text)


def redact_error(message: str) -> str:
    """An exception's message for a person or a log: quoted values (what a reader quotes from an
    export) hidden as well as anything that looks like evidence."""
    return redact(_QUOTED.sub(HIDDEN, message))


OWN_LOGGERS = ("checks", "desktop", "offduty")


class OwnDebugOnly(logging.Filter):
    """Below WARNING, only Offduty's own records pass (never a library's debug lines)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.split(".")[0] in OWN_LOGGERS


def debug_traceback(exc: BaseException) -> str:
    """A traceback for a developer: every frame and its line of code, each exception's type and
    message with anything that looks like evidence hidden (`redact`, quoted values)."""
    out: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    for n, item in enumerate(reversed(chain)):
        if n:
            out.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        out.append("Traceback (most recent call last; values from exports hidden):\n")
        for frame in traceback.extract_tb(item.__traceback__):
            out.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n')
            if frame.line:
                out.append(f"    {frame.line.strip()}\n")
        out.append(f"{type(item).__name__}: {redact_error(str(item))}\n")
    return "".join(out)


def _exception_summary(exc_info: tuple[type[BaseException], BaseException, object] | None) -> str:
    """The exception's type, its message with quoted values hidden, and where it happened."""
    if not exc_info or exc_info[0] is None:
        return ""
    kind, exc, tb = exc_info
    message = _QUOTED.sub(HIDDEN, str(exc))
    frames = traceback.extract_tb(tb)  # type: ignore[arg-type]
    where = "; ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames[-4:])
    return f"{kind.__name__}: {message}" + (f" (at {where})" if where else "")


class EvidenceFilter(logging.Filter):
    """Rewrites each record so no evidence reaches any handler (installed on handlers)."""

    def __init__(self, sensitive: SensitiveValues = SENSITIVE) -> None:
        super().__init__()
        self.sensitive = sensitive

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not leak its arguments either
            message = str(record.msg)
        extra = _exception_summary(record.exc_info) if record.exc_info else ""  # type: ignore[arg-type]
        if extra:
            message = f"{message} | {extra}"
        record.msg = redact(message, self.sensitive)
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def install_record_factory(sensitive: SensitiveValues = SENSITIVE) -> None:
    """Redact every log record as it is made, so no handler anywhere (ours, a library's) sees evidence."""
    current = logging.getLogRecordFactory()
    if getattr(current, "_offduty", False):
        return
    scrub = EvidenceFilter(sensitive)

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = current(*args, **kwargs)
        scrub.filter(record)
        return record

    factory._offduty = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def remember_report(report: Report) -> None:
    """Register the sensitive part of every finding, so no later log line can show it."""
    SENSITIVE.add(f.evidence[f.span[0]:f.span[1]] for f in report.findings if f.span)
    SENSITIVE.add(f.evidence for f in report.findings if not f.span and f.evidence)


def _log_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    logging.getLogger("offduty").critical("unexpected error", exc_info=(kind, exc, tb))


def _log_uncaught_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is not SystemExit and args.exc_value is not None:
        _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)


def configure_logging(verbose: bool = False, log_file: Path | None = None) -> logging.Logger:
    """Offduty's logging: standard error only (a file only when asked), every line filtered.

    Uncaught exceptions (in any thread, or in a Qt slot, which Python reports through
    `sys.excepthook`) go through the same filter instead of printing a raw traceback.
    """
    install_record_factory()
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_thread
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_offduty", False):
            root.removeHandler(handler)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        from checks.store.files import open_private_log

        handlers.append(logging.StreamHandler(open_private_log(log_file)))  # owner-only, never through a link
    for handler in handlers:
        handler.addFilter(OwnDebugOnly())
        handler.addFilter(EvidenceFilter())
        handler.setFormatter(logging.Formatter("offduty: %(levelname)s %(name)s: %(message)s"))
        handler._offduty = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.WARNING)  # libraries stay at warnings, even when debugging
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.NOTSET)
    logging.captureWarnings(True)
    return root


def harden_process() -> dict[str, bool]:
    """No core dumps, and (Linux) not dumpable or attachable; says what could be applied."""
    applied = {"core_dumps_off": False, "not_dumpable": False}
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        applied["core_dumps_off"] = True
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            applied["not_dumpable"] = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
        except (OSError, AttributeError):
            pass
    return applied


def is_dumpable() -> bool | None:
    """Whether the process is dumpable (Linux), None where it cannot be asked."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None
