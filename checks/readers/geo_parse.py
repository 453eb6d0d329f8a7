"""Tolerant parsing of the coordinate and time strings that location exports use.

Exports write positions in many shapes: Google's E7 integers (with an int32 overflow in some
files), the on-device Timeline's `"51.4389°, -0.0520°"` and iOS `"geo:51.4389,-0.0520"`,
Snapchat's `"lat 51.43 ± 4 meters, long -0.05 ± 4 meters"` and `"Latitude, Longitude: 51.43,
-0.05"`, XMP's `"51,26.334N"`. Every parser here returns None for anything it cannot read or
for the "no location" value 0,0, so readers never have to guard against bad data themselves.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

from checks.records import GeoPoint

_NUM = r"[-+]?\d{1,3}(?:\.\d+)?"


def valid(lat: float | None, lon: float | None) -> bool:
    """A real position: finite, in range, and not the 0,0 that exports use for "none"."""
    if lat is None or lon is None:
        return False
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return False
    return not (abs(lat) < 1e-9 and abs(lon) < 1e-9)


def point(lat: float | None, lon: float | None, accuracy_m: float | None = None) -> GeoPoint | None:
    """A GeoPoint when the position is valid, else None."""
    if lat is None or lon is None or not valid(lat, lon):
        return None
    acc = accuracy_m if accuracy_m is not None and math.isfinite(accuracy_m) and accuracy_m >= 0 else None
    return GeoPoint(float(lat), float(lon), acc)


def to_float(value: object) -> float | None:
    """A number from an int, float, Decimal (ijson) or numeric string; None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        out = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return out if math.isfinite(out) else None


def from_e7(lat_e7: object, lon_e7: object, accuracy: object = None) -> GeoPoint | None:
    """Google's E7 integers, fixing the int32 overflow seen in some Records.json files."""
    lat = to_float(lat_e7)
    lon = to_float(lon_e7)
    if lat is None or lon is None:
        return None
    if lat > 900_000_000:
        lat -= 2**32
    if lon > 1_800_000_000:
        lon -= 2**32
    return point(lat / 1e7, lon / 1e7, to_float(accuracy))


_DEGREE_PAIR = re.compile(rf"^\s*(?:geo:)?\s*({_NUM})\s*°?\s*,\s*({_NUM})\s*°?\s*$", re.I)
_SNAP_LAT_LONG = re.compile(
    rf"lat(?:itude)?\s*:?\s*({_NUM})(?:\s*±\s*({_NUM})\s*m(?:eters|etres)?)?\s*,?\s*"
    rf"(?:long|lng|lon)(?:gitude)?\s*:?\s*({_NUM})", re.I)
_PLUS_MINUS_PAIR = re.compile(
    rf"({_NUM})\s*±\s*({_NUM})\s*m(?:eters|etres)?\s*,\s*({_NUM})(?:\s*±\s*{_NUM}\s*m(?:eters|etres)?)?", re.I)
_LABELLED_PAIR = re.compile(rf"latitude\s*,\s*longitude\s*:?\s*({_NUM})\s*,\s*({_NUM})", re.I)
# Both numbers with decimals, each whole: "-0.041.4452" (damaged) is not read as a number.
_LOOSE_PAIR = re.compile(r"(?<![\d.])([-+]?\d{1,3}\.\d+)(?![\d.])\s*°?\s*,\s*([-+]?\d{1,3}\.\d+)(?![\d.])")


def parse_pair(text: object) -> GeoPoint | None:
    """A position from any of the coordinate strings exports write (see the module docstring)."""
    if not isinstance(text, str) or not text.strip() or len(text) > 500:
        return None
    m = _DEGREE_PAIR.match(text)
    if m:
        return point(float(m.group(1)), float(m.group(2)))
    m = _SNAP_LAT_LONG.search(text)
    if m:
        return point(float(m.group(1)), float(m.group(3)), float(m.group(2)) if m.group(2) else None)
    m = _PLUS_MINUS_PAIR.search(text)
    if m:
        return point(float(m.group(1)), float(m.group(3)), float(m.group(2)))
    m = _LABELLED_PAIR.search(text)
    if m:
        return point(float(m.group(1)), float(m.group(2)))
    m = _LOOSE_PAIR.search(text)
    if m:
        return point(float(m.group(1)), float(m.group(2)))
    return None


_XMP_DM = re.compile(r"^\s*(\d{1,3})\s*,\s*(\d{1,2}(?:\.\d+)?)(?:\s*,\s*(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*$", re.I)


def parse_xmp_coordinate(text: str) -> float | None:
    """XMP `exif:GPSLatitude` values: "51,26.334N", "51,26,20.04N" or a signed decimal."""
    m = _XMP_DM.match(text)
    if m:
        value = float(m.group(1)) + float(m.group(2)) / 60 + (float(m.group(3)) / 3600 if m.group(3) else 0.0)
        return -value if m.group(4).upper() in "SW" else value
    return to_float(text.strip())


# -- times ------------------------------------------------------------------------------------

_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S %Z",  # Snapchat 2023-10-12 15:30:00 UTC
    "%Y/%m/%d %H:%M:%S %Z",  # Snapchat older location history
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %Z",
    "%Y-%m-%d",
    "%b %d, %Y, %I:%M:%S %p",  # Strava Oct 7, 2020, 2:43:11 PM
    "%b %d, %Y %I:%M:%S %p",
    "%d %b %Y, %H:%M:%S",  # Strava in some locales
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def from_epoch(value: object, unit: str = "s") -> datetime | None:
    """A UTC time from Unix seconds or milliseconds (number or numeric string); 0 = unknown."""
    number = to_float(value)
    if number is None or number <= 0:
        return None
    if unit == "ms":
        number /= 1000.0
    try:
        return _EPOCH + timedelta(seconds=number)
    except OverflowError:
        return None


def parse_time(value: object) -> datetime | None:
    """A tz-aware UTC time from ISO 8601, the platforms' own formats, or epoch numbers."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_epoch(value, "ms" if value > 1e11 else "s")
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    if text.isascii() and text.isdigit():  # not "²" or other Unicode digits int() refuses
        return from_epoch(int(text), "ms" if len(text) > 11 else "s")
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = None
        for fmt in _TIME_FORMATS:
            try:
                moment = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# -- place labels -----------------------------------------------------------------------------

def place_role(semantic: object) -> tuple[str | None, bool]:
    """The role a platform's place label gives ("Home", "Work" or None) and whether it was inferred.

    Google writes the same labels several ways: `HOME`, `INFERRED_HOME` (Android Timeline),
    `Home`, `Inferred Home` (iPhone Timeline), `TYPE_HOME` (Takeout), and `WORK` alike. A
    searched address, an aliased location or "unknown" is no role: the person does not live or
    work there because they looked it up.
    """
    if not isinstance(semantic, str):
        return None, False
    words = semantic.strip().lower().replace("_", " ").split()
    if words[:1] == ["type"]:
        words = words[1:]
    inferred = words[:1] == ["inferred"]
    if inferred:
        words = words[1:]
    role = {"home": "Home", "work": "Work"}.get(" ".join(words))
    return role, inferred and role is not None
