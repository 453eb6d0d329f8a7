"""Recognition: which platform and format an opened export is, by member paths and first bytes.

Every platform of research §10 is recognised here, even where no reader exists yet (Reddit,
WhatsApp), so the person is told "Reddit data export recognised; this version cannot read it
yet" rather than "not an export". Single files given directly are recognised too: an X
`tweets.js` (any `window.YTD.` file), Google `Records.json`, a Semantic Location History month
file or an on-device `Timeline.json` (whatever its localised name), TikTok's
`user_data_tiktok.json`, a photo, Bluesky's `repo.car`, Mastodon's `outbox.json`, Strava's
`activities.csv` and LinkedIn's CSVs. Each rule scores 0..1; the best score wins, and Meta's
Facebook markers are tried before Instagram's because the two share folder names.
Recognition reads at most a few KB of a bounded number of members, never a whole file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checks.exports.archive import Export
from checks.records import Platform

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".dng")

# How many candidate members a rule may open to look at their first bytes.
_MAX_HEADS = 40

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Recognition:
    """What an export is."""

    format: str  # e.g. "x-archive"
    platform: Platform
    title: str  # "X (Twitter) archive"
    confidence: float  # 0..1


def _has(export: Export, *suffixes: str) -> bool:
    return bool(export.find(*suffixes))


def _any_name(export: Export, pattern: str) -> bool:
    return export.any_name(pattern)


def _head(export: Export, name: str, size: int = 512) -> bytes:
    return export.read_head(name, size).lstrip(_BOM).lstrip()


def _head_starts(export: Export, suffix: str, *prefixes: bytes) -> bool:
    for member in export.find(suffix)[:_MAX_HEADS]:
        head = _head(export, member.name)
        if any(head.startswith(p) for p in prefixes):
            return True
    return False


def _single(export: Export) -> str | None:
    """The lower-case name of the only member of a single file given directly, else None."""
    if export.kind == "file" and len(export) == 1:
        return export.names()[0].lower()
    return None


def _x(export: Export) -> float:
    if _head_starts(export, "data/manifest.js", b"window.__THAR_CONFIG"):
        return 1.0
    looked = 0
    for name in export.names():
        low = name.lower()
        if low.endswith(".js") and (low.startswith("data/") or "/" not in low):
            head = _head(export, name, 64)
            if head.startswith(b"window.YTD."):
                return 0.9
            looked += 1
            if looked >= _MAX_HEADS:
                break
    if _any_name(export, r"(^|/)data/js/tweets/\d{4}_\d{2}\.js$") or _has(export, "tweets.csv"):
        return 0.6
    return 0.0


def _facebook(export: Export) -> float:
    if _has(export, "personal_information/profile_information/profile_information.json",
            "personal_information/profile_information/profile_information.html") or _any_name(
            export, r"(^|/)your_facebook_activity/"):
        return 1.0
    if _has(export, "profile_information/profile_information.json") or _any_name(
            export, r"(^|/)posts/your_posts(_\d+)?\.json$") or _any_name(
            export, r"(^|/)your_activity_across_facebook/"):
        return 0.9
    if _any_name(export, r"(^|/)posts/your_posts(_\d+)?\.html$") or _has(
            export, "profile_information/profile_information.html"):
        return 0.8
    if export.kind == "file" and re.match(
            r"^(your_posts(__check_ins__photos_and_videos)?(_\d+)?|profile_information)\.json$",
            export.path.name, re.I):
        return 0.7  # one file taken out of a Facebook export
    if export.path.name.lower().startswith("facebook-"):
        return 0.5
    return 0.0


def _html_only(export: Export) -> bool:
    return not _any_name(export, r"\.json$") and _any_name(export, r"\.html?$")


def _instagram(export: Export) -> float:
    if _any_name(export, r"(^|/)your_instagram_activity/") or _has(
            export, "personal_information/personal_information/instagram_profile_information.json",
            "personal_information/personal_information/instagram_profile_information.html"):
        return 1.0
    if _any_name(export, r"(^|/)media/(posts|stories)/\d{6}/") and _any_name(
            export, r"(^|/)(personal_information|account_information)/"):
        return 0.9
    if _any_name(export, r"(^|/)content/posts_\d+\.(json|html)$") or _has(
            export, "account_information/personal_information.json", "personal_information/personal_information.json"):
        return 0.8
    if _any_name(export, r"(^|/)connections/followers_and_following/") or _any_name(
            export, r"^followers_and_following/"):
        return 0.6
    if export.path.name.lower().startswith("instagram"):
        return 0.5
    return 0.0


# First bytes of LinkedIn's CSVs (research §4.1); a single one given directly is recognised.
_LINKEDIN_HEADERS = (
    ("profile.csv", b"First Name,Last Name,Maiden Name,Address,Birth Date"),
    ("positions.csv", b"Company Name,Title,Description,Location,Started On"),
    ("connections.csv", b"Notes:"),
    ("connections.csv", b'"Notes:'),
    ("connections.csv", b"First Name,Last Name,URL,Email Address,Company,Position"),
    ("connections.csv", b"First Name,Last Name,Email Address,Company,Position,Connected On"),
    ("email addresses.csv", b"Email Address,Confirmed,Primary"),
    ("phonenumbers.csv", b"Extension,Number,Type"),
    ("whatsapp phone numbers.csv", b"Number,Extension,Is_WhatsApp_Number"),
    ("education.csv", b"School Name,Start Date,End Date"),
    ("messages.csv", b'"CONVERSATION ID","CONVERSATION TITLE"'),
    ("messages.csv", b"CONVERSATION ID,CONVERSATION TITLE"),
    ("registration.csv", b"Registered At,Registration Ip"),
    ("invitations.csv", b"From,To,Sent At,Message,Direction"),
    ("profile summary.csv", b"Profile Summary"),
)


def _linkedin(export: Export) -> float:
    score = 0.0
    for suffix, header in _LINKEDIN_HEADERS:
        if _head_starts(export, suffix, header):
            score = 1.0 if suffix in ("profile.csv", "connections.csv", "positions.csv") else 0.9
            if score >= 1.0:
                return score
    if score:
        return score
    if _has(export, "Positions.csv") or _has(export, "Connections.csv"):
        score = 0.8
    elif _has(export, "Profile.csv"):
        score = 0.7
    if "linkedindataexport" in export.path.name.lower():
        score = max(score, 0.9)
    return score


_TIKTOK_KEYS = re.compile(
    rb'"(Activity|Your Activity|Profile|Profile And Settings|App Settings|Video|Ads and data|Comment|'
    rb'Direct Messages?|Tiktok Live|Tiktok Shopping)"\s*:')


def _tiktok(export: Export) -> float:
    for member in export.find("user_data_tiktok.json")[:_MAX_HEADS]:
        if _TIKTOK_KEYS.search(export.read_head(member.name, 4096)):
            return 1.0
        return 0.8  # the name is TikTok's own
    for member in export.find("user_data.json")[:_MAX_HEADS]:
        if _TIKTOK_KEYS.search(export.read_head(member.name, 4096)):
            return 1.0
    if export.path.name.startswith("TikTok_Data_"):
        return 0.5
    return 0.0


def _snapchat(export: Export) -> float:
    if _has(export, "json/memories_history.json", "json/location_history.json", "json/account.json",
            "json/snap_map_places_history.json", "json/user_profile.json", "json/account_history.json"):
        return 1.0
    if _has(export, "html/memories_history.html", "html/location_history.html", "html/account.html",
            "html/user_profile.html"):
        return 0.9
    if _any_name(export, r"(^|/)memories/\d{4}-\d{2}-\d{2}_[0-9a-f-]+-main\.[a-z0-9]+$") or _any_name(
            export, r"(^|/)chat_media/\d{4}-\d{2}-\d{2}_b~"):
        return 0.7
    if export.path.name.lower().startswith("mydata~"):
        return 0.6
    return 0.0


_TIMELINE_OBJECT = re.compile(rb'^\{\s*"(semanticSegments|rawSignals|userLocationProfile)"\s*:')


def _google_timeline(export: Export) -> float:
    looked = 0
    for name in export.names():
        if not name.lower().endswith(".json") or name.count("/") > 1:
            continue
        head = _head(export, name, 2048)
        if _TIMELINE_OBJECT.match(head):
            return 1.0
        if head.startswith(b"[") and b'"startTime"' in head and (
                b'"geo:' in head or b'"visit"' in head or b'"activity"' in head or b'"timelinePath"' in head):
            return 0.95
        looked += 1
        if looked >= _MAX_HEADS:
            break
    return 0.0


_SLH_MONTH = (r"(^|/)\d{4}_(january|february|march|april|may|june|july|august|september|october|november"
              r"|december)\.json$")


def _google_takeout(export: Export) -> float:
    for member in export.find("Records.json")[:_MAX_HEADS]:
        head = _head(export, member.name, 256)
        if re.match(rb'\{\s*"locations"\s*:', head):
            return 1.0
    if _any_name(export, r"(^|/)Semantic Location History/") or _any_name(
            export, r"(^|/)Location History( \(Timeline\))?/"):
        return 1.0
    if _any_name(export, _SLH_MONTH):
        for member in export.members()[:_MAX_HEADS]:
            if re.search(_SLH_MONTH, member.name, re.I) and re.match(
                    rb'\{\s*"timelineObjects"\s*:', _head(export, member.name, 256)):
                return 1.0
    if _any_name(export, r"(^|/)Takeout/"):
        return 0.9
    for member in [m for m in export.members() if m.name.lower().endswith(".json")
                   and m.name.count("/") <= 1][:_MAX_HEADS]:  # localised names: Records or a month, by content
        if re.match(rb'\{\s*"(locations|timelineObjects)"\s*:', _head(export, member.name, 256)):
            return 0.9
    if _any_name(export, r"\.(jpe?g|heic|png|gif|mp4|mov)\.(supplemental-metadata\.)?json$") or _any_name(
            export, r"\.(jpe?g|heic|png|mp4)\.supp[a-z-]*\.json$"):
        return 0.8
    if export.path.name.lower().startswith("takeout-"):
        return 0.5
    return 0.0


def _strava(export: Export) -> float:
    if _has(export, "activities.csv") and (_has(export, "profile.csv") or _any_name(
            export, r"(^|/)activities/[^/\n]+\.(gpx|tcx|fit)(\.gz)?$")):
        return 1.0
    if _head_starts(export, "activities.csv", b"Activity ID,Activity Date,Activity Name"):
        return 0.9
    if _has(export, "activities.csv"):
        return 0.6
    return 0.0


def _mastodon(export: Export) -> float:
    if _has(export, "outbox.json") and _has(export, "actor.json"):
        return 1.0
    for member in export.find("outbox.json")[:_MAX_HEADS]:
        head = export.read_head(member.name, 1024)
        if b"activitystreams" in head and b"OrderedCollection" in head:
            return 0.9
    return 0.0


def _bluesky(export: Export) -> float:
    for member in export.members()[:_MAX_HEADS * 10]:
        low = member.name.lower()
        if not low.endswith(".car"):
            continue
        # CAR v1: a varint length, then a DAG-CBOR map {"roots": [...], "version": 1}
        head = export.read_head(member.name, 128)
        if b"roots" in head[:64] and b"version" in head[:64]:
            return 1.0
        if low.rsplit("/", 1)[-1] == "repo.car":
            return 0.6
    return 0.0


_REDDIT_HEADER = b"id,permalink,date,ip,subreddit"


def _reddit(export: Export) -> float:
    if _head_starts(export, "posts.csv", _REDDIT_HEADER) or _head_starts(export, "comments.csv", _REDDIT_HEADER):
        return 1.0
    if _head_starts(export, "post_votes.csv", b"id,permalink,direction") or _head_starts(
            export, "ip_logs.csv", b"date,ip"):
        return 0.7
    if re.match(r"^export_[^/]+_\d{8}\.zip$", export.path.name, re.I) and _has(export, "statistics.csv"):
        return 0.7
    return 0.0


_WHATSAPP_LINE = re.compile(r"^\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},? \d{1,2}:\d{2}", re.M)


def _whatsapp(export: Export) -> float:
    candidates = export.find("_chat.txt") + [
        m for m in export.members()[:_MAX_HEADS * 10]
        if re.search(r"(^|/)WhatsApp Chat (with|-) [^/]*\.txt$", m.name, re.I)]
    for member in candidates[:_MAX_HEADS]:
        head = export.read_head(member.name, 512).decode("utf-8", "replace")
        if _WHATSAPP_LINE.search(head):
            return 0.9
    return 0.0


def _photos(export: Export) -> float:
    names = export.names()
    if not names:
        return 0.0
    images = sum(1 for n in names if n.lower().endswith(IMAGE_SUFFIXES))
    if images and images >= 0.5 * len(names):
        return 0.5
    return 0.0


@dataclass(frozen=True)
class _Rule:
    format: str
    platform: Platform
    title: str
    test: Callable[[Export], float]
    html_format: str | None = None  # the format id when only HTML files are present


RULES: tuple[_Rule, ...] = (
    _Rule("x-archive", Platform.X, "X (Twitter) archive", _x),
    _Rule("facebook", Platform.FACEBOOK, "Facebook export", _facebook, "facebook-html"),
    _Rule("instagram", Platform.INSTAGRAM, "Instagram export", _instagram, "instagram-html"),
    _Rule("linkedin-csv", Platform.LINKEDIN, "LinkedIn data export", _linkedin),
    _Rule("tiktok", Platform.TIKTOK, "TikTok data export", _tiktok),
    _Rule("snapchat", Platform.SNAPCHAT, "Snapchat My Data", _snapchat, "snapchat-html"),
    _Rule("google-timeline", Platform.GOOGLE, "Google Maps Timeline (on-device export)", _google_timeline),
    _Rule("google-takeout", Platform.GOOGLE, "Google Takeout", _google_takeout),
    _Rule("strava", Platform.STRAVA, "Strava bulk export", _strava),
    _Rule("mastodon", Platform.MASTODON, "Mastodon account archive", _mastodon),
    _Rule("bluesky-car", Platform.BLUESKY, "Bluesky repository (repo.car)", _bluesky),
    _Rule("reddit-csv", Platform.OTHER, "Reddit data export", _reddit),
    _Rule("whatsapp-chat", Platform.OTHER, "WhatsApp chat export", _whatsapp),
    _Rule("photos", Platform.PHOTOS, "Folder of photos", _photos),
)

_HTML_TITLES = {
    "facebook-html": "Facebook export (HTML)",
    "instagram-html": "Instagram export (HTML)",
    "snapchat-html": "Snapchat My Data (HTML)",
}


def recognise(export: Export) -> Recognition | None:
    """The best matching format, or None when nothing matches. Never raises for hostile content."""
    best: Recognition | None = None
    best_rule: _Rule | None = None
    for rule in RULES:
        try:
            score = rule.test(export)
        except Exception:  # a hostile member must not stop recognition of the others
            score = 0.0
        if score > 0 and (best is None or score > best.confidence):
            best = Recognition(rule.format, rule.platform, rule.title, score)
            best_rule = rule
            if score >= 1.0:
                break
    if best is not None and best_rule is not None and best_rule.html_format:
        try:
            html_only = _html_only(export)
        except Exception:
            html_only = False
        if html_only:
            fmt = best_rule.html_format
            best = Recognition(fmt, best.platform, _HTML_TITLES[fmt], best.confidence)
    if best is not None and best.format == "photos" and _single(export):
        best = Recognition("photos", Platform.PHOTOS, "Photo", best.confidence)
    return best
