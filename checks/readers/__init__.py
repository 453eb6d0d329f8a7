"""The registry of readers: format id -> reader class. Adding a reader is one module + one line here."""

from __future__ import annotations

from checks.readers.base import ReadContext, Reader

READERS: dict[str, type[Reader]] = {}


def register(cls: type[Reader]) -> type[Reader]:
    """Add a reader class to the registry (called explicitly below, never by import magic)."""
    READERS[cls.format] = cls
    return cls


def reader_for(format_id: str) -> type[Reader] | None:
    return READERS.get(format_id)


# -- the registered readers, one line each ----------------------------------------------------
from checks.readers.x import XArchiveReader  # noqa: E402

register(XArchiveReader)
from checks.readers.facebook import FacebookReader  # noqa: E402

register(FacebookReader)
from checks.readers.facebook_html import FacebookHtmlReader  # noqa: E402

register(FacebookHtmlReader)
from checks.readers.instagram import InstagramReader  # noqa: E402

register(InstagramReader)
from checks.readers.instagram_html import InstagramHtmlReader  # noqa: E402

register(InstagramHtmlReader)
from checks.readers.linkedin import LinkedInReader  # noqa: E402

register(LinkedInReader)
from checks.readers.tiktok import TikTokReader  # noqa: E402

register(TikTokReader)
from checks.readers.photos import PhotosReader  # noqa: E402

register(PhotosReader)
from checks.readers.google_takeout import GoogleTakeoutReader  # noqa: E402

register(GoogleTakeoutReader)
from checks.readers.google_timeline import GoogleTimelineReader  # noqa: E402

register(GoogleTimelineReader)
from checks.readers.snapchat import SnapchatHtmlReader, SnapchatReader  # noqa: E402

register(SnapchatReader)
register(SnapchatHtmlReader)
from checks.readers.strava import StravaReader  # noqa: E402

register(StravaReader)
from checks.readers.mastodon import MastodonReader  # noqa: E402

register(MastodonReader)
from checks.readers.bluesky import BlueskyReader  # noqa: E402

register(BlueskyReader)

__all__ = ["READERS", "ReadContext", "Reader", "reader_for", "register"]
