"""Builds Reddit data request exports in the real structure (invented people only).

A flat zip `export_<username>_<YYYYMMDD>.zip` of CSV files with Reddit's own headers (research §9
and the viewers that read them): `posts.csv` (`id,permalink,date,ip,subreddit,gildings,title,url,
body`), `comments.csv` (`...,link,parent,body,media`), `messages.csv`, `chat_history.csv`,
`drafts.csv`, `statistics.csv` (`statistic,value`: account name, e-mail address...),
`linked_phone_number.csv`, `birthdate.csv`, `account_gender.csv`, `user_preferences.csv`
(`preference,value`), and files Offduty does not read (votes, subscriptions, login IPs,
`checkfile.csv`). Dates are `2023-01-15 12:34:56 UTC`; IPs are documentation addresses.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.builders._zipped import write_folder, write_zip

POSTS = ("id", "permalink", "date", "ip", "subreddit", "gildings", "title", "url", "body")
COMMENTS = ("id", "permalink", "date", "ip", "subreddit", "gildings", "link", "parent", "body", "media")
MESSAGES = ("id", "permalink", "thread_id", "date", "ip", "from", "to", "subject", "body")
CHATS = ("message_id", "created_at", "updated_at", "username", "message", "thread_parent_message_id",
         "channel_url", "subreddit", "channel_name", "conversation_type")
DRAFTS = ("id", "title", "body", "kind", "created", "modified", "spoiler", "nsfw", "original_content",
          "content_category", "flair_id", "flair_text", "send_replies", "subreddit", "is_public_link")


def reddit_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _without_ip(data: bytes) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    at = rows[0].index("ip")
    return table(tuple(rows[0][:at] + rows[0][at + 1:]), [tuple(r[:at] + r[at + 1:]) for r in rows[1:]])


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@dataclass
class RedditPost:
    title: str
    body: str
    when: datetime
    subreddit: str = "CasualUK"


@dataclass
class RedditExport:
    username: str = "jo_invented"
    email: str = "jo@example.com"
    phone: str = ""
    birthdate: str = ""
    gender: str = ""
    posts: list[RedditPost] = field(default_factory=list)
    comments: list[tuple[str, datetime]] = field(default_factory=list)
    messages: list[tuple[str, str, str, datetime]] = field(default_factory=list)  # from, to, body, when
    chats: list[tuple[str, str, datetime]] = field(default_factory=list)  # username, message, when
    drafts: list[tuple[str, str]] = field(default_factory=list)  # title, body
    preferences: dict[str, str] = field(default_factory=lambda: {"hide_from_robots": "false",
                                                                  "nightmode": "true"})
    statistics: bool = True
    layout: str = "2024"  # "2023": posts.csv and comments.csv have no ip column

    @property
    def zip_name(self) -> str:
        return f"export_{self.username}_20260723.zip"

    def files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {
            "posts.csv": table(POSTS, [
                (f"1a{k:04d}", f"/r/{p.subreddit}/comments/1a{k:04d}/post/", reddit_time(p.when), "192.0.2.10",
                 p.subreddit, "0", p.title, f"https://www.reddit.com/r/{p.subreddit}/comments/1a{k:04d}/post/",
                 p.body) for k, p in enumerate(self.posts)]),
            "comments.csv": table(COMMENTS, [
                (f"kx{k:04d}", f"/r/CasualUK/comments/1zz/thread/kx{k:04d}/", reddit_time(when), "192.0.2.11",
                 "CasualUK", "0", "https://www.reddit.com/r/CasualUK/comments/1zz/thread/", "t3_1zz", text, "")
                for k, (text, when) in enumerate(self.comments)]),
            "post_votes.csv": table(("id", "permalink", "direction"), [("1zz", "/r/CasualUK/comments/1zz/", "up")]),
            "post_headers.csv": table(("id", "permalink", "date", "ip", "subreddit", "gildings", "url"), []),
            "subscribed_subreddits.csv": table(("subreddit",), [("CasualUK",), ("unitedkingdom",)]),
            "ip_logs.csv": table(("date", "ip"), [("registration ip", "192.0.2.1"),
                                                  ("2026-07-01 10:00:00 UTC", "192.0.2.12")]),
            "user_preferences.csv": table(("preference", "value"), list(self.preferences.items())),
        }
        if self.layout == "2023":
            for name in ("posts.csv", "comments.csv"):
                out[name] = _without_ip(out[name])
        if self.statistics:
            out["statistics.csv"] = table(("statistic", "value"), [
                ("account name", self.username), ("export time", "2026-07-23 09:00:00 UTC"), ("is_deleted", "False"),
                ("registration date", "2014-05-19 22:02:20 UTC"), ("email verified", "True"),
                ("email address", self.email)])
        if self.messages:
            out["messages.csv"] = table(MESSAGES, [
                (f"m{k}", f"/message/messages/m{k}", f"t{k}", reddit_time(when), "192.0.2.13", sender, to, "re", body)
                for k, (sender, to, body, when) in enumerate(self.messages)])
        if self.chats:
            out["chat_history.csv"] = table(CHATS, [
                (f"c{k}", reddit_time(when), reddit_time(when), user, text, "", "sendbird_group_channel_1", "", "",
                 "direct") for k, (user, text, when) in enumerate(self.chats)])
        if self.drafts:
            out["drafts.csv"] = table(DRAFTS, [
                (f"d{k}", title, body, "self", "2026-01-02 10:00:00 UTC", "", "false", "false", "false", "", "", "",
                 "true", "r/CasualUK", "false") for k, (title, body) in enumerate(self.drafts)])
        if self.phone:
            out["linked_phone_number.csv"] = table(("phone_number",), [(self.phone,)])
        if self.birthdate:
            out["birthdate.csv"] = table(("birthdate", "verified_birthdate", "verification_state",
                                          "verification_method"), [(self.birthdate, "", "", "")])
        if self.gender:
            out["account_gender.csv"] = table(("account_gender",), [(self.gender,)])
        out["checkfile.csv"] = table(("filename", "sha256"), [
            (name, hashlib.sha256(data).hexdigest()) for name, data in sorted(out.items())])
        return out

    def write_zip(self, folder: Path) -> Path:
        return write_zip(self.files(), folder / self.zip_name)

    def write_folder(self, path: Path) -> Path:
        return write_folder(self.files(), path)
