"""The contract check itself can fail: a report that breaks the contract is refused, a good one passes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checks import audit
from checks.report.json_report import write_json
from tests.builders.x import Tweet, XArchive
from tests.report.contract import check_contract


def _report(tmp_path: Path) -> dict[str, object]:
    from datetime import UTC, datetime

    x = XArchive(tweets=[Tweet("Moved into 14 Larkspur Close!", datetime(2026, 5, 2, tzinfo=UTC))])
    out = io.StringIO()
    write_json(audit([x.write_zip(tmp_path / "x.zip")]), out)
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def test_a_real_report_passes_the_contract(tmp_path: Path) -> None:
    check_contract(_report(tmp_path), tmp_path=tmp_path)


def test_a_report_that_breaks_the_contract_fails(tmp_path: Path) -> None:
    broken = _report(tmp_path)
    broken["score"] = {"value": 250, "band": "high"}
    with pytest.raises(AssertionError, match=r"score\.value"):
        check_contract(broken, tmp_path=tmp_path)
