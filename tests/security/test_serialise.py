"""The saved-audit serialiser keeps every field of a report exactly, evidence included."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.records import Report
from checks.report.serialise import BadReportData, report_from_dict, report_to_dict
from tests.security.conftest import PLANTED, make_report


def _through_json(report: Report) -> Report:
    text = json.dumps(report_to_dict(report), ensure_ascii=False)
    return report_from_dict(json.loads(text))


def test_round_trip_keeps_everything_unmasked() -> None:
    report = make_report()
    again = _through_json(report)
    assert again == report
    assert PLANTED in again.findings[0].evidence
    assert again.findings[0].span == report.findings[0].span
    assert again.findings[0].source.timestamp == report.findings[0].source.timestamp
    assert isinstance(again.findings[0].related, tuple)


def test_unknown_fields_from_a_newer_version_are_ignored() -> None:
    data = report_to_dict(make_report(1))
    data["report"]["findings"][0]["future_field"] = {"x": 1}
    data["report"]["brand_new"] = [1, 2]
    assert report_from_dict(data) == make_report(1)


def test_missing_optional_fields_take_defaults() -> None:
    data = report_to_dict(make_report(1))
    del data["report"]["findings"][0]["span"]
    del data["report"]["notes"]
    again = report_from_dict(data)
    assert again.findings[0].span is None and again.notes == ()


@pytest.mark.parametrize("damage", [
    lambda d: d["report"].pop("findings"),
    lambda d: d["report"]["findings"][0].update(severity="catastrophic"),
    lambda d: d["report"]["findings"][0].update(confidence="high"),
    lambda d: d["report"]["findings"][0].update(span=[1, 2, 3]),
    lambda d: d["report"].update(generated_at="yesterday"),
    lambda d: d["report"]["score"].update(value=True),
])
def test_damaged_data_is_refused_in_plain_words(damage: object) -> None:
    data = report_to_dict(make_report(1))
    damage(data)  # type: ignore[operator]
    with pytest.raises(BadReportData, match="incomplete or damaged"):
        report_from_dict(data)


def test_other_data_and_newer_versions_are_refused() -> None:
    with pytest.raises(BadReportData, match="does not hold"):
        report_from_dict({"format": "something-else"})
    with pytest.raises(BadReportData, match="does not hold"):
        report_from_dict([1, 2])
    data = report_to_dict(make_report(1))
    data["version"] = 99
    with pytest.raises(BadReportData, match="newer version"):
        report_from_dict(data)


_text = st.text(max_size=40)
_moment = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=5, minutes=30))]))


# records reject some generated values in their own checks, so Hypothesis discards many inputs by
# design; that is not a slow or a wrong test
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.builds(Report, tool_version=_text, generated_at=_moment, notes=st.lists(_text).map(tuple)))
def test_round_trip_of_arbitrary_reports(report: Report) -> None:
    again = _through_json(report)
    assert json.dumps(report_to_dict(again)) == json.dumps(report_to_dict(report))
    try:
        json.dumps(report_to_dict(report), allow_nan=False)
    except ValueError:
        return  # NaN somewhere: it never equals itself, the text comparison above covers it
    assert again == report
    assert [type(f.category) for f in again.findings] == [type(f.category) for f in report.findings]
