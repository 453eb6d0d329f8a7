"""Reader for the Strava bulk export: activities with start and end points, profile, privacy zones.

`activities.csv` is read by header name (columns are appended over the years; where a name is
repeated the later column wins, as it is the more precise one). Each activity's file
(`activities/<id>.gpx|.tcx|.fit`, or the same `.gz`) gives the start and end points (an
ACTIVITY item) and a thinned track (a LOCATION item about every 200 m), so the places analysis
can see where runs and rides begin, end and go, in bounded memory. `profile.csv` gives the
city; `privacy_zones.csv` and `visibility_settings.csv` give settings that may already be done.
"""

from __future__ import annotations

import gzip
import io
import math
import struct
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any, cast
from xml.etree.ElementTree import Element, XMLPullParser

import fitdecode

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.csvstream import first_row, get, rows, value
from checks.readers.exif import photo_item
from checks.readers.geo_parse import parse_pair, parse_time, point, to_float
from checks.readers.jsonstream import READ_ERRORS, reason_for
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, GeoPoint, Item, ItemKind, Platform, ProfileField, SettingName, msg

TRACK_SPACING_M = 200.0
_SEMICIRCLE = 180.0 / 2**31


@dataclass(frozen=True)
class TrackPoint:
    lat: float
    lon: float
    time: datetime | None


def _distance_m(a: TrackPoint, b: TrackPoint) -> float:
    r = 6_371_000.0
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_points(stream: IO[bytes], kind: str) -> Iterator[TrackPoint]:
    """Track points of a GPX or TCX file, parsed incrementally (no entity expansion)."""
    parser: XMLPullParser = XMLPullParser(events=("end",))
    lat: float | None = None
    lon: float | None = None
    when: datetime | None = None
    while True:
        chunk = stream.read(256 * 1024)
        if not chunk:
            break
        if b"<!ENTITY" in chunk:
            raise ValueError("the file declares XML entities, which activity files never do")
        parser.feed(chunk)
        for _event, elem in cast(Iterator[tuple[str, Any]], parser.read_events()):
            if not isinstance(elem, Element):
                continue
            tag = _local(elem.tag)
            if kind == "gpx":
                if tag == "time":
                    when = parse_time((elem.text or "").strip())
                elif tag in ("trkpt", "rtept"):
                    p = point(to_float(elem.get("lat")), to_float(elem.get("lon")))
                    if p is not None:
                        yield TrackPoint(p.lat, p.lon, when)
                    elem.clear()
            else:
                if tag == "LatitudeDegrees":
                    lat = to_float(elem.text)
                elif tag == "LongitudeDegrees":
                    lon = to_float(elem.text)
                elif tag == "Time":
                    when = parse_time((elem.text or "").strip())
                elif tag == "Trackpoint":
                    p = point(lat, lon)
                    if p is not None:
                        yield TrackPoint(p.lat, p.lon, when)
                    lat = lon = None
                    elem.clear()
    parser.close()


def _fit_points(stream: IO[bytes]) -> Iterator[TrackPoint]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fitdecode's notes about odd definitions
        yield from _fit_records(stream)


def _fit_records(stream: IO[bytes]) -> Iterator[TrackPoint]:
    with fitdecode.FitReader(stream, check_crc=fitdecode.CrcCheck.DISABLED) as fit:
        for frame in fit:
            if not isinstance(frame, fitdecode.FitDataMessage) or frame.name != "record":
                continue
            lat = frame.get_value("position_lat", fallback=None)
            lon = frame.get_value("position_long", fallback=None)
            if lat is None or lon is None:
                continue
            flat, flon = to_float(lat), to_float(lon)
            if flat is None or flon is None:
                continue
            p = point(flat * _SEMICIRCLE, flon * _SEMICIRCLE)
            if p is None:
                continue
            when = frame.get_value("timestamp", fallback=None)
            if isinstance(when, datetime) and when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            yield TrackPoint(p.lat, p.lon, when if isinstance(when, datetime) else None)


def track_points(stream: IO[bytes], name: str) -> Iterator[TrackPoint]:
    """Track points of an activity file by its name: .gpx, .tcx, .fit, each optionally .gz."""
    low = name.lower()
    if low.endswith(".gz"):
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=stream))
        low = low[:-3]
    if low.endswith(".gpx"):
        yield from _xml_points(stream, "gpx")
    elif low.endswith(".tcx"):
        yield from _xml_points(_strip_leading_space(stream), "tcx")
    elif low.endswith(".fit"):
        yield from _fit_points(stream)


class _Stripped(io.RawIOBase):
    """TCX files from Garmin often start with spaces before `<?xml`, which XML parsers refuse."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.started = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        if not self.started:
            while data and not data.lstrip():
                data = self.inner.read(size)
            data = data.lstrip()
            self.started = True
        return data


def _strip_leading_space(stream: IO[bytes]) -> IO[bytes]:
    return _Stripped(stream)  # type: ignore[return-value]


# fitdecode raises struct.error and fails its own asserts on some damaged .fit files (fuzzing found both).
_TRACK_ERRORS = (*READ_ERRORS, ValueError, SyntaxError, LookupError, gzip.BadGzipFile, zlib.error,
                 fitdecode.FitError, UnicodeDecodeError, IndexError, TypeError, struct.error, AssertionError)


def _csv_ptr(row: int, column: str) -> str:
    return jp.pointer(row, column)


# activities.csv columns by meaning: the 2020+ names, then the lower-case ones of 2018 exports.
_COLUMNS = {
    "id": ("Activity ID", "id"), "date": ("Activity Date", "date"), "name": ("Activity Name", "name"),
    "type": ("Activity Type", "type"), "description": ("Activity Description", "description"),
    "distance": ("Distance", "distance"), "commute": ("Commute", "commute"), "filename": ("Filename", "filename"),
}


def distance_factor(header: list[str]) -> float:
    """Metres per unit of the `Distance` value a row keeps (the later column where it repeats).

    2018 exports have one lower-case `distance` in metres; later exports repeat `Distance`, first
    in kilometres then in metres, and the later column wins; a lone capitalised `Distance` is in
    kilometres.
    """
    if "distance" in header:
        return 1.0
    return 1.0 if header.count("Distance") > 1 else 1000.0


class _Activity:
    """One row of activities.csv, read by meaning whatever the export's year."""

    def __init__(self, row: dict[str, str], metres: float) -> None:
        self.row = row
        self.when = parse_time(self.get("date"))
        self.filename = self.get("filename")
        distance = to_float(self.get("distance").replace(",", ""))
        facts = [("activity_type", self.get("type")), ("activity_name", self.get("name")),
                 ("activity_id", self.get("id"))]
        if distance is not None:
            facts.append(("distance_m", f"{distance * metres:.0f}"))
        if self.get("commute").lower() in ("true", "1"):
            facts.append(("commute", "true"))
        self.details = tuple((k, v[:300]) for k, v in facts if v)

    def get(self, meaning: str) -> str:
        return value(self.row, *_COLUMNS[meaning])

    def column(self, meaning: str) -> str:
        return get(self.row, *_COLUMNS[meaning])[0]


class StravaReader(Reader):
    spec = FormatSpec(
        "strava", Platform.STRAVA,
        signs=(Sign(1.0, paths=("activities.csv",), also=(
                   Sign(0, paths=("profile.csv",)),
                   Sign(0, pattern=r"(^|/)activities/[^/\n]+\.(gpx|tcx|fit)(\.gz)?$"))),
               Sign(0.9, paths=("activities.csv",), header=("Activity ID", "Activity Date", "Activity Name")),
               Sign(0.9, paths=("activities.csv",), header=("id", "date", "name", "type")),
               Sign(0.6, paths=("activities.csv",))),
        folders=("activities",), expected_file="activities.csv")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        yield from self._profile(ctx)
        yield from self._privacy_zones(ctx)
        yield from self._visibility(ctx)
        yield from self._activities(ctx)
        for name in sorted(ctx.export.names()):
            low = name.lower()
            if (low.startswith("media/") or "/media/" in low or low.endswith("profile.jpg")) and low.endswith(
                    (".jpg", ".jpeg", ".png", ".heic", ".webp")):
                ctx.cancel.raise_if_cancelled()
                item = photo_item(ctx, name, self.platform, "Strava media")
                if item is not None:
                    yield item
        ctx.progress(1.0)

    def _first(self, ctx: ReadContext, suffix: str) -> str | None:
        found = sorted(ctx.export.find(suffix), key=lambda m: m.name.count("/"))
        return found[0].name if found else None

    def _profile(self, ctx: ReadContext) -> Iterator[Item]:
        name = self._first(ctx, "profile.csv")
        if name is None:
            return
        # Today's column names, then the 2018 ones (lower case, no spaces)
        fields = ((("City",), ProfileField.CITY), (("State",), ProfileField.CITY), (("Country",), ProfileField.OTHER),
                  (("First Name", "firstname"), ProfileField.NAME), (("Last Name", "lastname"), ProfileField.NAME),
                  (("Email Address", "email"), ProfileField.EMAIL), (("Description",), ProfileField.BIO))
        for index, row in rows(ctx, name):
            for columns, fld in fields:
                column, text = get(row, *columns)
                if text:
                    yield Item(self.platform, ItemKind.PROFILE_FIELD, ctx.source(name, _csv_ptr(index, column)),
                               text=text[:1000], field=fld, details=(("column", column),))

    def _privacy_zones(self, ctx: ReadContext) -> Iterator[Item]:
        name = self._first(ctx, "privacy_zones.csv")
        if name is None:
            return
        count = 0
        largest: float | None = None
        for index, row in rows(ctx, name):
            count += 1
            radius = _zone_radius(row)
            if radius is not None:
                largest = radius if largest is None else max(largest, radius)
            item = self._zone(ctx, name, index, row, radius)
            if item is not None:
                yield item
        yield Item(self.platform, ItemKind.SETTING, ctx.source(name), text=str(count),
                   field=SettingName.PRIVACY_ZONES)
        if largest is not None:
            yield Item(self.platform, ItemKind.SETTING, ctx.source(name), text=f"{largest:.0f}",
                       field=SettingName.PRIVACY_ZONE_RADIUS_M)

    def _zone(self, ctx: ReadContext, name: str, index: int, row: dict[str, str], radius: float | None) -> Item | None:
        loc = point(to_float(value(row, "latitude", "lat")), to_float(value(row, "longitude", "lng", "lon")))
        address_col = next((c for c in row if "address" in c.lower()), None)
        if loc is None and address_col:
            loc = parse_pair(row[address_col])
        if loc is None and not (address_col and row[address_col].strip()):
            return None
        col = address_col or next(iter(row))
        return Item(self.platform, ItemKind.CHECKIN, ctx.source(name, _csv_ptr(index, col)),
                    text="" if loc else row.get(col, "")[:300], location=loc, label="Privacy zone",
                    details=(("source", "strava privacy zone"),)
                    + ((("radius_m", f"{radius:.0f}"),) if radius is not None else ()))

    def _visibility(self, ctx: ReadContext) -> Iterator[Item]:
        name = self._first(ctx, "visibility_settings.csv")
        if name is None:
            return
        for index, row in rows(ctx, name):
            headers = list(row)
            if len(headers) == 2 and headers[0].lower() in ("setting", "name", "visibility setting", "key"):
                pairs = [(row[headers[0]], row[headers[1]], headers[1])]
            else:
                pairs = [(column, cell, column) for column, cell in row.items()]
            for label, cell, column in pairs:
                setting = _visibility_setting(label)
                if setting is not None and cell.strip():
                    yield Item(self.platform, ItemKind.SETTING, ctx.source(name, _csv_ptr(index, column)),
                               text=_audience_value(cell), field=setting, details=(("column", label),))

    def _activities(self, ctx: ReadContext) -> Iterator[Item]:
        name = self._first(ctx, "activities.csv")
        if name is None:
            ctx.note(msg("reader.strava.no_activities"))
            return
        root = name[: -len("activities.csv")]
        metres = distance_factor(first_row(ctx, name))
        total = sum(1 for n in ctx.export.names() if "/activities/" in "/" + n.lower()) or 1
        seen = 0
        missing: list[str] = []
        listed = 0
        for index, row in rows(ctx, name, expected="Activity ID, Activity Date, Filename"):
            activity = _Activity(row, metres)
            if activity.get("description"):
                src = ctx.source(name, _csv_ptr(index, activity.column("description")), activity.when)
                yield Item(self.platform, ItemKind.POST, src, text=activity.get("description")[:5000],
                           details=activity.details)
            filename = activity.filename
            member = None
            if filename and filename != "#error#":
                listed += 1
                member = ctx.export.member(root + filename) or ctx.export.member(filename)
                if member is None:
                    missing.append(root + filename)
            tracked = False
            if member is not None:
                seen += 1
                ctx.progress(min(seen / total, 0.99), member.name)
                for item in self._track(ctx, member.name, name, index, activity.when, activity.details):
                    tracked = tracked or item.kind is ItemKind.ACTIVITY
                    yield item
            if not tracked:  # a manual activity, a file not given or unreadable: the row itself
                yield self._row_activity(ctx, name, index, activity)
        self._report_missing(ctx, name, missing, listed)

    def _row_activity(self, ctx: ReadContext, name: str, index: int, activity: _Activity) -> Item:
        """An activity known only from its activities.csv row: name, time, type, distance; no route."""
        column = activity.column("name") or activity.column("id")
        return Item(self.platform, ItemKind.ACTIVITY, ctx.source(name, _csv_ptr(index, column), activity.when),
                    text=activity.get("name")[:300], audience=Audience.UNKNOWN,
                    details=(*activity.details, ("route", "none in the export")))

    @staticmethod
    def _report_missing(ctx: ReadContext, name: str, missing: list[str], listed: int) -> None:
        """One note when no activity file came with activities.csv (the CSV alone, or the files left
        out); a skip for each missing file when only some are missing (the export is damaged)."""
        if not missing:
            return
        if len(missing) == listed:
            ctx.note(msg("reader.strava.files_not_given", file=name, count=len(missing)))
            return
        for file in missing:
            ctx.skip(file, msg("reader.strava.file_missing"))

    def _track(self, ctx: ReadContext, file: str, csv_name: str, row: int, when: datetime | None,
               details: tuple[tuple[str, str], ...]) -> Iterator[Item]:
        first: TrackPoint | None = None
        last: TrackPoint | None = None
        anchor: TrackPoint | None = None
        count = 0
        try:
            with ctx.export.open(file) as stream:
                for tp in track_points(stream, file):
                    if first is None:
                        first = anchor = tp
                    elif anchor is not None and _distance_m(anchor, tp) >= TRACK_SPACING_M:
                        anchor = tp
                        yield Item(self.platform, ItemKind.LOCATION,
                                   ctx.source(file, f"/track/0/point/{count}", tp.time),
                                   location=GeoPoint(tp.lat, tp.lon),
                                   details=(("source", "strava track"),))
                    last = tp
                    count += 1
                    if count % 5000 == 0:
                        ctx.cancel.raise_if_cancelled()
        except _TRACK_ERRORS as exc:
            ctx.skip(file, msg("reader.strava.track_unreadable", reason=reason_for(exc)))
        if first is None or last is None:
            return
        yield Item(self.platform, ItemKind.ACTIVITY,
                   ctx.source(file, "/track/0/point/0", first.time or when),
                   text=dict(details).get("activity_name", ""),
                   location=GeoPoint(first.lat, first.lon), end_location=GeoPoint(last.lat, last.lon),
                   audience=Audience.UNKNOWN,
                   details=(*details, ("csv_row", f"{csv_name}#{row}"), ("points", str(count))))


def _visibility_setting(column: str) -> SettingName | None:
    low = column.lower()
    if "activit" in low and ("visib" in low or "privacy" in low or "who can see" in low or low == "activities"):
        return SettingName.ACTIVITY_VISIBILITY
    if "profile" in low and ("visib" in low or "page" in low or "privacy" in low):
        return SettingName.PROFILE_VISIBILITY
    return None


def _zone_radius(row: dict[str, str]) -> float | None:
    radius = None
    for column, cell in row.items():
        low = column.lower()
        if "radius" in low or "range" in low:
            radius = to_float(cell.replace("m", "").strip()) if cell else None
    return radius


def _audience_value(text: str) -> str:
    low = text.strip().lower()
    if low in ("everyone", "public", "all"):
        return "everyone"
    if low in ("followers", "followers_only", "followers only", "friends"):
        return "followers"
    if low in ("only_me", "only me", "private", "me", "only you"):
        return "only_me"
    return low[:40]

