"""Where Offduty keeps its own files (saved audits, settings): platformdirs, overridable for tests."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "Offduty"


def data_dir() -> Path:
    """The per-user data folder (created with owner-only permissions)."""
    override = os.environ.get("OFFDUTY_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    """The per-user settings folder (created with owner-only permissions)."""
    override = os.environ.get("OFFDUTY_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
