"""Text in photos (optional, off by default, slower): house numbers, street signs, number plates,
"POLICE" on a uniform or a car.

Uses RapidOCR (the `rapidocr-onnxruntime` package carries its own models and runs offline on the
CPU). Install with `pip install "offduty[ocr]"`; without it, `available()` is False and nothing
changes. Photos are decoded in memory only, shrunk to at most 1,600 pixels on the long side, and
guarded against pixel bombs; nothing is written to disk. `PhotoTextPass` is the pipeline's
optional pass over one export: every photo a reader described, then every other image in it.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from checks.exports.archive import READ_ERRORS, Export
from checks.progress import CancelToken
from checks.records import Item, ItemKind, Platform, Source

log = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 40 * 1024 * 1024
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff")
MAX_SIDE = 1600
MIN_SCORE = 0.6
_ENGINE: Any = None
_LOAD_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()


def available() -> bool:
    """Whether the OCR engine is installed (a broken installation counts as none)."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except Exception:  # ImportError, or a native library that fails to load
        return False
    return True


def _engine() -> Any:
    global _ENGINE
    with _LOAD_LOCK:
        if _ENGINE is None:
            from rapidocr_onnxruntime import RapidOCR

            _ENGINE = RapidOCR()
        return _ENGINE


def read_text(data: bytes) -> str:
    """The text found in an image, lines joined with newlines ('' when none or unreadable)."""
    import numpy as np
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=["JPEG", "PNG", "WEBP", "TIFF", "HEIF"]) as opened:
            opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at reduced size straight away
            rgb = opened.convert("RGB")
            rgb.thumbnail((MAX_SIDE, MAX_SIDE))
            pixels = np.asarray(rgb)[:, :, ::-1]  # RGB -> BGR, as the engine expects
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        return ""
    engine = _engine()
    with _RUN_LOCK:  # the engine is not documented as thread-safe
        result, _ = engine(pixels)
    lines = [str(entry[1]) for entry in (result or []) if len(entry) >= 3 and float(entry[2]) >= MIN_SCORE]
    return "\n".join(lines)


def text_item(item: Item, export: Export) -> Item | None:
    """An extra item holding the text seen in the photo `item` points at, or None."""
    if item.kind not in (ItemKind.PHOTO,) or not item.media:
        return None
    member = export.member(item.media)
    if member is None or member.size > MAX_PHOTO_BYTES:
        return None
    try:
        with export.open(member.name) as stream:
            data = stream.read(MAX_PHOTO_BYTES + 1)
    except READ_ERRORS:
        return None
    text = read_text(data)
    if not text.strip():
        return None
    return replace(item, text=text, location=None, end_location=None,
                   details=(*item.details, ("ocr", "true")))


class PhotoTextPass:
    """Text inside every photo of one export, read once per photo, handed on as extra items."""

    def __init__(self, export: Export, platform: Platform, index: int, handle: Callable[[Item], None],
                 cancel: CancelToken) -> None:
        self.export, self.platform, self.index, self.handle, self.cancel = export, platform, index, handle, cancel
        self.done: set[str] = set()

    def item(self, item: Item) -> None:
        """A photo a reader described (the text keeps its source: the post or record it belongs to)."""
        if item.kind is not ItemKind.PHOTO or not item.media or item.media in self.done:
            return
        self.done.add(item.media)
        seen = text_item(item, self.export)
        if seen is not None:
            self.handle(seen)
        self.cancel.raise_if_cancelled()

    def rest(self) -> None:
        """Every other image in the export (photos no reader described)."""
        for member in self.export.members():
            if member.name in self.done or not member.name.lower().endswith(IMAGE_SUFFIXES):
                continue
            self.item(Item(self.platform, ItemKind.PHOTO, Source(self.index, member.name, ""), media=member.name))
