"""Generate large, realistic exports for the benchmarks (invented people only).

    .venv/bin/python bench/generate.py [--out bench/data] [--tweets 200000] [--fb-posts 50000]
        [--fb-photos 20000] [--google-mb 2048] [--photos 20000]

- an X archive (zip) with N tweets in the real structure (tests/builders/x.py), 1% of them
  carrying an exposure, the rest ordinary chatter;
- a Facebook export (2024+ JSON layout, tests/builders/facebook.py) with N posts and M photos;
- a Google Takeout `Records.json` of about the given size, streamed to disk (E7 coordinates,
  ISO timestamps), a fix every 2 minutes;
- a folder of N camera JPEGs with EXIF GPS, time, owner and serial (tests/builders/photos.py).

Each part is written once and skipped when it already exists (delete bench/data to redo).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORDINARY = [
    "What a match last night, {team} were all over the place in the second half",
    "Made a {food} for tea, kids actually ate it for once",
    "Anyone else watching {show}? No spoilers please",
    "Rain again. Of course it is. {n} days in a row now",
    "Finished {book} at last, the ending was a let down",
    "Roadworks on the {road} again, add 20 minutes to every journey",
    "New trainers arrived, going to try them out at the weekend",
    "Happy birthday to my brother, {n} years young",
    "The cat has decided the printer is her bed now",
    "Line of Duty was brilliant, still not over that finale",
]
EXPOSURES = [
    "finally got the keys to {n} Acacia Grove, SE23 2QP",
    "back on nights at the nick tomorrow, response team are short again",
    "call me on 07700 900{n:03d} if you want the tickets",
    "Op Blueharbour warrant this morning, {n} in custody, can't say more",
    "parkrun at Hilly Fields every Saturday 9am, come along",
    "two weeks in Tenerife from Saturday, house empty!",
]
FILL = {"team": ["Charlton", "Millwall", "Palace"], "food": ["lasagne", "curry", "pie"],
        "show": ["Happy Valley", "The Bill repeats", "Bake Off"], "book": ["the new Rebus", "Dune"],
        "road": ["A205", "South Circular", "A21"]}


def _text(rng: random.Random, i: int) -> str:
    pool = EXPOSURES if i % 100 == 0 else ORDINARY
    template = rng.choice(pool)
    values = {k: rng.choice(v) for k, v in FILL.items()}
    return template.format(n=rng.randint(2, 99), **values)


def x_archive(out: Path, count: int) -> Path:
    from tests.builders.x import Tweet, XArchive

    path = out / f"twitter-2026-11-01-{'b' * 64}.zip"
    if path.exists():
        return path
    rng = random.Random(1)
    start = datetime(2014, 1, 1, tzinfo=UTC)
    tweets = [Tweet(_text(rng, i), start + timedelta(minutes=37 * i + rng.randint(0, 30)), id=str(10**18 + i))
              for i in range(count)]
    archive = XArchive(username="bench_example", bio="Dad, runner, tea drinker", tweets=tweets,
                       tweets_per_file=100_000)
    return archive.write_zip(path)


def facebook(out: Path, posts: int, photos: int) -> Path:
    from tests.builders.facebook import FacebookExport, FbMedia, FbPost

    path = out / "facebook-benchexample-2026-11-1-Bn3hCh4k.zip"
    if path.exists():
        return path
    rng = random.Random(2)
    start = datetime(2012, 1, 1, tzinfo=UTC)
    items = []
    for i in range(posts):
        when = start + timedelta(hours=3 * i)
        media = []
        if i < photos:
            lat, lon = 51.44 + rng.gauss(0, 0.01), -0.05 + rng.gauss(0, 0.01)
            media = [FbMedia(f"p{i}.jpg", when, lat=lat, lon=lon, taken=when, include_file=(i % 10 == 0))]
        items.append(FbPost(_text(rng, i), when, media=media))
    export = FacebookExport(username="bench.example", posts=items, posts_per_file=10_000)
    return export.write_zip(path)


def google_records(out: Path, megabytes: int) -> Path:
    folder = out / "takeout-20261101T090000Z-001" / "Takeout" / "Location History (Timeline)"
    path = folder / "Records.json"
    if path.exists():
        return out / "takeout-20261101T090000Z-001"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    target = megabytes * 1024 * 1024
    when = datetime(2014, 1, 1, tzinfo=UTC)
    home, work = (514402000, -485000), (514563000, -185000)
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{\n  "locations": [')
        written = 0
        first = True
        while written < target:
            hour = when.hour
            lat, lon = home if (hour < 7 or hour >= 19) else work
            record = {"latitudeE7": lat + rng.randint(-300, 300), "longitudeE7": lon + rng.randint(-300, 300),
                      "accuracy": rng.choice([8, 12, 20, 35]), "source": "WIFI", "deviceTag": 1234567,
                      "timestamp": when.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
            chunk = ("" if first else ",") + "\n    " + json.dumps(record)
            fh.write(chunk)
            written += len(chunk)
            first = False
            when += timedelta(minutes=2)
        fh.write("\n  ]\n}\n")
    return out / "takeout-20261101T090000Z-001"


def photo_folder(out: Path, count: int) -> Path:
    from tests.builders.photos import PhotoSpec, photo_bytes

    folder = out / "photos"
    if folder.exists() and len(list(folder.iterdir())) >= count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4)
    for i in range(count):
        spec = PhotoSpec(51.44 + rng.gauss(0, 0.02), -0.05 + rng.gauss(0, 0.02),
                         taken=datetime(2020, 1, 1) + timedelta(hours=7 * i), owner="Bench Person",
                         serial="0123456789", size=(640, 480))
        (folder / f"IMG_{i:05d}.jpg").write_bytes(photo_bytes(spec))
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--tweets", type=int, default=200_000)
    parser.add_argument("--fb-posts", type=int, default=50_000)
    parser.add_argument("--fb-photos", type=int, default=20_000)
    parser.add_argument("--google-mb", type=int, default=2048)
    parser.add_argument("--photos", type=int, default=20_000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for label, make in (("X archive", lambda: x_archive(args.out, args.tweets)),
                        ("Facebook export", lambda: facebook(args.out, args.fb_posts, args.fb_photos)),
                        ("Google Records.json", lambda: google_records(args.out, args.google_mb)),
                        ("photo folder", lambda: photo_folder(args.out, args.photos))):
        started = time.perf_counter()
        path = make()
        print(f"{label}: {path} ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
