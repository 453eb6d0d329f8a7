"""Safe opening of exports: the only code in Offduty that opens containers.

An export arrives as a zip, several zip parts of one export given together (Takeout
`-001/-002`, Snapchat `mydata~ID`/`mydata~ID-2`, `instagram_part_N`, Meta `facebook-…-<rand>`),
an unpacked folder (with or without a wrapper folder), or a single export file. `open_export`
turns any of these into an `Export`: a read-only view of its members, named relative to the
export's root with `/` separators, each readable as a stream. Nothing is ever extracted to disk
and nested zips are not opened (a member that is itself a zip is just a member).

Exports are untrusted. Before anything is read the zip's directory is checked: its size and
entry count (before Python parses it), declared sizes (total, per member, ratio), overlapping
entries (this machine's CPython 3.11.7 misses the "quoted overlap" bomb, CVE-2024-0450; the
check here catches it), sizes larger than the whole zip (gh-151307), absolute paths, `..`,
control characters, symlinks, device entries and encrypted members. An offending member is
refused and listed in `Export.refused` with a plain reason; the rest of the export is still
audited. A problem with the whole container (not a zip, encrypted, damaged, empty) raises
`UnreadableExport` with one clear sentence. Folders: links and special files are refused,
never followed.

JSON members (`.json`, `.js`) are watched as they stream: nesting deeper than
`Limits.max_json_depth` raises `NestingTooDeep`, because ijson's cost grows with the square of
the depth and 100,000 levels would exhaust memory in any reader.

Reading a member (`Export.open`; `Export.read_head` never raises) can fail when its data is
damaged, lies about its size or is hostile JSON. `Export.open` and reading from the stream it
returns raise only the exceptions in `READ_ERRORS`: `OSError` (`NestingTooDeep` is one),
`zipfile.BadZipFile`, `zlib.error`, `EOFError` and `checks.errors.MemberTooLarge` (anything
else from the decompressors is re-raised as `zipfile.BadZipFile`), plus `KeyError` from `open`
for a name that is not a member. Readers catch `READ_ERRORS` and turn them into `ctx.skip(...)`.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

import ijson

from checks.errors import MemberTooLarge, UnreadableExport
from checks.records import Message, Skipped, msg
from checks.report.words import say

log = logging.getLogger(__name__)

GiB = 1024**3
MiB = 1024**2

READ_ERRORS: tuple[type[BaseException], ...] = (OSError, zipfile.BadZipFile, zlib.error, EOFError, MemberTooLarge)
"""What opening or reading a member may raise (besides KeyError for an unknown name)."""
_HEAD_ERRORS: tuple[type[BaseException], ...] = (*READ_ERRORS, KeyError)


@dataclass(frozen=True)
class Limits:
    """Safety limits applied to every container (see research §6.3 for the reasoning)."""

    max_members: int = 500_000
    max_member_size: int = 16 * GiB
    max_total_size: int = 256 * GiB
    # A single layer of deflate cannot exceed ~1,032:1, so more than that proves tampering.
    max_ratio: float = 1_032.0
    # Large members compressing better than this are suspicious (Apache POI uses 100:1).
    suspicious_ratio: float = 200.0
    suspicious_min_size: int = 100 * MiB
    # The zip's central directory is read into memory by Python; 500k real entries take ~60 MB.
    max_directory_bytes: int = 256 * MiB
    # JSON nested deeper than this is refused while streaming (real exports stay under 20 levels;
    # ijson's cost grows with the square of the depth, so 100,000 levels would exhaust memory).
    max_json_depth: int = 512


DEFAULT_LIMITS = Limits()

# Operating-system clutter that zips made on a Mac or Windows carry; never part of an export.
_CLUTTER_DIRS = frozenset({"__macosx"})
_CLUTTER_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_CLUTTER_ENDINGS = tuple(_CLUTTER_FILES)

MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".dng", ".gif",
                  ".mp4", ".mov", ".m4v", ".3gp")

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIG = b"PK\x03\x04"
_EOCD = struct.Struct("<4sHHHHIIH")
_EOCD_SIG = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sIQI")
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
_ZIP64_EOCD = struct.Struct("<4sQHHIIQQQQ")
_ZIP64_EOCD_SIG = b"PK\x06\x06"


@dataclass(frozen=True)
class Member:
    """One file inside an export."""

    name: str  # relative to the export root, "/" separators
    size: int  # uncompressed bytes (declared, for zips)
    compressed_size: int = 0
    part: int = 0  # which zip part (multi-part exports) or 0


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes in file names (surrogateescape)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")


def display_name(name: str) -> str:
    """A member name safe to show: control characters and undecodable bytes become '?'."""
    return _UNSHOWABLE.sub("?", name)


class Export:
    """A read-only view of one export's members. Use `open_export` to make one."""

    def __init__(self, path: Path, kind: str, label: str | None = None) -> None:
        self.path = path
        self.kind = kind  # "zip", "zip-parts", "folder", "file"
        self.limits = DEFAULT_LIMITS
        self.label = label or path.name
        self.refused: list[Skipped] = []
        self._members: dict[str, Member] = {}
        self._lower: dict[str, str] = {}
        self._by_base: dict[str, list[str]] = {}
        self._index: dict[str, int] = {}
        self._joined: str | None = None
        self.size_bytes = 0

    # -- members -----------------------------------------------------------------------
    def members(self) -> list[Member]:
        return list(self._members.values())

    def names(self) -> list[str]:
        return list(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, name: str) -> bool:
        return name in self._members or name.lower() in self._lower

    def member(self, name: str) -> Member | None:
        if name in self._members:
            return self._members[name]
        real = self._lower.get(name.lower())
        return self._members.get(real) if real else None

    def find(self, *suffixes: str) -> list[Member]:
        """Members whose path ends with one of `suffixes` (case-insensitive, at a `/`), in member order."""
        found: set[str] = set()
        for suffix in suffixes:
            wanted = suffix.lower().lstrip("/")
            base = wanted.rsplit("/", 1)[-1]
            for low in self._by_base.get(base, ()):
                if low == wanted or low.endswith("/" + wanted):
                    found.add(self._lower[low])
        return sorted((self._members[n] for n in found), key=lambda m: self._index[m.name])

    def any_name(self, pattern: str) -> bool:
        """Whether some member name matches the regular expression (case-insensitive, `^`/`$` per name).

        Names are searched as one newline-joined text, so use `[^/\\n]` rather than `[^/]`.
        """
        if self._joined is None:
            self._joined = "\n".join(self._members)
        return re.search(pattern, self._joined, re.I | re.M) is not None

    def open(self, name: str) -> IO[bytes]:
        """A stream of the member's bytes. Raises KeyError for an unknown member, else only READ_ERRORS."""
        member = self.member(name)
        if member is None:
            raise KeyError(name)
        stream = self._open(member)
        if member.name.lower().endswith(_JSON_SUFFIXES):
            depth_guard = _JsonDepthGuard(stream, self.limits.max_json_depth, member.name)
            return io.BufferedReader(depth_guard, buffer_size=64 * 1024)
        return stream

    def read_head(self, name: str, size: int = 4096) -> bytes:
        """The first `size` bytes of a member (for recognition by first bytes); b"" when unreadable."""
        member = self.member(name)
        if member is None:
            return b""
        try:  # no depth guard here: a few KB cannot hurt, and a hostile file is still recognised
            with self._open(member) as stream:
                return stream.read(size)
        except _HEAD_ERRORS:
            return b""

    def _open(self, member: Member) -> IO[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        """Release file handles."""

    def __enter__(self) -> Export:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- building ------------------------------------------------------------------------
    def _add(self, member: Member) -> bool:
        if member.name in self._members:
            return False  # multi-part exports: the first part's copy wins
        low = member.name.lower()
        if low in self._lower:
            return False  # two names differing only in case: keep the first
        self._joined = None
        self._index[member.name] = len(self._members)
        self._members[member.name] = member
        self._lower[low] = member.name
        self._by_base.setdefault(low.rsplit("/", 1)[-1], []).append(low)
        return True

    def _refuse(self, name: str, reason: Message) -> None:
        self.refused.append(Skipped(file=display_name(name), reason=reason))


class _WrappedStream(io.RawIOBase):
    """A read-only stream over another; seekable when the inner one is."""

    _inner: IO[bytes]

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        try:
            return bool(self._inner.seekable())
        except Exception:
            return False

    def close(self) -> None:
        try:
            self._inner.close()
        except Exception:
            pass
        finally:
            super().close()


class _BoundedStream(_WrappedStream):
    """Wraps a member stream: delivers at most the declared size, and turns any decoder
    failure into one of READ_ERRORS."""

    def __init__(self, inner: IO[bytes], limit: int, name: str) -> None:
        self._inner = inner
        self._limit = limit
        self._pos = 0
        self._name = name

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        try:
            self._pos = self._inner.seek(offset, whence)
        except READ_ERRORS:
            raise
        except io.UnsupportedOperation:
            raise
        except Exception as exc:
            raise zipfile.BadZipFile(f"{display_name(self._name)} is damaged ({type(exc).__name__})") from None
        return self._pos

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        try:
            data = self._inner.read(len(view))
        except READ_ERRORS:
            raise
        except Exception as exc:  # lzma.LZMAError, ValueError from bz2, RuntimeError...
            raise zipfile.BadZipFile(f"{display_name(self._name)} is damaged ({type(exc).__name__})") from None
        if not data:
            return 0
        self._pos += len(data)
        if self._pos > self._limit:
            raise MemberTooLarge(msg("archive.grew", file=display_name(self._name)))
        view[: len(data)] = data
        return len(data)


class NestingTooDeep(ijson.JSONError, OSError):
    """A JSON member nested deeper than `Limits.max_json_depth` (hostile). Both an OSError (so
    it is one of READ_ERRORS) and an ijson.JSONError (so readers call it invalid JSON)."""


_JSON_SUFFIXES = (".json", ".js")
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
_ESCAPE = re.compile(rb"\\.", re.S)


class _JsonDepthGuard(_WrappedStream):
    """Passes a JSON member through unchanged while tracking its nesting depth outside strings.

    Works on the bytes as they stream, in C-speed steps (escapes removed, everything but quotes
    and brackets dropped, strings cut out by splitting on quotes), so a large file costs little.
    Raises NestingTooDeep past the limit. A seek back to the start resets it; any other seek
    switches it off (readers do not seek around inside JSON).
    """

    def __init__(self, inner: IO[bytes], max_depth: int, name: str) -> None:
        self._inner = inner
        self._max = max_depth
        self._name = name
        self._reset()

    def _reset(self) -> None:
        self._depth = 0
        self._in_string = False
        self._carry = b""
        self._on = True

    def tell(self) -> int:
        return self._inner.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        pos = self._inner.seek(offset, whence)
        if pos == 0:
            self._reset()
        else:
            self._on = False
        return pos

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self._inner.read(len(view))
        if not data:
            return 0
        if self._on:
            self._feed(data)
        view[: len(data)] = data
        return len(data)

    def _feed(self, data: bytes) -> None:
        raw = self._carry + data if self._carry else data
        kept = len(raw.rstrip(b"\\"))
        self._carry = raw[kept:]  # a run of backslashes at the end: their pair is in the next read
        raw = raw[:kept]
        if b"\\" in raw:
            raw = _ESCAPE.sub(b"", raw)  # escape pairs (\\, \", \n ...) never delimit anything
        marks = raw.translate(None, _NOT_STRUCTURE)
        if b'"' in marks:
            parts = marks.split(b'"')
            outside = parts[1::2] if self._in_string else parts[0::2]
            self._in_string = self._in_string != (len(parts) % 2 == 0)
            marks = b"".join(outside)
        elif self._in_string:
            return
        depth = self._depth
        for i in range(0, len(marks), 256):
            piece = marks[i:i + 256]
            opens = piece.count(b"[") + piece.count(b"{")
            if depth + opens <= self._max:
                depth += opens - (len(piece) - opens)
                continue
            for c in piece:
                depth += 1 if c in b"[{" else -1
                if depth > self._max:
                    raise NestingTooDeep(
                        f"{display_name(self._name)} is nested more than {self._max} levels deep (hostile?)")
        self._depth = depth


def _bounded(inner: IO[bytes], limit: int, name: str) -> IO[bytes]:
    return io.BufferedReader(_BoundedStream(inner, limit, name), buffer_size=256 * 1024)


def check_member_name(raw: str) -> Message | None:
    """Why a member name is unsafe (an `archive.name.*` code), or None. Names use `/` (zip) after normalising."""
    name = raw.replace("\\", "/")
    if "\x00" in name:
        return msg("archive.name.nul")
    if _CONTROL.search(name):
        return msg("archive.name.control")
    if _SURROGATE.search(name):
        return msg("archive.name.not_text")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or name.startswith("//"):
        return msg("archive.name.absolute")
    if any(part == ".." for part in name.split("/")):
        return msg("archive.name.escapes")
    return None


def _normalise(name: str) -> str:
    """`a//./b` -> `a/b`: zip names as one canonical relative path."""
    if "\\" not in name and "//" not in name and "./" not in name and not name.startswith("/") \
            and not name.endswith(("/", "/.")):
        return name
    return "/".join(p for p in name.replace("\\", "/").split("/") if p not in ("", "."))


def _is_clutter(name: str) -> bool:
    low = name.lower()
    if "__macosx" not in low and "._" not in low and not low.endswith(_CLUTTER_ENDINGS):
        return False
    parts = low.split("/")
    return parts[0] in _CLUTTER_DIRS or parts[-1] in _CLUTTER_FILES or parts[-1].startswith("._")


def _refusal(info: zipfile.ZipInfo, name: str, limits: Limits, archive_size: int, overlaps: bool) -> Message | None:
    """Why a zip entry is refused or skipped (an `archive.*` code), or None when it may be read."""
    unsafe = check_member_name(info.filename)
    mode = (info.external_attr >> 16) & 0xFFFF
    kind = stat.S_IFMT(mode)
    ratio = info.file_size / info.compress_size if info.compress_size else 0.0
    if unsafe:
        return msg("archive.unsafe_name", reason=unsafe)
    if not name:
        return msg("archive.no_name")
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return msg("archive.link")
    if info.create_system == 3 and kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
        return msg("archive.special")
    if info.flag_bits & 0x1:
        return msg("archive.encrypted")
    if info.compress_size > archive_size:
        return msg("archive.larger_than_zip")
    if overlaps:
        return msg("archive.overlap")
    if (info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size) or (
            info.file_size and not info.compress_size):
        return msg("archive.sizes")
    if info.file_size > limits.max_member_size:
        return msg("archive.member_too_large", size=round(info.file_size / GiB, 1))
    if ratio > limits.max_ratio:
        return msg("archive.ratio")
    if info.file_size > limits.suspicious_min_size and ratio > limits.suspicious_ratio:
        return msg("archive.suspicious_ratio")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        return msg("archive.method")
    return None


def _all_refused(refused: Sequence[Skipped]) -> Message:
    """Why an export none of whose files could be read is unreadable: the first refusal's reason,
    without its "refused:" / "skipped:" opening (said in the sentence's own words)."""
    first = refused[0]
    reason = say(first.reason).split(": ", 1)[-1]
    if len(refused) == 1:
        return msg("archive.export.none_readable", file=first.file, reason=reason)
    return msg("archive.export.none_readable_more", file=first.file, count=len(refused) - 1, reason=reason)


def _only_archives(names: Sequence[str]) -> bool:
    return bool(names) and all(n.lower().endswith((".zip", ".tgz", ".tar.gz")) for n in names)


def _layout_folders() -> frozenset[str]:
    """Top folders that belong to a format's own layout (`data/` of an X archive, `Takeout/`), as
    each format declares them (`FormatSpec.folders`): never stripped as wrappers."""
    from checks.readers import layout_folders

    return layout_folders()


def _common_wrapper(names: Sequence[str], max_depth: int = 3, media_wrapper: bool = True) -> str:
    """The wrapper folder prefix ('wrapper/' or 'a/b/') that every name shares, or ''.

    A platform's own top folder (`data/` of an X archive, `Takeout/`) is never a wrapper, and a
    folder holding only photos and videos keeps its layout (a photo's path stays meaningful):
    for zips (`media_wrapper`) one wrapper around photos is stripped, for folders none.
    """
    prefix = ""
    current = list(names)
    for _ in range(max_depth):
        if not current:
            break
        firsts = {n.split("/", 1)[0] for n in current}
        if len(firsts) != 1 or any("/" not in n for n in current):
            break
        top = firsts.pop()
        if top.lower() in _layout_folders():
            break
        rest = [n.split("/", 1)[1] for n in current]
        if all(r.lower().endswith(MEDIA_SUFFIXES) for r in rest) and (prefix or not media_wrapper):
            break
        prefix += top + "/"
        current = rest
    return prefix


class ZipExport(Export):
    """One zip, or several zip parts of one export given together.

    A part that cannot be opened is listed in `refused` and the other parts are read; only when
    no part opens is `UnreadableExport` raised (with the first part's reason).
    """

    def __init__(self, paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> None:
        first = paths[0]
        super().__init__(first, "zip" if len(paths) == 1 else "zip-parts", export_label(paths))
        self.limits = limits
        self._zips: list[zipfile.ZipFile | None] = []
        self._infos: dict[str, tuple[int, zipfile.ZipInfo]] = {}
        names_by_part: list[list[tuple[str, zipfile.ZipInfo]]] = []
        errors: list[UnreadableExport] = []
        try:
            for index, path in enumerate(paths):
                zf = None
                try:
                    zf = _open_zip(path, limits)
                    accepted = self._screen(zf, path, index)
                except UnreadableExport as exc:
                    if zf is not None:
                        zf.close()
                    if len(paths) == 1:
                        raise
                    errors.append(exc)
                    self._zips.append(None)
                    names_by_part.append([])
                    self.refused.append(Skipped(file=path.name, reason=msg("archive.part_not_read", reason=exc.reason)))
                    continue
                self._zips.append(zf)
                self.size_bytes += path.stat().st_size
                names_by_part.append(accepted)
        except BaseException:
            self.close()
            raise
        if errors and len(errors) == len(paths):
            self.close()
            raise errors[0]
        all_names = [n for part in names_by_part for n, _ in part]
        if not all_names and not self.refused:
            self.close()
            raise UnreadableExport(str(first), msg("archive.export.empty_zip"))
        strip = _common_wrapper(all_names)
        total = 0
        for index, part in enumerate(names_by_part):
            for name, info in part:
                short = name[len(strip):]
                if self._duplicate(short, info):
                    continue
                if total + info.file_size > limits.max_total_size:
                    self._refuse(short, msg("archive.total_too_large", limit=limits.max_total_size // GiB))
                    continue
                if self._add(Member(short, info.file_size, info.compress_size, index)):
                    self._infos[short] = (index, info)
                    total += info.file_size
        if not self._members and self.refused:
            self.close()
            raise UnreadableExport(str(first), _all_refused(self.refused))
        if _only_archives(self.names()):
            self.close()
            raise UnreadableExport(str(first), msg("archive.export.only_zips_inside"))

    def _screen(self, zf: zipfile.ZipFile, path: Path, part: int) -> list[tuple[str, zipfile.ZipInfo]]:
        limits = self.limits
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise UnreadableExport(str(path), msg("archive.export.too_many_files", count=len(infos),
                                                  limit=limits.max_members))
        archive_size = path.stat().st_size
        overlapping = _overlapping_entries(zf, path, infos)
        files = [i for i in infos if not i.filename.endswith("/")]  # ZipInfo.is_dir fails on an empty name
        if files and all(i.flag_bits & 0x1 for i in files):
            raise UnreadableExport(str(path), msg("archive.export.password"))
        accepted: list[tuple[str, zipfile.ZipInfo]] = []
        for info in files:
            raw = info.filename
            name = _normalise(raw)
            if _is_clutter(name):
                continue
            reason = _refusal(info, name, limits, archive_size, id(info) in overlapping)
            if reason is not None:
                self._refuse(raw if reason.code == "archive.unsafe_name" or not name else name, reason)
            else:
                accepted.append((name, info))
        return accepted

    def _duplicate(self, name: str, info: zipfile.ZipInfo) -> bool:
        """Whether a member of this name (in any case) was added already. An identical copy (zip
        parts each holding the same file) is the same file; a different one is listed as skipped,
        never dropped silently."""
        kept = self.member(name)
        if kept is None:
            return False
        first = self._infos[kept.name][1]
        if (first.CRC, first.file_size) != (info.CRC, info.file_size):
            self._refuse(name, msg("archive.duplicate", kept=kept.name))
        return True

    def _open(self, member: Member) -> IO[bytes]:
        part, info = self._infos[member.name]
        zf = self._zips[part]
        if zf is None:
            raise OSError("the zip is closed")
        try:
            inner = zf.open(info)
        except READ_ERRORS:
            raise
        except Exception as exc:  # RuntimeError (encrypted), NotImplementedError, ValueError (closed)
            raise zipfile.BadZipFile(f"{display_name(member.name)} cannot be opened ({type(exc).__name__})") from None
        return _bounded(inner, info.file_size, member.name)

    def close(self) -> None:
        for zf in self._zips:
            if zf is not None:
                zf.close()
        self._zips.clear()


# What a file's first bytes say it is (words under [archive.kind]), and whether it is an archive.
_MAGIC = (
    (b"\x89PNG", msg("archive.kind.png"), False),
    (b"\xff\xd8\xff", msg("archive.kind.jpeg"), False),
    (b"%PDF", msg("archive.kind.pdf"), False),
    (b"\x1f\x8b", msg("archive.kind.gzip"), True),
    (b"BZh", msg("archive.kind.bzip2"), True),
    (b"Rar!", msg("archive.kind.rar"), True),
    (b"7z\xbc\xaf", msg("archive.kind.7zip"), True),
    (b"\xfd7zXZ", msg("archive.kind.xz"), True),
)


def _kind_of(head: bytes) -> tuple[Message, bool] | None:
    """(what the file is, whether that is an archive) when its first bytes say, else None."""
    for magic, kind, is_archive in _MAGIC:
        if head.startswith(magic):
            return kind, is_archive
    return None


def _precheck_directory(path: Path, limits: Limits) -> None:
    """Refuse a zip whose directory claims more entries or bytes than a real export has,
    before Python reads that directory into memory. Silent when the end record is not found
    (zipfile then reports the zip as damaged)."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, io.SEEK_END)
            size = fh.tell()
            tail_len = min(size, _EOCD.size + 65535)
            fh.seek(size - tail_len)
            tail = fh.read(tail_len)
            at = tail.rfind(_EOCD_SIG)
            if at < 0 or len(tail) - at < _EOCD.size:
                return
            _sig, _disk, _cd_disk, _n_disk, count, cd_size, _cd_off, _comment = _EOCD.unpack_from(tail, at)
            loc_at = at - _ZIP64_LOCATOR.size
            if loc_at >= 0 and tail[loc_at:loc_at + 4] == _ZIP64_LOCATOR_SIG:
                _s, _d, z64_off, _t = _ZIP64_LOCATOR.unpack_from(tail, loc_at)
                if 0 <= z64_off < size:
                    fh.seek(z64_off)
                    raw = fh.read(_ZIP64_EOCD.size)
                    if len(raw) == _ZIP64_EOCD.size and raw[:4] == _ZIP64_EOCD_SIG:
                        fields = _ZIP64_EOCD.unpack(raw)
                        count, cd_size = fields[7], fields[8]
    except (OSError, struct.error):
        return
    if count > limits.max_members:
        raise UnreadableExport(str(path), msg("archive.export.claims_too_many_files", count=count,
                                              limit=limits.max_members))
    if cd_size > limits.max_directory_bytes:
        raise UnreadableExport(str(path), msg("archive.export.directory_too_large"))


def _unopenable(path: Path, exc: OSError) -> UnreadableExport:
    """The error for a path the system would not open: a folder among zip parts, no permission,
    or the system's own reason."""
    if isinstance(exc, IsADirectoryError):
        return UnreadableExport(str(path), msg("archive.export.folder_among_parts"))
    if isinstance(exc, PermissionError):
        return UnreadableExport(str(path), msg("archive.export.permission"))
    return UnreadableExport(str(path), msg("archive.export.cannot_open", error=exc.strerror or type(exc).__name__))


def _head(path: Path) -> bytes:
    """The first bytes of a file given as an export (they say what it is)."""
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except OSError as exc:
        raise _unopenable(path, exc) from None


def _open_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    head = _head(path)
    if not head:
        raise UnreadableExport(str(path), msg("archive.export.empty_file"))
    _precheck_directory(path, limits)
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if head.startswith(b"PK"):
            raise UnreadableExport(str(path), msg("archive.export.incomplete_zip")) from None
        raise UnreadableExport(str(path), _not_a_zip(head)) from None
    except UnicodeDecodeError:
        raise UnreadableExport(str(path), msg("archive.export.names_damaged")) from None
    except OSError as exc:
        raise UnreadableExport(str(path), msg("archive.export.zip_unreadable",
                                              error=exc.strerror or type(exc).__name__)) from None
    except Exception as exc:  # hostile directories make zipfile raise ValueError, struct.error, ...
        raise UnreadableExport(str(path), msg("archive.export.zip_damaged", error=type(exc).__name__)) from None


def _not_a_zip(head: bytes) -> Message:
    """Why a file named or given as a zip is not one: what it is instead, when its first bytes say."""
    kind = _kind_of(head)
    if kind is None:
        return msg("archive.export.not_a_zip")
    what, is_archive = kind
    return msg("archive.export.other_archive", what=what) if is_archive else msg("archive.export.not_a_zip_but",
                                                                                  what=what)


def _overlapping_entries(zf: zipfile.ZipFile, path: Path, infos: list[zipfile.ZipInfo]) -> set[int]:
    """ids of the ZipInfos whose local data runs into the next entry or the central directory,
    share a local header with another entry, or have no local header where they claim."""
    bad: set[int] = set()
    ordered = sorted(infos, key=lambda i: i.header_offset)
    start_dir = getattr(zf, "start_dir", None)
    file_size = path.stat().st_size
    end_of_data = start_dir if isinstance(start_dir, int) and 0 < start_dir <= file_size else file_size
    try:
        with path.open("rb") as fh:
            for index, info in enumerate(ordered):
                nxt = ordered[index + 1] if index + 1 < len(ordered) else None
                if nxt is not None and nxt.header_offset == info.header_offset:
                    bad.add(id(info))
                    bad.add(id(nxt))
                if info.header_offset < 0 or info.header_offset >= end_of_data:
                    bad.add(id(info))
                    continue
                fh.seek(info.header_offset)
                raw = fh.read(_LOCAL_HEADER.size)
                if len(raw) < _LOCAL_HEADER.size or raw[:4] != _LOCAL_SIG:
                    bad.add(id(info))
                    continue
                fields = _LOCAL_HEADER.unpack(raw)
                name_len, extra_len = fields[9], fields[10]
                data_end = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len + info.compress_size
                limit = nxt.header_offset if nxt is not None else end_of_data
                if data_end > limit:
                    bad.add(id(info))
    except OSError:
        pass
    return bad


class FolderExport(Export):
    """An unpacked export folder (or a folder of photos). Links are refused, never followed."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        super().__init__(path, "folder")
        self.limits = limits
        self._root = path
        found: list[tuple[str, int]] = []
        for name, size in self._walk(path):
            found.append((name, size))
            if len(found) > limits.max_members:
                raise UnreadableExport(str(path), msg("archive.export.folder_too_many_files",
                                                      limit=limits.max_members))
        if not found and not self.refused:
            raise UnreadableExport(str(path), msg("archive.export.empty_folder"))
        strip = _common_wrapper([n for n, _ in found], media_wrapper=False)
        self._strip = strip
        for name, size in found:
            short = name[len(strip):]
            kept = self.member(short)
            if kept is not None:  # the same name in another case (a case-sensitive file system)
                self._refuse(short, msg("archive.duplicate", kept=kept.name))
            elif self._add(Member(short, size)):
                self.size_bytes += size
        if not self._members and self.refused:
            raise UnreadableExport(str(path), _all_refused(self.refused))
        if _only_archives(self.names()):
            raise UnreadableExport(str(path), msg("archive.export.only_zips_in_folder"))

    def _walk(self, root: Path) -> Iterator[tuple[str, int]]:
        def unreadable(err: OSError) -> None:
            where = os.path.relpath(err.filename, root) if err.filename else "?"
            self._refuse(where.replace(os.sep, "/"), msg("archive.folder_unreadable"))

        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
            rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
            rel_dir = "" if rel_dir == "." else rel_dir + "/"
            for d in list(dirnames):
                if os.path.islink(os.path.join(dirpath, d)):
                    self._refuse(rel_dir + d, msg("archive.link"))
                    dirnames.remove(d)
                elif not rel_dir and d.lower() in _CLUTTER_DIRS:
                    dirnames.remove(d)
            dirnames.sort()
            for f in sorted(filenames):
                name = rel_dir + f
                if _is_clutter(name):
                    continue
                full = os.path.join(dirpath, f)
                try:
                    st = os.lstat(full)
                except OSError:
                    self._refuse(name, msg("archive.unreadable"))
                    continue
                unsafe = check_member_name(name)
                if unsafe:
                    self._refuse(name, msg("archive.unsafe_name", reason=unsafe))
                elif stat.S_ISLNK(st.st_mode):
                    self._refuse(name, msg("archive.link"))
                elif not stat.S_ISREG(st.st_mode):
                    self._refuse(name, msg("archive.special"))
                else:
                    yield name, st.st_size

    def _open(self, member: Member) -> IO[bytes]:
        full = self._root / PurePosixPath(self._strip + member.name)
        # O_NOFOLLOW: a file swapped for a link after the listing is not followed.
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(full, flags)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(f"{display_name(member.name)} is no longer a regular file")
            return os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise


class FileExport(Export):
    """A single export file given directly (tweets.js, Records.json, a photo)."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        super().__init__(path, "file")
        self.limits = limits
        st = path.stat()
        self.size_bytes = st.st_size
        self._add(Member(display_name(path.name), st.st_size))

    def _open(self, member: Member) -> IO[bytes]:
        return self.path.open("rb")


def _looks_like_zip(head: bytes) -> bool:
    return head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"))


def _guarded(make: Callable[[], Export], path: Path) -> Export:
    """Build a zip export; a fault no check above foresaw in a hostile zip still becomes one sentence."""
    try:
        return make()
    except (UnreadableExport, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:
        log.warning("unexpected %s while opening a zip", type(exc).__name__)
        raise UnreadableExport(str(path), msg("archive.export.zip_damaged", error=type(exc).__name__)) from None


def open_export(paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> Export:
    """Open one export: a folder, a file, a zip, or several zip parts of the same export.

    Raises `UnreadableExport` with one clear sentence when the container as a whole cannot be read.
    """
    if not paths:
        raise ValueError("no path given")
    paths = [Path(p) for p in paths]
    first = paths[0]
    for p in paths:
        if not os.path.lexists(p):
            raise UnreadableExport(str(p), msg("archive.export.no_such_path"))
        if os.path.islink(p) and not p.exists():
            raise UnreadableExport(str(p), msg("archive.export.broken_link"))
    if len(paths) > 1:
        return _guarded(lambda: ZipExport(paths, limits), first)
    try:
        if first.is_dir():
            return FolderExport(first, limits)
        if not first.is_file():
            raise UnreadableExport(str(first), msg("archive.export.not_regular"))
        if first.stat().st_size == 0:
            raise UnreadableExport(str(first), msg("archive.export.empty_file"))
        head = _head(first)
    except OSError as exc:
        raise _unopenable(first, exc) from None
    suffix = first.suffix.lower()
    if _looks_like_zip(head) or suffix == ".zip":
        return _guarded(lambda: ZipExport([first], limits), first)
    kind = _kind_of(head)
    if suffix in (".tgz", ".tbz", ".gz", ".bz2", ".tar", ".7z", ".rar") or (kind is not None and kind[1]):
        what = kind[0] if kind is not None else msg("archive.kind.suffix", suffix=suffix)
        raise UnreadableExport(str(first), msg("archive.export.archive_given", what=what))
    return FileExport(first, limits)


_PART_PATTERNS = (
    # takeout-20240101T000000Z-001.zip, takeout-20240101T000000Z-3-001.zip
    re.compile(r"^(takeout-\d{8}T\d{6}Z)(?:-\d+)?-\d{3}\.(?:zip|tgz|tbz)$", re.I),
    # mydata~1700000000000.zip, mydata~1700000000000-2.zip
    re.compile(r"^(mydata~\d+)(?:-\d+)?\.zip$", re.I),
    # instagram_part_1.zip, facebook_part_2.zip
    re.compile(r"^(.+?)_part_\d+\.zip$", re.I),
    # Meta: facebook-user-2026-3-11-Hl65Zstp.zip + facebook-user-2026-3-11-Qw3rTy12.zip (the last
    # dash-separated word differs between parts), instagram-user-2026-03-11-<rand>.zip
    re.compile(r"^((?:facebook|instagram|meta)-.+-\d{4}-\d{1,2}-\d{1,2})-[A-Za-z0-9]+\.zip$", re.I),
)


_DOWNLOADED_AGAIN = re.compile(r"^(.*?) \(\d+\)(\.[A-Za-z0-9]+)$")


def export_label(paths: Sequence[Path]) -> str:
    """How an export is named in progress and notes: its (first) file's name, and how many more
    parts it came in ("takeout-…-001.zip and 2 more parts"), in the person's language."""
    if len(paths) == 1:
        return paths[0].name
    return say(msg("archive.parts", name=paths[0].name, count=len(paths) - 1))


def export_id(path: Path) -> str | None:
    """The id shared by the zip parts of one export, from the file name, or None.

    A browser's " (1)" for a file downloaded twice is ignored.
    """
    name = _DOWNLOADED_AGAIN.sub(r"\1\2", path.name)
    for pattern in _PART_PATTERNS:
        match = pattern.match(name)
        if match:
            return match.group(1).lower()
    return None


def group_parts(paths: Sequence[Path]) -> list[list[Path]]:
    """Group paths given together: zip parts of one export become one group, in the order first given.

    The same path given twice counts once.
    """
    groups: list[list[Path]] = []
    by_id: dict[str, list[Path]] = {}
    seen: set[str] = set()
    for path in paths:
        try:
            key = str(Path(path).resolve())
        except (OSError, RuntimeError):
            key = str(path)
        if key in seen:
            continue
        seen.add(key)
        ident = export_id(path) if path.is_file() else None
        if ident is None:
            groups.append([path])
        elif ident in by_id:
            by_id[ident].append(path)
        else:
            by_id[ident] = [path]
            groups.append(by_id[ident])
    for group in groups:
        group.sort(key=lambda p: _part_order(p.name))
    return groups


def _part_order(name: str) -> tuple[str | int, ...]:
    """Natural sort key on the name without extension: `mydata~1` < `mydata~1-2` < `mydata~1-10`."""
    stem = name.lower().rsplit(".", 1)[0]
    return tuple(int(t) if i % 2 else t for i, t in enumerate(re.split(r"(\d+)", stem)))
