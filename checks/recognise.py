"""Recognition: which platform and format an opened export is, by member paths and first bytes.

Every platform of research §10 is recognised here, even where no reader exists yet, so the
person is told "Instagram export recognised; this version cannot read it yet" rather than
"not an export". Rules are tried in order (Meta shares folder names between Facebook and
Instagram, so Facebook's own markers come first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checks.archive import Export
from checks.records import Platform

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".dng")


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
    rx = re.compile(pattern, re.I)
    return any(rx.search(n) for n in export.names())


def _head_starts(export: Export, suffix: str, *prefixes: bytes) -> bool:
    for member in export.find(suffix):
        head = export.read_head(member.name, 512).lstrip(b"\xef\xbb\xbf").lstrip()
        if any(head.startswith(p) for p in prefixes):
            return True
    return False


def _x(export: Export) -> float:
    if _head_starts(export, "data/manifest.js", b"window.__THAR_CONFIG"):
        return 1.0
    for name in export.names():
        low = name.lower()
        if low.endswith(".js") and (low.startswith("data/") or "/" not in low):
            head = export.read_head(name, 64).lstrip(b"\xef\xbb\xbf").lstrip()
            if head.startswith(b"window.YTD."):
                return 0.9
    if _any_name(export, r"(^|/)data/js/tweets/\d{4}_\d{2}\.js$") or _has(export, "tweets.csv"):
        return 0.6
    return 0.0


def _facebook(export: Export) -> float:
    if _has(export, "personal_information/profile_information/profile_information.json") or _any_name(
            export, r"(^|/)your_facebook_activity/"):
        return 1.0
    if _has(export, "profile_information/profile_information.json") or _any_name(
            export, r"(^|/)posts/your_posts(_\d+)?\.json$"):
        return 0.9
    if _any_name(export, r"(^|/)(your_facebook_activity|posts)/.*\.html$") and _any_name(
            export, r"(^|/)profile_information/profile_information\.html$"):
        return 0.8
    if export.path.name.lower().startswith("facebook-"):
        return 0.5
    return 0.0


def _facebook_html_only(export: Export) -> bool:
    return not _any_name(export, r"\.json$") and _any_name(export, r"\.html$")


def _instagram(export: Export) -> float:
    if _any_name(export, r"(^|/)your_instagram_activity/") or _has(
            export, "personal_information/personal_information/instagram_profile_information.json"):
        return 1.0
    if _any_name(export, r"(^|/)media/posts/\d{6}/") and _any_name(export, r"(^|/)personal_information/"):
        return 0.9
    if _any_name(export, r"(^|/)content/posts_\d+\.(json|html)$") or _has(
            export, "account_information/personal_information.json"):
        return 0.8
    if _any_name(export, r"(^|/)connections/followers_and_following/"):
        return 0.6
    if export.path.name.lower().startswith("instagram"):
        return 0.5
    return 0.0


def _linkedin(export: Export) -> float:
    score = 0.0
    if _has(export, "Profile.csv"):
        score = max(score, 0.7)
    if _has(export, "Positions.csv") or _has(export, "Connections.csv"):
        score = max(score, 0.8)
    if _head_starts(export, "Connections.csv", b"Notes:", b'"Notes:', b"First Name"):
        score = 1.0
    if "linkedindataexport" in export.path.name.lower():
        score = max(score, 0.9)
    return score


def _tiktok(export: Export) -> float:
    for suffix in ("user_data_tiktok.json", "user_data.json"):
        for member in export.find(suffix):
            head = export.read_head(member.name, 4096)
            if re.search(rb'"(Activity|Your Activity|Profile|Profile And Settings|App Settings|Video)"', head):
                return 1.0
            return 0.6
    if export.path.name.startswith("TikTok_Data_"):
        return 0.5
    return 0.0


def _snapchat(export: Export) -> float:
    if _has(export, "json/memories_history.json", "json/location_history.json", "json/account.json",
            "json/snap_map_places_history.json", "json/user_profile.json"):
        return 1.0
    if _has(export, "html/memories_history.html", "html/location_history.html", "html/account.html"):
        return 0.9
    if export.path.name.lower().startswith("mydata~"):
        return 0.6
    return 0.0


def _google_timeline(export: Export) -> float:
    for name in export.names():
        if not name.lower().endswith(".json") or name.count("/") > 1:
            continue
        head = export.read_head(name, 2048).lstrip(b"\xef\xbb\xbf").lstrip()
        if head.startswith(b"{") and re.match(rb'\{\s*"semanticSegments"', head):
            return 1.0
        if head.startswith(b"[") and b'"startTime"' in head and (b'"geo:' in head or b'"visit"' in head
                                                                 or b'"activity"' in head or b'"timelinePath"' in head):
            return 0.95
    return 0.0


def _google_takeout(export: Export) -> float:
    if _any_name(export, r"(^|/)Records\.json$") or _any_name(export, r"Semantic Location History/"):
        return 1.0
    if _any_name(export, r"(^|/)Takeout/"):
        return 0.9
    if _any_name(export, r"\.(jpe?g|heic|png|mp4)\.(supplemental-metadata\.)?json$") or _any_name(
            export, r"\.supp[a-z-]*\.json$"):
        return 0.8
    if export.path.name.lower().startswith("takeout-"):
        return 0.5
    return 0.0


def _strava(export: Export) -> float:
    if _has(export, "activities.csv") and (_has(export, "profile.csv") or _any_name(
            export, r"(^|/)activities/[^/]+\.(gpx|tcx|fit)(\.gz)?$")):
        return 1.0
    if _has(export, "activities.csv"):
        return 0.7
    return 0.0


def _mastodon(export: Export) -> float:
    if _has(export, "outbox.json") and _has(export, "actor.json"):
        return 1.0
    return 0.0


def _bluesky(export: Export) -> float:
    for name in export.names():
        if name.lower().endswith(".car"):
            return 1.0
    return 0.0


def _reddit(export: Export) -> float:
    if _head_starts(export, "posts.csv", b"id,permalink,date,ip,subreddit") or _head_starts(
            export, "comments.csv", b"id,permalink,date,ip,subreddit"):
        return 1.0
    return 0.0


def _whatsapp(export: Export) -> float:
    for member in export.find("_chat.txt"):
        head = export.read_head(member.name, 512).decode("utf-8", "replace")
        if re.search(r"^\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},? \d{1,2}:\d{2}", head, re.M):
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


RULES: tuple[_Rule, ...] = (
    _Rule("x-archive", Platform.X, "X (Twitter) archive", _x),
    _Rule("facebook", Platform.FACEBOOK, "Facebook export", _facebook),
    _Rule("instagram", Platform.INSTAGRAM, "Instagram export", _instagram),
    _Rule("linkedin-csv", Platform.LINKEDIN, "LinkedIn data export", _linkedin),
    _Rule("tiktok", Platform.TIKTOK, "TikTok data export", _tiktok),
    _Rule("snapchat", Platform.SNAPCHAT, "Snapchat My Data", _snapchat),
    _Rule("google-timeline", Platform.GOOGLE, "Google Maps Timeline (on-device export)", _google_timeline),
    _Rule("google-takeout", Platform.GOOGLE, "Google Takeout", _google_takeout),
    _Rule("strava", Platform.STRAVA, "Strava bulk export", _strava),
    _Rule("mastodon", Platform.MASTODON, "Mastodon account archive", _mastodon),
    _Rule("bluesky-car", Platform.BLUESKY, "Bluesky repository (repo.car)", _bluesky),
    _Rule("reddit-csv", Platform.OTHER, "Reddit data export", _reddit),
    _Rule("whatsapp-chat", Platform.OTHER, "WhatsApp chat export", _whatsapp),
    _Rule("photos", Platform.PHOTOS, "Folder of photos", _photos),
)


def recognise(export: Export) -> Recognition | None:
    """The best matching format, or None when nothing matches."""
    best: Recognition | None = None
    for rule in RULES:
        try:
            score = rule.test(export)
        except Exception:  # a hostile member must not stop recognition of the others
            score = 0.0
        if score > 0 and (best is None or score > best.confidence):
            fmt = rule.format
            title = rule.title
            if fmt == "facebook" and _facebook_html_only(export):
                fmt, title = "facebook-html", "Facebook export (HTML)"
            if fmt == "instagram" and _facebook_html_only(export):
                fmt, title = "instagram-html", "Instagram export (HTML)"
            if fmt == "snapchat" and _facebook_html_only(export):
                fmt, title = "snapchat-html", "Snapchat My Data (HTML)"
            best = Recognition(fmt, rule.platform, title, score)
            if score >= 1.0:
                break
    return best
