"""Invented people with different amounts of exposure, written as real exports by the builders.

Used to check that the score spreads (a careful person scores low, a person with everything
public scores high, most fall between) and that a printed plan stays short. Every person is
invented; names, numbers and places come from the builders' invented ranges.

`write_person(level, folder, seed)` writes up to four exports (X, Instagram, Facebook, Strava)
and returns their paths. `level` runs from 0 (nothing worth finding) to 4 (most things public).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.builders._zipped import write_zip
from tests.builders.facebook import FacebookExport, FbPost
from tests.builders.instagram import IgPost, InstagramExport
from tests.builders.strava import Activity, StravaExport, route
from tests.builders.x import Tweet, XArchive

LEVELS = (0, 1, 2, 3, 4)
HOME = (51.4470, -0.0420)  # a street in south-east London (invented person)
WORK = (51.4577, -0.0124)
CHATTER = (
    "What a match last night, Palace were all over the place",
    "Made a curry for tea, the kids actually ate it",
    "Rain again. Of course it is.",
    "Finished the new Rebus at last",
    "Roadworks on the South Circular again",
    "The cat has decided the printer is her bed now",
)
# What a person at each level posts beyond chatter (cumulative: level 3 posts levels 1-3).
EXPOSED = {
    1: ("Back on nights at the nick tomorrow, response team are short again",),
    2: ("Finally got the keys to 27 Acacia Grove, SE23 2QP, housewarming Saturday!",
        "Two weeks in Tenerife from Saturday, house empty!"),
    3: ("Proud of my daughter Poppy, first day at St Saviour's primary today",
        "Op Blueharbour warrant this morning, three in custody, can't say more",
        "Call me on 07700 900183 if you want the tickets"),
    4: ("parkrun at Hilly Fields every Saturday 9am, come along",
        "Passed out of Hendon today, PC 4471 reporting for duty",
        "Our new sergeant couldn't organise a piss-up in a brewery. Clueless."),
}


def _posts(level: int, rng: random.Random) -> list[str]:
    texts = list(CHATTER)
    for n in range(1, level + 1):
        texts.extend(EXPOSED[n])
    rng.shuffle(texts)
    return texts


def _when(rng: random.Random, i: int) -> datetime:
    return datetime(2025, 1, 5, 19, 0, tzinfo=UTC) + timedelta(days=9 * i + rng.randint(0, 5))


def x_export(level: int, rng: random.Random) -> XArchive:
    tweets = [Tweet(text, _when(rng, i)) for i, text in enumerate(_posts(level, rng))]
    return XArchive(username="jo_invented", display_name="Jo Invented", tweets=tweets,
                    birth_date="1991-06-02" if level >= 2 else None,
                    location="Forest Hill, London" if level >= 3 else "",
                    bio="Response officer, views my own" if level >= 3 else "Coffee and running",
                    protected_history=[] if level >= 1 else [(datetime(2020, 1, 1, tzinfo=UTC), "Protect")])


def instagram_export(level: int, rng: random.Random) -> InstagramExport:
    posts = [IgPost(text, _when(rng, i)) for i, text in enumerate(_posts(max(0, level - 1), rng))]
    return InstagramExport(private=level <= 1, posts=posts,
                           bio="Met Police, Lewisham" if level >= 4 else "Coffee and running",
                           birth_date="1991-06-02")


def facebook_export(level: int, rng: random.Random) -> FacebookExport:
    posts = [FbPost(text, _when(rng, i)) for i, text in enumerate(_posts(level, rng))]
    work = [{"employer": "Metropolitan Police Service", "title": "Police Constable"}] if level >= 2 else []
    return FacebookExport(posts=posts, work=work, family=[("Poppy Invented", "Daughter")] if level >= 3 else [],
                          current_city="Forest Hill, London" if level >= 1 else "",
                          phones=["+44 7700 900183"] if level >= 4 else [])


def strava_export(level: int, rng: random.Random) -> StravaExport:
    zones = [] if level >= 2 else [("27 Acacia Grove", 400)]
    start = datetime(2026, 5, 2, 8, 15, tzinfo=UTC)
    activities = [Activity(15_000_000_000 + week, start + timedelta(days=7 * week + rng.randint(0, 1)),
                           route(HOME, WORK if week % 2 else (51.4440, -0.0300), 90))
                  for week in range(2 + level)]
    return StravaExport(first_name="Jo", last_name="Invented", city="London", activities=activities,
                        privacy_zones=zones, activity_visibility="everyone" if level >= 2 else "followers_only")


def write_person(level: int, folder: Path, seed: int = 0, exports: int = 4) -> list[Path]:
    """Write an invented person's exports (the first `exports` of X, Instagram, Facebook, Strava)."""
    rng = random.Random(seed * 10 + level)
    folder.mkdir(parents=True, exist_ok=True)
    makers = (("twitter-2026-11-01-jo.zip", x_export), ("instagram-jo-2026-11-02.zip", instagram_export),
              ("facebook-jo-2026-11-02.zip", facebook_export), ("export_15000000.zip", strava_export))
    return [write_zip(maker(level, rng).files(), folder / name) for name, maker in makers[:exports]]
