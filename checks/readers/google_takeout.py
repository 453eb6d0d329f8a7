"""Reader for Google Takeout: Location History, Maps places and reviews, Photos sidecars and media.

* `Records.json` (also the pre-2017 `Location History.json`/`LocationHistory.json` and localised
  names): raw fixes with E7 coordinates (the int32 overflow is fixed), `timestamp` or
  `timestampMs`, `accuracy`. Streamed with ijson, one fix at a time: a 1 GB file is read in
  bounded memory and items are yielded as they are read.
* Semantic Location History month files: `placeVisit` (place name, address, `semanticType`
  TYPE_HOME/TYPE_WORK as the label) and `activitySegment` start/end points.
* Maps: labelled places (Home/Work by name), saved places and reviews (GeoJSON).
* My Activity: the area Google recorded for an activity (`locationInfos`), labelled Home/Work
  when Google says the area came "From your places (Home)".
* Google Photos: per-photo sidecars (`.json`, `.supplemental-metadata.json` and its truncated
  forms, `(N)` duplicate counters) paired with the media files, whose own EXIF is read too.
* An on-device Timeline file found inside Takeout is read like the Timeline reader does.

Folder and file names are translated in non-English accounts, so every JSON file is recognised
by its content (its first bytes), not only by its name.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import ijson

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.exif import PHOTO_SUFFIXES, PhotoError, meta_details, photo_item, read_member_meta
from checks.readers.geo_parse import from_e7, from_epoch, parse_time, place_role, point, to_float
from checks.readers.google_timeline import read_timeline_file, timeline_shape
from checks.readers.jsonstream import (
    READ_ERRORS,
    as_dict,
    as_text,
    bytes_read,
    load_small,
    open_json,
    reason_for,
    stream_at,
)
from checks.readers.spec import FormatSpec, Sign
from checks.readers.youtube import in_youtube, read_youtube
from checks.records import Audience, GeoPoint, Item, ItemKind, Platform, Source, msg

_SLH_MONTH = (r"(^|/)\d{4}_(january|february|march|april|may|june|july|august|september|october|november"
              r"|december)\.json$")
MAX_SMALL_JSON = 64 * 1024 * 1024  # sidecars, places files: far smaller in real exports
_VIDEO_SUFFIXES = (".mp4", ".mov", ".3gp", ".m4v", ".avi", ".mkv")
_MEDIA_SUFFIXES = (*PHOTO_SUFFIXES, ".gif", *_VIDEO_SUFFIXES)
_LABELLED_WORDS = ("label", "etiquet", "beschrift", "etichett", "rotul", "gelabeld", "libell")


def classify(head: bytes, name: str) -> str | None:
    """What a Takeout JSON file holds, from its first bytes (names are localised)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    low = name.lower()
    if re.match(rb'\{\s*"locations"\s*:', text):
        return "records"
    if re.match(rb'\{\s*"timelineObjects"\s*:', text):
        return "semantic"
    shape = timeline_shape(text)
    if shape:
        return "timeline-" + shape
    if text.startswith(b"[") and b'"header"' in text and b'"time"' in text and b'"title"' in text:
        return "myactivity"
    if b'"FeatureCollection"' in text or re.match(rb'\{\s*"features"\s*:', text):
        return "geojson"
    if b'"photoTakenTime"' in text or b'"geoDataExif"' in text or (
            b'"creationTime"' in text and b'"title"' in text and low.endswith(".json")
            and re.search(r"\.(jpe?g|png|heic|heif|gif|mp4|mov|webp|tiff?|dng|3gp|m4v)", low)):
        return "sidecar"
    if low.endswith(("records.json", "location history.json", "locationhistory.json", "standortverlauf.json")):
        return "records"
    return None


# -- Location History ---------------------------------------------------------------------------

_HISTORY_DETAILS: tuple[tuple[str, str], ...] = (("source", "location history"),)


def _fix_point(fix: dict[str, Any]) -> GeoPoint | None:
    lat, lon = fix.get("latitudeE7"), fix.get("longitudeE7")
    if type(lat) is int and type(lon) is int:  # the common case, kept cheap: files hold millions
        if lat > 900_000_000:
            lat -= 2**32
        if lon > 1_800_000_000:
            lon -= 2**32
        if -900_000_000 <= lat <= 900_000_000 and -1_800_000_000 <= lon <= 1_800_000_000 and (lat or lon):
            acc = fix.get("accuracy")
            accuracy = float(acc) if isinstance(acc, (int, float)) and not isinstance(acc, bool) and acc >= 0 else None
            return GeoPoint(lat / 1e7, lon / 1e7, accuracy)
        return None
    return from_e7(lat, lon, fix.get("accuracy"))


def _fix_time(fix: dict[str, Any]) -> datetime | None:
    stamp = fix.get("timestamp")
    if isinstance(stamp, str):
        try:
            moment = datetime.fromisoformat(stamp)
            return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
        except ValueError:
            return parse_time(stamp)
    return from_epoch(fix.get("timestampMs"), "ms") if "timestampMs" in fix else parse_time(stamp)


def _records(ctx: ReadContext, name: str, platform: Platform, base: float, share: float) -> Iterator[Item]:
    member = ctx.export.member(name)
    size = max(member.size if member else 1, 1)
    input_index = ctx.input_index
    try:
        with open_json(ctx, name) as stream:
            for index, fix in enumerate(ijson.items(stream, "locations.item", use_float=True)):
                if index % 5000 == 0:
                    ctx.cancel.raise_if_cancelled()
                    ctx.progress(base + share * min(bytes_read(stream) / size, 1.0), name)
                if not isinstance(fix, dict):
                    continue
                loc = _fix_point(fix)
                if loc is None:
                    continue
                source = Source(input_index, name, f"/locations/{index}", _fix_time(fix))
                signal = fix.get("source")
                details = (*_HISTORY_DETAILS, ("signal", signal.lower()[:20])) if isinstance(
                    signal, str) and signal else _HISTORY_DETAILS
                yield Item(platform=platform, kind=ItemKind.LOCATION, source=source, location=loc, details=details)
    except READ_ERRORS as exc:
        ctx.skip(name, reason_for(exc))


def _duration_start(obj: dict[str, Any]) -> Any:
    duration = as_dict(obj.get("duration"))
    return (parse_time(duration.get("startTimestamp"))
            or parse_time(duration.get("startTimestampMs")))


def _semantic(ctx: ReadContext, name: str, platform: Platform) -> Iterator[Item]:
    try:
        with open_json(ctx, name) as stream:
            for _prefix, ptr, obj in stream_at(stream, ["timelineObjects.item"]):
                if not isinstance(obj, dict):
                    continue
                visit = as_dict(obj.get("placeVisit"))
                if visit:
                    item = _place_visit(ctx, name, jp.join(ptr, "placeVisit"), visit, platform)
                    if item is not None:
                        yield item
                segment = as_dict(obj.get("activitySegment"))
                if segment:
                    item = _activity_segment(ctx, name, jp.join(ptr, "activitySegment"), segment, platform)
                    if item is not None:
                        yield item
    except READ_ERRORS as exc:
        ctx.skip(name, reason_for(exc))


def _place_visit(ctx: ReadContext, name: str, ptr: str, visit: dict[str, Any], platform: Platform) -> Item | None:
    location = as_dict(visit.get("location"))
    loc = from_e7(location.get("latitudeE7"), location.get("longitudeE7"))
    where = jp.join(ptr, "location")
    if loc is None:
        loc = from_e7(visit.get("centerLatE7"), visit.get("centerLngE7"))
        where = ptr
    candidate = False
    if loc is None:  # some files give only Google's candidate places for the visit
        others = visit.get("otherCandidateLocations")
        first = as_dict(others[0]) if isinstance(others, list) and others else {}
        loc = from_e7(first.get("latitudeE7"), first.get("longitudeE7"))
        where, candidate = jp.join(ptr, "otherCandidateLocations", 0), True
    if loc is None:
        return None
    details = [("source", "place visit")]
    if candidate:
        details.append(("note", "most likely place Google suggested"))
    place_name, address = as_text(location.get("name")), as_text(location.get("address"))
    if place_name:
        details.append(("place_name", place_name))
    if address:
        details.append(("address", address))
    if as_text(location.get("placeId")):
        details.append(("place_id", as_text(location.get("placeId"))))
    semantic = as_text(location.get("semanticType"))
    label, inferred = place_role(semantic)
    if semantic and semantic.upper() not in ("TYPE_UNKNOWN", "UNKNOWN"):
        details.append(("semantic_type", semantic))
    if inferred:
        details.append(("inferred", "true"))
    return Item(platform=platform, kind=ItemKind.CHECKIN, source=ctx.source(name, where, _duration_start(visit)),
                text=place_name, location=loc, label=label, details=tuple(details))


def _activity_segment(ctx: ReadContext, name: str, ptr: str, seg: dict[str, Any],
                      platform: Platform) -> Item | None:
    start, end = as_dict(seg.get("startLocation")), as_dict(seg.get("endLocation"))
    begin = from_e7(start.get("latitudeE7"), start.get("longitudeE7"))
    finish = from_e7(end.get("latitudeE7"), end.get("longitudeE7"))
    waypoints = as_dict(seg.get("waypointPath")).get("waypoints")
    if begin is None and finish is None and isinstance(waypoints, list) and waypoints:
        first, last = as_dict(waypoints[0]), as_dict(waypoints[-1])
        begin = from_e7(first.get("latE7"), first.get("lngE7"))
        finish = from_e7(last.get("latE7"), last.get("lngE7"))
    if begin is None and finish is None:
        return None
    details = [("source", "activity segment")]
    if as_text(seg.get("activityType")):
        details.append(("activity_type", as_text(seg.get("activityType")).lower()))
    distance = to_float(seg.get("distance"))
    if distance is not None:
        details.append(("distance_m", f"{distance:.0f}"))
    return Item(platform=platform, kind=ItemKind.ACTIVITY, source=ctx.source(name, ptr, _duration_start(seg)),
                location=begin or finish, end_location=finish if begin is not None else None,
                details=tuple(details))


# -- My Activity ----------------------------------------------------------------------------------

_CENTER = re.compile(r"[?&]center=(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)")
_ZOOM = re.compile(r"[?&]zoom=(\d{1,2})")
_PLACE_LABEL = re.compile(r"\((home|work)\)", re.I)


def _my_activity(ctx: ReadContext, name: str, platform: Platform) -> Iterator[Item]:
    """Where Google recorded the person was when they used a product (`locationInfos`).

    A `source` of "From your places (Home)" means the area shown is the person's saved Home.
    """
    try:
        with open_json(ctx, name) as stream:
            for index, entry in enumerate(ijson.items(stream, "item", use_float=True)):
                if index % 2000 == 0:
                    ctx.cancel.raise_if_cancelled()
                if not isinstance(entry, dict) or not isinstance(entry.get("locationInfos"), list):
                    continue
                when = parse_time(entry.get("time"))
                for j, info in enumerate(entry["locationInfos"]):
                    item = _location_info(ctx, name, jp.pointer(index, "locationInfos", j), as_dict(info), when,
                                          as_text(entry.get("header")), platform)
                    if item is not None:
                        yield item
    except READ_ERRORS as exc:
        ctx.skip(name, reason_for(exc))


def _location_info(ctx: ReadContext, name: str, ptr: str, info: dict[str, Any], when: datetime | None,
                   product: str, platform: Platform) -> Item | None:
    url = as_text(info.get("url"))
    m = _CENTER.search(url)
    if not m:
        return None
    zoom = _ZOOM.search(url)
    accuracy = 40_075_016 / 2 ** int(zoom.group(1)) / 4 if zoom else None
    loc = point(float(m.group(1)), float(m.group(2)), accuracy)
    if loc is None:
        return None
    source = as_text(info.get("source"))
    label = _PLACE_LABEL.search(source)
    details = [("source", "my activity location"), ("area", as_text(info.get("name")))]
    if product:
        details.append(("product", product))
    if source:
        details.append(("how", source))
    return Item(platform=platform, kind=ItemKind.LOCATION, source=ctx.source(name, jp.join(ptr, "url"), when),
                location=loc, label=label.group(1).capitalize() if label else None,
                details=tuple((k, v) for k, v in details if v))


# -- Maps ---------------------------------------------------------------------------------------

def _geojson(ctx: ReadContext, name: str, platform: Platform) -> Iterator[Item]:
    data = load_small(ctx, name, MAX_SMALL_JSON)
    if data is None:
        return
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        ctx.skip(name, msg("reader.google.not_places"))
        return
    labelled_file = any(w in name.lower() for w in _LABELLED_WORDS)
    for index, feature in enumerate(features):
        item = _feature(ctx, name, jp.pointer("features", index), as_dict(feature), labelled_file, platform)
        if item is not None:
            yield item


def _feature(ctx: ReadContext, name: str, ptr: str, feature: dict[str, Any], labelled_file: bool,
             platform: Platform) -> Item | None:
    props = as_dict(feature.get("properties"))
    geometry = as_dict(feature.get("geometry"))
    coords = geometry.get("coordinates")
    loc: GeoPoint | None = None
    if isinstance(coords, list) and len(coords) >= 2:
        loc = point(to_float(coords[1]), to_float(coords[0]))
    location = as_dict(props.get("Location")) or as_dict(props.get("location"))
    geo = as_dict(location.get("Geo Coordinates"))
    if loc is None and geo:
        loc = point(to_float(geo.get("Latitude")), to_float(geo.get("Longitude")))
    address = as_text(location.get("Address") or location.get("address") or props.get("address")
                   or props.get("Address"))
    place = as_text(location.get("Business Name") or location.get("name") or props.get("Title"))
    when = parse_time(props.get("date") or props.get("Published") or props.get("Updated"))
    url = as_text(props.get("google_maps_url") or props.get("Google Maps URL")) or None
    review = props.get("review_text_published", props.get("Review Comment"))
    rating = props.get("five_star_rating_published", props.get("Star Rating"))
    if loc is None and not address:
        return None
    details = []
    if place:
        details.append(("place_name", place))
    if address:
        details.append(("address", address))
    if review is not None or rating is not None:
        details.insert(0, ("source", "maps review"))
        if rating is not None:
            details.append(("rating", str(rating)[:10]))
        key = "review_text_published" if "review_text_published" in props else "Review Comment"
        return Item(platform=platform, kind=ItemKind.POST, text=as_text(review),
                    source=ctx.source(name, jp.join(ptr, "properties", key), when, url),
                    location=loc, audience=Audience.PUBLIC, details=tuple(details))
    label_name = as_text(props.get("name"))
    if labelled_file or (label_name and "date" not in props and "Published" not in props and not place):
        details.insert(0, ("source", "maps labelled place"))
        return Item(platform=platform, kind=ItemKind.CHECKIN, text=label_name,
                    source=ctx.source(name, jp.join(ptr, "properties"), when, url),
                    location=loc, label=label_name or None, details=tuple(details))
    details.insert(0, ("source", "maps saved place"))
    return Item(platform=platform, kind=ItemKind.CHECKIN, text=place,
                source=ctx.source(name, jp.join(ptr, "properties"), when, url),
                location=loc, details=tuple(details))


# -- Photos -------------------------------------------------------------------------------------

_SIDECAR = re.compile(r"^(?P<stem>.*?)(?P<counter>\(\d+\))?\.json$", re.I)
_SUPP = re.compile(r"\.(?:s|su|sup|supp|suppl|supple|supplem|suppleme|supplemen|supplement|"
                   r"supplementa|supplemental|supplemental-[a-z-]*)$", re.I)


def sidecar_media(sidecar: str, title: str, media: dict[str, dict[str, str]]) -> str | None:
    """The media member a Photos sidecar describes, tolerating Google's name truncation.

    `media` maps folder -> {lower-case file name: member name}.
    """
    folder, base = posixpath.split(sidecar)
    files = media.get(folder, {})
    if not files:
        return None
    m = _SIDECAR.match(base)
    if not m:
        return None
    stem = _SUPP.sub("", m.group("stem"))
    counter = m.group("counter") or ""
    candidates = []
    if counter:  # IMG.jpg(1).json describes IMG(1).jpg
        root, ext = posixpath.splitext(stem)
        candidates.append(f"{root}{counter}{ext}")
    candidates.append(stem)
    if title and not counter:
        candidates.append(title)
    for cand in candidates:
        hit = files.get(cand.lower())
        if hit:
            return hit
    # truncated names: the sidecar stem is a prefix of the (long) media name
    if len(stem) >= 30:
        prefix = stem.lower()
        matches = [real for low, real in files.items() if low.startswith(prefix) and "-edited" not in low]
        if len(matches) == 1:
            return matches[0]
    if title:
        low_title = title.lower()
        matches = [real for low, real in files.items() if low == low_title]
        if len(matches) == 1:
            return matches[0]
    return None


def _geo(data: dict[str, Any], key: str) -> GeoPoint | None:
    geo = as_dict(data.get(key))
    return point(to_float(geo.get("latitude")), to_float(geo.get("longitude")))


def _sidecar_item(ctx: ReadContext, name: str, data: dict[str, Any], media_name: str | None,
                  platform: Platform) -> Item | None:
    taken = from_epoch(as_dict(data.get("photoTakenTime")).get("timestamp"))
    location, key = _geo(data, "geoData"), "geoData"
    if location is None:
        location, key = _geo(data, "geoDataExif"), "geoDataExif"
    details: list[tuple[str, str]] = [("found_in", "Google Photos")]
    for person in data.get("people") or []:
        person_name = as_text(as_dict(person).get("name"))
        if person_name:
            details.append(("person", person_name))
    device = as_text(as_dict(as_dict(data.get("googlePhotosOrigin")).get("mobileUpload")).get("deviceType"))
    if device:
        details.append(("device", device))
    file, ptr, when = name, jp.pointer(key) if location else "", taken
    if media_name and media_name.lower().endswith(PHOTO_SUFFIXES):
        try:
            meta = read_member_meta(ctx, media_name)
        except PhotoError as exc:
            ctx.skip(media_name, msg("reader.photo.not_checked", reason=exc.reason))
        else:
            details.extend(meta_details(meta))
            if meta.location is not None:
                location, file, ptr = meta.location, media_name, ""
                when = meta.taken or taken
    if location is None and not any(k in ("owner", "serial", "artist", "lens_serial", "person") for k, _ in details):
        return None
    title = as_text(data.get("title")).lower()
    video = (media_name or title).lower().endswith(_VIDEO_SUFFIXES)
    return Item(platform=platform, kind=ItemKind.VIDEO if video else ItemKind.PHOTO,
                source=ctx.source(file, ptr, when),
                text=as_text(data.get("description")), location=location, media=media_name,
                details=tuple(details))


# -- the reader ---------------------------------------------------------------------------------

class GoogleTakeoutReader(Reader):
    spec = FormatSpec(
        "google-takeout", Platform.GOOGLE, expected_file="Takeout/Location History (Timeline)/Records.json",
        signs=(Sign(1.0, paths=("Records.json",), keys=("locations",)),
               Sign(1.0, pattern=r"(^|/)(Semantic Location History|Location History( \(Timeline\))?)/"),
               Sign(1.0, pattern=_SLH_MONTH, keys=("timelineObjects",)),
               Sign(0.9, pattern=r"(^|/)Takeout/"),
               Sign(0.9, pattern=r"\.json$", depth=1, keys=("locations", "timelineObjects")),
               Sign(0.8, pattern=r"\.(jpe?g|heic|png|gif|mp4|mov)\.(supplemental-metadata\.)?json$"),
               Sign(0.8, pattern=r"\.(jpe?g|heic|png|mp4)\.supp[a-z-]*\.json$"),
               Sign(0.5, named=r"^takeout-")),
        folders=("takeout", "location history", "location history (timeline)", "semantic location history"))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        names = sorted(ctx.export.names())
        media = _media_by_folder(names)
        jobs = [(n, kind) for n in names if n.lower().endswith(".json")
                and (kind := classify(ctx.export.read_head(n, 4096), n))]
        sizes = {n: max((m.size if (m := ctx.export.member(n)) else 0), 1) for n, _ in jobs}
        total = sum(sizes.values()) + sum(len(v) for v in media.values()) * _PHOTO_WORK or 1
        done = 0
        paired: set[str] = set()
        for name, kind in jobs:
            ctx.cancel.raise_if_cancelled()
            member = ctx.export.member(name)
            if member is not None and member.size == 0:
                ctx.skip(name, msg("reader.empty"))
                continue
            if kind == "sidecar":
                yield from _read_sidecar(ctx, name, self.platform, media, paired)
            else:
                yield from _read_location_file(ctx, name, kind, self.platform, done / total, sizes[name] / total)
            done += sizes[name]
            ctx.progress(done / total, name)
        for folder_files in media.values():
            yield from _unpaired_photos(ctx, sorted(folder_files.values()), paired, self.platform)
            done += len(folder_files) * _PHOTO_WORK
            ctx.progress(done / total)
        yield from read_youtube(ctx, [n for n in names if in_youtube(n)])
        ctx.progress(1.0)


_PHOTO_WORK = 50_000  # a photo's share of the progress bar, in bytes of JSON


def _media_by_folder(names: list[str]) -> dict[str, dict[str, str]]:
    """Photo and video members by folder, then by lower-case base name (for sidecar pairing)."""
    media: dict[str, dict[str, str]] = {}
    for n in names:
        if n.lower().endswith(_MEDIA_SUFFIXES):
            folder, base = posixpath.split(n)
            media.setdefault(folder, {})[base.lower()] = n
    return media


def _read_location_file(ctx: ReadContext, name: str, kind: str, platform: Platform, start: float,
                        share: float) -> Iterator[Item]:
    if kind == "records":
        yield from _records(ctx, name, platform, start, share)
    elif kind == "semantic":
        yield from _semantic(ctx, name, platform)
    elif kind.startswith("timeline-"):
        yield from read_timeline_file(ctx, name, kind.split("-", 1)[1], platform, start, share)
    elif kind == "geojson":
        yield from _geojson(ctx, name, platform)
    elif kind == "myactivity":
        yield from _my_activity(ctx, name, platform)


def _read_sidecar(ctx: ReadContext, name: str, platform: Platform, media: dict[str, dict[str, str]],
                  paired: set[str]) -> Iterator[Item]:
    data = load_small(ctx, name, MAX_SMALL_JSON)
    if isinstance(data, dict):
        target = sidecar_media(name, as_text(data.get("title")), media)
        if target:
            paired.add(target)
        item = _sidecar_item(ctx, name, data, target, platform)
        if item is not None:
            yield item
    elif data is not None:
        ctx.skip(name, msg("reader.google.not_sidecar"))


def _unpaired_photos(ctx: ReadContext, names: list[str], paired: set[str], platform: Platform) -> Iterator[Item]:
    """Photos no sidecar described: their own EXIF."""
    for member_name in names:
        if member_name in paired or not member_name.lower().endswith(PHOTO_SUFFIXES):
            continue
        ctx.cancel.raise_if_cancelled()
        item = photo_item(ctx, member_name, platform, "Google Photos")
        if item is not None:
            yield item
