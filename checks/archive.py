"""Safe opening of exports: the only code in Offduty that opens containers.

An export arrives as a zip, several zip parts of one export, an unpacked folder (with or
without a wrapper folder), or a single file. `open_export` turns any of these into an
`Export`: a read-only view of its members, named relative to the export's root with `/`
separators, each readable as a stream. Nothing is ever extracted to disk.

Exports are untrusted. Before anything is read the central directory is checked: member
count, declared sizes (total, per member, ratio), overlapping entries (CPython 3.11.7 does not
catch the "quoted overlap" bomb), absolute paths, `..`, symlinks, device entries and encrypted
members. An offending member is refused and listed (`Export.refused`) with a plain reason; the
rest of the export is still audited. Errors about the whole container (not a zip, encrypted,
truncated, empty) raise `UnreadableExport` with one clear sentence.
"""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from checks.errors import MemberTooLarge, UnreadableExport
from checks.records import Skipped

GiB = 1024**3
MiB = 1024**2


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


DEFAULT_LIMITS = Limits()

# Top-level folder names that belong to a platform's own layout: never stripped as wrappers.
_CONTENT_DIRS = frozenset(
    {
        "data", "takeout", "json", "html", "memories", "chat_media", "activities", "media",
        "content", "your_instagram_activity", "your_facebook_activity", "personal_information",
        "connections", "logged_information", "security_and_login_information", "posts",
        "profile_information", "photos_and_videos", "location", "location history",
        "semantic location history", "assets",
    }
)

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIG = b"PK\x03\x04"


@dataclass(frozen=True)
class Member:
    """One file inside an export."""

    name: str  # relative to the export root, "/" separators
    size: int  # uncompressed bytes (declared, for zips)
    compressed_size: int = 0
    part: int = 0  # which zip part (multi-part exports) or 0


class Export:
    """A read-only view of one export's members. Use `open_export` to make one."""

    def __init__(self, path: Path, kind: str, label: str | None = None) -> None:
        self.path = path
        self.kind = kind  # "zip", "zip-parts", "folder", "file"
        self.label = label or path.name
        self.refused: list[Skipped] = []
        self._members: dict[str, Member] = {}
        self._lower: dict[str, str] = {}
        self.size_bytes = 0

    # -- members -----------------------------------------------------------------------
    def members(self) -> list[Member]:
        return list(self._members.values())

    def names(self) -> list[str]:
        return list(self._members)

    def __contains__(self, name: str) -> bool:
        return name in self._members or name.lower() in self._lower

    def member(self, name: str) -> Member | None:
        if name in self._members:
            return self._members[name]
        real = self._lower.get(name.lower())
        return self._members.get(real) if real else None

    def find(self, *suffixes: str) -> list[Member]:
        """Members whose path ends with one of `suffixes` (case-insensitive, at a `/`)."""
        wanted = [s.lower().lstrip("/") for s in suffixes]
        out = []
        for low, real in self._lower.items():
            for s in wanted:
                if low == s or low.endswith("/" + s):
                    out.append(self._members[real])
                    break
        return out

    def open(self, name: str) -> IO[bytes]:
        """A stream of the member's bytes. Raises KeyError for an unknown member."""
        member = self.member(name)
        if member is None:
            raise KeyError(name)
        return self._open(member)

    def read_head(self, name: str, size: int = 4096) -> bytes:
        """The first `size` bytes of a member (for recognition by first bytes)."""
        try:
            with self.open(name) as stream:
                return stream.read(size)
        except (OSError, zipfile.BadZipFile, zlib.error, MemberTooLarge, EOFError, KeyError):
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
    def _add(self, member: Member) -> None:
        if member.name in self._members:
            return  # multi-part exports: the first part's copy wins
        self._members[member.name] = member
        self._lower.setdefault(member.name.lower(), member.name)

    def _refuse(self, name: str, reason: str) -> None:
        self.refused.append(Skipped(file=name, reason=reason))

    def _rename_all(self, strip: str) -> None:
        if not strip:
            return
        members = list(self._members.values())
        self._members.clear()
        self._lower.clear()
        for m in members:
            self._add(Member(m.name[len(strip):], m.size, m.compressed_size, m.part))


class _BoundedStream(io.RawIOBase):
    """Wraps a member stream; refuses to deliver more than the declared size."""

    def __init__(self, inner: IO[bytes], limit: int, name: str) -> None:
        self._inner = inner
        self._left = limit
        self._name = name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        data = self._inner.read(len(view))
        if not data:
            return 0
        self._left -= len(data)
        if self._left < 0:
            raise MemberTooLarge(f"{self._name} is larger than it claims to be")
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


def _bounded(inner: IO[bytes], limit: int, name: str) -> IO[bytes]:
    return io.BufferedReader(_BoundedStream(inner, limit, name), buffer_size=256 * 1024)


def check_member_name(raw: str) -> str | None:
    """The reason a member name is unsafe, or None. Names use `/` (zip) after normalising."""
    name = raw.replace("\\", "/")
    if "\x00" in name:
        return "its name contains a NUL character"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "it has an absolute path"
    if any(part == ".." for part in name.split("/")):
        return "its path tries to leave the export (..)"
    return None


def _common_wrapper(names: Sequence[str]) -> str:
    """The wrapper folder prefix ('wrapper/' or 'a/b/') that every name shares, or ''."""
    prefix = ""
    current = list(names)
    while current:
        firsts = {n.split("/", 1)[0] for n in current}
        if len(firsts) != 1 or any("/" not in n for n in current):
            break
        top = firsts.pop()
        if top.lower() in _CONTENT_DIRS:
            break
        prefix += top + "/"
        current = [n.split("/", 1)[1] for n in current]
    return prefix


class ZipExport(Export):
    """One zip, or several zip parts of one export given together."""

    def __init__(self, paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> None:
        first = paths[0]
        super().__init__(first, "zip" if len(paths) == 1 else "zip-parts",
                         first.name if len(paths) == 1 else f"{first.name} (+{len(paths) - 1} parts)")
        self.limits = limits
        self._zips: list[zipfile.ZipFile] = []
        self._infos: dict[str, tuple[int, zipfile.ZipInfo]] = {}
        names_by_part: list[list[tuple[str, zipfile.ZipInfo]]] = []
        total = 0
        try:
            for index, path in enumerate(paths):
                zf = _open_zip(path)
                self._zips.append(zf)
                self.size_bytes += path.stat().st_size
                accepted = self._screen(zf, path, index)
                names_by_part.append(accepted)
                total += sum(info.file_size for _, info in accepted)
        except BaseException:
            self.close()
            raise
        if total > limits.max_total_size:
            self.close()
            raise UnreadableExport(
                str(first), "it would unpack to more than "
                f"{limits.max_total_size // GiB} GB, which no real export does (a zip bomb?)")
        all_names = [n for part in names_by_part for n, _ in part]
        strip = _common_wrapper(all_names)
        for index, part in enumerate(names_by_part):
            for name, info in part:
                short = name[len(strip):]
                if short in self._infos:
                    continue
                self._infos[short] = (index, info)
                self._add(Member(short, info.file_size, info.compress_size, index))

    def _screen(self, zf: zipfile.ZipFile, path: Path, part: int) -> list[tuple[str, zipfile.ZipInfo]]:
        limits = self.limits
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise UnreadableExport(
                str(path), f"it holds {len(infos):,} files, more than the {limits.max_members:,} a real export has")
        archive_size = path.stat().st_size
        overlapping = _overlapping_entries(zf, path, infos)
        files = [i for i in infos if not i.is_dir()]
        if files and all(i.flag_bits & 0x1 for i in files):
            raise UnreadableExport(
                str(path), "the zip is password-protected; download the export again without a password, "
                "or unzip it yourself and give Offduty the folder")
        accepted: list[tuple[str, zipfile.ZipInfo]] = []
        for info in files:
            name = info.filename.replace("\\", "/")
            unsafe = check_member_name(info.filename)
            mode = (info.external_attr >> 16) & 0xFFFF
            if unsafe:
                self._refuse(name, f"refused: {unsafe}")
            elif info.create_system == 3 and stat.S_ISLNK(mode):
                self._refuse(name, "refused: it is a symbolic link")
            elif info.create_system == 3 and mode and (stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                                                      or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
                self._refuse(name, "refused: it is a device or special file")
            elif info.flag_bits & 0x1:
                self._refuse(name, "skipped: it is password-protected")
            elif info.filename in overlapping:
                self._refuse(name, "refused: its data overlaps another entry (a zip bomb)")
            elif info.compress_size > archive_size:
                self._refuse(name, "refused: it claims to be larger than the whole zip (damaged or hostile)")
            elif info.file_size > limits.max_member_size:
                self._refuse(name, f"skipped: it would unpack to {info.file_size / GiB:.1f} GB, over the limit")
            elif info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
                self._refuse(name, "refused: it compresses more than any real file can (a zip bomb)")
            elif (info.file_size > limits.suspicious_min_size and info.compress_size
                  and info.file_size / info.compress_size > limits.suspicious_ratio):
                self._refuse(name, "refused: it compresses suspiciously well for its size (a zip bomb?)")
            elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                            zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
                self._refuse(name, "skipped: it uses a compression method Offduty cannot read")
            else:
                accepted.append((name, info))
        return accepted

    def _open(self, member: Member) -> IO[bytes]:
        part, info = self._infos[member.name]
        return _bounded(self._zips[part].open(info), info.file_size, member.name)

    def close(self) -> None:
        for zf in self._zips:
            zf.close()
        self._zips.clear()


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise UnreadableExport(str(path), f"it cannot be opened ({exc.strerror or exc})") from None
    if not head:
        raise UnreadableExport(str(path), "the file is empty")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if head.startswith(b"PK"):
            raise UnreadableExport(
                str(path), "the zip is damaged or incomplete (was the download interrupted?); "
                "download the export again") from None
        raise UnreadableExport(str(path), "it is not a zip file or an export Offduty knows") from None
    except (OSError, ValueError, EOFError) as exc:
        raise UnreadableExport(str(path), f"the zip cannot be read ({exc})") from None


def _overlapping_entries(zf: zipfile.ZipFile, path: Path, infos: list[zipfile.ZipInfo]) -> set[str]:
    """Names of entries whose local data runs into the next entry or the central directory."""
    bad: set[str] = set()
    ordered = sorted(infos, key=lambda i: i.header_offset)
    end_of_data = getattr(zf, "start_dir", None) or path.stat().st_size
    try:
        with path.open("rb") as fh:
            for index, info in enumerate(ordered):
                fh.seek(info.header_offset)
                raw = fh.read(_LOCAL_HEADER.size)
                if len(raw) < _LOCAL_HEADER.size or raw[:4] != _LOCAL_SIG:
                    bad.add(info.filename)
                    continue
                fields = _LOCAL_HEADER.unpack(raw)
                name_len, extra_len = fields[9], fields[10]
                data_end = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len + info.compress_size
                limit = ordered[index + 1].header_offset if index + 1 < len(ordered) else end_of_data
                if data_end > limit:
                    bad.add(info.filename)
                if index + 1 < len(ordered) and ordered[index + 1].header_offset == info.header_offset:
                    bad.add(info.filename)
                    bad.add(ordered[index + 1].filename)
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
                raise UnreadableExport(
                    str(path), f"the folder holds more than {limits.max_members:,} files, more than a real export has")
        strip = _common_wrapper([n for n, _ in found])
        for name, size in found:
            self._add(Member(name[len(strip):], size))
            self.size_bytes += size
        self._strip = strip

    def _walk(self, root: Path) -> Iterator[tuple[str, int]]:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
            rel_dir = "" if rel_dir == "." else rel_dir + "/"
            for d in list(dirnames):
                if os.path.islink(os.path.join(dirpath, d)):
                    self._refuse(rel_dir + d, "refused: it is a symbolic link")
                    dirnames.remove(d)
            dirnames.sort()
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                try:
                    st = os.lstat(full)
                except OSError:
                    self._refuse(rel_dir + f, "skipped: it cannot be read")
                    continue
                if stat.S_ISLNK(st.st_mode):
                    self._refuse(rel_dir + f, "refused: it is a symbolic link")
                elif not stat.S_ISREG(st.st_mode):
                    self._refuse(rel_dir + f, "refused: it is a device or special file")
                else:
                    yield rel_dir + f, st.st_size

    def _open(self, member: Member) -> IO[bytes]:
        full = self._root / PurePosixPath(self._strip + member.name)
        st = os.lstat(full)
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode):
            raise OSError(f"{member.name} is no longer a regular file")
        return full.open("rb")


class FileExport(Export):
    """A single export file given directly (tweets.js, Records.json, a photo)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "file")
        st = path.stat()
        self.size_bytes = st.st_size
        self._add(Member(path.name, st.st_size))

    def _open(self, member: Member) -> IO[bytes]:
        return self.path.open("rb")


def open_export(paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> Export:
    """Open one export: a folder, a file, a zip, or several zip parts of the same export.

    Raises `UnreadableExport` with one clear sentence when the container as a whole cannot be read.
    """
    if not paths:
        raise ValueError("no path given")
    first = paths[0]
    for p in paths:
        if not os.path.lexists(p):
            raise UnreadableExport(str(p), "there is no such file or folder")
        if os.path.islink(p) and not p.exists():
            raise UnreadableExport(str(p), "it is a broken link")
    if len(paths) > 1:
        return ZipExport(paths, limits)
    if first.is_dir():
        return FolderExport(first, limits)
    if not first.is_file():
        raise UnreadableExport(str(first), "it is not a regular file or folder")
    if first.stat().st_size == 0:
        raise UnreadableExport(str(first), "the file is empty")
    with first.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06") or first.suffix.lower() == ".zip":
        return ZipExport([first], limits)
    return FileExport(first)


_PART_PATTERNS = (
    # takeout-20240101T000000Z-001.zip, takeout-...Z-3-001.zip
    re.compile(r"^(takeout-\d{8}T\d{6}Z)(?:-\d+)?-\d{3}\.(?:zip|tgz|tbz)$", re.I),
    # mydata~1700000000000.zip, mydata~1700000000000-2.zip
    re.compile(r"^(mydata~\d+)(?:-\d+)?\.zip$", re.I),
    # instagram_part_1.zip, facebook_part_2.zip
    re.compile(r"^(.+?)_part_\d+\.zip$", re.I),
    # facebook-user-2026-3-11-Hl65Zstp.zip with a part suffix: ...-Hl65Zstp-2.zip
    re.compile(r"^((?:facebook|instagram|meta)-.+-\d{4}-\d{1,2}-\d{1,2}-[A-Za-z0-9]+)(?:-\d+)?\.zip$", re.I),
)


def export_id(path: Path) -> str | None:
    """The id shared by the zip parts of one export, from the file name, or None."""
    for pattern in _PART_PATTERNS:
        match = pattern.match(path.name)
        if match:
            return match.group(1).lower()
    return None


def group_parts(paths: Sequence[Path]) -> list[list[Path]]:
    """Group paths given together: zip parts of one export become one group, in order given."""
    groups: list[list[Path]] = []
    by_id: dict[str, list[Path]] = {}
    for path in paths:
        ident = export_id(path) if path.is_file() else None
        if ident is None:
            groups.append([path])
        elif ident in by_id:
            by_id[ident].append(path)
        else:
            by_id[ident] = [path]
            groups.append(by_id[ident])
    for group in groups:
        group.sort(key=lambda p: p.name.lower())
    return groups
