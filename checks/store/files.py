"""The one private writer: every file Offduty writes (reports, checklists, PDFs, saved audits,
printouts, the welfare manifest, a log a developer asks for) goes through `write_private`.

- A new file is made in the target's own folder, owner-only (0600) from its first byte: with
  `O_TMPFILE` where the system has it (Linux), so it has no name at all until it is complete and a
  crash part-way leaves nothing behind; elsewhere with `O_CREAT | O_EXCL | O_NOFOLLOW` under a
  random name, so a link planted at a guessed name is never followed. It is flushed, `fsync`ed and
  renamed over the target (then the folder is synced), so an interrupted write never leaves half a
  file and an earlier file stays as it was.
- A link at the target is replaced, never followed; the file it pointed to is untouched.
- A pipe, a terminal or another character device (`/dev/stdout`, `/dev/null`, a FIFO) is written
  in place: renaming over it would replace the device itself. A pipe or device owned by another
  user, a disk device, a socket or a folder is refused.
- An input being scanned (an export, the saved audit being shown) is never overwritten: the
  caller names them in `protect`.

Errors are `FileWriteError`s with words (`[files]` in the catalogue); the target is unchanged.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

from checks.errors import OffdutyError
from checks.records import msg

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_TMPFILE = getattr(os, "O_TMPFILE", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class FileWriteError(OffdutyError):
    """A file could not be written where asked (one sentence; nothing there was changed)."""


def write_private(path: Path | str, write: Callable[[BinaryIO], None], *, protect: Iterable[Path | str] = (),
                  special: bool = True) -> Path:
    """Call `write` with a binary stream that ends up, owner-only and complete, as `path`.

    `protect`: inputs that must not be overwritten. `special`: whether a pipe or a character
    device at `path` may be written in place (a saved audit must be a regular file: False).
    """
    path = Path(path)
    _refuse_inputs(path, protect)
    in_place = _special_target(path, special)
    if in_place:
        _write_in_place(path, write)
        return path
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileWriteError(msg("files.no_folder", path=str(folder)))
    try:
        _write_new(path, folder, write)
    except FileWriteError:
        raise
    except OSError as exc:
        raise FileWriteError(msg("files.failed", path=str(path), error=exc.strerror or type(exc).__name__)) from exc
    return path


def write_private_text(path: Path | str, write: Callable[[TextIO], None], *, protect: Iterable[Path | str] = (),
                       special: bool = True) -> Path:
    """`write_private` for text (UTF-8)."""

    def binary(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            write(text)
            text.flush()
        finally:
            text.detach()

    return write_private(path, binary, protect=protect, special=special)


def write_private_bytes(path: Path | str, data: bytes, *, protect: Iterable[Path | str] = (),
                        special: bool = True) -> Path:
    """`write_private` of bytes already made (a PDF rendered in memory)."""
    def put(stream: BinaryIO) -> None:
        stream.write(data)

    return write_private(path, put, protect=protect, special=special)


def open_private_log(path: Path | str) -> TextIO:
    """A log file a developer asked for, appended to: owner-only, never through a link."""
    path = Path(path)
    if path.is_symlink():
        raise FileWriteError(msg("files.link", path=str(path)))
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _CLOEXEC, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return open(fd, "a", encoding="utf-8")  # the caller's log handler owns and closes it


# -- the checks -----------------------------------------------------------------------------------


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _refuse_inputs(path: Path, protect: Iterable[Path | str]) -> None:
    """The target must not be an input, nor a file inside an input folder."""
    try:
        target = os.stat(path)  # where a write through this name would land
    except OSError:
        return  # nothing there yet: nothing to overwrite
    resolved = Path(os.path.realpath(path))
    for given in protect:
        try:
            held = os.stat(given)
        except OSError:
            continue
        inside = stat.S_ISDIR(held.st_mode) and resolved.is_relative_to(os.path.realpath(given))
        if _same(target, held) or inside:
            raise FileWriteError(msg("files.is_input", path=str(path)))


def _special_target(path: Path, special: bool) -> bool:
    """Whether `path` is a pipe or a character device to write in place (refused when unsafe)."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(link.st_mode):
        raise FileWriteError(msg("files.is_folder", path=str(path)))
    if stat.S_ISREG(link.st_mode):
        return False
    try:
        final = os.stat(path) if stat.S_ISLNK(link.st_mode) else link
    except OSError:
        return False  # a dangling link: replaced like any other link
    if stat.S_ISLNK(link.st_mode) and not (stat.S_ISFIFO(final.st_mode) or stat.S_ISCHR(final.st_mode)):
        return False  # a link to a file or a folder is replaced, never followed
    if stat.S_ISFIFO(final.st_mode) or stat.S_ISCHR(final.st_mode):
        owner_ok = os.name != "posix" or final.st_uid in (0, os.geteuid())
        if special and owner_ok:
            return True
    raise FileWriteError(msg("files.not_a_file", path=str(path)))


# -- writing ---------------------------------------------------------------------------------------


def _write_in_place(path: Path, write: Callable[[BinaryIO], None]) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | _NOCTTY | _CLOEXEC | _BINARY)  # no O_CREAT, no O_TRUNC
    except OSError as exc:
        raise FileWriteError(msg("files.failed", path=str(path), error=exc.strerror or type(exc).__name__)) from exc
    with open(fd, "wb") as stream:
        write(stream)


def _anonymous(folder: Path) -> int | None:
    """An unnamed owner-only file in `folder` (Linux O_TMPFILE), or None where there is none."""
    if not _TMPFILE or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, _TMPFILE | os.O_RDWR | _CLOEXEC, 0o600)
    except OSError:
        return None  # the file system or the kernel does not offer it


def _named(folder: Path, name: str) -> tuple[int, Path]:
    """A new owner-only file under a random name in `folder`, made exclusively (no link followed)."""
    for _ in range(16):
        tmp = folder / f".{name}.{secrets.token_hex(6)}.partial"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _write_new(path: Path, folder: Path, write: Callable[[BinaryIO], None]) -> None:
    fd = _anonymous(folder)
    tmp: Path | None = None
    if fd is None:
        fd, tmp = _named(folder, path.name)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # exactly owner-only, whatever the umask
        with open(fd, "wb", closefd=False) as stream:
            write(stream)
            stream.flush()
            os.fsync(fd)
        if tmp is None:
            tmp = _link_anonymous(fd, folder, path.name)
        os.replace(tmp, path)
        tmp = None
    finally:
        os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _fsync_folder(folder)


def _link_anonymous(fd: int, folder: Path, name: str) -> Path:
    """Give a complete O_TMPFILE file a (random, new) name in its folder, to rename over the target.

    `linkat(AT_SYMLINK_FOLLOW)` on /proc/self/fd/N, as open(2) describes; where the file system
    refuses, the finished content is copied into a named owner-only file instead.
    """
    folder_fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    try:
        for _ in range(16):
            tmp_name = f".{name}.{secrets.token_hex(6)}.partial"
            try:
                os.link(f"/proc/self/fd/{fd}", tmp_name, dst_dir_fd=folder_fd, follow_symlinks=True)
                return folder / tmp_name
            except FileExistsError:
                continue
            except OSError:
                break
    finally:
        os.close(folder_fd)
    return _copied(fd, folder, name)


def _copied(fd: int, folder: Path, name: str) -> Path:
    out, tmp = _named(folder, name)
    try:
        if os.name == "posix":
            os.fchmod(out, 0o600)
        os.lseek(fd, 0, os.SEEK_SET)
        with open(os.dup(fd), "rb") as source, open(out, "wb", closefd=False) as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
            target.flush()
            os.fsync(out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        os.close(out)
    return tmp


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
