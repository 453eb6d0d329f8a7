"""Atheris harness for every registered reader: a small valid export of each format (built by
tests/builders) with one member replaced by fuzzed bytes must be read without an exception
escaping `Reader.read()`. Anything raised is a finding; the harness catches nothing.

Input layout: byte 0 picks the seed export (`SEEDS`: every format, some in two layouts), byte 1
picks the member, byte 2 picks the container (bit 0: zip or folder) and whether the seed's other
members are there too (bit 1); the rest is the member's content. The committed corpus
(tests/fuzz/corpus_readers/) holds every member of every seed as it is, alone, plus each whole
seed once, so fuzzing starts from real structures.

Run standalone (atheris is not a dependency of Offduty); OFFDUTY_FUZZ_FORMAT=x-archive,strava keeps
a run on those formats' seeds:

    nice -n 10 .venv/bin/python tests/fuzz/fuzz_readers.py -timeout=10 -rss_limit_mb=2048 \
        -max_total_time=600 /tmp/readers-corpus tests/fuzz/corpus_readers
    .venv/bin/python tests/fuzz/fuzz_readers.py --write-corpus   # regenerate the seed corpus

`one_input` is also replayed by tests/fuzz/test_readers_fuzz.py over the committed corpus.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
ROOT = HERE.parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = HERE.parent / "corpus_readers"
MAX_SEED_MEMBER = 24 * 1024  # corpus entries stay small
_WORKDIR: Path | None = None

HOME = (51.4452, -0.0471)  # an invented home and station in south London
WORK = (51.4613, -0.0094)
T0 = datetime(2025, 3, 3, 7, 30, tzinfo=UTC)


def _workdir() -> Path:
    global _WORKDIR
    if _WORKDIR is None:
        _WORKDIR = Path(tempfile.mkdtemp(prefix="offduty-fuzz-readers-"))
        atexit.register(shutil.rmtree, _WORKDIR, True)  # libFuzzer ends the process with exit()
    return _WORKDIR


# -- seed exports, one (or two) per format, in the real structures ------------------------------

def _x(layout: str = "tweets") -> dict[str, bytes]:
    from tests.builders.x import DirectMessage, Media, Tweet, XArchive

    return XArchive(
        layout=layout, bio="Runner. Dog person.", location="Forest Hill", birth_date="1991-06-02",
        phone="+447700900123",
        tweets=[Tweet("Parkrun done, back home for breakfast", T0, coordinates=HOME, place="Forest Hill"),
                Tweet("Early turn again", T0.replace(day=4), media=(Media(),), in_reply_to="1"),
                Tweet("Lovely evening", T0.replace(day=5), geo=True, coordinates=WORK)],
        direct_messages=[DirectMessage("see you at the station", T0, "1458362947120394240", "42")],
        protected_history=[(T0, "Protect")]).files()


def _facebook(fmt: str, layout: str = "2024") -> Callable[[], dict[str, bytes]]:
    def build() -> dict[str, bytes]:
        from tests.builders.facebook import FacebookExport, FbCheckin, FbMedia, FbPlace, FbPost

        return FacebookExport(
            fmt=fmt, layout=layout, phones=["+447700900123"], family=[("Sam Invented", "Brother")],
            work=[{"employer": "Acme Ltd", "title": "Clerk"}],
            posts=[FbPost("At the gym before shift", T0, place=FbPlace("Gym", *HOME, "1 High St")),
                   FbPost("New photo", T0.replace(day=4), media=[FbMedia("photos/a.jpg", T0)] if fmt == "json"
                          else [])],
            checkins=[FbCheckin(T0, "Cafe", "2 Low St", *WORK, "coffee")],
            comments=[("nice one", T0, "Jo commented")]).files()
    return build


def _instagram(fmt: str) -> Callable[[], dict[str, bytes]]:
    def build() -> dict[str, bytes]:
        from tests.builders.instagram import IgPost, InstagramExport

        return InstagramExport(fmt=fmt, posts=[IgPost("Sunny garden", T0), IgPost("Night shift", T0.replace(day=4))],
                               comments=[("great", "someone", T0)], based_in="London").files()
    return build


def _linkedin(layout: str = "2024") -> dict[str, bytes]:
    from tests.builders.linkedin import LinkedInExport

    return LinkedInExport(layout=layout, positions=[("Kent Police", "Detective Sergeant", "Maidstone", "Jan 2015", "")],
                          phones=[("", "07700 900123", "Mobile")], shares=[(T0, "Proud of the team", "MEMBER_NETWORK")],
                          comments=[(T0, "Congratulations")]).files()


def _tiktok() -> dict[str, bytes]:
    from tests.builders.tiktok import TikTokExport, TkVideo

    return TikTokExport(videos=[TkVideo("Walk in the park", T0, location="Forest Hill")],
                        comments=[("lol", T0)], shop_addresses=["1 High St, London SE23"]).files()


def _photos() -> dict[str, bytes]:
    from tests.builders.photos import PhotoSpec, photo_bytes

    return {"Photos/IMG_1.jpg": photo_bytes(PhotoSpec(*HOME, taken=datetime(2025, 6, 14, 18, 5), offset="+01:00",
                                                      owner="Jo Invented", serial="0320210")),
            "Photos/IMG_2.png": photo_bytes(PhotoSpec(*WORK, taken=datetime(2025, 6, 15, 9, 0)), "PNG")}


def _takeout() -> dict[str, bytes]:
    from tests.builders.google import activity_segment, labelled_places, place_visit, record, sidecar
    from tests.builders.photos import PhotoSpec, photo_bytes

    lh = "Takeout/Location History (Timeline)/"
    photo = "Takeout/Google Photos/Photos from 2025/PXL_1.jpg"
    return {
        lh + "Records.json": _json({"locations": [record(*HOME, T0), record(*WORK, T0.replace(hour=9),
                                                                             legacy_ms=True)]}),
        lh + "Semantic Location History/2025/2025_MARCH.json": _json({"timelineObjects": [
            place_visit(*HOME, T0, "Home", "1 High St, London", "TYPE_HOME"), activity_segment(HOME, WORK, T0)]}),
        "Takeout/Maps/My labelled places/Labelled places.json": _json(labelled_places([("Home", *HOME, "1 High St")])),
        photo: photo_bytes(PhotoSpec(*HOME, taken=datetime(2025, 6, 14, 18, 5))),
        photo + ".supplemental-metadata.json": _json(sidecar("PXL_1.jpg", T0, *HOME, *HOME)),
    }


def _timeline(kind: str) -> Callable[[], dict[str, bytes]]:
    def build() -> dict[str, bytes]:
        from tests.builders.google import android_timeline, ios_timeline

        data: Any = android_timeline(HOME, WORK, T0) if kind == "android" else ios_timeline(HOME, WORK, T0)
        return {"Timeline.json": _json(data)}
    return build


def _snapchat(html: bool) -> Callable[[], dict[str, bytes]]:
    def build() -> dict[str, bytes]:
        from tests.builders.snapchat import SnapExport, lat_long

        export = SnapExport(home=lat_long(*HOME), work=lat_long(*WORK), ghost_mode=False,
                            phones=[(T0, "+447700900123")], history=[(T0, *HOME), (T0.replace(hour=9), *WORK)],
                            places=[(T0, "Parkrun", "London")], memories=[(T0, *HOME, True)],
                            chats=[("sam", "on my way", T0, True), ("sam", "ok", T0, False)])
        return export.html_files() if html else export.files()
    return build


def _strava(generation: str = "2020") -> dict[str, bytes]:
    from tests.builders.strava import Activity, StravaExport, route

    kinds = (("gpx", False), ("fit", True), ("tcx", False))
    return StravaExport(generation=generation, privacy_zones=[("1 High St", 200)], activities=[
        Activity(100 + i, T0.replace(day=3 + i), route(HOME, WORK, 6), kind=kind, gz=gz, commute=i == 0)
        for i, (kind, gz) in enumerate(kinds)]).files()


def _mastodon() -> dict[str, bytes]:
    from tests.builders.mastodon import MastodonArchive, Toot
    from tests.builders.photos import PhotoSpec

    return MastodonArchive(fields=[("Day job", "PC, Met Police")], toots=[
        Toot("<p>Sourdough!</p>", T0),
        Toot("<p>Garden</p>", T0.replace(day=4), photo=PhotoSpec(*HOME, taken=datetime(2025, 3, 4, 8)), alt="garden")
    ]).files()


def _bluesky() -> dict[str, bytes]:
    from tests.builders.bluesky import Repo

    return {"repo.car": Repo(posts=[("3kaaa0000001", "Night shift again", {"createdAt": "2026-07-14T03:15:00.000Z"}),
                                    ("3kaaa0000002", "Parkrun PB", {})], stale_posts=[("3kaaa0000000", "old")]).car()}


def _threads() -> dict[str, bytes]:
    from tests.builders.threads import ThreadPost, ThreadsExport

    return ThreadsExport(posts=[ThreadPost("Late turn done", T0), ThreadPost("agreed", T0, reply=True),
                                ThreadPost("Garden", T0.replace(day=4), photo="g.jpg", lat=HOME[0], lon=HOME[1])],
                         private=False).files()


def _reddit(layout: str = "2024") -> dict[str, bytes]:
    from tests.builders.reddit import RedditExport, RedditPost

    return RedditExport(layout=layout, phone="+447700900123", birthdate="1991-06-02",
                        posts=[RedditPost("Probationer question", "Nights at the station", T0)],
                        comments=[("same here", T0)], messages=[("jo_invented", "sam", "see you there", T0)],
                        chats=[("jo_invented", "on my way", T0)]).files()


def _youtube(layout: str) -> Callable[[], dict[str, bytes]]:
    def build() -> dict[str, bytes]:
        from tests.builders.youtube import YouTubeTakeout, YtComment

        return YouTubeTakeout(layout=layout, comments=[YtComment("Great walk|\n|every Tuesday", T0)],
                              chats=[("hello", T0)], videos=[("vid0000001", "Parkrun", "Hilly Fields", T0)],
                              recorded_at=HOME, default_location=WORK).files()
    return build


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


# (format id, builder); the order is fixed so byte 0 of a corpus entry keeps its meaning.
SEEDS: tuple[tuple[str, Callable[[], dict[str, bytes]]], ...] = (
    ("x-archive", _x),
    ("facebook", _facebook("json")),
    ("facebook-html", _facebook("html")),
    ("instagram", _instagram("json")),
    ("instagram-html", _instagram("html")),
    ("linkedin-csv", _linkedin),
    ("tiktok", _tiktok),
    ("photos", _photos),
    ("google-takeout", _takeout),
    ("google-timeline", _timeline("android")),
    ("google-timeline", _timeline("ios")),
    ("snapchat", _snapchat(False)),
    ("snapchat-html", _snapchat(True)),
    ("strava", _strava),
    ("mastodon", _mastodon),
    ("bluesky-car", _bluesky),
    ("threads", _threads),
    ("reddit-csv", _reddit),
    ("youtube", _youtube("2025")),
    ("youtube", _youtube("2023")),
    # the older layouts of real exports (appended: byte 0 of older corpus entries keeps its meaning)
    ("x-archive", lambda: _x("2018")),
    ("facebook", _facebook("json", "2019")),
    ("linkedin-csv", lambda: _linkedin("2018")),
    ("strava", lambda: _strava("2018")),
    ("reddit-csv", lambda: _reddit("2023")),
)


@cache
def seed_files(index: int) -> dict[str, bytes]:
    """The files of seed export `index` (built once per process)."""
    return SEEDS[index][1]()


def seed_names(index: int) -> list[str]:
    return sorted(seed_files(index))


# -- running one export through its reader ---------------------------------------------------

class Finding(AssertionError):
    """A broken reader property (an exception escaping read() is reported as itself)."""


def write_export(files: dict[str, bytes], where: Path, as_zip: bool) -> Path:
    """Write `files` as a zip or a folder under `where` (a fresh, private directory)."""
    if as_zip:
        path = where / "export.zip"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
            for name in sorted(files):
                zf.writestr(zipfile.ZipInfo(name, (2026, 11, 1, 9, 0, 0)), files[name])
        path.write_bytes(buf.getvalue())
        return path
    root = where / "export"
    for name, data in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    root.mkdir(exist_ok=True)
    return root


def read_export(fmt: str, path: Path) -> tuple[int, int]:
    """Open `path`, recognise it and read it with the reader of `fmt`; check the reader's promises.

    Returns (items, skipped). Raises whatever the reader raises, or Finding.
    """
    from checks.errors import UnreadableExport
    from checks.exports.archive import open_export
    from checks.exports.recognise import recognise
    from checks.readers import READERS, ReadContext
    from checks.records import Message

    try:
        export = open_export([path])
    except UnreadableExport:
        return 0, 0
    with export:
        recognise(export)
        names = set(export.names())
        ctx = ReadContext(input_index=3, export=export)
        items = 0
        for item in READERS[fmt]().read(ctx):
            items += 1
            src = item.source
            if src.input != 3:
                raise Finding(f"{fmt}: item source input {src.input} is not the context's 3")
            if not isinstance(src.file, str) or src.file not in names:
                raise Finding(f"{fmt}: item source file {src.file!r} is not a member of the export")
            if not isinstance(src.pointer, str):
                raise Finding(f"{fmt}: item pointer is {type(src.pointer).__name__}")
            if src.timestamp is not None and src.timestamp.utcoffset() is None:
                raise Finding(f"{fmt}: naive timestamp")
            if not isinstance(item.text, str):
                raise Finding(f"{fmt}: item text is {type(item.text).__name__}")
        for skipped in ctx.skipped:
            if not isinstance(skipped.file, str) or not isinstance(skipped.reason, Message) or not skipped.reason.code:
                raise Finding(f"{fmt}: a skip without a reason code")
        return items, len(ctx.skipped)


def run(fmt: str, files: dict[str, bytes], as_zip: bool) -> tuple[int, int]:
    """Write `files` to a private temp dir, read them with `fmt`'s reader, clean up."""
    where = Path(tempfile.mkdtemp(dir=_workdir()))
    try:
        return read_export(fmt, write_export(files, where, as_zip))
    finally:
        shutil.rmtree(where, ignore_errors=True)


# OFFDUTY_FUZZ_FORMAT=x-archive (comma-separated ids) keeps a run on some formats' seeds.
_ONLY = [i for i, (fmt, _) in enumerate(SEEDS) if fmt in os.environ.get("OFFDUTY_FUZZ_FORMAT", "").split(",")]


def decode(data: bytes) -> tuple[str, dict[str, bytes], bool] | None:
    """An input's (format, files, as_zip), or None when it is too short to mean anything."""
    if len(data) < 3:
        return None
    index = _ONLY[data[0] % len(_ONLY)] if _ONLY else data[0] % len(SEEDS)
    names = seed_names(index)
    name = names[data[1] % len(names)]
    # Alone, each member gives its own coverage (so libFuzzer keeps every seed); with bit 1 set the
    # rest of the seed export is there too, as the reader meets it in a real export.
    files = dict(seed_files(index)) if data[2] & 2 else {}
    files[name] = data[3:]
    return SEEDS[index][0], files, bool(data[2] & 1)


def one_input(data: bytes) -> None:
    """The fuzz target."""
    decoded = decode(data)
    if decoded is not None:
        run(*decoded)


def corpus_entries() -> dict[str, bytes]:
    """The seed corpus: every member (up to MAX_SEED_MEMBER bytes) of every seed, unchanged, alone;
    and the first member with the rest of its seed."""
    out: dict[str, bytes] = {}
    for index, (fmt, _) in enumerate(SEEDS):
        for k, name in enumerate(seed_names(index)):
            content = seed_files(index)[name]
            if len(content) > MAX_SEED_MEMBER:
                continue
            for whole in (False, True) if k == 0 else (False,):
                data = bytes([index, k, (k & 1) | (2 if whole else 0)]) + content
                stem = f"{index:02d}-{fmt}-{k:02d}{'-all' if whole else ''}-{hashlib.sha1(data).hexdigest()[:8]}"
                out[stem] = data
    return out


def write_corpus() -> int:
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.iterdir():
        if not old.name.startswith("crash-"):  # regression entries of past finds stay
            old.unlink()
    entries = corpus_entries()
    for stem, data in entries.items():
        (CORPUS / stem).write_bytes(data)
    return len(entries)


def main() -> None:
    if "--write-corpus" in sys.argv:
        print(f"wrote {write_corpus()} corpus entries to {CORPUS}")
        return
    import atheris

    logging.disable(logging.CRITICAL)
    with atheris.instrument_imports(include=["checks"]):
        pass
    for index in range(len(SEEDS)):
        seed_files(index)  # build the seeds before fuzzing starts
    atheris.Setup(sys.argv, lambda data: one_input(bytes(data)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
