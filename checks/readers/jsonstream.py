"""Streaming and defensive helpers shared by the Facebook, Instagram, LinkedIn and TikTok readers.

`stream_records` walks a JSON member with ijson and yields one record at a time (the elements
of a top-level array, or of chosen array-valued keys of a top-level object), so a 1 GB posts
file never sits in memory. `guarded` turns the errors a damaged member raises (truncated JSON,
CRC errors, bad encoding, members larger than they claim) into `ctx.skip` with a plain reason,
keeping the records already read. The `as_*` accessors read untrusted shapes without raising.
"""

from __future__ import annotations

import csv
import logging
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator
from datetime import UTC, datetime
from typing import IO, Any

import ijson

from checks.errors import MemberTooLarge
from checks.progress import Cancelled
from checks.readers.base import ReadContext
from checks.records import GeoPoint, Item

log = logging.getLogger(__name__)

# What reading a damaged member can raise; anything here becomes a skip, never a crash.
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError, zipfile.BadZipFile, zlib.error, EOFError, MemberTooLarge, ijson.JSONError,
    UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, IndexError,
    RecursionError, OverflowError, csv.Error,
)

# Subtrees deeper than this are not built (hostile nesting); real exports stay under 20.
MAX_DEPTH = 64


def reason_for(exc: BaseException) -> str:
    """A plain sentence for why a member could not be read (no evidence in it)."""
    if isinstance(exc, ijson.IncompleteJSONError) and "premature" in str(exc).lower():
        return "the file ends early (the export may be incomplete); items before the break were read"
    if isinstance(exc, ijson.JSONError):
        return "the file is not valid JSON (damaged?); items before the damage were read"
    if isinstance(exc, MemberTooLarge):
        return "the file is larger than the zip says it is (damaged or tampered)"
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return "the file is damaged inside the zip (download the export again); items before the damage were read"
    if isinstance(exc, UnicodeDecodeError):
        return "the file is not in a text encoding Offduty can read"
    if isinstance(exc, OSError):
        return "the file could not be read from the export"
    return "the file has a layout Offduty does not recognise; items before the problem were read"


def guarded(ctx: ReadContext, name: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Yield from `produce()`; a read error becomes `ctx.skip(name, reason)`. Cancel passes through."""
    try:
        yield from produce()
    except Cancelled:
        raise
    except READ_ERRORS as exc:
        log.info("skipped a member: %s", type(exc).__name__)
        ctx.skip(name, reason_for(exc))


def _build(events: Iterator[tuple[str, str, Any]], event: str, value: Any) -> Any:
    """Build one JSON value from parse events, starting at (event, value)."""
    if event not in ("start_map", "start_array"):
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _prefix, ev, val in events:
        if ev in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_DEPTH:
                raise ValueError("nesting too deep")
        elif ev in ("end_map", "end_array"):
            depth -= 1
        builder.event(ev, val)
        if depth == 0:
            return builder.value
    raise ijson.IncompleteJSONError("premature end of the file")


def _elements(events: Iterator[tuple[str, str, Any]], base: str) -> Iterator[tuple[str, Any]]:
    index = 0
    for _prefix, event, value in events:
        if event == "end_array":
            return
        yield f"{base}/{index}", _build(events, event, value)
        index += 1
    raise ijson.IncompleteJSONError("premature end of the file")


def stream_records(stream: IO[bytes], array_keys: Collection[str] = (), *,
                   lone: bool = True) -> Iterator[tuple[str, Any]]:
    """(pointer, record) for each element of a top-level array, or of the arrays under
    `array_keys` of a top-level object. The other keys of a top-level object form one more
    record at pointer "" (when `lone`), e.g. a check-ins file holding a single check-in."""
    from checks.pointer import escape

    fast = _fast_prefix(stream, array_keys)
    if fast is not None:
        # The common big files (a top-level list, or one wrapped list) are built by ijson's C backend.
        prefix, base = fast
        for index, record in enumerate(ijson.items(stream, prefix, use_float=True)):
            yield f"{base}/{index}", record
        return
    events: Iterator[tuple[str, str, Any]] = iter(ijson.parse(stream, use_float=True))
    first = next(events, None)
    if first is None:
        return
    _prefix, event, value = first
    if event == "start_array":
        yield from _elements(events, "")
        return
    if event != "start_map":
        raise ValueError("the file holds neither a JSON object nor a list")
    rest: dict[str, Any] = {}
    for _prefix, event, value in events:
        if event == "end_map":
            break
        if event != "map_key":
            raise ValueError("unexpected JSON event")
        key = str(value)
        nxt = next(events, None)
        if nxt is None:
            raise ijson.IncompleteJSONError("premature end of the file")
        if nxt[1] == "start_array" and key in array_keys:
            yield from _elements(events, "/" + escape(key))
        else:
            rest[key] = _build(events, nxt[1], nxt[2])
    else:
        raise ijson.IncompleteJSONError("premature end of the file")
    if lone and rest:
        yield "", rest


_WRAPPED = re.compile(rb'^\s*\{\s*"([A-Za-z0-9_]+)"\s*:\s*\[')


def _fast_prefix(stream: IO[bytes], array_keys: Collection[str]) -> tuple[str, str] | None:
    """("item", "") for a top-level list, ("key.item", "/key") for an object whose first key is a
    wanted list, else None (the general path). Looks at buffered bytes only."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return None
    head = bytes(peek(65536))[:65536]
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        return "item", ""
    match = _WRAPPED.match(head)
    if match and match.group(1).decode() in array_keys:
        # Meta's wrapped lists (`{"other_photos_v2": [...]}`) are the object's only key; keys after
        # the list, if any, are not read on this path.
        key = match.group(1).decode()
        return f"{key}.item", "/" + key
    return None


def load_pruned(stream: IO[bytes], prune: Collection[str] = ()) -> Any:
    """Load a JSON document, dropping (without building) every subtree whose key, lower-cased,
    is in `prune`: bounded memory for files whose bulk is in sections no reader needs."""
    events: Iterator[tuple[str, str, Any]] = iter(ijson.parse(stream, use_float=True))
    builder = ijson.ObjectBuilder()
    depth = 0
    started = False
    for _prefix, event, value in events:
        started = True
        if event == "map_key" and str(value).lower() in prune:
            nxt = next(events, None)
            if nxt is None:
                raise ijson.IncompleteJSONError("premature end of the file")
            _skip(events, nxt[1])
            continue
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_DEPTH:
                raise ValueError("nesting too deep")
        elif event in ("end_map", "end_array"):
            depth -= 1
        builder.event(event, value)
        if depth == 0:
            return builder.value
    if not started:
        raise ijson.IncompleteJSONError("premature end of the file: empty")
    raise ijson.IncompleteJSONError("premature end of the file")


def _skip(events: Iterator[tuple[str, str, Any]], event: str) -> None:
    if event not in ("start_map", "start_array"):
        return
    depth = 1
    for _prefix, ev, _val in events:
        if ev in ("start_map", "start_array"):
            depth += 1
        elif ev in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return
    raise ijson.IncompleteJSONError("premature end of the file")


# -- defensive accessors -------------------------------------------------------------------

def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: Any) -> str:
    """A string value stripped; numbers as text; anything else ""."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and not (isinstance(value, float) and not math.isfinite(value)):
        return str(value)
    return ""


def as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        out = float(value)
    elif isinstance(value, str):
        try:
            out = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return out if math.isfinite(out) else None


def get_ci(mapping: Any, *keys: str) -> Any:
    """The value of the first of `keys` present in `mapping`, compared case-insensitively."""
    if not isinstance(mapping, dict):
        return None
    lowered = {str(k).lower(): k for k in mapping}
    for key in keys:
        real = lowered.get(key.lower())
        if real is not None:
            return mapping[real]
    return None


def real_key(mapping: Any, *keys: str) -> str | None:
    """The key as spelled in `mapping` for the first of `keys` present (case-insensitive)."""
    if not isinstance(mapping, dict):
        return None
    lowered = {str(k).lower(): str(k) for k in mapping}
    for key in keys:
        if key.lower() in lowered:
            return lowered[key.lower()]
    return None


# -- times and places -----------------------------------------------------------------------

_MIN_EPOCH = 86_400  # 1970-01-02: anything before is "unknown" (Meta writes 0)
_MAX_EPOCH = 4_102_444_800  # 2100-01-01


def from_epoch(value: Any) -> datetime | None:
    """Unix seconds (or milliseconds) to a UTC datetime; 0, negatives and nonsense to None."""
    number = as_float(value)
    if number is None:
        return None
    if number > _MAX_EPOCH * 10:
        number /= 1000.0
    if number < _MIN_EPOCH or number > _MAX_EPOCH:
        return None
    return datetime.fromtimestamp(number, tz=UTC)


def geo(lat: Any, lon: Any, accuracy: Any = None) -> GeoPoint | None:
    """A GeoPoint from untrusted values; None when missing, out of range or exactly 0,0."""
    la, lo = as_float(lat), as_float(lon)
    if la is None or lo is None or not (-90 <= la <= 90 and -180 <= lo <= 180):
        return None
    if la == 0 and lo == 0:
        return None
    acc = as_float(accuracy)
    return GeoPoint(la, lo, acc if acc is not None and acc >= 0 else None)


_PAIR = re.compile(r"^\s*[(\[]?\s*(-?\d{1,3}(?:\.\d+)?)\s*°?\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*°?\s*[)\]]?\s*$")


def parse_pair(text: str) -> GeoPoint | None:
    """`"(51.44 , -0.05)"`, `"51.44, -0.05"`, `"[51.44,-0.05]"` to a GeoPoint, else None."""
    match = _PAIR.match(text or "")
    return geo(match.group(1), match.group(2)) if match else None


def details(*pairs: tuple[str, Any]) -> tuple[tuple[str, str], ...]:
    """Detail pairs with empty values dropped."""
    out = []
    for key, value in pairs:
        text = as_str(value) if not isinstance(value, str) else value.strip()
        if text:
            out.append((key, text))
    return tuple(out)


# -- progress by bytes ------------------------------------------------------------------------

class ByteProgress:
    """Progress through an export by bytes: the members already read plus how far into the
    current one the stream is, so one huge posts file still moves the progress bar."""

    STEP = 1 << 20  # report at most once per MiB read

    def __init__(self, ctx: ReadContext, total: int) -> None:
        self.ctx = ctx
        self.total = max(total, 1)
        self.done = 0
        self.name = ""
        _ACTIVE[id(ctx)] = self

    def start(self, name: str) -> None:
        self.name = name
        self.ctx.progress(self.done / self.total, name)

    def finish(self, size: int) -> None:
        self.done += max(size, 1)

    def close(self) -> None:
        if _ACTIVE.get(id(self.ctx)) is self:
            del _ACTIVE[id(self.ctx)]
        if not self.ctx.cancel.cancelled:
            self.ctx.progress(1.0)

    def at(self, consumed: int) -> None:
        self.ctx.progress(min(self.done + consumed, self.total) / self.total, self.name)


_ACTIVE: dict[int, ByteProgress] = {}


class _CountingStream:
    """A read-only byte stream that reports how much of a member has been read."""

    def __init__(self, inner: IO[bytes], progress: ByteProgress) -> None:
        self._inner = inner
        self._progress = progress
        self._count = 0
        self._next = ByteProgress.STEP

    def read(self, size: int = -1) -> bytes:
        data = self._inner.read(size)
        self._count += len(data)
        if self._count >= self._next:
            self._next = self._count + ByteProgress.STEP
            self._progress.at(self._count)
        return data

    def peek(self, size: int = 0) -> bytes:
        peek = getattr(self._inner, "peek", None)
        return peek(size) if peek is not None else b""


def counted(ctx: ReadContext, stream: IO[bytes]) -> IO[bytes]:
    """`stream`, reporting progress as it is read when the reader tracks progress by bytes."""
    progress = _ACTIVE.get(id(ctx))
    return stream if progress is None else _CountingStream(stream, progress)  # type: ignore[return-value]
