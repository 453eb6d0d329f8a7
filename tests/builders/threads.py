"""Builds Threads data in the real structure of Meta's export (invented people only).

Threads arrives inside the Instagram export under `your_instagram_activity/threads/` (an
Instagram-linked profile), or as the only thing in the export when only Threads was chosen.
`threads_and_replies.json` is `{"text_post_app_text_posts": [...]}`: every post is a `media` list,
a text-only post one entry with an empty `uri` and the text in `title`, replies marked by
`text_app_post.is_reply`; `personal_information.json` holds `text_post_app_text_post_app_profile`
with `string_map_data` labels. Strings are written with Meta's byte-per-escape mojibake. Other
files (followers, likes, viewed threads) are other people's and hold invented handles only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tests.builders._zipped import Written
from tests.builders.facebook import epoch, meta_json, small_jpeg

FOLDER = "your_instagram_activity/threads"


@dataclass
class ThreadPost:
    text: str
    when: datetime
    reply: bool = False
    reply_control: str = "everyone"
    photo: str = ""  # a media file name: the post carries a photo with its exif block
    lat: float | None = None
    lon: float | None = None
    text_on_post: bool = False  # the text and time at the post level too (seen in some exports)


@dataclass
class ThreadsExport(Written):
    username: str = "jo.invented"
    name: str = "Jo Invented"
    bio: str = "Tea, dogs and long walks"
    link: str = ""
    email: str = "jo@example.com"
    private: bool | None = False
    labels: dict[str, str] = field(default_factory=dict)  # English label -> localised label
    posts: list[ThreadPost] = field(default_factory=list)
    folder: str = FOLDER
    others: bool = True  # followers / liked threads files (not read)

    def label(self, english: str) -> str:
        return self.labels.get(english, english)

    @staticmethod
    def smd(value: str) -> dict[str, Any]:
        return {"href": "", "value": value, "timestamp": 0}

    def profile_json(self) -> dict[str, Any]:
        smd = {self.label("Username"): self.smd(self.username), self.label("Name"): self.smd(self.name),
               self.label("Bio"): self.smd(self.bio), self.label("Email"): self.smd(self.email)}
        if self.link:
            smd[self.label("Link")] = self.smd(self.link)
        if self.private is not None:
            smd[self.label("Private Account")] = self.smd("True" if self.private else "False")
        # 2024 exports close the block with the onboarding time and two badge flags
        smd[self.label("Onboarding Time")] = {"href": "", "value": "", "timestamp": 1717617454}
        smd[self.label("Is Eligible for Profile Activation Badge")] = self.smd("False")
        smd[self.label("Profile Shows Activation Badge")] = self.smd("False")
        return {"text_post_app_text_post_app_profile": [{"media_map_data": {}, "string_map_data": smd}]}

    def media_json(self, post: ThreadPost) -> dict[str, Any]:
        media: dict[str, Any] = {
            "uri": f"media/posts/{post.when:%Y%m}/{post.photo}" if post.photo else "",
            "creation_timestamp": epoch(post.when), "title": post.text,
            "media_metadata": {"camera_metadata": {"has_camera_metadata": False}},
            "cross_post_source": {"source_app": "FB"},
            "text_app_post": {"reply_control": post.reply_control, "geo_gated_country_list": "",
                              "is_reply": post.reply}}
        if post.photo:
            exif: dict[str, Any] = {"device_id": "android-5e6f7a8b9c0d1e2f", "source_type": "4"}
            if post.lat is not None:
                exif.update(latitude=post.lat, longitude=post.lon)
            media["media_metadata"] = {"photo_metadata": {"exif_data": [exif]}}
        return media

    def posts_json(self) -> dict[str, Any]:
        out = []
        for post in self.posts:
            entry: dict[str, Any] = {"media": [self.media_json(post)]}
            if post.text_on_post:
                entry.update(title=post.text, creation_timestamp=epoch(post.when))
            out.append(entry)
        return {"text_post_app_text_posts": out}

    def files(self) -> dict[str, bytes]:
        out = {f"{self.folder}/personal_information.json": meta_json(self.profile_json()),
               f"{self.folder}/threads_and_replies.json": meta_json(self.posts_json())}
        if self.others:
            out[f"{self.folder}/followers_1.json"] = meta_json({"text_post_app_text_post_app_followers": [
                {"title": "Sam Other", "string_list_data": [
                    {"href": "https://www.threads.com/sam.other", "value": "sam.other", "timestamp": 1730000000}]}]})
            out[f"{self.folder}/liked_threads.json"] = meta_json({"text_post_app_media_likes": [
                {"title": "sam.other", "media_list_data": [], "string_list_data": [
                    {"href": "https://www.threads.com/@sam.other/post/DAbC1", "value": "\U0001F44D",
                     "timestamp": 1760912834}]}]})
        for index, post in enumerate(self.posts):
            if post.photo:
                out[f"media/posts/{post.when:%Y%m}/{post.photo}"] = small_jpeg(index)
        return out
