"""`offduty advice`: the catalogue as text and JSON."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from checks.assess.advice import default_catalogue
from checks.records import msg
from checks.report.advice_listing import write_advice_json, write_advice_text
from checks.report.words import say

ROOT = Path(__file__).resolve().parents[2]


def test_json_lists_every_entry_with_its_fields() -> None:
    out = io.StringIO()
    write_advice_json(default_catalogue().entries.values(), out)
    data = json.loads(out.getvalue())
    assert [d["id"] for d in data] == list(default_catalogue().entries)
    zone = next(d for d in data if d["id"] == "strava.privacy-zone")
    assert zone["steps"] and zone["source"].startswith("https://") and zone["setting"] == "strava.privacy_zones"


def test_text_groups_by_platform_with_numbered_steps() -> None:
    entries = default_catalogue().for_platform("x")
    out = io.StringIO()
    write_advice_text(entries, out)
    text = out.getvalue()
    assert text.startswith(say(msg("listing.total", count=len(entries))) + "\n")
    assert "== X (Twitter)" in text
    assert "x.protect-posts" in text and "1. " in text
    empty = io.StringIO()
    write_advice_text([], empty)
    assert empty.getvalue() == say(msg("listing.none")) + "\n"


def test_cli_filters_by_platform() -> None:
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "advice", "--json", "--platform", "uk"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data and {d["platform"] for d in data} == {"uk"}
