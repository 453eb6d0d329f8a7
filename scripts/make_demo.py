"""Builds the bundled demo exports in resources/demo/ and their ground truth, TRUTH.json.

Everything is invented: one fictional officer (the `PERSONA` below), her posts and profile, in
the real export structures made by the builders in `tests/builders/`. The output is
deterministic (fixed seed, fixed dates, fixed zip times), so running this again changes nothing
unless the content changed. Run from the project's root:

    .venv/bin/python scripts/make_demo.py            # rebuild resources/demo/
    .venv/bin/python scripts/make_demo.py --out DIR  # build elsewhere (tests compare)

One function per platform. A platform plugs in by a `build_<platform>` function here, listed in
`BUILDERS`, or, without touching this file, from its own `tests/builders/<platform>.py`, which
this script finds and calls, with either
- `build_demo(out: Path, persona: Persona, truth: Truth) -> list[Path]`: writes its export(s) into
  `out` and records every planted exposure with `truth.plant(...)`; or
- `build_demo_<platform>(out: Path) -> Path` plus a list `DEMO_TRUTH` of planted records
  (`platform`, `category`, `file`, `pointer`, `what`, optionally `timestamp`, `location`).
Planted records carry the record's pointer and timestamp, so tests can compute recall on the
demo the way the outside evaluation does. A rebuild first removes the exports listed in the
previous TRUTH.json, so renamed exports do not linger.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import pkgutil
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checks.records import Platform  # noqa: E402
from tests.builders.facebook import (  # noqa: E402
    DEMO_BIRTHDAY,
    DEMO_CHILD,
    DEMO_EMAIL,
    DEMO_EMPLOYER,
    DEMO_HOME,
    DEMO_NAME,
    DEMO_PARTNER,
    DEMO_PHONE,
    DEMO_POSTCODE,
    DEMO_STATION,
    DEMO_STREET,
)
from tests.builders.x import DirectMessage, Media, NoteTweet, Tweet, XArchive  # noqa: E402

DEMO_DIR = ROOT / "resources" / "demo"
EXPORT_DATE = datetime(2026, 11, 1, 9, 12, 44, tzinfo=UTC)
SEED = 20261101


@dataclass(frozen=True)
class Persona:
    """The invented officer every demo export belongs to (so platforms tell one consistent story).

    The name, address, phone, birthday, employer and home are the ones the Meta, LinkedIn and
    TikTok demo builders use (`tests/builders/facebook.py`), so the demo is one person.
    """

    name: str = DEMO_NAME
    first_name: str = DEMO_NAME.split()[0]
    username: str = "samh_se23"
    email: str = DEMO_EMAIL
    phone_display: str = "0" + DEMO_PHONE.removeprefix("+44 ")  # Ofcom's drama range: never a real number
    phone_e164: str = DEMO_PHONE.replace(" ", "")
    birth_date: str = "{:04d}-{:02d}-{:02d}".format(*DEMO_BIRTHDAY)
    age: int = 36  # on the export date
    street_address: str = DEMO_STREET
    postcode: str = DEMO_POSTCODE
    area: str = "Forest Hill"
    home: tuple[float, float] = DEMO_HOME
    station_place: tuple[float, float] = DEMO_STATION
    force: str = DEMO_EMPLOYER
    force_handle: str = "metpoliceuk"
    role: str = "Response PC"
    station: str = "Lewisham"
    children: tuple[str, ...] = (DEMO_CHILD.split()[0], "Alfie")
    school: str = "Horniman Primary"
    partner: str = DEMO_PARTNER.split()[0]
    parkrun: str = "Hilly Fields"
    parkrun_place: tuple[float, float] = (51.45795, -0.02360)
    gym: str = "the gym on Catford Broadway"
    football_team: str = "Palace"


PERSONA = Persona()


@dataclass
class Truth:
    """The planted exposures of the demo, written to TRUTH.json."""

    planted: list[dict[str, Any]] = field(default_factory=list)
    exports: list[dict[str, str]] = field(default_factory=list)

    def export(self, name: str, platform: str, description: str) -> None:
        self.exports.append({"export": name, "platform": platform, "description": description})

    def plant(self, *, export: str, platform: str, category: str, file: str, pointer: str,
              what: str, timestamp: datetime | None = None, location: tuple[float, float] | None = None,
              radius_m: float | None = None) -> None:
        entry: dict[str, Any] = {"export": export, "platform": platform, "category": category, "file": file,
                                 "pointer": pointer, "what": what}
        if timestamp is not None:
            entry["timestamp"] = timestamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if location is not None:
            entry["location"] = {"lat": location[0], "lon": location[1], "radius_m": radius_m or 150.0}
        self.planted.append(entry)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "offduty.demo-truth/1",
            "about": "Ground truth of the bundled demo: every exposure deliberately planted in the invented "
                     "exports. A planted record is found when a finding has the same category, export and file, "
                     "and its pointer starts with `pointer` (or its timestamp equals `timestamp`); a place "
                     "(`location`) is found by a finding of that category within `radius_m`.",
            "person": "invented; any resemblance to a real person is coincidental",
            "exports": sorted(self.exports, key=lambda e: e["export"]),
            "planted": sorted(self.planted, key=lambda p: (p["export"], p["file"], p["pointer"], p["category"])),
        }


# -- X ---------------------------------------------------------------------------------------------

X_EXPORT = f"twitter-2026-11-01-{hashlib.sha256(b'offduty demo x archive').hexdigest()}.zip"

_FOOTBALL = [
    "What a finish! {team} nick it in the 94th minute", "Can't believe that penalty decision. Robbed.",
    "Selhurst rocking tonight, best atmosphere all season", "Another clean sheet, defence looking solid",
    "Transfer window silliness has started again", "Away day tomorrow, 6am coach, why do I do this to myself",
    "That midfield was asleep for the whole first half", "Three points is three points, not pretty though",
    "Fantasy football team is an absolute disaster this week", "Watching the highlights for the fifth time",
    "Derby day nerves already", "Who else thinks VAR is ruining the game?",
]
_COOKING = [
    "Made a proper lasagne from scratch, worth the two hours", "Sourdough attempt number 4. Still flat.",
    "Slow cooker chilli on, house smells amazing", "Banana bread because the bananas were judging me",
    "Tried the air fryer chips everyone goes on about. They're right.", "Sunday roast for eight, send help",
    "Thai green curry night, went a bit heavy on the chillies", "Meal prep Sunday: 5 boxes of something beige",
    "Homemade pizza dough actually worked for once", "Anyone got a good recipe for a crumble topping?",
]
_TV = [
    "Line of Duty was brilliant, that ending!", "Finally started Slow Horses, why did nobody tell me",
    "Bake Off tent drama is the only drama I need", "Rewatching The Office for the hundredth time",
    "Strictly results show, my nerves", "Is anyone else watching that new Scandi crime thing?",
    "Great British Menu has me wanting to cook things I can't pronounce", "Gogglebox makes me cry every week",
    "Traitors finale, I was shouting at the telly", "Documentary about octopuses was unreal",
]
_WEATHER = [
    "Rain again. Of course it is.", "Actual sunshine! Everyone outside!", "Frost on the car this morning, brrr",
    "That wind is something else today", "Hottest day of the year and I'm in a jumper, why",
    "Thunder at 3am, the cat was not impressed", "Drizzle. The worst kind of rain.", "Lovely crisp autumn morning",
]
_LIFE = [
    "Dentist said I'm doing great. I'll take it.", "New trainers, new me", "Finished my book in one sitting",
    "Garden centre trip turned into a whole day out", "Charity quiz night, we came second to last",
    "Got my hair cut, feel like a new person", "Spent the afternoon building flat pack furniture. Never again.",
    "Coffee number three and it's not even 10", "Lovely walk along the river with the dog",
    "Car's MOT passed, small miracles", "Phone died at the worst moment", "Bank holiday weekend, bliss",
]
_RETWEETS = [
    "RT @BBCWeather: Heavy rain moving in from the west this afternoon",
    "RT @GBBO: The tent is open. Who's ready?", "RT @parkrunUK: Thank you to all our volunteers this weekend",
    "RT @CPFC: Matchday. Let's go!",
]


def _ordinary_tweets(rng: random.Random, persona: Persona, count: int) -> list[Tweet]:
    start = datetime(2014, 2, 1, tzinfo=UTC)
    span = (datetime(2026, 10, 25, tzinfo=UTC) - start).total_seconds()
    tweets = []
    pools = [_FOOTBALL, _FOOTBALL, _COOKING, _TV, _WEATHER, _LIFE, _LIFE]
    apps = ["Twitter for iPhone", "Twitter for iPhone", "Twitter for Android", "Twitter Web App"]
    for k in range(count):
        moment = start + timedelta(seconds=int(rng.random() * span))
        moment = moment.replace(hour=rng.choice([7, 8, 12, 13, 18, 19, 20, 21, 22]), minute=rng.randrange(60),
                                second=rng.randrange(60))
        if rng.random() < 0.05:
            text = rng.choice(_RETWEETS)
        else:
            text = rng.choice(rng.choice(pools)).format(team=persona.football_team)
            if rng.random() < 0.15:
                text += rng.choice([" #COYP", " #GBBO", " #SundayRoast", " 😂", " 🙌", " #LineOfDuty"])
        media = (Media(),) if k % 53 == 7 else ()
        reply = rng.choice(["sam_b_cooks", "palace_pete", "weatherwatcher_se"]) if rng.random() < 0.12 else None
        tweets.append(Tweet(text, moment, media=media, in_reply_to=reply, source_app=rng.choice(apps),
                            favorites=rng.randrange(0, 12), retweets=rng.randrange(0, 3)))
    return tweets


def _jitter(rng: random.Random, point: tuple[float, float], metres: float) -> tuple[float, float]:
    lat, lon = point
    return (round(lat + rng.uniform(-metres, metres) / 111_320, 6),
            round(lon + rng.uniform(-metres, metres) / 69_300, 6))


def build_x(out: Path, persona: Persona, truth: Truth) -> list[Path]:
    """The invented officer's X archive: ~440 ordinary posts with exposures of every kind among them."""
    rng = random.Random(SEED)
    p = persona
    kids = p.children
    planted: list[tuple[Tweet, str, str]] = [  # (tweet, category, what)
        (Tweet(f"Finally got the keys to {p.street_address}, {p.postcode}!! First proper home 🏡",
               datetime(2015, 6, 20, 17, 41, 3, tzinfo=UTC)), "home_address", "street address and full postcode"),
        (Tweet(f"Passing out at Hendon today. Proud doesn't even cover it 👮‍♂️ #{p.force_handle}",
               datetime(2014, 9, 12, 15, 2, 44, tzinfo=UTC)), "employer_disclosure", "police training college"),
        (Tweet(f"Fourth night shift in a row on response at {p.station}. Sleeping till Tuesday, don't call me",
               datetime(2019, 2, 3, 7, 48, 10, tzinfo=UTC)), "employer_disclosure", "role, shifts and station"),
        (Tweet(f"{p.age} today! Cake for breakfast is allowed on your birthday",
               datetime(2026, 4, 17, 8, 5, 0, tzinfo=UTC)), "identity_details",
         "age and birthday"),
        (Tweet(f"New number folks, {p.phone_display}, text me so I can save yours",
               datetime(2021, 4, 9, 19, 12, 31, tzinfo=UTC)), "identity_details", "phone number"),
        (Tweet(f"So proud of {kids[0]}, first day at {p.school} 💙 where did my baby go",
               datetime(2022, 9, 7, 8, 31, 0, tzinfo=UTC), media=(Media(),)), "family_details",
         "child's name and school"),
        (Tweet(f"{kids[1]}'s 6th birthday party at the soft play on Saturday. Pray for me",
               datetime(2025, 3, 20, 20, 2, 17, tzinfo=UTC)), "family_details", "child's name and age"),
        (Tweet("Op Trident warrant this morning, 4 in custody, can't say more 🤐",
               datetime(2023, 11, 16, 11, 27, 54, tzinfo=UTC)), "official_information", "operation, warrant, arrests"),
        (Tweet("Our new Superintendent couldn't organise a piss-up in a brewery. Clueless dinosaurs running "
               "this place into the ground", datetime(2024, 1, 22, 23, 14, 2, tzinfo=UTC)), "conduct_risk",
         "derogatory remark about senior leadership"),
        (Tweet(f"parkrun at {p.parkrun} every Saturday 9am, come and join us!",
               datetime(2023, 5, 13, 11, 2, 40, tzinfo=UTC)), "location_pattern", "weekly routine, time and place"),
        (Tweet(f"School run then straight to {p.gym}, same every weekday. Routine is everything",
               datetime(2024, 10, 2, 9, 55, 13, tzinfo=UTC)), "location_pattern", "weekday routine"),
        (Tweet("Two weeks in Tenerife from Saturday, house empty! 🌞✈️",
               datetime(2025, 7, 30, 21, 40, 9, tzinfo=UTC)), "location_pattern", "announced absence from home"),
    ]
    # Old geotagged posts (before X stopped precise geotags in 2019), clustered at home and at parkrun.
    home_tags = [Tweet(text, datetime(2015, 7, 4, 21, 3, 0, tzinfo=UTC) + timedelta(days=41 * k, hours=k % 3),
                       coordinates=_jitter(rng, p.home, 25), order="lonlat" if k % 2 else "latlon",
                       place=f"{p.area}, London", place_box=(51.425, -0.070, 51.450, -0.035),
                       source_app="Twitter for iPhone")
                 for k, text in enumerate(["Cosy night in with a takeaway", "Garden looking lovely in the evening sun",
                                           "Finally finished painting the hallway", "Movie night, popcorn ready",
                                           "BBQ in the back garden 🔥", "Candles on, rain outside, perfect",
                                           "Home sweet home after a long week"])]
    park_tags = [Tweet(text, datetime(2016, 4, 2, 9, 41, 0, tzinfo=UTC) + timedelta(days=7 * 9 * k),
                       coordinates=_jitter(rng, p.parkrun_place, 40), place="Brockley, London",
                       place_box=(51.452, -0.045, 51.472, -0.015))
                 for k, text in enumerate(["New PB! 26:41", "Muddy one today", "Tail walker this week, lovely crowd"])]
    ordinary = _ordinary_tweets(rng, p, 430)
    all_tweets = sorted([*ordinary, *(t for t, _, _ in planted), *home_tags, *park_tags],
                        key=lambda t: t.created_at, reverse=True)  # archives list the newest first
    note = NoteTweet(
        "Long one, sorry. Ten years a response officer this month and I still love it. Lewisham nights, the "
        "team, the van banter, the 3am kebab van. Some shifts are awful and you carry them home, but most days "
        "you get to help someone on the worst day of their life, and that's the job. Thanks to everyone who "
        "has had my back. Here's to ten more. 💙", datetime(2024, 9, 12, 20, 44, 1, tzinfo=UTC))
    archive = XArchive(
        username=p.username, display_name=p.first_name + " ⚽", account_id="2874019355",
        email=p.email, created_at=datetime(2012, 8, 30, 18, 4, 51, tzinfo=UTC),
        bio=f"{p.role} @{p.force_handle} | {p.football_team} till I die | dad of two | views my own",
        website="", location=f"{p.area}, London", birth_date=p.birth_date, age=str(p.age), phone=p.phone_e164,
        tweets=all_tweets,
        deleted_tweets=[Tweet("Wrong photo, ignore me! 🙈", datetime(
            2026, 10, 20, 18, 3, 5, tzinfo=UTC))],
        note_tweets=[note],
        direct_messages=[
            DirectMessage("Running 10 mins late, save me a seat", datetime(2026, 9, 3, 18, 50, tzinfo=UTC),
                          "2874019355", "1061729517330157568"),
            DirectMessage("No worries, see you there", datetime(2026, 9, 3, 18, 52, tzinfo=UTC),
                          "1061729517330157568", "2874019355"),
        ],
        protected_history=[(datetime(2026, 6, 2, 22, 10, 4, tzinfo=UTC), "Protect"),
                           (datetime(2026, 8, 15, 9, 1, 37, tzinfo=UTC), "Unprotect")],
        screen_name_changes=[(datetime(2019, 1, 5, 12, 0, 0, tzinfo=UTC), "samhollis90", p.username)],
        generation_date=EXPORT_DATE,
    )
    path = archive.write_zip(out / X_EXPORT)
    truth.export(X_EXPORT, "x", "X (Twitter) archive of the invented officer")
    for tweet, category, what in planted:
        file, record = archive.where(tweet)
        truth.plant(export=X_EXPORT, platform="x", category=category, file=file, pointer=record.rsplit("/", 1)[0],
                    timestamp=tweet.created_at, what=what)
    truth.plant(export=X_EXPORT, platform="x", category="employer_disclosure", file="data/profile.js",
                pointer="/0/profile/description/bio", what="role and force in the profile bio")
    truth.plant(export=X_EXPORT, platform="x", category="employer_disclosure", file="data/note-tweet.js",
                pointer="/0", timestamp=note.created_at, what="role and station in a long post")
    truth.plant(export=X_EXPORT, platform="x", category="identity_details", file="data/ageinfo.js",
                pointer="/0", what="date of birth and age on the account")
    truth.plant(export=X_EXPORT, platform="x", category="account_exposure", file="data/protected-history.js",
                pointer="/1", timestamp=archive.protected_history[1][0],
                what="posts made public again (Unprotect)")
    for tag in home_tags:
        file, record = archive.where(tag)
        truth.plant(export=X_EXPORT, platform="x", category="home_address", file=file,
                    pointer=record.rsplit("/", 1)[0], timestamp=tag.created_at, what="post geotagged at home")
    for tag in park_tags:
        file, record = archive.where(tag)
        truth.plant(export=X_EXPORT, platform="x", category="location_pattern", file=file,
                    pointer=record.rsplit("/", 1)[0], timestamp=tag.created_at, what="post geotagged at parkrun")
    first_home = min(home_tags, key=lambda t: t.created_at)
    home_file, _ = archive.where(first_home)
    truth.plant(export=X_EXPORT, platform="x", category="home_address", file=home_file, pointer="",
                what="home inferred from geotagged posts", location=p.home, radius_m=150.0)
    first_park = min(park_tags, key=lambda t: t.created_at)
    park_file, _ = archive.where(first_park)
    truth.plant(export=X_EXPORT, platform="x", category="location_pattern", file=park_file, pointer="",
                what="Saturday-morning place from geotagged parkrun posts", location=p.parkrun_place, radius_m=150.0)
    return [path]


# -- the registry ------------------------------------------------------------------------------------

Builder = Callable[[Path, Persona, Truth], list[Path]]
BUILDERS: dict[str, Builder] = {"x": build_x}


def _adapt(platform: str, module: ModuleType) -> Builder | None:
    """A builder module's demo function as a Builder, or None when it has none.

    Two conventions: `build_demo(out, persona, truth) -> list[Path]` (the module plants its own
    truth), or `build_demo_<platform>(out) -> Path` with a module-level `DEMO_TRUTH` list of
    planted records (category, file, pointer, what; optional timestamp, location).
    """
    full = getattr(module, "build_demo", None)
    if callable(full):
        return cast(Builder, full)
    simple = getattr(module, f"build_demo_{platform}", None)
    if not callable(simple):
        return None

    def builder(out: Path, persona: Persona, truth: Truth) -> list[Path]:
        path = Path(simple(out))
        export = path.relative_to(out).parts[0]
        planted = list(getattr(module, "DEMO_TRUTH", []))
        kind = str(planted[0].get("platform", platform)) if planted else platform
        label = Platform(kind).label if kind in {p.value for p in Platform} else kind
        truth.export(export, kind, f"{label} export of the invented officer")
        for entry in planted:
            truth.planted.append({"export": export, "platform": kind, **entry})
        return [out / export]

    return builder


def _plugged_in() -> dict[str, Builder]:
    """Demo functions of tests/builders/<platform>.py for platforms not in BUILDERS."""
    import tests.builders as package

    found: dict[str, Builder] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name in BUILDERS or info.name.startswith("_"):
            continue
        builder = _adapt(info.name, importlib.import_module(f"tests.builders.{info.name}"))
        if builder is not None:
            found[info.name] = builder
    return found


def _clear_previous(out: Path) -> None:
    """Remove the exports a previous run wrote (as listed by its TRUTH.json), nothing else."""
    truth_file = out / "TRUTH.json"
    if not truth_file.is_file():
        return
    try:
        previous = json.loads(truth_file.read_text(encoding="utf-8")).get("exports", [])
    except (ValueError, AttributeError):
        return
    for entry in previous:
        name = str(entry.get("export", "")) if isinstance(entry, dict) else ""
        target = out / name
        if not name or "/" in name or "\\" in name or name.startswith(".") or target.resolve().parent != out.resolve():
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    truth_file.unlink()


def build(out: Path, persona: Persona = PERSONA, only: set[str] | None = None) -> Truth:
    """Build every platform's demo export into `out` and write TRUTH.json; returns the truth."""
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous(out)
    truth = Truth()
    failed = []
    for platform, builder in sorted({**BUILDERS, **_plugged_in()}.items()):
        if only and platform not in only:
            continue
        try:
            builder(out, persona, truth)
        except Exception as exc:  # one platform's broken builder must not lose the others
            failed.append(platform)
            print(f"demo: the {platform} builder failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    (out / "TRUTH.json").write_text(json.dumps(truth.to_json(), indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    if failed:
        raise SystemExit(f"demo: not built for {', '.join(failed)}")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="where to write (default resources/demo)")
    parser.add_argument("--only", action="append", metavar="PLATFORM", help="build only this platform (repeatable)")
    args = parser.parse_args(argv)
    truth = build(args.out, only=set(args.only) if args.only else None)
    print(f"demo: {len(truth.exports)} exports, {len(truth.planted)} planted exposures in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
