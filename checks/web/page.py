"""Reading a public profile page the way a stranger would: what text and facts it shows.

BeautifulSoup reads the title, OpenGraph and Twitter meta tags, JSON-LD (Person, ProfilePage:
job title, employer, address, birth date), the visible bio and recent posts, and rel="me"
links. Scripts and styles are ignored, never run. Login walls are recognised so the person is
told "this page shows nothing without logging in: good".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag

MAX_POSTS = 40
MAX_TEXT = 2000

_LOGIN_WORDS = re.compile(
    r"\b(log ?in|sign ?in|sign up|create an account|join now|you must be logged in|see more of|"
    r"this account is private|this profile is private|something went wrong)\b", re.I)
_LOGIN_PATHS = re.compile(r"/(login|signin|sign-in|accounts/login|i/flow/login|authwall|checkpoint)\b", re.I)


@dataclass(frozen=True)
class PageFact:
    """One thing the page shows: a field name (as the page labels it) and its text."""

    field: str  # "title", "og:description", "jobTitle", "address", "bio", "post", "rel-me" ...
    text: str
    pointer: str = ""  # JSON Pointer into JSON-LD or API JSON, where natural
    published: str | None = None  # ISO time of a post, when the page says


@dataclass(frozen=True)
class PageReading:
    """Everything a stranger can read on the page."""

    facts: tuple[PageFact, ...] = ()
    login_wall: bool = False
    private: bool = False
    notes: tuple[str, ...] = field(default=())


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT]


def _json_ld_facts(soup: BeautifulSoup) -> list[PageFact]:
    facts: list[PageFact] = []
    for index, script in enumerate(soup.find_all("script", attrs={"type": "application/ld+json"})):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for path, node in _walk_people(data, f"/ld{index}"):
            facts.extend(_person_facts(node, path))
    return facts


def _walk_people(data: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(data, list):
        for i, x in enumerate(data):
            found.extend(_walk_people(x, f"{path}/{i}"))
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "Person" in kinds:
            found.append((path, data))
        for key in ("mainEntity", "@graph", "author", "about"):
            if key in data:
                found.extend(_walk_people(data[key], f"{path}/{key.replace('/', '~1')}"))
    return found


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        parts = [str(value.get(k, "")) for k in ("name", "streetAddress", "addressLocality", "addressRegion",
                                                  "postalCode", "addressCountry") if value.get(k)]
        return ", ".join(parts)
    if isinstance(value, list):
        return "; ".join(_text_of(v) for v in value if v)
    return ""


def _person_facts(person: dict[str, Any], path: str) -> list[PageFact]:
    out = []
    for key in ("name", "alternateName", "jobTitle", "worksFor", "affiliation", "address", "homeLocation",
                "birthDate", "telephone", "email", "description", "alumniOf", "spouse", "children"):
        if key in person:
            text = _clean(_text_of(person[key]))
            if text:
                out.append(PageFact(key, text, f"{path}/{key}"))
    return out


def _meta_facts(soup: BeautifulSoup) -> list[PageFact]:
    out = []
    if soup.title and soup.title.string:
        out.append(PageFact("title", _clean(soup.title.string)))
    for meta in soup.find_all("meta"):
        name = str(meta.get("property") or meta.get("name") or "").lower()
        content = meta.get("content")
        if not content or not isinstance(content, str):
            continue
        if name in ("og:title", "og:description", "description", "twitter:title", "twitter:description",
                    "profile:username", "og:locality", "og:street-address", "og:postal-code"):
            out.append(PageFact(name, _clean(content)))
    return out


def _visible_facts(soup: BeautifulSoup) -> list[PageFact]:
    out: list[PageFact] = []
    bio_selectors = ('[class*="bio"]', '[class*="Bio"]', '[class*="summary"]', '[class*="about"]',
                     '[data-testid="UserDescription"]', ".account__header__content", ".note", "header p")
    seen: set[str] = set()
    for selector in bio_selectors:
        for node in soup.select(selector)[:3]:
            text = _clean(node.get_text(" "))
            if len(text) >= 3 and text not in seen:
                seen.add(text)
                out.append(PageFact("bio", text))
    posts = soup.select('article, [class*="status__content"], [class*="post"], [data-testid="tweetText"], '
                        '.h-entry .e-content')
    for node in posts[:MAX_POSTS]:
        text = _clean(node.get_text(" "))
        if len(text) >= 3 and text not in seen:
            seen.add(text)
            when = None
            time_tag = node.find("time")
            if isinstance(time_tag, Tag) and isinstance(time_tag.get("datetime"), str):
                when = str(time_tag.get("datetime"))
            out.append(PageFact("post", text, published=when))
    for link in soup.find_all(["a", "link"], rel=True):
        if isinstance(link, Tag) and "me" in (link.get("rel") or []) and link.get("href"):
            out.append(PageFact("rel-me", str(link.get("href"))))
    return out


def read_page(html: str, final_url: str = "") -> PageReading:
    """What a stranger can read on this HTML page."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "svg"]):
        if tag.name == "script" and tag.get("type") == "application/ld+json":
            continue
        tag.decompose()
    facts = [*_meta_facts(soup), *_json_ld_facts(soup), *_visible_facts(soup)]
    body_text = _clean(soup.get_text(" ")) if soup.body else ""
    substantive = [f for f in facts if f.field not in ("title",)]
    login_wall = bool(_LOGIN_PATHS.search(final_url)) or (
        bool(_LOGIN_WORDS.search(body_text)) and len(body_text) < 600 and len(substantive) <= 2)
    private = bool(re.search(r"\b(this account is private|this profile is private|these posts are protected)\b",
                             body_text, re.I))
    return PageReading(tuple(facts), login_wall, private)
