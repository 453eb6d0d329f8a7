"""The findings table's date column says the month as the words catalogue does (a second language
translates it there), not as the C library's locale would."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from checks.records import Source
from checks.report.words import words
from desktop.models import finding_date
from tests.advice.factory import finding


def test_the_date_column_takes_its_month_from_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    dated = replace(finding(1), source=Source(0, "data/tweets.js", "/0", datetime(2024, 2, 11, 9, tzinfo=UTC)))
    assert finding_date(dated) == "11 Feb 2024"
    monkeypatch.setitem(words(None).entries, "disclosure.month.feb", "Chwef")
    assert finding_date(dated) == "11 Chwef 2024"
    assert finding_date(replace(dated, source=Source(0, "data/tweets.js", "/0"))) == ""
