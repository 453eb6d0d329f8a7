"""Saved audits, encrypted: `save_report()` and `load_report()` / `load_audit()`.

A saved audit (`.offduty`) holds the whole report, evidence unmasked, and the person's ticks and
dismissals (`AuditState`). It is never written in the clear:

- each file gets a random 256-bit data key; the content (JSON, zlib-compressed) is encrypted
  with AES-256-GCM in chunks of 1 MiB, each with its own random nonce and with the file header,
  the chunk's index and an is-last flag as associated data, so a changed, reordered, cut short
  or extended file is refused rather than read wrongly;
- the data key is wrapped (AES-256-GCM) by a key-encryption key that lives either in the OS
  keyring (Windows Credential Locker, macOS Keychain, the Secret Service on Linux; service
  "Offduty") or is derived from a passphrase with scrypt (n=2^17, r=8, p=1). Plaintext keyring
  backends (keyrings.alt, "fail", an empty chainer) are treated as no keyring at all;
- writing goes through the one private writer (`checks/store/files.py`): a new owner-only file in
  the same folder, fsynced, then renamed over the target, so a crash mid-save leaves the previous
  audit as it was; never through a planted link, never over an input being read;
- the passphrase's scrypt parameters are read from the file, so they are checked before anything
  is derived: at most 256 MiB of memory and four times the default's work, else the file is
  refused at once (a tampered header cannot make opening take minutes and gigabytes).

The file starts with a versioned header: magic bytes, format version, how the key is wrapped
(keyring entry name, or scrypt salt and parameters) and the wrapped data key.

Every failure (not an audit, damaged, wrong passphrase, key missing from this computer's
keyring, a passphrase needed and none given) is a `VaultError` carrying a Message (codes under
`[vault]` in the words catalogue); the file is never changed by a failed open. The vault never
asks for anything: the caller supplies the passphrase (the window's dialog, the command line's
prompt or OFFDUTY_PASSPHRASE, both in `desktop/cli.py`).
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from checks.errors import OffdutyError
from checks.records import Message, Report, msg
from checks.report.serialise import BadReportData, report_from_dict, report_to_dict
from checks.store.audit_state import AuditState
from checks.store.files import FileWriteError, write_private

log = logging.getLogger(__name__)

SERVICE = "Offduty"
DEFAULT_KEY_NAME = "saved-audits"
SUFFIX = ".offduty"

MAGIC = b"\x89OFFDUTY\r\n"
VERSION = 1
METHOD_KEYRING = 1
METHOD_PASSPHRASE = 2
FLAG_ZLIB = 1
CHUNK_SIZE = 1 << 20
NONCE = 12
TAG = 16
KEY_BYTES = 32
SALT_BYTES = 16
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_MEMORY = 256 << 20  # a file asking for more scrypt memory than this is refused before deriving
MAX_SCRYPT_WORK = 4 * (1 << SCRYPT_LOG2_N) * SCRYPT_R * SCRYPT_P  # n * r * p: four times the default's
MIN_SCRYPT_LOG2_N = 10
MAX_SCRYPT_P = 4
MIN_PASSPHRASE = 8
MAX_KEY_NAME = 64
MAX_PLAINTEXT = 4 << 30


class VaultError(OffdutyError):
    """A saved audit could not be written or opened (one plain sentence)."""


class NotAnAudit(VaultError):
    """The file is not an Offduty saved audit (or from a newer version)."""


class AuditDamaged(VaultError):
    """The file was changed, cut short or damaged after it was saved."""


class WrongPassphrase(VaultError):
    """The passphrase does not open this audit."""


class KeyMissing(VaultError):
    """The keyring entry holding this audit's key is not on this computer."""


class PassphraseNeeded(VaultError):
    """A passphrase is needed and the caller gave none."""


@dataclass(frozen=True)
class SavedAudit:
    """What a saved audit holds."""

    report: Report
    state: AuditState
    method: str  # "keyring" or "passphrase"


# -- the keyring --------------------------------------------------------------------------------


class _Backend(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


_REFUSED_NAMES = {"PlaintextKeyring", "EncryptedKeyring", "UncryptedFileKeyring"}


def _refused(backend: object) -> bool:
    cls = type(backend)
    module = cls.__module__
    if module.startswith("keyrings.alt") or cls.__name__ in _REFUSED_NAMES:
        return True
    return module in {"keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer"}


def keyring_backend() -> _Backend | None:
    """The OS keyring to keep keys in, or None when there is only a plaintext or no backend."""
    try:
        import keyring
        from keyring.backends.chainer import ChainerBackend

        current = keyring.get_keyring()
        candidates = list(current.backends) if isinstance(current, ChainerBackend) else [current]
    except Exception:  # a broken keyring installation is the same as none
        log.info("no keyring backend could be loaded")
        return None
    for backend in candidates:
        if not _refused(backend):
            return backend
    return None


def keyring_description(backend: object | None = None) -> Message:
    """The keyring's name as a person knows it."""
    backend = backend if backend is not None else keyring_backend()
    if backend is None:
        return msg("vault.keyring.none")
    module = type(backend).__module__
    if "Windows" in module:
        return msg("vault.keyring.windows")
    if "macOS" in module or "OS_X" in module:
        return msg("vault.keyring.macos")
    if "SecretService" in module or "libsecret" in module:
        return msg("vault.keyring.secret_service")
    if "kwallet" in module.lower():
        return msg("vault.keyring.kwallet")
    return msg("vault.keyring.other", name=type(backend).__name__)


def _keyring_key(backend: _Backend, name: str, create: bool) -> bytes | None:
    try:
        stored = backend.get_password(SERVICE, name)
        if stored is None and create:
            stored = base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")
            backend.set_password(SERVICE, name, stored)
            if backend.get_password(SERVICE, name) != stored:
                raise VaultError(msg("vault.keyring_did_not_keep"))
    except VaultError:
        raise
    except Exception as exc:
        raise VaultError(msg("vault.keyring_unusable", error=type(exc).__name__)) from exc
    if stored is None:
        return None
    try:
        key = base64.b64decode(stored, validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyMissing(msg("vault.key_invalid"))
    return key


def forget_key(name: str) -> bool:
    """Remove a key from the keyring (every audit saved with it becomes unreadable for good)."""
    backend = keyring_backend()
    if backend is None:
        return False
    try:
        if backend.get_password(SERVICE, name) is None:
            return False
        backend.delete_password(SERVICE, name)
    except Exception:
        log.warning("a key could not be removed from the system keyring")
        return False
    return True


# -- the header ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    method: int
    flags: int
    chunk_size: int
    key_name: str = ""
    salt: bytes = b""
    log2_n: int = 0
    r: int = 0
    p: int = 0
    wrapped: bytes = b""  # nonce + encrypted data key + tag

    def params(self) -> bytes:
        """The header up to (not including) the wrapped key: the wrapping's associated data."""
        out = MAGIC + struct.pack(">BBBI", VERSION, self.method, self.flags, self.chunk_size)
        if self.method == METHOD_KEYRING:
            name = self.key_name.encode("ascii")
            out += struct.pack(">B", len(name)) + name
        else:
            out += self.salt + struct.pack(">BBB", self.log2_n, self.r, self.p)
        return out

    def to_bytes(self) -> bytes:
        return self.params() + self.wrapped


def _read_exact(fh: IO[bytes], n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise AuditDamaged(msg("vault.cut_short"))
    return data


def _read_header(fh: IO[bytes]) -> _Header:
    magic = fh.read(len(MAGIC))
    if magic != MAGIC:
        raise NotAnAudit(msg("vault.not_an_audit"))
    version, method, flags, chunk_size = struct.unpack(">BBBI", _read_exact(fh, 7))
    if version != VERSION:
        raise NotAnAudit(msg("vault.other_version"))
    if method not in (METHOD_KEYRING, METHOD_PASSPHRASE) or flags & ~FLAG_ZLIB or not 0 < chunk_size <= 64 << 20:
        raise AuditDamaged(msg("vault.header_damaged"))
    wrapped_len = NONCE + KEY_BYTES + TAG
    if method == METHOD_KEYRING:
        (length,) = struct.unpack(">B", _read_exact(fh, 1))
        raw = _read_exact(fh, length)
        try:
            name = raw.decode("ascii")
        except UnicodeDecodeError:
            name = ""
        if not name or not name.isprintable() or length > MAX_KEY_NAME:
            raise AuditDamaged(msg("vault.header_damaged"))
        return _Header(method, flags, chunk_size, key_name=name, wrapped=_read_exact(fh, wrapped_len))
    salt = _read_exact(fh, SALT_BYTES)
    log2_n, r, p = struct.unpack(">BBB", _read_exact(fh, 3))
    if not scrypt_parameters_ok(log2_n, r, p):
        raise AuditDamaged(msg("vault.header_damaged"))
    return _Header(method, flags, chunk_size, salt=salt, log2_n=log2_n, r=r, p=p,
                   wrapped=_read_exact(fh, wrapped_len))


def scrypt_parameters_ok(log2_n: int, r: int, p: int) -> bool:
    """Whether a file's scrypt parameters are in the range Offduty writes (checked before deriving)."""
    n = 1 << log2_n
    return (MIN_SCRYPT_LOG2_N <= log2_n <= 20 and 1 <= r <= 32 and 1 <= p <= MAX_SCRYPT_P
            and 128 * r * n <= MAX_SCRYPT_MEMORY and n * r * p <= MAX_SCRYPT_WORK)


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    normalised = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=KEY_BYTES, n=1 << log2_n, r=r, p=p).derive(normalised)


def _wrap(kek: bytes, data_key: bytes, header: _Header) -> bytes:
    nonce = secrets.token_bytes(NONCE)
    return nonce + AESGCM(kek).encrypt(nonce, data_key, header.params())


def _unwrap(kek: bytes, header: _Header) -> bytes | None:
    nonce, body = header.wrapped[:NONCE], header.wrapped[NONCE:]
    try:
        return AESGCM(kek).decrypt(nonce, body, header.params())
    except InvalidTag:
        return None


# -- chunks -------------------------------------------------------------------------------------


def _aad(header_bytes: bytes, index: int, last: bool) -> bytes:
    return header_bytes + struct.pack(">QB", index, 1 if last else 0)


class _ChunkWriter:
    """Encrypts a byte stream in chunks; holds one chunk back so the last can be marked."""

    def __init__(self, out: IO[bytes], key: bytes, header_bytes: bytes, chunk_size: int) -> None:
        self.out, self.aead, self.header, self.size = out, AESGCM(key), header_bytes, chunk_size
        self.buffer = bytearray()
        self.index = 0

    def write(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) > self.size:  # strictly more: the last full chunk may still be last
            self._emit(bytes(self.buffer[: self.size]), last=False)
            del self.buffer[: self.size]

    def close(self) -> None:
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()

    def _emit(self, plain: bytes, last: bool) -> None:
        nonce = secrets.token_bytes(NONCE)
        sealed = self.aead.encrypt(nonce, plain, _aad(self.header, self.index, last))
        self.out.write(nonce + struct.pack(">I", len(sealed)) + sealed)
        self.index += 1


def _chunks(fh: IO[bytes], key: bytes, header_bytes: bytes, chunk_size: int) -> Iterator[bytes]:
    aead = AESGCM(key)
    damaged = AuditDamaged(msg("vault.changed"))
    index = 0
    pending = fh.read(NONCE + 4)
    if not pending:
        raise damaged
    while True:
        if len(pending) != NONCE + 4:
            raise damaged
        nonce = pending[:NONCE]
        (length,) = struct.unpack(">I", pending[NONCE:])
        if not TAG <= length <= chunk_size + TAG:
            raise damaged
        sealed = fh.read(length)
        if len(sealed) != length:
            raise damaged
        pending = fh.read(NONCE + 4)
        last = not pending
        try:
            yield aead.decrypt(nonce, sealed, _aad(header_bytes, index, last))
        except InvalidTag:
            raise damaged from None
        if last:
            return
        index += 1


# -- passphrases --------------------------------------------------------------------------------


def check_passphrase(phrase: str) -> str:
    """`phrase`, when it is long enough to lock an audit with (VaultError otherwise)."""
    if len(phrase) < MIN_PASSPHRASE:
        raise VaultError(msg("vault.passphrase_too_short", minimum=MIN_PASSPHRASE))
    return phrase


# -- saving and opening -------------------------------------------------------------------------


def save_report(report: Report, path: Path, *, state: AuditState | None = None,
                passphrase: str | None = None, key_name: str = DEFAULT_KEY_NAME,
                protect: Iterable[Path | str] = (), _on_chunk: Callable[[], None] | None = None) -> Message:
    """Encrypt `report` (and `state`) to `path`; say where the key lives.

    With a `passphrase` the audit opens anywhere with it; without one its key is kept in the OS
    keyring under `key_name` (a welfare session uses its own, removed at the end), and with no
    keyring PassphraseNeeded is raised: the caller asks the person, the vault never does.
    `protect`: inputs being read, never written over.
    """
    path = Path(path)
    if path.is_dir():
        raise VaultError(msg("vault.save_to_folder", path=str(path)))
    if not path.parent.is_dir():
        raise VaultError(msg("vault.no_such_folder", path=str(path.parent)))
    if not key_name.isascii() or not key_name.isprintable() or not 0 < len(key_name) <= MAX_KEY_NAME:
        raise ValueError("key_name must be short printable ASCII")
    data_key = secrets.token_bytes(KEY_BYTES)
    if passphrase is None:
        backend = keyring_backend()
        if backend is None:
            raise PassphraseNeeded(msg("vault.no_keyring_to_save"))
        kek = _keyring_key(backend, key_name, create=True)
        if kek is None:
            raise VaultError(msg("vault.keyring_went_away"))
        header = _Header(METHOD_KEYRING, FLAG_ZLIB, CHUNK_SIZE, key_name=key_name)
        where = msg("vault.saved.keyring", keyring=keyring_description(backend))
    else:
        salt = secrets.token_bytes(SALT_BYTES)
        header = _Header(METHOD_PASSPHRASE, FLAG_ZLIB, CHUNK_SIZE, salt=salt,
                         log2_n=SCRYPT_LOG2_N, r=SCRYPT_R, p=SCRYPT_P)
        kek = _derive(check_passphrase(passphrase), salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
        where = msg("vault.saved.passphrase")
    header = replace(header, wrapped=_wrap(kek, data_key, header))
    payload = {"report": report_to_dict(report), "state": (state or AuditState()).to_json()}
    _atomic_write(path, lambda fh: _write_body(fh, header, data_key, payload, _on_chunk), protect)
    return where


def _write_body(fh: IO[bytes], header: _Header, data_key: bytes, payload: dict[str, Any],
                on_chunk: Callable[[], None] | None) -> None:
    header_bytes = header.to_bytes()
    fh.write(header_bytes)
    writer = _ChunkWriter(fh, data_key, header_bytes, header.chunk_size)
    compressor = zlib.compressobj(6)
    pending: list[bytes] = []
    size = 0
    for piece in _json_pieces(payload):
        pending.append(piece.encode("utf-8", "surrogatepass"))
        size += len(pending[-1])
        if size >= 1 << 16:
            writer.write(compressor.compress(b"".join(pending)))
            pending.clear()
            size = 0
            if on_chunk:
                on_chunk()
    writer.write(compressor.compress(b"".join(pending)) + compressor.flush())
    writer.close()


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _json_pieces(value: Any, depth: int = 0) -> Iterator[str]:
    """JSON text in pieces (the outer objects walked, long lists one element at a time), each
    piece encoded in C: bounded extra memory without the slow pure-Python `iterencode`."""
    if isinstance(value, dict) and depth < 3:
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("," if n else "") + _JSON.encode(str(key)) + ":"
            yield from _json_pieces(item, depth + 1)
        yield "}"
    elif isinstance(value, list) and len(value) > 16:
        yield "["
        for n, item in enumerate(value):
            yield ("," if n else "") + _JSON.encode(item)
        yield "]"
    else:
        yield _JSON.encode(value)


def _atomic_write(path: Path, body: Callable[[IO[bytes]], None], protect: Iterable[Path | str] = ()) -> None:
    """Write through the private writer: never a half-written audit, never anything but a regular file."""
    try:
        write_private(path, body, protect=protect, special=False)
    except FileWriteError as exc:
        message = exc.message
        code = message.code if isinstance(message, Message) else ""
        if code == "files.not_a_file":
            raise VaultError(msg("vault.not_a_regular_file", path=str(path))) from exc
        if code == "files.failed":
            error = message.value("error") if isinstance(message, Message) else ""
            raise VaultError(msg("vault.write_failed", path=str(path), error=str(error))) from exc
        raise VaultError(message) from exc


def needs_passphrase(path: Path) -> bool:
    """Whether `path` is a saved audit locked with a passphrase (False for anything else)."""
    try:
        with Path(path).open("rb") as fh:
            return _read_header(fh).method == METHOD_PASSPHRASE
    except (OSError, VaultError):
        return False


def load_audit(path: Path, *, passphrase: str | None = None) -> SavedAudit:
    """Decrypt a saved audit: the report and the person's ticks and dismissals."""
    path = Path(path)
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise VaultError(msg("vault.no_such_file", path=str(path))) from None
    except IsADirectoryError:
        raise VaultError(msg("vault.open_a_folder", path=str(path))) from None
    except OSError as exc:
        raise VaultError(msg("vault.open_failed", path=str(path), error=exc.strerror or type(exc).__name__)) from None
    with fh:
        header = _read_header(fh)
        data_key = _data_key(header, passphrase)
        plain = _decompress(_chunks(fh, data_key, header.to_bytes(), header.chunk_size), header.flags)
    try:
        payload = json.loads(plain.decode("utf-8", "surrogatepass"))
    except ValueError:
        raise AuditDamaged(msg("vault.content_damaged")) from None
    del plain
    if not isinstance(payload, dict):
        raise AuditDamaged(msg("vault.content_damaged"))
    try:
        report = report_from_dict(payload.get("report"))
    except BadReportData as exc:
        raise NotAnAudit(exc.message) from None
    method = "keyring" if header.method == METHOD_KEYRING else "passphrase"
    return SavedAudit(report, AuditState.from_json(payload.get("state")), method)


def load_report(path: Path, *, passphrase: str | None = None) -> Report:
    """Decrypt a saved audit's report (as scanned: use `load_audit` for the ticks too)."""
    return load_audit(path, passphrase=passphrase).report


def _data_key(header: _Header, passphrase: str | None) -> bytes:
    if header.method == METHOD_KEYRING:
        backend = keyring_backend()
        if backend is None:
            raise KeyMissing(msg("vault.no_keyring_to_open"))
        kek = _keyring_key(backend, header.key_name, create=False)
        if kek is None:
            raise KeyMissing(msg("vault.key_not_here"))
        key = _unwrap(kek, header)
        if key is None:
            raise KeyMissing(msg("vault.key_does_not_open"))
        return key
    if passphrase is None:
        raise PassphraseNeeded(msg("vault.passphrase_needed"))
    key = _unwrap(_derive(passphrase, header.salt, header.log2_n, header.r, header.p), header)
    if key is None:
        raise WrongPassphrase(msg("vault.wrong_passphrase"))
    return key


def _decompress(chunks: Iterator[bytes], flags: int) -> bytes:
    out = bytearray()
    inflater = zlib.decompressobj() if flags & FLAG_ZLIB else None
    try:
        for chunk in chunks:
            out += inflater.decompress(chunk) if inflater else chunk
            if len(out) > MAX_PLAINTEXT:
                raise AuditDamaged(msg("vault.too_large"))
        if inflater:
            out += inflater.flush()
            if not inflater.eof:
                raise AuditDamaged(msg("vault.content_damaged"))
    except zlib.error:
        raise AuditDamaged(msg("vault.content_damaged")) from None
    return bytes(out)
