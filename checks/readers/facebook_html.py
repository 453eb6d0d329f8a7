"""Reader for Facebook exports downloaded in the HTML format (best effort, BeautifulSoup).

Meta's HTML uses obfuscated class names that change between years, so records are found by
the few that have stayed stable (`_a6-g` record boxes, `_a6-h` titles, `_a6-p` bodies,
`_a72d`/`_a6-o` dates) with a fallback to label/value table rows. Reads profile fields, posts
(text, places, coordinates), check-ins, tagged places and comments. What only the JSON format
holds (photo GPS and camera data, upload IPs, location history) is reported with a note that
asks the person to request the JSON format. Pointers are "" (the timestamp identifies the record).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bs4 import BeautifulSoup, Tag

from checks.readers.base import ReadContext, Reader
from checks.readers.htmlpage import load_html
from checks.readers.jsonstream import details, guarded, parse_pair
from checks.readers.spec import FormatSpec
from checks.records import GeoPoint, Item, ItemKind, Message, Platform, ProfileField, msg

_DATE_FORMATS = (
    "%b %d, %Y %I:%M %p", "%b %d, %Y, %I:%M %p", "%b %d, %Y %I:%M:%S %p", "%b %d, %Y, %I:%M:%S %p",
    "%d %b %Y, %H:%M", "%d %b %Y %H:%M", "%d %b %Y, %H:%M:%S", "%d %b %Y %H:%M:%S", "%d %B %Y, %H:%M",
    "%B %d, %Y %I:%M %p", "%B %d, %Y, %I:%M %p", "%b %d, %Y", "%d %b %Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d",
)


def parse_html_date(text: str) -> datetime | None:
    """Meta HTML dates ("Aug 17, 2025 11:23 am", "17 Aug 2025, 11:23"), local time read as UTC."""
    clean = re.sub(r"\s+", " ", (text or "").replace("\u202f", " ")).strip()
    clean = re.sub(r"\b(am|pm)\b", lambda m: m.group(1).upper(), clean, flags=re.I)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(clean, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


@dataclass
class HtmlRecord:
    """One record box of a Meta HTML page."""

    title: str = ""
    body: str = ""
    when: datetime | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (label, value) table rows
    texts: list[str] = field(default_factory=list)  # text blocks of the body, in order


def _classes(tag: Tag) -> list[str]:
    value: Any = tag.get("class")
    return [str(c) for c in value] if isinstance(value, list) else []


def _has_class(tag: Tag, name: str) -> bool:
    return name in _classes(tag)


# Class names of a record's parts: 2022+ markup first, then the 2019–2021 one.
_TITLE = ("_a6-h", "_2lek", "_2lel")
_BODY = ("_a6-p", "_2let")
_DATE = ("_a72d", "_a6-o", "_2lem")


def _any_class(tag: Tag, names: tuple[str, ...]) -> bool:
    classes = _classes(tag)
    return any(n in classes for n in names)


def _pairs(scope: Tag) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for row in scope.find_all("tr"):
        cells = [c for c in row.find_all(["td", "th"], recursive=False)]
        if len(cells) >= 2:
            label = cells[0].get_text(" ", strip=True)
            value = cells[1].get_text(" ", strip=True)
            if label and value:
                out.append((label, value))
        elif len(cells) == 1:
            # 2023+ tables put "Label" and "value" as two divs inside one cell
            divs = [d for d in cells[0].find_all("div", recursive=False)]
            if len(divs) >= 2:
                label = divs[0].get_text(" ", strip=True)
                value = divs[1].get_text(" ", strip=True)
                if label and value:
                    out.append((label, value))
    return out


def records(soup: BeautifulSoup) -> Iterator[HtmlRecord]:
    """Every record box of a Meta HTML page (2019–2025 markup), in page order."""
    boxes = [t for t in soup.find_all(["section", "div"]) if isinstance(t, Tag) and _has_class(t, "_a6-g")]
    if not boxes:
        boxes = [t for t in soup.find_all("div") if isinstance(t, Tag) and "pam" in _classes(t)
                 and "uiBoxWhite" in _classes(t)]
    for box in boxes:
        rec = HtmlRecord()
        title = box.find(lambda t: isinstance(t, Tag) and _any_class(t, _TITLE))
        if isinstance(title, Tag):
            rec.title = title.get_text(" ", strip=True)
        date = box.find(lambda t: isinstance(t, Tag) and _any_class(t, _DATE))
        if isinstance(date, Tag):
            rec.when = parse_html_date(date.get_text(" ", strip=True))
        body = box.find(lambda t: isinstance(t, Tag) and _any_class(t, _BODY))
        if isinstance(body, Tag):
            rec.pairs = _pairs(body)
            for table in body.find_all("table"):
                table.extract()
            for leaf in body.find_all(["div", "p", "span"]):
                if not leaf.find(["div", "p", "span"]):
                    text = leaf.get_text(" ", strip=True)
                    if text and parse_html_date(text) is None:
                        rec.texts.append(text)
            rec.body = " ".join(rec.texts)
        if rec.when is None:
            rec.when = next((d for _, v in rec.pairs if (d := parse_html_date(v)) is not None), None)
        yield rec


def point_from_pairs(pairs: list[tuple[str, str]]) -> GeoPoint | None:
    """Coordinates from "(lat , lon)" values or Latitude/Longitude rows."""
    lat = lon = None
    for label, value in pairs:
        low = label.lower()
        if (pair := parse_pair(value)) is not None:
            return pair
        if low.startswith("lat"):
            lat = value
        elif low.startswith(("lon", "lng")):
            lon = value
    if lat and lon:
        return parse_pair(f"{lat}, {lon}")
    return None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_PHONE = re.compile(r"^\+?[\d ()./-]{7,20}$")
_URL = re.compile(r"^(https?://|www\.)", re.I)

_PROFILE_LABELS: tuple[tuple[tuple[str, ...], ProfileField | str], ...] = (
    (("full name", "name"), ProfileField.NAME),
    (("username", "user name"), ProfileField.USERNAME),
    (("birthday", "date of birth", "birth date"), ProfileField.BIRTH_DATE),
    (("current city", "current town"), ProfileField.CITY),
    (("hometown", "home town"), ProfileField.HOMETOWN),
    (("street", "address"), ProfileField.ADDRESS),
    (("zip", "postcode", "postal code"), ProfileField.POSTCODE),
    (("city", "town"), ProfileField.CITY),
    (("phone", "mobile"), ProfileField.PHONE),
    (("email",), ProfileField.EMAIL),
    (("employer", "company", "workplace"), ProfileField.EMPLOYER),
    (("title", "position", "job"), ProfileField.JOB_TITLE),
    (("school", "college", "university", "education"), ProfileField.EDUCATION),
    (("partner",), ProfileField.PARTNER),
    (("family", "relation"), ProfileField.FAMILY_MEMBER),
    (("website",), ProfileField.WEBSITE),
    (("bio", "about"), ProfileField.BIO),
    (("gender",), ProfileField.GENDER),
    (("place", "places lived"), ProfileField.CITY),
)


def profile_field(label: str, value: str) -> ProfileField | str | None:
    """The profile field a label/value row is, by English label, else by the value's shape."""
    low = label.lower()
    if _EMAIL.match(value):
        return ProfileField.EMAIL
    for words, fld in _PROFILE_LABELS:
        if any(low == w or low.startswith(w + " ") or low.endswith(" " + w) for w in words):
            if fld == ProfileField.PHONE and sum(ch.isdigit() for ch in value) < 7:
                return None
            return fld
    if _URL.match(value):
        return ProfileField.WEBSITE
    if _PHONE.match(value) and sum(ch.isdigit() for ch in value) >= 7:
        return ProfileField.PHONE
    return None


def _kind_of(name: str) -> str | None:
    low = name.lower()
    if not low.endswith((".html", ".htm")) or re.search(r"(^|/)(messages|inbox)/", low):
        return None
    base = low.rsplit("/", 1)[-1]
    if base.startswith("profile_information") or base.startswith("contact_info"):
        return "profile"
    if re.search(r"(^|/)posts/your_posts", low) or base.startswith("your_posts"):
        return "posts"
    if base.startswith(("check-ins", "check_ins")):
        return "checkins"
    if base.startswith("places_you") and "tagged" in base:
        return "tagged"
    parent = low.rsplit("/", 2)[-2] if "/" in low else ""
    if base.startswith("comments") and "comments" in parent:
        return "comments"
    if base.startswith(("primary_location", "primary_public_location")):
        return "profile"
    return None


RecordReader = Callable[[ReadContext, str, HtmlRecord], Iterator[Item]]


def read_pages(ctx: ReadContext, kind_of: Callable[[str], str | None],
               handlers: Mapping[str, RecordReader]) -> Iterator[Item]:
    """Read every page `kind_of` recognises, in name order, each guarded so damage becomes a skip:
    each record of the page goes to the handler of the page's kind."""
    found = sorted(((handlers[k], m) for m in ctx.export.members() if (k := kind_of(m.name) or "") in handlers),
                   key=lambda hm: hm[1].name.lower())
    for number, (handler, member) in enumerate(found):
        ctx.cancel.raise_if_cancelled()
        ctx.progress(number / max(len(found), 1), member.name)
        yield from guarded(ctx, member.name,
                           lambda h=handler, n=member.name: _read_page(ctx, n, h))  # type: ignore[misc]
    ctx.progress(1.0)


def _read_page(ctx: ReadContext, name: str, handler: RecordReader) -> Iterator[Item]:
    soup = load_html(ctx, name)
    if soup is None:
        return
    for rec in records(soup):
        ctx.cancel.raise_if_cancelled()
        yield from handler(ctx, name, rec)


def _item(ctx: ReadContext, name: str, kind: ItemKind, when: datetime | None, **fields: Any) -> Item:
    return Item(platform=Platform.FACEBOOK, kind=kind, source=ctx.source(name, "", when), **fields)


def _profile(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    for label, value in rec.pairs:
        fld = profile_field(label, value)
        if fld is not None:
            yield _item(ctx, name, ItemKind.PROFILE_FIELD, rec.when, text=value, field=fld,
                        details=details(("label", label), ("section", rec.title)))


def _post(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    if rec.body:
        yield _item(ctx, name, ItemKind.POST, rec.when, text=rec.body, details=details(("title", rec.title)))
    point = point_from_pairs(rec.pairs)
    place = next((v for lab, v in rec.pairs if lab.lower() in ("place", "name", "place name")), "")
    address = next((v for lab, v in rec.pairs if lab.lower() == "address"), "")
    if point or place or address:
        yield _item(ctx, name, ItemKind.CHECKIN, rec.when, text=place or address, location=point,
                    details=details(("place", place), ("address", address), ("title", rec.title)))


def _place(ctx: ReadContext, name: str, rec: HtmlRecord, tagged: bool) -> Iterator[Item]:
    point = point_from_pairs(rec.pairs)
    plain = [(lab, v) for lab, v in rec.pairs if parse_pair(v) is None]
    named = [v for lab, v in plain if lab.lower() in ("name", "place name", "place")]
    address = next((v for lab, v in plain if lab.lower() == "address"), "")
    message = next((v for lab, v in plain if lab.lower() == "message"), "")
    place = named[0] if named else (plain[0][1] if plain and tagged else rec.title)
    if point or place or address:
        extra = details(("place", place), ("address", address), ("message", message),
                        ("kind", "tagged place" if tagged else ""))
        yield _item(ctx, name, ItemKind.CHECKIN, rec.when, text=place or address, location=point, details=extra)


def _comment(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    if rec.body:
        yield _item(ctx, name, ItemKind.COMMENT, rec.when, text=rec.body, details=details(("title", rec.title)))


_HANDLERS: dict[str, RecordReader] = {
    "profile": _profile, "posts": _post, "comments": _comment,
    "checkins": lambda ctx, name, rec: _place(ctx, name, rec, False),
    "tagged": lambda ctx, name, rec: _place(ctx, name, rec, True),
}


class HtmlPagesReader(Reader):
    """A Meta export in the HTML format: the pages `kind_of` names, each record to the handler of
    the page's kind, then the note that asks for the JSON format."""

    handlers: Mapping[str, RecordReader] = {}
    json_note: Message

    @staticmethod
    def kind_of(name: str) -> str | None:
        raise NotImplementedError

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        yield from read_pages(ctx, self.kind_of, self.handlers)
        ctx.note(self.json_note)


class FacebookHtmlReader(HtmlPagesReader):
    """Facebook DYI export, HTML format (best effort)."""

    spec = FormatSpec("facebook-html", Platform.FACEBOOK, variant_of="facebook")
    kind_of = staticmethod(_kind_of)
    handlers = _HANDLERS
    json_note = msg("reader.facebook.html_only")
