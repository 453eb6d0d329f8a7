"""Recognition: which format an opened export is, by asking every registered format's signs.

Formats declare how they are recognised (`checks.readers.spec.FormatSpec.signs`); the registry
(`checks.readers.FORMATS`) holds them in the order they are tried, so Meta's Facebook signs come
before Instagram's (the two share folder names) and a Threads-only export is tried before the
Instagram export it comes inside. Each format scores its best sign that holds; the best score
wins (the first on a tie), and a score of 1 ends the search. When the winner has an HTML
variant and the export holds only HTML pages, the variant is chosen. Formats this version cannot
read (WhatsApp chats) are recognised too, so the person is told so rather than "not an export".

Recognition reads little: member names, at most `MAX_HEADS` members' first bytes per sign, and
for JSON the top-level keys with a streaming parser bounded to `MAX_KEY_BYTES` (a Mastodon
outbox's "type" comes after a long "@context", far past a fixed byte window). Hostile content
never stops recognition: a sign that raises simply does not hold.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from checks.exports.archive import Export
from checks.readers.spec import FormatSpec, Sign
from checks.records import Platform

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".dng")

MAX_HEADS = 40  # members one sign may open to look at their first bytes
MAX_KEY_BYTES = 64 * 1024  # bytes the JSON key reader may take from one member
_HEAD_BYTES = 4096
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Recognition:
    """What an export is."""

    format: str  # e.g. "x-archive"
    platform: Platform
    title: str  # "X (Twitter) archive"
    confidence: float  # 0..1


class Probe:
    """Looks at one export for the signs, remembering what it has already read."""

    def __init__(self, export: Export) -> None:
        self.export = export
        self._heads: dict[str, bytes] = {}
        self._keys: dict[str, tuple[str, dict[str, Any]]] = {}
        self._candidates: dict[tuple[tuple[str, ...], str, int | None], list[str]] = {}

    def head(self, name: str) -> bytes:
        if name not in self._heads:
            self._heads[name] = self.export.read_head(name, _HEAD_BYTES)
        return self._heads[name]

    def keys(self, name: str) -> tuple[str, dict[str, Any]]:
        """The JSON document's shape and first top-level keys (see `jsonstream.first_keys`)."""
        if name not in self._keys:
            from checks.readers.jsonstream import first_keys

            head = self.export.read_head(name, MAX_KEY_BYTES)
            self._keys[name] = first_keys(io.BytesIO(head.removeprefix(_BOM)))
        return self._keys[name]

    def header(self, name: str) -> list[str]:
        from checks.readers.csvstream import clean, sniff_delimiter, sniff_encoding

        head = self.head(name)
        line = head.decode(sniff_encoding(head), "replace").lstrip("\ufeff").split("\n", 1)[0]
        first = next(csv.reader(io.StringIO(line), delimiter=sniff_delimiter(line)), [])
        return [clean(c).lower() for c in first]

    def candidates(self, sign: Sign) -> list[str]:
        key = (sign.paths, sign.pattern, sign.depth)
        if key not in self._candidates:
            names = [m.name for m in self.export.find(*sign.paths)] if sign.paths else []
            if sign.pattern:
                rx = re.compile(sign.pattern, re.I)
                names += [n for n in self.export.names() if rx.search(n) and n not in names]
            if sign.depth is not None:
                names = [n for n in names if n.count("/") <= sign.depth]
            self._candidates[key] = names
        return self._candidates[key]


def holds(sign: Sign, probe: Probe) -> bool:
    """Whether the export shows this sign."""
    export = probe.export
    if sign.single and not (export.kind == "file" and len(export) == 1):
        return False
    if sign.named and not re.search(sign.named, export.path.name, re.I):
        return False
    if sign.only and not _all_match(export, sign.only):
        return False
    if sign.media_share and not _media_share(export, sign.media_share):
        return False
    if sign.paths or sign.pattern:
        names = probe.candidates(sign)
        if not names:
            return False
        if sign.reads_content and not any(_content(sign, probe, n) for n in names[:MAX_HEADS]):
            return False
    if sign.also and not any(holds(other, probe) for other in sign.also):
        return False
    return not any(holds(other, probe) for other in sign.unless)


def _all_match(export: Export, pattern: str) -> bool:
    rx = re.compile(pattern, re.I)
    names = export.names()
    return bool(names) and all(rx.search(n) for n in names)


def _media_share(export: Export, share: float) -> bool:
    names = export.names()
    images = sum(1 for n in names if n.lower().endswith(IMAGE_SUFFIXES))
    return bool(images) and images >= share * len(names)


def _content(sign: Sign, probe: Probe, name: str) -> bool:
    head = probe.head(name)
    if sign.head and not head.removeprefix(_BOM).lstrip().startswith(sign.head):
        return False
    if sign.contains and not all(part in head[:256] for part in sign.contains):
        return False
    if sign.text and not re.search(sign.text, head.decode("utf-8", "replace"), re.M):
        return False
    if sign.header:
        cells = probe.header(name)
        if cells[: len(sign.header)] != [h.lower() for h in sign.header]:
            return False
    if sign.keys or sign.all_keys or sign.values:
        return _keys_match(sign, *probe.keys(name))
    return True


def _keys_match(sign: Sign, shape: str, found: dict[str, Any]) -> bool:
    if sign.shape and shape != sign.shape:
        return False
    if sign.keys and not any(k in found for k in sign.keys):
        return False
    if not all(k in found for k in sign.all_keys):
        return False
    return all(found.get(k) == v for k, v in sign.values)


def score(spec: FormatSpec, probe: Probe) -> float:
    """The score of the format's best sign that holds, 0 when none does."""
    best = 0.0
    for sign in spec.signs:
        if sign.score <= best:
            continue
        try:
            if holds(sign, probe):
                best = sign.score
        except Exception:  # a hostile member must not stop recognition of the others
            log.debug("a sign of %s raised while recognising", spec.id, exc_info=True)
    return best


def _html_only(export: Export) -> bool:
    return not export.any_name(r"\.json$") and export.any_name(r"\.html?$")


def recognise(export: Export) -> Recognition | None:
    """The best matching format, or None when nothing matches. Never raises for hostile content."""
    from checks.readers import FORMATS

    probe = Probe(export)
    best: tuple[float, FormatSpec] | None = None
    for spec in FORMATS.values():
        if spec.variant_of is not None:
            continue
        found = score(spec, probe)
        if found > 0 and (best is None or found > best[0]):
            best = (found, spec)
            if found >= 1.0:
                break
    if best is None:
        return None
    confidence, spec = best
    variant = next((v for v in FORMATS.values() if v.variant_of == spec.id), None)
    if variant is not None:
        try:
            if _html_only(export):
                spec = variant
        except Exception:
            log.debug("could not tell whether %s holds only HTML", export.label, exc_info=True)
    title = spec.title
    if spec.single_title is not None and export.kind == "file" and len(export) == 1:
        from checks.report.words import say

        title = say(spec.single_title)
    return Recognition(spec.id, spec.platform, title, confidence)
