"""Recognition of every platform (research §10) from tiny exports in the real structures, and of
single export files given directly."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from checks.exports.archive import open_export
from checks.exports.recognise import recognise
from checks.pipeline import _readability
from checks.readers import READERS
from checks.report.words import say


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 100, 50)).save(buf, "JPEG")
    return buf.getvalue()


def car_header() -> bytes:
    # CAR v1: varint header length, then DAG-CBOR {"roots": [CID], "version": 1}
    cbor = b"\xa2eroots\x81\xd8*X%\x00\x01q\x12 " + b"\x11" * 32 + b"gversion\x01"
    return bytes([len(cbor)]) + cbor + b"\x00" * 16


SLH_MONTH = json.dumps({"timelineObjects": [{"placeVisit": {"location": {"latitudeE7": 515000000}}}]})
TIMELINE_ANDROID = json.dumps({"semanticSegments": [{"startTime": "2024-01-01T10:00:00.000+01:00",
                                                     "visit": {"topCandidate": {"semanticType": "HOME"}}}]})
TIMELINE_IOS = json.dumps([{"startTime": "2024-01-01T10:00:00.000+01:00", "endTime": "2024-01-01T11:00:00Z",
                            "visit": {"topCandidate": {"placeLocation": "geo:51.5,-0.1"}}}])
TIKTOK = json.dumps({"Activity": {"Favorite Videos": {}}, "Profile": {"Profile Information": {"ProfileMap": {}}}})
OUTBOX = json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
                     "type": "OrderedCollection", "totalItems": 0, "orderedItems": []})
STRAVA_ACTIVITIES = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description\n1,x,y,Run,\n"
LINKEDIN_PROFILE = ("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
                    "Geo Location,Twitter Handles,Websites,Instant Messengers\nAlex,Example,,,,,,,,,,,\n")
CONNECTIONS = ('Notes:\n"When exporting your connection data, you may notice..."\n\n'
               "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")

# format id -> (zip name, members) in each platform's real layout (research §1-§9)
EXPORTS: dict[str, tuple[str, dict[str, bytes | str]]] = {
    "x-archive": ("twitter-2026-11-01-0a1b.zip", {
        "Your archive.html": "<html></html>", "data/manifest.js": "window.__THAR_CONFIG = {}",
        "data/tweets.js": "window.YTD.tweets.part0 = []", "data/account.js": "window.YTD.account.part0 = []"}),
    "facebook": ("facebook-someone-2026-3-11-Hl65Zstp.zip", {
        "personal_information/profile_information/profile_information.json": "{}",
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": "[]",
        "connections/friends/your_friends.json": "{}"}),
    "facebook-html": ("facebook-someone-2026-3-11-Hl65Zstp.zip", {
        "personal_information/profile_information/profile_information.html": "<html>",
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html": "<html>",
        "start_here.html": "<html>"}),
    "instagram": ("instagram-someone-2026-03-11-YOudpLi7.zip", {
        "your_instagram_activity/media/posts_1.json": "[]",
        "personal_information/personal_information/personal_information.json": "{}",
        "connections/followers_and_following/followers_1.json": "[]",
        "media/posts/202401/a.jpg": jpeg()}),
    "instagram-html": ("instagram-someone-2026-03-11-YOudpLi7.zip", {
        "your_instagram_activity/media/posts_1.html": "<html>",
        "personal_information/personal_information/personal_information.html": "<html>",
        "start_here.html": "<html>"}),
    "linkedin-csv": ("Complete_LinkedInDataExport_11-01-2026.zip", {
        "Profile.csv": LINKEDIN_PROFILE, "Connections.csv": CONNECTIONS,
        "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"}),
    "tiktok": ("TikTok_Data_1759132800.zip", {"user_data_tiktok.json": TIKTOK}),
    "snapchat": ("mydata~1700000000000.zip", {
        "json/account.json": "{}", "json/location_history.json": "{}", "html/account.html": "<html>",
        "index.html": "<html>", "memories/2024-01-01_0a1b2c3d-main.jpg": jpeg()}),
    "snapchat-html": ("mydata~1700000000000.zip", {
        "html/account.html": "<html>", "html/memories_history.html": "<html>", "index.html": "<html>"}),
    "google-takeout": ("takeout-20260101T101010Z-001.zip", {
        "Takeout/archive_browser.html": "<html>",
        "Takeout/Location History (Timeline)/Records.json": '{"locations": []}',
        "Takeout/Location History (Timeline)/Semantic Location History/2024/2024_JANUARY.json": SLH_MONTH}),
    "google-timeline": ("timeline-export.zip", {"Timeline.json": TIMELINE_ANDROID}),
    "strava": ("export_12345678.zip", {
        "export_12345678/activities.csv": STRAVA_ACTIVITIES, "export_12345678/profile.csv": "Athlete ID\n1\n",
        "export_12345678/activities/123.gpx": "<gpx/>"}),
    "mastodon": ("archive-20260101101010-0123456789abcdef0123456789abcdef.zip", {
        "outbox.json": OUTBOX, "actor.json": "{}", "likes.json": "{}", "media_attachments/files/a.png": "x"}),
    "bluesky-car": ("bluesky.zip", {"repo.car": car_header()}),
    "reddit-csv": ("export_someone_20260723.zip", {
        "posts.csv": "id,permalink,date,ip,subreddit,gildings,title,url,body\n",
        "comments.csv": "id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n",
        "statistics.csv": "statistic,value\n"}),
    "whatsapp-chat": ("WhatsApp Chat with Sam.zip", {
        "_chat.txt": "[01/02/2024, 12:00:01] Sam Example: hello\n[01/02/2024, 12:01:00] Me: hi\n",
        "00000001-PHOTO-2024-02-01-12-00-00.jpg": jpeg()}),
    "photos": ("holiday.zip", {"IMG_0001.jpg": jpeg(), "IMG_0002.jpg": jpeg()}),
}

# a single file given directly -> the format it is
SINGLE_FILES: list[tuple[str, bytes | str, str]] = [
    ("tweets.js", "window.YTD.tweets.part0 = [ ]", "x-archive"),
    ("tweet.js", "window.YTD.tweet.part0 = [ ]", "x-archive"),
    ("like.js", "\ufeffwindow.YTD.like.part0 = [ ]", "x-archive"),
    ("Records.json", '{\n  "locations" : [ ]\n}', "google-takeout"),
    ("2019_JANUARY.json", SLH_MONTH, "google-takeout"),
    ("Timeline.json", TIMELINE_ANDROID, "google-timeline"),
    ("Zeitleiste.json", TIMELINE_ANDROID, "google-timeline"),
    ("location-history.json", TIMELINE_IOS, "google-timeline"),
    ("user_data_tiktok.json", TIKTOK, "tiktok"),
    ("user_data.json", TIKTOK, "tiktok"),
    ("IMG_0001.jpg", jpeg(), "photos"),
    ("repo.car", car_header(), "bluesky-car"),
    ("outbox.json", OUTBOX, "mastodon"),
    ("activities.csv", STRAVA_ACTIVITIES, "strava"),
    ("Profile.csv", LINKEDIN_PROFILE, "linkedin-csv"),
    ("Connections.csv", CONNECTIONS, "linkedin-csv"),
    ("Email Addresses.csv", "Email Address,Confirmed,Primary,Updated On\n", "linkedin-csv"),
    ("_chat.txt", "[01/02/2024, 12:00:01] Sam Example: hello\n", "whatsapp-chat"),
]


def write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def write_folder(root: Path, members: dict[str, bytes | str]) -> Path:
    for name, data in members.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    return root


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_zip_is_recognised(tmp_path: Path, fmt: str) -> None:
    name, members = EXPORTS[fmt]
    with open_export([write_zip(tmp_path / name, members)]) as export:
        rec = recognise(export)
    assert rec is not None and rec.format == fmt
    assert 0 < rec.confidence <= 1


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_unpacked_folder_with_wrapper_is_recognised(tmp_path: Path, fmt: str) -> None:
    name, members = EXPORTS[fmt]
    root = write_folder(tmp_path / "Downloads" / name.removesuffix(".zip"), members)
    with open_export([root.parent]) as export:
        rec = recognise(export)
    assert rec is not None and rec.format == fmt


@pytest.mark.parametrize(("name", "content", "fmt"), SINGLE_FILES, ids=[s[0] for s in SINGLE_FILES])
def test_single_file_is_recognised(tmp_path: Path, name: str, content: bytes | str, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    with open_export([path]) as export:
        rec = recognise(export)
    assert rec is not None and rec.format == fmt


@pytest.mark.parametrize(("name", "content"), [
    ("notes.txt", "shopping list"),
    ("data.json", '{"hello": "world"}'),
    ("Records.json", '{"something": "else"}'),
    ("outbox.json", '{"not": "mastodon"}'),
    ("user_data.json", '{"users": []}'),
    ("posts.csv", "a,b,c\n1,2,3\n"),
    ("script.js", "console.log('hi')"),
])
def test_other_files_are_not_recognised(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with open_export([path]) as export:
        assert recognise(export) is None


def test_facebook_is_not_mistaken_for_instagram_and_vice_versa(tmp_path: Path) -> None:
    # Meta exports share messages/inbox, connections/ and personal_information/ folder names
    fb = {"your_facebook_activity/messages/inbox/sam_123/message_1.json": "{}",
          "connections/followers/who_you_follow.json": "{}",
          "personal_information/profile_information/profile_information.json": "{}"}
    ig = {"your_instagram_activity/messages/inbox/sam_123/message_1.json": "{}",
          "connections/followers_and_following/following.json": "{}",
          "personal_information/personal_information/personal_information.json": "{}"}
    with open_export([write_zip(tmp_path / "a.zip", fb)]) as export:
        assert recognise(export).format == "facebook"  # type: ignore[union-attr]
    with open_export([write_zip(tmp_path / "b.zip", ig)]) as export:
        assert recognise(export).format == "instagram"  # type: ignore[union-attr]


def test_unreadable_platform_gets_a_plain_message(tmp_path: Path) -> None:
    name, members = EXPORTS["reddit-csv"]
    with open_export([write_zip(tmp_path / name, members)]) as export:
        rec = recognise(export)
    readable, message = _readability(rec)
    assert readable is ("reddit-csv" in READERS)
    assert "Reddit" in say(message)
    readable, message = _readability(None)
    assert not readable and "not an export Offduty recognises" in say(message)


def test_recognition_survives_members_that_cannot_be_read(tmp_path: Path) -> None:
    from tests.archive.crafted import bad_crc

    path = bad_crc(tmp_path, name="data/tweets.js", good={"data/manifest.js": b"window.__THAR_CONFIG = {}"})
    with open_export([path]) as export:
        rec = recognise(export)
    assert rec is not None and rec.format == "x-archive"
