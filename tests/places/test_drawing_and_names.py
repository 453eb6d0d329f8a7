"""Places are named offline and drawn locally: no coordinate is ever sent anywhere."""

from __future__ import annotations

import socket
import xml.etree.ElementTree as ET

import pytest

from checks.places.drawing import Mark, relative_svg
from checks.places.gazetteer import near
from checks.places.geo import haversine_m, move, offset_m


def test_near_names_a_london_district_and_a_holiday_island(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the gazetteer must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert near(51.4402, -0.0485) is not None and near(51.4402, -0.0485).startswith("near ")
    assert "Greater London" in (near(51.4402, -0.0485) or "")
    assert "Spain" in (near(28.0997, -16.6810) or "") or "Canary" in (near(28.0997, -16.6810) or "")


def test_near_says_nothing_in_the_middle_of_the_ocean() -> None:
    assert near(-48.0, -123.0) is None


def test_offsets_and_moves_agree() -> None:
    lat, lon = move(51.5, -0.1, 300, -400)
    east, north = offset_m(51.5, -0.1, lat, lon)
    assert abs(east - 300) < 1 and abs(north + 400) < 1
    assert abs(haversine_m(51.5, -0.1, lat, lon) - 500) < 1


def test_the_drawing_is_valid_svg_with_one_mark_per_item() -> None:
    marks = [Mark(*move(51.5, -0.1, 30 * i, -20 * i), "photo") for i in range(5)]
    svg = relative_svg(51.5, -0.1, 40, marks)
    root = ET.fromstring(svg)
    circles = root.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 1 + len(marks)
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing to fetch
