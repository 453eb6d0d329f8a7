"""Builds the YouTube part of a Google Takeout in the real structure (invented people only).

`Takeout/YouTube and YouTube Music/` (translated in other account languages: `YouTube y YouTube Music`
with a no-break space, file and column names translated too) holds `comments/comments.csv`,
`live chats/live chats.csv`, `channels/channel.csv`, `channels/channel URL configs.csv`,
`channels/channel feature data.csv`, `video metadata/videos.csv`, `video metadata/video
recordings.csv`, `playlists/playlists.csv`, `subscriptions/subscriptions.csv` and
`history/watch-history.json`. Comment text is JSON segments: `{"takeoutSegments":[{"text":...}]}`
in the 2023 layout, `{"text":...},{"text":...}` from June 2024 (with `Post ID` and `Top-Level
Comment ID` columns in 2025). Older Takeouts have `my-comments/my-comments.html` instead (the
layout "html": one `<li>` per comment, its heading ending "at 2021-03-04 17:05:09 UTC." before a line
break and the words).
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tests.builders._zipped import Written

CHANNEL_ID = "UCa1b2c3d4e5f6g7h8i9j0kL"
HEADERS = {
    "2023": ("Comment ID", "Channel ID", "Comment Create Timestamp", "Price", "Parent Comment ID", "Video ID",
             "Comment Text"),
    "2024": ("Channel ID", "Comment Create Timestamp", "Price", "Comment ID", "Parent Comment ID", "Video ID",
             "Comment Text"),
    "2025": ("Comment ID", "Channel ID", "Comment Create Timestamp", "Price", "Parent Comment ID", "Post ID",
             "Video ID", "Comment Text", "Top-Level Comment ID"),
    # Spanish account: the same columns, translated
    "es": ("ID de comentario", "ID de canal", "Marca de tiempo de creación del comentario", "Precio",
           "ID de vídeo", "Texto del comentario"),
}


HTML_ZONES = {"UTC": 0, "PDT": -420, "CEST": 120, "GMT+05:30": 330}  # minutes east of UTC


def yt_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode("utf-8") + b"\n\n"  # real Takeout CSVs end with blank lines


def segments(text: str, layout: str) -> str:
    parts = [{"text": line} for line in text.split("|")]
    if layout == "2023":
        return json.dumps({"takeoutSegments": parts}, ensure_ascii=False, separators=(",", ":"))
    return ",".join(json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in parts)


@dataclass
class YtComment:
    text: str  # "|" splits the text into segments
    when: datetime
    video: str = "dQw4w9WgXcA"
    parent: str = ""


@dataclass
class YouTubeTakeout(Written):
    layout: str = "2025"  # "2023" | "2024" | "2025" | "es" (Spanish) | "html" (older my-comments.html)
    title: str = "Jo Invented"
    about: str = "Dog walks around Forest Hill"
    handle: str = "jo.invented"
    country: str = "GB"
    visibility: str = "Public"
    comments: list[YtComment] = field(default_factory=list)
    chats: list[tuple[str, datetime]] = field(default_factory=list)
    videos: list[tuple[str, str, str, datetime]] = field(default_factory=list)  # id, title, description, when
    privacy: str = "Public"
    recorded_at: tuple[float, float] | None = None  # where the first video was recorded
    default_location: tuple[float, float] | None = None
    other_products: dict[str, bytes] = field(default_factory=dict)  # other Takeout members, by path
    html_zone: str = "UTC"  # the zone `my-comments.html` gives its times in (HTML_ZONES), or anything else

    @property
    def root(self) -> str:
        return "Takeout/YouTube y YouTube\u00a0Music" if self.layout == "es" else "Takeout/YouTube and YouTube Music"

    def comment_rows(self) -> list[tuple[str, ...]]:
        rows = []
        for k, c in enumerate(self.comments):
            cid, text, when = f"Ugx{k:04d}AaABAg", segments(c.text, self.layout), yt_time(c.when)
            if self.layout == "2024":
                rows.append((CHANNEL_ID, when, "0", cid, c.parent, c.video, text))
            elif self.layout == "2025":
                rows.append((cid, CHANNEL_ID, when, "0", c.parent, "", c.video, text, c.parent))
            elif self.layout == "es":
                rows.append((cid, CHANNEL_ID, when, "0", c.video, text))
            else:
                rows.append((cid, CHANNEL_ID, when, "0", c.parent, c.video, text))
        return rows

    def comments_html(self) -> bytes:
        """`my-comments.html` as Takeout wrote it until 2023: one list item per comment, the heading
        "You added a <a>comment</a> on <a>a video</a> at 2021-03-04 17:05:09 UTC." (a reply: "You
        <a>replied</a> to a <a>comment</a> on ..."), times in `html_zone`, then a line break and the
        words (a comment with no words ends at the break)."""
        watch = "http://www.youtube.com/watch?v="
        items = []
        for k, c in enumerate(self.comments):
            cid = f"Ugx{k:04d}AaABAg"
            if c.parent:
                what = (f'You <a href="{watch}{c.video}&amp;lc={c.parent}.9Xy{k:04d}">replied</a> to a '
                        f'<a href="{watch}{c.video}&amp;lc={c.parent}">comment</a>')
            else:
                what = f'You added a <a href="{watch}{c.video}&amp;lc={cid}">comment</a>'
            when = self.html_time(c.when)
            words = "<br/>".join(html.escape(line) for line in c.text.replace("|", "").split("\n"))
            items.append(f'<li>{what} on <a href="{watch}{c.video}">a video</a> at {when}.<br/>{words}</li>')
        return ('<html><head><meta charset="UTF-8"><title>Your YouTube Comments</title></head><body><ul>'
                f'{"".join(items)}</ul></body></html>').encode()

    def html_time(self, moment: datetime) -> str:
        if self.html_zone not in HTML_ZONES:  # a zone or a time Offduty cannot read, written as given
            return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} {self.html_zone}".strip()
        local = moment.astimezone(UTC) + timedelta(minutes=HTML_ZONES[self.html_zone])
        return f"{local:%Y-%m-%d %H:%M:%S} {self.html_zone}"

    def files(self) -> dict[str, bytes]:
        r = self.root
        out: dict[str, bytes] = {"Takeout/archive_browser.html": b"<html><body>Takeout</body></html>"}
        if self.layout == "html":
            out[f"{r}/my-comments/my-comments.html"] = self.comments_html()
        elif self.layout == "es":
            out[f"{r}/comentarios/comentarios.csv"] = table(HEADERS["es"], self.comment_rows())
        else:
            out[f"{r}/comments/comments.csv"] = table(HEADERS[self.layout], self.comment_rows())
        if self.chats:
            out[f"{r}/live chats/live chats.csv"] = table(
                ("Live Chat ID", "Channel ID", "Live Chat Create Timestamp", "Price", "Video ID", "Live Chat Text"),
                [(f"Chat{k}", CHANNEL_ID, yt_time(when), "0", "liveVid0001", segments(text, "2024"))
                 for k, (text, when) in enumerate(self.chats)])
        out[f"{r}/channels/channel.csv"] = table(
            ("Channel ID", "Channel Country", "Channel Description (Original)", "Channel Title (Original)",
             "Channel Visibility"), [(CHANNEL_ID, self.country, self.about, self.title, self.visibility)])
        out[f"{r}/channels/channel URL configs.csv"] = table(("Channel ID", "Channel Vanity URL 1 Name"),
                                                            [(CHANNEL_ID, self.handle)])
        default = self.default_location or ("", "")
        out[f"{r}/channels/channel feature data.csv"] = table(
            ("Channel ID", "Channel Auto Moderation in Live Chat", "Video Default Allowed Comments Type",
             "Video Default Targeted Audience", "Video Default License", "Video Default Location Latitude",
             "Video Default Location Longitude"),
            [(CHANNEL_ID, "false", "ALL_COMMENTS", "NOT_MADE_FOR_KIDS", "YOUTUBE", str(default[0]), str(default[1]))])
        if self.videos:
            out[f"{r}/video metadata/videos.csv"] = table(
                ("Video ID", "Approx Duration (ms)", "Video Audio Language", "Video Category",
                 "Video Description (Original)", "Channel ID", "Video Title (Original)", "Privacy", "Video State",
                 "Video Create Timestamp", "Video Publish Timestamp"),
                [(vid, "61000", "en", "People & Blogs", desc, CHANNEL_ID, title, self.privacy, "Processed",
                  yt_time(when), yt_time(when)) for vid, title, desc, when in self.videos])
            where = self.recorded_at or ("", "")
            out[f"{r}/video metadata/video recordings.csv"] = table(
                ("Video ID", "Video Recording Address", "Video Recording Altitude", "Video Recording Latitude",
                 "Video Recording Longitude", "Place ID derived from Google's Places API"),
                [(self.videos[0][0], "", "0", str(where[0]), str(where[1]), "")])
        out[f"{r}/subscriptions/subscriptions.csv"] = table(
            ("Channel Id", "Channel Url", "Channel Title"),
            [("UCother0000000000000000a", "http://www.youtube.com/channel/UCother0000000000000000a", "Other")])
        out[f"{r}/history/watch-history.json"] = json.dumps([
            {"header": "YouTube", "title": "Watched A video", "titleUrl": "https://www.youtube.com/watch?v=x",
             "time": "2026-06-15T20:30:41Z", "products": ["YouTube"], "activityControls": ["YouTube watch history"]}
        ]).encode()
        out.update(self.other_products)
        return out
