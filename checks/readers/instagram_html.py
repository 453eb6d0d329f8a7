"""Reader for Instagram exports downloaded in the HTML format (best effort, BeautifulSoup).

Reads personal information (label/value rows, localised labels matched as for JSON, the
1919-01-01 placeholder birth date ignored, "Private account" as a SETTING), account based in,
posts, stories and reels (captions, dates, the "Latitude"/"Longitude" rows Instagram prints for
geotagged media) and the person's comments. A note asks for the JSON format, which holds more.
Pointers are "" (the timestamp identifies the record).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from checks.readers.base import ReadContext
from checks.readers.facebook_html import (
    HtmlPagesReader,
    HtmlRecord,
    RecordReader,
    point_from_pairs,
    profile_field,
)
from checks.readers.jsonstream import details, parse_pair
from checks.readers.meta_text import LABELS, PLACEHOLDER_BIRTH_DATE, boolean
from checks.readers.spec import FormatSpec
from checks.records import Item, ItemKind, Platform, ProfileField, SettingName, msg


def _kind_of(name: str) -> str | None:
    low = name.lower()
    if not low.endswith((".html", ".htm")) or re.search(r"(^|/)(messages|inbox)/", low):
        return None
    base = low.rsplit("/", 1)[-1]
    if base.startswith(("personal_information", "instagram_profile_information")):
        return "personal"
    if base.startswith(("account_based_in", "profile_based_in")):
        return "based_in"
    if re.match(r"^(posts(_\d+)?|stories|reels|archived_posts|igtv_videos)\.html?$", base) and (
            "content/" in low or "media/" in low):
        return "posts"
    if re.match(r"^(post_comments(_\d+)?|comments|reels_comments)\.html?$", base):
        return "comments"
    return None


def _item(ctx: ReadContext, name: str, kind: ItemKind, when: datetime | None, **fields: Any) -> Item:
    return Item(platform=Platform.INSTAGRAM, kind=kind, source=ctx.source(name, "", when), **fields)


def _personal(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    for label, value in rec.pairs:
        fld = LABELS.get(label.strip().lower()) or profile_field(label, value)
        if fld == "private_account" or (fld is None and boolean(value) is not None
                                        and "phone" not in label.lower()):
            flag = boolean(value)
            if flag is not None:
                yield _item(ctx, name, ItemKind.SETTING, rec.when, text=flag,
                            field=SettingName.PRIVATE_ACCOUNT, details=(("label", label),))
            continue
        if fld is None or fld in ("phone_confirmed", "email_confirmed"):
            continue
        if fld == ProfileField.BIRTH_DATE and value.startswith(PLACEHOLDER_BIRTH_DATE):
            continue
        yield _item(ctx, name, ItemKind.PROFILE_FIELD, rec.when, text=value, field=fld, details=(("label", label),))


def _based_in(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    for label, value in rec.pairs:
        yield _item(ctx, name, ItemKind.PROFILE_FIELD, rec.when, text=value, field=ProfileField.CITY,
                    details=(("source", "account based in"), ("label", label)))


def _post(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    caption = rec.title or rec.body
    if caption:
        yield _item(ctx, name, ItemKind.POST, rec.when, text=caption)
    point = point_from_pairs(rec.pairs)
    if point:
        yield _item(ctx, name, ItemKind.PHOTO, rec.when, location=point,
                    details=details(*((lab.lower(), v) for lab, v in rec.pairs
                                      if parse_pair(v) is None and not lab.lower().startswith(("lat", "lon")))))


def _comment(ctx: ReadContext, name: str, rec: HtmlRecord) -> Iterator[Item]:
    comment = next((v for lab, v in rec.pairs if lab.lower() == "comment"), "")
    if not comment and rec.pairs:
        comment = rec.pairs[0][1]
    comment = comment or rec.body
    if comment:
        owner = next((v for lab, v in rec.pairs if lab.lower() == "media owner"), "")
        yield _item(ctx, name, ItemKind.COMMENT, rec.when, text=comment, details=details(("media_owner", owner)))


_HANDLERS: dict[str, RecordReader] = {"personal": _personal, "based_in": _based_in, "posts": _post,
                                      "comments": _comment}


class InstagramHtmlReader(HtmlPagesReader):
    """Instagram export, HTML format (best effort)."""

    spec = FormatSpec("instagram-html", Platform.INSTAGRAM, variant_of="instagram")
    kind_of = staticmethod(_kind_of)
    handlers = _HANDLERS
    json_note = msg("reader.instagram.html_only")
