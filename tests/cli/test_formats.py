"""`offduty formats`: the data is complete, validated, and readability follows the readers registry."""

from __future__ import annotations

import copy
import io
import json

import pytest

from checks.exports.formats import FormatsError, format_by_id, load_formats, parse_formats, write_formats_text
from checks.readers import FORMATS, READERS
from checks.resources import resource_path
from desktop import cli


def raw() -> dict:
    return json.loads(resource_path("formats.json").read_text(encoding="utf-8"))


def test_every_recognised_format_has_an_entry() -> None:
    formats = load_formats()
    for spec in FORMATS.values():
        assert format_by_id(spec.id, formats) is not None, spec.id
    assert len({f.platform for f in formats}) >= 12


def test_readable_follows_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checks.readers.READERS", {})
    assert not any(f.readable for f in load_formats())
    monkeypatch.setattr("checks.readers.READERS", {"strava": object})
    assert [f.id for f in load_formats() if f.readable] == ["strava"]


def test_registered_readers_are_marked_readable() -> None:
    for f in load_formats():
        assert f.readable == (f.id in READERS)
        for v in f.variants:
            assert v.readable == (v.id in READERS)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["formats"][0].pop("how_to_request"), "how_to_request"),
    (lambda d: d["formats"][0].update(choose=[]), "choose"),
    (lambda d: d["formats"][0].update(id="myspace"), "no format of that id"),
    (lambda d: d["formats"][0].update(platform="x"), "unknown field"),
    (lambda d: d["formats"][0].update(source="http://example.invalid"), "https"),
    (lambda d: d["formats"].append(copy.deepcopy(d["formats"][0])), "used twice"),
    (lambda d: d["formats"][0].update(colour="blue"), "unknown field"),
    (lambda d: d.pop("formats"), "formats"),
])
def test_malformed_data_is_refused_with_the_entry_named(change: object, message: str) -> None:
    data = raw()
    change(data)  # type: ignore[operator]
    with pytest.raises(FormatsError, match=message):
        parse_formats(data, frozenset())


def test_json_and_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["formats", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in listed] == [f.id for f in load_formats()]
    for entry in listed:
        assert entry["how_to_request"] and entry["choose"] and entry["then_what"] and entry["arrives"]
        assert entry["source"].startswith("https://")
        assert isinstance(entry["readable"], bool)
    buf = io.StringIO()
    write_formats_text(load_formats(), buf)
    text = buf.getvalue()
    assert "How to ask for it:" in text and "1. " in text
    assert max(len(line) for line in text.splitlines() if line.startswith(" ") and "https://" not in line) <= 90
