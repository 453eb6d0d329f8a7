"""Reader for YouTube in Google Takeout: the `YouTube and YouTube Music/` folder (its name is translated:
`YouTube y YouTube Music`, `YouTube und YouTube Music`...), alone or inside a whole Takeout.

Reads the person's own words and channel: `comments/comments.csv` and `live chats/live chats.csv`
(the text is JSON segments: `{"takeoutSegments":[{"text":...}]}` before June 2024,
`{"text":...},{"text":...}` after; older Takeouts have `my-comments/my-comments.html`, its name
translated too: `mis-comentarios/mis-comentarios.html`),
`channels/channel.csv` (channel name, the "About" description, country, visibility),
`channels/channel URL configs.csv` (the handle), `channels/channel feature data.csv` (the
default location given to uploads), `video metadata/videos.csv` (titles, descriptions and who
can see each upload), `video metadata/video recordings.csv` (where uploads were recorded) and
`playlists/playlists.csv` (titles and descriptions). Files are told apart by their header (column
names are translated too); a comments file in any language is known by its JSON text cells.
Watch and search history and subscriptions are other people's content and are not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from bs4 import NavigableString, Tag

from checks.pointer import pointer
from checks.readers.base import ReadContext, Reader
from checks.readers.csvstream import first_row, get, rows, value
from checks.readers.geo_parse import parse_time, point, to_float
from checks.readers.htmlpage import load_html
from checks.readers.jsonstream import details
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName, msg

FOLDER = re.compile(r"(^|/)YouTube([^/\n]*Music)?/", re.I)
_WATCH = "https://www.youtube.com/watch?v="
_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")  # a video's id: eleven letters, digits, - or _

_AUDIENCE = {"public": Audience.PUBLIC, "unlisted": Audience.FRIENDS, "private": Audience.PRIVATE}


def in_youtube(name: str) -> bool:
    """Whether a Takeout member belongs to the YouTube folder."""
    return FOLDER.search(name) is not None


def comment_text(raw: str) -> str:
    """The words of a Takeout comment cell: JSON segments joined, or the cell as it is."""
    cell = raw.strip()
    if not cell.startswith("{"):
        return cell
    try:
        decoded = json.loads(f"[{cell}]")
    except (ValueError, RecursionError):
        return cell
    segments = decoded
    if len(decoded) == 1 and isinstance(decoded[0], dict) and isinstance(decoded[0].get("takeoutSegments"), list):
        segments = decoded[0]["takeoutSegments"]
    return "".join(s["text"] for s in segments if isinstance(s, dict) and isinstance(s.get("text"), str)).strip()


def _json_cell(cell: str) -> bool:
    return cell.lstrip().startswith(('{"text"', '{"takeoutSegments"'))


def _role(header: list[str], name: str) -> str | None:
    """What a YouTube CSV holds, from its (English) header; None when Offduty does not read it."""
    cells = {c.lower() for c in header}
    low = name.lower()
    if "live chat text" in cells or "live chat id" in cells:
        return "live_chat"
    if "comment text" in cells or "comment id" in cells:
        return "comments"
    for marker, role in (("channel vanity url 1 name", "handle"), ("video recording latitude", "recording"),
                         ("video default location latitude", "feature"), ("video title (original)", "videos"),
                         ("playlist title (original)", "playlists"), ("channel title (original)", "channel")):
        if marker in cells:
            return role
    if low.endswith("channel.csv") and "channel id" in cells:
        return "channel"
    return None


def _comment_rows(ctx: ReadContext, name: str, kind: str) -> Iterator[Item]:
    """Comments or live chat messages, in any language: the text cell is JSON, the time an ISO time."""
    for index, row in rows(ctx, name):
        column, raw = get(row, "comment text", "live chat text")
        if not raw:
            column, raw = next(((h, v) for h, v in row.items() if _json_cell(v)), ("", ""))
        text = comment_text(raw)
        if not text:
            continue
        when = _row_time(row, "comment create timestamp", "live chat create timestamp")
        video = value(row, "video id") or next((v for v in row.values() if _VIDEO_ID.fullmatch(v)), "")
        comment = value(row, "comment id", "live chat id") or next((v for v in row.values() if v.startswith("Ug")), "")
        post = value(row, "post id")
        url = f"{_WATCH}{video}&lc={comment}" if video and comment else f"{_WATCH}{video}" if video else (
            f"https://www.youtube.com/post/{post}" if post else None)
        extra = details(("kind", "live chat" if kind == "live_chat" else ""), ("video_id", video),
                        ("reply", "true" if value(row, "parent comment id") else ""))
        yield Item(Platform.YOUTUBE, ItemKind.COMMENT, ctx.source(name, pointer(index, column), when, url),
                   text=text[:20000], audience=Audience.PUBLIC, details=extra)


def _row_time(row: dict[str, str], *columns: str) -> datetime | None:
    when = parse_time(value(row, *columns))
    if when is None:  # translated headers: the first cell that reads as a time
        when = next((t for v in row.values() if v[:4].isdigit() and (t := parse_time(v)) is not None), None)
    return when


def _channel(ctx: ReadContext, name: str, kind: str) -> Iterator[Item]:
    for index, row in rows(ctx, name):
        for columns, fld in ((("channel title (original)", "channel title"), ProfileField.NAME),
                             (("channel description (original)", "channel description"), ProfileField.BIO)):
            column, text = get(row, *columns)
            if text:
                yield Item(Platform.YOUTUBE, ItemKind.PROFILE_FIELD, ctx.source(name, pointer(index, column)),
                           text=text[:5000], field=fld, audience=Audience.PUBLIC)
        column, country = get(row, "channel country")
        if country:
            yield Item(Platform.YOUTUBE, ItemKind.PROFILE_FIELD, ctx.source(name, pointer(index, column)),
                       text=country, field=ProfileField.OTHER, audience=Audience.PUBLIC, details=(("name", "country"),))
        column, shown = get(row, "channel visibility")
        if shown:
            yield Item(Platform.YOUTUBE, ItemKind.SETTING, ctx.source(name, pointer(index, column)),
                       text="everyone" if shown.lower() == "public" else shown.lower(),
                       field=SettingName.PROFILE_VISIBILITY, details=(("as_written", shown),))


def _handle(ctx: ReadContext, name: str, kind: str) -> Iterator[Item]:
    for index, row in rows(ctx, name):
        for column in ("channel vanity url 1 name", "channel vanity url 2 name"):
            real, text = get(row, column)
            if text:
                yield Item(Platform.YOUTUBE, ItemKind.PROFILE_FIELD, ctx.source(name, pointer(index, real)),
                           text=text[:200], field=ProfileField.USERNAME, audience=Audience.PUBLIC)


def _located(ctx: ReadContext, name: str, kind: str) -> Iterator[Item]:
    """Where uploads were recorded, and the default location given to every new upload."""
    prefix = "video recording" if kind == "recording" else "video default location"
    for index, row in rows(ctx, name):
        where = point(to_float(value(row, f"{prefix} latitude")), to_float(value(row, f"{prefix} longitude")))
        address = value(row, f"{prefix} address", "video recording address")
        if where is None and not address:
            continue
        column = get(row, f"{prefix} latitude", f"{prefix} address")[0]
        video = value(row, "video id")
        item_kind = ItemKind.VIDEO if kind == "recording" else ItemKind.CHECKIN
        yield Item(Platform.YOUTUBE, item_kind, ctx.source(name, pointer(index, column), url=(
            f"{_WATCH}{video}" if video else None)), text=address, location=where, audience=Audience.PUBLIC,
            details=details(("source", "youtube " + prefix), ("address", address), ("video_id", video)))


def _uploads(ctx: ReadContext, name: str, kind: str) -> Iterator[Item]:
    """Titles and descriptions of uploaded videos and playlists, with who can see them."""
    noun = "video" if kind == "videos" else "playlist"
    for index, row in rows(ctx, name):
        shown = value(row, "privacy", "playlist visibility", "video privacy")
        audience = _AUDIENCE.get(shown.lower(), Audience.UNKNOWN)
        when = parse_time(value(row, f"{noun} publish timestamp", f"{noun} create timestamp"))
        video = value(row, "video id") if kind == "videos" else ""
        for column in (f"{noun} title (original)", f"{noun} description (original)"):
            real, text = get(row, column)
            if text:
                yield Item(Platform.YOUTUBE, ItemKind.POST,
                           ctx.source(name, pointer(index, real), when, f"{_WATCH}{video}" if video else None),
                           text=text[:20000], audience=audience, details=details(("kind", noun), ("privacy", shown)))


_PARSERS: dict[str, Callable[[ReadContext, str, str], Iterator[Item]]] = {
    "channel": _channel, "handle": _handle, "feature": _located, "recording": _located, "videos": _uploads,
    "playlists": _uploads, "comments": _comment_rows, "live_chat": _comment_rows,
}
_ORDER = tuple(_PARSERS)


def _classify(ctx: ReadContext, name: str) -> str | None:
    header = first_row(ctx, name)
    role = _role(header, name)
    if role is None and not name.lower().endswith(("subscriptions.csv", "-videos.csv")):
        for _index, row in rows(ctx, name):  # translated headers: comments are known by their text
            if any(_json_cell(v) for v in row.values()):
                role = "live_chat" if "live" in name.lower() else "comments"
            break
    return role


def read_youtube(ctx: ReadContext, names: list[str]) -> Iterator[Item]:
    """Items of the YouTube members among `names` (members of a Takeout or of a YouTube-only export)."""
    jobs = []
    for name in names:
        low = name.lower()
        if low.endswith(".csv"):
            role = _classify(ctx, name)
            if role is not None:
                jobs.append((role, name))
        elif low.endswith((".html", ".htm")) and _COMMENTS_PAGE.search(low.rsplit("/", 1)[-1]):
            jobs.append(("comments_html", name))
    jobs.sort(key=lambda rn: (_ORDER.index(rn[0]) if rn[0] in _ORDER else len(_ORDER), rn[1]))
    for role, name in jobs:
        ctx.cancel.raise_if_cancelled()
        if role == "comments_html":
            yield from _comments_html(ctx, name)
        else:
            yield from _PARSERS[role](ctx, name, role)


# The comments page's name in the account's language: my-comments, mis-comentarios, meine-kommentare...
_COMMENTS_PAGE = re.compile(r"comm?ent|komm?ent", re.I)
# "at 2021-03-04 17:05:09 UTC." (the words around it are in the account's language)
_PAGE_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?"
                        r"(?:\s*(?P<zone>[A-Za-z]{1,5}(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}:?\d{2}))?")
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$")
# Zone abbreviations Google writes, in minutes east of UTC; ambiguous ones (CST, IST, AST) are left out:
# a time in an unknown zone is not given rather than given wrong.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120, "MEZ": 60,
    "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "IDT": 180, "HKT": 480, "SGT": 480, "AWST": 480,
    "JST": 540, "KST": 540, "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "NST": -210, "NDT": -150, "ADT": -180, "EDT": -240, "EST": -300, "CDT": -300, "MDT": -360, "MST": -420,
    "PDT": -420, "PST": -480, "AKDT": -480, "AKST": -540, "HST": -600,
}


def _zone_minutes(zone: str) -> int | None:
    """Minutes east of UTC of a zone as the page writes it ("UTC", "PDT", "GMT+2", "+05:30"), or None."""
    zone = zone.strip().upper()
    if zone in _ZONES:
        return _ZONES[zone]
    found = _OFFSET.match(zone)
    if found is None:
        return None
    minutes = int(found.group(2)) * 60 + int(found.group(3) or 0)
    return -minutes if found.group(1) == "-" else minutes


def page_time(text: str) -> datetime | None:
    """The UTC time in a comment's heading ("You added a comment on a video at 2021-03-04 17:05:09
    UTC."), or None when there is none or its zone is unknown."""
    found = _PAGE_TIME.search(text)
    if found is None:
        return next((t for line in text.split("\n") if (t := parse_time(line)) is not None), None)
    minutes = 0 if found.group("zone") is None else _zone_minutes(found.group("zone"))
    if minutes is None:
        return None
    year, month, day, hour, minute, second = (int(found.group(k) or 0) for k in range(1, 7))
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None
    return local - timedelta(minutes=minutes)


def _comment_link(entry: Tag) -> tuple[str | None, str, bool]:
    """(the comment's address, the video's id, whether it is a reply) from the item's links."""
    for link in entry.find_all("a"):
        href = str(link.get("href") or "")
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        if parts.scheme in ("http", "https") and parts.netloc.endswith("youtube.com") and "lc" in query:
            video, comment = query.get("v", [""])[0], query["lc"][0]
            return f"{_WATCH}{video}&lc={comment}", video, "." in comment  # a reply's id: <parent>.<reply>
    return None, "", False


def _heading_and_words(entry: Tag) -> tuple[str, str]:
    """An item's heading (what, where, when) and the comment's words: the words follow the first
    line break; without one, they follow the line with the time."""
    parts: tuple[list[str], list[str]] = ([], [])
    side = 0
    for node in entry.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts[side].append("\n")
                side = 1
        elif type(node) is NavigableString:  # not an HTML comment or a declaration
            parts[side].append(str(node))
    if side:
        return "".join(parts[0]), "\n".join(t.strip() for t in "".join(parts[1]).split("\n") if t.strip())
    lines = [t.strip() for t in "".join(parts[0]).split("\n") if t.strip()]
    at = next((k for k, line in enumerate(lines) if page_time(line) is not None), None)
    if at is None:
        return "", ""
    return "\n".join(lines[: at + 1]), "\n".join(lines[at + 1:])


def _comments_html(ctx: ReadContext, name: str) -> Iterator[Item]:
    """Older Takeouts: `my-comments.html`, one list item per comment: "You added a <a>comment</a> on
    <a>a video</a> at 2021-03-04 17:05:09 UTC.<br/>the words" (a reply: "You <a>replied</a> to a
    <a>comment</a>..."), worded in the account's language. A comment whose time cannot be read is
    read without one; an item with no words has nothing to check."""
    soup = load_html(ctx, name, msg("reader.too_large"))
    if soup is None:
        return
    for index, entry in enumerate(soup.find_all("li")):
        heading, words = _heading_and_words(entry)
        if not words:
            continue
        url, video, reply = _comment_link(entry)
        yield Item(Platform.YOUTUBE, ItemKind.COMMENT, ctx.source(name, f"/li/{index}", page_time(heading), url),
                   text=words[:20000], audience=Audience.PUBLIC,
                   details=details(("video_id", video), ("reply", "true" if reply else "")))


class YouTubeReader(Reader):
    """YouTube data from Google Takeout, given on its own (the Takeout reader reads it inside a whole Takeout)."""

    spec = FormatSpec(
        "youtube", Platform.YOUTUBE, expected_file="YouTube and YouTube Music/comments/comments.csv",
        signs=(Sign(1.0, pattern=FOLDER.pattern, only=FOLDER.pattern + r"|(^|/)archive_browser\.html$"),
               Sign(0.9, paths=("comments.csv",), header=("Comment ID", "Channel ID", "Comment Create Timestamp")),
               Sign(0.9, paths=("comments.csv",), header=("Channel ID", "Comment Create Timestamp", "Price",
                                                           "Comment ID")),
               # a lone watch history: recognised, so the person is told it holds nothing they wrote
               Sign(0.7, paths=("watch-history.json", "search-history.json"), shape="array",
                    values=(("header", "YouTube"),))),
        folders=("youtube and youtube music", "youtube"))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        names = sorted(ctx.export.names())
        if not any(in_youtube(n) for n in names):
            yield from read_youtube(ctx, names)
        else:
            yield from read_youtube(ctx, [n for n in names if in_youtube(n)])
        ctx.progress(1.0)
