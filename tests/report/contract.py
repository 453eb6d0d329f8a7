"""The contract check every test that writes a report uses: `../shared/tools/check_report.py`.

When `../shared` is absent (a checkout on its own) the check skips and says why; when it is
present the checker must be there and the report must pass, or the test fails. Call it last in a
test (a skip ends the test), or give it a test of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CHECKER = SHARED / "tools" / "check_report.py"


def check_contract(report: Path | dict[str, Any], *options: str, tmp_path: Path | None = None) -> None:
    """Run the contract checker on a report file (or a report as data, written to `tmp_path`)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present, so the report cannot be checked against the contract")
    assert CHECKER.is_file(), f"../shared is present but {CHECKER} is missing"
    if isinstance(report, dict):
        assert tmp_path is not None, "a report given as data needs tmp_path to be written to"
        path = tmp_path / "contract-check.json"
        path.write_text(json.dumps(report), encoding="utf-8")
    else:
        path = report
    result = subprocess.run([sys.executable, str(CHECKER), str(path), *options], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
