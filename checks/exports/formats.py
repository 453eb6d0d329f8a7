"""The export formats Offduty knows, and how a person asks each platform for their data.

`offduty formats` prints this list and the desktop "Get your exports" page is built from it.
How to ask for each export lives in `resources/formats.json` (one entry per export a person can
request), checked when loaded: a malformed entry is a packaging fault and raises `FormatsError`
naming it. What a format is (its platform, its title, its HTML variant) is not stored there: it
comes from the format's own declaration in the registry (`checks.readers.FORMATS`), the one
source the window, `offduty formats`, the README table and the report share. Whether this
version can read a format is worked out from the readers registry (`checks.readers.READERS`).
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from checks.errors import OffdutyError
from checks.readers.spec import FormatSpec
from checks.records import Platform
from checks.resources import resource_path

FORMATS_FILE = ("formats.json",)

_TEXT_FIELDS = ("id", "arrives", "source")
_LIST_FIELDS = ("what_is_read", "how_to_request", "choose", "then_what")


class FormatsError(OffdutyError):
    """resources/formats.json is missing or malformed (a packaging fault)."""


@dataclass(frozen=True)
class Variant:
    """Another shape of the same export (the HTML version of a Meta export) and whether it is read."""

    id: str
    title: str
    readable: bool


@dataclass(frozen=True)
class ExportFormat:
    """One export a person can request, what Offduty reads in it, and how to get it."""

    id: str  # the format id readers register under, e.g. "x-archive"
    platform: Platform
    title: str
    what_is_read: tuple[str, ...]
    how_to_request: tuple[str, ...]  # ordered steps, as the platform's menus are today
    choose: tuple[str, ...]  # which options to pick when asking
    arrives: str  # how long it takes and how it is delivered
    then_what: tuple[str, ...]  # what to do with the file
    source: str  # the platform's own help page
    readable: bool  # whether this version of Offduty has a reader for it
    variants: tuple[Variant, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "platform": self.platform.value,
            "title": self.title,
            "readable": self.readable,
            "what_is_read": list(self.what_is_read),
            "how_to_request": list(self.how_to_request),
            "choose": list(self.choose),
            "arrives": self.arrives,
            "then_what": list(self.then_what),
            "source": self.source,
            "variants": [{"id": v.id, "title": v.title, "readable": v.readable} for v in self.variants],
        }


def _registered() -> frozenset[str]:
    from checks.readers import READERS

    return frozenset(READERS)


def _declared() -> dict[str, FormatSpec]:
    from checks.readers import FORMATS

    return FORMATS


def parse_formats(data: object, registered: frozenset[str]) -> list[ExportFormat]:
    """Check and convert the decoded formats.json; `registered` is the set of format ids with a reader."""
    if not isinstance(data, dict) or not isinstance(data.get("formats"), list):
        raise FormatsError("formats.json: expected an object with a \"formats\" list")
    declared = _declared()
    out: list[ExportFormat] = []
    seen: set[str] = set()
    for index, entry in enumerate(data["formats"]):
        where = f"formats.json entry {index}"
        if not isinstance(entry, dict):
            raise FormatsError(f"{where}: not an object")
        where = f"formats.json entry {entry.get('id', index)!r}"
        _check_entry(entry, where)
        if entry["id"] in seen:
            raise FormatsError(f"{where}: the id is used twice")
        seen.add(entry["id"])
        spec = declared.get(entry["id"])
        if spec is None or spec.variant_of is not None:
            raise FormatsError(f"{where}: no format of that id is declared by a reader (checks.readers.FORMATS)")
        variants = tuple(Variant(v.id, v.title, v.id in registered) for v in declared.values()
                         if v.variant_of == spec.id)
        out.append(ExportFormat(
            id=spec.id, platform=spec.platform, title=spec.title,
            what_is_read=tuple(entry["what_is_read"]), how_to_request=tuple(entry["how_to_request"]),
            choose=tuple(entry["choose"]), arrives=entry["arrives"], then_what=tuple(entry["then_what"]),
            source=entry["source"], readable=spec.id in registered, variants=variants))
    return out


def _check_entry(entry: dict[str, Any], where: str) -> None:
    for key in _TEXT_FIELDS:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise FormatsError(f"{where}: {key!r} must be non-empty text")
    for key in _LIST_FIELDS:
        value = entry.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise FormatsError(f"{where}: {key!r} must be a non-empty list of text")
    unknown = set(entry) - {*_TEXT_FIELDS, *_LIST_FIELDS}
    if unknown:
        raise FormatsError(f"{where}: unknown field(s) {sorted(unknown)}")
    if not entry["source"].startswith("https://"):
        raise FormatsError(f"{where}: 'source' must be an https:// link")


def load_formats(path: Path | None = None) -> list[ExportFormat]:
    """Every export format Offduty knows, in the order people are most likely to need them."""
    path = path or resource_path(*FORMATS_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FormatsError(f"{path} is missing; reinstall Offduty") from None
    except (OSError, ValueError) as exc:
        raise FormatsError(f"{path} cannot be read ({type(exc).__name__}); reinstall Offduty") from None
    return parse_formats(data, _registered())


def format_by_id(format_id: str, formats: list[ExportFormat] | None = None) -> ExportFormat | None:
    """The entry for a format id (or for one of its variants)."""
    for f in formats if formats is not None else load_formats():
        if f.id == format_id or any(v.id == format_id for v in f.variants):
            return f
    return None


def write_formats_text(formats: list[ExportFormat], stream: TextIO, width: int = 88) -> None:
    """The list as plain text for a terminal or a printout."""
    def para(text: str, indent: str) -> None:
        stream.write(textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + "  ") + "\n")

    readable = [f for f in formats if f.readable]
    stream.write(f"Offduty knows {len(formats)} kinds of export; this version reads {len(readable)} of them.\n")
    for f in formats:
        status = "read by this version" if f.readable else "recognised, not read yet by this version"
        stream.write(f"\n{f.title}  [{f.id}; {status}]\n")
        for v in f.variants:
            vstatus = "read" if v.readable else "recognised, not read yet"
            para(f"Also: {v.title} [{v.id}; {vstatus}]", "  ")
        stream.write("  What Offduty reads in it:\n")
        for line in f.what_is_read:
            para(f"- {line}", "    ")
        stream.write("  How to ask for it:\n")
        for n, step in enumerate(f.how_to_request, 1):
            para(f"{n}. {step}", "    ")
        stream.write("  Choose:\n")
        for line in f.choose:
            para(f"- {line}", "    ")
        para(f"When it arrives: {f.arrives}", "  ")
        stream.write("  Then:\n")
        for line in f.then_what:
            para(f"- {line}", "    ")
        stream.write(f"  Platform's help page: {f.source}\n")
