"""The one module every reader uses to read JSON (and to report damage): streams, getters, reasons.

* Streaming: `open_json` gives a member's bytes counted, with the UTF-8 BOM dropped (ijson
  refuses it). `stream_records` yields the elements of a top-level array or of chosen arrays of
  a top-level object; `stream_at` yields the values at chosen ijson prefixes with their exact
  JSON Pointer, even inside nested arrays (messages of conversations); `stream_sections` yields
  each top-level section of an object, element by element; `load_pruned` builds a document
  without the subtrees no reader needs. One record is in memory at a time: a 1 GB file is fine.
* Damage: `READ_ERRORS` is everything reading a damaged member can raise; `guarded` turns any of
  them into `ctx.skip(name, reason_for(exc))`, keeping what was read before the damage.
* Getters: `as_dict`, `as_list`, `as_str`, `as_text`, `as_strs`, `as_float`, `as_bytes`, `get_ci`,
  `real_key` read untrusted shapes and never raise.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import IO, Any

import ijson

from checks.errors import MemberTooLarge
from checks.exports.archive import Member
from checks.pointer import escape, pointer
from checks.progress import Cancelled
from checks.readers.base import ReadContext
from checks.records import GeoPoint, Item, Message, msg

log = logging.getLogger(__name__)

# What reading a damaged member can raise; anything here becomes a skip, never a crash.
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError, zipfile.BadZipFile, zlib.error, EOFError, MemberTooLarge, ijson.JSONError,
    UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, IndexError,
    RecursionError, OverflowError, csv.Error,
)

# Subtrees deeper than this are not built (hostile nesting); real exports stay under 20.
MAX_DEPTH = 64
_BOM = b"\xef\xbb\xbf"


def reason_for(exc: BaseException) -> Message:
    """Why a member could not be read, as a Message (no evidence in it)."""
    if isinstance(exc, ijson.IncompleteJSONError) and "premature" in str(exc).lower():
        return msg("reader.damaged.truncated")
    if isinstance(exc, ijson.JSONError):
        return msg("reader.damaged.json")
    if isinstance(exc, MemberTooLarge):
        return msg("reader.damaged.too_large")
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return msg("reader.damaged.zip")
    if isinstance(exc, UnicodeDecodeError):
        return msg("reader.damaged.encoding")
    if isinstance(exc, RecursionError):
        return msg("reader.damaged.too_deep")
    if isinstance(exc, OSError):
        return msg("reader.damaged.unreadable")
    return msg("reader.damaged.layout")


def stopped(exc: BaseException, count: int) -> Message:
    """Why a member stopped being read part way, with how many records were read before."""
    reason = reason_for(exc)
    return msg("reader.stopped", reason=reason, count=count) if count else reason


def guarded(ctx: ReadContext, name: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Yield from `produce()`; a read error becomes `ctx.skip(name, reason)`. Cancel passes through."""
    try:
        yield from produce()
    except Cancelled:
        raise
    except READ_ERRORS as exc:
        log.info("skipped a member: %s", type(exc).__name__)
        ctx.skip(name, reason_for(exc))


# -- the byte stream of a JSON member -------------------------------------------------------------

class Counted(io.RawIOBase):
    """A member's bytes with a leading UTF-8 BOM dropped, counting how many were read.

    `on_bytes(count)` is called about once per MiB, for progress by bytes.
    """

    STEP = 1 << 20

    def __init__(self, inner: IO[bytes], on_bytes: Callable[[int], None] | None = None) -> None:
        self._inner = inner
        self._on_bytes = on_bytes
        self._next = self.STEP
        self._started = False
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self._inner.read(len(view))
        if not self._started and data:
            self._started = True
            while len(data) < len(_BOM) and data == _BOM[:len(data)]:
                more = self._inner.read(len(view) - len(data))
                if not more:
                    break
                data += more
            if data.startswith(_BOM):
                self.count += len(_BOM)
                data = data[len(_BOM):]
        self.count += len(data)
        if self._on_bytes is not None and self.count >= self._next:
            self._next = self.count + self.STEP
            self._on_bytes(self.count)
        view[: len(data)] = data
        return len(data)


@contextmanager
def open_json(ctx: ReadContext, name: str) -> Iterator[io.BufferedReader]:
    """A member's JSON bytes: BOM dropped, buffered (so `peek` works), counted for progress."""
    progress = _ACTIVE.get(id(ctx))
    with ctx.export.open(name) as raw:
        counted = Counted(raw, progress.at if progress is not None else None)
        yield io.BufferedReader(counted, buffer_size=64 * 1024)


def bytes_read(stream: IO[bytes]) -> int:
    """How many bytes of the member a stream from `open_json` has taken so far."""
    raw = getattr(stream, "raw", None)
    return raw.count if isinstance(raw, Counted) else 0


def load_small(ctx: ReadContext, name: str, limit: int) -> Any:
    """A small JSON member (a profile, a sidecar) decoded whole; `None` with a skip when it is far
    larger than that kind of file ever is, or when it cannot be read."""
    member = ctx.export.member(name)
    if member is not None and member.size > limit:
        ctx.skip(name, msg("reader.too_large"))
        return None
    try:
        with open_json(ctx, name) as stream:
            events: Iterator[tuple[str, str, Any]] = iter(ijson.parse(stream, use_float=True))
            first = next(events, None)
            if first is None:
                raise ijson.IncompleteJSONError("premature end of the file: empty")
            return _build(events, first[1], first[2])
    except READ_ERRORS as exc:
        ctx.skip(name, reason_for(exc))
    return None


# -- streaming records ----------------------------------------------------------------------------

def _build(events: Iterator[tuple[str, str, Any]], event: str, value: Any, prune: Collection[str] = ()) -> Any:
    """Build one JSON value from parse events, starting at (event, value); subtrees under a key
    (lower-cased) in `prune` are consumed without being built."""
    if event not in ("start_map", "start_array"):
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _prefix, ev, val in events:
        if prune and ev == "map_key" and str(val).lower() in prune:
            nxt = next(events, None)
            if nxt is None:
                break
            _skip_value(events, nxt[1])
            continue
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


def _skip_value(events: Iterator[tuple[str, str, Any]], event: str) -> None:
    """Consume one JSON value from parse events without building it."""
    if event not in ("start_map", "start_array"):
        return
    depth = 1
    for _prefix, ev, _val in events:
        depth += _NESTING.get(ev, 0)
        if depth == 0:
            return
    raise ijson.IncompleteJSONError("premature end of the file")


# How an event changes the nesting depth.
_NESTING = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}


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
    if first[1] == "start_array":
        yield from _elements(events, "")
        return
    if first[1] != "start_map":
        raise ValueError("the file holds neither a JSON object nor a list")
    rest: dict[str, Any] = {}
    for key, event, value in _object_entries(events):
        if event == "start_array" and key in array_keys:
            yield from _elements(events, "/" + escape(key))
        else:
            rest[key] = _build(events, event, value)
    if lone and rest:
        yield "", rest


def member_records(ctx: ReadContext, name: str, *array_keys: str) -> Iterator[tuple[str, Any]]:
    """`stream_records` over a member, stopping when the audit is cancelled."""
    with open_json(ctx, name) as stream:
        for ptr, record in stream_records(stream, array_keys):
            ctx.cancel.raise_if_cancelled()
            yield ptr, record


def _object_entries(events: Iterator[tuple[str, str, Any]]) -> Iterator[tuple[str, str, Any]]:
    """(key, first event of its value, value) for each entry of the object just started; the
    consumer must consume (build or skip) each value before asking for the next entry."""
    for _prefix, event, value in events:
        if event == "end_map":
            return
        if event != "map_key":
            raise ValueError("unexpected JSON event")
        nxt = next(events, None)
        if nxt is None:
            break
        yield str(value), nxt[1], nxt[2]
    raise ijson.IncompleteJSONError("premature end of the file")


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


def stream_at(stream: IO[bytes], prefixes: Collection[str]) -> Iterator[tuple[str, str, Any]]:
    """(prefix, pointer, value) for every value at one of the ijson `prefixes`
    ("semanticSegments.item", "item.dmConversation.messages.item"), in file order, each built
    alone. The pointer is exact, array indexes included, however deeply arrays nest."""
    wanted = frozenset(prefixes)
    simple = len(wanted) == 1 and next(iter(wanted)).count("item") <= 1
    if simple:  # one array at most one level down: ijson builds the values in C, several times faster
        (only,) = wanted
        segments = [s for s in only.split(".") if s and s != "item"]
        base = pointer(*segments)
        one_array = only.endswith("item")
        for index, value in enumerate(ijson.items(stream, only, use_float=True)):
            yield only, (f"{base}/{index}" if one_array else base), value
        return
    yield from _walk_prefixes(iter(ijson.parse(stream, use_float=True)), wanted)


def _walk_prefixes(events: Iterator[tuple[str, str, Any]], wanted: frozenset[str]) -> Iterator[tuple[str, str, Any]]:
    # One frame per open container: [kind, position] (the current key of a map, index of an array).
    frames: list[list[Any]] = []
    for prefix, event, value in events:
        if event == "map_key":
            frames[-1][1] = str(value)
            continue
        if event in ("end_map", "end_array"):
            frames.pop()
            continue
        if frames and frames[-1][0] == "array":
            frames[-1][1] += 1
        if prefix in wanted:
            yield prefix, pointer(*(f[1] for f in frames)), _build(events, event, value)
        elif event == "start_map":
            frames.append(["map", ""])
        elif event == "start_array":
            frames.append(["array", -1])


def stream_sections(stream: IO[bytes]) -> Iterator[tuple[str, int | None, Any]]:
    """Top-level sections of a JSON object, streamed: (key, index, element) for each element of
    an array, (key, None, value) for objects and scalars. One element is in memory at a time."""
    events: Iterator[tuple[str, str, Any]] = iter(ijson.parse(stream, use_float=True))
    first = next(events, None)
    if first is None:
        return
    if first[1] != "start_map":
        raise ValueError("the file does not hold a JSON object")
    for key, event, value in _object_entries(events):
        if event == "start_array":
            for index, (_ptr, element) in enumerate(_elements(events, "")):
                yield key, index, element
        else:
            yield key, None, _build(events, event, value)


def load_pruned(stream: IO[bytes], prune: Collection[str] = ()) -> Any:
    """Load a JSON document, dropping (without building) every subtree whose key, lower-cased,
    is in `prune`: bounded memory for files whose bulk is in sections no reader needs."""
    events: Iterator[tuple[str, str, Any]] = iter(ijson.parse(stream, use_float=True))
    first = next(events, None)
    if first is None:
        raise ijson.IncompleteJSONError("premature end of the file: empty")
    return _build(events, first[1], first[2], prune)


def first_keys(stream: IO[bytes], max_keys: int = 64) -> tuple[str, dict[str, Any]]:
    """The shape ("object", "array" or "") and the first top-level entries of a JSON document:
    the keys of the object, or of the first element of a top-level array, each with its value when
    it is a scalar (None for a nested value, which is passed over without being built).

    Meant for recognition: the caller bounds the bytes `stream` delivers, so a key far into a
    file (a Mastodon outbox's "type" after a long "@context") is still found cheaply. Events
    without prefixes keep the cost linear however deep a hostile file nests; damage or the end
    of the bytes simply ends the look.
    """
    found: dict[str, Any] = {}
    events: Iterator[tuple[str, Any]] = iter(ijson.basic_parse(stream, use_float=True))
    shape = ""
    depth = 0  # inside the object whose keys are wanted: 1 means at its top level
    try:
        for event, value in events:
            if not shape:
                shape = {"start_map": "object", "start_array": "array"}.get(event, "?")
                if shape == "array" and next(events, ("", None))[0] != "start_map":
                    break
                depth = 1
                continue
            depth += _NESTING.get(event, 0)
            if depth == 0:
                break
            if event == "map_key" and depth == 1:
                nxt = next(events, None)
                if nxt is None:
                    break
                nested = _NESTING.get(nxt[0], 0) > 0
                found[str(value)] = None if nested else nxt[1]
                depth += int(nested)
                if len(found) >= max_keys:
                    break
    except READ_ERRORS:
        pass
    return ("" if shape == "?" else shape), found


# -- defensive accessors -------------------------------------------------------------------

def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: Any, *, strip: bool = True) -> str:
    """A string value (stripped unless told not to); numbers as text; anything else ""."""
    if isinstance(value, str):
        return value.strip() if strip else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and not (isinstance(value, float) and not math.isfinite(value)):
        return str(int(value)) if isinstance(value, float) and value.is_integer() and abs(value) < 1e18 \
            else str(value)
    return ""


def as_text(value: Any, limit: int = 1000) -> str:
    """A string value only (never a number), stripped and cut to `limit` characters."""
    return value.strip()[:limit] if isinstance(value, str) else ""


def as_strs(value: Any) -> list[str]:
    """A string or a list's strings, as a list (other values are dropped)."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def as_bytes(value: Any) -> bytes:
    return value if isinstance(value, bytes) else b""


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
    real = real_key(mapping, *keys)
    return mapping[real] if real is not None else None


def real_key(mapping: Any, *keys: str) -> str | None:
    """The key as spelled in `mapping` for the first of `keys` present (case-insensitive)."""
    if not isinstance(mapping, Mapping):
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


def read_by_bytes(ctx: ReadContext, jobs: Sequence[tuple[Member, Callable[[], Iterator[Item]]]]) -> Iterator[Item]:
    """Run each (member, produce) in order, each guarded (damage is a skip), with the progress bar
    moving by the bytes of the members read so far and of the current stream."""
    progress = ByteProgress(ctx, sum(max(m.size, 1) for m, _ in jobs))
    try:
        for member, produce in jobs:
            ctx.cancel.raise_if_cancelled()
            progress.start(member.name)
            yield from guarded(ctx, member.name, produce)
            progress.finish(member.size)
    finally:
        progress.close()
