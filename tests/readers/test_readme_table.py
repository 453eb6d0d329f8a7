"""README "What it reads": its table names every readable format by the title the readers declare
(the same words `offduty formats` and the report use), in the registry's order."""

from __future__ import annotations

from checks.exports.formats import load_formats
from tests.conftest import ROOT


def _table_titles() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Supported exports", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    return [row.split("|")[1].strip() for row in rows[1:]]  # after the header


def test_readme_table_names_every_readable_format_by_its_title() -> None:
    expected: list[str] = []
    for fmt in load_formats():
        if fmt.readable:
            expected.append(fmt.title)
            expected.extend(v.title for v in fmt.variants if v.readable)
    assert _table_titles() == expected
