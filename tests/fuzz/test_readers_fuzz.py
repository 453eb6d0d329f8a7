"""Property-based fuzzing of every registered reader (hypothesis), and a replay of the atheris
harness (tests/fuzz/fuzz_readers.py) over its committed seed corpus.

For each format a small valid export is built in code (tests/builders), then one member is
damaged: random bytes, truncation, flipped bytes, JSON with a hostile value at any path (null,
list, object, huge or non-finite numbers, invalid UTF-8, deep nesting, a key removed), CSV with
ragged rows or stray quotes, gzip around garbage, or the member removed. The properties: reading
never raises out of `Reader.read()` (damage becomes `ctx.skipped`), every item's Source names the
context's input and a member of the export, and every skip has a plain reason.

Examples per format: 40 by default (derandomised, so CI is repeatable). For a longer random run:
`OFFDUTY_FUZZ_EXAMPLES=2000 pytest tests/fuzz/test_readers_fuzz.py`.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.readers import READERS
from tests.fuzz import fuzz_readers
from tests.fuzz.fuzz_readers import CORPUS, SEEDS, corpus_entries, one_input, run, seed_files, seed_names

EXAMPLES = int(os.environ.get("OFFDUTY_FUZZ_EXAMPLES", "40"))
LONG_RUN = "OFFDUTY_FUZZ_EXAMPLES" in os.environ
SEED_IDS = [f"{i:02d}-{fmt}" for i, (fmt, _) in enumerate(SEEDS)]


@pytest.fixture(autouse=True)
def _workdir_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness writes each export under its work dir: keep that inside the test's own folder."""
    monkeypatch.setattr(fuzz_readers, "_WORKDIR", tmp_path)


# -- hostile JSON ----------------------------------------------------------------------------

_MARK = "@@offduty-fuzz@@"
_JS_PREFIX = re.compile(rb"^\s*(\xef\xbb\xbf)?\s*window\.[A-Za-z0-9_.$\[\]\"']+\s*=\s*")

# Raw JSON texts put where a value was: some are valid JSON, some are not (as damaged files are).
HOSTILE_RAW: tuple[bytes, ...] = (
    b"null", b"[]", b"{}", b"true", b"0", b"-1", b"1e400", b"-1e308", b"NaN", b"Infinity",
    b"9" * 400, b"123456789012345678901234567890", b'""', b'"' + b"A" * 5000 + b'"',
    b'"\xff\xfe\xc3\x28 broken utf-8"', b'"\\ud800 lone surrogate"', b'"\\u0000"', b'"2025-13-45T99:99:99Z"',
    b'"-1"', b'"geo:91.0,-181.0"', b'"NaN"', b'{"a": {"b": [1, 2, {"c": null}]}}', b'[null, [], {}, ""]',
    b"[" * 3000 + b"]" * 3000, b'{"a":' * 1000 + b"1" + b"}" * 1000, b"[" * 200,
)


def _split_js(content: bytes) -> tuple[bytes, bytes]:
    """X's `window.YTD.x.part0 = [...]` files: (prefix, json text); plain JSON has no prefix."""
    m = _JS_PREFIX.match(content)
    if m:
        return content[:m.end()], content[m.end():]
    return b"", content


def _parse(content: bytes) -> tuple[bytes, Any] | None:
    prefix, body = _split_js(content)
    try:
        return prefix, json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None


def _paths(value: Any, here: tuple[str | int, ...] = (), out: list[tuple[str | int, ...]] | None = None,
           ) -> list[tuple[str | int, ...]]:
    out = [] if out is None else out
    if len(out) >= 500:
        return out
    out.append(here)
    if isinstance(value, dict):
        for key, child in value.items():
            _paths(child, (*here, key), out)
    elif isinstance(value, list):
        for k, child in enumerate(value):
            _paths(child, (*here, k), out)
    return out


def _replace(value: Any, path: tuple[str | int, ...], how: str) -> Any:
    """A copy of `value` with the node at `path` replaced by the mark, removed or wrapped."""
    if not path:
        return {"wrap": [value]} if how == "wrap" else _MARK
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        copy = dict(value)
        if not rest and how == "drop":
            copy.pop(head, None)
        else:
            copy[head] = _replace(value[head], rest, how)
        return copy
    copy_list = list(value)
    assert isinstance(head, int)
    if not rest and how == "drop":
        del copy_list[head]
    else:
        copy_list[head] = _replace(value[head], rest, how)
    return copy_list


@st.composite
def json_damage(draw: st.DrawFn, content: bytes) -> bytes:
    parsed = _parse(content)
    assert parsed is not None
    prefix, tree = parsed
    paths = _paths(tree)
    path = paths[draw(st.integers(0, len(paths) - 1))]
    how = draw(st.sampled_from(("value", "value", "value", "drop", "wrap")))
    text = json.dumps(_replace(tree, path, how), ensure_ascii=False).encode()
    raw = draw(st.sampled_from(HOSTILE_RAW))
    return prefix + text.replace(json.dumps(_MARK).encode(), raw, 1)


# -- ragged CSV ------------------------------------------------------------------------------

@st.composite
def csv_damage(draw: st.DrawFn, content: bytes) -> bytes:
    lines = content.split(b"\n")
    k = draw(st.integers(0, max(0, len(lines) - 1)))
    line = lines[k]
    how = draw(st.sampled_from(("short", "long", "quote", "nul", "blank", "drop-header", "crlf", "huge")))
    if how == "short":
        lines[k] = line.rsplit(b",", 1)[0]
    elif how == "long":
        lines[k] = line + b",extra" * draw(st.integers(1, 30))
    elif how == "quote":
        cut = draw(st.integers(0, len(line)))
        lines[k] = line[:cut] + b'"' + line[cut:]
    elif how == "nul":
        lines[k] = line + b"\x00\xff"
    elif how == "blank":
        lines.insert(k, b",,,,")
    elif how == "drop-header":
        lines = lines[1:]
    elif how == "crlf":
        lines[k] = line + b"\r\r"
    else:
        lines[k] = line + b"," + b"x" * 200_000  # one field larger than csv's default limit
    return b"\n".join(lines)


# -- bytes ------------------------------------------------------------------------------------

@st.composite
def byte_damage(draw: st.DrawFn, content: bytes) -> bytes:
    how = draw(st.sampled_from(("random", "truncate", "flip", "splice")))
    if how == "random":
        return draw(st.binary(max_size=400))
    if how == "truncate" or not content:
        return content[:draw(st.integers(0, len(content)))]
    data = bytearray(content)
    if how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    at = draw(st.integers(0, len(data)))
    return bytes(data[:at]) + draw(st.binary(min_size=1, max_size=64)) + bytes(data[at:])


@st.composite
def damaged_export(draw: st.DrawFn, index: int) -> dict[str, bytes]:
    files = dict(seed_files(index))
    names = seed_names(index)
    name = draw(st.sampled_from(names))
    content = files[name]
    low = name.lower()
    kinds = ["bytes", "empty", "remove"]
    if _parse(content) is not None:
        kinds += ["json"] * 6
    if low.endswith(".csv"):
        kinds += ["csv"] * 4
    if low.endswith(".gz"):
        kinds += ["gzip"] * 2
    kind = draw(st.sampled_from(kinds))
    if kind == "remove" and len(files) > 1:
        del files[name]
        return files
    if kind == "empty":
        files[name] = b""
    elif kind == "json":
        files[name] = draw(json_damage(content))
    elif kind == "csv":
        files[name] = draw(csv_damage(content))
    elif kind == "gzip":
        files[name] = gzip.compress(draw(byte_damage(gzip.decompress(content))))
    else:
        files[name] = draw(byte_damage(content))
    return files


FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG_RUN, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_damaged_exports_never_break_a_reader(index: int) -> None:
    fmt = SEEDS[index][0]

    @FUZZ_SETTINGS
    @given(files=damaged_export(index), as_zip=st.booleans())
    def check(files: dict[str, bytes], as_zip: bool) -> None:
        run(fmt, files, as_zip)  # raises on any exception out of read() or a broken Source

    check()


def test_every_registered_reader_has_a_seed() -> None:
    assert set(READERS) == {fmt for fmt, _ in SEEDS}


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_seeds_are_read_cleanly(index: int) -> None:
    """The undamaged seed is a real export: items come out and nothing is skipped."""
    for as_zip in (True, False):
        items, skipped = run(SEEDS[index][0], seed_files(index), as_zip)
        assert items > 0
        assert skipped == 0


def test_json_damage_reaches_every_value() -> None:
    content = b'window.YTD.tweets.part0 = [{"tweet": {"id": "1", "coordinates": [1, 2]}}]'
    prefix, tree = _parse(content) or (b"", None)
    assert prefix.startswith(b"window.YTD.tweets.part0")
    paths = _paths(tree)
    assert (0, "tweet", "coordinates", 1) in paths
    replaced = json.dumps(_replace(tree, (0, "tweet", "coordinates", 1), "value"))
    assert _MARK in replaced and '"id": "1"' in replaced
    assert "coordinates" not in json.dumps(_replace(tree, (0, "tweet", "coordinates"), "drop"))


# -- the atheris harness, replayed ------------------------------------------------------------

CORPUS_FILES = sorted(CORPUS.iterdir()) if CORPUS.is_dir() else []


def test_corpus_covers_every_seed() -> None:
    assert {p.name for p in CORPUS_FILES} >= set(corpus_entries())
    assert {p.read_bytes()[0] % len(SEEDS) for p in CORPUS_FILES} == set(range(len(SEEDS)))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_harness_replays_corpus(path: Path, tmp_path: Path) -> None:
    one_input(path.read_bytes())
    assert list(tmp_path.iterdir()) == []  # each input's export is removed after the run


def test_harness_replaces_the_chosen_member(tmp_path: Path) -> None:
    index = next(i for i, (fmt, _) in enumerate(SEEDS) if fmt == "tiktok")
    decoded = fuzz_readers.decode(bytes([index, 0, 1]) + b"{not json")
    assert decoded is not None
    fmt, files, as_zip = decoded
    assert fmt == "tiktok" and as_zip
    assert files[seed_names(index)[0]] == b"{not json"
    items, skipped = run(fmt, files, as_zip)
    assert items == 0 and skipped >= 1  # the damage is reported, not raised
    assert fuzz_readers.decode(b"\x00\x01") is None


# -- findings, kept fixed ---------------------------------------------------------------------

# Text shaped like the coordinate strings exports write, damaged: extra dots, signs, degrees, labels.
_COORD_TEXT = st.lists(st.sampled_from(
    ["-", "+", ".", ",", " ", "°", "±", "m", "0", "1", "4", "9", "51", "0.04", "geo:", "Latitude", "Longitude",
     "lat", "long", ":", "meters", "1e5", "nan", "inf", "\u00a0", "١"]), max_size=30).map("".join)


@FUZZ_SETTINGS
@given(text=st.one_of(_COORD_TEXT, st.text(max_size=80)), value=st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40), st.lists(st.integers(), max_size=3)))
def test_coordinate_and_time_parsers_never_raise(text: str, value: object) -> None:
    from checks.readers import geo_parse

    point = geo_parse.parse_pair(text)
    assert point is None or (-90 <= point.lat <= 90 and -180 <= point.lon <= 180)
    geo_parse.parse_time(text)
    geo_parse.parse_time(value)
    geo_parse.to_float(value)
    geo_parse.from_epoch(value)
    geo_parse.from_e7(value, value, value)
    geo_parse.parse_xmp_coordinate(text)


def test_damaged_number_in_a_coordinate_pair_is_not_read() -> None:
    """Atheris find 1: Snapchat HTML "-0.041.4452000, 51.1" made parse_pair raise ValueError."""
    from checks.readers.geo_parse import parse_pair

    assert parse_pair("-0.041.4452000, 51.1") is None
    assert parse_pair("51.5,-0.041.4452000") is None
    point = parse_pair("near 51.4452, -0.0471 home")
    assert point is not None and (point.lat, point.lon) == (51.4452, -0.0471)


def test_damaged_snapchat_html_location_is_not_an_error() -> None:
    index = next(i for i, (fmt, _) in enumerate(SEEDS) if fmt == "snapchat-html")
    files = dict(seed_files(index))
    name = next((n for n in files if n.endswith("location_history.html")), seed_names(index)[0])
    files[name] = (b"<html><body><table><tr><th>Date</th><th>Location</th></tr>"
                   b"<tr><td>2025-03-03 07:30:00 UTC</td><td>-0.041.4452000, 51.1</td></tr></table></body></html>")
    run("snapchat-html", files, True)


def test_deeply_nested_snapchat_html_rows_are_read() -> None:
    """Fuzz find 2: nested <tr><td><table> made the Snapchat HTML reader cubic (500 levels: 25 s);
    1500 levels would take many minutes before the fix, and a fraction of a second after it."""
    from bs4 import BeautifulSoup

    from checks.readers.snapchat import _holds_row

    soup = BeautifulSoup("<table><tr><td><table><tr><td>51.5, -0.1</td></tr></table></td></tr></table>",
                         "html.parser")
    outer, inner = soup.find_all("tr")
    assert _holds_row(outer) and not _holds_row(inner)
    index = next(i for i, (fmt, _) in enumerate(SEEDS) if fmt == "snapchat-html")
    files = dict(seed_files(index))
    name = next(n for n in files if n.endswith("memories_history.html"))
    files[name] = (b"<html><body><table>" + b"<tr><td>2025-03-03 07:30:00 UTC</td><td><div><table>" * 1500
                   + b"<tr><td>51.4452, -0.0471</td></tr>")
    items, skipped = run("snapchat-html", files, True)
    assert items >= 1 and skipped == 0


def test_fit_file_with_a_wrong_data_size_is_skipped() -> None:
    """Hypothesis find 3: a .fit header declaring less data than there is made fitdecode fail an
    assert (and other damage raised struct.error) out of the Strava reader."""
    index = next(i for i, (fmt, _) in enumerate(SEEDS) if fmt == "strava")
    files = dict(seed_files(index))
    name = next(n for n in files if n.endswith(".fit.gz"))
    data = gzip.decompress(files[name])
    size = int.from_bytes(data[4:8], "little")
    files[name] = gzip.compress(data[:4] + (size - 2).to_bytes(4, "little") + data[8:])
    items, skipped = run("strava", files, True)
    assert skipped == 1 and items > 0  # the other activities are still read


def test_unicode_digits_are_not_epoch_times() -> None:
    """Hypothesis find 4: parse_time("²") raised ValueError ("²".isdigit() is true, int() refuses it)."""
    from checks.readers.geo_parse import parse_time

    assert parse_time("²") is None
    assert parse_time("1700000000") is not None


def test_facebook_member_name_with_a_superscript_digit() -> None:
    """A member path like "copy 1²2/check-ins.json" made the Facebook reader's name sort raise ValueError."""
    index = next(i for i, (fmt, _) in enumerate(SEEDS) if fmt == "facebook")
    files = dict(seed_files(index))
    checkins = next(n for n in files if n.endswith("check-ins.json"))
    files["copy 1²2/check-ins.json"] = files[checkins]
    items, _ = run("facebook", files, False)
    assert items > 0
