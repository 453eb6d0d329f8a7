"""Saving and reopening through the real OS keyring: gnome-keyring's Secret Service on a private
D-Bus session, started by scripts/with-test-keyring.sh (OFFDUTY_TEST_KEYRING=1). Skipped with a
reason anywhere else, so these tests can never touch a developer's own keyring.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from checks.records import msg
from checks.store import vault
from checks.store.audit_state import AuditState
from checks.store.welfare import WelfareSession
from tests.security.conftest import PLANTED, make_report

pytestmark = pytest.mark.skipif(
    os.environ.get("OFFDUTY_TEST_KEYRING") != "1",
    reason="needs the throwaway Secret Service: run through scripts/run-tests.sh "
           "(or dbus-run-session -- bash scripts/with-test-keyring.sh ...)",
)


@pytest.fixture(scope="module", autouse=True)
def _throwaway_keyring_only() -> None:
    """Refuse to run unless the keyring is the throwaway one the test script started."""
    data_home = os.environ.get("XDG_DATA_HOME", "")
    tmp = os.path.realpath(tempfile.gettempdir())
    assert data_home and os.path.realpath(data_home).startswith(tmp + os.sep), \
        "XDG_DATA_HOME must point into a temporary folder (the throwaway keyring)"
    assert "offduty-keyring" in data_home
    assert os.environ.get("DBUS_SESSION_BUS_ADDRESS"), "a private D-Bus session is expected"
    backend = vault.keyring_backend()
    assert backend is not None and type(backend).__module__ == "keyring.backends.SecretService"


@pytest.fixture
def key_name() -> Iterator[str]:
    name = f"test-{secrets.token_hex(6)}"  # parallel test workers share the keyring
    yield name
    vault.forget_key(name)


def test_backend_is_secret_service() -> None:
    assert vault.keyring_description() == msg("vault.keyring.secret_service")
    assert type(vault.keyring_backend()).__module__ == "keyring.backends.SecretService"


def test_save_and_reopen_through_the_secret_service(tmp_path: Path, key_name: str) -> None:
    report = make_report()
    state = AuditState().tick("x.delete_posts")
    target = tmp_path / "audit.offduty"
    where = vault.save_report(report, target, state=state, key_name=key_name)
    assert where == msg("vault.saved.keyring", keyring=msg("vault.keyring.secret_service"))
    assert PLANTED.encode() not in target.read_bytes()
    stored = keyring.get_password(vault.SERVICE, key_name)
    assert stored is not None and stored.encode() not in target.read_bytes()
    loaded = vault.load_audit(target)
    assert loaded.report == report and loaded.state == state


def test_removed_key_makes_the_audit_unreadable(tmp_path: Path, key_name: str) -> None:
    target = tmp_path / "audit.offduty"
    vault.save_report(make_report(1), target, key_name=key_name)
    assert vault.forget_key(key_name)
    assert keyring.get_password(vault.SERVICE, key_name) is None
    with pytest.raises(vault.KeyMissing):
        vault.load_audit(target)


def test_welfare_session_crypto_erases_through_the_secret_service(tmp_path: Path) -> None:
    session = WelfareSession()
    copy = tmp_path / "copy-left-behind.offduty"
    saved = session.save_audit(make_report(1))
    copy.write_bytes(saved.read_bytes())  # e.g. a backup took a copy
    assert vault.load_report(copy) == make_report(1)
    result = session.end()
    assert result.key_removed and saved in result.removed
    assert keyring.get_password(vault.SERVICE, session.key_name) is None
    with pytest.raises(vault.KeyMissing):
        vault.load_report(copy)
