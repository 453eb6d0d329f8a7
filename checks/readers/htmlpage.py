"""One HTML page of an export, parsed whole with BeautifulSoup (html.parser), within a size bound.

Used by the readers of HTML exports (Facebook, Instagram, Snapchat) and of the HTML pages in
other exports (older YouTube comments). A page that is too large, unreadable or that the parser
gives up on is listed as a skipped file, and None is returned.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.exceptions import ParserRejectedMarkup

from checks.readers.base import ReadContext
from checks.readers.jsonstream import READ_ERRORS, reason_for
from checks.records import Message, msg

MAX_HTML = 64 * 1024 * 1024  # one HTML page is parsed whole; bigger pages are skipped


def load_html(ctx: ReadContext, name: str, too_large: Message | None = None) -> BeautifulSoup | None:
    """The parsed page, or None when it was skipped (too large: `too_large`, by default "request
    the JSON format"; unreadable; markup the parser rejects)."""
    member = ctx.export.member(name)
    if member is not None and member.size > MAX_HTML:
        ctx.skip(name, too_large or msg("reader.html.too_large"))
        return None
    try:
        with ctx.export.open(name) as stream:
            raw = stream.read(MAX_HTML + 1)
        if len(raw) > MAX_HTML:
            ctx.skip(name, too_large or msg("reader.html.too_large"))
            return None
        return BeautifulSoup(raw, "html.parser")
    except (ParserRejectedMarkup, AssertionError):  # html.parser gives up on some broken markup
        ctx.skip(name, msg("reader.damaged.layout"))
    except READ_ERRORS as exc:
        ctx.skip(name, reason_for(exc))
    return None
