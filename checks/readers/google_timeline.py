"""Reader for Google Maps Timeline exported from the phone (2024+), Android and iOS.

Android writes one object (`Timeline.json`, with a localised file name): `semanticSegments`
(visits with HOME/WORK types, activities with start and end, `timelinePath` points),
`rawSignals` (position fixes with accuracy) and `userLocationProfile.frequentPlaces` (places
labelled HOME and WORK outright). iOS writes a top-level array (`location-history.json`) of the
same segments with `"geo:lat,lon"` strings, numbers as strings, `placeID` and path points timed
by a minute offset. Place labels come as `HOME`, `INFERRED_WORK`, `Home`, `Inferred Work`,
`Searched Address`...: the item's label is the role only ("Home" or "Work"; a searched address is
none), Google's wording and whether it was inferred are in the details. The file is streamed
(ijson), one record at a time, in bounded memory;
recognition is by content, so any file name works.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.geo_parse import parse_pair, parse_time, place_role, to_float
from checks.readers.jsonstream import READ_ERRORS, as_dict, as_text, bytes_read, open_json, reason_for, stream_at
from checks.readers.spec import FormatSpec, Sign
from checks.records import GeoPoint, Item, ItemKind, Message, Platform, msg


def _latlng(value: object) -> GeoPoint | None:
    if isinstance(value, dict):
        value = value.get("latLng") or value.get("LatLng") or value.get("point")
    return parse_pair(value)


def _labelled(semantic: object, details: list[tuple[str, str]]) -> str | None:
    """The place's role ("Home"/"Work") for `Item.label`; Google's own wording goes in `details`."""
    role, inferred = place_role(semantic)
    text = as_text(semantic, 40)
    if text and text.upper() not in ("UNKNOWN", "TYPE_UNKNOWN"):
        details.append(("semantic_type", text))
    if inferred:
        details.append(("inferred", "true"))
    return role


def segment_items(ctx: ReadContext, file: str, ptr: str, seg: dict[str, Any],
                  platform: Platform) -> Iterator[Item]:
    """Items of one semantic segment (Android or iOS shape)."""
    start = parse_time(seg.get("startTime"))
    visit = as_dict(seg.get("visit"))
    if visit:
        cand = as_dict(visit.get("topCandidate"))
        loc = _latlng(cand.get("placeLocation"))
        if loc is not None:
            details = [("source", "timeline visit")]
            place_id = as_text(cand.get("placeId") or cand.get("placeID"))
            if place_id:
                details.append(("place_id", place_id))
            end = parse_time(seg.get("endTime"))
            if start and end and end > start:
                details.append(("duration_min", str(int((end - start).total_seconds() // 60))))
            label = _labelled(cand.get("semanticType"), details)
            yield Item(platform=platform, kind=ItemKind.CHECKIN,
                       source=ctx.source(file, jp.join(ptr, "visit", "topCandidate", "placeLocation"), start),
                       location=loc, label=label, details=tuple(details))
    activity = as_dict(seg.get("activity"))
    if activity:
        begin, finish = _latlng(activity.get("start")), _latlng(activity.get("end"))
        if begin is not None or finish is not None:
            details = [("source", "timeline activity")]
            kind = as_text(as_dict(activity.get("topCandidate")).get("type"))
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
            step = as_dict(step)
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
    position = as_dict(signal.get("position"))
    if not position:
        return None
    loc = parse_pair(position.get("LatLng") or position.get("latLng"))
    if loc is None:
        return None
    acc = to_float(position.get("accuracyMeters"))
    loc = GeoPoint(loc.lat, loc.lon, acc if acc is not None and acc >= 0 else None)
    return Item(platform=platform, kind=ItemKind.LOCATION,
                source=ctx.source(file, jp.join(ptr, "position"), parse_time(position.get("timestamp"))),
                location=loc, details=(("source", as_text(position.get("source")).lower() or "raw signal"),))


def frequent_place_item(ctx: ReadContext, file: str, ptr: str, place: dict[str, Any],
                        platform: Platform) -> Item | None:
    loc = _latlng(place.get("placeLocation"))
    if loc is None:
        return None
    details = [("source", "frequent place")]
    if as_text(place.get("placeId")):
        details.append(("place_id", as_text(place.get("placeId"))))
    return Item(platform=platform, kind=ItemKind.CHECKIN, source=ctx.source(file, jp.join(ptr, "placeLocation")),
                location=loc, label=_labelled(place.get("label"), details), details=tuple(details))


_ANDROID_PREFIXES = ("semanticSegments.item", "rawSignals.item", "userLocationProfile.frequentPlaces.item")
_IOS_PREFIXES = ("item",)


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
    passes = _ANDROID_PREFIXES if shape == "android" else _IOS_PREFIXES
    damage: Message | None = None
    for number, prefix in enumerate(passes):
        count = 0
        try:
            with open_json(ctx, file) as stream:
                for _prefix, ptr, obj in stream_at(stream, [prefix]):
                    count += 1
                    if count % 2000 == 0:
                        ctx.cancel.raise_if_cancelled()
                        done = (number + min(bytes_read(stream) / size, 1.0)) / len(passes)
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
        except READ_ERRORS as exc:
            damage = damage or reason_for(exc)
    if damage:
        ctx.skip(file, damage)


class GoogleTimelineReader(Reader):
    spec = FormatSpec(
        "google-timeline", Platform.GOOGLE, expected_file="Timeline.json",
        signs=(Sign(1.0, pattern=r"\.json$", depth=1, shape="object",
                    keys=("semanticSegments", "rawSignals", "userLocationProfile")),
               Sign(0.95, pattern=r"\.json$", depth=1, shape="array", all_keys=("startTime",),
                    keys=("visit", "activity", "timelinePath"))))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        files = []
        for name in sorted(ctx.export.names()):
            if name.lower().endswith(".json"):
                shape = timeline_shape(ctx.export.read_head(name, 4096))
                if shape:
                    files.append((name, shape))
        if not files:
            ctx.note(msg("reader.google.no_timeline"))
        for index, (name, shape) in enumerate(files):
            ctx.cancel.raise_if_cancelled()
            yield from read_timeline_file(ctx, name, shape, self.platform, index / len(files), 1 / len(files))
        ctx.progress(1.0)
