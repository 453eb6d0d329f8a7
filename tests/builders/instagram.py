"""Builds Instagram "Download your information" exports in the real structure (invented people only).

Layouts (research §2.1): "2021" (`account_information/personal_information.json`, `content/posts_1.json`,
`information_about_you/`, `login_and_account_creation/`), "2023" (`personal_information/…`,
`your_instagram_activity/content/posts_1.json`, `your_instagram_activity/comments/post_comments_1.json`)
and "2025" (`personal_information/personal_information/personal_information.json`,
`your_instagram_activity/media/posts_1.json`, `security_and_login_information/login_and_profile_creation/`).
JSON uses Meta's byte-per-escape mojibake; `string_map_data` labels can be localised (Italian as in a
real 2021 export). The HTML variant writes Meta's `_a6-g` boxes with label/value tables.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.builders._zipped import Written
from tests.builders.facebook import (
    DEMO_EMAIL,
    DEMO_HOME,
    DEMO_NAME,
    DEMO_PHONE,
    DEMO_POSTCODE,
    DEMO_STREET,
    epoch,
    meta_json,
    small_jpeg,
)

ITALIAN = {"Email": "Indirizzo e-mail", "Phone Number": "Numero di telefono", "Username": "Nome utente",
           "Name": "Nome", "Bio": "Biografia", "Gender": "Genere", "Date of birth": "Data di nascita",
           "Website": "Sito web", "Private Account": "Account privato"}
# A language Offduty has no labels for: read by shape and position.
FINNISH = {"Email": "Sähköposti", "Phone Number": "Puhelinnumero", "Username": "Käyttäjänimi", "Name": "Nimi",
           "Bio": "Elämäkerta", "Gender": "Sukupuoli", "Date of birth": "Syntymäaika", "Website": "Verkkosivusto",
           "Private Account": "Yksityinen tili"}


@dataclass
class IgMedia:
    name: str
    when: datetime
    caption: str = ""
    lat: float | None = None
    lon: float | None = None
    video: bool = False
    device_id: str = "android-1a2b3c4d5e6f7a8b"

    def folder(self, kind: str) -> str:
        return f"media/{kind}/{self.when:%Y%m}"


@dataclass
class IgPost:
    caption: str
    when: datetime
    media: list[IgMedia] = field(default_factory=list)


@dataclass
class InstagramExport(Written):
    layout: str = "2025"  # "2021" | "2023" | "2025"
    fmt: str = "json"
    labels: dict[str, str] = field(default_factory=dict)  # English label -> localised label
    email: str = "jo@example.com"
    phone: str = "+447700900123"
    username: str = "jo.invented"
    name: str = "Jo Invented"
    bio: str = "Coffee ☕ and running"
    gender: str = "female"
    birth_date: str = "1991-06-02"
    website: str = ""
    private: bool | None = False
    privacy_changes: list[tuple[str, datetime]] = field(default_factory=list)  # ("Private"/"Public", when)
    profile_changes: list[tuple[str, str, str, datetime]] = field(default_factory=list)  # what, old, new, when
    autofill: dict[str, Any] = field(default_factory=dict)
    based_in: str = ""
    interests: list[str] = field(default_factory=list)
    # the account's last known position as the 2025 export gives it: precise and imprecise
    # latitude/longitude pairs and the upload time, in login_and_profile_creation/
    last_known: tuple[float, float] | None = None
    posts: list[IgPost] = field(default_factory=list)
    stories: list[IgMedia] = field(default_factory=list)
    reels: list[IgPost] = field(default_factory=list)
    comments: list[tuple[str, str, datetime]] = field(default_factory=list)  # text, owner, when
    extra: dict[str, bytes] = field(default_factory=dict)

    # -- paths ----------------------------------------------------------------------------
    @property
    def personal_path(self) -> str:
        return {"2021": "account_information/personal_information",
                "2023": "personal_information/personal_information",
                "2025": "personal_information/personal_information/personal_information"}[self.layout] + \
            f".{self.fmt}"

    @property
    def content_dir(self) -> str:
        return {"2021": "content", "2023": "your_instagram_activity/content",
                "2025": "your_instagram_activity/media"}[self.layout]

    @property
    def about_dir(self) -> str:
        return "information_about_you" if self.layout == "2021" else "personal_information/information_about_you"

    @property
    def login_dir(self) -> str:
        return {"2021": "login_and_account_creation", "2023": "login_and_account_creation",
                "2025": "security_and_login_information/login_and_profile_creation"}[self.layout]

    @property
    def comments_path(self) -> str:
        if self.layout == "2021":
            return f"comments/comments.{self.fmt}"
        return f"your_instagram_activity/comments/post_comments_1.{self.fmt}"

    @property
    def autofill_path(self) -> str:
        base = "autofill_information" if self.layout == "2021" else "personal_information/autofill_information"
        return f"{base}/autofill_information.json"

    def label(self, english: str) -> str:
        return self.labels.get(english, english)

    # -- records --------------------------------------------------------------------------
    @staticmethod
    def smd(value: str, when: datetime | None = None) -> dict[str, Any]:
        return {"href": "", "value": value, "timestamp": epoch(when) if when else 0}

    def personal_json(self) -> dict[str, Any]:
        smd: dict[str, Any] = {}
        smd[self.label("Email")] = self.smd(self.email)
        smd[self.label("Phone Number")] = self.smd(self.phone)
        smd["Phone Confirmed"] = self.smd("True")  # stays English in localised exports
        smd[self.label("Username")] = self.smd(self.username)
        smd[self.label("Name")] = self.smd(self.name)
        smd[self.label("Bio")] = self.smd(self.bio)
        smd[self.label("Gender")] = self.smd(self.gender)
        smd[self.label("Date of birth")] = self.smd(self.birth_date)
        if self.website:
            smd[self.label("Website")] = self.smd(self.website)
        if self.private is not None:
            smd[self.label("Private Account")] = self.smd("True" if self.private else "False")
        return {"profile_user": [{
            "title": "Informazioni sull'utente" if self.labels is ITALIAN else "User information",
            "media_map_data": {"Profile Photo": {"uri": "media/other/profile_1.jpg",
                                                 "creation_timestamp": 1600000000, "title": ""}},
            "string_map_data": smd}]}

    def media_json(self, m: IgMedia, kind: str) -> dict[str, Any]:
        exif: dict[str, Any] = {"device_id": m.device_id, "date_time_original": m.when.strftime("%Y:%m:%d %H:%M:%S"),
                                "source_type": "4"}
        if m.lat is not None:
            exif["latitude"] = m.lat
            exif["longitude"] = m.lon
        meta_key = "video_metadata" if m.video else "photo_metadata"
        return {"uri": f"{m.folder(kind)}/{m.name}", "creation_timestamp": epoch(m.when),
                "media_metadata": {meta_key: {"exif_data": [exif]}}, "title": m.caption,
                "cross_post_source": {"source_app": "FB"}}

    def post_json(self, p: IgPost, kind: str) -> dict[str, Any]:
        if len(p.media) == 1:  # single-media posts keep the caption on the media only
            media = self.media_json(p.media[0], kind)
            media["title"] = p.caption
            return {"media": [media]}
        return {"media": [self.media_json(m, kind) for m in p.media], "title": p.caption,
                "creation_timestamp": epoch(p.when)}

    def files(self) -> dict[str, bytes]:
        out = self._html_files() if self.fmt == "html" else self._json_files()
        for kind, medias in (("posts", [m for p in self.posts for m in p.media]), ("stories", self.stories),
                             ("reels", [m for p in self.reels for m in p.media])):
            for m in medias:
                out[f"{m.folder(kind)}/{m.name}"] = b"\x00\x00\x00\x18ftypmp42" if m.video else small_jpeg(len(out))
        out.update(self.extra)
        return out

    def _json_files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {self.personal_path: meta_json(self.personal_json())}
        if self.layout == "2025":
            out["personal_information/personal_information/instagram_profile_information.json"] = meta_json(
                {"profile_account_insights": [{"title": "", "string_map_data": {
                    "Contact Syncing": self.smd("False")}}]})
            out["start_here.html"] = b"<html><body>Your information</body></html>"
        if self.posts:
            out[f"{self.content_dir}/posts_1.json"] = meta_json([self.post_json(p, "posts") for p in self.posts])
        if self.stories:
            out[f"{self.content_dir}/stories.json"] = meta_json(
                {"ig_stories": [self.media_json(m, "stories") for m in self.stories]})
        if self.reels:
            out[f"{self.content_dir}/reels.json"] = meta_json(
                {"ig_reels_media": [{"media": [self.media_json(m, "reels") for m in r.media]} for r in self.reels]})
        if self.privacy_changes:
            out[f"{self.login_dir}/account_privacy_changes.json"] = meta_json(
                {"account_history_account_privacy_history": [
                    {"title": title, "media_map_data": {}, "string_map_data": {"Time": self.smd("", when)}}
                    for title, when in self.privacy_changes]})
        if self.profile_changes:
            out[f"{'personal_information/personal_information' if self.layout != '2021' else 'account_information'}"
                "/profile_changes.json"] = meta_json({"profile_profile_change": [
                    {"title": "", "media_map_data": {}, "string_map_data": {
                        "Changed": self.smd(what), "Previous Value": self.smd(old), "New Value": self.smd(new),
                        "Change Date": self.smd("", when)}} for what, old, new, when in self.profile_changes]})
        if self.autofill:
            out[self.autofill_path] = meta_json({"ig_autofill_data": self.autofill})
        if self.based_in:
            out[f"{self.about_dir}/account_based_in.json"] = meta_json({"inferred_data_primary_location": [
                {"media_map_data": {}, "title": "", "string_map_data": {
                    self.labels.get("City Name", "City Name"): self.smd(self.based_in)}}]})
        if self.interests:
            out[f"{self.about_dir}/locations_of_interest.json"] = meta_json({"label_values": [
                {"label": "Locations of interest", "vec": [{"value": v} for v in self.interests]}]})
        if self.last_known:
            lat, lon = self.last_known
            out[f"{self.login_dir}/last_known_location.json"] = meta_json(
                {"account_history_imprecise_last_known_location": [{"title": "", "media_map_data": {},
                 "string_map_data": {
                     "Imprecise latitude": self.smd(f"{lat:.1f}"), "Imprecise longitude": self.smd(f"{lon:.1f}"),
                     "Precise latitude": self.smd(f"{lat:.6f}"), "Precise longitude": self.smd(f"{lon:.6f}"),
                     "GPS time uploaded": self.smd("", datetime(2025, 3, 1, 8, 30, tzinfo=UTC))}}]})
        if self.comments:
            if self.layout == "2021":
                out[self.comments_path] = meta_json({"comments_media_comments": [
                    {"title": owner, "string_list_data": [{"value": text, "timestamp": epoch(when)}]}
                    for text, owner, when in self.comments]})
            else:
                out[self.comments_path] = meta_json([
                    {"media_list_data": [{"uri": ""}], "string_map_data": {
                        "Comment": self.smd(text), "Media Owner": self.smd(owner), "Time": self.smd("", when)}}
                    for text, owner, when in self.comments])
        return out

    # -- HTML -----------------------------------------------------------------------------
    def _html_files(self) -> dict[str, bytes]:
        from tests.builders.facebook import FacebookExport

        fb = FacebookExport()
        out: dict[str, bytes] = {}
        pairs = [(self.label("Email"), self.email), (self.label("Phone Number"), self.phone),
                 (self.label("Username"), self.username), (self.label("Name"), self.name),
                 (self.label("Date of birth"), self.birth_date)]
        if self.private is not None:
            pairs.append((self.label("Private Account"), "True" if self.private else "False"))
        out[self.personal_path] = fb._page("Personal information", [fb._box("", fb._table(pairs), None)])
        boxes = []
        for p in self.posts:
            rows: list[tuple[str, str]] = []
            for m in p.media:
                if m.lat is not None:
                    rows += [("Latitude", str(m.lat)), ("Longitude", str(m.lon))]
            body = f'<div><img src="{html.escape(p.media[0].folder("posts"))}/{p.media[0].name}"/></div>' \
                if p.media else ""
            boxes.append(fb._box(p.caption, body + (fb._table(rows) if rows else ""), p.when))
        if boxes:
            out[f"{self.content_dir}/posts_1.html"] = fb._page("Posts", boxes)
        if self.comments:
            out[self.comments_path] = fb._page("Comments", [
                fb._box("", fb._table([("Comment", text), ("Media Owner", owner),
                                       ("Time", fb.html_date(when))]), None) for text, owner, when in self.comments])
        return out


def demo_export() -> InstagramExport:
    t = datetime(2025, 6, 21, 19, 40, tzinfo=UTC)
    return InstagramExport(
        layout="2025", email=DEMO_EMAIL, phone=DEMO_PHONE.replace(" ", ""), username="sam_h_se23",
        name=DEMO_NAME, bio="Response PC 🚓 | Lewisham | dad of two | parkrun addict", birth_date="1990-04-17",
        private=False, privacy_changes=[("Private", datetime(2023, 1, 5, tzinfo=UTC)),
                                        ("Public", datetime(2024, 9, 1, tzinfo=UTC))],
        autofill={"street_address": [DEMO_STREET], "address_level2": ["London"], "postal_code": [DEMO_POSTCODE],
                  "tel": [DEMO_PHONE], "email": [DEMO_EMAIL], "given_name": ["Sam"], "family_name": ["Hollis"]},
        based_in="London",
        posts=[IgPost("Summer evenings in the garden 🌞", t,
                      [IgMedia("18000000000000001.jpg", t, lat=DEMO_HOME[0], lon=DEMO_HOME[1])]),
               IgPost("Kit check before nights #response #metpolice", datetime(2025, 7, 3, 21, 0, tzinfo=UTC),
                      [IgMedia("18000000000000002.jpg", datetime(2025, 7, 3, 21, 0, tzinfo=UTC))])],
        comments=[("See you at parkrun Saturday!", "hilly_runner_invented", datetime(2025, 8, 1, 8, 0, tzinfo=UTC))],
    )


def build_demo_instagram(dest_dir: Path) -> Path:
    """Write the demo officer's Instagram export zip into `dest_dir`; returns its path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    return demo_export().write_zip(dest_dir / "instagram-sam_h_se23-2026-11-02-Ig5dEm0q.zip")


DEMO_TRUTH = [
    {"platform": "instagram", "category": "home_address", "what": "autofill street address and postcode",
     "file": "personal_information/autofill_information/autofill_information.json",
     "pointer": "/ig_autofill_data/street_address/0"},
    {"platform": "instagram", "category": "photo_metadata", "what": "garden photo geotagged at home",
     "file": "your_instagram_activity/media/posts_1.json",
     "pointer": "/0/media/0/media_metadata/photo_metadata/exif_data/0"},
    {"platform": "instagram", "category": "employer_disclosure", "what": "bio says Response PC, Lewisham",
     "file": "personal_information/personal_information/personal_information.json",
     "pointer": "/profile_user/0/string_map_data/Bio/value"},
    {"platform": "instagram", "category": "account_exposure", "what": "account is public",
     "file": "personal_information/personal_information/personal_information.json",
     "pointer": "/profile_user/0/string_map_data/Private Account/value"},
]
