"""Place inference across every export: where you sleep, where you work, where you go each week.

Most people never wrote their address down, yet their photos, check-ins, runs and location
history point at their front door. This analyzer sees every located item of the audit (geo
fusion in `fusion.py`), clusters them into places (`clusters.py`) and reports:

- `home_inference` (home_address): the place with the most nights and weekends, or a place the
  platform itself labelled home (Google HOME, Snapchat Home). One finding per platform that
  gives it away, each listing the items that do ("14 photos taken within 40 m of where you
  sleep"), all with the same place.
- `work_inference` (location_pattern): the other place you are at on most weekdays or shifts.
- `routine` (location_pattern): the same place at the same time each week (parkrun, gym, school
  run), seen in at least three different weeks.
- `strava_privacy` (home_address): activities that start or end at home, and whether a privacy
  zone exists and is big enough (starts just outside a small zone still point home).
- `photo_metadata` (photo_metadata): photos carrying GPS (high when taken at home), camera
  owner names and serial numbers, and "location tagging is still on" when recent photos carry GPS.

It does not flag: a single visit, places seen on fewer than three nights, holidays (a week in
Tenerife is travel, not a routine), or fixes less precise than 1 km.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from checks.detectors.base import Analyzer
from checks.places.clusters import Cluster, cluster_cells
from checks.places.fusion import GeoStore, Observation
from checks.places.gazetteer import near
from checks.places.geo import haversine_m
from checks.records import Category, Detection, Item, ItemKind, Place, Platform, Severity

MIN_HOME_SCORE = 6.0
WORK_MIN_DAYS = 4
ROUTINE_MIN_WEEKS = 3
STRAVA_NEAR_HOME_M = 300.0
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
KIND_WORDS = {
    ItemKind.PHOTO: ("photo", "photos"), ItemKind.VIDEO: ("video", "videos"), ItemKind.POST: ("post", "posts"),
    ItemKind.CHECKIN: ("check-in or visit", "check-ins and visits"), ItemKind.ACTIVITY: ("activity", "activities"),
    ItemKind.LOCATION: ("location record", "location records"), ItemKind.COMMENT: ("comment", "comments"),
    ItemKind.PROFILE_FIELD: ("profile place", "profile places"),
}


def _count_phrase(kinds: Counter[ItemKind]) -> str:
    parts = []
    for kind, n in kinds.most_common():
        one, many = KIND_WORDS.get(kind, ("item", "items"))
        parts.append(f"{n} {one if n == 1 else many}")
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _hour_phrase(hour: int) -> str:
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}"


@dataclass(frozen=True)
class InferredPlace:
    """A place the analyzer worked out (for the window's drawing and for other analyzers)."""

    role: str  # "home", "work", "routine"
    lat: float
    lon: float
    radius_m: float
    confidence: float
    near: str | None


class PlacesAnalyzer(Analyzer):
    """Geo fusion and inference of home, work, routines, Strava exposure and photo metadata."""

    id = "places"

    def __init__(self) -> None:
        self.store = GeoStore()
        self.places: list[InferredPlace] = []

    def observe(self, item: Item) -> None:
        self.store.observe(item)

    # -- the reasoning ----------------------------------------------------------------------------
    def finish(self) -> Iterator[Detection]:
        self.store.flush()
        clusters = cluster_cells(self.store.cells)
        home = self._pick_home(clusters)
        work = self._pick_work(clusters, home)
        if home is not None:
            yield from self._home_findings(home)
        if work is not None:
            yield from self._work_findings(work)
        yield from self._routines(clusters, home, work)
        yield from self._strava(home)
        yield from self._photos(home)

    def _pick_home(self, clusters: Sequence[Cluster]) -> Cluster | None:
        candidates = [c for c in clusters if c.home_labels or (len(c.nights) >= 2 and c.home_score() >= MIN_HOME_SCORE)]
        if not candidates:
            return None
        return max(candidates, key=lambda c: c.home_score())

    def _pick_work(self, clusters: Sequence[Cluster], home: Cluster | None) -> Cluster | None:
        candidates = []
        for c in clusters:
            if home is not None and haversine_m(c.lat, c.lon, home.lat, home.lon) < 300:
                continue
            weeks = {d // 7 for d in c.days}
            if c.work_labels or (len(c.days) >= WORK_MIN_DAYS and len(weeks) >= 2
                                 and len(c.days) > len(c.weekend_days)):
                candidates.append(c)
        if not candidates:
            return None
        best = max(candidates, key=lambda c: c.work_score())
        if not best.work_labels and home is not None and best.work_score() < 0.25 * home.home_score():
            return None
        return best

    def _home_confidence(self, home: Cluster) -> float:
        evidence = len(home.nights) + 0.5 * len(home.weekend_days)
        conf = 1.0 - 0.85 ** max(evidence, 0.0)
        if home.home_labels:
            conf = max(conf, 0.9)
        return round(min(0.98, max(0.4, conf)), 3)

    def _nearby(self, lat: float, lon: float, radius: float) -> dict[Platform, list[tuple[Observation, float]]]:
        by_platform: dict[Platform, list[tuple[Observation, float]]] = defaultdict(list)
        for obs, d in self.store.kept_near(lat, lon, radius):
            by_platform[obs.platform].append((obs, d))
        for values in by_platform.values():
            values.sort(key=lambda od: (od[1], od[0].source.file, od[0].source.pointer))
        return by_platform

    def _place_findings(self, cluster: Cluster, *, role: str, detector: str, category: Category,
                        severity: Severity, confidence: float, title_for: str, reason_for: str) -> Iterator[Detection]:
        radius = max(60.0, min(cluster.radius_m * 1.5, 200.0))
        name = near(cluster.lat, cluster.lon)
        place = Place(cluster.lat, cluster.lon, round(cluster.radius_m, 1), name)
        self.places.append(InferredPlace(role, cluster.lat, cluster.lon, cluster.radius_m, confidence, name))
        by_platform = self._nearby(cluster.lat, cluster.lon, radius)
        if not by_platform and cluster.samples:  # known only from raw location history
            for platform, source in cluster.samples:
                by_platform.setdefault(platform, []).append((Observation(
                    cluster.lat, cluster.lon, 30.0, 0.1, platform, ItemKind.LOCATION, source, None, None), 0.0))
        for platform, obs in by_platform.items():
            kinds = Counter(o.kind for o, _ in obs)
            farthest = max(d for _, d in obs)
            phrase = _count_phrase(kinds)
            where = name or "one spot"
            evidence = f"{phrase} within {max(10, round(farthest, -1)):.0f} m of {role_word(role)} ({where})"
            labelled = any(o.label for o, _ in obs)
            reason = reason_for.format(phrase=phrase, platform=platform.label, radius=round(cluster.radius_m))
            if labelled:
                reason += f" {platform.label} itself labelled this place."
            sources = [o.source for o, _ in obs]
            points = tuple((round(o.lat, 6), round(o.lon, 6), o.kind.value) for o, _ in obs[:500])
            yield Detection(
                detector=detector, category=category, severity=severity,
                confidence=round(min(0.98, confidence + (0.05 if labelled else 0.0)), 3),
                title=title_for.format(platform=platform.label), reason=reason, evidence=evidence,
                key=f"{role}:{platform.value}", source=sources[0], platform=platform,
                item_kind=kinds.most_common(1)[0][0], place=place, related=tuple(sources[1:]),
                span=(evidence.index("(") + 1, len(evidence) - 1) if name else None, points=points,
            )

    def _home_findings(self, home: Cluster) -> Iterator[Detection]:
        conf = self._home_confidence(home)
        yield from self._place_findings(
            home, role="home", detector="home_inference", category=Category.HOME_ADDRESS, severity=Severity.HIGH,
            confidence=conf, title_for="Your {platform} data shows where you sleep",
            reason_for=("{phrase} from {platform} cluster within about {radius} m of one place where you spend "
                        "nights and weekends. Anyone who sees them can work out your home."))

    def _work_findings(self, work: Cluster) -> Iterator[Detection]:
        evidence = len(work.days) + 5 * min(work.work_labels, 2)
        conf = round(min(0.95, max(0.4, 1.0 - 0.85 ** evidence)), 3)
        yield from self._place_findings(
            work, role="work", detector="work_inference", category=Category.LOCATION_PATTERN,
            severity=Severity.HIGH if work.work_labels or len(work.days) >= 10 else Severity.MEDIUM,
            confidence=conf, title_for="Your {platform} data shows where you work",
            reason_for=("{phrase} from {platform} put you at the same place on many working days. A workplace "
                        "is where someone can wait for you and follow you home."))

    def _routines(self, clusters: Sequence[Cluster], home: Cluster | None, work: Cluster | None) -> Iterator[Detection]:
        for cluster in clusters:
            if any(other is not None and haversine_m(cluster.lat, cluster.lon, other.lat, other.lon) < 300
                   for other in (home, work)):
                continue
            slot = self._regular_slot(cluster)
            if slot is None:
                continue
            weekday, hour, weeks = slot
            name = near(cluster.lat, cluster.lon)
            place = Place(cluster.lat, cluster.lon, round(cluster.radius_m, 1), name)
            self.places.append(InferredPlace("routine", cluster.lat, cluster.lon, cluster.radius_m,
                                             min(0.9, 0.5 + 0.08 * weeks), name))
            obs_by_platform = self._nearby(cluster.lat, cluster.lon, max(80.0, cluster.radius_m * 1.5))
            matching = [(o, d) for values in obs_by_platform.values() for o, d in values
                        if o.local is not None and o.local.weekday() == weekday and abs(o.local.hour - hour) <= 1]
            if not matching and cluster.samples:
                matching = [(Observation(cluster.lat, cluster.lon, 30, 0.1, p, ItemKind.LOCATION, s, None, None), 0.0)
                            for p, s in cluster.samples]
            if not matching:
                continue
            platforms = Counter(o.platform for o, _ in matching)
            platform = platforms.most_common(1)[0][0]
            sources = [o.source for o, _ in sorted(matching, key=lambda od: od[1])]
            when = f"{DAYS[weekday]}s around {_hour_phrase(hour)}"
            evidence = f"{when}, {weeks} different weeks ({name or 'one place'})"
            yield Detection(
                detector="routine", category=Category.LOCATION_PATTERN, severity=Severity.MEDIUM,
                confidence=round(min(0.9, 0.5 + 0.08 * weeks), 3),
                title=f"You are at the same place on {when}",
                reason=(f"In {weeks} different weeks your data puts you at the same place on {when}. A regular "
                        "time and place lets someone know where you will be."),
                evidence=evidence, key=f"routine:{round(cluster.lat, 3)}:{round(cluster.lon, 3)}:{weekday}",
                source=sources[0], platform=platform, item_kind=matching[0][0].kind, place=place,
                related=tuple(sources[1:]), span=(evidence.index("(") + 1, len(evidence) - 1) if name else None,
                points=tuple((round(o.lat, 6), round(o.lon, 6), o.kind.value) for o, _ in matching[:500]),
            )

    @staticmethod
    def _regular_slot(cluster: Cluster) -> tuple[int, int, int] | None:
        best: tuple[int, int, int] | None = None
        for (weekday, hour), weeks in cluster.week_slots.items():
            merged = set(weeks)
            for dh in (-1, 1):
                merged |= cluster.week_slots.get((weekday, hour + dh), set())
            if len(merged) >= ROUTINE_MIN_WEEKS and (best is None or len(merged) > best[2]):
                best = (weekday, hour, len(merged))
        return best

    def _strava(self, home: Cluster | None) -> Iterator[Detection]:
        activities = [o for o in self.store.kept if o.platform is Platform.STRAVA and o.kind is ItemKind.ACTIVITY]
        if not activities or home is None:
            return
        settings = self.store.settings
        zones = int(float(settings.get("strava.privacy_zones", "0") or 0))
        radius = float(settings.get("strava.privacy_zone_radius_m", "0") or 0)
        near_home = [(o, haversine_m(home.lat, home.lon, o.lat, o.lon)) for o in activities]
        at_home = sorted([(o, d) for o, d in near_home if d <= max(STRAVA_NEAR_HOME_M, radius + 250)],
                         key=lambda od: od[1])
        if not at_home:
            return
        name = near(home.lat, home.lon)
        place = Place(home.lat, home.lon, round(home.radius_m, 1), name)
        n = len({(o.source.file, o.source.pointer) for o, _ in at_home})
        if zones <= 0:
            why = ("The export shows no privacy zone, so anyone who can see these activities sees them begin "
                   "and end at your door.")
            title = f"{n} Strava activities start or end at your home"
            severity = Severity.HIGH
        elif radius and radius < 800:
            why = (f"You have a privacy zone, but it is small ({radius:.0f} m). Runs that leave it in different "
                   "directions still point to its centre: research found 85% of hidden homes this way.")
            title = f"Your Strava privacy zone is too small to hide your home ({n} activities)"
            severity = Severity.HIGH
        else:
            why = ("You have a privacy zone; check it covers your home and that 'hide start and end points' is on "
                   "for activities that begin elsewhere.")
            title = f"{n} Strava activities start or end near your home"
            severity = Severity.MEDIUM
        reach = max(10.0, round(at_home[-1][1], -1))
        evidence = f"{n} activities start or end within {reach:.0f} m of your home ({name or 'one spot'})"
        yield Detection(
            detector="strava_privacy", category=Category.HOME_ADDRESS, severity=severity,
            confidence=round(min(0.95, 0.6 + 0.05 * n), 3), title=title, reason=why, evidence=evidence,
            key="strava-home", source=at_home[0][0].source, platform=Platform.STRAVA, item_kind=ItemKind.ACTIVITY,
            place=place, related=tuple(o.source for o, _ in at_home[1:]),
            span=(evidence.index("(") + 1, len(evidence) - 1),
            points=tuple((round(o.lat, 6), round(o.lon, 6), o.kind.value) for o, _ in at_home[:500]),
        )

    def _photos(self, home: Cluster | None) -> Iterator[Detection]:
        located = [o for o in self.store.kept if o.kind in (ItemKind.PHOTO, ItemKind.VIDEO) and not o.is_end]
        by_platform: dict[Platform, list[Observation]] = defaultdict(list)
        for o in located:
            by_platform[o.platform].append(o)
        for platform, photos in by_platform.items():
            at_home = [o for o in photos if home is not None
                       and haversine_m(home.lat, home.lon, o.lat, o.lon) <= max(80.0, home.radius_m * 1.5)]
            n = len(photos)
            severity = Severity.HIGH if at_home else Severity.MEDIUM
            evidence = f"{n} photo{'s' if n != 1 else ''} with a GPS position" + (
                f", {len(at_home)} of them at your home" if at_home else "")
            first = (at_home or photos)[0]
            yield Detection(
                detector="photo_metadata", category=Category.PHOTO_METADATA, severity=severity,
                confidence=0.95 if platform is Platform.PHOTOS else 0.9,
                title=(f"{n} {platform.label} photos carry the place they were taken" if platform is not Platform.PHOTOS
                       else f"{n} of your photos carry the place they were taken"),
                reason=("Each of these photos records where it was taken"
                        + (", and some were taken at your home." if at_home else ".")
                        + " Anyone with the file, or the platform's record of it, can read that position."),
                evidence=evidence, key=f"gps:{platform.value}", source=first.source, platform=platform,
                item_kind=first.kind, related=tuple(o.source for o in photos if o is not first),
                place=Place(first.lat, first.lon, first.accuracy_m) if at_home else None,
            )
        yield from self._camera_still_tagging(located)
        yield from self._camera_identity()

    def _camera_still_tagging(self, located: Sequence[Observation]) -> Iterator[Detection]:
        latest = self.store.latest_photo_time
        if latest is None:
            return
        recent = [o for o in located if o.source.timestamp is not None
                  and o.source.timestamp >= latest - timedelta(days=183)]
        if not recent:
            return
        recent.sort(key=lambda o: o.source.timestamp or latest, reverse=True)
        evidence = f"{len(recent)} photos from your last six months carry a GPS position"
        yield Detection(
            detector="photo_metadata", category=Category.PHOTO_METADATA, severity=Severity.MEDIUM, confidence=0.85,
            title="Your camera is still adding your location to photos",
            reason=("Your most recent photos still carry GPS positions, so location tagging is probably still on "
                    "in your phone's camera. Every new photo you share can give away where it was taken."),
            evidence=evidence, key="camera-location-on", source=recent[0].source, platform=recent[0].platform,
            item_kind=recent[0].kind, related=tuple(o.source for o in recent[1:50]),
        )

    def _camera_identity(self) -> Iterator[Detection]:
        groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
        for item in self.store.photos:
            for key, value in item.details:
                if key in ("owner", "artist", "serial", "body_serial", "lens_serial") and value.strip():
                    kind = "owner" if key in ("owner", "artist") else "serial"
                    groups[(kind, value.strip())].append(item)
        for (kind, value), items in groups.items():
            first = items[0]
            if kind == "owner":
                title = "Your photos carry the camera owner's name"
                reason = ("The camera writes an owner name into every photo. Shared files tell anyone who took them.")
                evidence = f"camera owner: {value}"
            else:
                title = "Your photos carry your camera's serial number"
                reason = ("A serial number links every photo from the same camera, even ones shared under "
                          "another name.")
                evidence = f"camera serial number: {value}"
            start = evidence.index(":") + 2
            yield Detection(
                detector="photo_metadata", category=Category.PHOTO_METADATA, severity=Severity.MEDIUM,
                confidence=0.9, title=title, reason=reason, evidence=evidence, key=f"{kind}:{value.lower()}",
                source=first.source, platform=first.platform, item_kind=first.kind,
                related=tuple(i.source for i in items[1:]), span=(start, len(evidence)),
            )


def role_word(role: str) -> str:
    return {"home": "where you sleep", "work": "where you work"}.get(role, "one place")
