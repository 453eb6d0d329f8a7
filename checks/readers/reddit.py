"""Reader for Reddit's data request export (a flat zip of CSV files, reddit.com/settings/data-request).

Reads the person's own words: `posts.csv` (`id,permalink,date,ip,subreddit,gildings,title,url,body`,
without the `ip` column before 2024: title and body), `comments.csv` (`...,link,parent,body,media`),
`drafts.csv`, `scheduled_posts.csv`,
and the private messages and chats they sent (`messages.csv` or `messages_archive.csv`, and
`chat_history.csv`, whose rows are theirs when `from` / `username` is the account's own name).
Identity: `statistics.csv` (account name, e-mail address), `linked_phone_number.csv`,
`birthdate.csv`, `account_gender.csv`, the linked `twitter.csv` handle. Settings:
`user_preferences.csv` (whether the profile shows up in search results). Votes, saves, hidden
posts, subscriptions, purchases and login IPs are not read. Dates are `2023-01-15 12:34:56 UTC`.
Every CSV is streamed; pointers are `/<data row from 0>/<column>`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checks.pointer import pointer
from checks.readers.base import ReadContext, Reader
from checks.readers.csvstream import Row, get, rows, value
from checks.readers.geo_parse import parse_time
from checks.readers.jsonstream import details
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, SettingName, msg

_BASE = "https://www.reddit.com"


@dataclass
class _Account:
    """The account's own name, which tells the messages it sent from those it received."""

    name: str = ""


def _url(permalink: str) -> str | None:
    if permalink.startswith("https://"):
        return permalink
    return _BASE + permalink if permalink.startswith("/") else None


def _item(ctx: ReadContext, name: str, kind: ItemKind, index: int, column: str, row: dict[str, str],
          **fields: object) -> Item:
    when = parse_time(value(row, "date", "created", "created_at", "submission_time"))
    url = _url(value(row, "permalink"))
    return Item(Platform.REDDIT, kind, ctx.source(name, pointer(index, column), when, url), **fields)  # type: ignore[arg-type]


def _written(ctx: ReadContext, name: str, kind: ItemKind, audience: Audience, row_items: Iterator[Row],
             columns: tuple[str, ...]) -> Iterator[Item]:
    """The title and body (or comment) of each row, each its own item."""
    for index, row in row_items:
        extra = details(("subreddit", value(row, "subreddit")), ("ip", value(row, "ip")),
                        ("link", value(row, "url", "link")))
        for column in columns:
            real, text = get(row, column)
            if text:
                yield _item(ctx, name, kind, index, real, row, text=text[:20000], audience=audience, details=extra)


def _posts(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    yield from _written(ctx, name, ItemKind.POST, Audience.PUBLIC, rows(ctx, name), ("title", "body"))


def _comments(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    yield from _written(ctx, name, ItemKind.COMMENT, Audience.PUBLIC, rows(ctx, name), ("body",))


def _drafts(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    yield from _written(ctx, name, ItemKind.POST, Audience.PRIVATE, rows(ctx, name), ("title", "body"))


def _messages(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    """Messages (and chats) the account sent; received ones are other people's words."""
    if not account.name:
        ctx.skip(name, msg("reader.reddit.messages_no_account"))
        return
    own = account.name.lower()
    for index, row in rows(ctx, name):
        sender = value(row, "from", "username").lower().removeprefix("u/")
        if sender != own:
            continue
        for column in ("subject", "body", "message"):
            real, text = get(row, column)
            if text:
                yield _item(ctx, name, ItemKind.MESSAGE, index, real, row, text=text[:20000],
                            audience=Audience.PRIVATE, details=details(("to", value(row, "to"))))


def _identity(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    """One-row identity files: the linked phone, birth date, gender, linked X handle."""
    columns = (("phone_number", ProfileField.PHONE), ("birthdate", ProfileField.BIRTH_DATE),
               ("verified_birthdate", ProfileField.BIRTH_DATE), ("account_gender", ProfileField.GENDER),
               ("username", ProfileField.USERNAME))
    for index, row in rows(ctx, name):
        for column, fld in columns:
            real, text = get(row, column)
            if text:
                yield Item(Platform.REDDIT, ItemKind.PROFILE_FIELD, ctx.source(name, pointer(index, real)),
                           text=text[:200], field=fld, audience=Audience.PRIVATE,
                           details=details(("file", name.rsplit("/", 1)[-1])))


_STATISTICS = {"account name": ProfileField.USERNAME, "email address": ProfileField.EMAIL,
               "email": ProfileField.EMAIL}


def _statistics(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    for index, row in rows(ctx, name):
        statistic = value(row, "statistic").lower()
        real, text = get(row, "value")
        fld = _STATISTICS.get(statistic)
        if fld is None or not text:
            continue
        if fld is ProfileField.USERNAME:
            account.name = account.name or text
        yield Item(Platform.REDDIT, ItemKind.PROFILE_FIELD, ctx.source(name, pointer(index, real)),
                   text=text[:200], field=fld,
                   audience=Audience.PUBLIC if fld is ProfileField.USERNAME else Audience.PRIVATE)


# user_preferences.csv: preference -> (setting, whether "true" means the setting is on)
_PREFERENCES: dict[str, tuple[SettingName, bool]] = {
    "hide_from_robots": (SettingName.SEARCH_ENGINE_INDEXING, False),
    "show_up_in_search_results": (SettingName.SEARCH_ENGINE_INDEXING, True),
}


def _preferences(ctx: ReadContext, name: str, account: _Account) -> Iterator[Item]:
    for index, row in rows(ctx, name):
        key = value(row, "preference").lower().replace(" ", "_")
        real, text = get(row, "value")
        rule = _PREFERENCES.get(key)
        flag = text.strip().lower()
        if rule is None or flag not in ("true", "false"):
            continue
        setting, same = rule
        on = (flag == "true") == same
        yield Item(Platform.REDDIT, ItemKind.SETTING, ctx.source(name, pointer(index, real)),
                   text="true" if on else "false", field=setting, details=(("preference", key),))


_PARSERS: dict[str, Callable[[ReadContext, str, _Account], Iterator[Item]]] = {
    "statistics.csv": _statistics,
    "user_preferences.csv": _preferences,
    "linked_phone_number.csv": _identity,
    "birthdate.csv": _identity,
    "account_gender.csv": _identity,
    "twitter.csv": _identity,
    "posts.csv": _posts,
    "comments.csv": _comments,
    "drafts.csv": _drafts,
    "scheduled_posts.csv": _drafts,
    "messages.csv": _messages,
    "messages_archive.csv": _messages,
    "chat_history.csv": _messages,
}
_ORDER = tuple(_PARSERS)


class RedditReader(Reader):
    """Reddit data request export (CSV files)."""

    spec = FormatSpec(
        "reddit-csv", Platform.REDDIT,
        signs=(Sign(1.0, paths=("posts.csv", "comments.csv", "post_headers.csv", "comment_headers.csv"),
                    header=("id", "permalink", "date")),
               Sign(0.9, paths=("statistics.csv",), header=("statistic", "value")),
               Sign(0.9, paths=("messages.csv", "messages_archive.csv"), header=("id", "permalink", "thread_id")),
               Sign(0.9, paths=("chat_history.csv",), header=("message_id", "created_at", "updated_at", "username")),
               Sign(0.8, paths=("checkfile.csv",), header=("filename", "sha256")),
               Sign(0.7, paths=("post_votes.csv",), header=("id", "permalink", "direction")),
               Sign(0.7, paths=("ip_logs.csv",), header=("date", "ip")),
               Sign(0.7, named=r"^export_[^/]+_\d{8}\.zip$", also=(Sign(0, paths=("statistics.csv",)),))),
        expected_file="posts.csv")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        found = [(m.name.rsplit("/", 1)[-1].lower(), m) for m in ctx.export.members()]
        found = [(base, m) for base, m in found if base in _PARSERS]
        found.sort(key=lambda bm: (_ORDER.index(bm[0]), bm[1].name))
        account = _Account()
        total = sum(max(m.size, 1) for _, m in found) or 1
        done = 0
        for base, member in found:
            ctx.cancel.raise_if_cancelled()
            ctx.progress(done / total, member.name)
            yield from _PARSERS[base](ctx, member.name, account)
            done += max(member.size, 1)
        if not found:
            ctx.note(msg("reader.reddit.no_files"))
        ctx.progress(1.0)
