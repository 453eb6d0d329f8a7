"""Reader for a Mastodon account archive (`outbox.json`, `actor.json`, `media_attachments/`).

`outbox.json` is an ActivityStreams OrderedCollection; each `Create` holds a `Note` whose
`content` is HTML (turned into text with BeautifulSoup). Who could see it comes from `to`/`cc`:
the Public collection means public (or unlisted), the followers collection means followers
only, neither means a direct message to the people mentioned. Boosts (`Announce`) are other
people's posts and are not read. `actor.json` gives the display name, bio, the profile's
name/value fields (`attachment` PropertyValue pairs: where many people write their job or
town), and the settings `discoverable`, `indexable` and `manuallyApprovesFollowers`.
Attached media present in the archive are checked for photo metadata. Streamed with ijson.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.exif import PHOTO_SUFFIXES, photo_item
from checks.readers.geo_parse import parse_time
from checks.readers.jsonstream import READ_ERRORS, as_strs, bytes_read, load_small, open_json, reason_for, stream_at
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName, msg

PUBLIC = ("https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public")
MAX_ACTOR = 16 * 1024 * 1024

_FIELD_WORDS = (
    (("web", "site", "blog", "home page", "homepage", "url", "link"), ProfileField.WEBSITE),
    (("location", "city", "town", "lives", "based", "where", "from", "home"), ProfileField.CITY),
    (("work", "job", "employer", "occupation", "profession", "day job"), ProfileField.EMPLOYER),
    (("pronoun",), ProfileField.GENDER),
    (("birthday", "born", "age"), ProfileField.BIRTH_DATE),
    (("email", "e-mail", "mail"), ProfileField.EMAIL),
    (("phone", "mobile", "tel"), ProfileField.PHONE),
)


def html_text(html: object) -> str:
    """Plain text of a post's HTML: paragraphs and line breaks become new lines."""
    if not isinstance(html, str) or not html:
        return ""
    if "<" not in html and "&" not in html:
        return html.strip()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for p in soup.find_all("p"):
        p.append("\n\n")
    return "\n".join(line.strip() for line in soup.get_text().strip().splitlines()).strip()


def audience_of(obj: dict[str, Any]) -> Audience:
    to, cc = as_strs(obj.get("to")), as_strs(obj.get("cc"))
    if any(a in PUBLIC for a in to + cc):
        return Audience.PUBLIC
    if any(a.endswith("/followers") for a in to + cc):
        return Audience.FRIENDS
    if to or cc:
        return Audience.PRIVATE
    return Audience.UNKNOWN


def _field_for(name: str) -> ProfileField:
    low = name.lower()
    for words, fld in _FIELD_WORDS:
        if any(w in low for w in words):
            return fld
    return ProfileField.OTHER


class MastodonReader(Reader):
    spec = FormatSpec(
        "mastodon", Platform.MASTODON,
        signs=(Sign(1.0, paths=("outbox.json",), also=(Sign(0, paths=("actor.json",)),)),
               Sign(0.9, paths=("outbox.json",), keys=("@context",), values=(("type", "OrderedCollection"),))),
        folders=("media_attachments",), expected_file="outbox.json")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        actors = sorted(ctx.export.find("actor.json"), key=lambda m: m.name.count("/"))
        if actors:
            yield from self._actor(ctx, actors[0].name)
        ctx.progress(0.05)
        outboxes = sorted(ctx.export.find("outbox.json"), key=lambda m: m.name.count("/"))
        if outboxes:
            yield from self._outbox(ctx, outboxes[0].name)
        ctx.progress(1.0)

    def _media_member(self, ctx: ReadContext, url: str, base: str) -> str | None:
        path = url.split("://", 1)[-1] if "://" in url else url
        path = path.lstrip("/")
        for cand in (path, base + path):
            if cand in ctx.export:
                member = ctx.export.member(cand)
                return member.name if member else None
        return None

    def _actor(self, ctx: ReadContext, name: str) -> Iterator[Item]:
        actor = load_small(ctx, name, MAX_ACTOR)
        if actor is None:
            return
        if not isinstance(actor, dict):
            ctx.skip(name, msg("reader.mastodon.not_profile"))
            return
        url = str(actor["url"]) if isinstance(actor.get("url"), str) else None
        for key, fld in (("name", ProfileField.NAME), ("preferredUsername", ProfileField.USERNAME)):
            value = actor.get(key)
            if isinstance(value, str) and value.strip():
                yield Item(self.platform, ItemKind.PROFILE_FIELD, ctx.source(name, jp.pointer(key), url=url),
                           text=value.strip()[:500], field=fld, audience=Audience.PUBLIC)
        bio = html_text(actor.get("summary"))
        if bio:
            yield Item(self.platform, ItemKind.PROFILE_FIELD, ctx.source(name, "/summary", url=url), text=bio[:5000],
                       field=ProfileField.BIO, audience=Audience.PUBLIC)
        attachments = actor.get("attachment")
        for index, entry in enumerate(attachments if isinstance(attachments, list) else []):
            if not isinstance(entry, dict) or entry.get("type") != "PropertyValue":
                continue
            label = str(entry.get("name")) if isinstance(entry.get("name"), str) else ""
            value = html_text(entry.get("value"))
            if value:
                yield Item(self.platform, ItemKind.PROFILE_FIELD,
                           ctx.source(name, jp.pointer("attachment", index, "value"), url=url),
                           text=value[:1000], field=_field_for(label), audience=Audience.PUBLIC,
                           details=(("name", label[:200]),))
        for key, setting, invert in (("discoverable", SettingName.DISCOVERABLE, False),
                                     ("indexable", SettingName.SEARCH_ENGINE_INDEXING, False),
                                     ("manuallyApprovesFollowers", SettingName.PRIVATE_ACCOUNT, False)):
            value = actor.get(key)
            if isinstance(value, bool):
                on = value != invert
                yield Item(self.platform, ItemKind.SETTING, ctx.source(name, jp.pointer(key)),
                           text="true" if on else "false", field=setting)
        base = name[: -len("actor.json")]
        for key in ("icon", "image"):
            media = actor.get(key)
            if isinstance(media, dict) and isinstance(media.get("url"), str):
                member_name = self._media_member(ctx, media["url"], base)
                if member_name and member_name.lower().endswith(PHOTO_SUFFIXES):
                    item = photo_item(ctx, member_name, self.platform, "Mastodon profile picture")
                    if item is not None:
                        yield item

    def _outbox(self, ctx: ReadContext, name: str) -> Iterator[Item]:
        member = ctx.export.member(name)
        size = max(member.size if member else 1, 1)
        base = name[: -len("outbox.json")]
        count = 0
        try:
            with open_json(ctx, name) as stream:
                for _prefix, ptr, activity in stream_at(stream, ["orderedItems.item"]):
                    count += 1
                    if count % 500 == 0:
                        ctx.cancel.raise_if_cancelled()
                        ctx.progress(0.05 + 0.95 * min(bytes_read(stream) / size, 1.0), name)
                    if isinstance(activity, dict) and activity.get("type") == "Create":
                        yield from self._note(ctx, name, ptr, activity, base)
        except READ_ERRORS as exc:
            ctx.skip(name, reason_for(exc))

    def _note(self, ctx: ReadContext, name: str, ptr: str, activity: dict[str, Any], base: str) -> Iterator[Item]:
        obj = activity.get("object")
        if not isinstance(obj, dict):
            return
        when = parse_time(obj.get("published") or activity.get("published"))
        url = str(obj["url"]) if isinstance(obj.get("url"), str) else None
        audience = audience_of(obj) if (obj.get("to") or obj.get("cc")) else audience_of(activity)
        kind = ItemKind.COMMENT if obj.get("inReplyTo") else ItemKind.POST
        if audience is Audience.PRIVATE:
            kind = ItemKind.MESSAGE
        text = html_text(obj.get("content"))
        warning = str(obj["summary"]) if isinstance(obj.get("summary"), str) else ""
        raw_attachments = obj.get("attachment")
        attachments: list[Any] = raw_attachments if isinstance(raw_attachments, list) else []
        media_names: list[str] = []
        for att in attachments:
            if isinstance(att, dict) and isinstance(att.get("url"), str):
                member_name = self._media_member(ctx, att["url"], base)
                if member_name:
                    media_names.append(member_name)
        details: list[tuple[str, str]] = []
        if warning:
            details.append(("content_warning", warning[:300]))
        for att in attachments:
            if isinstance(att, dict) and isinstance(att.get("name"), str) and att["name"].strip():
                details.append(("alt_text", att["name"].strip()[:500]))
        if text or media_names:
            yield Item(self.platform, kind, ctx.source(name, jp.join(ptr, "object", "content"), when, url),
                       text=text[:20000], audience=audience, media=media_names[0] if media_names else None,
                       details=tuple(details))
        for member_name in media_names:
            if member_name.lower().endswith(PHOTO_SUFFIXES):
                item = photo_item(ctx, member_name, self.platform, "Mastodon post")
                if item is not None:
                    yield Item(item.platform, item.kind, ctx.source(item.source.file, "", item.source.timestamp or when,
                                                                    url), location=item.location, media=item.media,
                               audience=audience, details=item.details)
