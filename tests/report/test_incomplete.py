"""An export recognised but empty is said in one sentence, and the score is then "incomplete", never "low"."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checks import audit
from checks.records import msg
from checks.report.json_report import write_json
from checks.report.summary import write_summary
from checks.report.words import say
from tests.builders.x import Tweet, XArchive

EMPTY_OUTBOX = {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://example.social/outbox",
                "type": "OrderedCollection", "totalItems": 0, "orderedItems": []}


@pytest.fixture
def empty_outbox(tmp_path: Path) -> Path:
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps(EMPTY_OUTBOX), encoding="utf-8")
    return path


def test_an_empty_export_says_which_file_held_nothing(empty_outbox: Path) -> None:
    report = audit([empty_outbox])
    (only,) = report.inputs
    assert (only.format, only.readable, only.items) == ("mastodon", True, 0)
    assert only.message == msg("pipeline.empty_export_file", format=only.message.value("format"), file="outbox.json")
    assert report.score.state == "incomplete" and report.score.value == 0


def test_the_json_report_keeps_the_band_and_adds_the_state(empty_outbox: Path) -> None:
    out = io.StringIO()
    write_json(audit([empty_outbox]), out)
    data = json.loads(out.getvalue())
    assert data["score"]["band"] == "low" and data["score"]["state"] == "incomplete"  # added, nothing renamed
    assert data["inputs"][0]["message"].startswith("This looks like")


def test_the_summary_says_incomplete_not_low(empty_outbox: Path) -> None:
    out = io.StringIO()
    write_summary(audit([empty_outbox]), out)
    first = out.getvalue().splitlines()[0]
    assert first.endswith(f"({say(msg('score.band.incomplete'))})")


def test_a_readable_export_beside_an_empty_one_still_counts(empty_outbox: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    x = XArchive(tweets=[Tweet("Lovely walk today", datetime(2026, 5, 2, tzinfo=UTC))]).write_zip(tmp_path / "x.zip")
    report = audit([x, empty_outbox])
    assert report.inputs[0].items > 0 and report.inputs[1].items == 0
    assert report.score.state == "incomplete"
    assert audit([x]).score.state == "complete"
