"""Camera identity: the owner's name and the serial numbers a camera writes into every photo.

Finds, across every photo of the audit (photo folders, and the exports' records of photos): the
camera owner or artist name (`owner`, `artist`) and the body or lens serial number (`serial`,
`body_serial`, `lens_serial`) the camera wrote into the file. One finding per value and platform,
listing every photo that carries it (camera_identity, photo_metadata).

Why it matters: a name in a shared photo says who took it; a serial number links every photo from
the same camera, even ones shared under another name or by someone else.

Example: 212 photos from a phone whose owner field reads the officer's full name -> photo
metadata (medium), one finding, the 212 photos in `related`.

Does not flag: the camera's make and model (millions share them), photos with no such fields,
blank values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from checks.detectors.base import Analyzer
from checks.places.wording import whole
from checks.records import Category, Detection, Item, ItemKind, Message, Platform, Severity, Source, msg

OWNER_FIELDS = ("owner", "artist")
SERIAL_FIELDS = ("serial", "body_serial", "lens_serial")
MAX_VALUES = 1_000  # distinct owner names and serials kept (a person has a few cameras)
MAX_PHOTOS_PER_VALUE = 100_000


@dataclass
class _Seen:
    """The photos carrying one value, in the order they were read."""

    value: str
    platform: Platform
    kind: ItemKind
    sources: list[Source] = field(default_factory=list)


class CameraIdentity(Analyzer):
    """Owner names and serial numbers in photos, one finding per value and platform."""

    id = "camera_identity"
    category: ClassVar[Category] = Category.PHOTO_METADATA

    def __init__(self) -> None:
        self.seen: dict[tuple[Platform, str, str], _Seen] = {}

    def observe(self, item: Item) -> None:
        if item.kind not in (ItemKind.PHOTO, ItemKind.VIDEO):
            return
        for name, value in item.details:
            kind = "owner" if name in OWNER_FIELDS else "serial" if name in SERIAL_FIELDS else None
            text = " ".join(value.split())
            if kind is None or not text:
                continue
            key = (item.platform, kind, text.lower())
            seen = self.seen.get(key)
            if seen is None:
                if len(self.seen) >= MAX_VALUES:
                    continue
                seen = self.seen[key] = _Seen(text, item.platform, item.kind)
            if len(seen.sources) < MAX_PHOTOS_PER_VALUE and (not seen.sources or seen.sources[-1] != item.source):
                seen.sources.append(item.source)

    def finish(self) -> Iterator[Detection]:
        for (platform, kind, folded), seen in sorted(self.seen.items(), key=lambda kv: kv[0]):
            n = len(seen.sources)
            title, reason = _words(kind, n)
            yield Detection(
                detector=self.id, category=self.category, severity=Severity.MEDIUM, confidence=0.9,
                title=title, reason=reason, evidence=seen.value, key=f"{kind}:{folded}",
                source=seen.sources[0], platform=platform, item_kind=seen.kind,
                related=tuple(seen.sources[1:]), span=whole(seen.value),
            )


def _words(kind: str, n: int) -> tuple[Message, Message]:
    if kind == "owner":
        return msg("places.camera.title.owner"), msg("places.camera.reason.owner", count=n)
    return msg("places.camera.title.serial"), msg("places.camera.reason.serial", count=n)
