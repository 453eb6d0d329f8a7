"""The X (Twitter) archive reader: `twitter-YYYY-MM-DD-<hex>.zip`, its unpacked folder, or one `.js` file.

Every `data/*.js` file is `window.YTD.<type>.part<N> = [ ... ]`. The preface up to the first `=`
is consumed and the JSON after it is streamed with ijson one record at a time, so a 1 GB
`tweets.js` is read in bounded memory. Files are found through `data/manifest.js`
(`window.__THAR_CONFIG`, `dataTypes -> files`) and, when the manifest is missing or incomplete,
by their names (`tweets.js`, `tweets-part1.js`, the older `tweet.js`, ...).

What is read, and as what:

- posts: `tweets*.js` / `tweet*.js`, `deleted-tweets.js` (detail `deleted`), `note-tweet.js` (long
  posts), `community-tweet.js`, `twitter-circle-tweet.js` (audience followers). `full_text` is
  HTML-unescaped. Retweets (`RT @...`) are yielded with the detail `retweet=true`: they are not the
  person's words, detectors down-weight or ignore them. Replies carry `in_reply_to`.
- geotags: a tweet's `coordinates` / `geo` / `place` becomes a separate CHECKIN item (pointer
  `/41/tweet/coordinates`), so a post's text and its position are addressed exactly and a
  place analyzer counts each geotag once. Coordinates are strings in either order: a value
  over 90 in magnitude settles it, then the tweet's `place` box when there is one, otherwise
  GeoJSON order [lon, lat] for `coordinates` and [lat, lon] for `geo`. A `place` alone gives a
  coarse CHECKIN at the centre of its box (accuracy: half its diagonal).
- media: each `extended_entities.media` entry becomes a PHOTO or VIDEO item with the tweet's
  source and `media` set to the file in `data/tweets_media/` (or `tweet_media/`) when present;
  media files no tweet claims are yielded on their own.
- profile and identity: profile bio / website / location, account email / username / display
  name, ageinfo birth date and age, phone numbers (`phone-number.js`, `ni-devices.js`), old e-mail
  addresses and usernames, the
  professional "location spotlight" (address, postcode, phone), Periscope broadcast positions.
- settings: the latest `protected-history.js` action as SETTING `protected` = "true"/"false".
  Without a history the account is taken as public (X's default) for the audience of posts.
- direct messages: only those the account holder sent (`senderId` == account id), audience private.

Pre-2019 "Grailbird" archives (`data/js/tweets/YYYY_MM.js`, `data/js/user_details.js`) are read
the same way, and so are the first GDPR archives of 2018: every file at the root, no manifest,
messages in `direct-message.js` (`window.YTD.direct_message.part0`).

Damaged files (truncated JSON, invalid UTF-8, a bad zip CRC) are reported with `ctx.skip`; the
records read before the damage are kept and the other files are still read.
"""

from __future__ import annotations

import html
import io
import logging
import math
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import IO, Any, cast

from checks.pointer import join
from checks.readers.base import ReadContext, Reader
from checks.readers.jsonstream import READ_ERRORS, as_dict, as_list, as_str, reason_for, stopped, stream_at
from checks.readers.jsonstream import as_float as _num
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, GeoPoint, Item, ItemKind, Message, Platform, ProfileField, SettingName, msg

log = logging.getLogger(__name__)

MANIFEST_MAX_BYTES = 8 * 1024 * 1024
_PREFACE_MAX = 4096
_MEDIA_DIRS = ("tweets_media", "tweet_media", "deleted_tweets_media", "community_tweet_media")
_PART = re.compile(r"^(?P<base>[a-z0-9_-]+?)(?:-part(?P<n>\d+))?\.js$")
_TWITTER_TIME = re.compile(
    r"^\s*[A-Za-z]{3} (?P<mon>[A-Za-z]{3}) (?P<day>\d{1,2}) (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2}) "
    r"(?P<tz>[+-]\d{4}) (?P<year>\d{4})\s*$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_YTD_HEAD = re.compile(rb"window\.YTD\.([A-Za-z0-9_]{1,60})\.part(\d{1,4})\s*=")
_SOURCE_APP = re.compile(r">([^<]{1,80})<")
_PROFESSIONAL_KEYS: dict[str, ProfileField] = {
    "addressline1": ProfileField.ADDRESS,
    "addresssline1": ProfileField.ADDRESS,  # sic, as X's README spells it
    "addressline2": ProfileField.ADDRESS,
    "addresssline2": ProfileField.ADDRESS,
    "city": ProfileField.CITY,
    "administrativearea": ProfileField.CITY,
    "postalcode": ProfileField.POSTCODE,
    "phone": ProfileField.PHONE,
    "phonenumber": ProfileField.PHONE,
    "email": ProfileField.EMAIL,
}

# Reading order: identity and settings first (tweets need the username and the audience).
_ORDER = (
    "account", "grailbird-user", "profile", "protected-history", "ageinfo", "phone-number", "ni-devices",
    "email-address-change", "screen-name-change", "professional-data", "periscope-broadcast-metadata",
    "tweets", "tweet", "grailbird-tweets", "deleted-tweets", "deleted-tweet", "note-tweet", "community-tweet",
    "twitter-circle-tweet", "direct-messages", "direct-messages-group", "direct-message", "direct-message-group",
)
_TWEET_TYPES = {"tweets", "tweet", "deleted-tweets", "deleted-tweet", "community-tweet", "twitter-circle-tweet",
                "grailbird-tweets"}
# The pre-2019 "Grailbird" archive: data/js/tweets/2013_05.js (`Grailbird.data.tweets_2013_05 = [...]`).
_GRAILBIRD_TWEETS = re.compile(r"^(?:.*/)?data/js/tweets/(\d{4})_(\d{2})\.js$", re.I)
_GRAILBIRD_USER = re.compile(r"^(?:.*/)?data/js/user_details\.js$", re.I)
_PREFACES = (b"window.", b"Grailbird.", b"var ")


class _NotYtd(Exception):
    """The file does not start with a `window.YTD... =` preface or JSON; `reason` says which."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.code)
        self.reason = reason


_EMPTY_CHECK_ERRORS: tuple[type[BaseException], ...] = (_NotYtd, *READ_ERRORS)


class _Preface(io.RawIOBase):
    """A member stream with the `window.YTD.<type>.part0 =` preface removed; counts bytes read."""

    def __init__(self, inner: IO[bytes]) -> None:
        self._inner = inner
        self.consumed = 0  # bytes taken from the member so far
        self.offset = 0  # bytes of the member before the JSON starts
        self.first = b""  # the first non-blank byte of the JSON ("[" or "{")
        head = self._read_inner(_PREFACE_MAX)
        if not head.strip():
            raise _NotYtd(msg("reader.empty"))
        start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
        body = head[start:].lstrip()
        if body[:1] in (b"[", b"{"):
            self._pending = head[start:]
            self.offset = start
        else:
            eq = head.find(b"=")
            if eq < 0 or not body.startswith(_PREFACES):
                raise _NotYtd(msg("reader.x.not_data_file"))
            self._pending = head[eq + 1:]
            self.offset = eq + 1
        while not self._pending.strip():
            more = self._read_inner(_PREFACE_MAX)
            if not more:
                break
            self.offset += len(self._pending)
            self._pending = more
        stripped = self._pending.lstrip()
        self.first = stripped[:1]

    def _read_inner(self, size: int) -> bytes:
        data = self._inner.read(size)
        self.consumed += len(data)
        return data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._pending:
            data, self._pending = self._pending[: len(view)], self._pending[len(view):]
        else:
            data = self._read_inner(len(view))
        view[: len(data)] = data
        return len(data)


@dataclass
class _State:
    """What the reader learns along the way and needs later."""

    account_id: str | None = None
    username: str | None = None
    protected: bool | None = None
    media: dict[str, list[str]] = field(default_factory=dict)  # tweet id -> media member paths
    claimed: set[str] = field(default_factory=set)
    total_bytes: int = 1
    done_bytes: int = 0


def _s(value: Any) -> str:
    """A string as written (not stripped), a number as text, anything else ""."""
    return "" if isinstance(value, bool) else as_str(value, strip=False)


def parse_twitter_time(text: str) -> datetime | None:
    """`Tue Mar 05 14:02:11 +0000 2024` (locale-independent) or ISO 8601, in UTC; None if neither."""
    match = _TWITTER_TIME.match(text)
    if match:
        month = _MONTHS.get(match["mon"].lower())
        if month is None:
            return None
        tz = match["tz"]
        offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * (-1 if tz[0] == "-" else 1)
        try:
            moment = datetime(int(match["year"]), month, int(match["day"]), int(match["h"]), int(match["m"]),
                              int(match["s"]), tzinfo=timezone(offset))
        except ValueError:
            return None
        return moment.astimezone(UTC)
    return parse_iso_time(text)


def parse_iso_time(text: str) -> datetime | None:
    """`2022-01-27T15:58:52.744Z` and friends, in UTC (naive values taken as UTC)."""
    text = text.strip()
    if not text or not text[:1].isdigit():
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def order_coordinates(a: Any, b: Any, *, lon_first: bool) -> tuple[float, float] | None:
    """(lat, lon) from a pair in unknown order; a magnitude over 90 settles it, else `lon_first`."""
    x, y = _num(a), _num(b)
    if x is None or y is None or abs(x) > 180 or abs(y) > 180 or (x == 0 and y == 0):
        return None
    if abs(x) > 90 and abs(y) > 90:
        return None
    if abs(x) > 90:
        return y, x
    if abs(y) > 90:
        return x, y
    return (y, x) if lon_first else (x, y)


def _half_diagonal_m(lats: list[float], lons: list[float]) -> float:
    """Half the diagonal of a bounding box, in metres (equirectangular: fine at place scale)."""
    mid = math.radians((max(lats) + min(lats)) / 2)
    dy = (max(lats) - min(lats)) * 111_320.0
    dx = (max(lons) - min(lons)) * 111_320.0 * math.cos(mid)
    return max(10.0, math.hypot(dx, dy) / 2)


def _place_box(place: dict[str, Any]) -> tuple[list[float], list[float]]:
    """The latitudes and longitudes of a place's bounding box corners (GeoJSON [lon, lat])."""
    ring = as_list(as_dict(place.get("bounding_box")).get("coordinates"))
    corners = as_list(ring[0]) if ring and isinstance(ring[0], list) else []
    lats: list[float] = []
    lons: list[float] = []
    for corner in corners:
        pair = as_list(corner)
        if len(pair) == 2:
            ordered = order_coordinates(pair[0], pair[1], lon_first=True)
            if ordered:
                lats.append(ordered[0])
                lons.append(ordered[1])
    return lats, lons


def _inside(point: tuple[float, float], lats: list[float], lons: list[float], margin: float = 0.05) -> bool:
    return (min(lats) - margin <= point[0] <= max(lats) + margin
            and min(lons) - margin <= point[1] <= max(lons) + margin)


def _base_name(name: str) -> tuple[str, int] | None:
    """`data/tweets-part2.js` -> ("tweets", 2); None for names that are not YTD data files."""
    match = _PART.match(posixpath.basename(name).lower())
    if not match:
        return None
    return match["base"].replace("_", "-"), int(match["n"] or 0)


class XArchiveReader(Reader):
    """Reads an X (Twitter) archive; see the module docstring for what becomes which item."""

    spec = FormatSpec(
        "x-archive", Platform.X, expected_file="data/tweets.js",
        signs=(Sign(1.0, paths=("data/manifest.js",), head=(b"window.__THAR_CONFIG",)),
               Sign(0.9, pattern=r"^(data/)?[^/\n]+\.js$", head=(b"window.YTD.",)),
               Sign(0.6, pattern=r"(^|/)data/js/tweets/\d{4}_\d{2}\.js$"),
               Sign(0.6, paths=("tweets.csv",))),
        folders=("data", "assets"))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        state = _State()
        files = self._plan(ctx, state)
        if not files:
            ctx.note(msg("reader.x.no_files"))
        state.media = self._media_index(ctx)
        state.total_bytes = max(1, sum(self._size(ctx, name) for _, _, name in files))
        handlers: dict[str, Callable[[ReadContext, _State, str, str, Any, str], Iterator[Item]]] = {
            "account": self._account, "profile": self._profile,
            "ageinfo": self._ageinfo, "phone-number": self._phone, "ni-devices": self._ni_device,
            "email-address-change": self._email_change,
            "screen-name-change": self._screen_name_change, "professional-data": self._professional,
            "periscope-broadcast-metadata": self._periscope, "note-tweet": self._note_tweet,
            "grailbird-user": self._grailbird_user,
            "direct-messages": self._dm, "direct-messages-group": self._dm,
            "direct-message": self._dm, "direct-message-group": self._dm,  # the 2018 names
        }
        for base, _part, name in files:
            ctx.cancel.raise_if_cancelled()
            if base == "protected-history":
                yield from self._protected_file(ctx, state, name)
            elif base.startswith("direct-message") and not state.account_id:
                if not self._is_empty(ctx, name):
                    ctx.skip(name, msg("reader.x.messages_no_account"))
            else:
                handler = self._tweet if base in _TWEET_TYPES else handlers[base]
                yield from self._read_file(ctx, state, name, base, handler)
            state.done_bytes += self._size(ctx, name)
            ctx.progress(state.done_bytes / state.total_bytes, name)
        yield from self._orphan_media(ctx, state)
        ctx.progress(1.0)

    @staticmethod
    def _is_empty(ctx: ReadContext, name: str) -> bool:
        """Whether a data file holds an empty list (`window.YTD.x.part0 = []`)."""
        member = ctx.export.member(name)
        if member is None or member.size > 512:
            return False
        try:
            with ctx.export.open(name) as raw:
                return _Preface(raw).read().strip() == b"[]"
        except _EMPTY_CHECK_ERRORS:
            return False

    # -- finding the files ---------------------------------------------------------------------

    @staticmethod
    def _size(ctx: ReadContext, name: str) -> int:
        member = ctx.export.member(name)
        return member.size if member else 0

    def _plan(self, ctx: ReadContext, state: _State) -> list[tuple[str, int, str]]:
        """(type, part, member) for every data file this reader reads, in reading order."""
        found: dict[str, tuple[str, int]] = {}
        for name in ctx.export.names():
            grailbird = _GRAILBIRD_TWEETS.match(name)
            if grailbird:
                found[name] = ("grailbird-tweets", int(grailbird[1] + grailbird[2]))
                continue
            if _GRAILBIRD_USER.match(name):
                found[name] = ("grailbird-user", 0)
                continue
            low = name.lower()
            if not low.endswith(".js") or not ((low.startswith("data/") and low.count("/") == 1) or "/" not in low):
                continue
            parsed = _base_name(name)
            if not parsed or parsed[0] not in _ORDER:
                parsed = self._type_from_head(ctx, name)  # renamed: "tweets (1).js", "my tweets.js"
            if parsed and parsed[0] in _ORDER:
                found[name] = parsed
        listed = self._manifest(ctx, state)
        for listed_name in listed:
            parsed = _base_name(listed_name)
            if not parsed or parsed[0] not in _ORDER:
                continue
            member = ctx.export.member(listed_name)
            if member is None:
                ctx.skip(listed_name, msg("reader.x.listed_missing"))
            elif member.name not in found:
                found[member.name] = parsed
        return sorted(((b, p, n) for n, (b, p) in found.items()), key=lambda t: (_ORDER.index(t[0]), t[1], t[2]))

    @staticmethod
    def _type_from_head(ctx: ReadContext, name: str) -> tuple[str, int] | None:
        """The data type a file declares in its preface (`window.YTD.tweets.part1 =` -> ("tweets", 1))."""
        match = _YTD_HEAD.match(ctx.export.read_head(name, 256).removeprefix(b"\xef\xbb\xbf").lstrip())
        if not match:
            return None
        return match.group(1).decode("ascii").lower().replace("_", "-"), int(match.group(2))

    def _manifest(self, ctx: ReadContext, state: _State) -> list[str]:
        """File names listed by `data/manifest.js`; also takes the account id and username from it."""
        members = [m for m in ctx.export.find("data/manifest.js", "manifest.js")
                   if m.name.lower() in ("data/manifest.js", "manifest.js")]
        if not members:
            return []
        member = members[0]
        if member.size > MANIFEST_MAX_BYTES:
            ctx.skip(member.name, msg("reader.x.manifest_too_large"))
            return []
        try:
            with ctx.export.open(member.name) as raw:
                stream = cast(IO[bytes], _Preface(raw))
                config = next((v for _p, _at, v in stream_at(stream, [""])), None)
        except _NotYtd as exc:
            ctx.skip(member.name, msg("reader.x.manifest_unreadable", reason=exc.reason))
            return []
        except READ_ERRORS as exc:  # any damage means: fall back to the file names
            ctx.skip(member.name, msg("reader.x.manifest_unreadable", reason=reason_for(exc)))
            return []
        config = as_dict(config)
        user = as_dict(config.get("userInfo"))
        state.account_id = _s(user.get("accountId")) or None
        state.username = _s(user.get("userName")) or None
        partial = as_dict(config.get("archiveInfo")).get("isPartialArchive")
        if partial is True or partial == "true":
            ctx.note(msg("reader.x.partial"))
        names: list[str] = []
        for entry in as_dict(config.get("dataTypes")).values():
            for f in as_list(as_dict(entry).get("files")):
                file_name = _s(as_dict(f).get("fileName"))
                if file_name:
                    names.append(file_name.lstrip("./"))
        return names

    @staticmethod
    def _media_index(ctx: ReadContext) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for name in sorted(ctx.export.names()):
            parts = name.split("/")
            if len(parts) < 2 or parts[-2].lower() not in _MEDIA_DIRS:
                continue
            tweet_id, dash, rest = parts[-1].partition("-")
            if dash and tweet_id.isdigit() and rest:
                index.setdefault(tweet_id, []).append(name)
        return index

    # -- streaming one file --------------------------------------------------------------------

    def _read_file(self, ctx: ReadContext, state: _State, name: str, base: str,
                   handler: Callable[[ReadContext, _State, str, str, Any, str], Iterator[Item]]) -> Iterator[Item]:
        records = 0
        bad = 0
        try:
            with ctx.export.open(name) as raw:
                stream = _Preface(raw)
                if stream.first not in (b"[", b"{"):
                    ctx.skip(name, msg("reader.x.no_data"))
                    return
                wanted = "item.dmConversation.messages.item" if stream.first == b"[" and base.startswith(
                    "direct-message") else "item" if stream.first == b"[" else ""
                for _prefix, at, record in stream_at(cast(IO[bytes], stream), [wanted]):
                    ctx.cancel.raise_if_cancelled()
                    records += 1
                    try:
                        items = list(handler(ctx, state, name, base, record, at))
                    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError):
                        log.debug("x reader: record %d of %s has an unexpected shape", records, name)
                        bad += 1
                        continue
                    yield from items
                    if records % 64 == 0:
                        ctx.progress((state.done_bytes + stream.consumed) / state.total_bytes, name)
        except _NotYtd as exc:
            ctx.skip(name, exc.reason)
        except READ_ERRORS as exc:
            ctx.skip(name, stopped(exc, records))
        if bad:
            ctx.skip(name, msg("reader.bad_records", count=bad))

    # -- tweets ----------------------------------------------------------------------------------

    @staticmethod
    def _url(state: _State, tweet_id: str) -> str | None:
        if not tweet_id.isdigit():
            return None
        return f"https://x.com/{state.username or 'i'}/status/{tweet_id}"

    def _audience(self, state: _State, base: str) -> Audience:
        if base == "twitter-circle-tweet":
            return Audience.FRIENDS
        if base == "community-tweet":
            return Audience.UNKNOWN
        return Audience.FRIENDS if state.protected else Audience.PUBLIC

    def _tweet(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any, at: str) -> Iterator[Item]:
        rec = as_dict(record)
        if isinstance(rec.get("tweet"), dict):
            tweet, at = rec["tweet"], join(at, "tweet")
        else:
            tweet = rec
        if not tweet:
            return
        tweet_id = _s(tweet.get("id_str")) or _s(tweet.get("id"))
        if not state.username and base == "grailbird-tweets":
            state.username = _s(as_dict(tweet.get("user")).get("screen_name")) or None
        when = parse_twitter_time(_s(tweet.get("created_at")))
        url = self._url(state, tweet_id)
        audience = self._audience(state, base)
        details: list[tuple[str, str]] = []
        if tweet_id:
            details.append(("tweet_id", tweet_id))
        if base.startswith("deleted"):
            details.append(("deleted", "true"))
        app = _SOURCE_APP.search(_s(tweet.get("source")))
        if app:
            details.append(("source_app", html.unescape(app.group(1))))
        reply_to = _s(tweet.get("in_reply_to_screen_name"))
        if reply_to:
            details.append(("in_reply_to", reply_to))
        place = as_dict(tweet.get("place"))
        place_name = html.unescape(_s(place.get("full_name")) or _s(place.get("name")))
        if place_name:
            details.append(("place", place_name))

        key = "full_text" if "full_text" in tweet else "text"
        text = html.unescape(_s(tweet.get(key)))
        if text:
            post_details = list(details)
            if text.startswith("RT @") or isinstance(tweet.get("retweeted_status"), dict):
                post_details.append(("retweet", "true"))
            yield Item(Platform.X, ItemKind.POST, ctx.source(name, join(at, key), when, url), text=text,
                       audience=audience, details=tuple(post_details))

        geotag = self._geotag(tweet, at)
        if geotag is not None:
            where, point = geotag
            yield Item(Platform.X, ItemKind.CHECKIN, ctx.source(name, where, when, url), text=place_name,
                       location=point, audience=audience, label=place_name or None, details=tuple(details))

        media = as_list(as_dict(tweet.get("extended_entities")).get("media"))
        media_key = "extended_entities"
        if not media:
            media, media_key = as_list(as_dict(tweet.get("entities")).get("media")), "entities"
        files = state.media.get(tweet_id, [])
        for k, entry in enumerate(media):
            entry = as_dict(entry)
            kind = ItemKind.PHOTO if _s(entry.get("type")) in ("photo", "") else ItemKind.VIDEO
            member = self._media_file(entry, tweet_id, files, state)
            extra = (("media_type", _s(entry.get("type")) or "photo"),)
            yield Item(Platform.X, kind, ctx.source(name, join(at, media_key, "media", k), when, url),
                       media=member, audience=audience, details=tuple(details) + extra)

    @staticmethod
    def _geotag(tweet: dict[str, Any], at: str) -> tuple[str, GeoPoint] | None:
        lats, lons = _place_box(as_dict(tweet.get("place")))
        for key, lon_first in (("coordinates", True), ("geo", False)):
            value = tweet.get(key)
            pair = as_list(as_dict(value).get("coordinates")) if isinstance(value, dict) else as_list(value)
            if len(pair) != 2:
                continue
            ordered = order_coordinates(pair[0], pair[1], lon_first=lon_first)
            if ordered and lats:
                # Ambiguous pairs (both under 90): the place's box says which order is meant.
                swapped = order_coordinates(pair[0], pair[1], lon_first=not lon_first)
                if swapped and not _inside(ordered, lats, lons) and _inside(swapped, lats, lons):
                    ordered = swapped
            if ordered:
                return join(at, key), GeoPoint(ordered[0], ordered[1], 10.0)
        if lats:
            centre = GeoPoint((max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2, _half_diagonal_m(lats, lons))
            return join(at, "place"), centre
        return None

    @staticmethod
    def _media_file(entry: dict[str, Any], tweet_id: str, files: list[str], state: _State) -> str | None:
        if not files:
            return None
        wanted: list[str] = []
        url = _s(entry.get("media_url_https")) or _s(entry.get("media_url"))
        if url:
            wanted.append(f"{tweet_id}-{posixpath.basename(url.split('?')[0])}")
        variants = [as_dict(v) for v in as_list(as_dict(entry.get("video_info")).get("variants"))]
        variants.sort(key=lambda v: _num(v.get("bitrate")) or 0.0, reverse=True)
        wanted.extend(f"{tweet_id}-{posixpath.basename(_s(v.get('url')).split('?')[0])}" for v in variants
                      if _s(v.get("url")))
        by_base = {posixpath.basename(f).lower(): f for f in files}
        for want in wanted:
            hit = by_base.get(want.lower())
            if hit:
                state.claimed.add(hit)
                return hit
        for f in files:  # the names did not match: take the next file of this tweet not yet used
            if f not in state.claimed:
                state.claimed.add(f)
                return f
        return None

    def _orphan_media(self, ctx: ReadContext, state: _State) -> Iterator[Item]:
        for files in state.media.values():
            for f in files:
                if f in state.claimed:
                    continue
                low = f.lower()
                kind = ItemKind.VIDEO if low.endswith((".mp4", ".mov", ".m4v")) else ItemKind.PHOTO
                yield Item(Platform.X, kind, ctx.source(f), media=f,
                           details=(("tweet_id", f.rsplit("/", 1)[-1].split("-", 1)[0]),))

    def _note_tweet(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                    at: str) -> Iterator[Item]:
        note = as_dict(as_dict(record).get("noteTweet"))
        text = html.unescape(_s(as_dict(note.get("core")).get("text")))
        if not text:
            return
        when = parse_iso_time(_s(note.get("createdAt")))
        details = (("note_tweet_id", _s(note.get("noteTweetId"))),) if _s(note.get("noteTweetId")) else ()
        yield Item(Platform.X, ItemKind.POST, ctx.source(name, join(at, "noteTweet", "core", "text"), when),
                   text=text, audience=self._audience(state, base), details=details)

    # -- identity and settings -----------------------------------------------------------------

    @staticmethod
    def _field(ctx: ReadContext, name: str, where: str, value: Any, which: ProfileField, audience: Audience,
               when: datetime | None = None, details: tuple[tuple[str, str], ...] = ()) -> Iterator[Item]:
        text = _s(value).strip()
        if text:
            yield Item(Platform.X, ItemKind.PROFILE_FIELD, ctx.source(name, where, when), text=text, field=which,
                       audience=audience, details=details)

    def _account(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                 at: str) -> Iterator[Item]:
        account = as_dict(as_dict(record).get("account"))
        at = join(at, "account")
        state.account_id = state.account_id or _s(account.get("accountId")) or None
        state.username = state.username or _s(account.get("username")) or None
        created = parse_iso_time(_s(account.get("createdAt")))
        yield from self._field(ctx, name, join(at, "username"), account.get("username"), ProfileField.USERNAME,
                               Audience.PUBLIC, created)
        yield from self._field(ctx, name, join(at, "accountDisplayName"), account.get("accountDisplayName"),
                               ProfileField.NAME, Audience.PUBLIC, created)
        yield from self._field(ctx, name, join(at, "email"), account.get("email"), ProfileField.EMAIL,
                               Audience.PRIVATE, created)
        yield from self._field(ctx, name, join(at, "phoneNumber"), account.get("phoneNumber"), ProfileField.PHONE,
                               Audience.PRIVATE, created)

    def _grailbird_user(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                        at: str) -> Iterator[Item]:
        """`data/js/user_details.js` of a pre-2019 archive: `var user_details = {...}`."""
        user = as_dict(record)
        state.username = state.username or _s(user.get("screen_name")) or None
        created = parse_twitter_time(_s(user.get("created_at")))
        for key, which in (("screen_name", ProfileField.USERNAME), ("full_name", ProfileField.NAME),
                           ("bio", ProfileField.BIO), ("location", ProfileField.CITY)):
            yield from self._field(ctx, name, join(at, key), html.unescape(_s(user.get(key))), which,
                                   Audience.PUBLIC, created)

    def _profile(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                 at: str) -> Iterator[Item]:
        desc = as_dict(as_dict(as_dict(record).get("profile")).get("description"))
        at = join(at, "profile", "description")
        for key, which in (("bio", ProfileField.BIO), ("website", ProfileField.WEBSITE),
                           ("location", ProfileField.CITY)):
            value = desc.get(key)
            yield from self._field(ctx, name, join(at, key), html.unescape(_s(value)), which, Audience.PUBLIC)

    def _protected_file(self, ctx: ReadContext, state: _State, name: str) -> Iterator[Item]:
        latest: list[tuple[datetime, int, str, str]] = []

        def collect(ctx: ReadContext, state: _State, name: str, base: str, record: Any, at: str) -> Iterator[Item]:
            entry = as_dict(as_dict(record).get("protectedHistory"))
            action = _s(entry.get("action")).strip().lower()
            if action in ("protect", "unprotect"):
                when = parse_iso_time(_s(entry.get("protectedAt"))) or datetime.min.replace(tzinfo=UTC)
                latest.append((when, len(latest), action, join(at, "protectedHistory", "action")))
            return iter(())

        yield from self._read_file(ctx, state, name, "protected-history", collect)
        if latest:
            when, _, action, where = max(latest)
            state.protected = action == "protect"
            stamp = None if when == datetime.min.replace(tzinfo=UTC) else when
            yield Item(Platform.X, ItemKind.SETTING, ctx.source(name, where, stamp),
                       text="true" if state.protected else "false", field=SettingName.PROTECTED_POSTS.value,
                       audience=Audience.PRIVATE, details=(("changes", str(len(latest))),))

    def _ageinfo(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                 at: str) -> Iterator[Item]:
        meta = as_dict(as_dict(record).get("ageMeta"))
        info, where = (as_dict(meta.get("ageInfo")), join(at, "ageMeta", "ageInfo")) if "ageInfo" in meta \
            else (meta, join(at, "ageMeta"))
        yield from self._field(ctx, name, join(where, "birthDate"), info.get("birthDate"), ProfileField.BIRTH_DATE,
                               Audience.UNKNOWN)
        ages = info.get("age")
        for k, age in enumerate(as_list(ages)):
            yield from self._field(ctx, name, join(where, "age", k), age, ProfileField.OTHER, Audience.UNKNOWN,
                                   details=(("name", "age"),))

    def _phone(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any, at: str) -> Iterator[Item]:
        device = as_dict(as_dict(record).get("device"))
        yield from self._field(ctx, name, join(at, "device", "phoneNumber"), device.get("phoneNumber"),
                               ProfileField.PHONE, Audience.PRIVATE)

    def _ni_device(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                   at: str) -> Iterator[Item]:
        """`ni-devices.js`: phones registered for SMS and login codes (dates as `2019.03.21`)."""
        response = as_dict(as_dict(record).get("niDeviceResponse"))
        for kind in ("messagingDevice", "pushDevice"):
            device = as_dict(response.get(kind))
            stamp = _s(device.get("updatedDate")) or _s(device.get("createdDate"))
            when = parse_iso_time(stamp.replace(".", "-")) if re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", stamp) else None
            yield from self._field(ctx, name, join(at, "niDeviceResponse", kind, "phoneNumber"),
                                   device.get("phoneNumber"), ProfileField.PHONE, Audience.PRIVATE, when,
                                   (("device", kind),))

    def _email_change(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                      at: str) -> Iterator[Item]:
        change = as_dict(as_dict(as_dict(record).get("emailAddressChange")).get("emailChange"))
        at = join(at, "emailAddressChange", "emailChange")
        when = parse_iso_time(_s(change.get("changedAt")))
        for key in ("changedFrom", "changedTo"):
            yield from self._field(ctx, name, join(at, key), change.get(key), ProfileField.EMAIL, Audience.PRIVATE,
                                   when, (("change", key),))

    def _screen_name_change(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                            at: str) -> Iterator[Item]:
        change = as_dict(as_dict(as_dict(record).get("screenNameChange")).get("screenNameChange"))
        at = join(at, "screenNameChange", "screenNameChange")
        when = parse_iso_time(_s(change.get("changedAt")))
        yield from self._field(ctx, name, join(at, "changedFrom"), change.get("changedFrom"), ProfileField.USERNAME,
                               Audience.UNKNOWN, when, (("previous", "true"),))

    def _professional(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                      at: str) -> Iterator[Item]:
        for where, key, value in _walk(record, at, 0):
            which = _PROFESSIONAL_KEYS.get(key.lower())
            if which is not None and isinstance(value, str):
                yield from self._field(ctx, name, where, value, which, Audience.PUBLIC,
                                       details=(("professional", key),))

    def _periscope(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any,
                   at: str) -> Iterator[Item]:
        for where, obj in _objects(record, at, 0):
            if "latitude" not in obj or "longitude" not in obj or obj.get("hasLocation") in (False, "false"):
                continue
            lat, lon = _num(obj.get("latitude")), _num(obj.get("longitude"))
            if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
                continue
            place = ", ".join(p for p in (_s(obj.get("city")), _s(obj.get("country"))) if p)
            when = parse_iso_time(_s(obj.get("createdAt")))
            yield Item(Platform.X, ItemKind.LOCATION, ctx.source(name, where, when), text=place,
                       location=GeoPoint(lat, lon), audience=Audience.PUBLIC, label=place or None,
                       details=(("periscope", "true"),))

    def _dm(self, ctx: ReadContext, state: _State, name: str, base: str, record: Any, at: str) -> Iterator[Item]:
        """One message of a conversation (`_messages` streams them one at a time); `at` points at it."""
        create = as_dict(as_dict(record).get("messageCreate"))
        if not create or _s(create.get("senderId")) != state.account_id:
            return
        text = _s(create.get("text"))
        if not text:
            return
        when = parse_iso_time(_s(create.get("createdAt")))
        yield Item(Platform.X, ItemKind.MESSAGE, ctx.source(name, join(at, "messageCreate", "text"), when),
                   text=text, audience=Audience.PRIVATE,
                   details=(("group", "true" if "group" in base else "false"),))


def _walk(value: Any, at: str, depth: int) -> Iterator[tuple[str, str, Any]]:
    """(pointer, key, value) for every key of every object inside `value`."""
    if depth > 12:
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            where = join(at, key)
            yield where, str(key), inner
            yield from _walk(inner, where, depth + 1)
    elif isinstance(value, list):
        for k, inner in enumerate(value):
            yield from _walk(inner, join(at, k), depth + 1)


def _objects(value: Any, at: str, depth: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, object) for every object inside `value`, outermost first."""
    if depth > 12:
        return
    if isinstance(value, dict):
        yield at, value
        for key, inner in value.items():
            yield from _objects(inner, join(at, key), depth + 1)
    elif isinstance(value, list):
        for k, inner in enumerate(value):
            yield from _objects(inner, join(at, k), depth + 1)
