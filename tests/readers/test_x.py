"""The X archive reader against generated archives in the real structure (invented people only)."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.exports.archive import open_export
from checks.exports.recognise import recognise
from checks.progress import Cancelled, CancelToken
from checks.readers import ReadContext, reader_for
from checks.readers.x import XArchiveReader, order_coordinates, parse_twitter_time
from checks.records import Audience, Item, ItemKind, Message, Platform, ProfileField
from checks.report.words import say
from tests.builders.x import DirectMessage, Media, NoteTweet, Tweet, XArchive, grailbird_files, twitter_time, ytd
from tests.readers._util import code, codes, note_codes

ME = "1458362947120394240"
FRIEND = "1061729517330157568"
T0 = datetime(2024, 3, 5, 14, 2, 11, tzinfo=UTC)


def read(path: Path | list[Path], cancel: CancelToken | None = None) -> tuple[list[Item], ReadContext]:
    paths = path if isinstance(path, list) else [path]
    with open_export(paths) as export:
        rec = recognise(export)
        assert rec is not None and rec.format == "x-archive"
        reader = reader_for(rec.format)
        assert reader is XArchiveReader
        ctx = ReadContext(input_index=0, export=export, cancel=cancel or CancelToken())
        return list(reader().read(ctx)), ctx


def posts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind is ItemKind.POST]


def by_text(items: list[Item], text: str) -> Item:
    found = [i for i in items if i.text == text]
    assert len(found) == 1, f"{len(found)} items with that text"
    return found[0]


def ordinary(n: int, start: datetime = T0) -> list[Tweet]:
    topics = ["Great match today, what a finish", "Made a lasagne from scratch", "Rain again, of course",
              "Line of Duty was brilliant", "Anyone watched the new series?"]
    return [Tweet(f"{topics[k % len(topics)]} ({k})", start + timedelta(hours=7 * k)) for k in range(n)]


@pytest.fixture
def archive() -> XArchive:
    return XArchive(
        username="jo_invented", display_name="Jo Invented", email="jo.invented@example.com",
        bio="Tea, football & long walks <3", website="https://example.org/jo", location="South London",
        birth_date="1991-06-02", age="35", phone="+447700900321",
        tweets=[
            *ordinary(3),
            Tweet("Fish & chips <3 tonight", T0 + timedelta(days=3), in_reply_to="chippy_fan"),
            Tweet("RT @someone_else: big news today", T0 + timedelta(days=4)),
            Tweet("Sunset from the park", T0 + timedelta(days=5), media=(Media(), Media("video"))),
        ],
        deleted_tweets=[Tweet("posted this by mistake", T0 + timedelta(days=6))],
        note_tweets=[NoteTweet("A long post about the weekend. " * 12, T0 + timedelta(days=7))],
        direct_messages=[
            DirectMessage("see you at 8", T0 + timedelta(days=1), ME, FRIEND),
            DirectMessage("what time is it?", T0 + timedelta(days=1, minutes=-5), FRIEND, ME),
        ],
        group_messages=[DirectMessage("count me in", T0 + timedelta(days=2), ME, "1700000000000000000")],
        protected_history=[(T0 + timedelta(days=30), "Protect"), (T0 + timedelta(days=60), "Unprotect")],
        screen_name_changes=[(T0 - timedelta(days=400), "jo_old_handle", "jo_invented")],
        email_changes=[(T0 - timedelta(days=300), "jo.old@example.net", "jo.invented@example.com")],
        professional={"addresssLine1": "3 Quarry Mews", "city": "London", "administrativeArea": "Greater London",
                      "postalCode": "SE4 9ZZ", "country": "GB", "phone": "+447700900654",
                      "email": "bookings@example.org", "timezone": "Europe/London"},
        periscope=[{"id": "1yoKMZQqkLpGQ", "hasLocation": True, "latitude": "51.4521", "longitude": "-0.0350",
                    "city": "London", "country": "GB", "createdAt": "2016-07-09T11:03:20.000Z"},
                   {"id": "1MnxnkXyzOpGO", "hasLocation": False, "latitude": "0", "longitude": "0",
                    "createdAt": "2016-07-10T11:03:20.000Z"}],
    )


def test_recognised_and_every_part_read_with_exact_sources(tmp_path: Path, archive: XArchive) -> None:
    items, ctx = read(archive.write_zip(tmp_path / "twitter-2026-11-01-ab12.zip"))
    assert ctx.skipped == []
    assert all(i.platform is Platform.X for i in items)

    first = archive.tweets[0]
    post = by_text(items, first.text)
    assert post.source.file == "data/tweets.js"
    assert post.source.pointer == "/0/tweet/full_text"
    assert post.source.timestamp == first.created_at
    assert post.source.url == f"https://x.com/jo_invented/status/{first.id}"
    assert post.audience is Audience.PUBLIC  # the latest protected-history action is Unprotect
    assert post.detail("tweet_id") == first.id and isinstance(post.detail("tweet_id"), str)
    assert post.detail("source_app") == "Twitter for iPhone"

    # full_text is HTML-escaped in the archive: the item holds what the person typed
    reply = by_text(items, "Fish & chips <3 tonight")
    assert reply.source.pointer == "/3/tweet/full_text"
    assert reply.detail("in_reply_to") == "chippy_fan"
    retweet = by_text(items, "RT @someone_else: big news today")
    assert retweet.detail("retweet") == "true"
    assert reply.detail("retweet") is None

    deleted = by_text(items, "posted this by mistake")
    assert deleted.source.file == "data/deleted-tweets.js"
    assert deleted.source.pointer == "/0/tweet/full_text"
    assert deleted.detail("deleted") == "true"

    note = [i for i in posts(items) if i.source.file == "data/note-tweet.js"]
    assert len(note) == 1 and note[0].source.pointer == "/0/noteTweet/core/text"
    assert note[0].text == archive.note_tweets[0].text
    assert note[0].source.timestamp == archive.note_tweets[0].created_at


def test_profile_account_and_identity_fields(tmp_path: Path, archive: XArchive) -> None:
    items, _ = read(archive.write_folder(tmp_path / "unpacked"))
    fields = {(i.field, i.source.file, i.source.pointer): i for i in items if i.kind is ItemKind.PROFILE_FIELD}
    bio = fields[(ProfileField.BIO, "data/profile.js", "/0/profile/description/bio")]
    assert bio.text == "Tea, football & long walks <3" and bio.audience is Audience.PUBLIC
    assert fields[(ProfileField.WEBSITE, "data/profile.js", "/0/profile/description/website")].text == archive.website
    assert fields[(ProfileField.CITY, "data/profile.js", "/0/profile/description/location")].text == "South London"
    assert fields[(ProfileField.USERNAME, "data/account.js", "/0/account/username")].text == "jo_invented"
    assert fields[(ProfileField.NAME, "data/account.js", "/0/account/accountDisplayName")].text == "Jo Invented"
    email = fields[(ProfileField.EMAIL, "data/account.js", "/0/account/email")]
    assert email.audience is Audience.PRIVATE and email.source.timestamp == archive.created_at
    assert fields[(ProfileField.BIRTH_DATE, "data/ageinfo.js", "/0/ageMeta/ageInfo/birthDate")].text == "1991-06-02"
    age = fields[(ProfileField.OTHER, "data/ageinfo.js", "/0/ageMeta/ageInfo/age/0")]
    assert age.text == "35" and age.detail("name") == "age"
    assert fields[(ProfileField.PHONE, "data/phone-number.js", "/0/device/phoneNumber")].text == "+447700900321"
    old = fields[(ProfileField.USERNAME, "data/screen-name-change.js",
                  "/0/screenNameChange/screenNameChange/changedFrom")]
    assert old.text == "jo_old_handle" and old.detail("previous") == "true"
    old_mail = fields[(ProfileField.EMAIL, "data/email-address-change.js",
                       "/0/emailAddressChange/emailChange/changedFrom")]
    assert old_mail.text == "jo.old@example.net"
    assert old_mail.source.timestamp == archive.email_changes[0][0]

    spotlight = {i.field: i for i in items if i.source.file == "data/professional-data.js"}
    assert spotlight[ProfileField.ADDRESS].text == "3 Quarry Mews"
    assert spotlight[ProfileField.ADDRESS].source.pointer == "/0/professionalData/locationSpotlight/addresssLine1"
    assert spotlight[ProfileField.POSTCODE].text == "SE4 9ZZ"
    assert spotlight[ProfileField.PHONE].text == "+447700900654"

    periscope = [i for i in items if i.source.file == "data/periscope-broadcast-metadata.js"]
    assert len(periscope) == 1  # the broadcast without a location is not a place
    assert periscope[0].location is not None and periscope[0].location.lat == pytest.approx(51.4521)
    assert periscope[0].source.pointer == "/0/broadcastMetadata"
    assert periscope[0].source.timestamp == datetime(2016, 7, 9, 11, 3, 20, tzinfo=UTC)


def test_ni_devices_phone(tmp_path: Path) -> None:
    root = XArchive(tweets=ordinary(1)).write_folder(tmp_path / "x")
    (root / "data" / "ni-devices.js").write_bytes(ytd("YTD.ni_devices.part0", [{"niDeviceResponse": {
        "messagingDevice": {"phoneNumber": "+447700900987", "carrier": "example-carrier", "deviceType": "Auth",
                            "createdDate": "2019.03.21", "updatedDate": "2019.03.22"}}}]))
    items, ctx = read(root)
    (phone,) = [i for i in items if i.source.file == "data/ni-devices.js"]
    assert phone.field is ProfileField.PHONE and phone.text == "+447700900987"
    assert phone.source.pointer == "/0/niDeviceResponse/messagingDevice/phoneNumber"
    assert phone.source.timestamp == datetime(2019, 3, 22, tzinfo=UTC)
    assert phone.audience is Audience.PRIVATE and ctx.skipped == []


@pytest.mark.parametrize(("history", "expected", "audience"), [
    ([(T0, "Protect"), (T0 + timedelta(days=9), "Unprotect")], "false", Audience.PUBLIC),
    ([(T0 + timedelta(days=9), "Protect"), (T0, "Unprotect")], "true", Audience.FRIENDS),  # order in file is not time
    ([], None, Audience.PUBLIC),
])
def test_protected_history_latest_action(tmp_path: Path, history: list[tuple[datetime, str]], expected: str | None,
                                         audience: Audience) -> None:
    archive = XArchive(tweets=ordinary(2), protected_history=history)
    items, _ = read(archive.write_zip(tmp_path / "x.zip"))
    settings_ = [i for i in items if i.kind is ItemKind.SETTING]
    if expected is None:
        assert settings_ == []
    else:
        assert len(settings_) == 1
        setting = settings_[0]
        assert setting.field == "protected" and setting.text == expected
        latest = max(range(len(history)), key=lambda k: history[k][0])
        assert setting.source.pointer == f"/{latest}/protectedHistory/action"
        assert setting.source.timestamp == history[latest][0]
    assert {p.audience for p in posts(items)} == {audience}


def test_direct_messages_only_those_sent(tmp_path: Path, archive: XArchive) -> None:
    items, _ = read(archive.write_zip(tmp_path / "x.zip"))
    messages = [i for i in items if i.kind is ItemKind.MESSAGE]
    assert sorted(m.text for m in messages) == ["count me in", "see you at 8"]
    assert all(m.audience is Audience.PRIVATE for m in messages)
    sent = by_text(messages, "see you at 8")
    assert sent.source.file == "data/direct-messages.js"
    # messages are newest first in the conversation: the reply (sent) is message 0
    assert sent.source.pointer == "/0/dmConversation/messages/0/messageCreate/text"
    assert sent.source.timestamp == T0 + timedelta(days=1)
    assert by_text(messages, "count me in").source.file == "data/direct-messages-group.js"


def test_direct_messages_are_streamed_one_by_one_with_exact_pointers(tmp_path: Path) -> None:
    other = "1700000000000000001"
    messages = [DirectMessage(f"to friend {k}", T0 + timedelta(minutes=k), ME if k % 2 else FRIEND,
                              FRIEND if k % 2 else ME) for k in range(6)]
    messages += [DirectMessage(f"to other {k}", T0 + timedelta(hours=5, minutes=k), ME if k % 3 == 0 else other,
                               other if k % 3 == 0 else ME) for k in range(7)]
    archive = XArchive(direct_messages=messages)
    items, _ = read(archive.write_zip(tmp_path / "x.zip"))
    document = json.loads(archive.files()["data/direct-messages.js"].decode().split("=", 1)[1])
    sent = [i for i in items if i.kind is ItemKind.MESSAGE]
    assert sorted(i.text for i in sent) == sorted(m.text for m in messages if m.sender_id == ME)
    for item in sent:
        conv, _, _, msg = item.source.pointer.split("/")[1:5]
        create = document[int(conv)]["dmConversation"]["messages"][int(msg)]["messageCreate"]
        assert create["text"] == item.text and create["senderId"] == ME


@pytest.mark.parametrize(("lat", "lon", "order", "geo", "key"), [
    (51.4452, -0.0561, "lonlat", False, "coordinates"),   # GeoJSON order, ambiguous values: trust GeoJSON
    (51.4452, -0.0561, "latlon", True, "geo"),            # `geo` is [lat, lon]
    (-33.8688, 151.2093, "latlon", False, "coordinates"),  # wrong order, but 151 > 90 settles it
    (-33.8688, 151.2093, "lonlat", False, "coordinates"),
])
def test_geotags_in_either_order(tmp_path: Path, lat: float, lon: float, order: str, geo: bool, key: str) -> None:
    tweet = Tweet("out for a walk", T0, coordinates=(lat, lon), order=order, geo=geo, place="Lewisham, London",
                  place_box=(51.41, -0.07, 51.49, 0.03))
    items, _ = read(XArchive(tweets=[*ordinary(2), tweet]).write_zip(tmp_path / "x.zip"))
    checkins = [i for i in items if i.kind is ItemKind.CHECKIN]
    assert len(checkins) == 1
    tag = checkins[0]
    assert tag.location is not None
    assert (tag.location.lat, tag.location.lon) == pytest.approx((lat, lon))
    assert tag.source.pointer == f"/2/tweet/{key}"
    assert tag.source.timestamp == T0
    assert tag.text == "Lewisham, London" and tag.label == "Lewisham, London"
    # the post itself carries no position, so a place is counted once
    assert by_text(items, "out for a walk").location is None


def test_place_box_settles_an_ambiguous_order(tmp_path: Path) -> None:
    box = (51.41, -0.07, 51.49, 0.03)
    latlon = Tweet("garden", T0, coordinates=(51.4452, -0.0561), order="latlon", place="Lewisham", place_box=box)
    lonlat = Tweet("kitchen", T0, coordinates=(51.4452, -0.0561), order="lonlat", place="Lewisham", place_box=box)
    items, _ = read(XArchive(tweets=[latlon, lonlat]).write_zip(tmp_path / "x.zip"))
    points = [(i.location.lat, i.location.lon) for i in items if i.kind is ItemKind.CHECKIN and i.location]
    assert points == [pytest.approx((51.4452, -0.0561))] * 2


def test_place_without_coordinates_is_a_coarse_checkin(tmp_path: Path) -> None:
    tweet = Tweet("at the match", T0, place="Bromley, London", place_box=(51.36, 0.00, 51.42, 0.06))
    items, _ = read(XArchive(tweets=[tweet]).write_zip(tmp_path / "x.zip"))
    (tag,) = [i for i in items if i.kind is ItemKind.CHECKIN]
    assert tag.source.pointer == "/0/tweet/place"
    assert tag.location is not None
    assert tag.location.lat == pytest.approx(51.39) and tag.location.lon == pytest.approx(0.03)
    assert tag.location.accuracy_m is not None and tag.location.accuracy_m > 2000  # a district, not a spot


def test_coordinate_order_rules() -> None:
    assert order_coordinates("-0.05", "51.4", lon_first=True) == (51.4, -0.05)
    assert order_coordinates("51.4", "-0.05", lon_first=False) == (51.4, -0.05)
    assert order_coordinates("151.2", "-33.8", lon_first=False) == (-33.8, 151.2)
    assert order_coordinates("-33.8", "151.2", lon_first=True) == (-33.8, 151.2)
    assert order_coordinates("181", "0.5", lon_first=True) is None
    assert order_coordinates("120", "-100", lon_first=True) is None
    assert order_coordinates("0", "0", lon_first=True) is None
    assert order_coordinates("north", "1", lon_first=True) is None
    assert order_coordinates("nan", "1", lon_first=True) is None


def test_twitter_time_is_parsed_to_utc_whatever_the_offset() -> None:
    moment = datetime(2019, 3, 19, 14, 5, 17, tzinfo=UTC)
    assert parse_twitter_time(twitter_time(moment)) == moment
    assert parse_twitter_time("Tue Mar 19 15:05:17 +0100 2019") == moment
    assert parse_twitter_time("2019-03-19T14:05:17.000Z") == moment
    assert parse_twitter_time("Tue Foo 19 15:05:17 +0100 2019") is None
    assert parse_twitter_time("Tue Feb 31 15:05:17 +0100 2019") is None
    assert parse_twitter_time("") is None


def test_media_files_are_linked_to_their_tweet(tmp_path: Path, archive: XArchive) -> None:
    items, _ = read(archive.write_zip(tmp_path / "x.zip"))
    tweet = archive.tweets[5]
    media = [i for i in items if i.kind in (ItemKind.PHOTO, ItemKind.VIDEO)]
    assert [m.kind for m in media] == [ItemKind.PHOTO, ItemKind.VIDEO]
    photo, video = media
    assert photo.source.pointer == "/5/tweet/extended_entities/media/0"
    assert video.source.pointer == "/5/tweet/extended_entities/media/1"
    assert photo.source.timestamp == tweet.created_at and photo.source.file == "data/tweets.js"
    assert photo.media is not None and photo.media.startswith(f"data/tweets_media/{tweet.id}-")
    assert photo.media.endswith(".jpg")
    assert video.media is not None and video.media.endswith(".mp4")
    # the highest-bitrate variant is the one in the archive
    files = archive.files()
    assert photo.media in files and video.media in files


def test_missing_media_file_and_orphan_media(tmp_path: Path) -> None:
    kept = Tweet("with photo", T0, media=(Media(),))
    lost = Tweet("photo not in archive", T0 + timedelta(hours=1), media=(Media(content=None),))
    archive = XArchive(tweets=[kept, lost])
    root = archive.write_folder(tmp_path / "x")
    orphan = root / "data" / "tweets_media" / "1760000000000000000-AbCdEf.jpg"
    orphan.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    items, ctx = read(root)
    photos = [i for i in items if i.kind is ItemKind.PHOTO]
    assert len(photos) == 3
    linked = {p.source.pointer: p.media for p in photos}
    assert linked["/1/tweet/extended_entities/media/0"] is None
    assert linked["/0/tweet/extended_entities/media/0"] is not None
    assert linked[""] == "data/tweets_media/1760000000000000000-AbCdEf.jpg"
    (alone,) = [p for p in photos if p.source.pointer == ""]
    assert alone.source.file == alone.media and alone.detail("tweet_id") == "1760000000000000000"
    assert ctx.skipped == []


def test_multi_part_tweets(tmp_path: Path) -> None:
    tweets = ordinary(8)
    archive = XArchive(tweets=tweets, tweets_per_file=3)
    names = archive.files()
    assert {"data/tweets.js", "data/tweets-part1.js", "data/tweets-part2.js"} <= set(names)
    assert names["data/tweets-part1.js"].startswith(b"window.YTD.tweets.part1 = [")
    items, _ = read(archive.write_zip(tmp_path / "x.zip"))
    got = {(p.source.file, p.source.pointer): p.text for p in posts(items)}
    assert len(got) == 8
    assert got[("data/tweets-part1.js", "/0/tweet/full_text")] == tweets[3].text
    assert got[("data/tweets-part2.js", "/1/tweet/full_text")] == tweets[7].text


def test_part_missing_from_manifest_is_still_read_and_listed_part_missing_is_skipped(tmp_path: Path) -> None:
    tweets = ordinary(6)
    root = XArchive(tweets=tweets, tweets_per_file=2).write_folder(tmp_path / "x")
    manifest = (root / "data" / "manifest.js").read_text()
    config = json.loads(manifest.split("=", 1)[1])
    config["dataTypes"]["tweets"]["files"] = config["dataTypes"]["tweets"]["files"][:2]  # part2 not listed
    config["dataTypes"]["tweets"]["files"].append({"fileName": "data/tweets-part7.js",
                                                    "globalName": "YTD.tweets.part7", "count": "1"})
    (root / "data" / "manifest.js").write_text("window.__THAR_CONFIG = " + json.dumps(config))
    items, ctx = read(root)
    assert {p.text for p in posts(items)} == {t.text for t in tweets}
    assert [s.file for s in ctx.skipped] == ["data/tweets-part7.js"]
    assert codes(ctx) == ["reader.x.listed_missing"]


def test_partial_archive_is_noted(tmp_path: Path) -> None:
    root = XArchive(tweets=ordinary(1)).write_folder(tmp_path / "x")
    manifest = root / "data" / "manifest.js"
    manifest.write_text(manifest.read_text().replace('"isPartialArchive" : false', '"isPartialArchive" : true'))
    _, ctx = read(root)
    assert note_codes(ctx) == ["reader.x.partial"]
    _, ctx = read(XArchive(tweets=ordinary(1)).write_zip(tmp_path / "whole.zip"))
    assert note_codes(ctx) == []


def test_old_tweet_js_layout_without_manifest(tmp_path: Path) -> None:
    tweets = [*ordinary(4), Tweet("old photo", T0, media=(Media(),))]
    archive = XArchive(tweets=tweets, layout="tweet", manifest=False, tweets_per_file=3)
    items, ctx = read(archive.write_zip(tmp_path / "twitter-2020-01-01-old.zip"))
    assert ctx.skipped == []
    files = {p.source.file for p in posts(items)}
    assert files == {"data/tweet.js", "data/tweet-part1.js"}
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.media is not None and photo.media.startswith("data/tweet_media/")
    assert photo.source.file == "data/tweet-part1.js"
    # without a manifest the username still comes from account.js
    assert by_text(items, tweets[0].text).source.url == f"https://x.com/sam_example/status/{tweets[0].id}"


def test_pre_2019_grailbird_archive(tmp_path: Path) -> None:
    tweets = [Tweet("Snow day & no trains", datetime(2013, 1, 18, 8, 2, 1, tzinfo=UTC), coordinates=(51.4452, -0.0561)),
              Tweet("RT @someone_else: old news", datetime(2013, 1, 20, 9, 0, 0, tzinfo=UTC)),
              Tweet("Summer at last", datetime(2013, 6, 1, 12, 0, 0, tzinfo=UTC))]
    root = tmp_path / "twitter-archive"
    for name, content in grailbird_files(tweets, username="old_handle", bio="Bakes cakes").items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    items, ctx = read(root)
    assert ctx.skipped == []
    snow = by_text(items, "Snow day & no trains")
    assert snow.source.file == "data/js/tweets/2013_01.js"
    assert snow.source.pointer == "/1/text"  # newest first within the month
    assert snow.source.timestamp == tweets[0].created_at
    assert snow.source.url == f"https://x.com/old_handle/status/{tweets[0].id}"
    (tag,) = [i for i in items if i.kind is ItemKind.CHECKIN]
    assert tag.source.pointer == "/1/geo" and tag.location is not None
    assert (tag.location.lat, tag.location.lon) == pytest.approx((51.4452, -0.0561))
    assert by_text(items, "RT @someone_else: old news").detail("retweet") == "true"
    bio = next(i for i in items if i.field is ProfileField.BIO)
    assert (bio.text, bio.source.file, bio.source.pointer) == ("Bakes cakes", "data/js/user_details.js", "/bio")


def test_no_wrapper_layout_pointer(tmp_path: Path) -> None:
    tweets = ordinary(3)
    archive = XArchive(tweets=tweets, layout="bare", manifest=False)
    items, _ = read(archive.write_zip(tmp_path / "x.zip"))
    assert by_text(items, tweets[2].text).source.pointer == "/2/full_text"


def test_unknown_account_gives_anonymous_urls_and_skips_dms(tmp_path: Path) -> None:
    archive = XArchive(tweets=ordinary(2),
                       direct_messages=[DirectMessage("hello", T0, ME, FRIEND)])
    root = archive.write_folder(tmp_path / "x")
    (root / "data" / "manifest.js").unlink()
    (root / "data" / "account.js").unlink()
    items, ctx = read(root)
    assert by_text(items, archive.tweets[0].text).source.url == f"https://x.com/i/status/{archive.tweets[0].id}"
    assert not [i for i in items if i.kind is ItemKind.MESSAGE]
    assert [s.file for s in ctx.skipped] == ["data/direct-messages.js"]


@pytest.mark.parametrize("as_zip", [True, False])
def test_wrapper_folder_is_not_part_of_the_path(tmp_path: Path, as_zip: bool) -> None:
    archive = XArchive(tweets=ordinary(2), wrapper="twitter-2026-11-01-0a1b")
    path = archive.write_zip(tmp_path / "x.zip") if as_zip else archive.write_folder(tmp_path / "x")
    items, ctx = read(path)
    assert ctx.skipped == []
    assert {p.source.file for p in posts(items)} == {"data/tweets.js"}


def test_single_tweets_js_given_directly(tmp_path: Path) -> None:
    tweets = ordinary(3)
    path = tmp_path / "tweets.js"
    path.write_bytes(XArchive(tweets=tweets).files()["data/tweets.js"])
    items, ctx = read(path)
    assert ctx.skipped == []
    post = by_text(items, tweets[1].text)
    assert (post.source.file, post.source.pointer) == ("tweets.js", "/1/tweet/full_text")


def test_renamed_single_file_is_known_by_its_preface(tmp_path: Path) -> None:
    tweets = ordinary(3)
    path = tmp_path / "tweets (1).js"
    path.write_bytes(XArchive(tweets=tweets).files()["data/tweets.js"])
    items, _ = read(path)
    assert [p.text for p in posts(items)] == [t.text for t in tweets]
    assert posts(items)[0].source.file == "tweets (1).js"


def test_truncated_tweets_js_keeps_what_was_read(tmp_path: Path) -> None:
    tweets = ordinary(40)
    archive = XArchive(tweets=tweets, bio="Gardener")
    root = archive.write_folder(tmp_path / "x")
    target = root / "data" / "tweets.js"
    content = target.read_bytes()
    cut = content.index(tweets[30].id.encode())  # inside record 30
    target.write_bytes(content[:cut])
    items, ctx = read(root)
    texts = [p.text for p in posts(items) if p.source.file == "data/tweets.js"]
    assert texts == [t.text for t in tweets[:30]]
    assert len(ctx.skipped) == 1
    skip = ctx.skipped[0]
    assert skip.file == "data/tweets.js"
    assert code(skip.reason) == "reader.stopped"
    assert isinstance(skip.reason, Message) and skip.reason.value("count") == 30
    assert code(skip.reason.value("reason")) in ("reader.damaged.json", "reader.damaged.truncated")  # type: ignore[arg-type]
    # the other files were read
    assert any(i.field is ProfileField.BIO and i.text == "Gardener" for i in items)
    assert all(t.text not in say(skip.reason) for t in tweets)  # no evidence in reasons


def test_invalid_utf8_in_one_file_does_not_stop_the_others(tmp_path: Path) -> None:
    archive = XArchive(tweets=ordinary(5), bio="Gardener")
    root = archive.write_folder(tmp_path / "x")
    target = root / "data" / "tweets.js"
    content = target.read_bytes()
    pos = content.index(archive.tweets[3].text.encode())
    target.write_bytes(content[:pos] + b"\xff\xfe\xc3" + content[pos:])
    items, ctx = read(root)
    assert [s.file for s in ctx.skipped] == ["data/tweets.js"]
    reason = ctx.skipped[0].reason
    assert isinstance(reason, Message) and code(reason.value("reason")) in (  # type: ignore[arg-type]
        "reader.damaged.encoding", "reader.damaged.json")
    assert [p.text for p in posts(items)] == [t.text for t in archive.tweets[:3]]
    assert any(i.text == "Gardener" for i in items)


def test_bad_crc_in_zip_is_a_skip(tmp_path: Path) -> None:
    archive = XArchive(tweets=ordinary(600), bio="Gardener")  # larger than the read buffers
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, content in archive.files().items():
            zf.writestr(name, content)
    raw = bytearray(path.read_bytes())
    needle = archive.tweets[599].text.encode()  # the last tweet: the damage shows only at the end (CRC)
    pos = raw.index(needle)
    raw[pos] = ord("X")
    path.write_bytes(bytes(raw))
    items, ctx = read(path)
    assert [s.file for s in ctx.skipped] == ["data/tweets.js"]
    reason = ctx.skipped[0].reason
    assert isinstance(reason, Message) and code(reason.value("reason")) == "reader.damaged.zip"  # type: ignore[arg-type]
    assert len([p for p in posts(items) if p.source.file == "data/tweets.js"]) >= 400
    assert any(i.text == "Gardener" for i in items)


def test_not_a_ytd_file_is_skipped(tmp_path: Path) -> None:
    root = XArchive(tweets=ordinary(2)).write_folder(tmp_path / "x")
    (root / "data" / "profile.js").write_bytes(b"<html>this is not data</html>")
    (root / "data" / "ageinfo.js").write_bytes(b"")
    items, ctx = read(root)
    reasons = {s.file: code(s.reason) for s in ctx.skipped}
    assert reasons["data/profile.js"] == "reader.x.not_data_file"
    assert reasons["data/ageinfo.js"] == "reader.empty"
    assert len(posts(items)) == 2


def test_cancel_stops_reading(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read(XArchive(tweets=ordinary(5)).write_zip(tmp_path / "x.zip"), cancel=token)


def test_audit_reads_the_archive_and_can_be_cancelled_midway(tmp_path: Path) -> None:
    from checks.pipeline import audit
    from checks.progress import Progress

    path = XArchive(tweets=ordinary(1500), tweets_per_file=500).write_zip(tmp_path / "twitter-2026-11-01-ab.zip")
    report = audit([path])
    (summary,) = report.inputs
    assert (summary.platform, summary.format, summary.readable) == (Platform.X, "x-archive", True)
    assert summary.items == len(read(path)[0]) and summary.skipped == ()

    token = CancelToken()

    def cancel_when_reading(progress: Progress) -> None:
        if progress.stage == "reading" and progress.items >= 256:
            token.cancel()

    cancelled = audit([path], progress=cancel_when_reading, cancel=token)
    assert cancelled.cancelled


def test_progress_goes_forward_to_the_end(tmp_path: Path) -> None:
    seen: list[float] = []
    path = XArchive(tweets=ordinary(300), tweets_per_file=100).write_zip(tmp_path / "x.zip")
    with open_export([path]) as export:
        ctx = ReadContext(0, export, on_progress=lambda f, _file: seen.append(f))
        list(XArchiveReader().read(ctx))
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len({round(f, 2) for f in seen}) > 5  # more than start and end


def test_big_tweets_js_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    """A property, not a timing: the peak of Python allocations stays far below the file's size."""
    builder = XArchive()
    path = tmp_path / "tweets.js"
    count = 0
    with path.open("wb") as fh:
        fh.write(b"window.YTD.tweets.part0 = [")
        while fh.tell() < 8 * 1024 * 1024:
            moment = T0 + timedelta(minutes=count)
            tweet = Tweet(f"Ordinary post number {count} about the football & the weather", moment)
            fh.write((b"," if count else b"") + json.dumps({"tweet": builder.tweet_json(tweet)}).encode())
            count += 1
        fh.write(b"]")
    size = path.stat().st_size
    warm = tmp_path / "warm" / "tweets.js"  # lazy imports and caches happen here, not under measurement
    warm.parent.mkdir()
    warm.write_bytes(XArchive(tweets=ordinary(3)).files()["data/tweets.js"])
    with open_export([warm]) as export:
        list(XArchiveReader().read(ReadContext(0, export)))
    tracemalloc.start()
    try:
        baseline, _ = tracemalloc.get_traced_memory()
        with open_export([path]) as export:
            ctx = ReadContext(0, export)
            n = sum(1 for _ in XArchiveReader().read(ctx))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == count and ctx.skipped == []
    assert peak - baseline < size / 8, f"peak {peak - baseline:,} bytes for a {size:,} byte file"


def test_shared_samples(shared_samples: Path, tmp_path: Path) -> None:
    base = shared_samples / "x-twitter"
    if not base.is_dir():
        pytest.skip("no X samples")
    for account_js in sorted(base.rglob("account.js")):
        items, ctx = read(account_js.parent)
        fields = {i.field: i.text for i in items if i.kind is ItemKind.PROFILE_FIELD}
        raw = json.loads(account_js.read_text(encoding="utf-8").split("=", 1)[1])[0]["account"]
        assert fields[ProfileField.USERNAME] == raw["username"]
        assert fields[ProfileField.EMAIL] == raw["email"]
        if "phoneNumber" in raw:
            assert fields[ProfileField.PHONE] == raw["phoneNumber"]
        # other files in the sample folders (ageinfo.js as a bare object, follower.js ...) read without damage
        assert "reader.bad_records" not in codes(ctx)


# -- fuzzing: damaged or strange content never makes the reader raise ----------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["tweet", "full_text", "created_at", "coordinates", "geo", "place", "id_str",
                         "extended_entities", "media", "entities", "account", "profile", "description",
                         "ageMeta", "ageInfo", "dmConversation", "messages", "messageCreate", "senderId",
                         "protectedHistory", "action", "bounding_box", "type", "noteTweet", "core", "text",
                         "latitude", "longitude", "device", "phoneNumber"]), inner, max_size=5),
    max_leaves=20)

_FILES = ["tweets.js", "account.js", "profile.js", "ageinfo.js", "direct-messages.js", "protected-history.js",
          "ni-devices.js", "screen-name-change.js", "email-address-change.js", "deleted-tweets.js",
          "note-tweet.js", "periscope-broadcast-metadata.js", "professional-data.js", "manifest.js"]


def _read_quietly(root: Path) -> list[Item]:
    with open_export([root]) as export:
        ctx = ReadContext(0, export)
        return list(XArchiveReader().read(ctx))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(_FILES), records=st.lists(_json, max_size=4))
def test_fuzz_strange_records_never_raise(tmp_path_factory: pytest.TempPathFactory, name: str,
                                          records: list[object]) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    XArchive(tweets=ordinary(2), direct_messages=[DirectMessage("x", T0, ME, FRIEND)]).write_folder(root)
    global_name = "__THAR_CONFIG" if name == "manifest.js" else f"YTD.{name[:-3].replace('-', '_')}.part0"
    (root / "data" / name).write_bytes(ytd(global_name, records))
    _read_quietly(root)


_BASE = XArchive(tweets=[*ordinary(3), Tweet("geo", T0, coordinates=(51.4, -0.05), media=(Media(),))],
                 bio="bio", birth_date="1990-01-01", protected_history=[(T0, "Protect")],
                 direct_messages=[DirectMessage("sent", T0, ME, FRIEND)])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["data/tweets.js", "data/account.js", "data/manifest.js", "data/direct-messages.js",
                             "data/protected-history.js", "data/ageinfo.js"]),
       cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=8)), max_size=4))
def test_fuzz_mutated_bytes_never_raise(tmp_path_factory: pytest.TempPathFactory, name: str,
                                        cuts: list[tuple[int, int, bytes]]) -> None:
    root = tmp_path_factory.mktemp("mutate")
    _BASE.write_folder(root)
    target = root / name
    data = bytearray(target.read_bytes())
    for at, drop, insert in cuts:
        at = at % (len(data) + 1)
        data[at:at + drop] = insert
    target.write_bytes(bytes(data))
    _read_quietly(root)


def test_2018_root_level_archive_with_direct_message_js(tmp_path: Path) -> None:
    archive = XArchive(layout="2018", tweets=ordinary(3), direct_messages=[
        DirectMessage("see you at the station", datetime(2018, 5, 1, 9, 0, tzinfo=UTC), "1458362947120394240", "42"),
        DirectMessage("theirs", datetime(2018, 5, 1, 9, 1, tzinfo=UTC), "42", "1458362947120394240")])
    files = archive.files()
    assert "direct-message.js" in files and "tweet.js" in files and not any(n.startswith("data/") for n in files)
    items, ctx = read(archive.write_zip(tmp_path / "twitter-2018-05-25-0a1b.zip"))
    assert [m.text for m in items if m.kind is ItemKind.MESSAGE] == ["see you at the station"]
    assert len(posts(items)) == 3
    assert not ctx.skipped
