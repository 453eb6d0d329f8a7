"""Small geodesy helpers: distances, local offsets in metres, and the local time of a fix."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

EARTH_RADIUS_M = 6_371_008.8
_UK = ZoneInfo("Europe/London")


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def offset_m(lat0: float, lon0: float, lat: float, lon: float) -> tuple[float, float]:
    """(east, north) metres of (lat, lon) from (lat0, lon0): an equirectangular approximation."""
    east = math.radians(lon - lon0) * EARTH_RADIUS_M * math.cos(math.radians((lat + lat0) / 2))
    north = math.radians(lat - lat0) * EARTH_RADIUS_M
    return east, north


def move(lat: float, lon: float, east_m: float, north_m: float) -> tuple[float, float]:
    """The point `east_m`, `north_m` metres from (lat, lon)."""
    dlat = math.degrees(north_m / EARTH_RADIUS_M)
    dlon = math.degrees(east_m / (EARTH_RADIUS_M * math.cos(math.radians(lat))))
    return lat + dlat, lon + dlon


def in_uk_or_ireland(lat: float, lon: float) -> bool:
    return 49.8 <= lat <= 61.0 and -10.7 <= lon <= 1.9


def local_time(moment: datetime, lat: float, lon: float) -> datetime:
    """The wall-clock time where the fix was: UK time in the UK and Ireland, solar time elsewhere."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    if in_uk_or_ireland(lat, lon):
        return moment.astimezone(_UK)
    return (moment.astimezone(timezone.utc) + timedelta(hours=round(lon / 15))).replace(tzinfo=None)


def valid_point(lat: float, lon: float) -> bool:
    """A usable coordinate: in range, finite, and not the 0,0 'no position' placeholder."""
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return False
    return not (abs(lat) < 1e-6 and abs(lon) < 1e-6)
