"""Place inference across every export: where you sleep, where you work, where you go each week.

Most people never wrote their address down, yet their photos, check-ins, runs and location
history point at their front door. This analyzer sees every located item of the audit (geo
fusion in `fusion.py`), clusters them into places (`clusters.py`) and reports:

- `home_inference` (home_address): the place with the most nights and weekends, or a place the
  platform itself labelled home (Google HOME, Snapchat Home). One finding per platform that
  gives it away, each listing the items that do ("Your Instagram data shows where you sleep: 14
  photos within 40 m"), all with the same place.
- `work_inference` (location_pattern): the other place you are at on most weekdays or shifts.
- `routine` (location_pattern): the same place at the same time each week (parkrun, gym, school
  run), seen in at least three different weeks.
- check-ins and visits (`checkins.py`): per platform, how many there are and who can see them,
  how many are near home, and the places checked in at most often; never one finding each.
- `strava_privacy` (home_address): activities that start or end at home, and whether a privacy
  zone exists and is big enough (starts just outside a small zone still point home); the zones
  come from the account settings the pipeline gathers once and hands over (`use_settings`).
- `photo_metadata` (`photos.py`): photos carrying GPS (high when taken at home), and "location
  tagging is still on" when recent photos carry GPS. Camera owner names and serial numbers are
  the `camera_identity` analyzer's (`camera.py`).

Titles and reasons are Messages (codes under `places.` in resources/words/); titles never name a
street, a town or a coordinate. The evidence is the place's name or position, masked on output.

It does not flag: a single visit, places seen on fewer than three nights, holidays (a week in
Tenerife is travel, not a routine), whole-town check-ins, or fixes less precise than 1 km.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from checks.detectors.base import Analyzer
from checks.places.camera import OWNER_FIELDS, SERIAL_FIELDS
from checks.places.checkins import Anchors, CheckinBook, checkin_findings
from checks.places.clusters import Cluster, cluster_cells
from checks.places.fusion import GeoStore, Observation
from checks.places.gazetteer import near
from checks.places.geo import haversine_m
from checks.places.photos import photo_findings
from checks.places.wording import DAYS, counted, hour_of_day, metres, place_evidence, whole
from checks.records import Category, Detection, Item, ItemKind, Message, Place, Platform, Severity, Source, msg

MIN_HOME_SCORE = 6.0
WORK_MIN_DAYS = 4
WORK_MIN_SHIFTS = 2  # weekdays in office hours, or nights, there
ROUTINE_MIN_WEEKS = 3
STRAVA_NEAR_HOME_M = 300.0
MAX_POINTS = 500
_CAMERA_FIELDS = frozenset(OWNER_FIELDS + SERIAL_FIELDS)


@dataclass(frozen=True)
class _Role:
    """How the findings about one inferred place (home or work) are worded and filed."""

    name: str
    detector: str
    category: Category
    title: Callable[[Platform, Message, int], Message]  # platform, what was found, how far
    reason: Callable[[Platform, int, bool], Message]  # platform, the place's radius, labelled by the platform


HOME = _Role(
    "home", "home_inference", Category.HOME_ADDRESS,
    lambda p, things, d: msg("places.home.title", platform=p, things=things, distance=d),
    lambda p, r, labelled: (msg("places.home.reason.labelled", platform=p, radius=r) if labelled
                            else msg("places.home.reason.plain", radius=r)))
WORK = _Role(
    "work", "work_inference", Category.LOCATION_PATTERN,
    lambda p, things, d: msg("places.work.title", platform=p, things=things, distance=d),
    lambda p, r, labelled: (msg("places.work.reason.labelled", platform=p) if labelled
                            else msg("places.work.reason.plain")))


def _points(obs: Sequence[tuple[Observation, float]]) -> tuple[tuple[float, float, str], ...]:
    return tuple((round(o.lat, 6), round(o.lon, 6), o.kind.value) for o, _ in obs[:MAX_POINTS])


def _sources(obs: Sequence[tuple[Observation, float]]) -> list[Source]:
    """Each item once (an activity's start and end are one item), nearest first."""
    return list(dict.fromkeys(o.source for o, _ in obs))


def _kinds(obs: Sequence[tuple[Observation, float]]) -> Counter[ItemKind]:
    """How many items of each kind (not how many points: a run has a start and an end)."""
    return Counter(kind for _, kind in dict.fromkeys((o.source, o.kind) for o, _ in obs))


class PlacesAnalyzer(Analyzer):
    """Geo fusion and inference of home, work, routines, check-ins, Strava exposure and photo GPS."""

    id = "places"

    def __init__(self) -> None:
        self.store = GeoStore()
        self.checkins = CheckinBook()
        self.settings: Mapping[str, str] = {}

    def use_settings(self, settings: Mapping[str, str]) -> None:
        """The account settings the pipeline gathered (`checks/settings.py`): Strava's privacy zones."""
        self.settings = settings

    def observe(self, item: Item) -> None:
        checkin = self.checkins.observe(item)
        if checkin is not None and checkin.town:
            return  # a whole town is not a place: it must not pull a home or a routine towards its centre
        if item.kind in (ItemKind.PHOTO, ItemKind.VIDEO) and any(k in _CAMERA_FIELDS for k, _ in item.details):
            # owner names and serials are the camera_identity analyzer's; the store need not keep the photo
            item = replace(item, details=tuple(d for d in item.details if d[0] not in _CAMERA_FIELDS))
        self.store.observe(item)

    # -- the reasoning ----------------------------------------------------------------------------
    def finish(self) -> Iterator[Detection]:
        self.store.flush()
        clusters = cluster_cells(self.store.cells)
        home = _pick_home(clusters)
        work = _pick_work(clusters, home)
        if home is not None:
            yield from self._place_findings(home, HOME, Severity.HIGH, _home_confidence(home))
        if work is not None:
            yield from self._place_findings(work, WORK, *_work_grade(work))
        routines = list(self._routines(clusters, home, work))
        yield from routines
        yield from checkin_findings(self.checkins, Anchors(
            home, work, _home_confidence(home) if home else 0.0,
            tuple((d.place.lat, d.place.lon) for d in routines if d.place is not None)))
        yield from self._strava(home)
        yield from photo_findings(self.store, home)

    def _nearby(self, lat: float, lon: float, radius: float) -> dict[Platform, list[tuple[Observation, float]]]:
        by_platform: dict[Platform, list[tuple[Observation, float]]] = defaultdict(list)
        for obs, d in self.store.kept_near(lat, lon, radius):
            by_platform[obs.platform].append((obs, d))
        for values in by_platform.values():
            values.sort(key=lambda od: (od[1], od[0].source.file, od[0].source.pointer))
        return by_platform

    def _place_findings(self, cluster: Cluster, role: _Role, severity: Severity,
                        confidence: float) -> Iterator[Detection]:
        radius = max(60.0, min(cluster.radius_m * 1.5, 200.0))
        place = Place(cluster.lat, cluster.lon, round(cluster.radius_m, 1), near(cluster.lat, cluster.lon))
        evidence = place_evidence(cluster.lat, cluster.lon)
        by_platform = self._nearby(cluster.lat, cluster.lon, radius)
        if not by_platform:  # known only from raw location history
            for platform, source in cluster.samples:
                by_platform[platform].append((_sample(cluster, platform, source), 0.0))
        for platform, obs in by_platform.items():
            kinds = _kinds(obs)
            labelled = any(o.label for o, _ in obs)
            sources = _sources(obs)
            yield Detection(
                detector=role.detector, category=role.category, severity=severity,
                confidence=round(min(0.98, confidence + (0.05 if labelled else 0.0)), 3),
                title=role.title(platform, counted(kinds), metres(max(d for _, d in obs))),
                reason=role.reason(platform, round(cluster.radius_m), labelled), evidence=evidence,
                key=f"{role.name}:{platform.value}", source=sources[0], platform=platform,
                item_kind=kinds.most_common(1)[0][0], place=place, related=tuple(sources[1:]),
                span=whole(evidence), points=_points(obs),
            )

    def _routines(self, clusters: Sequence[Cluster], home: Cluster | None, work: Cluster | None) -> Iterator[Detection]:
        for cluster in clusters:
            if any(other is not None and haversine_m(cluster.lat, cluster.lon, other.lat, other.lon) < 300
                   for other in (home, work)):
                continue
            slot = _regular_slot(cluster)
            if slot is not None:
                yield from self._routine(cluster, *slot)

    def _routine(self, cluster: Cluster, weekday: int, hour: int, weeks: int) -> Iterator[Detection]:
        obs_by_platform = self._nearby(cluster.lat, cluster.lon, max(80.0, cluster.radius_m * 1.5))
        matching = [(o, d) for values in obs_by_platform.values() for o, d in values
                    if o.local is not None and o.local.weekday() == weekday and abs(o.local.hour - hour) <= 1]
        if not matching:
            matching = [(_sample(cluster, p, s), 0.0) for p, s in cluster.samples]
        if not matching:
            return
        matching.sort(key=lambda od: (od[1], od[0].source.file, od[0].source.pointer))
        platform = Counter(o.platform for o, _ in matching).most_common(1)[0][0]
        sources = _sources(matching)
        day, time = DAYS[weekday], hour_of_day(hour)
        evidence = place_evidence(cluster.lat, cluster.lon)
        yield Detection(
            detector="routine", category=Category.LOCATION_PATTERN, severity=Severity.MEDIUM,
            confidence=round(min(0.9, 0.5 + 0.08 * weeks), 3),
            title=msg("places.routine.title", day=day, time=time),
            reason=msg("places.routine.reason", count=weeks, day=day, time=time),
            evidence=evidence, key=f"routine:{round(cluster.lat, 3)}:{round(cluster.lon, 3)}:{weekday}",
            source=sources[0], platform=platform, item_kind=matching[0][0].kind,
            place=Place(cluster.lat, cluster.lon, round(cluster.radius_m, 1), near(cluster.lat, cluster.lon)),
            related=tuple(sources[1:]), span=whole(evidence), points=_points(matching),
        )

    def _strava(self, home: Cluster | None) -> Iterator[Detection]:
        activities = [o for o in self.store.kept if o.platform is Platform.STRAVA and o.kind is ItemKind.ACTIVITY]
        if not activities or home is None:
            return
        zones = int(float(self.settings.get("strava.privacy_zones", "0") or 0))
        radius = float(self.settings.get("strava.privacy_zone_radius_m", "0") or 0)
        near_home = [(o, haversine_m(home.lat, home.lon, o.lat, o.lon)) for o in activities]
        at_home = sorted([(o, d) for o, d in near_home if d <= max(STRAVA_NEAR_HOME_M, radius + 250)],
                         key=lambda od: (od[1], od[0].source.file, od[0].source.pointer))
        if not at_home:
            return
        n = len(_sources(at_home))
        title, reason, severity = _strava_words(zones, radius, n)
        evidence = place_evidence(home.lat, home.lon)
        yield Detection(
            detector="strava_privacy", category=Category.HOME_ADDRESS, severity=severity,
            confidence=round(min(0.95, 0.6 + 0.05 * n), 3), title=title, reason=reason, evidence=evidence,
            key="strava-home", source=at_home[0][0].source, platform=Platform.STRAVA, item_kind=ItemKind.ACTIVITY,
            place=Place(home.lat, home.lon, round(home.radius_m, 1), near(home.lat, home.lon)),
            related=tuple(_sources(at_home)[1:]), span=whole(evidence), points=_points(at_home),
        )


def _strava_words(zones: int, radius: float, n: int) -> tuple[Message, Message, Severity]:
    if zones <= 0:
        return (msg("places.strava.title.no_zone", count=n), msg("places.strava.reason.no_zone"), Severity.HIGH)
    if radius and radius < 800:
        return (msg("places.strava.title.small_zone", count=n),
                msg("places.strava.reason.small_zone", radius=round(radius)), Severity.HIGH)
    return (msg("places.strava.title.zone", count=n), msg("places.strava.reason.zone"), Severity.MEDIUM)


def _sample(cluster: Cluster, platform: Platform, source: Source) -> Observation:
    """A raw location fix standing for a place known only from location history."""
    return Observation(cluster.lat, cluster.lon, 30.0, 0.1, platform, ItemKind.LOCATION, source, None, None)


def _pick_home(clusters: Sequence[Cluster]) -> Cluster | None:
    candidates = [c for c in clusters if c.home_labels or (len(c.nights) >= 2 and c.home_score() >= MIN_HOME_SCORE)]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c.home_score())


def _pick_work(clusters: Sequence[Cluster], home: Cluster | None) -> Cluster | None:
    candidates = []
    for c in clusters:
        if home is not None and haversine_m(c.lat, c.lon, home.lat, home.lon) < 300:
            continue
        weeks = {d // 7 for d in c.days}
        shifts = len(c.weekday_daytime | c.nights)  # an evening gym is not a workplace
        if c.work_labels or (len(c.days) >= WORK_MIN_DAYS and len(weeks) >= 2 and shifts >= WORK_MIN_SHIFTS
                             and len(c.days) > len(c.weekend_days)):
            candidates.append(c)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.work_score())
    if not best.work_labels and home is not None and best.work_score() < 0.25 * home.home_score():
        return None
    return best


def _home_confidence(home: Cluster) -> float:
    evidence = len(home.nights) + 0.5 * len(home.weekend_days)
    conf = 1.0 - 0.85 ** max(evidence, 0.0)
    if home.home_labels:
        conf = max(conf, 0.9)
    return round(min(0.98, max(0.4, conf)), 3)


def _work_grade(work: Cluster) -> tuple[Severity, float]:
    evidence = len(work.days) + 5 * min(work.work_labels, 2)
    severity = Severity.HIGH if work.work_labels or len(work.days) >= 10 else Severity.MEDIUM
    return severity, round(min(0.95, max(0.4, 1.0 - 0.85 ** evidence)), 3)


def _regular_slot(cluster: Cluster) -> tuple[int, int, int] | None:
    best: tuple[int, int, int] | None = None
    for (weekday, hour), weeks in sorted(cluster.week_slots.items()):
        merged = set(weeks)
        for dh in (-1, 1):
            merged |= cluster.week_slots.get((weekday, hour + dh), set())
        if len(merged) >= ROUTINE_MIN_WEEKS and (best is None or len(merged) > best[2]):
            best = (weekday, hour, len(merged))
    return best
