"""Reader for Threads data: the `threads/` folder of Meta's export (inside the Instagram export, or on
its own for a Threads-only request) and a `threads_and_replies.json` given alone.

`threads_and_replies.json` is `{"text_post_app_text_posts": [...]}`: each post is a `media` list
even for text only (an entry with an empty `uri` and the text in `title`), sometimes with the
text and `creation_timestamp` at the post level too. `media[].text_app_post.is_reply` marks a
reply (its parent is not in the export), `reply_control` says who may reply, and
`cross_post_source` where it was shared to. Photos keep Meta's `media_metadata.exif_data`.
`personal_information.json` is `{"text_post_app_text_post_app_profile": [{"string_map_data": ...}]}`
with the account's labels (Username, Name, Bio, Link, Email, Phone Number, Private Account) in its
language. Posts are public unless the profile is private. Followers, likes, saved and viewed
threads are other people's content and are not read. Meta's mojibake is fixed; files are streamed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from checks.pointer import join
from checks.readers.base import ReadContext, Reader
from checks.readers.jsonstream import (
    as_dict,
    as_list,
    as_str,
    details,
    from_epoch,
    guarded,
    open_json,
    stream_records,
)
from checks.readers.meta_text import MediaFacts, fix, fix_tree, member_for, personal_fields
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, SettingName, msg

POSTS_KEY = "text_post_app_text_posts"
PROFILE_KEY = "text_post_app_text_post_app_profile"


def threads_kind(name: str) -> str | None:
    """What a member of a Threads (or Instagram) export is to this reader, else None."""
    low = name.lower()
    base = low.rsplit("/", 1)[-1]
    inside = low.startswith("threads/") or "/threads/" in low
    if base == "threads_and_replies.json":
        return "posts"
    if inside and base == "personal_information.json":
        return "profile"
    if inside and base.endswith((".html", ".htm")) and base.startswith("threads_and_replies"):
        return "html"
    return None


@dataclass
class _Account:
    """What the profile says that the posts need: whether the account is private."""

    private: bool | None = None

    @property
    def audience(self) -> Audience:
        return Audience.FRIENDS if self.private else Audience.PUBLIC


def read_threads(ctx: ReadContext, members: list[tuple[str, str]]) -> Iterator[Item]:
    """Items of the Threads members given as (kind, name): the profile first, then the posts."""
    account = _Account()
    ordered = sorted(members, key=lambda km: (("profile", "posts", "html").index(km[0]), km[1].lower()))
    if ordered and all(kind == "html" for kind, _ in ordered):
        ctx.note(msg("reader.threads.html_only"))
    for kind, name in ordered:
        ctx.cancel.raise_if_cancelled()
        if kind == "profile":
            yield from guarded(ctx, name, functools.partial(_profile, ctx, name, account))
        elif kind == "posts":
            yield from guarded(ctx, name, functools.partial(_posts, ctx, name, account))


def _profile(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    with open_json(ctx, name) as stream:
        for ptr, record in stream_records(stream, (PROFILE_KEY,)):
            smd = as_dict(as_dict(record).get("string_map_data"))
            for item in personal_fields(ctx, Platform.THREADS, name, smd, join(ptr, "string_map_data")):
                if item.kind is ItemKind.SETTING and item.field == SettingName.PRIVATE_ACCOUNT:
                    account.private = item.text == "true"
                yield item


def _posts(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    with open_json(ctx, name) as stream:
        for ptr, record in stream_records(stream, (POSTS_KEY,), lone=False):
            ctx.cancel.raise_if_cancelled()
            post = as_dict(record)
            if post:
                yield from _post_items(ctx, name, fix_tree(post), ptr, account.audience)


def _post_items(ctx: ReadContext, name: str, post: dict[str, Any], ptr: str, audience: Audience) -> Iterator[Item]:
    medias = [as_dict(m) for m in as_list(post.get("media"))]
    first = medias[0] if medias else {}
    text, text_at = as_str(post.get("title")), join(ptr, "title")
    if not text and first:
        text, text_at = as_str(first.get("title")), join(ptr, "media", 0, "title")
    when = from_epoch(post.get("creation_timestamp")) or from_epoch(first.get("creation_timestamp"))
    facts = _post_facts(first)
    kind = ItemKind.COMMENT if ("kind", "reply") in facts else ItemKind.POST
    if text:
        yield Item(Platform.THREADS, kind, ctx.source(name, text_at, when), text=fix(text), audience=audience,
                   details=facts)
    for index, media in enumerate(medias):
        item = _media_item(ctx, name, media, join(ptr, "media", index), when, audience)
        if item is not None:
            yield item


def _post_facts(media: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    app = as_dict(media.get("text_app_post"))
    reply = app.get("is_reply")
    return details(("kind", "reply" if reply is True or as_str(reply).lower() == "true" else ""),
                   ("reply_control", app.get("reply_control")),
                   ("shared_to", as_dict(media.get("cross_post_source")).get("source_app")))


def _media_item(ctx: ReadContext, name: str, media: dict[str, Any], ptr: str, when: datetime | None,
                audience: Audience) -> Item | None:
    facts = MediaFacts(media, ptr)
    if not facts.uri and not facts.location:
        return None
    return Item(Platform.THREADS, ItemKind.VIDEO if facts.video else ItemKind.PHOTO,
                ctx.source(name, facts.pointer, facts.time or when), location=facts.location,
                media=member_for(ctx.export, facts.uri), audience=audience, details=tuple(facts.facts))


class ThreadsReader(Reader):
    """Threads data on its own (the Instagram reader reads the same files inside an Instagram export)."""

    spec = FormatSpec(
        "threads", Platform.THREADS,
        signs=(Sign(1.0, pattern=r"(^|/)threads/threads_and_replies\.(json|html?)$",
                    only=r"(^|/)threads/|(^|/)media/|^[^/\n]+\.html?$"),
               Sign(0.95, paths=("threads_and_replies.json",), keys=(POSTS_KEY,))),
        folders=("threads",), expected_file="threads/threads_and_replies.json")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        members = [(kind, m.name) for m in ctx.export.members() if (kind := threads_kind(m.name))]
        if not members:
            ctx.note(msg("reader.threads.no_files"))
            return
        yield from read_threads(ctx, members)
        ctx.progress(1.0)
