"""Places named in several records of one export, merged by name and position.

Facebook writes the same place in a post's place attachment (name, address, coordinates) and in
the check-ins or tagged-places files (sometimes by name only). `PlaceBook` lets located check-ins
through at once and remembers where each place name lies; a check-in naming a place without a
position is held back to the end and given the position the export shows for that name, when it
shows one position only (a chain's many shops keep none). The same place at the same time is
reported once. Memory is bounded by the places in a life (`MAX_HELD`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checks.places.geo import haversine_m
from checks.records import GeoPoint, Item, ItemKind

MAX_HELD = 20_000
SAME_PLACE_M = 200.0


def _name(item: Item) -> str:
    return " ".join((item.detail("place") or item.text).lower().split())


class PlaceBook:
    """Merges the check-ins of one export by place name and position."""

    def __init__(self) -> None:
        self.positions: dict[str, list[GeoPoint]] = {}
        self.held: list[Item] = []
        self.seen: set[tuple[str, float, float, object]] = set()

    def take(self, item: Item) -> bool:
        """Whether to pass `item` on now (False: held back or a repeat of one passed on)."""
        if item.kind is not ItemKind.CHECKIN or not _name(item):
            return True
        name = _name(item)
        if item.location is None:
            if len(self.held) < MAX_HELD:
                self.held.append(item)
                return False
            return True
        key = (name, round(item.location.lat, 4), round(item.location.lon, 4), item.time)
        if key in self.seen:
            return False
        self.seen.add(key)
        known = self.positions.setdefault(name, [])
        if len(known) < 8 and all(haversine_m(p.lat, p.lon, item.location.lat, item.location.lon) > SAME_PLACE_M
                                  for p in known):
            known.append(item.location)
        return True

    def rest(self) -> Iterator[Item]:
        """The held check-ins, each with its place's position when the export shows exactly one."""
        for item in self.held:
            known = self.positions.get(_name(item), [])
            if len(known) == 1:
                yield replace(item, location=known[0],
                              details=(*item.details, ("position_from", "another record of the same place")))
            else:
                yield item
        self.held.clear()
