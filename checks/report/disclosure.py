"""The disclosure policy: what every surface shows of a report's findings (Qt-free).

The window's models and pages, the JSON, HTML and PDF writers, the terminal summary and `show`
all ask a `Disclosure` for the text they show; nothing else masks. Given the report, what the
person chose to reveal (`revealed`: finding ids, or None for everything, as `--reveal`) and
whether this is a welfare session, it says:

- `evidence`: masked by the rules of `checks/report/masking.py` (every finding's sensitive parts
  hidden wherever they appear); hidden completely in a welfare session; in full only when revealed.
- `title`, `reason`, `text`: the catalogue's words as they are (the app's own summaries are never
  starred); values inside them that quote a finding's sensitive part, a long number, an address
  or a handle are masked.
- `place_line`, `caption`: a town ("near Croydon") is part of the evidence: shown only when the
  finding is revealed, on every surface, and in a welfare session too.
- `where`: plain words ("your X (Twitter) post of 11 Feb 2024"), never an address with a handle.
- `link`: only an http(s) address on the platform's own domains, and a personal one (a post's
  address) only when revealed; `open_url` is the same check for a button that never shows it.
- `technical`: the file and pointer, for a "technical details" fold (masked like evidence).

Everything returned is safe to print: no control characters, no bidirectional overrides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from checks.assess.advice import item_link
from checks.records import Category, Finding, ItemKind, Message, Platform, Report, Source, msg
from checks.report.masking import Masker, report_secrets, safe_text
from checks.report.words import say

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Where each platform's own links live (a host is one of these or a subdomain of one).
PLATFORM_DOMAINS: dict[Platform, tuple[str, ...]] = {
    Platform.X: ("x.com", "twitter.com"),
    Platform.FACEBOOK: ("facebook.com", "fb.com", "fb.me"),
    Platform.INSTAGRAM: ("instagram.com",),
    Platform.LINKEDIN: ("linkedin.com",),
    Platform.TIKTOK: ("tiktok.com",),
    Platform.SNAPCHAT: ("snapchat.com",),
    Platform.GOOGLE: ("google.com", "google.co.uk", "youtube.com"),
    Platform.STRAVA: ("strava.com",),
    Platform.BLUESKY: ("bsky.app",),
    Platform.THREADS: ("threads.net", "threads.com"),
    Platform.REDDIT: ("reddit.com", "redd.it"),
    Platform.YOUTUBE: ("youtube.com", "youtu.be"),
}
# Mastodon is federated: its links are on the account's own server, shaped like a profile or a status.
_MASTODON_PATH = re.compile(r"^/(?:@[A-Za-z0-9_]+(?:/\d+)?|users/[A-Za-z0-9_]+(?:/statuses/\d+)?)/?$")
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?)+$")


def _host_ok(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def www_twins(host: str) -> frozenset[str]:
    """A host and its www/non-www twin ("x.com" and "www.x.com")."""
    bare = host.lower().removeprefix("www.")
    return frozenset({bare, "www." + bare})


def _parts(url: str) -> tuple[str, int | None, str] | None:
    """(host, port, path) of a plain http(s) address: no controls, spaces, backslashes or credentials."""
    if not url or any(not ch.isprintable() or ch in "\\ " for ch in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(host) or parts.username or parts.password:
        return None
    return host, port, parts.path


def web_address(url: str | None) -> str | None:
    """`url` when it is a plain http(s) address (no other scheme, control character or credentials)."""
    return url if url and _parts(url) is not None else None


def _given_host(given: str) -> tuple[str, int | None]:
    target = urlsplit(given if "://" in given else "https://" + given.lstrip("@").split("@")[-1])
    try:
        return (target.hostname or "").lower(), target.port
    except ValueError:
        return "", None


def checked_link(url: str | None, platform: Platform, given: str | None = None) -> str | None:
    """`url` when it is an http(s) address on `platform`'s own domains, else None.

    `given` is what the person asked the public-profile check to read (its host is the web
    platform's own); Mastodon links may be on any server but must look like a profile or a post.
    """
    parts = _parts(url or "")
    if parts is None:
        return None
    host, port, path = parts
    if platform in PLATFORM_DOMAINS:
        ok = port is None and _host_ok(host, PLATFORM_DOMAINS[platform])
    elif platform is Platform.MASTODON:
        ok = port is None and bool(_MASTODON_PATH.match(path))
    elif platform is Platform.WEB and given:
        given_host, given_port = _given_host(given)
        ok = bool(given_host) and host in www_twins(given_host) and port == given_port
    else:
        ok = False
    return url if ok else None


def short_date(moment: datetime) -> str:
    """"11 Feb 2024", with the month's name from the catalogue."""
    return say(msg("disclosure.date", day=moment.day, month=Message(f"disclosure.month.{_MONTHS[moment.month - 1]}"),
                   year=moment.year))


@dataclass(frozen=True)
class Disclosure:
    """What a surface shows of `report`: see the module's docstring."""

    report: Report
    revealed: frozenset[str] | None = frozenset()  # ids of findings shown in full; None: all (--reveal)
    welfare: bool = False  # a welfare session: evidence and places hidden until shown
    _masker: Masker | None = field(default=None, compare=False, repr=False)

    @property
    def masker(self) -> Masker:
        if self._masker is None:
            object.__setattr__(self, "_masker", Masker(report_secrets(self.report)))
        assert self._masker is not None
        return self._masker

    def revealing(self, ids: Iterable[str] | None) -> Disclosure:
        """The same policy with these findings (None: all of them) shown in full."""
        return replace(self, revealed=None if ids is None else frozenset(ids), _masker=self.masker)

    def shows(self, finding: Finding) -> bool:
        """Whether this finding's evidence is revealed."""
        return self.revealed is None or finding.id in self.revealed

    # words ----------------------------------------------------------------------------------

    def text(self, message: Message | str) -> str:
        """Any message about the audit (a score driver, a checklist's why, a note) with data values masked."""
        if isinstance(message, str):
            return self.masker.mask(message, words=False)
        return say(self._masked(message))

    def plain(self, text: str) -> str:
        """Text from an export that is not evidence (a file name, a skip reason): safe to print."""
        return safe_text(text)

    def _masked(self, message: Message) -> Message:
        values: list[tuple[str, str | int | float | Message]] = []
        for key, value in message.values:
            if isinstance(value, Message):
                values.append((key, self._masked(value)))
            elif isinstance(value, str):
                values.append((key, self.masker.mask(value, words=False)))
            else:
                values.append((key, value))
        return Message(message.code, tuple(values))

    def title(self, finding: Finding) -> str:
        """The title in words; a value quoting the evidence is masked unless revealed."""
        return safe_text(say(finding.title)) if self.shows(finding) else self.text(finding.title)

    def reason(self, finding: Finding) -> str:
        return safe_text(say(finding.reason)) if self.shows(finding) else self.text(finding.reason)

    # evidence -------------------------------------------------------------------------------

    def _operational(self, finding: Finding) -> bool:
        return finding.category is Category.OFFICIAL_INFORMATION or _record(finding.source) in self._operational_records

    @cached_property
    def _operational_records(self) -> frozenset[tuple[int, str, str]]:
        """The records (input, file, pointer) some finding says are about police work."""
        return frozenset(_record(f.source) for f in self.report.findings
                         if f.category is Category.OFFICIAL_INFORMATION and f.source.pointer)

    def _own_spans(self, finding: Finding) -> tuple[tuple[int, int], ...]:
        return (*((finding.span,) if finding.span else ()), *finding.spans)

    def evidence(self, finding: Finding) -> str:
        """The evidence: in full when revealed, hidden in a welfare session, masked otherwise."""
        if self.shows(finding):
            return safe_text(finding.evidence)
        if self.welfare:
            return say(msg("disclosure.hidden")) if finding.evidence else ""
        return self.masker.mask(finding.evidence, self._own_spans(finding), operational=self._operational(finding),
                                whole=finding.span is None)

    def basis(self, finding: Finding) -> tuple[str, ...]:
        """The words that weighed most in the decision, as the evidence shows them (none while hidden)."""
        if finding.basis is None or not finding.evidence or (self.welfare and not self.shows(finding)):
            return ()
        if self.shows(finding):
            return tuple(safe_text(finding.evidence[a:b]) for a, b in finding.basis.words)
        shown, where = self.masker.mask_with_map(finding.evidence, self._own_spans(finding),
                                                 operational=self._operational(finding),
                                                 whole=finding.span is None)
        n = len(finding.evidence)
        return tuple(shown[where[max(0, min(a, n))]:where[max(0, min(b, n))]] for a, b in finding.basis.words)

    def checklist_item(self, finding: Finding) -> str:
        """The line a checklist step lists for an item: what it is, what it says, where it is."""
        evidence = self.evidence(finding) if not (self.welfare and not self.shows(finding)) else ""
        return say(msg("disclosure.item", title=self.title(finding), evidence=evidence, where=self.where(finding))
                   if evidence else msg("disclosure.item_hidden", title=self.title(finding),
                                        where=self.where(finding)))

    # places ---------------------------------------------------------------------------------

    def place_line(self, finding: Finding) -> str | None:
        """"near <town>" when revealed; that a place is hidden otherwise; None without a place."""
        if finding.place is None:
            return None
        if not self.shows(finding):
            return say(msg("disclosure.place_hidden"))
        return safe_text(finding.place.near) if finding.place.near else say(msg("disclosure.place_unnamed"))

    def caption(self, finding: Finding) -> str:
        """The caption of the place's local drawing (the town only when revealed)."""
        if finding.place is not None and finding.place.near and self.shows(finding):
            return say(msg("disclosure.caption_near", near=safe_text(finding.place.near)))
        return say(msg("disclosure.caption"))

    def draws(self, finding: Finding) -> bool:
        """Whether the place's local drawing may be shown (in a welfare session only once revealed)."""
        return bool(finding.place and finding.points) and (self.shows(finding) or not self.welfare)

    # where it is ----------------------------------------------------------------------------

    def where(self, finding: Finding) -> str:
        """Plain words for the item: "your X (Twitter) post of 11 Feb 2024"."""
        return where_words(finding.platform, finding.item_kind, finding.source.timestamp)

    def technical(self, finding: Finding) -> str:
        """The file and pointer (and the record's date), for a "technical details" fold."""
        return self.source_line(finding.source, self.shows(finding), finding)

    def sources(self, finding: Finding) -> tuple[str, ...]:
        """The technical line of each other record that shows the same thing."""
        return tuple(self.source_line(s, self.shows(finding), finding) for s in finding.related)

    def source_line(self, source: Source, shown: bool, finding: Finding | None = None) -> str:
        where = source.file or "?"
        if source.pointer:
            where += f" → {source.pointer}"
        if not shown:
            where = self.masker.mask(where, operational=bool(finding and self._operational(finding)))
        where = safe_text(where)
        return f"{where}  ({short_date(source.timestamp)})" if source.timestamp else where

    def link(self, finding: Finding) -> str | None:
        """A link to the item on the platform's own domain: a personal one only when revealed."""
        url = self.open_url(finding)
        if url is None or self.shows(finding) or not _personal(finding, url):
            return url
        return None

    def open_url(self, finding: Finding) -> str | None:
        """The checked link for an "open it on the platform" button (never shown as text)."""
        given = None
        if finding.platform is Platform.WEB and 0 <= finding.source.input < len(self.report.inputs):
            given = self.report.inputs[finding.source.input].path
        return checked_link(item_link(finding), finding.platform, given)


def _record(source: Source) -> tuple[int, str, str]:
    return source.input, source.file, source.pointer


def _personal(finding: Finding, url: str) -> bool:
    """Whether a link leads to the person's own item or account (a post, an activity), not a settings page."""
    return url == finding.source.url or (finding.platform is Platform.STRAVA and "/activities/" in url)


_KIND_WORDS = {kind: Message(f"disclosure.kind.{kind.value}") for kind in ItemKind}


def where_words(platform: Platform, kind: ItemKind, when: datetime | None) -> str:
    """"your X (Twitter) post of 11 Feb 2024", "your Facebook profile", "a post on your public page"."""
    if kind is ItemKind.PROFILE_FIELD:
        return say(msg("disclosure.where.profile", platform=platform))
    if kind is ItemKind.SETTING:
        return say(msg("disclosure.where.settings", platform=platform))
    noun = _KIND_WORDS[kind]
    if platform is Platform.WEB:
        return say(msg("disclosure.where.web_dated", kind=noun, date=short_date(when)) if when
                   else msg("disclosure.where.web", kind=noun))
    return say(msg("disclosure.where.dated", platform=platform, kind=noun, date=short_date(when)) if when
               else msg("disclosure.where.undated", platform=platform, kind=noun))


def disclosure(report: Report, *, reveal: bool | Iterable[str] = False, welfare: bool = False) -> Disclosure:
    """The policy for `report`: `reveal` True shows everything, an iterable of ids shows those."""
    if reveal is True:
        revealed: frozenset[str] | None = None
    elif reveal is False:
        revealed = frozenset()
    else:
        revealed = frozenset(reveal)
    return Disclosure(report, revealed, welfare)
