"""Check-ins and visits: a handful of findings per platform, never one per check-in.

A person with 300 check-ins learns, per platform: how many check-ins the export records and who can
see them (`checkins`, location_pattern: "Your Facebook data records 300 check-ins, 120 of them
public"), how many sit close to where they sleep (`checkins_near_home`, home_address: "14 check-ins
on Facebook within 400 m of where you sleep") and the few places they check in at most often
(`frequent_place`, location_pattern: a place you keep going back to is where someone can wait for
you). Each finding lists its check-ins in `related`, so every check-in is still one click away.

Check-ins are grouped into places by position (within about 100 m); check-ins without coordinates
but with a place name join the place of the same name. A whole-town check-in ("London, England",
or a name that is the town the coordinates sit in) is not a place: it counts as a check-in but
never as a place someone can wait at, and the places analyzer does not see it.

Does not report: a place checked in at fewer than three different days, or within a month (a
fortnight's holiday is travel), places near home or work, or with a weekly routine (the home,
work and routine findings say those), labelled places (home, work, privacy zones: the home detectors' job).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checks.places.clusters import Cluster, cluster_cells
from checks.places.fusion import HOME_LABELS, Cell, cell_key
from checks.places.gazetteer import data_folder, near, nearest_place
from checks.places.geo import haversine_m, valid_point
from checks.places.wording import count_of, metres, place_evidence, visits, whole
from checks.records import (
    Audience,
    Category,
    Detection,
    GeoPoint,
    Item,
    ItemKind,
    Message,
    Place,
    Platform,
    Severity,
    Source,
    msg,
)

MAX_CHECKINS = 200_000  # kept one by one (a ten-year Timeline has a few tens of thousands of visits)
GROUP_RADIUS_M = 100.0
NEAR_HOME_M = 500.0
NEAR_HOME_MIN = 3
NEAR_WORK_M = 300.0
ROUTINE_M = 150.0  # a place a routine finding already reports (with its day and time)
FREQUENT_MIN_DAYS = 3
FREQUENT_MIN_WEEKS = 3
FREQUENT_MIN_SPAN_DAYS = 28
FREQUENT_MAX = 3  # per platform: the places checked in at most often
MAX_POINTS = 500
_VISIT_SOURCES = frozenset({"timeline visit", "place visit"})  # recorded by Google, not a check-in
_NOT_VISITS = frozenset({"strava privacy zone", "snapchat home and work"})  # a setting, not a place visited
_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland", "united kingdom", "uk", "great britain",
                      "britain", "gb", "ireland", "republic of ireland", "usa", "united states"})
Noun = Callable[[int], Message]  # "3 check-ins" or "3 visits"
_WIDTH = {Audience.PUBLIC: 3, Audience.FRIENDS: 2, Audience.PRIVATE: 1, Audience.UNKNOWN: 0}


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country names (lower case) from the gazetteer's data, for "Arona, Spain"-style town names."""
    folder = data_folder()
    if folder is None:
        return frozenset()
    names = set()
    with (folder / "countries.csv").open(encoding="utf-8") as fh:
        for line in fh:
            names.add(line.rstrip("\n").partition(",")[2].strip().strip('"').lower())
    return frozenset(n for n in names if n)


def _is_region(part: str) -> bool:
    low = part.lower()
    return low in _NATIONS or low in _countries() or (len(part) == 2 and part.isupper())


def is_whole_town(name: str, address: str = "", point: GeoPoint | None = None) -> bool:
    """"London, England", "Brighton, United Kingdom", "Lewisham" at Lewisham's centre: a town, not a place."""
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts or any(ch.isdigit() for ch in name):
        return False
    if address and " ".join(address.lower().split()) != " ".join(name.lower().split()):
        return False  # a venue with a street address
    if 2 <= len(parts) <= 3 and _is_region(parts[-1]):
        return True
    if point is None or len(parts) > 2:
        return False
    town = nearest_place(point.lat, point.lon)
    if town is None or town.distance_m > 5_000:
        return False
    first = parts[0].lower()
    return first in (town.name.lower(), town.county.lower()) or town.name.lower().startswith(first + " ")


def _name_key(name: str) -> str:
    return " ".join(name.lower().split()).strip(" .,;:!-")


@dataclass(frozen=True)
class Checkin:
    """One check-in or visit, kept for the findings (what it is, where, who could see it)."""

    platform: Platform
    source: Source
    name: str
    point: GeoPoint | None
    audience: Audience
    visit: bool
    town: bool

    @property
    def name_key(self) -> str:
        return _name_key(self.name)


def _recency(c: Checkin) -> tuple[int, float, str, str]:
    """Most recent first, then by where it is (a stable order for the same input)."""
    when = c.source.timestamp
    return (0 if when else 1, -when.timestamp() if when else 0.0, c.source.file, c.source.pointer)


@dataclass
class PlaceGroup:
    """Check-ins at one place: by position, or by name when the export kept no coordinates."""

    lat: float | None
    lon: float | None
    radius_m: float = 50.0
    checkins: list[Checkin] = field(default_factory=list)

    @property
    def name(self) -> str:
        names = Counter(c.name.strip() for c in self.checkins if c.name.strip())
        return min(names, key=lambda n: (-names[n], n)) if names else ""

    @property
    def key(self) -> str:
        if self.name:
            return _name_key(self.name)
        return f"{self.lat:.3f},{self.lon:.3f}"

    @property
    def located_key(self) -> str:
        """The key of a place whose name another place shares too (a chain's branches)."""
        return self.key if self.lat is None or self.lon is None else f"{self.key}@{self.lat:.3f},{self.lon:.3f}"

    def days(self) -> set[int]:
        return {c.source.timestamp.toordinal() for c in self.checkins if c.source.timestamp}

    def is_frequent(self) -> bool:
        days = self.days()
        if len(days) < FREQUENT_MIN_DAYS or max(days) - min(days) < FREQUENT_MIN_SPAN_DAYS:
            return False
        return len({d // 7 for d in days}) >= FREQUENT_MIN_WEEKS

    def distance_to(self, lat: float, lon: float) -> float | None:
        if self.lat is None or self.lon is None:
            return None
        return haversine_m(self.lat, self.lon, lat, lon)


class CheckinBook:
    """Every check-in of the audit, kept (bounded) until the findings are made."""

    def __init__(self) -> None:
        self.checkins: list[Checkin] = []

    def observe(self, item: Item) -> Checkin | None:
        """Keep a check-in item; None when it is not a place visited (a home label, a privacy zone)."""
        if item.kind is not ItemKind.CHECKIN:
            return None
        if (item.label or "").strip().lower() in HOME_LABELS or item.detail("source") in _NOT_VISITS:
            return None
        name = (item.text or item.detail("place") or item.detail("place_name") or "").strip()
        point = item.location if item.location and valid_point(item.location.lat, item.location.lon) else None
        if not name and point is None:
            return None
        checkin = Checkin(item.platform, item.source, name, point, item.audience,
                          item.detail("source") in _VISIT_SOURCES,
                          bool(name) and is_whole_town(name, item.detail("address") or "", point))
        if len(self.checkins) < MAX_CHECKINS:
            self.checkins.append(checkin)
        return checkin

    def by_platform(self) -> dict[Platform, list[Checkin]]:
        out: dict[Platform, list[Checkin]] = defaultdict(list)
        for c in self.checkins:
            out[c.platform].append(c)
        return out


def group_places(checkins: Sequence[Checkin]) -> list[PlaceGroup]:
    """The places of these check-ins, heaviest first; whole towns and nameless unplaced ones are left out."""
    located = sorted((c for c in checkins if c.point is not None and not c.town), key=_recency)
    cells: dict[tuple[int, int], Cell] = {}
    for c in located:
        assert c.point is not None
        cell = cells.setdefault(cell_key(c.point.lat, c.point.lon), Cell())
        cell.lat_sum += c.point.lat
        cell.lon_sum += c.point.lon
        cell.weight += 1.0
        cell.count += 1
    groups: list[PlaceGroup] = []
    in_cell: dict[tuple[int, int], PlaceGroup] = {}
    for cl in cluster_cells(cells, radius_m=GROUP_RADIUS_M, min_weight=0.0, limit=len(cells) + 1):
        groups.append(PlaceGroup(cl.lat, cl.lon, cl.radius_m))
        in_cell.update((k, groups[-1]) for k in cl.cells)
    for c in located:
        assert c.point is not None
        key = cell_key(c.point.lat, c.point.lon)
        if key not in in_cell:  # a cell the clustering left alone: its own place
            in_cell[key] = PlaceGroup(c.point.lat, c.point.lon)
            groups.append(in_cell[key])
        in_cell[key].checkins.append(c)
    _join_by_name(groups, [c for c in checkins if c.point is None and not c.town and c.name_key])
    groups.sort(key=lambda g: (-len(g.checkins), g.key))
    return groups


def _join_by_name(groups: list[PlaceGroup], unplaced: Sequence[Checkin]) -> None:
    """Check-ins with only a name join the located place of that name, or a place of their own."""
    by_name: dict[str, PlaceGroup] = {}
    for g in sorted(groups, key=lambda g: -len(g.checkins)):
        for c in g.checkins:
            if c.name_key:
                by_name.setdefault(c.name_key, g)
    for c in sorted(unplaced, key=_recency):
        group = by_name.get(c.name_key)
        if group is None:
            group = by_name[c.name_key] = PlaceGroup(None, None)
            groups.append(group)
        group.checkins.append(c)


@dataclass(frozen=True)
class Anchors:
    """What the check-in findings are measured against: the inferred home and work, if any."""

    home: Cluster | None = None
    work: Cluster | None = None
    home_confidence: float = 0.0
    routines: tuple[tuple[float, float], ...] = ()  # places a routine finding already reports

    @property
    def home_radius(self) -> float:
        """The radius of the home findings (what they list as "at home")."""
        return max(60.0, min(self.home.radius_m * 1.5, 200.0)) if self.home is not None else 0.0


def checkin_findings(book: CheckinBook, anchors: Anchors) -> Iterator[Detection]:
    """Per platform: the overview, check-ins near home, and the places checked in at most often."""
    for platform, checkins in sorted(book.by_platform().items(), key=lambda kv: kv[0].value):
        groups = group_places(checkins)
        noun = _noun(checkins)
        yield _overview(platform, checkins, groups, noun)
        if anchors.home is not None:
            yield from _near_home(platform, groups, anchors, noun)
        chosen = _frequent(groups, anchors)
        names = Counter(g.key for g in groups)
        for group in chosen:
            yield _frequent_place(platform, group, noun, group.key if names[group.key] == 1 else group.located_key)


def _noun(checkins: Sequence[Checkin]) -> Noun:
    """Google's Timeline records visits; everywhere else the person checked in."""
    if sum(c.visit for c in checkins) * 2 > len(checkins):
        return visits
    return lambda n: count_of(ItemKind.CHECKIN, n)


def _ordered(checkins: Sequence[Checkin]) -> list[Checkin]:
    """The widest-seen, most recent check-in first (it becomes the finding's `source`)."""
    return sorted(checkins, key=lambda c: (-_WIDTH[c.audience], _recency(c)))


def _points(checkins: Sequence[Checkin]) -> tuple[tuple[float, float, str], ...]:
    return tuple((round(c.point.lat, 6), round(c.point.lon, 6), ItemKind.CHECKIN.value)
                 for c in checkins if c.point is not None)[:MAX_POINTS]


def _names(groups: Sequence[PlaceGroup], limit: int = 3) -> str:
    return "; ".join([g.name for g in groups if g.name][:limit])


def _detection(*, detector: str, category: Category, severity: Severity, confidence: float, title: Message,
               reason: Message, evidence: str, key: str, checkins: Sequence[Checkin], platform: Platform,
               place: Place | None = None) -> Detection:
    ordered = _ordered(checkins)
    return Detection(
        detector=detector, category=category, severity=severity, confidence=round(confidence, 3), title=title,
        reason=reason, evidence=evidence, key=key, source=ordered[0].source, platform=platform,
        item_kind=ItemKind.CHECKIN, place=place, related=tuple(c.source for c in ordered[1:]),
        audience=ordered[0].audience, span=whole(evidence) if evidence else None,
        points=_points(ordered) if place is not None else (),
    )


def _overview(platform: Platform, checkins: Sequence[Checkin], groups: Sequence[PlaceGroup],
              noun: Noun) -> Detection:
    """Every check-in of the platform, and who can see them when the export says."""
    public = sum(1 for c in checkins if c.audience is Audience.PUBLIC)
    friends = sum(1 for c in checkins if c.audience is Audience.FRIENDS)
    things = noun(len(checkins))
    if public:
        title = msg("places.checkins.title.public", platform=platform, things=things, count=public)
        reason, severity = msg("places.checkins.reason.public"), Severity.MEDIUM
    elif friends:
        title = msg("places.checkins.title.friends", platform=platform, things=things, count=friends)
        reason, severity = msg("places.checkins.reason.friends"), Severity.LOW
    else:
        title = msg("places.checkins.title.recorded", platform=platform, things=things, count=len(checkins))
        reason, severity = msg("places.checkins.reason.recorded"), Severity.LOW
    towns = Counter(c.name for c in checkins if c.town)
    evidence = _names(groups) or "; ".join(sorted(towns, key=lambda n: (-towns[n], n))[:3])
    return _detection(detector="checkins", category=Category.LOCATION_PATTERN, severity=severity, confidence=0.9,
                      title=title, reason=reason, evidence=evidence, key=f"checkins:{platform.value}",
                      checkins=checkins, platform=platform)


def _near_home(platform: Platform, groups: Sequence[PlaceGroup], anchors: Anchors,
               noun: Noun) -> Iterator[Detection]:
    home = anchors.home
    assert home is not None
    close = [(g, d) for g in groups if (d := g.distance_to(home.lat, home.lon)) is not None and d <= NEAR_HOME_M]
    checkins = [c for g, _ in close for c in g.checkins]
    if len(checkins) < NEAR_HOME_MIN or all(d <= anchors.home_radius for _, d in close):
        return  # nothing beyond what the home finding already lists
    farthest = max(haversine_m(home.lat, home.lon, c.point.lat, c.point.lon) if c.point else d
                   for g, d in close for c in g.checkins)
    reach = min(int(NEAR_HOME_M), metres(farthest, 50))
    place = Place(home.lat, home.lon, round(home.radius_m, 1), near(home.lat, home.lon))
    yield _detection(
        detector="checkins_near_home", category=Category.HOME_ADDRESS,
        severity=Severity.HIGH if len(checkins) >= 10 else Severity.MEDIUM,
        confidence=min(0.95, 0.9 * anchors.home_confidence + 0.05),
        title=msg("places.near_home.title", platform=platform, things=noun(len(checkins)), distance=reach),
        reason=msg("places.near_home.reason", count=len(close)),
        evidence=_names([g for g, _ in close]) or place_evidence(home.lat, home.lon),
        key=f"near-home:{platform.value}", checkins=checkins, platform=platform, place=place)


def _frequent(groups: Sequence[PlaceGroup], anchors: Anchors) -> list[PlaceGroup]:
    near: list[tuple[float, float, float]] = [(lat, lon, ROUTINE_M) for lat, lon in anchors.routines]
    if anchors.home is not None:
        near.append((anchors.home.lat, anchors.home.lon, NEAR_HOME_M))
    if anchors.work is not None:
        near.append((anchors.work.lat, anchors.work.lon, NEAR_WORK_M))

    def excluded(g: PlaceGroup) -> bool:
        return any((d := g.distance_to(lat, lon)) is not None and d <= reach for lat, lon, reach in near)

    chosen = [g for g in groups if g.is_frequent() and not excluded(g)]
    return sorted(chosen, key=lambda g: (-len(g.checkins), g.key))[:FREQUENT_MAX]


def _frequent_place(platform: Platform, group: PlaceGroup, noun: Noun, key: str) -> Detection:
    days = group.days()
    weeks = len({d // 7 for d in days})
    place, evidence = None, group.name
    if group.lat is not None and group.lon is not None:
        place = Place(group.lat, group.lon, round(group.radius_m, 1), near(group.lat, group.lon))
        evidence = evidence or place_evidence(group.lat, group.lon)
    return _detection(
        detector="frequent_place", category=Category.LOCATION_PATTERN, severity=Severity.MEDIUM,
        confidence=min(0.9, 0.55 + 0.03 * len(days)),
        title=msg("places.frequent.title", platform=platform, things=noun(len(group.checkins))),
        reason=msg("places.frequent.reason", count=len(days), weeks=weeks),
        evidence=evidence, key=f"frequent:{key}", checkins=group.checkins, platform=platform, place=place)
