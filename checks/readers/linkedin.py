"""Reader for LinkedIn "Get a copy of your data" exports (a zip of CSV files).

Reads Profile (name, address, birth date, headline, summary, postcode, location, handles,
websites), Profile Summary, Positions (employer, title, location, current job), Education,
Email Addresses, Phone Numbers, Whatsapp Phone Numbers, Shares, Comments, Rich Media,
Job Applications (contact phone and email given to employers), Verifications (employer,
city, year of birth), the messages the person sent (without Profile.csv, those of the one sender
in every conversation; when no one is, a skip says so), published articles (`Articles/*.html`), and
how many contacts the uploaded address book holds (never the contacts themselves). A phone number
is reported once however many files hold it. CSVs are streamed row by row; the header line is
located (Connections.csv starts with a `Notes:` preamble), UTF-8, BOMs, UTF-16 and the tabs of
2018 exports (`Shares.csv`: `Share Commentary`, `Shared URL`...) are read, member-id suffixed
names (`Shares_<id>.csv`) match by prefix, and LinkedIn's many date styles (including prose) are
parsed. Pointers are `/<data row from 0>/<column header>`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bs4 import BeautifulSoup

from checks.pointer import pointer
from checks.readers.base import ReadContext, Reader
from checks.readers.csvstream import Row
from checks.readers.csvstream import get as _get
from checks.readers.csvstream import rows as csv_rows
from checks.readers.jsonstream import details, guarded
from checks.readers.phones import phone_key
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Platform, ProfileField, msg

_SUFFIXED = re.compile(r"^(?P<stem>[a-z _]+?)(?:_\d+)?\.csv$")

# stem (lower case, spaces and underscores unified) -> (kind, a header cell that identifies the header row)
_FILES: dict[str, tuple[str, str]] = {
    "profile": ("profile", "first name"),
    "profile summary": ("summary", "profile summary"),
    "positions": ("positions", "company name"),
    "education": ("education", "school name"),
    "email addresses": ("emails", "email address"),
    "phonenumbers": ("phones", "number"),
    "phone numbers": ("phones", "number"),
    "whatsapp phone numbers": ("whatsapp", "number"),
    "shares": ("shares", "sharecommentary|share commentary"),
    "messages": ("messages", "content"),
    "comments": ("comments", "message"),
    "rich media": ("rich_media", "media link|link"),
    "rich_media": ("rich_media", "media link|link"),
    "job applications": ("job_applications", "company name"),
    "verifications": ("verifications", "verification type"),
    "contacts": ("contacts", "firstname"),
    "imported contacts": ("contacts", "first name"),
}

# First columns of LinkedIn's other CSVs (research §4.1): one of them given alone is recognised.
_HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("email addresses.csv", ("Email Address", "Confirmed", "Primary")),
    ("phonenumbers.csv", ("Extension", "Number", "Type")),
    ("whatsapp phone numbers.csv", ("Number", "Extension", "Is_WhatsApp_Number")),
    ("education.csv", ("School Name", "Start Date", "End Date")),
    ("messages.csv", ("CONVERSATION ID", "CONVERSATION TITLE")),
    ("registration.csv", ("Registered At", "Registration Ip")),
    ("invitations.csv", ("From", "To", "Sent At", "Message", "Direction")),
    ("profile summary.csv", ("Profile Summary",)),
    ("shares.csv", ("Date", "ShareLink", "ShareCommentary")),
    ("shares.csv", ("Date", "Share Title", "Share Description")),
    ("phone numbers.csv", ("Extension", "Number", "Type")),
)

_ORDER = ("profile", "summary", "positions", "education", "emails", "phones", "whatsapp", "verifications",
          "job_applications", "shares", "comments", "rich_media", "messages", "contacts")


@dataclass
class _Account:
    """What one file tells the others: the person's own name (who sent a message)."""

    name: str = ""


def _kind_of(name: str) -> tuple[str, str] | None:
    base = name.rsplit("/", 1)[-1].lower()
    match = _SUFFIXED.match(base)
    if not match:
        return None
    stem = match.group("stem").replace("_", " ").strip()
    found = _FILES.get(stem) or _FILES.get(match.group("stem"))
    return found


class LinkedInReader(Reader):
    """LinkedIn data export (CSV files)."""

    spec = FormatSpec(
        "linkedin-csv", Platform.LINKEDIN, expected_file="Profile.csv",
        signs=(Sign(1.0, paths=("profile.csv",), header=("First Name", "Last Name", "Maiden Name", "Address",
                                                          "Birth Date")),
               Sign(1.0, paths=("positions.csv",), header=("Company Name", "Title", "Description", "Location",
                                                            "Started On")),
               Sign(1.0, paths=("connections.csv",), head=(b"Notes:", b'"Notes:')),
               Sign(1.0, paths=("connections.csv",), header=("First Name", "Last Name", "URL", "Email Address",
                                                              "Company", "Position")),
               Sign(1.0, paths=("connections.csv",), header=("First Name", "Last Name", "Email Address", "Company",
                                                              "Position", "Connected On")),
               *(Sign(0.9, paths=(file,), header=header) for file, header in _HEADERS),
               Sign(0.9, named="linkedindataexport"),
               Sign(0.8, paths=("Positions.csv", "Connections.csv")),
               Sign(0.7, paths=("Profile.csv",))),
        folders=("jobs", "articles", "verifications"))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        found = [(k, m) for m in ctx.export.members() if (k := _kind_of(m.name))]
        found.sort(key=lambda km: (_ORDER.index(km[0][0]), km[1].name.lower()))
        total = sum(max(m.size, 1) for _, m in found) or 1
        done = 0
        account = _Account()
        for (kind, marker), member in found:
            ctx.cancel.raise_if_cancelled()
            ctx.progress(done / total, member.name)
            parse = _PARSERS[kind]
            yield from guarded(ctx, member.name, functools.partial(
                parse, ctx, member.name, _rows(ctx, member.name, marker), account))
            done += max(member.size, 1)
        yield from _articles(ctx)
        ctx.progress(1.0)
        if not found:
            ctx.note(msg("reader.linkedin.no_files"))


def _rows(ctx: ReadContext, name: str, marker: str) -> Iterator[Row]:
    """The data rows after the header line, which holds one of the `marker` cells ("a|b")."""
    markers = set(marker.split("|"))
    return csv_rows(ctx, name, lambda cells: any(c.lower() in markers for c in cells), marker.replace("|", " or "))


def _item(ctx: ReadContext, name: str, kind: ItemKind, row: int, header: str, when: datetime | None = None,
          url: str | None = None, **fields: Any) -> Item:
    return Item(platform=Platform.LINKEDIN, kind=kind, source=ctx.source(name, pointer(row, header), when, url),
                **fields)


def _field(ctx: ReadContext, name: str, fld: ProfileField | str, row: int, header: str, text: str,
           when: datetime | None = None, extra: tuple[tuple[str, str], ...] = ()) -> Item:
    return _item(ctx, name, ItemKind.PROFILE_FIELD, row, header, when, text=text, field=fld, details=extra)


# -- dates -------------------------------------------------------------------------------------

_FORMATS = ("%d %b %Y", "%b %Y", "%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d",
            "%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%a %b %d %H:%M:%S UTC %Y", "%m/%d/%y", "%m/%d/%Y",
            "%d %B %Y", "%B %Y", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ", "%Y")
_PROSE = re.compile(r"(?:on\s+)?([A-Z][a-z]+ \d{1,2}, \d{4})(?:\s+at\s+(\d{1,2}:\d{2}\s*[AP]M))?", re.I)


def parse_date(text: str) -> datetime | None:
    """Any of LinkedIn's date styles to a UTC datetime ("Nov 2021" is the 1st of the month)."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    match = _PROSE.search(text)
    if match:
        stamp = match.group(1) + (" " + match.group(2).replace(" ", "") if match.group(2) else "")
        for fmt in ("%B %d, %Y %I:%M%p", "%B %d, %Y", "%b %d, %Y %I:%M%p", "%b %d, %Y"):
            try:
                return datetime.strptime(stamp, fmt).replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


def _birth_text(text: str) -> str:
    """"1990-05-03", "Oct 18" (no year), "18 Oct 1990" to ISO ("--10-18" without a year)."""
    for fmt, with_year in (("%Y-%m-%d", True), ("%d %b %Y", True), ("%b %d, %Y", True), ("%b %d", False),
                           ("%d %b", False), ("%B %d", False), ("%m/%d/%Y", True)):
        try:
            moment = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        return moment.strftime("%Y-%m-%d") if with_year else moment.strftime("--%m-%d")
    return text.strip()


def _list_cell(text: str) -> list[str]:
    """"[handle1, handle2]" / "[PORTFOLIO:https://…]" / "a, b" to values."""
    inner = text.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    out = []
    for part in re.split(r",(?![^\[]*\])", inner):
        part = part.strip()
        if re.match(r"^[A-Z_]+:(?=\S)", part):
            part = part.split(":", 1)[1]
        if part:
            out.append(part)
    return out


# -- files -------------------------------------------------------------------------------------

def _profile(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        h_first, first = _get(v, "First Name")
        _h_last, last = _get(v, "Last Name")
        if first or last:
            full = " ".join(x for x in (first, last) if x)
            account.name = account.name or full
            yield _field(ctx, name, ProfileField.NAME, index, h_first or _h_last, full)
        simple: tuple[tuple[str, ProfileField | str, tuple[tuple[str, str], ...]], ...] = (
            ("Maiden Name", ProfileField.NAME, (("kind", "maiden name"),)),
            ("Address", ProfileField.ADDRESS, ()),
            ("Zip Code", ProfileField.POSTCODE, ()),
            ("Geo Location", ProfileField.CITY, ()),
            ("Headline", ProfileField.BIO, (("kind", "headline"),)),
            ("Summary", ProfileField.BIO, (("kind", "summary"),)),
            ("Industry", "industry", ()),
        )
        for header, fld, extra in simple:
            real, value = _get(v, header)
            if value:
                yield _field(ctx, name, fld, index, real, value, None, extra)
        real, value = _get(v, "Birth Date")
        if value:
            yield _field(ctx, name, ProfileField.BIRTH_DATE, index, real, _birth_text(value), None,
                         (("as_written", value),))
        for header, fld in (("Twitter Handles", ProfileField.USERNAME), ("Websites", ProfileField.WEBSITE),
                            ("Instant Messengers", ProfileField.USERNAME)):
            real, value = _get(v, header)
            for part in _list_cell(value):
                yield _field(ctx, name, fld, index, real, part, None, (("kind", header.lower()),))


def _summary(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, value = _get(v, "Profile Summary")
        if value:
            yield _field(ctx, name, ProfileField.BIO, index, real, value, None, (("kind", "summary"),))


def _positions(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        h_company, company = _get(v, "Company Name")
        h_title, title = _get(v, "Title")
        _h, location = _get(v, "Location")
        _h, started = _get(v, "Started On")
        _h, finished = _get(v, "Finished On")
        h_desc, description = _get(v, "Description")
        when = parse_date(started)
        extra = details(("employer", company), ("title", title), ("location", location), ("started", started),
                        ("finished", finished), ("current", "false" if finished else "true"))
        if company:
            yield _field(ctx, name, ProfileField.EMPLOYER, index, h_company, company, when, extra)
        if title:
            yield _field(ctx, name, ProfileField.JOB_TITLE, index, h_title, title, when, extra)
        if description:
            yield _field(ctx, name, "job_description", index, h_desc, description, when, extra)


def _education(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, school = _get(v, "School Name")
        if school:
            _h, start = _get(v, "Start Date")
            yield _field(ctx, name, ProfileField.EDUCATION, index, real, school, parse_date(start),
                         details(("degree", _get(v, "Degree Name")[1]), ("start", start),
                                 ("end", _get(v, "End Date")[1])))


def _emails(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, email = _get(v, "Email Address")
        if email:
            yield _field(ctx, name, ProfileField.EMAIL, index, real, email, parse_date(_get(v, "Updated On")[1]),
                         details(("confirmed", _get(v, "Confirmed")[1]), ("primary", _get(v, "Primary")[1])))


def _phone_text(number: str, extension: str) -> str:
    number, extension = number.strip(), extension.strip()
    if extension.startswith("+") and not number.startswith("+"):
        return f"{extension} {number}"
    return number if not extension else f"{number} ext. {extension}"


def _phones(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, number = _get(v, "Number")
        if number and ctx.once("phone", phone_key(number)):
            yield _field(ctx, name, ProfileField.PHONE, index, real, _phone_text(number, _get(v, "Extension")[1]),
                         None, details(("type", _get(v, "Type")[1])))


def _whatsapp(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, number = _get(v, "Number")
        if number and ctx.once("phone", phone_key(number)):
            yield _field(ctx, name, ProfileField.PHONE, index, real, _phone_text(number, _get(v, "Extension")[1]),
                         None, details(("type", "WhatsApp"), ("whatsapp", _get(v, "Is_WhatsApp_Number")[1])))


_VISIBILITY = {"public": Audience.PUBLIC, "anyone": Audience.PUBLIC, "member_network": Audience.FRIENDS,
               "connections": Audience.FRIENDS, "connections_only": Audience.FRIENDS,
               "logged_in_members": Audience.PUBLIC, "private": Audience.PRIVATE}


def _shares(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, text = _get(v, "ShareCommentary", "Share Commentary")
        _h, link = _get(v, "ShareLink", "Share Link")
        media = _get(v, "MediaUrl", "Media URL")[1]
        shared = _get(v, "SharedUrl", "Shared URL")[1]
        if not (text or media or shared):
            continue
        audience = _VISIBILITY.get(_get(v, "Visibility")[1].lower(), Audience.UNKNOWN)
        yield _item(ctx, name, ItemKind.POST, index, real or _get(v, "SharedUrl", "Shared URL", "MediaUrl")[0],
                    parse_date(_get(v, "Date")[1]), text=text, audience=audience, url=link or None,
                    details=details(("shared_url", shared), ("media_url", media)))


def _comments(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        real, text = _get(v, "Message")
        if text:
            yield _item(ctx, name, ItemKind.COMMENT, index, real, parse_date(_get(v, "Date")[1]), text=text,
                        url=_get(v, "Link")[1] or None)


def _rich_media(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        # The old `Rich Media.csv` (Type,Link) only points at LinkedIn's download pages.
        h_desc, description = _get(v, "Media Description")
        h_link, link = _get(v, "Media Link")
        stamp = _get(v, "Date/Time")[1]
        if not (description or link):
            continue
        when = parse_date(stamp)
        text = description or ""
        yield _item(ctx, name, ItemKind.PHOTO, index, h_desc or h_link, when, text=text, url=link or None,
                    details=details(("uploaded", stamp)))


def _job_applications(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        when = parse_date(_get(v, "Application Date")[1])
        company = _get(v, "Company Name")[1]
        job = _get(v, "Job Title")[1]
        extra = details(("kind", "job application"), ("company", company), ("job_title", job))
        for header, fld in (("Contact Email", ProfileField.EMAIL), ("Contact Phone Number", ProfileField.PHONE),
                            ("Resume Name", "resume_name")):
            real, value = _get(v, header)
            if value and (fld != ProfileField.PHONE or ctx.once("phone", phone_key(value))):
                yield _field(ctx, name, fld, index, real, value, when, extra)
        real, value = _get(v, "Company Name")
        if value:
            yield _field(ctx, name, "job_application", index, real, f"{job} at {value}" if job else value, when,
                         extra)


def _verifications(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    for index, v in rows:
        when = parse_date(_get(v, "Verified date")[1])
        vtype = _get(v, "Verification type")[1]
        extra = details(("kind", "verification"), ("verification_type", vtype),
                        ("document_type", _get(v, "Document type")[1]))
        for header, fld in (("Organization name", ProfileField.EMPLOYER), ("Email address", ProfileField.EMAIL),
                            ("City", ProfileField.CITY), ("Year of birth", ProfileField.BIRTH_DATE)):
            real, value = _get(v, header)
            if value:
                yield _field(ctx, name, fld, index, real, value, when, extra)


def _contacts(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    """The address book the person uploaded: other people's details, so only how many there are
    (one OTHER item); names, numbers and addresses of contacts are never items."""
    count = sum(1 for _ in rows)
    if count:
        yield Item(Platform.LINKEDIN, ItemKind.OTHER, ctx.source(name), text=str(count), field="uploaded_contacts",
                   audience=Audience.PRIVATE)


def _messages(ctx: ReadContext, name: str, rows: Iterator[Row], account: _Account) -> Iterator[Item]:
    """Messages the person sent (DIRECTION "OUTGOING" in 2018 exports, else FROM their own name: the
    profile's, or without Profile.csv the one person in every conversation, `_holder`); messages they
    received are other people's words and are not read."""
    own, url = account.name.lower(), ""
    if not own:
        holder = _holder(ctx, name)
        if holder.undecided:
            ctx.skip(name, msg("reader.linkedin.messages_no_account", count=holder.rows))
            return
        own, url = holder.name.lower(), holder.url
    for index, v in rows:
        direction = _get(v, "Direction")[1].upper()
        sender = _get(v, "From")[1].lower()
        sender_url = _get(v, "Sender Profile URL")[1]
        if direction:
            if direction != "OUTGOING":
                continue
        elif not (own and sender == own and (not url or not sender_url or sender_url == url)):
            continue
        when = parse_date(_get(v, "Date")[1])
        for header in ("Subject", "Content"):
            real, text = _get(v, header)
            if text:
                yield _item(ctx, name, ItemKind.MESSAGE, index, real, when, text=text, audience=Audience.PRIVATE,
                            details=details(("to", _get(v, "To")[1])))


@dataclass
class _Holder:
    """Who the export's account holder is, as far as `messages.csv` alone tells."""

    name: str = ""
    url: str = ""
    rows: int = 0  # messages with words whose sender could not be told apart
    undecided: bool = False


_MAX_NAME_PARTS = 3  # "Jo Invented, MBA, FCA": a name in TO may itself hold commas


def _holder(ctx: ReadContext, name: str) -> _Holder:
    """Without Profile.csv, the sender who is a party (as sender or in TO) to at least 90% of the
    conversations while nobody else is a party to more than half of them: the account holder is in
    every conversation of their own inbox (LinkedIn's FOLDER says INBOX or ARCHIVE, never SENT).
    Anything less certain is undecided, and the messages are not read. A read of its own, so that
    skips are reported once, by the read that yields the items."""
    quiet = ReadContext(ctx.input_index, ctx.export, cancel=ctx.cancel)
    parties: dict[str, set[str]] = {}
    sent: Counter[str] = Counter()
    urls: dict[str, Counter[str]] = {}
    conversations: set[str] = set()
    worded = 0
    for index, v in _rows(quiet, name, "content"):
        if _get(v, "Direction")[1]:
            return _Holder()  # 2018: every message says whether it was sent
        worded += bool(_get(v, "Subject")[1] or _get(v, "Content")[1])
        sender = _get(v, "From")[1]
        names = [t.strip() for t in _get(v, "To")[1].split(",") if t.strip()]
        if not (sender or names):
            continue  # LinkedIn's own notices: nobody sent them
        conversation = _get(v, "Conversation ID")[1] or f"#{index}"
        conversations.add(conversation)
        if sender:
            sent[sender] += 1
            parties.setdefault(sender, set()).add(conversation)
            urls.setdefault(sender, Counter())[_get(v, "Sender Profile URL")[1]] += 1
        for start in range(len(names)):
            for end in range(start + 1, min(start + _MAX_NAME_PARTS, len(names)) + 1):
                parties.setdefault(", ".join(names[start:end]), set()).add(conversation)
    return _decide(parties, sent, urls, len(conversations), worded)


def _decide(parties: dict[str, set[str]], sent: Counter[str], urls: dict[str, Counter[str]], total: int,
            worded: int) -> _Holder:
    if not sent:
        return _Holder(rows=worded, undecided=worded > 0)
    best = max(sent, key=lambda n: (len(parties[n]), sent[n]))
    own = best.split(", ")

    def same_person(other: str) -> bool:  # "Jo Invented" within "Jo Invented, MBA", or the reverse
        parts = other.split(", ")
        short, long = sorted((parts, own), key=len)
        return any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1))

    rival = max((len(c) for n, c in parties.items() if not same_person(n)), default=0)
    if len(parties[best]) * 10 < total * 9 or rival * 2 > total:
        return _Holder(rows=worded, undecided=worded > 0)
    url = urls[best].most_common(1)[0][0]
    return _Holder(best, url)


MAX_ARTICLE = 8 * 1024 * 1024
_ARTICLE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")


def _articles(ctx: ReadContext) -> Iterator[Item]:
    """Articles the person published (`Articles/…/<date>-<title>.html`): title and text, public."""
    for member in ctx.export.members():
        low = member.name.lower()
        if not (low.startswith("articles/") and low.endswith((".html", ".htm"))) or member.size > MAX_ARTICLE:
            continue
        ctx.cancel.raise_if_cancelled()
        yield from guarded(ctx, member.name, functools.partial(_article, ctx, member.name))


def _article(ctx: ReadContext, name: str) -> Iterator[Item]:
    with ctx.export.open(name) as stream:
        soup = BeautifulSoup(stream.read(MAX_ARTICLE), "html.parser")
    stamp = _ARTICLE_TIME.match(name.rsplit("/", 1)[-1])
    when = parse_date(stamp.group(1)) if stamp else None
    title = soup.find("h1")
    body = soup.find("div")
    for part, pointer_text in ((title, "/h1"), (body, "/div")):
        text = part.get_text("\n", strip=True) if part is not None else ""
        if text:
            yield Item(Platform.LINKEDIN, ItemKind.POST, ctx.source(name, pointer_text, when), text=text[:50000],
                       audience=Audience.PUBLIC, details=(("kind", "article"),))


_PARSERS: dict[str, Callable[[ReadContext, str, Iterator[Row], _Account], Iterator[Item]]] = {
    "profile": _profile, "summary": _summary, "positions": _positions, "education": _education,
    "emails": _emails, "phones": _phones, "whatsapp": _whatsapp, "shares": _shares, "comments": _comments,
    "rich_media": _rich_media, "job_applications": _job_applications, "verifications": _verifications,
    "contacts": _contacts, "messages": _messages,
}
