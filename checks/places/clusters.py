"""Density clustering of grid cells into places, and the statistics that tell home from work.

A greedy peak clustering: take the heaviest unassigned cell, gather every unassigned cell whose
centre lies within `radius_m` of it, re-centre on their weighted mean, repeat. Places of a
person's life (home, station, gym) are small and dense, so this finds them without letting a
busy neighbourhood chain into one blob, and it runs in time proportional to the cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from checks.places.fusion import CELL_DEG, Cell
from checks.places.geo import haversine_m
from checks.records import Platform, Source

GATHER_RADIUS_M = 130.0


@dataclass
class Cluster:
    """A place: merged cells with their combined statistics."""

    lat: float
    lon: float
    weight: float = 0.0
    count: int = 0
    radius_m: float = 0.0
    nights: set[int] = field(default_factory=set)
    days: set[int] = field(default_factory=set)
    weekend_days: set[int] = field(default_factory=set)
    weekday_daytime: set[int] = field(default_factory=set)
    home_labels: int = 0
    work_labels: int = 0
    week_slots: dict[tuple[int, int], set[int]] = field(default_factory=dict)
    samples: list[tuple[Platform, Source]] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)  # the grid cells it was made of

    def home_score(self) -> float:
        return (2.0 * len(self.nights) + 1.0 * len(self.weekend_days) + 0.5 * len(self.days)
                + 25.0 * min(self.home_labels, 4) + 0.05 * self.weight)

    def work_score(self) -> float:
        return (1.5 * len(self.weekday_daytime) + 0.5 * len(self.days) + 25.0 * min(self.work_labels, 4)
                + 0.02 * self.weight)


def _neighbours(key: tuple[int, int], reach: int) -> Iterable[tuple[int, int]]:
    for di in range(-reach, reach + 1):
        for dj in range(-reach, reach + 1):
            yield key[0] + di, key[1] + dj


def cluster_cells(cells: dict[tuple[int, int], Cell], radius_m: float = GATHER_RADIUS_M,
                  min_weight: float = 0.5, limit: int = 60) -> list[Cluster]:
    """The `limit` heaviest places, each a cluster of nearby cells."""
    reach = int(radius_m / (CELL_DEG * 111_000 * 0.6)) + 1
    unassigned = {k for k, c in cells.items() if c.weight > 0}
    order = sorted(unassigned, key=lambda k: (-cells[k].weight, k))  # ties by place: the same in any order
    clusters: list[Cluster] = []
    for seed in order:
        if seed not in unassigned:
            continue
        if cells[seed].weight < min_weight and len(clusters) >= 1:
            break
        lat, lon = cells[seed].lat, cells[seed].lon
        members: list[tuple[int, int]] = []
        for _ in range(2):  # gather, re-centre, gather again
            members = [k for k in _neighbours(seed, reach) if k in unassigned
                       and haversine_m(lat, lon, cells[k].lat, cells[k].lon) <= radius_m]
            total = sum(cells[k].weight for k in members)
            if total <= 0:
                break
            lat = sum(cells[k].lat * cells[k].weight for k in members) / total
            lon = sum(cells[k].lon * cells[k].weight for k in members) / total
        if not members:
            unassigned.discard(seed)
            continue
        cluster = Cluster(lat, lon, cells=members)
        spread = 0.0
        for k in members:
            c = cells[k]
            unassigned.discard(k)
            cluster.weight += c.weight
            cluster.count += c.count
            cluster.nights |= c.nights
            cluster.days |= c.days
            cluster.weekend_days |= c.weekend_days
            cluster.weekday_daytime |= c.weekday_daytime
            cluster.home_labels += c.home_labels
            cluster.work_labels += c.work_labels
            if len(cluster.samples) < 6:
                cluster.samples.extend(c.samples[: 6 - len(cluster.samples)])
            for slot, weeks in c.week_slots.items():
                cluster.week_slots.setdefault(slot, set()).update(weeks)
            spread += c.weight * haversine_m(lat, lon, c.lat, c.lon) ** 2
        cluster.radius_m = max(25.0, (spread / cluster.weight) ** 0.5 * 1.5 if cluster.weight else 25.0)
        clusters.append(cluster)
        if len(clusters) >= limit:
            break
    return clusters
