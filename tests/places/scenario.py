"""A year in the life of an invented officer, as located items from several platforms.

Realistic on purpose: GPS jitter of 5-40 m, a shift rota with night shifts at the station,
weekly parkrun and gym, decoy places (friends, the pub, a supermarket), a fortnight's holiday
abroad, a few far-off days out, and raw location history with imprecise fixes. Deterministic
for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from checks.places.geo import move
from checks.records import GeoPoint, Item, ItemKind, Platform, SettingName, Source

HOME = (51.4402, -0.0485)  # an invented spot in south-east London
STATION = (51.4563, -0.0185)  # the invented station, about 2.9 km away
PARKRUN = (51.4581, -0.0241)
GYM = (51.4477, -0.0604)
DECOYS = [(51.4721, -0.0702), (51.4329, -0.0211), (51.4498, -0.0390)]  # friends, pub, supermarket
HOLIDAY = (28.0997, -16.6810)  # Tenerife


@dataclass
class Scenario:
    items: list[Item] = field(default_factory=list)
    truth_home: tuple[float, float] = HOME
    truth_work: tuple[float, float] = STATION
    truth_routine: tuple[float, float] = PARKRUN


def _jitter(rng: random.Random, point: tuple[float, float], metres: float) -> tuple[float, float]:
    return move(point[0], point[1], rng.gauss(0, metres), rng.gauss(0, metres))


def build(seed: int = 7, *, platforms: tuple[str, ...] = ("instagram", "strava", "google", "facebook", "x"),
          days: int = 300, strava_zone_m: float | None = None, home: tuple[float, float] = HOME) -> Scenario:
    rng = random.Random(seed)
    sc = Scenario(truth_home=home)
    start = datetime(2025, 1, 6, tzinfo=timezone.utc)  # a Monday in winter (UK time = UTC)
    counters = {p: 0 for p in ("instagram", "strava", "google", "facebook", "x")}
    holiday = range(150, 164)

    def add(platform: str, kind: ItemKind, when: datetime, point: tuple[float, float], acc: float | None = 20.0,
            end: tuple[float, float] | None = None, label: str | None = None) -> None:
        if platform not in platforms:
            return
        n = counters[platform]
        counters[platform] += 1
        plat, file, pointer = {
            "instagram": (Platform.INSTAGRAM, "your_instagram_activity/media/posts_1.json",
                          f"/{n}/media/0/media_metadata/photo_metadata/exif_data/0"),
            "strava": (Platform.STRAVA, "activities.csv", f"/{n}/Activity ID"),
            "google": (Platform.GOOGLE, "Takeout/Location History (Timeline)/Records.json", f"/locations/{n}"),
            "facebook": (Platform.FACEBOOK, "your_facebook_activity/posts/check-ins.json", f"/{n}/place/coordinate"),
            "x": (Platform.X, "data/tweets.js", f"/{n}/tweet/coordinates"),
        }[platform]
        sc.items.append(Item(
            platform=plat, kind=kind, source=Source(0, file, pointer, when), location=GeoPoint(*point, acc),
            end_location=GeoPoint(*end, acc) if end else None, label=label,
            media=f"media/posts/{n}.jpg" if kind is ItemKind.PHOTO else None,
        ))

    for d in range(days):
        day = start + timedelta(days=d)
        weekday = day.weekday()
        rota = d % 10  # 0-3 early shifts, 4-7 nights, 8-9 rest days
        if d in holiday:
            if d % 2 == 0:
                add("instagram", ItemKind.PHOTO, day + timedelta(hours=rng.uniform(10, 19)),
                    _jitter(rng, HOLIDAY, 300))
            add("google", ItemKind.LOCATION, day + timedelta(hours=23), _jitter(rng, HOLIDAY, 30), 15)
            continue
        # Raw location history: every couple of hours, with shift patterns.
        for hour in range(0, 24, 2):
            t = day + timedelta(hours=hour, minutes=rng.randint(0, 59))
            if rota <= 3:  # earlies: 07-15 at the station
                where = STATION if 7 <= hour < 15 else home
            elif rota <= 7:  # nights: 22-06 at the station, asleep at home by day
                where = STATION if (hour >= 22 or hour < 6) else home
            else:
                where = home if hour < 10 or hour >= 20 else rng.choice([*DECOYS, home, GYM])
            acc = rng.choice([8, 12, 20, 35, 60, 250, 1500])
            add("google", ItemKind.LOCATION, t, _jitter(rng, where, 25), acc)
        # Photos: at home in the evenings, out and about at weekends.
        if rng.random() < 0.25:
            add("instagram", ItemKind.PHOTO, day + timedelta(hours=rng.uniform(19, 22)), _jitter(rng, home, 12), None)
        if weekday >= 5 and rng.random() < 0.4:
            add("instagram", ItemKind.PHOTO, day + timedelta(hours=rng.uniform(11, 17)),
                _jitter(rng, rng.choice(DECOYS), 30), None)
        # Saturday parkrun at 9am (UK winter: UTC) on most weeks; a run from home on Wednesdays.
        if weekday == 5 and rng.random() < 0.8:
            t = day + timedelta(hours=9, minutes=rng.randint(0, 4))
            add("strava", ItemKind.ACTIVITY, t, _jitter(rng, PARKRUN, 15), 10, end=_jitter(rng, PARKRUN, 15))
        if weekday == 2 and rota > 3:
            t = day + timedelta(hours=16, minutes=rng.randint(0, 30))
            add("strava", ItemKind.ACTIVITY, t, _jitter(rng, home, 10), 10, end=_jitter(rng, home, 10))
        if weekday in (0, 3) and rng.random() < 0.6:
            add("facebook", ItemKind.CHECKIN, day + timedelta(hours=18, minutes=rng.randint(0, 50)),
                _jitter(rng, GYM, 20), None)
        if rng.random() < 0.05:
            add("x", ItemKind.POST, day + timedelta(hours=rng.uniform(8, 23)), _jitter(rng, rng.choice(DECOYS), 40))
        if rng.random() < 0.03:  # a day out somewhere else entirely
            add("instagram", ItemKind.PHOTO, day + timedelta(hours=14), _jitter(rng, (51.75, -1.25), 500), None)
    if strava_zone_m is not None and "strava" in platforms:
        sc.items.append(Item(Platform.STRAVA, ItemKind.SETTING, Source(0, "privacy_zones.csv", "/0/Radius"),
                             text="1", field=SettingName.PRIVACY_ZONES))
        sc.items.append(Item(Platform.STRAVA, ItemKind.SETTING, Source(0, "privacy_zones.csv", "/0/Radius"),
                             text=str(strava_zone_m), field=SettingName.PRIVACY_ZONE_RADIUS_M))
    # Exports arrive in any order and photos in no particular order, but a location history file
    # is a time-ordered stream (as Records.json and Timeline exports are).
    fixes = sorted((i for i in sc.items if i.kind is ItemKind.LOCATION), key=lambda i: i.time or start)
    others = [i for i in sc.items if i.kind is not ItemKind.LOCATION]
    rng.shuffle(others)
    cut = rng.randint(0, len(others))
    sc.items = others[:cut] + fixes + others[cut:]
    return sc
