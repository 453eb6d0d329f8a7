"""Photo previews read straight from the export, in memory, only when the person asks.

Nothing is written to disk and no thumbnail cache is used: the member is read from the export
(zip or folder) through `checks.exports.archive`, decoded with Pillow (HEIC via pillow-heif), turned
upright, shrunk and handed to Qt as a QImage. Runs on a worker thread.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from checks.errors import OffdutyError
from checks.exports.archive import group_parts, open_export
from checks.records import Finding, Report, Source

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff", ".gif")
MAX_PHOTO_BYTES = 40 * 1024 * 1024
PREVIEW_SIZE = 480

try:  # HEIC photos from phones
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a dependency; previews of HEIC just fail
    pass


def photo_source(finding: Finding) -> Source | None:
    """The first source of a finding that is an image file inside an export."""
    for source in (finding.source, *finding.related):
        if source.file.lower().endswith(IMAGE_SUFFIXES):
            return source
    return None


def export_paths(report: Report, source: Source, known: list[Path]) -> list[Path]:
    """The paths (all parts) of the export a source points into."""
    if not 0 <= source.input < len(report.inputs):
        raise OffdutyError(QCoreApplication.translate("photos", "This photo's export is not part of this audit."))
    first = Path(report.inputs[source.input].path)
    for group in group_parts(known):
        if group and group[0] == first:
            return group
    return [first]


def load_preview(paths: list[Path], member: str, size: int = PREVIEW_SIZE) -> QImage:
    """Read one photo from an export and return a small upright preview (in memory only)."""
    if not all(p.exists() for p in paths):
        raise OffdutyError(QCoreApplication.translate(
            "photos", "The export this photo is in is no longer where it was. Add it again to see the photo."))
    with open_export(paths) as export:
        info = export.member(member)
        if info is None:
            raise OffdutyError(QCoreApplication.translate("photos", "This photo is not in the export."))
        if info.size > MAX_PHOTO_BYTES:
            raise OffdutyError(QCoreApplication.translate("photos", "This photo is too large to preview."))
        with export.open(member) as fh:
            data = fh.read(MAX_PHOTO_BYTES + 1)
    try:
        with Image.open(io.BytesIO(data)) as opened:
            upright = ImageOps.exif_transpose(opened) or opened
            upright.thumbnail((size, size))
            rgb = upright.convert("RGBA")
            raw = rgb.tobytes()
            qimage = QImage(raw, rgb.width, rgb.height, rgb.width * 4, QImage.Format.Format_RGBA8888)
            return qimage.copy()  # own the pixels; `raw` goes away
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise OffdutyError(QCoreApplication.translate(
            "photos", "This photo could not be opened (it may be damaged).")) from exc
