"""Builds Facebook "Download Your Information" exports in the real structure (invented people only).

Layouts (research §1.1): "2024" (`personal_information/profile_information/…`,
`your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_N.json`, `logged_information/`),
"pre2024" (`profile_information/…`, `posts/your_posts_N.json`, `location/…`, `comments_and_reactions/`)
and "transitional" (`your_activity_across_facebook/posts/…`). JSON is written the way Meta writes it:
every UTF-8 byte of a non-ASCII character as its own `\\u00XX` escape (the mojibake), 2-space indent.
The HTML variant writes the same records as Meta's HTML pages (`_a6-g` boxes, `_a6-h` titles,
`_a6-p` bodies, `_a72d` dates, `_a6_q`/`_a6_r` label/value cells).

Also `meta_json` (the mojibake encoder shared with the Instagram builder), demo constants for the
invented officer and `build_demo_facebook`.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.builders._zipped import Written

ZIP_TIME = (2026, 11, 2, 10, 0, 0)

# -- the demo's invented officer (shared by the Meta, LinkedIn and TikTok demo builders) ---------
DEMO_NAME = "Sam Hollis"
DEMO_FIRST, DEMO_LAST = "Sam", "Hollis"
DEMO_EMAIL = "sam.hollis.demo@example.com"
DEMO_PHONE = "+44 7700 900461"  # Ofcom drama range
DEMO_STREET = "14 Examplewood Road"
DEMO_POSTCODE = "SE23 9ZZ"
DEMO_ADDRESS = f"{DEMO_STREET}, Forest Hill, London {DEMO_POSTCODE}"
DEMO_HOME = (51.43962, -0.05318)  # a street near Forest Hill, SE23
DEMO_STATION = (51.45771, -0.01243)  # near Lewisham police station
DEMO_BIRTHDAY = (1990, 4, 17)
DEMO_EMPLOYER = "Metropolitan Police Service"
DEMO_TITLE = "Police Constable (Response)"
DEMO_PARTNER = "Alex Hollis"
DEMO_CHILD = "Maisie Hollis"


def epoch(moment: datetime) -> int:
    return int(moment.astimezone(UTC).timestamp())


def meta_json(value: Any) -> bytes:
    """JSON as Meta writes it: each UTF-8 byte of non-ASCII text escaped as `\\u00XX`, keys too."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
        else:
            out.extend(f"\\u00{b:02x}" for b in ch.encode("utf-8"))
    return "".join(out).encode("ascii")


def plain_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def small_jpeg(seed: int = 0) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 12), ((seed * 53) % 256, (seed * 97) % 256, 90)).save(out, "JPEG")
    return out.getvalue()


@dataclass
class FbMedia:
    """A photo or video attached to a post, an album or the uncategorised list."""

    name: str  # file name under the media folder
    created: datetime
    title: str = ""
    description: str = ""
    lat: float | None = None
    lon: float | None = None
    taken: datetime | None = None
    upload_ip: str = "203.0.113.24"
    camera_make: str = ""
    camera_model: str = ""
    include_file: bool = True
    video: bool = False


@dataclass
class FbPlace:
    name: str
    lat: float | None = None
    lon: float | None = None
    address: str = ""


@dataclass
class FbPost:
    text: str
    when: datetime
    title: str = ""
    tags: list[str] = field(default_factory=list)
    place: FbPlace | None = None
    media: list[FbMedia] = field(default_factory=list)
    life_event: str = ""


@dataclass
class FbCheckin:
    when: datetime
    place: str
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    message: str = ""


@dataclass
class FacebookExport(Written):
    """An invented person's Facebook export; `files()` gives member path -> bytes."""

    layout: str = "2024"  # "2024" | "pre2024" | "transitional" | "2019" (keys without _v2, flat photo_metadata)
    fmt: str = "json"  # "json" | "html"
    full_name: str = "Jo Invented"
    username: str = "jo.invented.9"
    birthday: tuple[int, int, int] | None = (1991, 6, 2)
    current_city: str = "London, United Kingdom"
    hometown: str = "Bromley"
    address: dict[str, str] | None = None
    places_lived: list[str] = field(default_factory=list)
    work: list[dict[str, Any]] = field(default_factory=list)
    education: list[str] = field(default_factory=list)
    family: list[tuple[str, str]] = field(default_factory=list)  # (name, relation)
    partner: str = ""
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    posts: list[FbPost] = field(default_factory=list)
    posts_per_file: int = 0  # 0: one file
    uncategorised: list[FbMedia] = field(default_factory=list)
    videos: list[FbMedia] = field(default_factory=list)
    albums: list[tuple[str, list[FbMedia]]] = field(default_factory=list)
    checkins: list[FbCheckin] = field(default_factory=list)
    single_checkin_object: bool = False  # Meta writes one check-in as a lone object
    checkin_labels: dict[str, str] = field(default_factory=dict)  # localise labels: English -> other
    tagged_places: list[tuple[str, datetime]] = field(default_factory=list)
    comments: list[tuple[str, datetime, str]] = field(default_factory=list)  # (text, when, title)
    location_history: list[tuple[str, float, float, datetime]] = field(default_factory=list)
    primary_location: tuple[str, str, str] | None = None  # (city, region, postcode)
    contact_info: list[tuple[str, str]] = field(default_factory=list)  # 2024+ label/value
    stories: list[FbMedia] = field(default_factory=list)  # archived stories
    mojibake: bool = True
    extra: dict[str, bytes] = field(default_factory=dict)

    # -- paths ----------------------------------------------------------------------------
    @property
    def activity(self) -> str:
        return {"2024": "your_facebook_activity", "pre2024": "", "2019": "",
                "transitional": "your_activity_across_facebook"}[self.layout]

    def path(self, *parts: str) -> str:
        prefix = [self.activity] if self.activity else []
        return "/".join([*prefix, *parts])

    @property
    def profile_path(self) -> str:
        base = ("personal_information/profile_information" if self.layout == "2024" else "profile_information")
        return f"{base}/profile_information.{self.fmt}"

    @property
    def media_dir(self) -> str:
        return self.path("posts", "media")

    def posts_path(self, number: int) -> str:
        if self.layout == "2019":
            return f"posts/your_posts.{self.fmt}" if number == 1 else f"posts/your_posts_{number}.{self.fmt}"
        if self.layout == "pre2024":
            return f"posts/your_posts_{number}.{self.fmt}"
        return self.path("posts", f"your_posts__check_ins__photos_and_videos_{number}.{self.fmt}")

    @property
    def checkins_path(self) -> str:
        return self.path("posts", f"check-ins.{self.fmt}")

    @property
    def tagged_path(self) -> str:
        return self.path("posts", f"places_you_have_been_tagged_in.{self.fmt}")

    @property
    def comments_path(self) -> str:
        return self.path("comments_and_reactions", f"comments.{self.fmt}")

    @property
    def location_dir(self) -> str:
        return "logged_information/location" if self.layout == "2024" else "location"

    # -- JSON records ---------------------------------------------------------------------
    def media_json(self, m: FbMedia, album: str = "your_posts") -> dict[str, Any]:
        exif: dict[str, Any] = {"upload_ip": m.upload_ip}
        if m.taken:
            exif["taken_timestamp"] = epoch(m.taken)
        if m.lat is not None and m.lon is not None:
            exif["latitude"] = m.lat
            exif["longitude"] = m.lon
        if m.camera_make:
            exif["camera_make"] = m.camera_make
            exif["camera_model"] = m.camera_model
        meta_key = "video_metadata" if m.video else "photo_metadata"
        if m.video:
            exif["upload_timestamp"] = epoch(m.created)
        out: dict[str, Any] = {
            "uri": f"{self.media_dir}/{album}/{m.name}",
            "creation_timestamp": epoch(m.created),
            # 2018-19: the facts sit directly under photo_metadata; since 2020 in an exif_data list
            "media_metadata": {meta_key: exif if self.layout == "2019" else {"exif_data": [exif]}},
            "title": m.title,
        }
        if m.description:
            out["description"] = m.description
        return out

    def post_json(self, p: FbPost) -> dict[str, Any]:
        out: dict[str, Any] = {"timestamp": epoch(p.when)}
        data: list[Any] = []
        if p.text:
            data.append({"post": p.text})
        data.append({"update_timestamp": epoch(p.when)})
        out["data"] = data
        if p.title:
            out["title"] = p.title
        attach: list[Any] = []
        for m in p.media:
            attach.append({"media": self.media_json(m)})
        if p.place:
            place: dict[str, Any] = {"name": p.place.name}
            if p.place.lat is not None:
                place["coordinate"] = {"latitude": p.place.lat, "longitude": p.place.lon}
            if p.place.address:
                place["address"] = p.place.address
            place["url"] = "https://www.facebook.com/invented.place.1"
            attach.append({"place": place})
        if p.life_event:
            attach.append({"life_event": {"title": p.life_event, "start_date": {"year": p.when.year,
                                                                                 "month": p.when.month,
                                                                                 "day": p.when.day}}})
        if attach:
            out["attachments"] = [{"data": attach}]
        if p.tags:
            out["tags"] = [{"name": t} for t in p.tags]
        return out

    def profile_json(self) -> dict[str, Any]:
        first, _, last = self.full_name.partition(" ")
        profile: dict[str, Any] = {
            "name": {"full_name": self.full_name, "first_name": first, "middle_name": "", "last_name": last},
            "emails": {"emails": self.emails, "previous_emails": [], "pending_emails": [], "ad_account_emails": []},
        }
        if self.birthday:
            y, mo, d = self.birthday
            profile["birthday"] = {"year": y, "month": mo, "day": d}
        profile["gender"] = {"gender_option": "FEMALE", "pronoun": "FEMALE"}
        profile["previous_names"] = []
        profile["other_names"] = []
        if self.current_city:
            profile["current_city"] = {"name": self.current_city, "timestamp": 1600000000}
        if self.hometown:
            profile["hometown"] = {"name": self.hometown, "timestamp": 0}
        if self.partner:
            profile["relationship"] = {"status": "Married", "partner": self.partner,
                                       "anniversary": {"year": 2016, "month": 8, "day": 20}, "timestamp": 1500000000}
        profile["family_members"] = [{"name": n, "relation": r, "timestamp": 1550000000} for n, r in self.family]
        profile["education_experiences"] = [{"name": s, "graduated": True, "school_type": "College",
                                             "timestamp": 1400000000} for s in self.education]
        profile["work_experiences"] = self.work
        profile["websites"] = [{"address": w} for w in self.websites]
        if self.address:
            profile["address"] = self.address
        profile["phone_numbers"] = [{"phone_type": "Mobile", "phone_number": p, "verified": True} for p in self.phones]
        profile["places_lived"] = [{"place": p, "start_timestamp": 1450000000, "timestamp": 1450000100}
                                   for p in self.places_lived]
        profile["username"] = self.username
        profile["registration_timestamp"] = 1262304000
        profile["profile_uri"] = f"https://www.facebook.com/{self.username}"
        return {"profile" if self.layout == "2019" else "profile_v2": profile}

    def checkin_json(self, c: FbCheckin) -> dict[str, Any]:
        lab = self.checkin_labels
        tags: list[Any] = [{"label": lab.get("Name", "Name"), "value": c.place}]
        if c.address:
            tags.append({"label": lab.get("Address", "Address"), "value": c.address})
        if c.lat is not None:
            tags.append({"label": lab.get("Coordinates", "Coordinates"), "value": f"({c.lat} , {c.lon})"})
        values: list[Any] = []
        if c.message:
            values.append({"label": lab.get("Message", "Message"), "value": c.message})
        values.append({"label": lab.get("Place tags", "Place tags"), "dict": tags})
        return {"timestamp": epoch(c.when), "fbid": str(1000 + epoch(c.when) % 9000), "media": [],
                "label_values": values}

    def encode(self, value: Any) -> bytes:
        return meta_json(value) if self.mojibake else plain_json(value)

    # -- files ----------------------------------------------------------------------------
    def files(self) -> dict[str, bytes]:
        out = self._html_files() if self.fmt == "html" else self._json_files()
        for m in [m for p in self.posts for m in p.media] + self.uncategorised + self.videos:
            if m.include_file:
                data = b"\x00\x00\x00\x18ftypmp42" if m.video else small_jpeg(len(out))
                out[f"{self.media_dir}/your_posts/{m.name}"] = data
        for name, photos in self.albums:
            for m in photos:
                if m.include_file:
                    out[f"{self.media_dir}/{name}/{m.name}"] = small_jpeg(len(out))
        for m in self.stories:
            if m.include_file:
                out[f"{self.media_dir}/stories/{m.name}"] = small_jpeg(len(out))
        out.update(self.extra)
        return out

    def _post_chunks(self) -> list[list[FbPost]]:
        if not self.posts:
            return []
        size = self.posts_per_file or len(self.posts)
        return [self.posts[i:i + size] for i in range(0, len(self.posts), size)]

    def key(self, name: str) -> str:
        """A list's key: `name_v2` since 2020, `name` in 2018-19 exports."""
        return name if self.layout == "2019" else f"{name}_v2"

    def _json_files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {self.profile_path: self.encode(self.profile_json())}
        for number, chunk in enumerate(self._post_chunks(), start=1):
            posts = [self.post_json(p) for p in chunk]
            out[self.posts_path(number)] = self.encode({"status_updates": posts} if self.layout == "2019" else posts)
        if self.uncategorised:
            out[self.path("posts", "your_uncategorized_photos.json")] = self.encode(
                {self.key("other_photos"): [self.media_json(m) for m in self.uncategorised]})
        if self.videos:
            out[self.path("posts", "your_videos.json")] = self.encode(
                {self.key("videos"): [self.media_json(m) for m in self.videos]})
        if self.stories and self.layout == "2019":
            out["stories/archived_stories.json"] = self.encode({"archived_stories": [
                {"timestamp": epoch(m.created), "attachments": [{"data": [{"media": self.media_json(m, "stories")}]}],
                 "title": f"{self.full_name} shared a story."} for m in self.stories]})
        for index, (name, photos) in enumerate(self.albums):
            out[self.path("posts", "album", f"{index}.json")] = self.encode({
                "name": name, "photos": [self.media_json(m, name) for m in photos],
                "cover_photo": self.media_json(photos[0], name) if photos else {},
                "last_modified_timestamp": 1700000000, "description": ""})
        if self.checkins:
            records = [self.checkin_json(c) for c in self.checkins]
            out[self.checkins_path] = self.encode(records[0] if self.single_checkin_object and len(records) == 1
                                                  else records)
        if self.tagged_places:
            out[self.tagged_path] = self.encode([{"fbid": "42", "media": [], "label_values": [
                {"label": "Place name", "value": place},
                {"label": "Visit time", "timestamp_value": epoch(when)},
                {"label": "Name of application used to tag this place", "value": "Facebook for Android"}]}
                for place, when in self.tagged_places])
        if self.comments:
            out[self.comments_path] = self.encode({"comments_v2": [
                {"timestamp": epoch(when), "data": [{"comment": {"timestamp": epoch(when), "comment": text,
                                                                 "author": self.full_name}}],
                 "title": title or f"{self.full_name} commented on a post."} for text, when, title in self.comments]})
        if self.location_history:
            out[f"{self.location_dir}/location_history.json"] = self.encode({self.key("location_history"): [
                {"name": name, "coordinate": {"latitude": lat, "longitude": lon},
                 "creation_timestamp": epoch(when)} for name, lat, lon, when in self.location_history]})
        if self.primary_location:
            city, region, postcode = self.primary_location
            if self.layout == "2024":
                out[f"{self.location_dir}/primary_location.json"] = self.encode({"label_values": [
                    {"label": "City and region", "value": f"{city}, {region}"},
                    {"label": "Zip code", "value": postcode}]})
            else:
                out[f"{self.location_dir}/primary_location.json"] = self.encode({"primary_location_v2": {
                    "city_region_pairs": [[city, region]], "zipcode": [postcode]}})
        if self.contact_info:
            out["personal_information/profile_information/contact_info.json"] = self.encode(
                {"label_values": [{"label": lab, "value": val} for lab, val in self.contact_info]})
        return out

    # -- HTML -----------------------------------------------------------------------------
    @staticmethod
    def html_date(moment: datetime) -> str:
        """"Aug 17, 2025 11:23:55 am", as Meta prints (English locale)."""
        hour = moment.hour % 12 or 12
        return f"{moment:%b} {moment.day}, {moment.year} {hour}:{moment:%M:%S} {'am' if moment.hour < 12 else 'pm'}"

    def _page(self, title: str, boxes: list[str]) -> bytes:
        body = "".join(boxes)
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"/><title>{html.escape(title)}</title></head>'
                f'<body class="_5vb_ _2yq _a7o5"><div class="clearfix _ikh"><div class="_4bl9">'
                f'<div class="_li"><div class="_a705"><div class="_a706" role="main">{body}'
                f'</div></div></div></div></div></body></html>').encode()

    @staticmethod
    def _table(pairs: list[tuple[str, str]]) -> str:
        rows = "".join(f'<tr><td class="_2pin _a6_q">{html.escape(a)}</td><td class="_2pin _a6_r">'
                       f'{html.escape(b)}</td></tr>' for a, b in pairs)
        return f'<table style="table-layout: fixed;">{rows}</table>'

    def _box(self, title: str, body: str, when: datetime | None) -> str:
        date = f'<footer class="_a6-o"><div class="_a72d">{self.html_date(when)}</div></footer>' if when else ""
        return (f'<section class="_a6-g"><h2 class="_2ph_ _a6-h _a6-i">{html.escape(title)}</h2>'
                f'<div class="_2pin _a6-p">{body}</div>{date}</section>')

    def _html_files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        pairs: list[tuple[str, str]] = [("Full name", self.full_name)]
        if self.birthday:
            y, mo, d = self.birthday
            pairs.append(("Birthday", datetime(y, mo, d).strftime("%B %d, %Y")))
        if self.current_city:
            pairs.append(("Current city", self.current_city))
        if self.hometown:
            pairs.append(("Hometown", self.hometown))
        for job in self.work:
            pairs.append(("Employer", job.get("employer", "")))
        for p in self.phones:
            pairs.append(("Phone number", p))
        for e in self.emails:
            pairs.append(("Email", e))
        out[self.profile_path] = self._page("Profile information", [self._box("Profile information",
                                                                              self._table(pairs), None)])
        boxes = []
        for p in self.posts:
            inner = f"<div><div></div><div>{html.escape(p.text)}</div></div>"
            if p.place:
                place_pairs = [("Place", p.place.name)]
                if p.place.address:
                    place_pairs.append(("Address", p.place.address))
                if p.place.lat is not None:
                    place_pairs.append(("Coordinates", f"({p.place.lat} , {p.place.lon})"))
                inner += self._table(place_pairs)
            boxes.append(self._box(p.title or f"{self.full_name} updated their status.", inner, p.when))
        if boxes:
            out[self.posts_path(1)] = self._page("Your posts", boxes)
        if self.checkins:
            cboxes = []
            for c in self.checkins:
                cp = [("Message", c.message)] if c.message else []
                cp += [("Name", c.place)] + ([("Address", c.address)] if c.address else [])
                if c.lat is not None:
                    cp.append(("Coordinates", f"({c.lat} , {c.lon})"))
                cboxes.append(self._box("Check-in", self._table(cp), c.when))
            out[self.checkins_path] = self._page("Check-ins", cboxes)
        if self.comments:
            out[self.comments_path] = self._page("Comments", [
                self._box(title or f"{self.full_name} commented on a post.",
                          f"<div><div>{html.escape(text)}</div></div>", when) for text, when, title in self.comments])
        out["start_here.html"] = self._page("Your information", [])
        return out

    # -- writing --------------------------------------------------------------------------


def demo_export() -> FacebookExport:
    """The demo officer's Facebook: a few planted exposures (see TRUTH entries)."""
    t = datetime(2025, 5, 3, 18, 20, tzinfo=UTC)
    return FacebookExport(
        layout="2024", full_name=DEMO_NAME, username="sam.hollis.invented",
        birthday=DEMO_BIRTHDAY, current_city="Forest Hill, London", hometown="Sidcup",
        address={"street": DEMO_STREET, "city": "London", "zipcode": DEMO_POSTCODE, "neighborhood": "Forest Hill",
                 "country": "United Kingdom", "country_code": "GB", "region": ""},
        work=[{"employer": DEMO_EMPLOYER, "title": DEMO_TITLE, "location": "Lewisham, London",
               "start_timestamp": 1504224000, "timestamp": 1504224100}],
        education=["Canterbury Christ Church University"],
        family=[(DEMO_CHILD, "Daughter"), ("Pat Hollis", "Mother")],
        partner=DEMO_PARTNER, phones=[DEMO_PHONE], emails=[DEMO_EMAIL],
        posts=[
            FbPost("Maisie's first day at Horniman Primary! Where did the time go 😢", t,
                   media=[FbMedia("10001.jpg", t, lat=DEMO_HOME[0], lon=DEMO_HOME[1], taken=t,
                                  camera_make="Apple", camera_model="iPhone 14")]),
            FbPost("Night shifts done for another week. Lewisham response team, you lot are the best.",
                   datetime(2025, 6, 12, 7, 5, tzinfo=UTC),
                   place=FbPlace("Lewisham Police Station", DEMO_STATION[0], DEMO_STATION[1],
                                 "43 Lewisham High Street, London SE13")),
            FbPost("BBQ weather finally ☀️", datetime(2025, 7, 19, 16, 0, tzinfo=UTC)),
        ],
        checkins=[FbCheckin(datetime(2025, 8, 2, 9, 30, tzinfo=UTC), "Forest Hill Pools", "Dartmouth Road, London",
                            51.4379, -0.0537, "Saturday swim with the kids")],
        comments=[("Proud to serve with the Met for 8 years now", datetime(2025, 9, 1, 20, 0, tzinfo=UTC),
                   f"{DEMO_NAME} commented on a post.")],
    )


def build_demo_facebook(dest_dir: Path) -> Path:
    """Write the demo officer's Facebook export zip into `dest_dir`; returns its path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    return demo_export().write_zip(dest_dir / "facebook-samhollisinvented-2026-11-2-Dm0Fb7xQ.zip")


DEMO_TRUTH = [
    {"platform": "facebook", "category": "home_address", "what": "profile address " + DEMO_POSTCODE,
     "file": "personal_information/profile_information/profile_information.json",
     "pointer": "/profile_v2/address/street"},
    {"platform": "facebook", "category": "employer_disclosure", "what": "employer " + DEMO_EMPLOYER,
     "file": "personal_information/profile_information/profile_information.json",
     "pointer": "/profile_v2/work_experiences/0/employer"},
    {"platform": "facebook", "category": "photo_metadata", "what": "photo geotagged at home",
     "file": "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
     "pointer": "/0/attachments/0/data/0/media/media_metadata/photo_metadata/exif_data/0"},
    {"platform": "facebook", "category": "family_details", "what": "daughter named, school named",
     "file": "personal_information/profile_information/profile_information.json",
     "pointer": "/profile_v2/family_members/0/name"},
    {"platform": "facebook", "category": "location_pattern", "what": "check-in at the police station",
     "file": "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
     "pointer": "/1/attachments/0/data/0/place/coordinate"},
]
