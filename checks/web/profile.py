"""The public-profile check: fetch the person's own profiles as a logged-out stranger, turn what is
visible into Items for the same detectors, and say plainly what could and could not be seen.

Accepted targets: profile addresses (X, Instagram, Facebook, LinkedIn, TikTok, a personal website),
Mastodon handles or profile addresses (read through the server's public API), and Bluesky handles
or bsky.app addresses (read through Bluesky's public AppView API). `plan(targets)` says exactly
what will be fetched, so the window and the command line can ask first: each line names the host
redirects may stay within and the time limit (`checks/web/fetch.py` keeps both). What each check
could and could not see is said in codes (`[web]` in the words catalogue).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

import requests
from bs4 import BeautifulSoup

from checks import pointer as jp
from checks.records import (
    Audience,
    InputSummary,
    Item,
    ItemKind,
    Message,
    Platform,
    ProfileField,
    SettingName,
    Source,
    msg,
)
from checks.report.masking import safe_text
from checks.report.words import say
from checks.web.fetch import CHECK_DEADLINE_S, PAGE_DEADLINE_S, Fetched, fetch, new_session
from checks.web.page import read_page

BLUESKY_APPVIEW = "https://public.api.bsky.app"

_SITES = {
    "x.com": "x", "twitter.com": "x", "mobile.twitter.com": "x",
    "instagram.com": "instagram", "facebook.com": "facebook", "m.facebook.com": "facebook",
    "linkedin.com": "linkedin", "uk.linkedin.com": "linkedin", "tiktok.com": "tiktok",
    "bsky.app": "bluesky", "threads.net": "threads", "threads.com": "threads",
}
_SITE_NAMES = {"x": msg("web.site.x"), "instagram": msg("web.site.instagram"), "facebook": msg("web.site.facebook"),
               "linkedin": msg("web.site.linkedin"), "tiktok": msg("web.site.tiktok"),
               "bluesky": msg("web.site.bluesky"), "mastodon": msg("web.site.mastodon"),
               "threads": msg("web.site.threads"), "website": msg("web.site.website")}

_FIELD_MAP = {
    "jobTitle": ProfileField.JOB_TITLE, "worksFor": ProfileField.EMPLOYER, "affiliation": ProfileField.EMPLOYER,
    "address": ProfileField.ADDRESS, "homeLocation": ProfileField.CITY, "birthDate": ProfileField.BIRTH_DATE,
    "telephone": ProfileField.PHONE, "email": ProfileField.EMAIL, "name": ProfileField.NAME,
    "alternateName": ProfileField.NAME, "alumniOf": ProfileField.EDUCATION, "spouse": ProfileField.PARTNER,
    "children": ProfileField.FAMILY_MEMBER, "description": ProfileField.BIO, "bio": ProfileField.BIO,
    "og:description": ProfileField.BIO, "twitter:description": ProfileField.BIO, "description-meta":
    ProfileField.BIO, "og:locality": ProfileField.CITY, "og:street-address": ProfileField.ADDRESS,
    "og:postal-code": ProfileField.POSTCODE, "rel-me": ProfileField.WEBSITE,
}


@dataclass(frozen=True)
class Target:
    """One thing the person asked to check."""

    given: str
    kind: str  # "page", "mastodon", "bluesky"
    site: str  # "x", "instagram", ..., "mastodon", "bluesky", "website"
    url: str  # the page or API base
    handle: str = ""

    def describe(self) -> list[Message]:
        """Exactly what will be fetched, one Message a request."""
        limits = msg("web.plan.limits", host=urlsplit(self.url).hostname or "?",
                     seconds=round(CHECK_DEADLINE_S if self.kind != "page" else PAGE_DEADLINE_S))
        if self.kind == "mastodon":
            return [msg("web.plan.mastodon", host=urlsplit(self.url).netloc, handle=self.handle, posts=40,
                        limits=limits)]
        if self.kind == "bluesky":
            return [msg("web.plan.bluesky", host=urlsplit(self.url).netloc, handle=self.handle, posts=50,
                        limits=limits)]
        return [msg("web.plan.page", url=self.url, limits=limits)]


def parse_target(given: str, bluesky_appview: str = BLUESKY_APPVIEW) -> Target:
    """Turn what the person typed (an address or a handle) into a Target."""
    text = given.strip()
    mastodon_handle = re.fullmatch(r"@?([A-Za-z0-9_]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})", text)
    if mastodon_handle:
        user, host = mastodon_handle.groups()
        return Target(given, "mastodon", "mastodon", f"https://{host}", user)
    bluesky_handle = re.fullmatch(r"@?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.bsky\.social|did:plc:[a-z0-9]+)", text)
    if bluesky_handle:
        return Target(given, "bluesky", "bluesky", bluesky_appview, bluesky_handle.group(1))
    if not re.match(r"^[a-z]+://", text, re.I):
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    site = _SITES.get(host, "")
    if site == "bluesky":
        match = re.match(r"^/profile/([^/]+)", parts.path)
        if match:
            return Target(given, "bluesky", "bluesky", bluesky_appview, match.group(1))
    if not site:
        mastodon_path = re.fullmatch(r"/@([A-Za-z0-9_]+)/?", parts.path)
        if mastodon_path:
            return Target(given, "mastodon", "mastodon", f"{parts.scheme}://{parts.netloc}", mastodon_path.group(1))
    return Target(given, "page", site or "website", text)


def plan(targets: Sequence[str], bluesky_appview: str = BLUESKY_APPVIEW) -> list[Message]:
    """One line per request Offduty would make, to show before asking."""
    lines: list[Message] = []
    for given in targets:
        lines.extend(parse_target(given, bluesky_appview).describe())
    return lines


@dataclass(frozen=True)
class CheckResult:
    """What one target showed: a summary for `inputs[]` and the items for the detectors."""

    summary: InputSummary
    items: tuple[Item, ...]


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _html_text(html: str) -> str:
    return re.sub(r"\s+", " ", BeautifulSoup(html or "", "html.parser").get_text(" ")).strip()


def _item(site: str, file: str, fact_field: str, text: str, pointer: str = "", when: str | None = None,
          url: str | None = None, kind: ItemKind | None = None) -> Item:
    profile_field = _FIELD_MAP.get(fact_field)
    is_post = fact_field == "post" or kind is ItemKind.POST
    return Item(
        platform=Platform.WEB,
        kind=ItemKind.POST if is_post else (kind or ItemKind.PROFILE_FIELD),
        source=Source(input=0, file=file, pointer=pointer, timestamp=_when(when), url=url or file),
        text=text,
        field=None if is_post else (profile_field or ProfileField.OTHER),
        audience=Audience.PUBLIC,
        details=(("site", site), ("page_field", fact_field)),
    )


def _check_page(target: Target, session: requests.Session, deadline: float | None = None) -> CheckResult:
    name = _SITE_NAMES.get(target.site, target.site)
    got = fetch(target.url, session, deadline=deadline)
    if got.error:
        return CheckResult(_summary(target, 0, False, msg("web.unreachable", error=got.error)), ())
    if got.status in (401, 403, 429, 999):
        return CheckResult(_summary(target, 0, True, msg("web.refused", site=name, status=got.status)), ())
    if got.status == 404 or got.status == 410:
        return CheckResult(_summary(target, 0, True, msg("web.no_such_page", site=name, status=got.status)), ())
    if not got.ok:
        return CheckResult(_summary(target, 0, False, msg("web.answered", status=got.status)), ())
    reading = read_page(got.text(), got.final_url)
    if reading.login_wall:
        return CheckResult(_summary(target, 0, True, msg("web.login_wall", site=name)), ())
    items = tuple(_item(target.site, got.final_url, f.field if f.field != "description" else "description-meta",
                        f.text, f.pointer, f.published)
                  for f in reading.facts if f.field != "title")
    note = msg("web.private", site=name) if reading.private else msg("web.visible", site=name, count=len(items))
    if got.truncated:
        note = msg("web.truncated", note=note)
    return CheckResult(_summary(target, len(items), True, note), items)


def _get_json(url: str, session: requests.Session, deadline: float | None = None) -> tuple[Any, Fetched]:
    import json

    got = fetch(url, session, accept_json=True, deadline=deadline)
    if not got.ok:
        return None, got
    try:
        return json.loads(got.body.decode("utf-8", errors="replace")), got
    except ValueError:
        return None, got


def _visible(target: Target, site: str, items: list[Item]) -> CheckResult:
    return CheckResult(_summary(target, len(items), True, msg("web.visible", site=_SITE_NAMES[site], count=len(items))),
                       tuple(items))


def _check_mastodon(target: Target, session: requests.Session, deadline: float | None = None) -> CheckResult:
    lookup_url = f"{target.url}/api/v1/accounts/lookup?acct={quote(target.handle)}"
    account, got = _get_json(lookup_url, session, deadline)
    if not isinstance(account, dict) or "id" not in account:
        if got.error:
            return CheckResult(_summary(target, 0, False, msg("web.unreachable", error=got.error)), ())
        if got.status in (401, 403):
            return CheckResult(_summary(target, 0, True, msg("web.mastodon_closed")), ())
        # Not a Mastodon server after all: read it as a page.
        return _check_page(replace(target, kind="page", site="website", url=target.given
                                   if target.given.startswith("http") else f"{target.url}/@{target.handle}"),
                           session, deadline)
    profile_url = str(account.get("url") or f"{target.url}/@{target.handle}")
    items = _mastodon_profile(account, lookup_url, profile_url)
    statuses_url = f"{target.url}/api/v1/accounts/{quote(str(account['id']))}/statuses?limit=40&exclude_reblogs=true"
    statuses, _ = _get_json(statuses_url, session, deadline)
    items.extend(_mastodon_posts(statuses, statuses_url))
    return _visible(target, "mastodon", items)


def _mastodon_profile(account: dict[str, Any], file: str, profile_url: str) -> list[Item]:
    """Name, bio, profile fields and the two visibility settings of a Mastodon account."""
    items: list[Item] = []
    if account.get("display_name"):
        items.append(_item("mastodon", file, "name", str(account["display_name"]), "/display_name", url=profile_url))
    if account.get("note"):
        items.append(_item("mastodon", file, "bio", _html_text(str(account["note"])), "/note", url=profile_url))
    for i, prop in enumerate(account.get("fields") or []):
        if isinstance(prop, dict) and prop.get("value"):
            label = _html_text(str(prop.get("name", "")))
            value = _html_text(str(prop["value"]))
            items.append(replace(_item("mastodon", file, "bio", f"{label}: {value}", jp.pointer("fields", i, "value"),
                                       url=profile_url), details=(("site", "mastodon"), ("page_field", label))))
    for setting, key in ((SettingName.PRIVATE_ACCOUNT, "locked"), (SettingName.DISCOVERABLE, "discoverable")):
        if isinstance(account.get(key), bool):
            items.append(Item(Platform.WEB, ItemKind.SETTING, Source(0, file, f"/{key}", url=profile_url),
                              text=str(account[key]).lower(), field=setting, audience=Audience.PUBLIC,
                              details=(("site", "mastodon"),)))
    return items


def _mastodon_posts(statuses: Any, file: str) -> Iterator[Item]:
    """The public and unlisted posts among those the server showed."""
    for i, status in enumerate(statuses if isinstance(statuses, list) else []):
        if not isinstance(status, dict) or status.get("visibility") not in (None, "public", "unlisted"):
            continue
        text = _html_text(str(status.get("content", "")))
        if text:
            yield _item("mastodon", file, "post", text, jp.pointer(i, "content"), status.get("created_at"),
                        status.get("url") or status.get("uri"))


def _check_bluesky(target: Target, session: requests.Session, deadline: float | None = None) -> CheckResult:
    base = target.url.rstrip("/")
    profile_url = f"{base}/xrpc/app.bsky.actor.getProfile?actor={quote(target.handle)}"
    profile, got = _get_json(profile_url, session, deadline)
    if not isinstance(profile, dict) or "did" not in profile:
        if got.error:
            return CheckResult(_summary(target, 0, False, msg("web.unreachable", error=got.error)), ())
        return CheckResult(_summary(target, 0, True, msg("web.bluesky_none", handle=target.handle)), ())
    labels = {str(lab.get("val")) for lab in profile.get("labels") or [] if isinstance(lab, dict)}
    if "!no-unauthenticated" in labels:
        return CheckResult(_summary(target, 0, True, msg("web.bluesky_hidden")), ())
    web_url = f"https://bsky.app/profile/{profile.get('handle', target.handle)}"
    items: list[Item] = []
    if profile.get("displayName"):
        items.append(_item("bluesky", profile_url, "name", str(profile["displayName"]), "/displayName", url=web_url))
    if profile.get("description"):
        items.append(_item("bluesky", profile_url, "bio", str(profile["description"]), "/description", url=web_url))
    feed_url = f"{base}/xrpc/app.bsky.feed.getAuthorFeed?actor={quote(target.handle)}&limit=50&filter=posts_no_replies"
    feed, _ = _get_json(feed_url, session, deadline)
    items.extend(_bluesky_posts(feed, feed_url, str(profile["did"]), web_url))
    return _visible(target, "bluesky", items)


def _bluesky_posts(feed: Any, file: str, did: str, web_url: str) -> Iterator[Item]:
    """The account's own posts in its feed (reposts of others left out)."""
    for i, entry in enumerate(feed.get("feed", []) if isinstance(feed, dict) else []):
        post = entry.get("post") if isinstance(entry, dict) else None
        record = post.get("record") if isinstance(post, dict) else None
        if not isinstance(post, dict) or not isinstance(record, dict) or not record.get("text"):
            continue
        if str(post.get("author", {}).get("did", did)) != did:
            continue  # a repost of someone else
        rkey = str(post.get("uri", "")).rsplit("/", 1)[-1]
        yield _item("bluesky", file, "post", str(record["text"]), jp.pointer("feed", i, "post", "record", "text"),
                    record.get("createdAt"), f"{web_url}/post/{rkey}" if rkey else web_url)


def _summary(target: Target, items: int, readable: bool, message: Message) -> InputSummary:
    fmt = {"page": "public-page", "mastodon": "mastodon-public-api", "bluesky": "bluesky-public-api"}[target.kind]
    return InputSummary(path=target.given, platform=Platform.WEB, format=fmt, items=items, readable=readable,
                        message=message)


def check_target(target: Target, session: requests.Session | None = None) -> CheckResult:
    """Check one target within `CHECK_DEADLINE_S` overall; never raises for network trouble or odd pages."""
    session = session or new_session()
    deadline = time.monotonic() + CHECK_DEADLINE_S
    try:
        if target.kind == "mastodon":
            return _check_mastodon(target, session, deadline)
        if target.kind == "bluesky":
            return _check_bluesky(target, session, deadline)
        return _check_page(target, session, deadline)
    except Exception as exc:  # an odd page must not stop the audit
        return CheckResult(_summary(target, 0, False, msg("web.unreadable", error=type(exc).__name__)), ())


def check_urls(targets: Sequence[str], *, progress: TextIO | None = None,
               bluesky_appview: str = BLUESKY_APPVIEW,
               on_result: Callable[[int, CheckResult], None] | None = None,
               ) -> tuple[list[InputSummary], Callable[[int], Iterable[Item]]]:
    """Fetch every target now; return the inputs for the report and a factory of their items.

    The factory takes the index of the first web input in the report and yields the items with
    `source.input` set accordingly (what `checks.audit(extra_items=...)` expects).
    """
    results: list[CheckResult] = []
    session = new_session()
    for index, given in enumerate(targets):
        target = parse_target(given, bluesky_appview)
        if progress is not None:
            for line in target.describe():
                progress.write(f"offduty: {safe_text(say(msg('web.checking', request=line)))}\n")
            progress.flush()
        result = check_target(target, session)
        results.append(result)
        if on_result is not None:
            on_result(index, result)
        if progress is not None:
            progress.write(f"offduty: {safe_text(given)}: {safe_text(say(result.summary.message))}\n")
    session.close()

    def items(first_input: int) -> Iterator[Item]:
        for offset, result in enumerate(results):
            for item in result.items:
                yield replace(item, source=replace(item.source, input=first_input + offset))

    return [r.summary for r in results], items
