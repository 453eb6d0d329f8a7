"""The demo exports of Snapchat, Google, Strava, photos, Mastodon and Bluesky: every planted exposure is read.

Each builder's `build_demo` (found by scripts/make_demo.py) writes its export and TRUTH entries;
here each entry must match an item the reader yields: same file and a pointer at or below the
planted one, or, for places, an item of that file within the planted radius.
"""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType

import pytest

from checks.pointer import starts_with
from tests.builders import bluesky, google, mastodon, photos, snapchat, strava
from tests.readers._util import load_make_demo, read_export

ROOT = Path(__file__).resolve().parents[2]


def _make_demo() -> ModuleType:
    return load_make_demo("make_demo_for_plugins")


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    return math.hypot((a[0] - b[0]) * 111_320, (a[1] - b[1]) * 111_320 * math.cos(lat))


@pytest.mark.parametrize("module", [snapchat, google, strava, photos, mastodon, bluesky],
                         ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_planted_exposure_is_an_item(tmp_path: Path, module: ModuleType) -> None:
    make_demo = _make_demo()
    truth = make_demo.Truth()
    (path,) = module.build_demo(tmp_path, make_demo.PERSONA, truth)
    assert [e["export"] for e in truth.exports] == [path.name]
    items, ctx = read_export(path)
    assert not ctx.skipped
    assert truth.planted
    for planted in truth.planted:
        same_file = [i for i in items if i.source.file == planted["file"]]
        if planted["pointer"]:
            assert any(starts_with(i.source.pointer, planted["pointer"]) for i in same_file), planted["what"]
        elif "location" in planted:
            where = (planted["location"]["lat"], planted["location"]["lon"])
            radius = planted["location"]["radius_m"]
            assert any(i.location and _metres((i.location.lat, i.location.lon), where) <= radius
                       for i in same_file), planted["what"]
        elif planted["file"].endswith(".csv"):
            assert same_file, planted["what"]  # a setting read from the whole file
        else:
            assert any(i.detail("serial") or i.detail("owner") for i in same_file), planted["what"]
