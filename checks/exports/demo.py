"""The bundled demo: invented exports in `resources/demo/` for `offduty --demo` and `offduty scan --demo`.

The demo belongs to a fictional officer and is built by `scripts/make_demo.py`; `TRUTH.json`
next to the exports lists every exposure planted in them (for tests and evaluations). Every
other entry of the folder is an export: a zip, a folder, or a single export file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checks.errors import OffdutyError
from checks.resources import resource_path

TRUTH_FILE = "TRUTH.json"
# Entries of resources/demo/ that are not exports.
_NOT_EXPORTS = frozenset({TRUTH_FILE.lower(), "readme.md", "readme.txt", "license", "licence"})


class DemoMissing(OffdutyError):
    """The demo exports are not installed (a damaged installation or a bare checkout)."""


def demo_dir() -> Path:
    """The folder that holds the demo exports."""
    return resource_path("demo")


def demo_paths() -> list[Path]:
    """The demo exports, sorted by name. Raises DemoMissing when there are none."""
    folder = demo_dir()
    paths = sorted((p for p in folder.iterdir() if not p.name.startswith(".") and p.name.lower() not in _NOT_EXPORTS),
                   key=lambda p: p.name) if folder.is_dir() else []
    if not paths:
        raise DemoMissing("the demo export is missing from Offduty's resources/demo folder; reinstall Offduty "
                          "(or, in a source checkout, run: .venv/bin/python scripts/make_demo.py)")
    return paths


def demo_truth() -> dict[str, Any]:
    """The planted exposures of the demo (`TRUTH.json`), or an empty truth when it is absent."""
    path = demo_dir() / TRUTH_FILE
    if not path.is_file():
        return {"exports": [], "planted": []}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {"exports": [], "planted": []}
