"""Reader for Instagram "Download your information" exports in JSON, 2021 to 2025 layouts.

Reads personal information (`string_map_data` with localised labels: known labels in several
languages, otherwise matched by the value's shape and position; the 1919-01-01 placeholder birth
date is ignored; "Private Account" becomes a SETTING), privacy-change history, profile changes
(old phones and emails leak there), autofill (a home address can live in `ig_autofill_data`),
account based in / profile based in / locations of interest / last known location, posts,
stories, reels, archived posts, IGTV and profile photos (captions, `exif_data` GPS, device), and
the person's comments. Layouts: `account_information/` + `content/` (2021), `personal_information/`
+ `content/` or `your_instagram_activity/content/` (2022–2024), `your_instagram_activity/media/`
(2025+). Meta's mojibake is fixed on keys and values; big files are streamed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from checks.pointer import join
from checks.readers.base import ReadContext, Reader
from checks.readers.facebook import META_FOLDERS
from checks.readers.jsonstream import (
    as_dict,
    as_float,
    as_list,
    as_str,
    details,
    from_epoch,
    geo,
    parse_pair,
    read_by_bytes,
)
from checks.readers.jsonstream import member_records as _records
from checks.readers.meta_text import (
    MediaFacts,
    by_shape,
    fix,
    fix_tree,
    member_for,
    meta_field,
    meta_item,
    personal_fields,
)
from checks.readers.spec import FormatSpec, Sign
from checks.readers.threads import read_threads, threads_kind
from checks.records import Item, ItemKind, Platform, ProfileField, SettingName, msg

_SKIP_DIRS = re.compile(r"(^|/)(messages|inbox|message_requests|ai_conversations|threads)/")
_POSTS = re.compile(r"(^|/)(content|media)/posts_\d+\.json$")
_COMMENTS = re.compile(r"(^|/)comments/(post_comments(_\d+)?|comments|reels_comments)\.json$")

_MEDIA_FILES = {
    "stories.json": "stories", "reels.json": "reels", "archived_posts.json": "archived",
    "profile_photos.json": "profile_photos", "igtv_videos.json": "igtv", "other_content.json": "other",
    "recently_deleted_content.json": "deleted",
}


def _kind_of(name: str) -> str | None:
    low = name.lower()
    if _SKIP_DIRS.search(low) or not low.endswith(".json"):
        return None
    base = low.rsplit("/", 1)[-1]
    if base in ("personal_information.json", "instagram_profile_information.json"):
        return "personal"
    if base == "account_privacy_changes.json":
        return "privacy_changes"
    if base == "profile_changes.json":
        return "profile_changes"
    if base == "autofill_information.json" or (base.startswith("autofill") and base.endswith(".json")):
        return "autofill"
    if base in ("account_based_in.json", "profile_based_in.json", "locations_of_interest.json",
                "last_known_location.json"):
        return "locations"
    if _POSTS.search(low):
        return "posts"
    if base in _MEDIA_FILES and ("content/" in low or "media/" in low):
        return "media"
    if _COMMENTS.search(low):
        return "comments"
    return None


_ORDER = ("personal", "privacy_changes", "profile_changes", "autofill", "locations", "posts", "media",
          "comments")


class InstagramReader(Reader):
    """Instagram export, JSON format."""

    spec = FormatSpec(
        "instagram", Platform.INSTAGRAM,
        expected_file="personal_information/personal_information/personal_information.json",
        signs=(Sign(1.0, pattern=r"(^|/)your_instagram_activity/"),
               Sign(1.0, paths=("personal_information/personal_information/instagram_profile_information.json",
                                "personal_information/personal_information/instagram_profile_information.html")),
               Sign(0.9, pattern=r"(^|/)media/(posts|stories)/\d{6}/",
                    also=(Sign(0, pattern=r"(^|/)(personal_information|account_information)/"),)),
               Sign(0.8, pattern=r"(^|/)content/posts_\d+\.(json|html)$"),
               Sign(0.8, paths=("account_information/personal_information.json",
                                "personal_information/personal_information.json")),
               Sign(0.6, pattern=r"(^|/)connections/followers_and_following/"),
               Sign(0.6, pattern=r"^followers_and_following/"),
               Sign(0.5, named=r"^instagram")),
        folders=META_FOLDERS)

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        found = [(k, m) for m in ctx.export.members() if (k := _kind_of(m.name))]
        found.sort(key=lambda km: (_ORDER.index(km[0]), km[1].name.lower()))
        seen_current: list[bool] = []  # personal_information showed the current private/public switch
        jobs = [(m, functools.partial(_read_privacy_changes, ctx, m.name, seen_current) if kind == "privacy_changes"
                 else functools.partial(_PARSERS[kind], ctx, m.name)) for kind, m in found]
        for item in read_by_bytes(ctx, jobs):
            if item.kind is ItemKind.SETTING and item.field == SettingName.PRIVATE_ACCOUNT:
                seen_current.append(True)
            yield item
        threads = [(part, m.name) for m in ctx.export.members() if (part := threads_kind(m.name))]
        yield from read_threads(ctx, threads)
        if not found and not threads:
            ctx.note(msg("reader.instagram.no_files"))


_item = functools.partial(meta_item, Platform.INSTAGRAM)
_field = functools.partial(meta_field, Platform.INSTAGRAM)


# -- personal information -------------------------------------------------------------------

def _read_personal(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "profile_user", "profile_account_insights"):
        record = as_dict(record)
        smd = record.get("string_map_data")
        if smd is None and ptr == "":
            continue
        by_shape = ptr.startswith("/profile_user/")
        yield from personal_fields(ctx, Platform.INSTAGRAM, name, as_dict(smd), join(ptr, "string_map_data"),
                                   by_shape)


_PRIVATE_WORDS = {"private", "privato", "privat", "privado", "privada", "privé", "privée", "privé account"}
_PUBLIC_WORDS = {"public", "pubblico", "öffentlich", "público", "pública", "publique", "openbaar"}


def _read_privacy_changes(ctx: ReadContext, name: str, current_known: Sequence[bool] = ()) -> Iterator[Item]:
    """Each change is a SETTING "private_account_change" (history, not the current state). When the
    personal information did not show the current switch (`current_known` empty when this runs),
    the latest change stands in for it."""
    latest: tuple[datetime, str, str] | None = None
    for ptr, record in _records(ctx, name, "account_history_account_privacy_history"):
        record = as_dict(record)
        if not ptr:
            continue
        title = fix(as_str(record.get("title"))).lower()
        flag = "true" if title in _PRIVATE_WORDS else "false" if title in _PUBLIC_WORDS else None
        if flag is None:
            continue
        when = None
        for entry in as_dict(record.get("string_map_data")).values():
            when = when or from_epoch(as_dict(entry).get("timestamp"))
        at = join(ptr, "title")
        yield _item(ctx, name, ItemKind.SETTING, at, when, text=flag, field="private_account_change",
                    details=(("source", "privacy change history"),))
        if when is not None and (latest is None or when > latest[0]):
            latest = (when, flag, at)
    if latest is not None and not current_known:
        yield _item(ctx, name, ItemKind.SETTING, latest[2], latest[0], text=latest[1],
                    field=SettingName.PRIVATE_ACCOUNT, details=(("source", "latest privacy change"),))


_CHANGED: dict[str, ProfileField] = {
    "email": ProfileField.EMAIL, "e-mail": ProfileField.EMAIL, "phone": ProfileField.PHONE,
    "phone number": ProfileField.PHONE, "name": ProfileField.NAME, "username": ProfileField.USERNAME,
    "bio": ProfileField.BIO, "website": ProfileField.WEBSITE, "gender": ProfileField.GENDER,
    "date of birth": ProfileField.BIRTH_DATE,
}


def _read_profile_changes(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "profile_profile_change"):
        record = as_dict(record)
        if not ptr:
            continue
        smd = as_dict(record.get("string_map_data"))
        entries = list(smd.items())
        # Known English labels, else position: Changed, Previous Value, New Value, Change Date.
        by_label = {fix(str(k)).lower(): (str(k), as_dict(v)) for k, v in entries}
        changed = by_label.get("changed") or (entries[0][0], as_dict(entries[0][1])) if entries else None
        previous = by_label.get("previous value") or ((entries[1][0], as_dict(entries[1][1]))
                                                      if len(entries) > 1 else None)
        new = by_label.get("new value") or ((entries[2][0], as_dict(entries[2][1])) if len(entries) > 2 else None)
        when = None
        for _k, v in entries:
            when = when or from_epoch(as_dict(v).get("timestamp"))
        what = fix(as_str(changed[1].get("value"))) if changed else ""
        fld: ProfileField | str = _CHANGED.get(what.lower(), "")
        for which, pair in (("previous", previous), ("new", new)):
            if not pair:
                continue
            value = fix(as_str(pair[1].get("value")))
            if not value:
                continue
            kind = fld or by_shape(value, None) or ProfileField.OTHER
            if kind in ("private_account", "phone_confirmed"):
                kind = ProfileField.OTHER
            yield _field(ctx, name, kind, value, join(ptr, "string_map_data", pair[0], "value"), when,
                         details(("change", which), ("changed", what)))


# -- autofill ---------------------------------------------------------------------------------

_AUTOFILL_ADDRESS = ("street_address", "address_line1", "address_line2", "address_line3",
                     "address_level4", "address_level3", "address_level2", "address_level1", "postal_code",
                     "country")


def _read_autofill(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "ig_autofill_data", "autofill_data"):
        record = as_dict(record)
        holders = [(ptr, record)]
        if "ig_autofill_data" in record:
            holders = [(join(ptr, "ig_autofill_data"), as_dict(record["ig_autofill_data"]))]
        for base, data in holders:
            yield from _autofill_fields(ctx, name, data, base)


def _values(data: dict[str, Any], key: str, base: str) -> list[tuple[str, str]]:
    """(pointer, text) for a key whose value is a string or a list of strings / string maps."""
    value = data.get(key)
    if isinstance(value, list):
        out = []
        for index, v in enumerate(value):
            text = fix(as_str(v)) or fix(as_str(as_dict(v).get("value")))
            if text:
                out.append((join(base, key, index), text))
        return out
    text = fix(as_str(value)) or fix(as_str(as_dict(value).get("value")))
    return [(join(base, key), text)] if text else []


def _autofill_fields(ctx: ReadContext, name: str, data: dict[str, Any], base: str) -> Iterator[Item]:
    parts = []
    first_at = ""
    for key in _AUTOFILL_ADDRESS:
        for at, text in _values(data, key, base)[:1]:
            parts.append(text)
            if key in ("street_address", "address_line1") and not first_at:
                first_at = at
    if first_at:
        yield _field(ctx, name, ProfileField.ADDRESS, ", ".join(dict.fromkeys(parts)), first_at, None,
                     details(("source", "autofill")))
    for key, fld in (("postal_code", ProfileField.POSTCODE), ("address_level2", ProfileField.CITY),
                     ("tel", ProfileField.PHONE), ("email", ProfileField.EMAIL)):
        for at, text in _values(data, key, base):
            yield _field(ctx, name, fld, text, at, None, details(("source", "autofill")))
    given = _values(data, "given_name", base)
    family = _values(data, "family_name", base)
    if given or family:
        full = " ".join(x[0][1] for x in (given, family) if x)
        yield _field(ctx, name, ProfileField.NAME, full, (given or family)[0][0], None,
                     details(("source", "autofill")))


# -- location inferences ----------------------------------------------------------------------

def _read_locations(ctx: ReadContext, name: str) -> Iterator[Item]:
    """account_based_in, profile_based_in, locations_of_interest, last_known_location: the wrapping
    keys vary between years, so every `string_map_data` / `label_values` / `vec` block is read."""
    base_name = name.lower().rsplit("/", 1)[-1]
    source = base_name.removesuffix(".json").replace("_", " ")
    for ptr, record in _records(ctx, name, "inferred_data_primary_location", "inferred_data_profile_based_in",
                                "label_values", "last_known_location",
                                "account_history_imprecise_last_known_location"):
        yield from _location_blocks(ctx, name, record, ptr, source, 0)


_AXIS = re.compile(r"\b(lat(?:itude)?|lon(?:gitude)?|lng)\b", re.I)
_TIME_LABEL = re.compile(r"(time|date|uploaded)", re.I)
IMPRECISE_M = 3000.0  # Instagram's "imprecise" last known position: about a town


def _string_map_places(ctx: ReadContext, name: str, smd: dict[str, Any], ptr: str, source: str,
                       interest: bool) -> Iterator[Item]:
    """Places in a `string_map_data` block: "(lat, lon)" values, latitude/longitude pairs ("Precise
    latitude" + "Precise longitude" of the last known location, and their imprecise pair), or a
    place named in words. Times ("GPS time uploaded") are not places."""
    pairs: dict[str, dict[str, tuple[str, str, datetime | None]]] = {}
    for raw_key, entry in smd.items():
        value = fix(as_str(as_dict(entry).get("value")))
        label = fix(str(raw_key))
        if not value:
            continue
        at = join(ptr, "string_map_data", str(raw_key), "value")
        when = from_epoch(as_dict(entry).get("timestamp"))
        axis = _AXIS.search(label)
        if axis and as_float(value) is not None:
            group = _AXIS.sub("", label.lower()).strip()
            pairs.setdefault(group, {})["lat" if axis.group(1).lower().startswith("lat") else "lon"] = (at, value, when)
            continue
        extra = details(("source", source), ("label", label))
        point = parse_pair(value)
        if point:
            yield _item(ctx, name, ItemKind.LOCATION, at, when, location=point, details=extra)
        elif not _TIME_LABEL.search(label):
            yield _field(ctx, name, "location_of_interest" if interest else ProfileField.CITY, value, at, when, extra)
    for group, axes in pairs.items():
        if "lat" in axes and "lon" in axes:
            (at, lat, when), (_, lon, _) = axes["lat"], axes["lon"]
            point = geo(lat, lon, IMPRECISE_M if "imprecise" in group else None)
            if point is not None:
                yield _item(ctx, name, ItemKind.LOCATION, at, when, location=point,
                            details=details(("source", source), ("precision", group)))


def _location_blocks(ctx: ReadContext, name: str, record: Any, ptr: str, source: str,
                     depth: int) -> Iterator[Item]:
    if depth > 5:
        return
    if isinstance(record, list):
        for index, sub in enumerate(record):
            yield from _location_blocks(ctx, name, sub, join(ptr, index), source, depth + 1)
        return
    if not isinstance(record, dict):
        return
    interest = "interest" in source
    yield from _string_map_places(ctx, name, as_dict(record.get("string_map_data")), ptr, source, interest)
    # {"label": ..., "vec": [{"value": place}]}: one entry of a label_values list
    for index, sub in enumerate(as_list(record.get("vec"))):
        value = fix(as_str(as_dict(sub).get("value")))
        if value:
            yield _field(ctx, name, "location_of_interest" if interest else ProfileField.CITY, value,
                         join(ptr, "vec", index, "value"), None,
                         details(("source", source), ("label", fix(as_str(record.get("label"))))))
    for key, sub in record.items():
        if key not in ("string_map_data", "vec", "media_map_data") and isinstance(sub, dict | list):
            yield from _location_blocks(ctx, name, sub, join(ptr, key), source, depth + 1)


# -- posts, stories, reels --------------------------------------------------------------------

def _media_item(ctx: ReadContext, name: str, media: dict[str, Any], ptr: str, when: datetime | None,
                caption_shown: str, extra: tuple[tuple[str, str], ...] = ()) -> Item | None:
    facts = MediaFacts(fix_tree(media), ptr)
    if not facts.uri and not facts.location:
        return None
    text = facts.text if facts.text != caption_shown else ""
    return _item(ctx, name, ItemKind.VIDEO if facts.video else ItemKind.PHOTO, facts.pointer,
                 facts.time or when, text=text, location=facts.location,
                 media=member_for(ctx.export, facts.uri), details=tuple(facts.facts) + extra)


def _post_items(ctx: ReadContext, name: str, post: dict[str, Any], ptr: str, kind: str) -> Iterator[Item]:
    when = from_epoch(post.get("creation_timestamp"))
    caption = fix(as_str(post.get("title")))
    caption_at = join(ptr, "title")
    medias = as_list(post.get("media"))
    if not caption and medias:
        first = as_dict(medias[0])
        caption = fix(as_str(first.get("title")))
        caption_at = join(ptr, "media", 0, "title")
        when = when or from_epoch(first.get("creation_timestamp"))
    extra = (("kind", kind),) if kind != "post" else ()
    if caption:
        yield _item(ctx, name, ItemKind.POST, caption_at, when, text=caption, details=extra)
    for index, media in enumerate(medias):
        item = _media_item(ctx, name, as_dict(media), join(ptr, "media", index), when, caption, extra)
        if item:
            yield item


def _read_posts(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "ig_posts"):
        record = as_dict(record)
        if ptr and record:
            yield from _post_items(ctx, name, record, ptr, "post")


def _read_media(ctx: ReadContext, name: str) -> Iterator[Item]:
    kind = _MEDIA_FILES.get(name.lower().rsplit("/", 1)[-1], "other")
    keys = ("ig_stories", "ig_reels_media", "ig_archived_post_media", "ig_profile_picture", "ig_igtv_media",
            "ig_other_media", "ig_recently_deleted_media")
    for ptr, record in _records(ctx, name, *keys):
        record = as_dict(record)
        if not ptr or not record:
            continue
        if isinstance(record.get("media"), list):
            yield from _post_items(ctx, name, record, ptr, kind)
        else:
            facts_caption = fix(as_str(record.get("title")))
            when = from_epoch(record.get("creation_timestamp"))
            if facts_caption:
                yield _item(ctx, name, ItemKind.POST, join(ptr, "title"), when, text=facts_caption,
                            details=(("kind", kind),))
            item = _media_item(ctx, name, record, ptr, when, facts_caption, (("kind", kind),))
            if item:
                yield item


# -- comments ---------------------------------------------------------------------------------

def _read_comments(ctx: ReadContext, name: str) -> Iterator[Item]:
    for ptr, record in _records(ctx, name, "comments_media_comments", "comments_reels_comments",
                                "comments_story_comments"):
        record = as_dict(record)
        if not ptr:
            continue
        smd = record.get("string_map_data")
        if isinstance(smd, dict) and smd:
            entries = list(smd.items())
            by_label = {fix(str(k)).lower(): (str(k), as_dict(v)) for k, v in entries}
            comment = by_label.get("comment") or (entries[0][0], as_dict(entries[0][1]))
            owner = by_label.get("media owner") or ((entries[1][0], as_dict(entries[1][1]))
                                                    if len(entries) > 1 else None)
            when = None
            for _k, v in entries:
                when = when or from_epoch(as_dict(v).get("timestamp"))
            text = fix(as_str(comment[1].get("value")))
            if text:
                yield _item(ctx, name, ItemKind.COMMENT, join(ptr, "string_map_data", comment[0], "value"), when,
                            text=text, details=details(("media_owner", fix(as_str(owner[1].get("value")))
                                                        if owner else "")))
        for index, entry in enumerate(as_list(record.get("string_list_data"))):
            entry = as_dict(entry)
            text = fix(as_str(entry.get("value")))
            if text:
                yield _item(ctx, name, ItemKind.COMMENT, join(ptr, "string_list_data", index, "value"),
                            from_epoch(entry.get("timestamp")), text=text,
                            details=details(("media_owner", fix(as_str(record.get("title"))))))


_PARSERS: dict[str, Callable[[ReadContext, str], Iterator[Item]]] = {
    "personal": _read_personal,
    "privacy_changes": _read_privacy_changes,
    "profile_changes": _read_profile_changes,
    "autofill": _read_autofill,
    "locations": _read_locations,
    "posts": _read_posts,
    "media": _read_media,
    "comments": _read_comments,
}
