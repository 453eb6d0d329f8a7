"""The registry of formats and readers. Adding a reader is one module + one line here.

`FORMATS` holds every format Offduty recognises (its `FormatSpec`), in the order recognition
tries them; `READERS` the formats this version reads. A format recognised but not read yet
(WhatsApp chats) is registered with `recognised_only`.
"""

from __future__ import annotations

from checks.readers.base import ReadContext, Reader
from checks.readers.spec import FormatSpec, Sign
from checks.records import Platform

FORMATS: dict[str, FormatSpec] = {}
READERS: dict[str, type[Reader]] = {}


def register(cls: type[Reader]) -> type[Reader]:
    """Add a reader class (and its format) to the registry (called explicitly below, never by import magic)."""
    FORMATS[cls.spec.id] = cls.spec
    READERS[cls.spec.id] = cls
    return cls


def recognised_only(spec: FormatSpec) -> FormatSpec:
    """Add a format Offduty recognises but cannot read yet."""
    FORMATS[spec.id] = spec
    return spec


def reader_for(format_id: str) -> type[Reader] | None:
    return READERS.get(format_id)


def layout_folders() -> frozenset[str]:
    """The top folder names of every format's own layout (lower case): never wrappers."""
    return frozenset(folder.lower() for spec in FORMATS.values() for folder in spec.folders)


# -- the registered formats, in the order recognition tries them --------------------------------
from checks.readers.x import XArchiveReader  # noqa: E402

register(XArchiveReader)
from checks.readers.facebook import FacebookReader  # noqa: E402

register(FacebookReader)
from checks.readers.facebook_html import FacebookHtmlReader  # noqa: E402

register(FacebookHtmlReader)
from checks.readers.threads import ThreadsReader  # noqa: E402

register(ThreadsReader)
from checks.readers.instagram import InstagramReader  # noqa: E402

register(InstagramReader)
from checks.readers.instagram_html import InstagramHtmlReader  # noqa: E402

register(InstagramHtmlReader)
from checks.readers.linkedin import LinkedInReader  # noqa: E402

register(LinkedInReader)
from checks.readers.tiktok import TikTokReader  # noqa: E402

register(TikTokReader)
from checks.readers.snapchat import SnapchatHtmlReader, SnapchatReader  # noqa: E402

register(SnapchatReader)
register(SnapchatHtmlReader)
from checks.readers.google_timeline import GoogleTimelineReader  # noqa: E402

register(GoogleTimelineReader)
from checks.readers.youtube import YouTubeReader  # noqa: E402

register(YouTubeReader)
from checks.readers.google_takeout import GoogleTakeoutReader  # noqa: E402

register(GoogleTakeoutReader)
from checks.readers.strava import StravaReader  # noqa: E402

register(StravaReader)
from checks.readers.mastodon import MastodonReader  # noqa: E402

register(MastodonReader)
from checks.readers.bluesky import BlueskyReader  # noqa: E402

register(BlueskyReader)
from checks.readers.reddit import RedditReader  # noqa: E402

register(RedditReader)

_WHATSAPP_LINE = r"^\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},? \d{1,2}:\d{2}"
recognised_only(FormatSpec("whatsapp-chat", Platform.OTHER, signs=(
    Sign(0.9, paths=("_chat.txt",), text=_WHATSAPP_LINE),
    Sign(0.9, pattern=r"(^|/)WhatsApp Chat (with|-) [^/\n]*\.txt$", text=_WHATSAPP_LINE),
), expected_file="_chat.txt"))
from checks.readers.photos import PhotosReader  # noqa: E402

register(PhotosReader)

__all__ = ["FORMATS", "READERS", "ReadContext", "Reader", "layout_folders", "reader_for", "recognised_only",
           "register"]
