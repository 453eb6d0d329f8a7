"""Reader for Snapchat "My Data" (JSON, and the HTML-only variant as best effort).

JSON files under `json/`: `account.json` (username, display name), `account_history.json`
(display names, emails and mobile numbers the account has had), `user_profile.json`,
`location_history.json` in both generations ("Home & Work" / "Home, School & Work" give home
and work outright; "Location History", "Daily Top Locations" and others hold fixes written as
`"lat 51.43 ± 4 meters, long -0.05 ± 4 meters"`, `"51.43 ± 39.66 meters, -0.05 ± 39.66 meters"`
or `"Latitude, Longitude: 51.43, -0.05"`), `snap_map_places_history.json`,
`memories_history.json` (locations of saved Memories, paired with the `memories/` files by
their id), `chat_history.json` (saved chat messages the account holder sent, both generations),
`friends.json` (counted only: friends are other people). Ghost Mode / Snap Map
settings become a `location_sharing` setting when the export shows them. Multi-part
`mydata~…` zips arrive merged by the archive layer. Large files are streamed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from bs4 import BeautifulSoup, Tag

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.exif import PHOTO_SUFFIXES, photo_item
from checks.readers.geo_parse import parse_pair, parse_time
from checks.readers.htmlpage import load_html
from checks.readers.jsonstream import READ_ERRORS, as_text, open_json, reason_for, stream_sections
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName, msg

_DATE_IN_KEY = re.compile(r"(\d{4}[-/]\d{2}[-/]\d{2}(?:[ T]\d{2}:\d{2}:\d{2})?)(?:\s*UTC)?")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def _time_of(value: object) -> datetime | None:
    text = as_text(value)
    if not text:
        return None
    moment = parse_time(text)
    if moment is None:
        m = _DATE_IN_KEY.search(text)
        if m:
            moment = parse_time(m.group(1).replace("/", "-"))
    return moment


def _home_work_entries(value: Any) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(pointer segments, label, text) of the "Home, School & Work" section, dict or list."""
    if isinstance(value, dict):
        for label, text in value.items():
            if isinstance(text, str):
                yield (label,), label, text
            elif isinstance(text, dict):
                for k, v in text.items():
                    if isinstance(v, str):
                        yield (label, k), label, v
    elif isinstance(value, list):
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                label = as_text(entry.get("Label") or entry.get("Type") or entry.get("Name"))
                for k, v in entry.items():
                    if isinstance(v, str) and k not in ("Label", "Type", "Name"):
                        yield (i, k), label or k, v


class SnapchatReader(Reader):
    spec = FormatSpec(
        "snapchat", Platform.SNAPCHAT, expected_file="json/location_history.json",
        signs=(Sign(1.0, paths=("json/memories_history.json", "json/location_history.json", "json/account.json",
                                "json/snap_map_places_history.json", "json/user_profile.json",
                                "json/account_history.json")),
               Sign(0.9, paths=("html/memories_history.html", "html/location_history.html", "html/account.html",
                                "html/user_profile.html")),
               # the json folder itself chosen (or committed alone): files only Snapchat names so
               Sign(0.8, paths=("snap_history.json", "chat_history.json", "memories_history.json",
                                "snap_map_places_history.json", "talk_history.json", "bitmoji.json"), depth=0),
               Sign(0.7, pattern=r"(^|/)memories/\d{4}-\d{2}-\d{2}_[0-9a-f-]+-main\.[a-z0-9]+$"),
               Sign(0.7, pattern=r"(^|/)chat_media/\d{4}-\d{2}-\d{2}_b~"),
               Sign(0.6, named=r"^mydata~")),
        folders=("json", "html", "memories", "chat_media"))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        names = ctx.export.names()
        jsons = sorted(n for n in names if n.lower().endswith(".json") and (
            n.lower().startswith("json/") or "/json/" in n.lower() or "/" not in n))
        steps = len(jsons) + 1
        memory_files = {m.group(0).lower(): n for n in names
                        if n.lower().startswith(("memories/",)) or "/memories/" in n.lower()
                        for m in [_UUID.search(n)] if m and "-overlay" not in n.lower()}
        paired: set[str] = set()
        for index, name in enumerate(jsons):
            ctx.cancel.raise_if_cancelled()
            base = name.rsplit("/", 1)[-1].lower()
            handler = _HANDLERS.get(base)
            if handler is not None:
                yield from handler(self, ctx, name, memory_files, paired)
            ctx.progress((index + 1) / steps, name)
        if not jsons:
            yield from self.read_html(ctx)
        for name in sorted(names):
            low = name.lower()
            if (low.startswith("memories/") or "/memories/" in low) and low.endswith(PHOTO_SUFFIXES) \
                    and "-overlay" not in low:
                ctx.cancel.raise_if_cancelled()
                item = photo_item(ctx, name, self.platform, "Snapchat memory")
                if item is not None:
                    yield item
        ctx.progress(1.0)

    # -- JSON files --------------------------------------------------------------------------------
    def _sections(self, ctx: ReadContext, name: str) -> Iterator[tuple[str, int | None, Any]]:
        try:
            with open_json(ctx, name) as stream:
                yield from stream_sections(stream)
        except READ_ERRORS as exc:
            ctx.skip(name, reason_for(exc))

    def _account(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        for section, index, value in self._sections(ctx, name):
            if section == "Basic Information" and isinstance(value, dict):
                created = _time_of(value.get("Creation Date"))
                for key, fld in (("Username", ProfileField.USERNAME), ("Name", ProfileField.NAME),
                                 ("Display Name", ProfileField.NAME)):
                    text = as_text(value.get(key))
                    if text:
                        yield Item(self.platform, ItemKind.PROFILE_FIELD,
                                   ctx.source(name, jp.pointer(section, key), created), text=text, field=fld)
            yield from self._settings(ctx, name, section, index, value)

    def _account_history(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        wanted = {"Display Name Change": ("Display Name", ProfileField.NAME),
                  "Email Change": ("Email Address", ProfileField.EMAIL),
                  "Mobile Number Change": ("Mobile Number", ProfileField.PHONE)}
        for section, index, value in self._sections(ctx, name):
            if section in wanted and index is not None and isinstance(value, dict):
                key, fld = wanted[section]
                text = as_text(value.get(key))
                if text:
                    yield Item(self.platform, ItemKind.PROFILE_FIELD,
                               ctx.source(name, jp.pointer(section, index, key), _time_of(value.get("Date"))),
                               text=text, field=fld, audience=Audience.PRIVATE)
            yield from self._settings(ctx, name, section, index, value)

    def _user_profile(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        for section, index, value in self._sections(ctx, name):
            if section == "Demographics" and isinstance(value, dict):
                age = as_text(value.get("Cohort Age"))
                if age:
                    yield Item(self.platform, ItemKind.PROFILE_FIELD,
                               ctx.source(name, jp.pointer(section, "Cohort Age")), text=age,
                               field=ProfileField.OTHER, details=(("name", "age range"),))
            yield from self._settings(ctx, name, section, index, value)

    def _settings(self, ctx: ReadContext, name: str, section: str, index: int | None,
                  value: Any) -> Iterator[Item]:
        """Ghost Mode / Snap Map sharing, wherever the export shows it."""
        entries: list[tuple[tuple[str | int, ...], str, Any]] = []
        base: tuple[str | int, ...] = (section,) if index is None else (section, index)
        if isinstance(value, dict):
            entries = [((*base, k), k, v) for k, v in value.items()]
        else:
            entries = [(base, section, value)]
        for segs, key, val in entries:
            low = key.lower()
            if isinstance(val, bool):
                on = val
            elif isinstance(val, str) and val.strip().lower() in ("on", "off", "true", "false", "yes", "no",
                                                                   "enabled", "disabled"):
                on = val.strip().lower() in ("on", "true", "yes", "enabled")
            else:
                continue
            if "ghost" in low:
                sharing = not on
            elif "snap map" in low or "share my location" in low or "location sharing" in low:
                sharing = on
            else:
                continue
            yield Item(self.platform, ItemKind.SETTING, ctx.source(name, jp.pointer(*segs)),
                       text="true" if sharing else "false", field=SettingName.LOCATION_SHARING)

    def _chats(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        """Saved chat messages the account holder sent (their own words; what others sent is not
        read): 2024+ one list per conversation with `IsSender` and `Content`; 2021-22 "Sent Saved
        Chat History" with `Text`. Who the chat was with is not kept."""
        for section, index, value in self._sections(ctx, name):
            if index is None or not isinstance(value, dict):
                continue
            if index % 2000 == 0:
                ctx.cancel.raise_if_cancelled()
            old = section.lower().startswith(("sent saved", "received saved"))
            sent = section.lower().startswith("sent") if old else value.get("IsSender") is True
            key = "Text" if old else "Content"
            text = as_text(value.get(key))
            if sent and text:
                yield Item(self.platform, ItemKind.MESSAGE,
                           ctx.source(name, jp.pointer(section, index, key), _time_of(value.get("Created"))),
                           text=text[:5000], audience=Audience.PRIVATE,
                           details=(("media_type", as_text(value.get("Media Type"))),))

    def _location_history(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        count = 0
        for section, index, value in self._sections(ctx, name):
            count += 1
            if count % 2000 == 0:
                ctx.cancel.raise_if_cancelled()
            low = section.lower()
            if low.startswith("home") and ("work" in low or "school" in low):
                for segs, label, text in _home_work_entries(value if index is None else [value]):
                    if index is not None:
                        segs = (index, *segs[1:])
                    loc = parse_pair(text)
                    yield Item(self.platform, ItemKind.CHECKIN, ctx.source(name, jp.pointer(section, *segs)),
                               text="" if loc else text, location=loc, label=label,
                               details=(("source", "snapchat home and work"),))
                continue
            if index is None:
                continue
            yield from self._history_entry(ctx, name, section, index, value)

    def _history_entry(self, ctx: ReadContext, name: str, section: str, index: int, value: Any) -> Iterator[Item]:
        ptr = jp.pointer(section, index)
        when: datetime | None = None
        loc = None
        where = ptr
        texts: list[tuple[str, str]] = []
        if isinstance(value, dict):
            for key, val in value.items():
                if not isinstance(val, str):
                    continue
                key_time = _time_of(key) if key.lower().startswith("date") else None
                if key_time is not None:
                    when = when or key_time
                if key.lower() in ("time", "date", "date/time", "timestamp", "created"):
                    when = when or _time_of(val)
                elif loc is None and (point := parse_pair(val)) is not None:
                    loc, where = point, jp.join(ptr, key)
                elif key_time is None:
                    texts.append((key, val.strip()[:200]))
        elif isinstance(value, list):
            for j, val in enumerate(value):
                if isinstance(val, str):
                    if when is None and (moment := _time_of(val)) is not None and not parse_pair(val):
                        when = moment
                    elif loc is None and (point := parse_pair(val)) is not None:
                        loc, where = point, jp.join(ptr, j)
        elif isinstance(value, str):
            loc = parse_pair(value)
        if loc is not None:
            yield Item(self.platform, ItemKind.LOCATION, ctx.source(name, where, when), location=loc,
                       details=(("source", section.lower()),))
        elif texts:
            place = ", ".join(v for k, v in texts if v and k.lower() in (
                "name", "place", "city", "region", "country", "postal code", "address"))
            if place:
                yield Item(self.platform, ItemKind.CHECKIN, ctx.source(name, ptr, when), text=place,
                           details=(("source", section.lower()), *[(k.lower(), v) for k, v in texts if v]))

    def _places(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        for section, index, value in self._sections(ctx, name):
            if index is None or not isinstance(value, dict):
                continue
            place = as_text(value.get("Place") or value.get("Name"))
            locality = as_text(value.get("Place Location"))
            loc = None
            for v in value.values():
                loc = loc or parse_pair(v)
            details = [("source", "snap map places")]
            if place:
                details.append(("place_name", place))
            if locality:
                details.append(("address", locality))
            if place or loc:
                yield Item(self.platform, ItemKind.CHECKIN,
                           ctx.source(name, jp.pointer(section, index), _time_of(value.get("Date"))),
                           text=place, location=loc, details=tuple(details))

    def _memories(self, ctx: ReadContext, name: str, memory_files: dict[str, str],
                  paired: set[str]) -> Iterator[Item]:
        for section, index, value in self._sections(ctx, name):
            if index is None or not isinstance(value, dict):
                continue
            loc = parse_pair(value.get("Location"))
            if loc is None:
                continue
            link = as_text(value.get("Download Link") or value.get("Media Download Url"))
            mid = re.search(r"[?&]mid=([0-9a-fA-F-]{36})", link)
            media = memory_files.get(mid.group(1).lower()) if mid else None
            if media:
                paired.add(media)
            video = as_text(value.get("Media Type")).lower() == "video"
            yield Item(self.platform, ItemKind.VIDEO if video else ItemKind.PHOTO,
                       ctx.source(name, jp.pointer(section, index, "Location"), _time_of(value.get("Date"))),
                       location=loc, media=media, audience=Audience.PRIVATE,
                       details=(("found_in", "Snapchat memory"),))

    def _friends(self, ctx: ReadContext, name: str, *_: Any) -> Iterator[Item]:
        count = 0
        for section, index, _value in self._sections(ctx, name):
            if section == "Friends" and index is not None:
                count += 1
        if count:
            yield Item(self.platform, ItemKind.OTHER, ctx.source(name, "/Friends"), text=str(count),
                       field="friends_count")

    # -- HTML-only exports ---------------------------------------------------------------------------
    def read_html(self, ctx: ReadContext) -> Iterator[Item]:
        pages = sorted(n for n in ctx.export.names() if n.lower().endswith(".html"))
        if pages:
            ctx.note(msg("reader.snapchat.html_only"))
        for name in pages:
            base = name.rsplit("/", 1)[-1].lower()
            if base not in ("memories_history.html", "location_history.html", "account.html",
                            "snap_map_places_history.html", "account_history.html"):
                continue
            ctx.cancel.raise_if_cancelled()
            soup = load_html(ctx, name)
            if soup is not None:
                yield from self._html_rows(ctx, name, base, soup)

    def _html_rows(self, ctx: ReadContext, name: str, base: str, soup: BeautifulSoup) -> Iterator[Item]:
        for row in soup.find_all("tr"):
            if _holds_row(row):
                continue  # a row holding a table: its inner rows are read
            cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"], recursive=False)]
            if not cells:
                continue
            if base == "account.html" and len(cells) >= 2:
                fld = {"username": ProfileField.USERNAME, "name": ProfileField.NAME,
                       "display name": ProfileField.NAME}.get(cells[0].strip().lower())
                if fld and cells[1]:
                    yield Item(self.platform, ItemKind.PROFILE_FIELD, ctx.source(name), text=cells[1][:200],
                               field=fld)
                continue
            when = next((t for c in cells if (t := _time_of(c)) is not None and not parse_pair(c)), None)
            loc = next((p for c in cells if (p := parse_pair(c)) is not None), None)
            if base in ("location_history.html",) and len(cells) >= 2 and cells[0].lower().startswith("home"):
                yield Item(self.platform, ItemKind.CHECKIN, ctx.source(name, "", when), location=loc,
                           text="" if loc else cells[1][:200], label=cells[0][:20],
                           details=(("source", "snapchat home and work"),))
            elif loc is not None:
                kind = ItemKind.PHOTO if base == "memories_history.html" else ItemKind.LOCATION
                yield Item(self.platform, kind, ctx.source(name, "", when), location=loc,
                           details=(("source", base.removesuffix(".html").replace("_", " ")),))


def _holds_row(row: Tag) -> bool:
    """Whether a table row holds another row. Walked by hand and stopped at the first row: bs4's
    `descendants` and `find` walk the whole subtree first, which made hostile nesting cubic."""
    stack = list(row.contents)
    while stack:
        element = stack.pop()
        if isinstance(element, Tag):
            if element.name == "tr":
                return True
            stack.extend(element.contents)
    return False


_HANDLERS = {
    "account.json": SnapchatReader._account,
    "account_history.json": SnapchatReader._account_history,
    "user_profile.json": SnapchatReader._user_profile,
    "location_history.json": SnapchatReader._location_history,
    "snap_map_places_history.json": SnapchatReader._places,
    "memories_history.json": SnapchatReader._memories,
    "friends.json": SnapchatReader._friends,
    "chat_history.json": SnapchatReader._chats,
    "settings.json": SnapchatReader._user_profile,
}


class SnapchatHtmlReader(SnapchatReader):
    spec = FormatSpec("snapchat-html", Platform.SNAPCHAT, variant_of="snapchat")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        yield from self.read_html(ctx)
        for name in sorted(ctx.export.names()):
            low = name.lower()
            if (low.startswith("memories/") or "/memories/" in low) and low.endswith(PHOTO_SUFFIXES) \
                    and "-overlay" not in low:
                item = photo_item(ctx, name, self.platform, "Snapchat memory")
                if item is not None:
                    yield item
        ctx.progress(1.0)
