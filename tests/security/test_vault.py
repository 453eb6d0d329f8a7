"""Saved audits: encrypted at rest, refused when changed, never half-written."""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import ClassVar

import keyring
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from checks.errors import OffdutyError
from checks.store import vault
from checks.store.audit_state import AuditState
from tests.security.conftest import PLANTED, MemoryKeyring, make_report, raises_code

PASS = "correct horse battery"


def _header_len(path: Path) -> int:
    with path.open("rb") as fh:
        return len(vault._read_header(fh).to_bytes())


# -- round trips --------------------------------------------------------------------------------


def test_keyring_round_trip_keeps_report_and_state(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    report = make_report()
    state = AuditState().tick("x.delete_posts").dismiss(report.findings[1].id)
    target = tmp_path / "mine.offduty"
    where = vault.save_report(report, target, state=state)
    assert where.code == "vault.saved.keyring"
    assert list(memory_keyring.store) == [(vault.SERVICE, vault.DEFAULT_KEY_NAME)]
    raw = target.read_bytes()
    assert raw.startswith(vault.MAGIC)
    assert PLANTED.encode() not in raw and b"Quillbrook" not in raw and b"home_address" not in raw
    loaded = vault.load_audit(target)
    assert loaded.report == report and loaded.state == state and loaded.method == "keyring"
    assert vault.load_report(target) == report
    assert not vault.needs_passphrase(target)


def test_each_file_has_its_own_data_key(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    a, b = tmp_path / "a.offduty", tmp_path / "b.offduty"
    vault.save_report(make_report(), a)
    vault.save_report(make_report(), b)
    assert len(memory_keyring.store) == 1  # one key-encryption key...
    ha, hb = a.read_bytes()[: _header_len(a)], b.read_bytes()[: _header_len(b)]
    assert ha[-48:] != hb[-48:]  # ...wrapping a different data key per file
    assert a.read_bytes() != b.read_bytes()


def test_passphrase_round_trip_and_portability(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "portable.offduty"
    where = vault.save_report(make_report(), target, passphrase=PASS)
    assert where.code == "vault.saved.passphrase"
    assert memory_keyring.store == {}  # nothing depends on this computer's keyring
    assert vault.needs_passphrase(target)
    keyring.set_keyring(MemoryKeyring())  # "another computer"
    assert vault.load_report(target, passphrase=PASS) == make_report()
    with raises_code(vault.WrongPassphrase, "vault.wrong_passphrase"):
        vault.load_report(target, passphrase=PASS + "!")


def test_the_vault_never_reads_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               memory_keyring: MemoryKeyring) -> None:
    """The caller supplies passphrases (desktop/cli.py reads OFFDUTY_PASSPHRASE), never the vault."""
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", PASS)
    target = tmp_path / "env.offduty"
    vault.save_report(make_report(), target)
    assert not vault.needs_passphrase(target) and memory_keyring.store  # the keyring, as asked
    locked = tmp_path / "locked.offduty"
    vault.save_report(make_report(), locked, passphrase=PASS)
    with raises_code(vault.PassphraseNeeded, "vault.passphrase_needed"):
        vault.load_report(locked)


def test_default_scrypt_cost_is_recorded_in_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "SCRYPT_LOG2_N", 17)
    target = tmp_path / "real-cost.offduty"
    vault.save_report(make_report(1), target, passphrase=PASS)
    with target.open("rb") as fh:
        header = vault._read_header(fh)
    assert (header.log2_n, header.r, header.p) == (17, 8, 1)
    monkeypatch.setattr(vault, "SCRYPT_LOG2_N", 10)  # reading follows the file, not the constant
    assert vault.load_report(target, passphrase=PASS) == make_report(1)


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with raises_code(vault.VaultError, "vault.passphrase_too_short"):
        vault.save_report(make_report(), tmp_path / "x.offduty", passphrase="1234")
    assert not (tmp_path / "x.offduty").exists()


def test_unicode_passphrase_is_normalised(tmp_path: Path) -> None:
    target = tmp_path / "u.offduty"
    vault.save_report(make_report(1), target, passphrase="caf\u00e9 au lait")
    assert vault.load_report(target, passphrase="cafe\u0301 au lait") == make_report(1)


# -- no keyring, plaintext keyrings -------------------------------------------------------------


def test_no_keyring_and_no_passphrase_is_one_clear_error(tmp_path: Path, no_keyring: None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_a: object) -> str:
        raise AssertionError("the vault never asks")

    monkeypatch.setattr("getpass.getpass", never)
    monkeypatch.setattr("builtins.input", never)
    target = tmp_path / "x.offduty"
    with raises_code(vault.PassphraseNeeded, "vault.no_keyring_to_save"):
        vault.save_report(make_report(), target)
    assert not target.exists() and list(tmp_path.iterdir()) == []
    vault.save_report(make_report(), target, passphrase=PASS)
    with raises_code(vault.PassphraseNeeded, "vault.passphrase_needed"):
        vault.load_report(target)
    assert vault.load_report(target, passphrase=PASS) == make_report()


def _plaintext_class() -> type[KeyringBackend]:
    class PlaintextKeyring(MemoryKeyring):
        """Stands in for keyrings.alt.file.PlaintextKeyring (base64 in a file)."""

    return PlaintextKeyring


def test_plaintext_backend_is_treated_as_no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plaintext = _plaintext_class()()
    before = keyring.get_keyring()
    keyring.set_keyring(plaintext)
    try:
        assert vault.keyring_backend() is None
        with raises_code(vault.PassphraseNeeded, "vault.no_keyring_to_save"):
            vault.save_report(make_report(), tmp_path / "x.offduty")
        vault.save_report(make_report(), tmp_path / "y.offduty", passphrase=PASS)
        assert plaintext.store == {}  # the key never went near the plaintext store  # type: ignore[attr-defined]
    finally:
        keyring.set_keyring(before)


def test_chainer_picks_the_real_backend_never_the_plaintext_one(tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    real, plaintext = MemoryKeyring(), _plaintext_class()()
    class Chainer(ChainerBackend):
        backends: ClassVar[list[KeyringBackend]] = [plaintext, FailKeyring(), real]

    chainer = Chainer()
    before = keyring.get_keyring()
    try:
        keyring.set_keyring(chainer)
        assert vault.keyring_backend() is real
        vault.save_report(make_report(), tmp_path / "c.offduty")
        assert real.store and not plaintext.store  # type: ignore[attr-defined]
        Chainer.backends = [plaintext, FailKeyring()]
        assert vault.keyring_backend() is None
    finally:
        keyring.set_keyring(before)


def test_keyring_file_opened_without_a_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "k.offduty"
    vault.save_report(make_report(), target)
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())
    with raises_code(vault.KeyMissing, "vault.no_keyring_to_open"):
        vault.load_report(target)


def test_missing_keyring_entry_is_one_clear_error(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "k.offduty"
    vault.save_report(make_report(), target, key_name="session-abc")
    before = target.read_bytes()
    assert vault.forget_key("session-abc")
    with raises_code(vault.KeyMissing, "vault.key_not_here"):
        vault.load_report(target)
    assert target.read_bytes() == before
    assert not vault.forget_key("session-abc")


def test_a_different_key_under_the_same_name(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "k.offduty"
    vault.save_report(make_report(), target)
    keyring.set_keyring(MemoryKeyring())
    vault.save_report(make_report(), tmp_path / "other.offduty")  # makes a new key, same name
    with raises_code(vault.KeyMissing, "vault.key_does_not_open"):
        vault.load_report(target)


def test_locked_or_broken_keyring_is_a_clear_error(tmp_path: Path) -> None:
    class LockedKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("locked")

    before = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        with raises_code(vault.VaultError, "vault.keyring_unusable"):
            vault.save_report(make_report(), tmp_path / "x.offduty")
    finally:
        keyring.set_keyring(before)
    assert list(tmp_path.iterdir()) == []


# -- damage -------------------------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(vault, "CHUNK_SIZE", 256)  # several chunks, to reorder and cut them
    target = tmp_path / "saved.offduty"
    vault.save_report(make_report(6), target, state=AuditState().tick("x.delete_posts"))
    return target


def _chunk_offsets(path: Path) -> list[tuple[int, int]]:
    data = path.read_bytes()
    pos, out = _header_len(path), []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos + 12: pos + 16])
        out.append((pos, pos + 16 + length))
        pos += 16 + length
    return out


def test_every_flipped_byte_is_detected(saved: Path) -> None:
    original = saved.read_bytes()
    assert len(_chunk_offsets(saved)) >= 3
    for pos in range(len(original)):
        damaged = bytearray(original)
        damaged[pos] ^= 0x01
        saved.write_bytes(bytes(damaged))
        with pytest.raises(vault.VaultError):
            vault.load_audit(saved)
    saved.write_bytes(original)
    assert vault.load_audit(saved).report == make_report(6)


def test_every_truncation_is_detected(saved: Path) -> None:
    original = saved.read_bytes()
    for length in range(len(original)):
        saved.write_bytes(original[:length])
        with pytest.raises(vault.VaultError) as caught:
            vault.load_audit(saved)
        assert caught.value.message.code.startswith("vault.")  # one sentence of the vault's, never a traceback


def test_cut_at_a_chunk_boundary_is_detected(saved: Path) -> None:
    original = saved.read_bytes()
    chunks = _chunk_offsets(saved)
    saved.write_bytes(original[: chunks[-2][1]])  # whole chunks, the last one missing
    with raises_code(vault.AuditDamaged, "vault.changed"):
        vault.load_audit(saved)


def test_reordered_duplicated_or_extra_chunks_are_detected(saved: Path) -> None:
    original = saved.read_bytes()
    chunks = _chunk_offsets(saved)
    head = original[: chunks[0][0]]
    pieces = [original[a:b] for a, b in chunks]
    variants = [
        head + pieces[1] + pieces[0] + b"".join(pieces[2:]),
        head + pieces[0] + b"".join(pieces),
        original + pieces[-1],
        original + b"\x00" * 7,
    ]
    for variant in variants:
        saved.write_bytes(variant)
        with pytest.raises(vault.AuditDamaged):
            vault.load_audit(saved)


def test_header_from_another_file_is_detected(tmp_path: Path, saved: Path) -> None:
    other = tmp_path / "other.offduty"
    vault.save_report(make_report(1), other)
    h1, h2 = _header_len(saved), _header_len(other)
    saved.write_bytes(other.read_bytes()[:h2] + saved.read_bytes()[h1:])
    with pytest.raises(vault.AuditDamaged):
        vault.load_audit(saved)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 a zip", b'{"report": 1}', b"\x89OFFDUTY\r\n"])
def test_not_an_audit(tmp_path: Path, content: bytes, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "x.offduty"
    target.write_bytes(content)
    with pytest.raises(vault.VaultError):
        vault.load_audit(target)
    assert target.read_bytes() == content
    assert not vault.needs_passphrase(target)


def test_newer_format_version_says_so(saved: Path) -> None:
    data = bytearray(saved.read_bytes())
    data[len(vault.MAGIC)] = 9
    saved.write_bytes(bytes(data))
    with raises_code(vault.NotAnAudit, "vault.other_version"):
        vault.load_audit(saved)


def test_hostile_scrypt_parameters_are_refused_before_deriving(tmp_path: Path) -> None:
    target = tmp_path / "p.offduty"
    vault.save_report(make_report(1), target, passphrase=PASS)
    data = bytearray(target.read_bytes())
    n_at = len(vault.MAGIC) + 7 + vault.SALT_BYTES
    data[n_at] = 30  # 2^30 * 8 * 128 bytes of memory
    target.write_bytes(bytes(data))
    with raises_code(vault.AuditDamaged, "vault.header_damaged"):
        vault.load_audit(target, passphrase=PASS)


@pytest.mark.parametrize(("log2_n", "r", "p"), [(20, 8, 1), (17, 8, 16), (19, 8, 1), (17, 64, 1), (9, 8, 1)])
def test_out_of_range_scrypt_parameters_are_refused_before_computing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     log2_n: int, r: int, p: int) -> None:
    """1 GiB (n=2^20), 16 times the work, 512 MiB: each refused at once, nothing derived."""
    target = tmp_path / "p.offduty"
    vault.save_report(make_report(1), target, passphrase=PASS)
    data = bytearray(target.read_bytes())
    at = len(vault.MAGIC) + 7 + vault.SALT_BYTES
    data[at:at + 3] = bytes((log2_n, r, p))
    target.write_bytes(bytes(data))

    def derive(*_args: object) -> bytes:
        raise AssertionError("scrypt ran on parameters the header should have refused")

    monkeypatch.setattr(vault, "_derive", derive)
    with raises_code(vault.AuditDamaged, "vault.header_damaged"):
        vault.load_audit(target, passphrase=PASS)
    assert vault.scrypt_parameters_ok(vault.SCRYPT_LOG2_N, vault.SCRYPT_R, vault.SCRYPT_P)
    assert vault.scrypt_parameters_ok(17, 8, 1) and vault.scrypt_parameters_ok(18, 8, 1)  # today's and room to grow


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with raises_code(vault.VaultError, "vault.no_such_file"):
        vault.load_audit(tmp_path / "nope.offduty")
    with raises_code(vault.VaultError, "vault.open_a_folder", path=str(tmp_path)):
        vault.load_audit(tmp_path)
    with raises_code(vault.VaultError, "vault.save_to_folder", path=str(tmp_path)):
        vault.save_report(make_report(), tmp_path, passphrase=PASS)
    with raises_code(vault.VaultError, "vault.no_such_folder"):
        vault.save_report(make_report(), tmp_path / "no" / "x.offduty", passphrase=PASS)


def test_errors_are_offduty_errors() -> None:
    for cls in (vault.NotAnAudit, vault.AuditDamaged, vault.WrongPassphrase, vault.KeyMissing,
                vault.PassphraseNeeded):
        assert issubclass(cls, OffdutyError)


# -- atomic writes ------------------------------------------------------------------------------


def test_failure_mid_write_keeps_the_previous_audit(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "mine.offduty"
    vault.save_report(make_report(1), target)
    before = target.read_bytes()
    calls = []

    def crash() -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    with raises_code(vault.VaultError, "vault.write_failed"):
        vault.save_report(make_report(400), target, _on_chunk=crash)
    assert len(calls) == 2  # it really failed part-way through
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.offduty"]
    assert vault.load_report(target) == make_report(1)


def test_interrupted_write_keeps_the_previous_audit(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "mine.offduty"
    vault.save_report(make_report(1), target)
    before = target.read_bytes()

    def interrupt() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        vault.save_report(make_report(400), target, _on_chunk=interrupt)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.offduty"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_file_is_owner_only(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    target = tmp_path / "mine.offduty"
    vault.save_report(make_report(1), target)
    assert target.stat().st_mode & 0o077 == 0


# -- properties ---------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.text(max_size=3000))
def test_any_evidence_round_trips(tmp_path: Path, memory_keyring: MemoryKeyring, payload: str) -> None:
    target = tmp_path / "p.offduty"
    report = make_report(2, evidence=payload)
    vault.save_report(report, target)
    assert vault.load_report(target) == report


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_corruption_never_yields_a_different_report(saved: Path, data: st.DataObject) -> None:
    original = saved.read_bytes()
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(damaged) - 1))
        damaged[pos] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(damaged)))
        damaged = damaged[:cut] + bytearray(data.draw(st.binary(max_size=40)))
    saved.write_bytes(bytes(damaged))
    try:
        loaded = vault.load_audit(saved)
    except vault.VaultError:
        return
    finally:
        saved.write_bytes(original)
    assert bytes(damaged) == original  # only an unchanged file opens...
    assert loaded.report == make_report(6)  # ...and gives exactly what was saved


def test_notes_ticks_and_dismissals_survive_saving(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    report = make_report()
    state = (AuditState().tick("x.delete_posts").dismiss(report.findings[0].id)
             .with_note(report.findings[1].id, "Spoke to Sgt about this; deleting tonight")
             .with_note("x.delete_posts", "done on phone"))
    target = tmp_path / "notes.offduty"
    vault.save_report(report, target, state=state)
    assert b"Sgt" not in target.read_bytes()
    loaded = vault.load_audit(target).state
    assert loaded == state and loaded.note(report.findings[1].id).startswith("Spoke to")
    assert loaded.with_note("x.delete_posts", " ").note("x.delete_posts") == ""
    carried = loaded.carried_to(make_report(1))  # a new scan where findings 1.. are gone
    assert carried.note(report.findings[1].id) == "" and carried.note("x.delete_posts") == "done on phone"
