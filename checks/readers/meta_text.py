"""Meta (Facebook and Instagram) export helpers: the mojibake fix, media and label/value records.

Meta writes each UTF-8 byte of a non-ASCII character as its own `\\u00XX` escape, so after
JSON decoding "Università" reads "UniversitÃ\xa0". `fix` reverses that on keys and values;
strings that are already correct (any code point above U+00FF, or bytes that are not valid
UTF-8) are left exactly as they were. The media helpers read the `media_metadata.exif_data`
blocks where Meta keeps the capture time, GPS position, camera and upload IP of a photo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from checks.exports.archive import Export
from checks.pointer import join
from checks.readers.jsonstream import as_dict, as_list, as_str, from_epoch, geo
from checks.records import GeoPoint


def fix(text: str) -> str:
    """Undo Meta's byte-per-escape encoding; leave correct strings alone."""
    if not text or text.isascii():
        return text
    try:  # a code point above U+00FF fails the encode: the string is already right
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def fix_tree(value: Any, _depth: int = 0) -> Any:
    """`fix` applied to every string of a decoded JSON value, dict keys included."""
    if _depth > 80:
        return value
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {fix(str(k)): fix_tree(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [fix_tree(v, _depth + 1) for v in value]
    return value


VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp", ".webm", ".avi")


def is_video(uri: str, metadata: dict[str, Any] | None = None) -> bool:
    if metadata and "video_metadata" in metadata:
        return True
    return uri.lower().endswith(VIDEO_SUFFIXES)


def member_for(export: Export, uri: str) -> str | None:
    """The export member a Meta `uri` names (relative to the export root), if present."""
    if not uri or uri.startswith(("http://", "https://")):
        return None
    clean = uri.lstrip("/")
    found = export.member(clean)
    if found is not None:
        return found.name
    # Some exports keep the uri with the wrapper folder of the original zip in front.
    parts = clean.split("/", 1)
    if len(parts) == 2:
        found = export.member(parts[1])
        if found is not None:
            return found.name
    return None


_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


def exif_datetime(text: str) -> datetime | None:
    """"2021:11:23 08:18:43" (EXIF, no zone: taken as UTC) to a datetime."""
    match = _EXIF_DATE.match(text or "")
    if not match:
        return None
    try:
        y, mo, d, h, mi, se = (int(g) for g in match.groups())
        return datetime(y, mo, d, h, mi, se, tzinfo=UTC)
    except ValueError:
        return None


class MediaFacts:
    """What a Meta media object says: where (exif GPS), when, with what, from which IP."""

    def __init__(self, media: dict[str, Any], pointer: str) -> None:
        self.uri = as_str(media.get("uri"))
        self.title = as_str(media.get("title"))
        self.description = as_str(media.get("description"))
        self.created = from_epoch(media.get("creation_timestamp"))
        meta = as_dict(media.get("media_metadata"))
        self.video = is_video(self.uri, meta)
        self.location: GeoPoint | None = None
        self.pointer = pointer
        self.taken: datetime | None = None
        self.facts: list[tuple[str, str]] = []
        for kind in ("photo_metadata", "video_metadata"):
            block = as_dict(meta.get(kind))
            for index, exif in enumerate(as_list(block.get("exif_data"))):
                exif = as_dict(exif)
                here = join(pointer, "media_metadata", kind, "exif_data", index)
                point = geo(exif.get("latitude"), exif.get("longitude"))
                if point is not None and self.location is None:
                    self.location = point
                    self.pointer = here
                taken = from_epoch(exif.get("taken_timestamp")) or exif_datetime(
                    as_str(exif.get("date_time_original")))
                if taken is not None and self.taken is None:
                    self.taken = taken
                for key, label in (("camera_make", "camera_make"), ("camera_model", "camera_model"),
                                   ("upload_ip", "upload_ip"), ("device_id", "device_id"),
                                   ("software", "software")):
                    value = as_str(exif.get(key))
                    if value and (label, value) not in self.facts:
                        self.facts.append((label, value))
                upload = from_epoch(exif.get("upload_timestamp"))
                if upload is not None and self.created is None:
                    self.created = upload
        if self.taken is not None:
            self.facts.append(("taken", self.taken.strftime("%Y-%m-%dT%H:%M:%SZ")))

    @property
    def time(self) -> datetime | None:
        return self.taken or self.created

    @property
    def text(self) -> str:
        return self.description or self.title


def label_entries(label_values: Any, base: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(pointer, label, entry) for each entry of a Meta `label_values` list (labels are localised)."""
    for index, entry in enumerate(as_list(label_values)):
        entry = as_dict(entry)
        if entry:
            yield join(base, index), as_str(entry.get("label")), entry
