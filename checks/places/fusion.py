"""Geo fusion: every located item from every reader, in one bounded-memory store.

Photos, posts with places, check-ins, tweets with coordinates, Google visits, Snapchat places,
Strava starts and ends are kept one by one (with their Source, so findings can list exactly
which items reveal a place). Raw location fixes (Google Records, Timeline paths, Strava track
points) can run to millions, so they are folded into ~50 m grid cells with counts and
time-of-week statistics; memory is bounded by the number of distinct cells, which is capped.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from checks.places.geo import haversine_m, local_time, valid_point
from checks.records import Item, ItemKind, Platform, Source

CELL_DEG = 0.0005  # about 55 m north-south, 35 m east-west in the UK
MAX_CELLS = 250_000
MAX_KEPT = 200_000  # individually kept located items (photos, posts, check-ins...)
MAX_DAYS_PER_SET = 1_000
MAX_WEEKS_PER_SLOT = 60
STAY_RADIUS_M = 150.0
STAY_MAX_GAP_S = 3 * 3600
STAY_MIN_S = 10 * 60
WORST_ACCURACY_M = 1_000.0

HOME_LABELS = ("home", "type_home", "inferred_home")
WORK_LABELS = ("work", "type_work", "inferred_work")


def label_role(label: str | None) -> str | None:
    """"home", "work" or None for a platform's place label, however written: `HOME`, `TYPE_WORK`,
    `INFERRED_HOME`, iPhone Timeline's `Inferred Work`, Snapchat's `Home`. A searched address or an
    aliased location is neither."""
    words = (label or "").strip().lower().replace("_", " ").split()
    words = [w for w in words if w not in ("type", "inferred")]
    role = " ".join(words)
    return role if role in ("home", "work") else None


# How much one observation counts, by what it is: a deliberate check-in or a photo is a
# stronger sign of presence than one raw fix among thousands.
KIND_WEIGHT = {
    ItemKind.PHOTO: 1.0, ItemKind.VIDEO: 1.0, ItemKind.CHECKIN: 1.0, ItemKind.POST: 0.8,
    ItemKind.COMMENT: 0.5, ItemKind.ACTIVITY: 1.0, ItemKind.LOCATION: 0.15, ItemKind.PROFILE_FIELD: 0.5,
}


@dataclass(frozen=True)
class Observation:
    """One located item kept individually."""

    lat: float
    lon: float
    accuracy_m: float
    weight: float
    platform: Platform
    kind: ItemKind
    source: Source
    label: str | None
    local: datetime | None  # wall-clock time where it happened
    is_end: bool = False  # the end point of an activity


@dataclass
class Cell:
    """What is known about one grid cell."""

    lat_sum: float = 0.0
    lon_sum: float = 0.0
    weight: float = 0.0
    count: int = 0
    nights: set[int] = field(default_factory=set)  # local day numbers with presence 21:00-06:00
    days: set[int] = field(default_factory=set)
    weekend_days: set[int] = field(default_factory=set)
    weekday_daytime: set[int] = field(default_factory=set)  # Mon-Fri 08:00-18:00
    home_labels: int = 0
    work_labels: int = 0
    week_slots: dict[tuple[int, int], set[int]] = field(default_factory=dict)  # (weekday, hour) -> iso weeks
    samples: list[tuple[Platform, Source]] = field(default_factory=list)  # a few raw fixes, for findings

    @property
    def lat(self) -> float:
        return self.lat_sum / self.weight if self.weight else 0.0

    @property
    def lon(self) -> float:
        return self.lon_sum / self.weight if self.weight else 0.0


def accuracy_weight(accuracy_m: float | None) -> float:
    """Down-weight imprecise fixes; None (unknown) counts as a typical phone GPS fix."""
    if accuracy_m is None:
        return 1.0
    if accuracy_m <= 50:
        return 1.0
    if accuracy_m <= 200:
        return 0.6
    if accuracy_m <= WORST_ACCURACY_M:
        return 0.25
    return 0.0


def cell_key(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG))


def _add_capped(days: set[int], day: int) -> None:
    """Counts saturate: a thousand nights somewhere already says all there is to say."""
    if len(days) < MAX_DAYS_PER_SET:
        days.add(day)


class _StayTracker:
    """Turns a stream of raw fixes into stays: fixes within STAY_RADIUS_M of each other, for a while.

    Moving between places (the commute) is dropped; only where the person stayed counts. This
    is what keeps a ten-year location history to a few thousand stays.
    """

    def __init__(self, store: GeoStore) -> None:
        self.store = store
        self.n = 0
        self.lat = self.lon = self.weight = 0.0
        self.start: datetime | None = None
        self.last: datetime | None = None
        self.platform: Platform | None = None
        self.source: Source | None = None

    def add(self, lat: float, lon: float, weight: float, when: datetime | None, platform: Platform,
            source: Source) -> None:
        if when is None:
            return
        if self.n and self.last is not None and self.start is not None:
            centre_lat, centre_lon = self.lat / self.weight, self.lon / self.weight
            gap = abs((when - self.last).total_seconds())
            if haversine_m(centre_lat, centre_lon, lat, lon) <= STAY_RADIUS_M and gap <= STAY_MAX_GAP_S:
                self.n += 1
                self.lat += lat * weight
                self.lon += lon * weight
                self.weight += weight
                self.start = min(self.start, when)
                self.last = max(self.last, when)
                return
            self.close()
        self.n, self.lat, self.lon, self.weight = 1, lat * weight, lon * weight, weight
        self.start = self.last = when
        self.platform, self.source = platform, source

    def close(self) -> None:
        if not self.n or self.start is None or self.last is None or self.platform is None or self.source is None:
            return
        if self.n >= 2 or (self.last - self.start).total_seconds() >= STAY_MIN_S:
            self.store.add_stay(self.lat / self.weight, self.lon / self.weight, min(self.weight, 4.0), self.start,
                                self.last, self.platform, self.source)
        self.n = 0


class GeoStore:
    """Collects located items from the whole audit."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], Cell] = {}
        self.kept: list[Observation] = []
        self.dropped_kept = 0
        self.fixes = 0
        self.latest_photo_time: datetime | None = None
        self.photos: list[Item] = []  # photo items with identifying metadata (owner, serial), no location needed
        self._stays: dict[tuple[Platform, str], _StayTracker] = {}

    def observe(self, item: Item) -> None:
        if item.kind in (ItemKind.PHOTO, ItemKind.VIDEO):
            if item.time is not None and (self.latest_photo_time is None or item.time > self.latest_photo_time):
                self.latest_photo_time = item.time
            if any(k in ("owner", "artist", "serial", "body_serial", "lens_serial") for k, _ in item.details):
                if len(self.photos) < MAX_KEPT:
                    self.photos.append(item)
        for point, is_end in ((item.location, False), (item.end_location, True)):
            if point is None or not valid_point(point.lat, point.lon):
                continue
            w = accuracy_weight(point.accuracy_m)
            if w <= 0:
                continue
            weight = w * KIND_WEIGHT.get(item.kind, 0.5)
            label = (item.label or "").strip().lower() or None
            if item.kind is ItemKind.LOCATION and label is None:
                self.fixes += 1
                self._stays.setdefault((item.platform, item.source.file), _StayTracker(self)).add(
                    point.lat, point.lon, w, item.time, item.platform, item.source)
                continue
            local = local_time(item.time, point.lat, point.lon) if item.time else None
            self._add_to_cell(point.lat, point.lon, weight, local, label, item.platform, item.source)
            if len(self.kept) < MAX_KEPT:
                self.kept.append(Observation(point.lat, point.lon, point.accuracy_m or 30.0, weight, item.platform,
                                             item.kind, item.source, label, local, is_end))
            else:
                self.dropped_kept += 1

    def flush(self) -> None:
        """Close the stays still open at the end of the reading."""
        for tracker in self._stays.values():
            tracker.close()
        self._stays.clear()
        for cell in self.cells.values():
            if cell.work_labels and not cell.home_labels:
                # The platform calls this place work: nights there are night shifts, not sleep.
                cell.nights.clear()

    def add_stay(self, lat: float, lon: float, weight: float, start: datetime, end: datetime,
                 platform: Platform, source: Source) -> None:
        """A stay (raw fixes in one place for a while) counts for every hour it spans."""
        local_start = local_time(start, lat, lon)
        hours = max(1, min(24 * 14, int((end - start).total_seconds() // 3600) + 1))
        step = max(1, hours // 48)  # long stays: sample the span, enough to mark nights and days
        for h in range(0, hours, step):
            when = local_start + timedelta(hours=h)
            self._add_to_cell(lat, lon, weight / hours * step * 4, when, None, platform, source,
                              slot=(h == 0))

    def _add_to_cell(self, lat: float, lon: float, weight: float, local: datetime | None, label: str | None,
                     platform: Platform, source: Source, slot: bool = True) -> None:
        key = cell_key(lat, lon)
        cell = self.cells.get(key)
        if cell is None:
            if len(self.cells) >= MAX_CELLS:
                self._evict()
            cell = self.cells[key] = Cell()
        cell.lat_sum += lat * weight
        cell.lon_sum += lon * weight
        cell.weight += weight
        cell.count += 1
        if len(cell.samples) < 3:
            cell.samples.append((platform, source))
        role = label_role(label)
        if role == "home":
            cell.home_labels += 1
        elif role == "work":
            cell.work_labels += 1
        if local is None:
            return
        day = local.toordinal()
        _add_capped(cell.days, day)
        hour = local.hour
        if hour >= 21 or hour < 6:
            _add_capped(cell.nights, day if hour >= 21 else day - 1)
        weekday = local.weekday()
        if weekday >= 5:
            _add_capped(cell.weekend_days, day)
        elif 8 <= hour < 18:
            _add_capped(cell.weekday_daytime, day)
        if not slot:
            return
        week = day // 7
        weeks = cell.week_slots.get((weekday, hour))
        if weeks is None:
            cell.week_slots[(weekday, hour)] = {week}
        elif len(weeks) < MAX_WEEKS_PER_SLOT:
            weeks.add(week)

    def _evict(self) -> None:
        """Drop the cells seen only once (stray fixes) to stay within the cap."""
        singles = [k for k, c in self.cells.items() if c.count <= 1 and not c.home_labels and not c.work_labels]
        for k in singles[: max(1, len(singles))]:
            del self.cells[k]
        if len(self.cells) >= MAX_CELLS:  # still full: drop the lightest tenth
            lightest = sorted(self.cells, key=lambda k: self.cells[k].weight)[: MAX_CELLS // 10]
            for k in lightest:
                del self.cells[k]

    def kept_near(self, lat: float, lon: float, radius_m: float) -> Iterator[tuple[Observation, float]]:
        for obs in self.kept:
            d = haversine_m(lat, lon, obs.lat, obs.lon)
            if d <= radius_m:
                yield obs, d
