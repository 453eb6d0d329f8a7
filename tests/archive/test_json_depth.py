"""The JSON depth guard on member streams: bytes pass unchanged, strings and escapes never
count as nesting, read boundaries anywhere are handled, and hostile depth is refused."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.exports.archive import READ_ERRORS, Limits, NestingTooDeep, _JsonDepthGuard, open_export


def drain(data: bytes, max_depth: int, read_size: int) -> bytes:
    guard = io.BufferedReader(_JsonDepthGuard(io.BytesIO(data), max_depth, "x.json"), buffer_size=read_size)
    out = bytearray()
    while chunk := guard.read(read_size):
        out += chunk
    return bytes(out)


def depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    return 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\n\u00e9', max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.text(alphabet='[]{}"\\k', max_size=6), children, max_size=4),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(json_values, st.integers(min_value=1, max_value=64), st.integers(min_value=1, max_value=9))
def test_guard_agrees_with_the_real_depth(value: object, read_size: int, limit: int) -> None:
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    if depth(value) <= limit:
        assert drain(data, limit, read_size) == data
    else:
        with pytest.raises(NestingTooDeep):
            drain(data, limit, read_size)


@pytest.mark.parametrize("read_size", [1, 2, 3, 7, 4096])
def test_brackets_and_escaped_quotes_inside_strings_do_not_count(read_size: int) -> None:
    text = {"a": '[[[[{{{{ \\" \\\\" ]]]] "[[' * 50, "b": [[1]]}
    data = json.dumps(text).encode()
    assert drain(data, 3, read_size) == data
    with pytest.raises(NestingTooDeep):
        drain(b'["' + b"]" * 10 + b'", ' + b"[" * 4 + b"]" * 4 + b"]", 3, read_size)


def test_hostile_nesting_in_a_member_is_one_of_read_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + "[" * 100_000)
        z.writestr("data/deep.csv", "[" * 100_000)  # not JSON: not watched
    with open_export([path], Limits(max_json_depth=100)) as export:
        with pytest.raises(READ_ERRORS), export.open("data/tweets.js") as stream:
            stream.read()
        assert len(export.open("data/deep.csv").read()) == 100_000
    assert issubclass(NestingTooDeep, OSError)


def test_rewinding_resets_the_guard(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_bytes(b"[[[[1]]]]")
    with open_export([f], Limits(max_json_depth=4)) as export, export.open("a.json") as stream:
        assert stream.read() == b"[[[[1]]]]"
        stream.seek(0)
        assert stream.read() == b"[[[[1]]]]"
