"""Photos that carry the place they were taken, and a camera still adding it (photo_metadata).

- One finding per platform for its photos with a GPS position (high when some were taken at home),
  listing them all: "41 Instagram photos carry the place they were taken".
- "Your camera is still adding your location to photos" when photos from the last six months of
  the export carry GPS: location tagging is probably still on.

The evidence is the position a photo carries (masked on output); the counts are in the words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import timedelta

from checks.places.clusters import Cluster
from checks.places.fusion import GeoStore, Observation
from checks.places.geo import haversine_m
from checks.places.wording import whole
from checks.records import Category, Detection, ItemKind, Message, Place, Platform, Severity, msg

RECENT = timedelta(days=183)


def _position(o: Observation) -> str:
    return f"{o.lat:.5f}, {o.lon:.5f}"


def photo_findings(store: GeoStore, home: Cluster | None) -> Iterator[Detection]:
    located = [o for o in store.kept if o.kind in (ItemKind.PHOTO, ItemKind.VIDEO) and not o.is_end]
    by_platform: dict[Platform, list[Observation]] = defaultdict(list)
    for o in located:
        by_platform[o.platform].append(o)
    for platform, photos in by_platform.items():
        yield _gps(platform, photos, home)
    yield from _still_tagging(store, located)


def _titles(platform: Platform, n: int, at_home: int) -> tuple[Message, Message]:
    if platform is Platform.PHOTOS:
        title = msg("places.photos.title.own", count=n)
    else:
        title = msg("places.photos.title.platform", platform=platform, count=n)
    if at_home:
        return title, msg("places.photos.reason.home", count=at_home)
    return title, msg("places.photos.reason.away")


def _gps(platform: Platform, photos: Sequence[Observation], home: Cluster | None) -> Detection:
    at_home = [o for o in photos if home is not None
               and haversine_m(home.lat, home.lon, o.lat, o.lon) <= max(80.0, home.radius_m * 1.5)]
    first = (at_home or photos)[0]
    title, reason = _titles(platform, len(photos), len(at_home))
    evidence = _position(first)
    return Detection(
        detector="photo_metadata", category=Category.PHOTO_METADATA,
        severity=Severity.HIGH if at_home else Severity.MEDIUM,
        confidence=0.95 if platform is Platform.PHOTOS else 0.9, title=title, reason=reason,
        evidence=evidence, key=f"gps:{platform.value}", source=first.source, platform=platform,
        item_kind=first.kind, related=tuple(o.source for o in photos if o is not first),
        place=Place(first.lat, first.lon, first.accuracy_m) if at_home else None, span=whole(evidence),
    )


def _still_tagging(store: GeoStore, located: Sequence[Observation]) -> Iterator[Detection]:
    latest = store.latest_photo_time
    if latest is None:
        return
    recent = [o for o in located if o.source.timestamp is not None and o.source.timestamp >= latest - RECENT]
    if not recent:
        return
    recent.sort(key=lambda o: (o.source.timestamp or latest, o.source.file, o.source.pointer), reverse=True)
    evidence = _position(recent[0])
    yield Detection(
        detector="photo_metadata", category=Category.PHOTO_METADATA, severity=Severity.MEDIUM, confidence=0.85,
        title=msg("places.camera_on.title"), reason=msg("places.camera_on.reason", count=len(recent)),
        evidence=evidence, key="camera-location-on", source=recent[0].source, platform=recent[0].platform,
        item_kind=recent[0].kind, related=tuple(o.source for o in recent[1:]), span=whole(evidence),
    )
