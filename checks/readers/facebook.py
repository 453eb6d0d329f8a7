"""Reader for Facebook "Download Your Information" exports in JSON (pre-2024 and 2024+ layouts).

Reads the profile (`profile_v2`: name, birthday, current city, hometown, address, places lived,
work, education, family, relationship, phones, emails, websites; 2024+ `contact_info.json`),
posts (every `your_posts*_N.json`: text, tags, places with coordinates and address, life events,
media with `exif_data` GPS / taken time / camera / upload IP), uncategorised photos, videos,
albums, archived stories, group posts and comments, check-ins (a list or a single object;
`"(lat , lon)"` strings; localised labels matched by shape), tagged places, comments, location
history and primary/last location files, in the 2018-19 generation too (keys without `_v2`, the
GPS and upload IP directly under `photo_metadata`). The address each photo or video was uploaded
from is an item of its own, once per address. A place named without a position takes the position
another record gives the same place, and the same place at the same time is reported once. Meta's
mojibake is fixed on keys and values. Big files are streamed one record at a time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checks.pointer import join, pointer
from checks.readers.base import ReadContext, Reader
from checks.readers.jsonstream import (
    as_dict,
    as_list,
    as_str,
    details,
    from_epoch,
    geo,
    member_records,
    parse_pair,
    read_by_bytes,
)
from checks.readers.meta_text import (
    MediaFacts,
    fix,
    fix_tree,
    label_entries,
    member_for,
    meta_field,
    meta_item,
    upload_ip_item,
)
from checks.readers.phones import phone_key
from checks.readers.places import PlaceBook
from checks.readers.spec import FormatSpec, Sign
from checks.records import GeoPoint, Item, ItemKind, Platform, ProfileField, msg

# Files of the export this reader understands, by the end of their path (lower case).
_POSTS = re.compile(r"((^|/)posts/|^)your_posts[a-z_]*?(_\d+)?\.json$")  # or the file on its own
_ALBUM = re.compile(r"(^|/)posts/album/\d+\.json$")
_SKIP_DIRS = re.compile(r"(^|/)(messages|inbox|e2ee_cutover|archived_threads|filtered_threads|message_requests)/")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_PHONE = re.compile(r"^\+?[\d ()./-]{7,20}$")
_URL = re.compile(r"^(https?://|www\.)", re.I)


def _kind_of(name: str) -> str | None:
    low = name.lower()
    if _SKIP_DIRS.search(low) or not low.endswith(".json"):
        return None
    base = low.rsplit("/", 1)[-1]
    if base == "profile_information.json" and ("profile_information/" in low or "/" not in low):
        return "profile"
    if base == "contact_info.json":
        return "contact_info"
    if base == "websites.json" and "profile_information/" in low:
        return "websites"
    if _POSTS.search(low) or base in ("your_posts_in_groups.json", "group_posts_and_comments.json"):
        return "posts"
    if base == "archived_stories.json":
        return "stories"
    if base == "your_uncategorized_photos.json":
        return "photos"
    if base == "your_videos.json":
        return "videos"
    if _ALBUM.search(low):
        return "album"
    if base in ("check-ins.json", "check_ins.json", "your_check-ins.json"):
        return "checkins"
    if base.startswith("places_you") and "tagged" in base:
        return "tagged_places"
    parent = low.rsplit("/", 2)[-2] if "/" in low else ""
    if (base == "comments.json" and "comments" in parent) or base == "your_comments_in_groups.json":
        return "comments"
    if base == "location_history.json":
        return "location_history"
    if base in ("primary_location.json", "primary_public_location.json", "last_location.json"):
        return "primary_location"
    return None


# Order in which kinds are read: the profile first, so a cancelled scan still has it.
META_FOLDERS = ("your_instagram_activity", "your_facebook_activity", "your_activity_across_facebook",
                 "personal_information", "connections", "logged_information", "security_and_login_information",
                 "posts", "profile_information", "photos_and_videos", "account_information",
                 "followers_and_following", "comments_and_reactions", "friends_and_followers",
                 "apps_and_websites_off_of_facebook", "ads_information", "preferences", "location",
                 "login_and_account_creation", "information_about_you", "media", "content", "messages")

_ORDER = ("profile", "contact_info", "websites", "posts", "photos", "videos", "album", "stories", "checkins",
          "tagged_places", "comments", "location_history", "primary_location")


class FacebookReader(Reader):
    """Facebook DYI export, JSON format."""

    spec = FormatSpec(
        "facebook", Platform.FACEBOOK,
        signs=(Sign(1.0, paths=("personal_information/profile_information/profile_information.json",
                                "personal_information/profile_information/profile_information.html")),
               Sign(1.0, pattern=r"(^|/)your_facebook_activity/"),
               Sign(0.9, paths=("profile_information/profile_information.json",)),
               Sign(0.9, pattern=r"(^|/)posts/your_posts(_\d+)?\.json$"),
               Sign(0.9, pattern=r"(^|/)your_activity_across_facebook/"),
               Sign(0.8, pattern=r"(^|/)posts/your_posts(_\d+)?\.html$"),
               Sign(0.8, paths=("profile_information/profile_information.html",)),
               Sign(0.7, single=True,
                    pattern=r"^(your_posts(__check_ins__photos_and_videos)?(_\d+)?|profile_information)\.json$"),
               Sign(0.7, paths=("location_history.json",), keys=("location_history_v2", "location_history")),
               Sign(0.5, named=r"^facebook-")),
        folders=META_FOLDERS, expected_file="profile_information/profile_information.json")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        found = [(k, m) for m in ctx.export.members() if (k := _kind_of(m.name))]
        found.sort(key=lambda km: (_ORDER.index(km[0]), _natural(km[1].name)))
        places = PlaceBook()
        jobs = [(m, functools.partial(_PARSERS[kind], ctx, m.name)) for kind, m in found]
        yield from (item for item in read_by_bytes(ctx, jobs) if places.take(item))
        yield from places.rest()
        if not found:
            ctx.note(msg("reader.facebook.no_files"))


def _natural(name: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", name.lower()))  # not "²"


def _records(ctx: ReadContext, name: str, *keys: str) -> Iterator[tuple[str, Any]]:
    for ptr, record in member_records(ctx, name, *keys):
        yield ptr, fix_tree(record)


_item = functools.partial(meta_item, Platform.FACEBOOK)
_field = functools.partial(meta_field, Platform.FACEBOOK)


# -- profile ---------------------------------------------------------------------------------

def _read_profile(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name):
        profile = as_dict(record.get("profile_v2")) or as_dict(record.get("profile"))
        base = join(ptr, "profile_v2" if "profile_v2" in record else "profile")
        if not profile:
            # a label/value profile page (seen in newer exports): fields judged by label and shape
            yield from _label_value_fields(ctx, name, record, ptr)
            continue
        yield from _profile_items(ctx, name, profile, base)


def _profile_items(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    for part in (_identity, _birthday_and_gender, _places_lived, _relations, _schools, _jobs, _contacts, _views):
        yield from part(ctx, name, p, base)


def _named(p: dict[str, Any], base: str, key: str, text_key: str = "name") -> Iterator[tuple[str, dict[str, Any], str]]:
    """(pointer to the text, entry, text) for each entry of the list `p[key]` that has a `text_key`."""
    for index, entry in enumerate(as_list(p.get(key))):
        entry = as_dict(entry)
        text = as_str(entry.get(text_key))
        if text:
            yield join(base, key, index, text_key), entry, text


def _started(entry: dict[str, Any]) -> datetime | None:
    return from_epoch(entry.get("start_timestamp")) or from_epoch(entry.get("timestamp"))


def _identity(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    full = as_dict(p.get("name"))
    if as_str(full.get("full_name")):
        yield _field(ctx, name, ProfileField.NAME, as_str(full["full_name"]), join(base, "name", "full_name"))
    if as_str(p.get("username")):
        yield _field(ctx, name, ProfileField.USERNAME, as_str(p["username"]), join(base, "username"))
    for at, other, text in _named(p, base, "other_names"):
        yield _field(ctx, name, ProfileField.NAME, text, at, from_epoch(other.get("timestamp")),
                     details(("kind", "other name"), ("type", other.get("type"))))
    for key in ("intro_bio", "about_me", "bio"):
        value = p.get(key)
        text = as_str(value) or as_str(as_dict(value).get("text"))
        if text:
            yield _field(ctx, name, ProfileField.BIO, text,
                         join(base, key) if isinstance(value, str) else join(base, key, "text"))


def _birthday_and_gender(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    birthday = as_dict(p.get("birthday"))
    text = _date_text(birthday)
    if text:
        yield _field(ctx, name, ProfileField.BIRTH_DATE, text, join(base, "birthday"), None,
                     details(("year", birthday.get("year") or ""), ("month", birthday.get("month") or ""),
                             ("day", birthday.get("day") or "")))
    gender = as_dict(p.get("gender"))
    if as_str(gender.get("gender_option")):
        yield _field(ctx, name, ProfileField.GENDER, as_str(gender["gender_option"]),
                     join(base, "gender", "gender_option"))


def _places_lived(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    for key, fld in (("current_city", ProfileField.CITY), ("hometown", ProfileField.HOMETOWN)):
        place = as_dict(p.get(key))
        if as_str(place.get("name")):
            yield _field(ctx, name, fld, as_str(place["name"]), join(base, key, "name"),
                         from_epoch(place.get("timestamp")))
    for at, lived, text in _named(p, base, "places_lived", "place"):
        yield _field(ctx, name, ProfileField.CITY, text, at, _started(lived), details(("source", "places lived")))
    address = as_dict(p.get("address"))
    if address:
        yield from _address_items(ctx, name, address, join(base, "address"))


def _relations(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    relationship = as_dict(p.get("relationship"))
    if as_str(relationship.get("partner")):
        yield _field(ctx, name, ProfileField.PARTNER, as_str(relationship["partner"]),
                     join(base, "relationship", "partner"), from_epoch(relationship.get("timestamp")),
                     details(("status", relationship.get("status")),
                             ("anniversary", _date_text(as_dict(relationship.get("anniversary"))))))
    for at, member, text in _named(p, base, "family_members"):
        yield _field(ctx, name, ProfileField.FAMILY_MEMBER, text, at, from_epoch(member.get("timestamp")),
                     details(("relation", member.get("relation")), ("name", text)))


def _schools(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    for at, school, text in _named(p, base, "education_experiences"):
        yield _field(ctx, name, ProfileField.EDUCATION, text, at, _started(school),
                     details(("degree", school.get("degree")), ("school_type", school.get("school_type")),
                             ("graduated", school.get("graduated"))))


def _jobs(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    for index, job in enumerate(as_list(p.get("work_experiences"))):
        job = as_dict(job)
        at = join(base, "work_experiences", index)
        started = from_epoch(job.get("start_timestamp")) or from_epoch(job.get("timestamp"))
        current = "true" if not from_epoch(job.get("end_timestamp")) else "false"
        employer, title = as_str(job.get("employer")), as_str(job.get("title"))
        extra = details(("employer", employer), ("title", title), ("location", job.get("location")),
                        ("current", current))
        for key, fld in (("employer", ProfileField.EMPLOYER), ("title", ProfileField.JOB_TITLE),
                         ("description", "job_description")):
            if as_str(job.get(key)):
                yield _field(ctx, name, fld, as_str(job[key]), join(at, key), started, extra)


def _contacts(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    for index, phone in enumerate(as_list(p.get("phone_numbers"))):
        phone = as_dict(phone)
        number = as_str(phone.get("phone_number"))
        if number and ctx.once("phone", phone_key(number)):
            yield _field(ctx, name, ProfileField.PHONE, number, join(base, "phone_numbers", index, "phone_number"),
                         None, details(("type", phone.get("phone_type")), ("verified", phone.get("verified"))))
    emails = as_dict(p.get("emails"))
    for key in ("emails", "previous_emails", "pending_emails", "ad_account_emails"):
        for index, email in enumerate(as_list(emails.get(key))):
            if as_str(email):
                yield _field(ctx, name, ProfileField.EMAIL, as_str(email), join(base, "emails", key, index), None,
                             details(("status", key.replace("_emails", "").replace("emails", "current"))))
    for index, site in enumerate(as_list(p.get("websites"))):
        address_text = as_str(as_dict(site).get("address")) or as_str(site)
        if address_text:
            ptr = join(base, "websites", index, "address") if isinstance(site, dict) else join(base, "websites", index)
            yield _field(ctx, name, ProfileField.WEBSITE, address_text, ptr)


def _views(ctx: ReadContext, name: str, p: dict[str, Any], base: str) -> Iterator[Item]:
    for key in ("political_view", "religious_view"):
        view = as_dict(p.get(key))
        if as_str(view.get("name")):
            yield _field(ctx, name, key, as_str(view["name"]), join(base, key, "name"),
                         from_epoch(view.get("timestamp")), details(("description", view.get("description"))))


def _date_text(parts: dict[str, Any]) -> str:
    """{year, month, day} to "1990-01-02", "--01-02" (no year) or "1990"; "" when empty."""
    def num(key: str) -> int:
        value = parts.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
    year, month, day = num("year"), num("month"), num("day")
    if month and day and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if year:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else f"{year:04d}"
    return ""


def _address_items(ctx: ReadContext, name: str, address: dict[str, Any], base: str) -> Iterator[Item]:
    street = as_str(address.get("street"))
    parts = [street, as_str(address.get("neighborhood")), as_str(address.get("city")),
             as_str(address.get("region")), as_str(address.get("zipcode")), as_str(address.get("country"))]
    text = ", ".join(x for x in parts if x)
    extra = details(("street", street), ("city", address.get("city")), ("postcode", address.get("zipcode")),
                    ("country", address.get("country")))
    if text:
        yield _field(ctx, name, ProfileField.ADDRESS, text, join(base, "street") if street else base, None, extra)
    if as_str(address.get("zipcode")):
        yield _field(ctx, name, ProfileField.POSTCODE, as_str(address["zipcode"]), join(base, "zipcode"), None, extra)
    if as_str(address.get("city")):
        yield _field(ctx, name, ProfileField.CITY, as_str(address["city"]), join(base, "city"), None,
                     details(("source", "address")))


def _shape_field(label: str, value: str) -> ProfileField | None:
    low = label.lower()
    if _EMAIL.match(value) or "email" in low or "e-mail" in low:
        return ProfileField.EMAIL if _EMAIL.match(value) else None
    if "address" in low or "adresse" in low or "indirizzo" in low or "dirección" in low:
        return ProfileField.ADDRESS
    if "post" in low or "zip" in low:
        return ProfileField.POSTCODE
    if "city" in low or "town" in low:
        return ProfileField.CITY
    if _URL.match(value) or "website" in low:
        return ProfileField.WEBSITE
    if _PHONE.match(value) and sum(ch.isdigit() for ch in value) >= 7:
        return ProfileField.PHONE
    return None


def _read_contact_info(ctx: ReadContext, name: str) -> Iterator[Item]:
    """2024+ `contact_info.json` and `websites.json`: label/value records, labels localised."""
    for ptr, record in _records(ctx, name):
        yield from _label_value_fields(ctx, name, record, ptr)


def _label_value_fields(ctx: ReadContext, name: str, record: Any, ptr: str) -> Iterator[Item]:
    record = as_dict(record)
    when = from_epoch(record.get("timestamp"))
    for key, value in record.items():
        if key == "label_values":
            for at, label, entry in label_entries(value, join(ptr, key)):
                yield from _entry_fields(ctx, name, label, entry, at, when)
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                if isinstance(sub, dict):
                    yield from _label_value_fields(ctx, name, sub, join(ptr, key, index))
                elif isinstance(sub, str) and (fld := _shape_field(key, sub)):
                    yield _field(ctx, name, fld, sub, join(ptr, key, index), when)
        elif isinstance(value, dict):
            yield from _label_value_fields(ctx, name, value, join(ptr, key))


def _entry_fields(ctx: ReadContext, name: str, label: str, entry: dict[str, Any], at: str,
                  when: datetime | None) -> Iterator[Item]:
    value = as_str(entry.get("value"))
    if value and (fld := _shape_field(label, value)):
        yield _field(ctx, name, fld, value, join(at, "value"), when, details(("label", label)))
    for index, sub in enumerate(as_list(entry.get("vec"))):
        sub = as_dict(sub)
        if as_str(sub.get("value")) and (fld := _shape_field(label, as_str(sub["value"]))):
            yield _field(ctx, name, fld, as_str(sub["value"]), join(at, "vec", index, "value"), when,
                         details(("label", label)))
        elif "dict" in sub:
            for sub_at, sub_label, sub_entry in label_entries(sub.get("dict"), join(at, "vec", index, "dict")):
                yield from _entry_fields(ctx, name, sub_label or label, sub_entry, sub_at, when)
    for sub_at, sub_label, sub_entry in label_entries(entry.get("dict"), join(at, "dict")):
        yield from _entry_fields(ctx, name, sub_label or label, sub_entry, sub_at, when)


# -- posts and media ---------------------------------------------------------------------------

def _media_items(ctx: ReadContext, name: str, media: dict[str, Any], ptr: str,
                 fallback_time: datetime | None, extra: tuple[tuple[str, str], ...] = ()) -> Iterator[Item]:
    """A photo or video (with the GPS, time and camera Meta keeps), and the address it was uploaded
    from, once per address."""
    facts = MediaFacts(media, ptr)
    if facts.uri or facts.location or facts.text:
        yield _item(ctx, name, ItemKind.VIDEO if facts.video else ItemKind.PHOTO, facts.pointer,
                    facts.time or fallback_time, text=facts.text, location=facts.location,
                    media=member_for(ctx.export, facts.uri), details=tuple(facts.facts) + extra)
    ip = upload_ip_item(ctx, Platform.FACEBOOK, name, facts)
    if ip is not None:
        yield ip


def _place_item(ctx: ReadContext, name: str, place: dict[str, Any], ptr: str,
                when: datetime | None, extra: tuple[tuple[str, str], ...] = ()) -> Item | None:
    coordinate = as_dict(place.get("coordinate"))
    point = geo(coordinate.get("latitude"), coordinate.get("longitude"))
    place_name = as_str(place.get("name"))
    address = as_str(place.get("address"))
    if not (point or place_name or address):
        return None
    return _item(ctx, name, ItemKind.CHECKIN, join(ptr, "coordinate") if point else ptr, when,
                 text=place_name or address, location=point,
                 details=details(("place", place_name), ("address", address), ("url", place.get("url"))) + extra)


def _read_posts(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "status_updates_v2", "status_updates", "group_posts_v2"):
        if not isinstance(record, dict):
            continue
        yield from _post_items(ctx, name, record, ptr)


def _post_items(ctx: ReadContext, name: str, post: dict[str, Any], ptr: str) -> Iterator[Item]:
    when = from_epoch(post.get("timestamp"))
    title = as_str(post.get("title"))
    tags = ", ".join(as_str(as_dict(t).get("name")) or as_str(t) for t in as_list(post.get("tags")))
    context = details(("title", title), ("tagged", tags))
    wrote = False
    for index, block in enumerate(as_list(post.get("data"))):
        block = as_dict(block)
        if as_str(block.get("post")):
            wrote = True
            yield _item(ctx, name, ItemKind.POST, join(ptr, "data", index, "post"), when,
                        text=as_str(block["post"]), details=context)
    for a_index, attachment in enumerate(as_list(post.get("attachments"))):
        for d_index, data in enumerate(as_list(as_dict(attachment).get("data"))):
            at = join(ptr, "attachments", a_index, "data", d_index)
            yield from _attachment_items(ctx, name, as_dict(data), at, when, context)
            external = as_dict(as_dict(data).get("external_context"))
            if not wrote and as_str(external.get("url")) and not as_list(post.get("data")):
                yield _item(ctx, name, ItemKind.POST, join(at, "external_context", "url"), when,
                            text=as_str(external.get("name")), details=details(("url", external.get("url"))))


def _attachment_items(ctx: ReadContext, name: str, data: dict[str, Any], at: str, when: datetime | None,
                      context: tuple[tuple[str, str], ...]) -> Iterator[Item]:
    """Items of one attachment of a post: its media, place, life event, event, text and note."""
    if "media" in data:
        yield from _media_items(ctx, name, as_dict(data["media"]), join(at, "media"), when, context)
    if "place" in data:
        item = _place_item(ctx, name, as_dict(data["place"]), join(at, "place"), when, context)
        if item:
            yield item
    event = as_dict(data.get("life_event"))
    if as_str(event.get("title")):
        yield _item(ctx, name, ItemKind.POST, join(at, "life_event", "title"), when, text=as_str(event["title"]),
                    details=details(("kind", "life event"), ("date", _date_text(as_dict(event.get("start_date"))))))
    event = as_dict(data.get("event"))
    if as_str(event.get("name")):
        yield _item(ctx, name, ItemKind.POST, join(at, "event", "name"),
                    from_epoch(event.get("start_timestamp")) or when, text=as_str(event["name"]),
                    details=details(("kind", "event")))
    if isinstance(data.get("text"), str) and data["text"].strip():
        yield _item(ctx, name, ItemKind.POST, join(at, "text"), when, text=data["text"].strip(), details=context)
    note = as_dict(data.get("note"))
    if as_str(note.get("text")):
        yield _item(ctx, name, ItemKind.POST, join(at, "note", "text"),
                    from_epoch(note.get("created_timestamp")) or when, text=as_str(note["text"]),
                    details=details(("kind", "note"), ("title", note.get("title"))))


def _read_media_list(*keys: str) -> Callable[[ReadContext, str], Iterator[Item]]:
    """A list of media under one of `keys` (the 2020+ `_v2` key, then the 2018-19 one). The 2019
    archived stories are post-like records whose media sit under `attachments`."""
    def read(ctx: ReadContext, name: str) -> Iterator[Item]:
        for ptr, record in _records(ctx, name, *keys):
            if not ptr or not isinstance(record, dict):
                continue
            if "attachments" in record and "uri" not in record:
                yield from _post_items(ctx, name, record, ptr)
            else:
                yield from _media_items(ctx, name, record, ptr, None)
    return read


def _read_album(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "photos"):
        if ptr.startswith("/photos/") and isinstance(record, dict):
            yield from _media_items(ctx, name, record, ptr, None)
        elif ptr == "" and isinstance(record, dict):
            album = as_str(record.get("name"))
            text = as_str(record.get("description"))
            if text:
                yield _item(ctx, name, ItemKind.POST, pointer("description"),
                            from_epoch(record.get("last_modified_timestamp")), text=text,
                            details=details(("kind", "album description"), ("album", album)))


# -- places ----------------------------------------------------------------------------------

def _read_checkins(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "checkins_v2", "check_ins_v2", "checkins", "check_ins"):
        record = as_dict(record)
        if "label_values" in record:
            item = _checkin_item(ctx, name, record, ptr)
            if item:
                yield item
        elif record.get("attachments"):  # 2018-19 check-ins are posts with a place attached
            yield from _post_items(ctx, name, record, ptr)


@dataclass
class _Entries:
    """The values of a check-in's label/value entries, sorted by shape: a position, the plain values
    at the top level and those inside the place's own dict, each (pointer, label, value)."""

    point: GeoPoint | None = None
    where: str = ""
    plain: list[tuple[str, str, str]] = field(default_factory=list)
    inner: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, at: str, label: str, value: str, inner: bool) -> None:
        pair = parse_pair(value)
        if pair is not None:
            if self.point is None:
                self.point, self.where = pair, at
        else:
            (self.inner if inner else self.plain).append((at, label.lower(), value))

    def names(self) -> tuple[str, str, str, str]:
        """(pointer of the place name, place name, address, message)."""
        if self.inner:
            named = [x for x in self.inner if x[1] == "name"] or self.inner[:1]
            rest = [x for x in self.inner if x is not named[0]]
            addressed = [x for x in rest if x[1] == "address"] or rest[:1]
            message = next((v for _, lab, v in self.plain if lab in ("message", "text")),
                           self.plain[0][2] if self.plain else "")
            return named[0][0], named[0][2], addressed[0][2] if addressed else "", message
        if self.plain:
            named = [x for x in self.plain if x[1] in ("place name", "name", "place")] or self.plain[:1]
            return named[0][0], named[0][2], next((v for _, lab, v in self.plain if lab == "address"), ""), ""
        return "", "", "", ""


def _checkin_item(ctx: ReadContext, name: str, record: dict[str, Any], ptr: str) -> Item | None:
    """A check-in or tagged place from label/value entries. Labels are localised, so values are
    matched by shape and position: coordinates look like "(lat , lon)"; in a nested place dict the
    first plain value is the name and the second the address; without a nested dict the first
    plain value is the place name, with one it is the message."""
    when = from_epoch(record.get("timestamp"))
    found = _Entries()
    for at, label, entry in label_entries(record.get("label_values"), join(ptr, "label_values")):
        if "timestamp_value" in entry and when is None:
            when = from_epoch(entry.get("timestamp_value"))
        if as_str(entry.get("value")):
            found.add(join(at, "value"), label, as_str(entry.get("value")), inner=False)
        subs = list(label_entries(entry.get("dict"), join(at, "dict")))
        for index, sub in enumerate(as_list(entry.get("vec"))):
            subs += list(label_entries(as_dict(sub).get("dict"), join(at, "vec", index, "dict")))
        for sub_at, sub_label, sub in subs:
            if as_str(sub.get("value")):
                found.add(join(sub_at, "value"), sub_label, as_str(sub.get("value")), inner=True)
    place_at, place, address, message = found.names()
    if not (found.point or place or address):
        return None
    return _item(ctx, name, ItemKind.CHECKIN, found.where or place_at or ptr, when, text=place or address,
                 location=found.point, details=details(("place", place), ("address", address), ("message", message),
                                                       ("fbid", record.get("fbid"))))


def _read_tagged_places(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "tagged_places_v2", "tagged_places"):
        record = as_dict(record)
        if not record:
            continue
        if "label_values" in record:
            item = _checkin_item(ctx, name, record, ptr)
            if item:
                yield _retag(item, "tagged place")
        elif as_str(record.get("name")) or as_dict(record.get("place")):
            place = as_dict(record.get("place")) or record
            item = _place_item(ctx, name, place, ptr if place is record else join(ptr, "place"),
                               from_epoch(record.get("timestamp")))
            if item:
                yield _retag(item, "tagged place")


def _retag(item: Item, kind: str) -> Item:
    from dataclasses import replace
    return replace(item, details=(*item.details, ("kind", kind)))


def _read_location_history(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "location_history_v2", "location_history"):
        record = as_dict(record)
        coordinate = as_dict(record.get("coordinate"))
        point = geo(coordinate.get("latitude"), coordinate.get("longitude"), coordinate.get("accuracy"))
        if point is None:
            continue
        yield _item(ctx, name, ItemKind.LOCATION, join(ptr, "coordinate"),
                    from_epoch(record.get("creation_timestamp")) or from_epoch(record.get("timestamp")),
                    location=point, text=as_str(record.get("name")), details=details(("place", record.get("name"))))


def _read_primary_location(ctx: ReadContext, name: str) -> Iterator[Item]:
    """primary_location / primary_public_location / last_location, old keyed and 2024+ label/value."""
    for ptr, record in _records(ctx, name):
        yield from _walk_location(ctx, name, record, ptr, 0)


def _walk_location(ctx: ReadContext, name: str, value: Any, ptr: str, depth: int) -> Iterator[Item]:
    if depth > 6:
        return
    if isinstance(value, dict):
        coordinate = as_dict(value.get("coordinate"))
        point = geo(coordinate.get("latitude"), coordinate.get("longitude"))
        when = from_epoch(value.get("time")) or from_epoch(value.get("timestamp"))
        if point:
            yield _item(ctx, name, ItemKind.LOCATION, join(ptr, "coordinate"), when, location=point,
                        text=as_str(value.get("name")), details=details(("source", "last location")))
        for key, sub in value.items():
            if key == "label_values":
                for at, label, entry in label_entries(sub, join(ptr, key)):
                    text = as_str(entry.get("value"))
                    low = label.lower()
                    if not text:
                        continue
                    pair = parse_pair(text)
                    if pair:
                        yield _item(ctx, name, ItemKind.LOCATION, join(at, "value"), when, location=pair,
                                    details=details(("source", "primary location")))
                    else:
                        fld = ProfileField.POSTCODE if ("zip" in low or "post" in low) else ProfileField.CITY
                        yield _field(ctx, name, fld, text, join(at, "value"), when,
                                     details(("source", "primary location"), ("label", label)))
            elif key in ("city_region_pairs",):
                for index, pair_value in enumerate(as_list(sub)):
                    parts = [as_str(x) for x in as_list(pair_value) if as_str(x)]
                    if parts:
                        yield _field(ctx, name, ProfileField.CITY, ", ".join(parts), join(ptr, key, index),
                                     when, details(("source", "primary location")))
            elif key in ("zipcode", "zip_code", "postcode"):
                codes = as_list(sub) if isinstance(sub, list) else [sub]
                for index, code in enumerate(codes):
                    if as_str(code):
                        at = join(ptr, key, index) if isinstance(sub, list) else join(ptr, key)
                        yield _field(ctx, name, ProfileField.POSTCODE, as_str(code), at, when,
                                     details(("source", "primary location")))
            elif key in ("city", "city_name") and as_str(sub):
                yield _field(ctx, name, ProfileField.CITY, as_str(sub), join(ptr, key), when,
                             details(("source", "primary location"), ("region", value.get("region")),
                                     ("country", value.get("country"))))
            elif isinstance(sub, dict | list) and key != "coordinate":
                yield from _walk_location(ctx, name, sub, join(ptr, key), depth + 1)
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            if isinstance(sub, dict):
                yield from _walk_location(ctx, name, sub, join(ptr, index), depth + 1)


# -- comments --------------------------------------------------------------------------------

def _read_comments(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "comments_v2", "comments", "group_comments_v2"):
        record = as_dict(record)
        outer = from_epoch(record.get("timestamp"))
        for index, block in enumerate(as_list(record.get("data"))):
            comment = as_dict(as_dict(block).get("comment"))
            text = as_str(comment.get("comment"))
            if text:
                yield _item(ctx, name, ItemKind.COMMENT, join(ptr, "data", index, "comment", "comment"),
                            from_epoch(comment.get("timestamp")) or outer, text=text,
                            details=details(("title", record.get("title")), ("group", comment.get("group"))))
        for a_index, attachment in enumerate(as_list(record.get("attachments"))):
            for d_index, data in enumerate(as_list(as_dict(attachment).get("data"))):
                media = as_dict(as_dict(data).get("media"))
                if media:
                    yield from _media_items(ctx, name, media, join(ptr, "attachments", a_index, "data", d_index,
                                                                   "media"), outer)


_PARSERS: dict[str, Callable[[ReadContext, str], Iterator[Item]]] = {
    "profile": _read_profile,
    "contact_info": _read_contact_info,
    "websites": _read_contact_info,
    "posts": _read_posts,
    "photos": _read_media_list("other_photos_v2", "other_photos"),
    "videos": _read_media_list("videos_v2", "videos"),
    "album": _read_album,
    "stories": _read_media_list("archived_stories_v2", "archived_stories"),
    "checkins": _read_checkins,
    "tagged_places": _read_tagged_places,
    "comments": _read_comments,
    "location_history": _read_location_history,
    "primary_location": _read_primary_location,
}

__all__ = ["FacebookReader", "fix"]
