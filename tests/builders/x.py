"""Builds X (Twitter) archives in the real structure from invented records (tests and the demo).

The layout copies a real archive (research §3): `Your archive.html`, `assets/`, `data/README.txt`,
`data/manifest.js` (`window.__THAR_CONFIG` with userInfo / archiveInfo / readmeInfo / dataTypes),
one `window.YTD.<type>.part<N> = [ ... ]` file per data type in X's own `"key" : value` layout,
numbers as strings, entities with code-point indices, extended_entities, edit_info,
display_text_range, the `source` HTML, HTML-escaped `full_text`, media in `data/tweets_media/`
named `<tweetId>-<media file>`. Older layouts (`tweet.js` + `tweet_media/`, no `{"tweet": ...}`
wrapper, no manifest) and multi-part files (`tweets-part1.js`) are options.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.builders._zipped import write_folder

TWITTER_EPOCH_MS = 1288834974657
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
ZIP_TIME = (2026, 11, 1, 9, 30, 0)
SOURCES = {
    "Twitter for iPhone": '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
    "Twitter for Android": '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
    "Twitter Web App": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
}


def snowflake(moment: datetime, sequence: int = 0) -> str:
    """A tweet id as X makes them: milliseconds since X's epoch, shifted, plus a sequence."""
    ms = int(moment.timestamp() * 1000) - TWITTER_EPOCH_MS
    return str((ms << 22) | (sequence & 0xFFF))


def twitter_time(moment: datetime) -> str:
    """`Tue Mar 05 14:02:11 +0000 2024`, independent of the machine's locale."""
    m = moment.astimezone(UTC)
    return f"{_DAYS[m.weekday()]} {_MONTHS[m.month - 1]} {m.day:02d} {m:%H:%M:%S} +0000 {m.year}"


def iso_ms(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _key(seed: str, length: int = 15) -> str:
    digest = hashlib.sha256(seed.encode()).digest()
    return "".join(_ALPHABET[b % 64] for b in digest[:length])


def escape_text(text: str) -> str:
    """X escapes `&`, `<` and `>` in `full_text` (and nothing else)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def small_jpeg(seed: int = 0) -> bytes:
    """A real, tiny JPEG (X strips EXIF, so none is written)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (24, 16), ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256)).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Media:
    """A photo, video or GIF attached to a tweet. `content` None: the file is not in the archive."""

    type: str = "photo"  # photo | video | animated_gif
    content: bytes | None = b""  # b"" -> a small generated JPEG (or MP4 header for video)


@dataclass
class Tweet:
    """One invented tweet. `coordinates` is (lat, lon); `order` is how the archive writes it."""

    text: str
    created_at: datetime
    id: str = ""
    coordinates: tuple[float, float] | None = None
    order: str = "lonlat"  # "lonlat" (GeoJSON) or "latlon" (the order is not fixed in real archives)
    geo: bool = False  # write the position as `geo` [lat, lon] instead of `coordinates`
    place: str | None = None
    place_box: tuple[float, float, float, float] | None = None  # south, west, north, east
    media: tuple[Media, ...] = ()
    in_reply_to: str | None = None
    source_app: str = "Twitter for iPhone"
    favorites: int = 0
    retweets: int = 0
    lang: str = "en"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = snowflake(self.created_at)


@dataclass
class NoteTweet:
    """A long post (over 280 characters): `note-tweet.js`."""

    text: str
    created_at: datetime
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = snowflake(self.created_at, 7)


@dataclass
class DirectMessage:
    text: str
    created_at: datetime
    sender_id: str
    recipient_id: str
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = snowflake(self.created_at, 3)


@dataclass
class XArchive:
    """An invented account's archive. `write_zip` / `write_folder` produce it; `files()` gives the bytes."""

    username: str = "sam_example"
    display_name: str = "Sam Example"
    account_id: str = "1458362947120394240"
    email: str = "sam.example@example.com"
    created_at: datetime = datetime(2013, 5, 4, 19, 22, 7, tzinfo=UTC)
    bio: str = ""
    website: str = ""
    location: str = ""
    birth_date: str | None = None  # "1992-11-14"
    age: str | None = None
    phone: str | None = None
    tweets: list[Tweet] = field(default_factory=list)
    deleted_tweets: list[Tweet] = field(default_factory=list)
    note_tweets: list[NoteTweet] = field(default_factory=list)
    direct_messages: list[DirectMessage] = field(default_factory=list)
    group_messages: list[DirectMessage] = field(default_factory=list)
    protected_history: list[tuple[datetime, str]] = field(default_factory=list)  # (when, "Protect"|"Unprotect")
    screen_name_changes: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, from, to
    email_changes: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, from, to
    professional: dict[str, Any] | None = None  # the location spotlight fields
    periscope: list[dict[str, Any]] = field(default_factory=list)
    # "tweets" (late 2022+), "tweet" (2019-2022 names), "bare" (no {"tweet": } wrapper), "2018" (the first
    # GDPR archives: every file at the root, no data/ folder and no manifest, `direct-message.js`)
    layout: str = "tweets"
    tweets_per_file: int | None = None  # split tweets over tweets.js, tweets-part1.js, ...
    manifest: bool = True
    generation_date: datetime = datetime(2026, 11, 1, 9, 12, 44, tzinfo=UTC)
    wrapper: str | None = None  # a folder around everything (as when the person unzipped into one)
    _pending_media: dict[str, bytes] = field(default_factory=dict, init=False, repr=False, compare=False)

    # -- where things land (tests use this to know exact pointers) ---------------------------

    @property
    def tweet_type(self) -> str:
        return "tweets" if self.layout == "tweets" else "tweet"

    @property
    def bare(self) -> bool:
        return self.layout in ("bare", "2018")

    def tweet_files(self) -> list[tuple[str, list[Tweet]]]:
        """(member path, tweets in it) in part order."""
        per = self.tweets_per_file or max(1, len(self.tweets))
        chunks = [self.tweets[i:i + per] for i in range(0, len(self.tweets), per)] or [[]]
        base = self.tweet_type
        return [(f"data/{base}.js" if n == 0 else f"data/{base}-part{n}.js", chunk) for n, chunk in enumerate(chunks)]

    def where(self, tweet: Tweet) -> tuple[str, str]:
        """(file, pointer of the record) of a tweet: ("data/tweets.js", "/41/tweet")."""
        for name, chunk in self.tweet_files():
            for index, t in enumerate(chunk):
                if t is tweet:
                    return name, f"/{index}" + ("" if self.bare else "/tweet")
        for index, t in enumerate(self.deleted_tweets):
            if t is tweet:
                return "data/deleted-tweets.js", f"/{index}/tweet"
        raise KeyError(tweet.id)

    @property
    def media_dir(self) -> str:
        return "data/tweets_media" if self.layout == "tweets" else "data/tweet_media"

    # -- the records ----------------------------------------------------------------------------

    def tweet_json(self, tweet: Tweet) -> dict[str, Any]:
        text = tweet.text
        media_json: list[dict[str, Any]] = []
        media_files: dict[str, bytes] = {}
        if tweet.media:
            short = f"https://t.co/{_key(tweet.id + 'url', 10)}"
            start = len(text) + 1
            text_out = f"{text} {short}"
            for k, m in enumerate(tweet.media):
                entry, name, content = self._media_entry(tweet, k, m, short, start)
                media_json.append(entry)
                if content is not None:
                    media_files[name] = content
        else:
            text_out = text
        entities: dict[str, Any] = {
            "hashtags": [{"text": h.group(1), "indices": [str(h.start()), str(h.end())]}
                         for h in re.finditer(r"#(\w+)", text)],
            "symbols": [],
            "user_mentions": [{"name": m.group(1).replace("_", " ").title(), "screen_name": m.group(1),
                               "indices": [str(m.start()), str(m.end())],
                               "id_str": str(int(_key(m.group(1), 6).encode().hex(), 16) % 10**9),
                               "id": str(int(_key(m.group(1), 6).encode().hex(), 16) % 10**9)}
                              for m in re.finditer(r"@(\w+)", text)],
            "urls": [],
        }
        out: dict[str, Any] = {
            "edit_info": {"initial": {"editTweetIds": [tweet.id],
                                      "editableUntil": iso_ms(tweet.created_at + timedelta(hours=1)),
                                      "editsRemaining": "5", "isEditEligible": not tweet.in_reply_to}},
            "retweeted": False,
            "source": SOURCES.get(tweet.source_app, SOURCES["Twitter for iPhone"]),
            "entities": entities,
            "display_text_range": ["0", str(len(text))],
            "favorite_count": str(tweet.favorites),
        }
        if tweet.in_reply_to:
            out["in_reply_to_status_id_str"] = str(int(tweet.id) - 4_194_304 * 9000)
            out["in_reply_to_user_id"] = "1061729517330157568"
            out["in_reply_to_status_id"] = out["in_reply_to_status_id_str"]
            out["in_reply_to_screen_name"] = tweet.in_reply_to
            out["in_reply_to_user_id_str"] = "1061729517330157568"
        out.update({
            "id_str": tweet.id,
            "truncated": False,
            "retweet_count": str(tweet.retweets),
            "id": tweet.id,
            "created_at": twitter_time(tweet.created_at),
            "favorited": False,
            "full_text": escape_text(text_out),
            "lang": tweet.lang,
        })
        if media_json:
            entities["media"] = [{k: v for k, v in e.items() if k not in ("video_info", "additional_media_info")}
                                 for e in media_json[:1]]
            out["extended_entities"] = {"media": media_json}
            out["possibly_sensitive"] = False
        if tweet.coordinates is not None:
            lat, lon = tweet.coordinates
            pair = [str(lon), str(lat)] if tweet.order == "lonlat" else [str(lat), str(lon)]
            if tweet.geo:
                out["geo"] = {"type": "Point", "coordinates": pair}
            else:
                out["coordinates"] = {"type": "Point", "coordinates": pair}
        if tweet.place:
            s, w, n, e = tweet.place_box or (0.0, 0.0, 0.0, 0.0)
            out["place"] = {"full_name": escape_text(tweet.place), "name": tweet.place.split(",")[0],
                            "place_type": "city", "country": "United Kingdom", "country_code": "GB",
                            "bounding_box": {"type": "Polygon", "coordinates": [[[str(w), str(s)], [str(e), str(s)],
                                                                                [str(e), str(n)], [str(w), str(n)]]]}
                            if tweet.place_box else None}
        self._pending_media.update(media_files)
        return out

    def _media_entry(self, tweet: Tweet, k: int, m: Media, short: str,
                     start: int) -> tuple[dict[str, Any], str, bytes | None]:
        media_id = str(int(tweet.id) + k + 1)
        key = _key(f"{tweet.id}-{k}")
        entry: dict[str, Any] = {
            "expanded_url": f"https://x.com/{self.username}/status/{tweet.id}/"
                            f"{'photo' if m.type == 'photo' else 'video'}/{k + 1}",
            "indices": [str(start), str(start + len(short))],
            "url": short,
            "id_str": media_id,
            "id": media_id,
            "sizes": {"thumb": {"w": "150", "h": "150", "resize": "crop"},
                      "large": {"w": "2048", "h": "1536", "resize": "fit"},
                      "medium": {"w": "1200", "h": "900", "resize": "fit"},
                      "small": {"w": "680", "h": "510", "resize": "fit"}},
            "type": m.type,
            "display_url": f"pic.x.com/{_key(tweet.id, 10)}",
        }
        if m.type == "photo":
            entry["media_url"] = f"http://pbs.twimg.com/media/{key}.jpg"
            entry["media_url_https"] = f"https://pbs.twimg.com/media/{key}.jpg"
            name = f"{tweet.id}-{key}.jpg"
            content = None if m.content is None else (m.content or small_jpeg(int(tweet.id) % 251 + k))
        else:
            video_key = _key(f"{tweet.id}-{k}-video", 16)
            entry["media_url_https"] = f"https://pbs.twimg.com/ext_tw_video_thumb/{media_id}/pu/img/{key}.jpg"
            entry["media_url"] = entry["media_url_https"].replace("https:", "http:")
            base = f"https://video.twimg.com/ext_tw_video/{media_id}/pu"
            entry["video_info"] = {"aspect_ratio": ["16", "9"], "duration_millis": "12480", "variants": [
                {"bitrate": "256000", "content_type": "video/mp4",
                 "url": f"{base}/vid/480x270/{_key(video_key, 16)}.mp4?tag=12"},
                {"content_type": "application/x-mpegURL",
                 "url": f"{base}/pl/{_key(video_key + 'm3u8', 16)}.m3u8?tag=12"},
                {"bitrate": "2176000", "content_type": "video/mp4",
                 "url": f"{base}/vid/1280x720/{video_key}.mp4?tag=12"},
            ]}
            name = f"{tweet.id}-{video_key}.mp4"
            content = None if m.content is None else (m.content or b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
        return entry, name, content

    # -- the files ------------------------------------------------------------------------------

    def files(self) -> dict[str, bytes]:
        """Every member of the archive (path -> bytes), paths relative to the archive root."""
        self._pending_media = {}
        out: dict[str, bytes] = {}
        types: dict[str, dict[str, Any]] = {}

        def add(type_name: str, file_base: str, records: list[Any], media_dir: str | None = None,
                part: int = 0) -> None:
            path = f"data/{file_base}.js" if part == 0 else f"data/{file_base}-part{part}.js"
            global_name = f"YTD.{file_base.replace('-', '_')}.part{part}"
            out[path] = ytd(global_name, records)
            entry = types.setdefault(type_name, {"files": []})
            if media_dir:
                entry["mediaDirectory"] = media_dir
            entry["files"].append({"fileName": path, "globalName": global_name, "count": str(len(records))})

        account: dict[str, Any] = {"email": self.email, "createdVia": "web", "username": self.username,
                                   "accountId": self.account_id, "createdAt": iso_ms(self.created_at),
                                   "accountDisplayName": self.display_name}
        add("account", "account", [{"account": account}])
        add("profile", "profile", [{"profile": {
            "description": {"bio": self.bio, "website": self.website, "location": self.location},
            "avatarMediaUrl": f"https://pbs.twimg.com/profile_images/{self.account_id[:10]}/{_key('avatar', 8)}.jpg",
            "headerMediaUrl": f"https://pbs.twimg.com/profile_banners/{self.account_id}/1577836800"}}])
        age_info: dict[str, Any] = {}
        if self.age:
            age_info["age"] = [self.age]
        if self.birth_date:
            age_info["birthDate"] = self.birth_date
        add("ageinfo", "ageinfo", [{"ageMeta": {"ageInfo": age_info}}] if age_info else [])
        add("phoneNumber", "phone-number", [{"device": {"phoneNumber": self.phone}}] if self.phone else [])
        add("emailAddressChange", "email-address-change", [
            {"emailAddressChange": {"accountId": self.account_id, "emailChange": {
                "changedAt": iso_ms(when), "changedFrom": old, "changedTo": new}}}
            for when, old, new in self.email_changes])
        add("screenNameChange", "screen-name-change", [
            {"screenNameChange": {"accountId": self.account_id, "screenNameChange": {
                "changedAt": iso_ms(when), "changedFrom": old, "changedTo": new}}}
            for when, old, new in self.screen_name_changes])
        add("protectedHistory", "protected-history", [
            {"protectedHistory": {"protectedAt": iso_ms(when), "action": action}}
            for when, action in self.protected_history])
        if self.professional is not None:
            add("professionalData", "professional-data", [{"professionalData": {
                "professionalId": str(int(self.account_id) + 17), "professionalType": "Creator",
                "category": [{"id": "1009", "name": "Community"}], "locationSpotlight": self.professional}}])
        if self.periscope:
            add("periscopeBroadcastMetadata", "periscope-broadcast-metadata",
                [{"broadcastMetadata": b} for b in self.periscope])

        for part, (_path, chunk) in enumerate(self.tweet_files()):
            records = [self.tweet_json(t) if self.bare else {"tweet": self.tweet_json(t)} for t in chunk]
            add(self.tweet_type, self.tweet_type, records, self.media_dir, part)
        add("tweetHeaders", "tweet-headers", [
            {"tweet": {"tweet_id": t.id, "user_id": self.account_id, "created_at": iso_ms(t.created_at)}}
            for t in self.tweets])
        add("deletedTweets", "deleted-tweets", [{"tweet": {**self.tweet_json(t), "deleted_at": iso_ms(
            t.created_at + timedelta(days=2))}} for t in self.deleted_tweets], "data/deleted_tweets_media")
        add("noteTweet", "note-tweet", [{"noteTweet": {
            "noteTweetId": n.id, "updatedAt": iso_ms(n.created_at), "lifecycle": {
                "value": "1", "name": "Created", "originalName": "Created", "annotations": {}},
            "createdAt": iso_ms(n.created_at),
            "core": {"styletags": [], "urls": [], "text": n.text, "mentions": [], "cashtags": [], "hashtags": []}}}
            for n in self.note_tweets])
        add("directMessages", "direct-messages", _conversations(self.direct_messages, group=False),
            "data/direct_messages_media")
        add("directMessagesGroup", "direct-messages-group", _conversations(self.group_messages, group=True),
            "data/direct_messages_group_media")
        add("like", "like", [{"like": {"tweetId": "1550000000000000001", "fullText": "Great save in the 89th minute!",
                                       "expandedUrl": "https://x.com/i/web/status/1550000000000000001"}}])
        add("follower", "follower", [{"follower": {"accountId": "1061729517330157568",
                                                   "userLink": "https://x.com/intent/user?user_id=1061729517330157568"}}])
        add("following", "following", [{"following": {"accountId": "783214",
                                                     "userLink": "https://x.com/intent/user?user_id=783214"}}])
        add("ipAudit", "ip-audit", [{"ipAudit": {"accountId": self.account_id,
                                                 "createdAt": iso_ms(self.generation_date - timedelta(days=1)),
                                                 "loginIp": "192.0.2.44"}}])
        add("block", "block", [])

        for name, content in sorted(self._pending_media.items()):
            media_dir = "data/deleted_tweets_media" if any(
                name.startswith(t.id + "-") for t in self.deleted_tweets) else self.media_dir
            out[f"{media_dir}/{name}"] = content
        out["data/README.txt"] = README.encode()
        out["Your archive.html"] = ARCHIVE_HTML.encode()
        out["assets/js/ondemand.App.4f3c2a.js"] = b"/* the archive viewer's code */\n"
        out["assets/images/favicon.ico"] = b"\x00\x00\x01\x00"
        if self.manifest:
            config = {
                "userInfo": {"accountId": self.account_id, "userName": self.username,
                             "displayName": self.display_name},
                "archiveInfo": {"sizeBytes": str(sum(len(v) for v in out.values())),
                                "generationDate": iso_ms(self.generation_date), "isPartialArchive": False,
                                "maxPartSizeBytes": "53687091200"},
                "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
                "dataTypes": dict(sorted(types.items())),
            }
            out["data/manifest.js"] = ("window.__THAR_CONFIG = " + _dumps(config)).encode()
        if self.layout == "2018":
            return self._root_level(out)
        return dict(sorted(out.items()))

    @staticmethod
    def _root_level(out: dict[str, bytes]) -> dict[str, bytes]:
        """The 2018 archive: data files at the root, `direct-message.js`, no viewer and no manifest."""
        root: dict[str, bytes] = {}
        for name, content in out.items():
            if name.startswith(("assets/", "Your archive")) or name == "data/manifest.js":
                continue
            short = name.removeprefix("data/")
            if short.startswith("direct-messages"):
                short = short.replace("direct-messages", "direct-message", 1)
                content = content.replace(b"YTD.direct_messages", b"YTD.direct_message", 1)
            root[short] = content
        return dict(sorted(root.items()))

    def write_zip(self, path: Path) -> Path:
        """Write the archive as X delivers it (deterministic: fixed times, sorted members)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content in self.files().items():
                info = zipfile.ZipInfo((self.wrapper + "/" if self.wrapper else "") + name, ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, content)
        return path

    def write_folder(self, path: Path) -> Path:
        """Write the archive unpacked, as the person's file manager would."""
        write_folder(self.files(), path / self.wrapper if self.wrapper else path)
        return path


def _conversations(messages: list[DirectMessage], *, group: bool) -> list[dict[str, Any]]:
    by_conversation: dict[str, list[DirectMessage]] = {}
    for m in messages:
        key = "-".join(sorted((m.sender_id, m.recipient_id), key=int)) if not group else f"g{m.recipient_id}"
        by_conversation.setdefault(key, []).append(m)
    out = []
    for key, msgs in by_conversation.items():
        out.append({"dmConversation": {"conversationId": key, "messages": [
            {"messageCreate": {"recipientId": m.recipient_id, "reactions": [], "urls": [], "text": m.text,
                               "mediaUrls": [], "senderId": m.sender_id, "id": m.id,
                               "createdAt": iso_ms(m.created_at)}}
            for m in sorted(msgs, key=lambda m: m.created_at, reverse=True)]}})
    return out


def _dumps(value: Any) -> str:
    """X's own JSON layout: two-space indent and `"key" : value`."""
    return json.dumps(value, indent=2, separators=(",", " : "), ensure_ascii=False)


def ytd(global_name: str, records: list[Any]) -> bytes:
    """One data file: `window.YTD.tweets.part0 = [ ... ]`."""
    return f"window.{global_name} = {_dumps(records)}".encode()


README = """Twitter Archive

This archive contains a record of the account activity of your X (formerly Twitter) account.

The archive is designed to be browsed through "Your archive.html". Open it in a web browser
to navigate your archive. The data files live in the "data" folder as JavaScript files:

tweets.js
- created_at: Date-time when the post was created
- full_text: The full text of the post
- coordinates: The coordinates of the location when the post was geotagged
...

protected-history.js
- protectedAt: Date and time the "Protect your posts" setting was used in the 6 months prior to the archive.
- action: Whether the account was protected or unprotected.
"""

ARCHIVE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Your X data</title>
<script src="assets/js/ondemand.App.4f3c2a.js"></script></head>
<body><noscript>This archive only works if the archive is less than 50GB and JavaScript is enabled.</noscript>
<div id="react-root"></div></body></html>
"""


def grailbird_files(tweets: list[Tweet], *, username: str = "sam_example", display_name: str = "Sam Example",
                    user_id: str = "1458362947", bio: str = "", location: str = "") -> dict[str, bytes]:
    """A pre-2019 "Grailbird" archive: `data/js/tweets/YYYY_MM.js` per month, user_details.js, tweets.csv."""
    user = {"name": display_name, "screen_name": username, "protected": False, "id_str": user_id,
            "profile_image_url_https": f"https://pbs.twimg.com/profile_images/{user_id}/{_key('avatar', 8)}.jpg",
            "id": int(user_id), "verified": False}
    by_month: dict[tuple[int, int], list[Tweet]] = {}
    for t in sorted(tweets, key=lambda t: t.created_at, reverse=True):
        by_month.setdefault((t.created_at.year, t.created_at.month), []).append(t)
    out: dict[str, bytes] = {}
    index = []
    for (year, month), chunk in sorted(by_month.items(), reverse=True):
        records = []
        for t in chunk:
            record: dict[str, Any] = {
                "source": SOURCES.get(t.source_app, SOURCES["Twitter for iPhone"]),
                "entities": {"user_mentions": [], "media": [], "hashtags": [], "urls": []},
                "geo": {"type": "Point", "coordinates": [t.coordinates[0], t.coordinates[1]]} if t.coordinates else {},
                "id_str": t.id,
                "text": escape_text(t.text),
                "id": int(t.id),
                "created_at": t.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S +0000"),
                "user": user,
            }
            if t.text.startswith("RT @"):
                record["retweeted_status"] = {"id_str": str(int(t.id) - 1000), "text": t.text.split(": ", 1)[-1]}
            records.append(record)
        var = f"tweets_{year:04d}_{month:02d}"
        out[f"data/js/tweets/{year:04d}_{month:02d}.js"] = f"Grailbird.data.{var} = \n{_dumps(records)}".encode()
        index.append({"file_name": f"data/js/tweets/{year:04d}_{month:02d}.js", "year": year, "var_name": var,
                      "tweet_count": len(chunk), "month": month})
    out["data/js/tweet_index.js"] = f"var tweet_index =  {_dumps(index)}".encode()
    out["data/js/user_details.js"] = ("var user_details =  " + _dumps({
        "screen_name": username, "location": location, "full_name": display_name, "bio": bio, "id": user_id,
        "created_at": "2011-03-02 18:40:11 +0000"})).encode()
    out["data/js/payload_details.js"] = ("var payload_details =  " + _dumps({
        "tweets": len(tweets), "created_at": "2018-06-01 10:00:00 +0000", "lang": "en"})).encode()
    table = io.StringIO()
    writer = csv.writer(table, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["tweet_id", "in_reply_to_status_id", "in_reply_to_user_id", "timestamp", "source", "text",
                     "retweeted_status_id", "retweeted_status_user_id", "retweeted_status_timestamp", "expanded_urls"])
    for t in sorted(tweets, key=lambda t: t.created_at, reverse=True):
        writer.writerow([t.id, "", "", t.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S +0000"),
                         SOURCES.get(t.source_app, SOURCES["Twitter for iPhone"]), t.text, "", "", "", ""])
    out["tweets.csv"] = table.getvalue().encode()
    out["index.html"] = b"<!DOCTYPE html><html><head><title>Your Twitter archive</title></head><body></body></html>\n"
    out["README.txt"] = b"Your Twitter archive\n\nOpen index.html in a browser to browse your archive.\n"
    return dict(sorted(out.items()))
