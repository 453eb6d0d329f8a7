"""The labelled texts: loading them and turning each into the Item a reader would yield.

Each line of a `.jsonl` file is {"text", "expected": [categories], "kind", "platform", ...}; `kind`
says what the text is (a post, comment, bio, caption, message, or someone else's post reposted).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from checks.records import Audience, Category, Item, ItemKind, Platform, ProfileField, Source

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "training" / "data"
POSTED = datetime(2025, 6, 14, 9, 30, tzinfo=UTC)  # the date every labelled text was "posted"
TEXT_CATEGORIES = (
    Category.HOME_ADDRESS, Category.EMPLOYER_DISCLOSURE, Category.IDENTITY_DETAILS, Category.FAMILY_DETAILS,
    Category.OFFICIAL_INFORMATION, Category.CONDUCT_RISK, Category.LOCATION_PATTERN,
)


@dataclass(frozen=True)
class Example:
    text: str
    expected: frozenset[str]
    kind: str
    platform: str
    source: str  # the file it came from

    def item(self, n: int = 0) -> Item:
        return as_item(self.text, self.kind, self.platform, n)


def as_item(text: str, kind: str = "post", platform: str = "x", n: int = 0) -> Item:
    """The Item a reader would yield for this text."""
    try:
        plat = Platform(platform)
    except ValueError:
        plat = Platform.OTHER
    source = Source(0, "data/tweets.js", f"/{n}/tweet/full_text", POSTED)
    if kind == "bio":
        return Item(plat, ItemKind.PROFILE_FIELD, Source(0, "profile.json", f"/profile/{n}/bio"), text=text,
                    field=ProfileField.BIO, audience=Audience.PUBLIC)
    details: tuple[tuple[str, str], ...] = (("repost", "true"),) if kind == "repost" else ()
    item_kind = {"comment": ItemKind.COMMENT, "message": ItemKind.MESSAGE, "caption": ItemKind.PHOTO}.get(
        kind, ItemKind.POST)
    audience = Audience.PRIVATE if kind == "message" else Audience.PUBLIC
    return Item(plat, item_kind, source, text=text, audience=audience, details=details)


def load(path: Path) -> list[Example]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(Example(str(row["text"]), frozenset(row.get("expected", ())), str(row.get("kind", "post")),
                               str(row.get("platform", "x")), path.name))
    return out


def training_files() -> list[Path]:
    """Every labelled file used for training (fresh batches join after their first, frozen run)."""
    return sorted(DATA.glob("*.jsonl"))


def load_all(paths: list[Path] | None = None) -> list[Example]:
    seen: set[str] = set()
    out = []
    for path in paths or training_files():
        for ex in load(path):
            if ex.text not in seen:
                seen.add(ex.text)
                out.append(ex)
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def iter_items(examples: list[Example]) -> Iterator[tuple[Example, Item]]:
    for n, ex in enumerate(examples):
        yield ex, ex.item(n)
