"""Shared test setup: offscreen Qt, Offduty's own folders in a temporary place, the shared samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("OFFDUTY_TEST_KEYRING") != "1":
    # outside the throwaway Secret Service (scripts/with-test-keyring.sh) no test may reach the
    # developer's own keyring: saved audits then need OFFDUTY_PASSPHRASE, as on a headless machine
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

ROOT = Path(__file__).resolve().parent.parent
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's own Offduty data or settings."""
    base = tmp_path_factory.mktemp("offduty-home")
    monkeypatch.setenv("OFFDUTY_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("OFFDUTY_CONFIG_DIR", str(base / "config"))


@pytest.fixture
def shared_samples() -> Path:
    """`../shared/samples` (other projects' fixtures); tests using it skip when it is absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return SHARED_SAMPLES
