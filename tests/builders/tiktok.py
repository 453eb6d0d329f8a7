"""Builds TikTok "Download your data" JSON exports in the real structure (invented people only).

Three generations of top-level keys (research §7): "2022" (`user_data.json`: `Activity`, `Profile` →
`Profile Information` → `ProfileMap`, `Video` → `Videos` → `VideoList`, `Tiktok Shopping`), "2024"
(`user_data_tiktok.json`: `Your Activity`, `Profile` → `Profile Info`, `Post` → `Posts` → `VideoList`,
`TikTok Shop`, lower-case `date`/`link` in some lists) and "2025" (`Profile And Settings` → `Profile Info`).
Missing values are the string "None", some lists are `null`, and the watch history (other people's
videos) uses the same `VideoList` key as the person's own posts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.builders._zipped import Written
from tests.builders.facebook import DEMO_EMAIL, DEMO_NAME, DEMO_PHONE, DEMO_POSTCODE, DEMO_STREET


def tiktok_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class TkVideo:
    caption: str
    when: datetime
    who_can_view: str = "Everyone"
    location: str = ""


@dataclass
class TikTokExport(Written):
    generation: str = "2024"  # "2022" | "2024" | "2025"
    username: str = "jo.invented"
    display_name: str = "Jo Invented"
    bio: str = "Dog mum 🐶 South London"
    birth_date: str = "02-Jun-1991"
    email: str = "jo@example.com"
    phone: str = "None"
    linked_name: str = ""  # real name of a linked Google/Facebook account
    autofill: dict[str, str] = field(default_factory=dict)
    videos: list[TkVideo] = field(default_factory=list)
    watched: int = 3  # other people's videos in the watch history
    comments: list[tuple[str, datetime]] = field(default_factory=list)
    # None: the keys of the generation's real SettingsMap (2024+ adds three "Suggest your account
    # to ..." keys, written in lower case, beside the old "Allow Others to Find Me").
    settings: dict[str, str] | None = None
    shop_addresses: list[str] = field(default_factory=list)
    gps: str = ""
    region: str = "GB"
    reviews: list[tuple[str, datetime]] = field(default_factory=list)
    null_lists: bool = True

    def __post_init__(self) -> None:
        if self.settings is None:
            self.settings = {"Private Account": "Disabled", "Allow Others to Find Me": "Enabled",
                             "Who Can View Videos I Liked": "Myself"}
            if self.generation != "2022":
                self.settings.update({"Allow Others to Find Me": "Disabled",
                                      "Suggest your account to Facebook friends": "enabled",
                                      "Suggest your account to contacts": "enabled",
                                      "Suggest your account to people who open or send links to you": "enabled"})

    @property
    def file_name(self) -> str:
        return "user_data.json" if self.generation == "2022" else "user_data_tiktok.json"

    def profile_map(self) -> dict[str, Any]:
        out: dict[str, Any] = {"PlatformInfo": [], "bioDescription": self.bio, "birthDate": self.birth_date,
                               "displayName": self.display_name, "emailAddress": self.email,
                               "followerCount": 12, "followingCount": 80, "likesReceived": "340",
                               "profilePhoto": "https://p16-sign.tiktokcdn.example/invented.jpeg",
                               "profileVideo": "None", "telephoneNumber": self.phone, "userName": self.username}
        if self.generation != "2022":
            out["accountRegion"] = self.region
        if self.linked_name:
            out["PlatformInfo"] = [{"Platform": "Google", "Name": self.linked_name, "Description": "",
                                    "Profile Photo": ""}]
        return out

    def tree(self) -> dict[str, Any]:
        gen = self.generation
        date_key, link_key = ("date", "link") if gen != "2022" else ("Date", "Link")
        videos = [{"Date": tiktok_time(v.when), "Link": f"https://www.tiktokv.com/share/video/7{k:018d}/",
                   "Likes": "3", "WhoCanView": v.who_can_view, "AllowComments": "Yes", "AllowStitches": "Yes",
                   "AllowDuets": "Yes", "AllowStickers": "Yes", "AllowSharingToStory": "Yes",
                   "ContentDisclosure": "", "AIGeneratedContent": "No", "Sound": "original sound",
                   "Location": v.location, "Title": v.caption, "AddYoursText": ""}
                  for k, v in enumerate(self.videos)]
        watch = [{date_key: tiktok_time(datetime(2024, 5, 1, tzinfo=UTC)),
                  link_key: f"https://www.tiktokv.com/share/video/8{k:018d}/"} for k in range(self.watched)]
        profile: dict[str, Any] = {("Profile Information" if gen == "2022" else "Profile Info"):
                                   {"ProfileMap": self.profile_map()}}
        if self.autofill:
            profile["Autofill"] = self.autofill
        activity: dict[str, Any] = {
            ("Video Browsing History" if gen == "2022" else "Watch History"): {"VideoList": watch},
            "Like List": {"ItemFavoriteList": None if self.null_lists else []},
            "Login History": {"LoginHistoryList": [{"Date": "2024-07-15 22:59:30 UTC", "IP": "203.0.113.9",
                                                    "DeviceModel": "iPhone14,5", "NetworkType": "Wi-Fi"}]},
            "Favorite Hashtags": {"FavoriteHashtagList": None},
        }
        if self.gps or self.region:
            activity["Most Recent Location Data"] = {"LocationData": {"Date": "2024-08-01 20:10:00",
                                                                      "GpsData": self.gps or "None",
                                                                      "LastRegion": self.region}}
        tree: dict[str, Any] = {}
        if gen == "2025":
            tree["Profile And Settings"] = {**profile, "Follower": {"FansList": None},
                                            "App Settings": {"Settings": {"SettingsMap": self.settings}}}
        else:
            tree["Profile"] = profile
            tree["App Settings"] = {"Settings": {"SettingsMap": self.settings}}
        tree["Activity" if gen == "2022" else "Your Activity"] = activity
        if gen == "2022":
            tree["Video"] = {"Videos": {"VideoList": videos}}
        else:
            tree["Post"] = {"Posts": {"VideoList": videos}}
        tree["Comment"] = {"Comments": {"CommentsList": [
            {date_key: tiktok_time(w), ("comment" if gen != "2022" else "Comment"): text, "photo": "N/A", "url": ""}
            for text, w in self.comments] or (None if self.null_lists else [])}}
        shop_key = "Tiktok Shopping" if gen == "2022" else "TikTok Shop"
        tree[shop_key] = {"Saved Address Information": {"SavedAddress": [
            {"receiver_name": self.display_name, "masked_phone_number": "+44*******123", "adress_info": a}
            for a in self.shop_addresses] or None}}
        if self.reviews:
            tree["Location Review"] = {"Location Reviews": {"ReviewsList": [
                {"PlaceName": p, "Date": tiktok_time(w), "Rating": "5"} for p, w in self.reviews]}}
        tree["Direct Message"] = {"Direct Messages": {"ChatHistory": {"Chat History with friend_invented:": [
            {"Date": "2024-02-01 10:00:00", "From": "friend_invented", "Content": "see you there"}]}}}
        return tree

    def files(self) -> dict[str, bytes]:
        return {self.file_name: json.dumps(self.tree(), ensure_ascii=False, indent=2).encode("utf-8")}


def demo_export() -> TikTokExport:
    return TikTokExport(
        generation="2024", username="sam.h.se23", display_name=DEMO_NAME, bio="Dad, runner, shift worker 🚓",
        birth_date="17-Apr-1990", email=DEMO_EMAIL, phone=DEMO_PHONE.replace(" ", ""),
        autofill={"PhoneNumber": DEMO_PHONE, "Email": DEMO_EMAIL, "FirstName": "Sam", "LastName": "Hollis",
                  "Address": DEMO_STREET, "ZipCode": DEMO_POSTCODE, "Unit": "", "City": "London",
                  "State": "England", "Country": "United Kingdom"},
        videos=[TkVideo("Ready for nights with the Met 😴 #metpolice #response #lewisham",
                        datetime(2025, 4, 10, 21, 30, tzinfo=UTC), location="Lewisham"),
                TkVideo("Sunday roast at home", datetime(2025, 5, 4, 15, 0, tzinfo=UTC), who_can_view="Friends")],
        comments=[("Haha same on our team", datetime(2025, 6, 1, 12, 0, tzinfo=UTC))],
        shop_addresses=[f"{DEMO_STREET}, London, {DEMO_POSTCODE}, GB"],
    )


def build_demo_tiktok(dest_dir: Path) -> Path:
    """Write the demo officer's TikTok export zip into `dest_dir`; returns its path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    return demo_export().write_zip(dest_dir / "TikTok_Data_1762077600.zip")


DEMO_TRUTH = [
    {"platform": "tiktok", "category": "home_address", "what": "autofill and shop saved address",
     "file": "user_data_tiktok.json", "pointer": "/Profile/Autofill/Address"},
    {"platform": "tiktok", "category": "account_exposure", "what": "account is not private",
     "file": "user_data_tiktok.json", "pointer": "/App Settings/Settings/SettingsMap/Private Account"},
    {"platform": "tiktok", "category": "employer_disclosure",
     "what": "public video: nights with the Met, #metpolice, Lewisham",
     "file": "user_data_tiktok.json", "pointer": "/Post/Posts/VideoList/0/Title"},
]
