"""A year of check-ins by an invented officer: the kind of history that gave 320 findings, one per check-in.

About 300 check-ins: the gym twice a week, Saturday parkrun, the local pub and café a few hundred
metres from home, the supermarket, friends' places, a fortnight in Tenerife, whole-town check-ins
("London, England") and a long tail of one-off restaurants and venues. Some check-ins carry no
coordinates, only the place's name (as Facebook writes older pages). Places and people are
invented; the coordinates sit around the invented home of `tests/places/scenario.py`.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from checks.places.geo import move
from checks.records import Audience, GeoPoint, Item, ItemKind, Platform, Source
from tests.builders.facebook import FacebookExport, FbCheckin
from tests.places.scenario import DECOYS, GYM, HOLIDAY, HOME, PARKRUN


@dataclass(frozen=True)
class Venue:
    name: str
    address: str
    lat: float
    lon: float


def _venue(name: str, address: str, east_m: float, north_m: float, base: tuple[float, float] = HOME) -> Venue:
    lat, lon = move(base[0], base[1], east_m, north_m)
    return Venue(name, address, lat, lon)


LOCAL_PUB = _venue("The Invented Oak", "Examplewood Parade, London", 210, -160)  # ~265 m from home
LOCAL_CAFE = _venue("Perrymead Café", "Madeup Road, London", -300, 220)  # ~370 m
GYM_VENUE = Venue("FitInvent Forest Hill", "Sample Street, London", *GYM)
PARKRUN_VENUE = Venue("Invented Fields parkrun", "Invented Fields, London", *PARKRUN)
SUPERMARKET = Venue("Samplesbury's Lewisham", "Example High Street, London", *DECOYS[2])
FRIENDS = Venue("The Fictional Arms", "Nowhere Lane, London", *DECOYS[0])
TOWNS = [Venue("London, England", "", 51.5074, -0.1278), Venue("Brighton, United Kingdom", "", 50.8225, -0.1372),
         Venue("Manchester, England", "", 53.4808, -2.2426)]
HOLIDAY_VENUES = [_venue(f"Hotel {name}", "Avenida Ejemplo, Arona", 150 * n, 90 * n, HOLIDAY)
                  for n, name in enumerate(("Inventado", "Ficticio", "Ejemplar"))]
NEAR_HOME = (LOCAL_PUB, LOCAL_CAFE)
FREQUENT = (GYM_VENUE, PARKRUN_VENUE, SUPERMARKET, FRIENDS)


@dataclass(frozen=True)
class Checkin:
    """One check-in: when, where (the venue), and whether the export kept its coordinates."""

    when: datetime
    venue: Venue
    located: bool = True


@dataclass
class CheckinLife:
    checkins: list[Checkin]

    def count(self, venues: tuple[Venue, ...] | list[Venue]) -> int:
        return sum(1 for c in self.checkins if c.venue in venues)

    def items(self, platform: Platform = Platform.FACEBOOK, audience: Audience = Audience.UNKNOWN) -> list[Item]:
        """The check-ins as a reader yields them (Facebook's 2024 layout pointers)."""
        out = []
        for n, c in enumerate(self.checkins):
            point = GeoPoint(c.venue.lat, c.venue.lon) if c.located else None
            pointer = f"/{n}/label_values/0/dict/2/value" if c.located else f"/{n}/label_values/0/dict/0/value"
            out.append(Item(platform, ItemKind.CHECKIN,
                            Source(0, "your_facebook_activity/posts/check-ins.json", pointer, c.when),
                            text=c.venue.name, location=point, audience=audience,
                            details=(("place", c.venue.name), ("address", c.venue.address))))
        return out

    def facebook_export(self) -> FacebookExport:
        """A whole Facebook export (2024 layout) holding these check-ins and nothing else of note."""
        return FacebookExport(checkins=[
            FbCheckin(c.when, c.venue.name, c.venue.address, c.venue.lat if c.located else None,
                      c.venue.lon if c.located else None) for c in self.checkins])


_FIRST = ("Golden", "Crooked", "Silver", "Hidden", "Painted", "Copper", "Velvet", "Wandering", "Quiet", "Lucky",
          "Amber")
_SECOND = ("Spoon", "Lantern", "Kettle", "Anchor", "Owl", "Pear", "Compass", "Ladder", "Thimble", "Teapot")


def _one_offs(rng: random.Random, n: int) -> list[Venue]:
    """Restaurants, cinemas and shops across London, each visited once or a few times."""
    names = [f"The {a} {b}" for a in _FIRST for b in _SECOND]
    rng.shuffle(names)
    out = []
    for name in names[:n]:
        east, north = rng.uniform(-15_000, 15_000), rng.uniform(-12_000, 12_000)
        if abs(east) < 1_500 and abs(north) < 1_500:
            east += 3_000  # keep the tail away from home: it is the tail, not the neighbourhood
        out.append(_venue(name, "Example Street, London", east, north))
    return out


def build(seed: int = 3, days: int = 365) -> CheckinLife:
    rng = random.Random(seed)
    start = datetime(2025, 1, 6, tzinfo=timezone.utc)
    tail = _one_offs(rng, 110)
    out: list[Checkin] = []

    def at(day: datetime, hour: float, venue: Venue, located: bool = True) -> None:
        out.append(Checkin(day + timedelta(hours=hour, minutes=rng.randint(0, 40)), venue, located))

    for d in range(days):
        day = start + timedelta(days=d)
        weekday = day.weekday()
        if 150 <= d < 164:  # the fortnight in Tenerife
            if d % 3 == 0:
                at(day, 13, rng.choice(HOLIDAY_VENUES))
            continue
        if weekday in (0, 3) and rng.random() < 0.55:
            at(day, 18, GYM_VENUE)
        if weekday == 5 and rng.random() < 0.6:
            at(day, 9, PARKRUN_VENUE, located=rng.random() < 0.7)  # some pages kept only the name
        if weekday == 4 and rng.random() < 0.45:
            at(day, 20, LOCAL_PUB, located=rng.random() < 0.8)
        if weekday == 6 and rng.random() < 0.3:
            at(day, 10, LOCAL_CAFE)
        if weekday == 6 and rng.random() < 0.2:
            at(day, 15, rng.choice((SUPERMARKET, FRIENDS)))
        if rng.random() < 0.04:
            at(day, 12, rng.choice(TOWNS))
        if rng.random() < 0.42:
            at(day, rng.uniform(11, 21), rng.choice(tail))
    return CheckinLife(out)
