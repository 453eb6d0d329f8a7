"""Reader for Google Maps Timeline exported from the phone (2024+), Android and iOS.

Android writes one object (`Timeline.json`, with a localised file name): `semanticSegments`
(visits with HOME/WORK types, activities with start and end, `timelinePath` points),
`rawSignals` (position fixes with accuracy) and `userLocationProfile.frequentPlaces` (places
labelled HOME and WORK outright). iOS writes a top-level array (`location-history.json`) of the
same segments with `"geo:lat,lon"` strings, numbers as strings, `placeID` and path points timed
by a minute offset. The file is streamed (ijson), one record at a time, in bounded memory;
recognition is by content, so any file name works.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import IO, Any

import ijson

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.exif import READ_ERRORS
from checks.readers.geo_parse import parse_pair, parse_time, to_float
from checks.records import GeoPoint, Item, ItemKind, Platform

_JSON_ERRORS = (ijson.JSONError, ijson.IncompleteJSONError, UnicodeDecodeError, ValueError, *READ_ERRORS)


class Counting:
    """A read-through stream that counts bytes, for progress by bytes."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.count = 0
        self._bom_checked = False

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        if not self._bom_checked and data:  # ijson first reads 0 bytes to learn the type
            self._bom_checked = True
            if data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
        self.count += len(data)
        return data


def stream_objects(stream: Any, prefixes: dict[str, tuple[str | int, ...]]) -> Iterator[tuple[str, str, Any]]:
    """Stream a JSON document and yield (prefix, pointer, object) for each object at `prefixes`.

    `prefixes` maps ijson prefixes ("semanticSegments.item") to the pointer segments above the
    array ("semanticSegments",); the yielded pointer ends with the element's index. Objects are
    built one at a time, so memory stays bounded however large the file is.
    """
    if len(prefixes) == 1:  # one array: ijson builds the objects in C, several times faster
        (only, segments), = prefixes.items()
        for index, obj in enumerate(ijson.items(stream, only, use_float=True)):
            yield only, jp.pointer(*segments, index), obj
        return
    counters: dict[str, int] = {}
    builder: ijson.ObjectBuilder | None = None
    current = ""
    depth = 0
    for prefix, event, value in ijson.parse(stream, use_float=True):
        if builder is not None:
            builder.event(event, value)
            if event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1
            if depth == 0:
                index = counters.get(current, 0)
                counters[current] = index + 1
                yield current, jp.pointer(*prefixes[current], index), builder.value
                builder = None
            continue
        if prefix in prefixes:
            if event in ("start_map", "start_array"):
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
                current = prefix
                depth = 1
            elif event not in ("end_map", "end_array"):
                index = counters.get(prefix, 0)
                counters[prefix] = index + 1
                yield prefix, jp.pointer(*prefixes[prefix], index), value


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: object) -> str:
    return value.strip()[:300] if isinstance(value, str) else ""


def _latlng(value: object) -> GeoPoint | None:
    if isinstance(value, dict):
        value = value.get("latLng") or value.get("LatLng") or value.get("point")
    return parse_pair(value)


def _label(semantic: object) -> str | None:
    text = _str(semantic)
    if not text or text.upper() in ("UNKNOWN", "TYPE_UNKNOWN"):
        return None
    return text


def segment_items(ctx: ReadContext, file: str, ptr: str, seg: dict[str, Any],
                  platform: Platform) -> Iterator[Item]:
    """Items of one semantic segment (Android or iOS shape)."""
    start = parse_time(seg.get("startTime"))
    visit = _dict(seg.get("visit"))
    if visit:
        cand = _dict(visit.get("topCandidate"))
        loc = _latlng(cand.get("placeLocation"))
        if loc is not None:
            details = [("source", "timeline visit")]
            place_id = _str(cand.get("placeId") or cand.get("placeID"))
            if place_id:
                details.append(("place_id", place_id))
            end = parse_time(seg.get("endTime"))
            if start and end and end > start:
                details.append(("duration_min", str(int((end - start).total_seconds() // 60))))
            yield Item(platform=platform, kind=ItemKind.CHECKIN,
                       source=ctx.source(file, jp.join(ptr, "visit", "topCandidate", "placeLocation"), start),
                       location=loc, label=_label(cand.get("semanticType")), details=tuple(details))
    activity = _dict(seg.get("activity"))
    if activity:
        begin, finish = _latlng(activity.get("start")), _latlng(activity.get("end"))
        if begin is not None or finish is not None:
            details = [("source", "timeline activity")]
            kind = _str(_dict(activity.get("topCandidate")).get("type"))
            if kind:
                details.append(("activity_type", kind.lower()))
            distance = to_float(activity.get("distanceMeters"))
            if distance is not None:
                details.append(("distance_m", f"{distance:.0f}"))
            yield Item(platform=platform, kind=ItemKind.ACTIVITY,
                       source=ctx.source(file, jp.join(ptr, "activity"), start),
                       location=begin or finish, end_location=finish if begin is not None else None,
                       details=tuple(details))
    path = seg.get("timelinePath")
    if isinstance(path, list):
        for j, step in enumerate(path):
            step = _dict(step)
            loc = _latlng(step.get("point"))
            if loc is None:
                continue
            when = parse_time(step.get("time"))
            offset = to_float(step.get("durationMinutesOffsetFromStartTime"))
            if when is None and start is not None and offset is not None and 0 <= offset < 60 * 24 * 366:
                when = start + timedelta(minutes=offset)
            yield Item(platform=platform, kind=ItemKind.LOCATION,
                       source=ctx.source(file, jp.join(ptr, "timelinePath", j), when), location=loc,
                       details=(("source", "timeline path"),))


def raw_signal_item(ctx: ReadContext, file: str, ptr: str, signal: dict[str, Any],
                    platform: Platform) -> Item | None:
    position = _dict(signal.get("position"))
    if not position:
        return None
    loc = parse_pair(position.get("LatLng") or position.get("latLng"))
    if loc is None:
        return None
    acc = to_float(position.get("accuracyMeters"))
    loc = GeoPoint(loc.lat, loc.lon, acc if acc is not None and acc >= 0 else None)
    return Item(platform=platform, kind=ItemKind.LOCATION,
                source=ctx.source(file, jp.join(ptr, "position"), parse_time(position.get("timestamp"))),
                location=loc, details=(("source", _str(position.get("source")).lower() or "raw signal"),))


def frequent_place_item(ctx: ReadContext, file: str, ptr: str, place: dict[str, Any],
                        platform: Platform) -> Item | None:
    loc = _latlng(place.get("placeLocation"))
    if loc is None:
        return None
    details = [("source", "frequent place")]
    if _str(place.get("placeId")):
        details.append(("place_id", _str(place.get("placeId"))))
    return Item(platform=platform, kind=ItemKind.CHECKIN, source=ctx.source(file, jp.join(ptr, "placeLocation")),
                location=loc, label=_label(place.get("label")), details=tuple(details))


_ANDROID_PREFIXES: dict[str, tuple[str | int, ...]] = {
    "semanticSegments.item": ("semanticSegments",),
    "rawSignals.item": ("rawSignals",),
    "userLocationProfile.frequentPlaces.item": ("userLocationProfile", "frequentPlaces"),
}
_IOS_PREFIXES: dict[str, tuple[str | int, ...]] = {"item": ()}


def timeline_shape(head: bytes) -> str | None:
    """"android", "ios" or None, from a file's first bytes."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{") and re.search(rb'"(semanticSegments|rawSignals|userLocationProfile)"\s*:', text[:4096]):
        return "android"
    if text.startswith(b"[") and b'"startTime"' in text and (
            b'"geo:' in text or b'"visit"' in text or b'"activity"' in text or b'"timelinePath"' in text):
        return "ios"
    if text.startswith(b"[") and text[1:].lstrip().startswith(b"]"):
        return "ios"
    return None


def read_timeline_file(ctx: ReadContext, file: str, shape: str, platform: Platform,
                       base: float = 0.0, share: float = 1.0) -> Iterator[Item]:
    """Items of one on-device Timeline file; damage becomes a skip, keeping what was read.

    The Android object is read in one pass per array (segments, raw signals, frequent places):
    ijson builds each array's objects in C, which is about twice as fast as one pass in Python.
    """
    member = ctx.export.member(file)
    size = max(member.size if member else 1, 1)
    passes = list(_ANDROID_PREFIXES.items()) if shape == "android" else list(_IOS_PREFIXES.items())
    damage: str | None = None
    for number, (prefix, segments) in enumerate(passes):
        count = 0
        try:
            with ctx.export.open(file) as raw:
                stream = Counting(raw)
                for _prefix, ptr, obj in stream_objects(stream, {prefix: segments}):
                    count += 1
                    if count % 2000 == 0:
                        ctx.cancel.raise_if_cancelled()
                        done = (number + min(stream.count / size, 1.0)) / len(passes)
                        ctx.progress(base + share * done, file)
                    if not isinstance(obj, dict):
                        continue
                    if prefix.startswith("rawSignals"):
                        item = raw_signal_item(ctx, file, ptr, obj, platform)
                        if item is not None:
                            yield item
                    elif prefix.startswith("userLocationProfile"):
                        item = frequent_place_item(ctx, file, ptr, obj, platform)
                        if item is not None:
                            yield item
                    else:
                        yield from segment_items(ctx, file, ptr, obj, platform)
        except _JSON_ERRORS as exc:
            damage = damage or _why(exc)
    if damage:
        ctx.skip(file, f"the rest of this file could not be read ({damage})")


def _why(exc: BaseException) -> str:
    if isinstance(exc, (ijson.JSONError, ijson.IncompleteJSONError, ValueError)):
        return "damaged or incomplete JSON"
    if isinstance(exc, UnicodeDecodeError):
        return "not valid UTF-8 text"
    return f"{type(exc).__name__}"


class GoogleTimelineReader(Reader):
    format = "google-timeline"
    platform = Platform.GOOGLE
    title = "Google Maps Timeline (on-device export)"

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        files = []
        for name in sorted(ctx.export.names()):
            if name.lower().endswith(".json"):
                shape = timeline_shape(ctx.export.read_head(name, 4096))
                if shape:
                    files.append((name, shape))
        if not files:
            ctx.note("No Timeline data was found in this export.")
        for index, (name, shape) in enumerate(files):
            ctx.cancel.raise_if_cancelled()
            yield from read_timeline_file(ctx, name, shape, self.platform, index / len(files), 1 / len(files))
        ctx.progress(1.0)
