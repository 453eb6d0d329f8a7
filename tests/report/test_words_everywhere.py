"""Text that used to be made outside the words layer now comes from the catalogue: export labels
("and 2 more parts"), dates ("11 February 2024", month names a second language can translate)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from checks.exports.archive import export_label, open_export
from checks.pipeline import describe
from checks.records import msg
from checks.report.checklist_model import long_date, short_date
from checks.report.words import say, words
from tests.archive.test_open import make_zip

Patch = Callable[[str, str], None]


@pytest.fixture
def catalogue(monkeypatch: pytest.MonkeyPatch) -> Patch:
    """Change one entry of the catalogue `say()` uses, as a translation would."""
    def patch(code: str, text: str) -> None:
        monkeypatch.setitem(words(None).entries, code, text)
    return patch


def test_an_export_in_parts_is_named_through_the_catalogue(tmp_path: Path, catalogue: Patch) -> None:
    one = tmp_path / "mydata~1700000000000.zip"
    assert export_label([one]) == one.name
    parts = [one, tmp_path / "mydata~1700000000000-2.zip", tmp_path / "mydata~1700000000000-3.zip"]
    assert export_label(parts) == say(msg("archive.parts", name=one.name, count=2)) == f"{one.name} and 2 more parts"
    assert export_label(parts[:2]).endswith("and 1 more part")
    catalogue("archive.parts", "{name} a {count} rhan arall")
    assert export_label(parts) == f"{one.name} a 2 rhan arall"


def test_the_window_and_progress_get_the_same_label(tmp_path: Path) -> None:
    parts = [make_zip(tmp_path / f"mydata~1700000000000{s}.zip", {f"json/{s or 'a'}.json": "{}"}) for s in ("", "-2")]
    (planned,) = describe(parts)
    with open_export(parts) as export:
        assert planned.label == export.label == export_label(parts)


def test_dates_take_their_month_names_from_the_catalogue(catalogue: Patch) -> None:
    when = datetime(2024, 2, 11, 9, 30, tzinfo=UTC)
    assert (long_date(when), long_date(when.date()), short_date(when)) == ("11 February 2024", "11 February 2024",
                                                                           "11 Feb 2024")
    assert long_date(None) == short_date(None) == ""
    catalogue("date.month.february", "Chwefror")
    catalogue("disclosure.month.feb", "Chwef")
    assert (long_date(when), short_date(date(2024, 2, 11))) == ("11 Chwefror 2024", "11 Chwef 2024")


def test_every_month_has_its_long_name() -> None:
    assert [long_date(date(2025, m, 1)).split()[1] for m in range(1, 13)] == [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"]
