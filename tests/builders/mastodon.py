"""Builder of Mastodon account archives (outbox.json, actor.json, likes.json, media_attachments/).

Structures follow `mastodon/mastodon:app/services/backup_service.rb` (research §9): an
ActivityStreams OrderedCollection of Create (Note with HTML content, to/cc audiences,
attachments with archive-relative URLs) and Announce activities; the actor with PropertyValue
profile fields, discoverable/indexable/manuallyApprovesFollowers. Invented people only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.builders._zipped import write_folder, write_zip
from tests.builders.photos import PhotoSpec, photo_bytes

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = ["https://www.w3.org/ns/activitystreams", {"toot": "http://joinmastodon.org/ns#"}]


@dataclass(frozen=True)
class Toot:
    html: str
    published: datetime
    visibility: str = "public"  # public, unlisted, followers, direct
    reply_to: str | None = None
    photo: PhotoSpec | None = None
    alt: str = ""
    content_warning: str = ""


@dataclass
class MastodonArchive:
    username: str = "invented"
    domain: str = "social.example"
    display_name: str = "Invented Person"
    bio_html: str = "<p>Just a person who likes walks.</p>"
    fields: list[tuple[str, str]] = field(default_factory=list)
    discoverable: bool = True
    indexable: bool = False
    locked: bool = False
    toots: list[Toot] = field(default_factory=list)
    boosts: int = 2

    @property
    def actor_id(self) -> str:
        return f"https://{self.domain}/users/{self.username}"

    def files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        items: list[dict[str, Any]] = []
        for index, toot in enumerate(self.toots):
            status = f"{self.actor_id}/statuses/{110000000000000000 + index}"
            followers = f"{self.actor_id}/followers"
            to, cc = {"public": ([PUBLIC], [followers]), "unlisted": ([followers], [PUBLIC]),
                      "followers": ([followers], []),
                      "direct": ([f"https://{self.domain}/users/friend"], [])}[toot.visibility]
            attachments = []
            if toot.photo is not None:
                path = f"/media_attachments/files/110/000/{index:03d}/original/{index:016x}.jpg"
                out[path.lstrip("/")] = photo_bytes(toot.photo)
                attachments.append({"type": "Document", "mediaType": "image/jpeg", "url": path,
                                    "name": toot.alt or None, "blurhash": "UBL_:rOpGG-;", "width": 16, "height": 12})
            note = {"id": status, "type": "Note", "summary": toot.content_warning or None, "inReplyTo": toot.reply_to,
                    "published": toot.published.strftime("%Y-%m-%dT%H:%M:%SZ"), "url": status.replace("/users/", "/@"),
                    "attributedTo": self.actor_id, "to": to, "cc": cc, "sensitive": bool(toot.content_warning),
                    "content": toot.html, "contentMap": {"en": toot.html}, "attachment": attachments, "tag": []}
            items.append({"id": status + "/activity", "type": "Create", "actor": self.actor_id,
                          "published": note["published"], "to": to, "cc": cc, "object": note})
        for i in range(self.boosts):
            items.append({"id": f"{self.actor_id}/statuses/9{i}/activity", "type": "Announce", "actor": self.actor_id,
                          "published": "2024-01-01T00:00:00Z", "to": [PUBLIC], "cc": [],
                          "object": f"https://other.example/users/someone/statuses/{i}"})
        out["outbox.json"] = _dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
                                    "type": "OrderedCollection", "totalItems": len(items), "orderedItems": items})
        out["actor.json"] = _dump({
            "@context": CONTEXT, "id": self.actor_id, "type": "Person", "following": self.actor_id + "/following",
            "followers": self.actor_id + "/followers", "inbox": self.actor_id + "/inbox", "outbox": "outbox.json",
            "preferredUsername": self.username, "name": self.display_name, "summary": self.bio_html,
            "url": f"https://{self.domain}/@{self.username}", "manuallyApprovesFollowers": self.locked,
            "discoverable": self.discoverable, "indexable": self.indexable, "published": "2022-11-05T00:00:00Z",
            "attachment": [{"type": "PropertyValue", "name": n, "value": v} for n, v in self.fields],
            "icon": {"type": "Image", "mediaType": "image/jpeg", "url": "avatar.jpg"},
        })
        out["avatar.jpg"] = photo_bytes(PhotoSpec(make="", model=""))
        out["likes.json"] = _dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json",
                                   "type": "OrderedCollection", "orderedItems": []})
        out["bookmarks.json"] = _dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "bookmarks.json",
                                       "type": "OrderedCollection", "orderedItems": []})
        return out


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _demo_archive(persona: Any) -> MastodonArchive:
    return MastodonArchive(
        username=persona.username, domain="mastodon.example", display_name=persona.first_name,
        bio_html="<p>Runner, baker, telly addict. South London.</p>",
        fields=[("Day job", f"{persona.role}, {persona.force}"), ("Parkrun", persona.parkrun)],
        discoverable=True, indexable=True,
        toots=[Toot("<p>Finally got the sourdough to rise!</p>", datetime(2026, 2, 1, 10, 0, tzinfo=UTC)),
               Toot("<p>Morning view from the back garden</p>", datetime(2026, 4, 11, 7, 30, tzinfo=UTC),
                    photo=PhotoSpec(persona.home[0], persona.home[1], taken=datetime(2026, 4, 11, 8, 30),
                                    offset="+01:00"), alt="Frosty garden at dawn")])


def build_demo_mastodon(dest_dir: Path, persona: Any = None) -> Path:
    from scripts.make_demo import PERSONA

    return write_folder(_demo_archive(persona or PERSONA).files(), dest_dir / "archive-20261101091244-demo")


def build_demo(out: Path, persona: Any, truth: Any) -> list[Path]:
    """make_demo.py plug-in: the Mastodon archive; job in a profile field, a geotagged photo at home."""
    name = "archive-20261101091244-4f1d2c3b4a5e6f708192a3b4c5d6e7f8.zip"
    path = write_zip(_demo_archive(persona).files(), out / name)
    truth.export(name, "mastodon", "Mastodon account archive of the invented officer")
    truth.plant(export=name, platform="mastodon", category="employer_disclosure", file="actor.json",
                pointer="/attachment/0/value", what="role and force in a public profile field")
    truth.plant(export=name, platform="mastodon", category="photo_metadata",
                file="media_attachments/files/110/000/001/original/0000000000000001.jpg", pointer="",
                what="garden photo with GPS of home", location=persona.home, radius_m=150.0,
                timestamp=datetime(2026, 4, 11, 7, 30, tzinfo=UTC))
    truth.plant(export=name, platform="mastodon", category="account_exposure", file="actor.json",
                pointer="/indexable", what="posts open to search engines")
    return [path]
