"""Reader for TikTok's "Download your data" JSON file (`user_data_tiktok.json`, older `user_data.json`).

Handles all three generations of top-level keys (`Profile`/`Activity`/`Video`, `Profile`/
`Your Activity`/`Post`, `Profile And Settings`) by finding sections anywhere in the tree rather
than by fixed paths, reads keys case-insensitively and treats `null` lists and "None"/"N/A"
values as empty. Reads the profile (`ProfileMap`: username, display name, bio, birth date, email,
phone, linked platforms' real names), autofill (address, postcode, city, phone, email), posted
videos (caption, location, who can view), the person's comments, App Settings (private account,
the "who can..." audiences, and one `suggest_to_contacts` from every "Allow others to find me" /
"Suggest your account to ..." key: off only when all of them are off), TikTok Shop saved
addresses, most recent location data and location reviews. The file is streamed with ijson and the
bulky sections no reader needs (watch history, likes, searches, messages) are never built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from checks.pointer import join
from checks.readers.base import ReadContext, Reader
from checks.readers.jsonstream import (
    as_dict,
    as_list,
    as_str,
    details,
    from_epoch,
    get_ci,
    guarded,
    load_pruned,
    parse_pair,
    real_key,
)
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName, msg

# Sections holding other people's content or bulk logs: skipped while streaming (lower case).
_PRUNE = frozenset({
    "watch history", "video browsing history", "like list", "favorite videos", "favorite sounds",
    "favorite hashtags", "favorite effects", "item favorite list", "searches", "search history",
    "share history", "direct message", "direct messages", "chat history", "off tiktok activity",
    "follower", "follower list", "following", "following list", "block list", "hashtag", "live",
    "tiktok live", "ads and data", "status", "login history", "purchase history", "product browsing history",
    "order history", "order dispute history", "communication history", "ads based on data received from partners",
})

# Top-level sections of the three generations of TikTok's file (research §7).
_TOP_KEYS = ("Activity", "Your Activity", "Profile", "Profile And Settings", "App Settings", "Video", "Post",
             "Ads and data", "Comment", "Direct Message", "Direct Messages", "Tiktok Live", "TikTok Live",
             "Tiktok Shopping", "TikTok Shop", "Location Review", "Income Plus Wallet Transactions")

_EMPTY = {"", "none", "n/a", "null", "na", "-"}


def _val(value: Any) -> str:
    text = as_str(value)
    return "" if text.lower() in _EMPTY else text


def _parse_time(text: str) -> datetime | None:
    """"2022-07-15 22:14:44" (UTC, no zone written), with " UTC", ISO, or epoch seconds."""
    text = (text or "").strip().removesuffix(" UTC").removesuffix("Z")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return from_epoch(text) if text.isdigit() else None


def _birth(text: str) -> str:
    for fmt in ("%d-%b-%Y", "%Y-%m-%d", "%d/%m/%Y", "%b %d, %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return text


class TikTokReader(Reader):
    """TikTok data export, JSON format."""

    spec = FormatSpec(
        "tiktok", Platform.TIKTOK,
        signs=(Sign(1.0, paths=("user_data_tiktok.json", "user_data.json"), keys=_TOP_KEYS),
               Sign(0.8, paths=("user_data_tiktok.json",)),
               Sign(0.5, named=r"^TikTok_Data_")),
        expected_file="user_data_tiktok.json")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        members = ctx.export.find("user_data_tiktok.json", "user_data.json")
        if not members:
            members = [m for m in ctx.export.members() if m.name.lower().endswith(".json")][:1]
        if not members:
            ctx.note(msg("reader.tiktok.no_file"))
            return
        for number, member in enumerate(members):
            ctx.cancel.raise_if_cancelled()
            ctx.progress(number / len(members), member.name)
            yield from guarded(ctx, member.name, lambda n=member.name: _read_file(ctx, n))  # type: ignore[misc]
        ctx.progress(1.0)


def _item(ctx: ReadContext, name: str, kind: ItemKind, ptr: str, when: datetime | None = None,
          url: str | None = None, **fields: Any) -> Item:
    return Item(platform=Platform.TIKTOK, kind=kind, source=ctx.source(name, ptr, when, url), **fields)


def _field(ctx: ReadContext, name: str, fld: ProfileField | str, text: str, ptr: str,
           when: datetime | None = None, extra: tuple[tuple[str, str], ...] = ()) -> Item:
    return _item(ctx, name, ItemKind.PROFILE_FIELD, ptr, when, text=text, field=fld, details=extra)


def _find(tree: Any, key: str, base: str = "", depth: int = 0) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of every `key` (case-insensitive) anywhere in the tree."""
    if depth > 12:
        return
    if isinstance(tree, dict):
        for k, v in tree.items():
            here = join(base, str(k))
            if str(k).lower() == key.lower():
                yield here, v
            elif isinstance(v, dict | list):
                yield from _find(v, key, here, depth + 1)
    elif isinstance(tree, list):
        for index, v in enumerate(tree):
            if isinstance(v, dict | list):
                yield from _find(v, key, join(base, index), depth + 1)


def _read_file(ctx: ReadContext, name: str) -> Iterator[Item]:
    with ctx.export.open(name) as stream:
        tree = load_pruned(stream, _PRUNE)
    ctx.cancel.raise_if_cancelled()
    if not isinstance(tree, dict):
        ctx.skip(name, msg("reader.tiktok.no_sections"))
        return
    yield from _profile(ctx, name, tree)
    yield from _autofill(ctx, name, tree)
    yield from _settings(ctx, name, tree)
    yield from _videos(ctx, name, tree)
    yield from _comments(ctx, name, tree)
    yield from _shop(ctx, name, tree)
    yield from _locations(ctx, name, tree)


_PROFILE_KEYS: tuple[tuple[tuple[str, ...], ProfileField], ...] = (
    (("userName", "username"), ProfileField.USERNAME),
    (("displayName", "nickname"), ProfileField.NAME),
    (("bioDescription", "bio"), ProfileField.BIO),
    (("emailAddress", "email"), ProfileField.EMAIL),
    (("telephoneNumber", "phoneNumber"), ProfileField.PHONE),
)


def _profile(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for base, profile in _find(tree, "ProfileMap"):
        if not isinstance(profile, dict):
            continue
        for keys, fld in _PROFILE_KEYS:
            key = real_key(profile, *keys)
            if key and (text := _val(profile[key])):
                yield _field(ctx, name, fld, text, join(base, key))
        key = real_key(profile, "birthDate", "birthday")
        if key and (text := _val(profile[key])):
            yield _field(ctx, name, ProfileField.BIRTH_DATE, _birth(text), join(base, key), None,
                         (("as_written", text),))
        key = real_key(profile, "accountRegion")
        if key and (text := _val(profile[key])):
            yield _field(ctx, name, "account_region", text, join(base, key))
        key = real_key(profile, "PlatformInfo")
        for index, linked in enumerate(as_list(profile.get(key)) if key else []):
            linked = as_dict(linked)
            name_key = real_key(linked, "Name")
            if name_key and (text := _val(linked[name_key])):
                yield _field(ctx, name, ProfileField.NAME, text, join(base, key or "", index, name_key), None,
                             details(("linked_platform", _val(get_ci(linked, "Platform"))),
                                     ("kind", "linked account")))


_AUTOFILL: tuple[tuple[str, ProfileField], ...] = (
    ("PhoneNumber", ProfileField.PHONE), ("Email", ProfileField.EMAIL), ("ZipCode", ProfileField.POSTCODE),
    ("City", ProfileField.CITY),
)


def _autofill(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for base, block in _find(tree, "Autofill"):
        block = as_dict(block)
        if not block:
            continue
        extra = (("source", "autofill"),)
        street_key = real_key(block, "Address")
        parts = [_val(get_ci(block, k)) for k in ("Address", "Unit", "City", "State", "ZipCode", "Country")]
        if street_key and _val(block[street_key]):
            yield _field(ctx, name, ProfileField.ADDRESS, ", ".join(p for p in parts if p),
                         join(base, street_key), None, extra)
        for key_name, fld in _AUTOFILL:
            key = real_key(block, key_name)
            if key and (text := _val(block[key])):
                yield _field(ctx, name, fld, text, join(base, key), None, extra)
        first, last = real_key(block, "FirstName"), real_key(block, "LastName")
        full = " ".join(t for t in (_val(block.get(first or "")), _val(block.get(last or ""))) if t)
        if full:
            yield _field(ctx, name, ProfileField.NAME, full, join(base, first or last or ""), None, extra)


_SETTING_NAMES = {
    "private account": SettingName.PRIVATE_ACCOUNT,
    "allow others to find me by phone number": SettingName.FIND_BY_PHONE,
}
# The keys that each make TikTok show the account to people who may know the person: the old
# "Allow others to find me" and the three "Suggest your account to ..." of 2024+ exports. The
# setting is off only when every one of them the export shows is off.
_SUGGEST = re.compile(r"^(allow others to find me|suggest your account to .+)$", re.I)


def setting_value(text: str) -> str:
    """TikTok's setting words normalised: "true"/"false", "everyone"/"followers"/"only_me"."""
    low = text.strip().lower()
    if low in ("enabled", "on", "yes", "true", "allowed"):
        return "true"
    if low in ("disabled", "off", "no", "false", "not allowed"):
        return "false"
    if low in ("everyone", "public", "all"):
        return "everyone"
    if low in ("friends", "followers", "followers that you follow back", "mutual followers", "following"):
        return "followers"
    if low in ("myself", "only me", "no one", "nobody", "off (no one)", "only you"):
        return "only_me"
    return low


def _settings(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for base, block in _find(tree, "SettingsMap"):
        suggest: list[tuple[str, str, str]] = []  # (pointer, label, value) of the suggestion keys
        for key, value in as_dict(block).items():
            text = _val(value)
            if not text:
                continue
            label = str(key).strip()
            ptr = join(base, str(key))
            if _SUGGEST.match(label):
                suggest.append((ptr, label, setting_value(text)))
            fld: SettingName | str = _SETTING_NAMES.get(label.lower()) or re.sub(r"[^a-z0-9]+", "_",
                                                                                  label.lower()).strip("_")
            yield _item(ctx, name, ItemKind.SETTING, ptr, text=setting_value(text), field=fld,
                        details=(("label", label), ("as_written", text)))
        if suggest:
            yield _suggestion(ctx, name, suggest)


def _suggestion(ctx: ReadContext, name: str, keys: list[tuple[str, str, str]]) -> Item:
    """One `suggest_to_contacts` setting for every suggestion key: on when any of them is on."""
    on = [(ptr, label) for ptr, label, value in keys if value == "true"]
    where = on[0][0] if on else keys[0][0]
    value = "true" if on else "false" if all(v == "false" for _, _, v in keys) else keys[0][2]
    return _item(ctx, name, ItemKind.SETTING, where, text=value, field=SettingName.SUGGEST_TO_CONTACTS,
                 details=(("on", "; ".join(label for _, label in on)),) if on else (("keys", str(len(keys))),))


_WHO = {"everyone": Audience.PUBLIC, "public": Audience.PUBLIC, "friends": Audience.FRIENDS,
        "followers": Audience.FRIENDS, "only me": Audience.PRIVATE, "only you": Audience.PRIVATE,
        "myself": Audience.PRIVATE, "private": Audience.PRIVATE}


def _lists(tree: dict[str, Any], *keys: str) -> Iterator[tuple[str, list[Any]]]:
    seen: set[str] = set()
    for key in keys:
        for base, value in _find(tree, key):
            if isinstance(value, list) and base not in seen:
                seen.add(base)
                yield base, value


def _videos(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for base, videos in _lists(tree, "VideoList"):
        for index, video in enumerate(videos):
            ctx.cancel.raise_if_cancelled()
            video = as_dict(video)
            if not video:
                continue
            at = join(base, index)
            when = _parse_time(_val(get_ci(video, "Date")))
            caption_key = real_key(video, "Title", "Description", "Caption")
            caption = _val(video.get(caption_key or ""))
            place = _val(get_ci(video, "Location"))
            who = _val(get_ci(video, "WhoCanView"))
            link = _val(get_ci(video, "Link", "VideoLink"))
            point = parse_pair(place) if place else None
            ptr = join(at, caption_key) if caption and caption_key else at
            if point:
                ptr = join(at, real_key(video, "Location") or "Location")
            yield _item(ctx, name, ItemKind.VIDEO, ptr, when, link or None, text=caption, location=point,
                        audience=_WHO.get(who.lower(), Audience.UNKNOWN),
                        details=details(("place", place if not point else ""), ("who_can_view", who),
                                        ("sound", _val(get_ci(video, "Sound"))),
                                        ("allow_comments", _val(get_ci(video, "AllowComments")))))


def _entries(tree: dict[str, Any], lists: tuple[str, ...],
             keys: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(pointer to the text, entry, text) for each entry of the lists named `lists` whose text
    (under the first of `keys` it has, any case) is not empty."""
    for base, entries in _lists(tree, *lists):
        for index, entry in enumerate(entries):
            entry = as_dict(entry)
            key = real_key(entry, *keys)
            text = _val(entry.get(key or ""))
            if text:
                yield join(base, index, key or ""), entry, text


def _comments(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for at, comment, text in _entries(tree, ("CommentsList",), ("comment", "Comment")):
        yield _item(ctx, name, ItemKind.COMMENT, at, _parse_time(_val(get_ci(comment, "date", "Date"))), text=text,
                    details=details(("url", _val(get_ci(comment, "url", "link")))))


def _shop(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for at, entry, text in _entries(tree, ("SavedAddress", "Saved Address"),
                                    ("adress_info", "address_info", "address", "Address")):
        yield _field(ctx, name, ProfileField.ADDRESS, text, at, None,
                     details(("source", "TikTok Shop saved address"),
                             ("receiver", _val(get_ci(entry, "receiver_name"))),
                             ("phone", _val(get_ci(entry, "masked_phone_number", "phone_number")))))


def _locations(ctx: ReadContext, name: str, tree: dict[str, Any]) -> Iterator[Item]:
    for base, block in _find(tree, "LocationData"):
        block = as_dict(block)
        when = _parse_time(_val(get_ci(block, "Date")))
        gps_key = real_key(block, "GpsData")
        gps = _val(block.get(gps_key or ""))
        region = _val(get_ci(block, "LastRegion"))
        point = parse_pair(gps) if gps else None
        if point is None and gps:
            numbers = re.findall(r"-?\d{1,3}\.\d+", gps)
            if len(numbers) >= 2:
                point = parse_pair(f"{numbers[0]},{numbers[1]}")
        if point:
            yield _item(ctx, name, ItemKind.LOCATION, join(base, gps_key or ""), when, location=point,
                        details=details(("region", region), ("source", "most recent location")))
        elif region:
            yield _field(ctx, name, "last_region", region, join(base, real_key(block, "LastRegion") or ""), when,
                         (("source", "most recent location"),))
    for at, review, place in _entries(tree, ("ReviewsList",), ("PlaceName", "Place Name")):
        yield _item(ctx, name, ItemKind.CHECKIN, at, _parse_time(_val(get_ci(review, "Date"))), text=place,
                    details=details(("kind", "location review"), ("rating", _val(get_ci(review, "Rating"))),
                                    ("address", _val(get_ci(review, "Address")))))
